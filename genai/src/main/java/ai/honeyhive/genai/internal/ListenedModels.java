package ai.honeyhive.genai.internal;

import ai.honeyhive.genai.HoneyHiveChatModelListener;
import ai.honeyhive.tracer.HoneyHiveTracer;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * LangChain4j models with HoneyHive's listener added to their own: a model's listeners are fixed when it is built,
 * so the model is handed on inside one that delegates every call to it and lists one listener more. LangChain4j's
 * {@code chat} (which calls the listeners around {@code doChat}) then runs as it always does.
 */
public final class ListenedModels {

    private ListenedModels() {}

    /**
     * The model, as {@code type} ({@code ChatModel} or {@code StreamingChatModel}), with HoneyHive's listener; the
     * model itself if it has that listener already, or runs its listeners in a {@code chat} of its own.
     */
    public static Object withListener(Class<?> type, Object model, HoneyHiveTracer tracer) {
        if (type == ChatModel.class && model instanceof ChatModel chat && callsListenersInDoChat(model, false)) {
            return hasOurs(chat.listeners()) ? model : new ListenedChatModel(chat, listeners(chat.listeners(), tracer));
        }
        if (type == StreamingChatModel.class
                && model instanceof StreamingChatModel streaming
                && callsListenersInDoChat(model, true)) {
            return hasOurs(streaming.listeners())
                    ? model
                    : new ListenedStreamingChatModel(streaming, listeners(streaming.listeners(), tracer));
        }
        return model;
    }

    /** Whether the model leaves {@code chat} to LangChain4j's interface, so that a wrapper's listeners are called. */
    private static boolean callsListenersInDoChat(Object model, boolean streaming) {
        try {
            Class<?> declaring = streaming
                    ? model.getClass()
                            .getMethod("chat", ChatRequest.class, StreamingChatResponseHandler.class)
                            .getDeclaringClass()
                    : model.getClass().getMethod("chat", ChatRequest.class).getDeclaringClass();
            return declaring.isInterface();
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static boolean hasOurs(List<ChatModelListener> listeners) {
        return listeners.stream().anyMatch(HoneyHiveChatModelListener.class::isInstance);
    }

    private static List<ChatModelListener> listeners(List<ChatModelListener> own, HoneyHiveTracer tracer) {
        List<ChatModelListener> all = new ArrayList<>(own);
        all.add(new HoneyHiveChatModelListener(tracer));
        return List.copyOf(all);
    }

    private record ListenedChatModel(ChatModel model, List<ChatModelListener> listeners) implements ChatModel {

        @Override
        public ChatResponse doChat(ChatRequest request) {
            return model.doChat(request);
        }

        @Override
        public ChatRequestParameters defaultRequestParameters() {
            return model.defaultRequestParameters();
        }

        @Override
        public ModelProvider provider() {
            return model.provider();
        }

        @Override
        public Set<Capability> supportedCapabilities() {
            return model.supportedCapabilities();
        }

        @Override
        public String toString() {
            return model.toString();
        }
    }

    private record ListenedStreamingChatModel(StreamingChatModel model, List<ChatModelListener> listeners)
            implements StreamingChatModel {

        @Override
        public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
            model.doChat(request, handler);
        }

        @Override
        public ChatRequestParameters defaultRequestParameters() {
            return model.defaultRequestParameters();
        }

        @Override
        public ModelProvider provider() {
            return model.provider();
        }

        @Override
        public Set<Capability> supportedCapabilities() {
            return model.supportedCapabilities();
        }

        @Override
        public String toString() {
            return model.toString();
        }
    }
}
