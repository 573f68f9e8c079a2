package ai.honeyhive.genai;

import static ai.honeyhive.genai.internal.OptionalAttributes.setIfPresent;
import static java.util.Objects.requireNonNull;

import ai.honeyhive.genai.internal.FittedMessages;
import ai.honeyhive.tracer.HoneyHiveTracer;
import ai.honeyhive.tracer.internal.SafeJson;
import ai.honeyhive.tracer.internal.ThrottledLogger;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * A LangChain4j {@link ChatModelListener} that makes each chat model call a HoneyHive model event: a span of the
 * GenAI semantic conventions (1.37, messages as {@code gen_ai.input.messages} / {@code gen_ai.output.messages}),
 * which the tracer completes with HoneyHive's keys. Its parent is the span current where the call is made, its session
 * that context's; it is never made current, so nothing is left on the thread a streamed response completes on, and it
 * ends when the response or the error arrives.
 *
 * <pre>{@code
 * ChatModel model = OpenAiChatModel.builder()
 *         .apiKey(key).modelName("gpt-4o-mini")
 *         .listeners(List.of(new HoneyHiveChatModelListener(tracer)))
 *         .build();
 * }</pre>
 *
 * <p>Works for {@code ChatModel} and {@code StreamingChatModel} alike. Message text is recorded unless the tracer's
 * {@code genaiCaptureContent} is false. Never throws into LangChain4j.
 */
public final class HoneyHiveChatModelListener implements ChatModelListener {

    /** The instrumentation scope of the spans it makes. */
    public static final String SCOPE = "ai.honeyhive.genai.langchain4j";

    private static final Object SPAN = new Object();
    private static final Logger logger = Logger.getLogger(HoneyHiveChatModelListener.class.getName());
    private static final ThrottledLogger failures = new ThrottledLogger(logger);

    private final Tracer tracer;
    private final boolean captureContent;
    // The span value limit: messages JSON longer than this would be cut by the SDK, and unreadable.
    private final int maxValueLength;

    public HoneyHiveChatModelListener(HoneyHiveTracer tracer) {
        requireNonNull(tracer, "tracer");
        this.tracer = tracer.provider().get(SCOPE);
        this.captureContent = tracer.config().genaiCaptureContent();
        this.maxValueLength = tracer.config().maxAttributeValueLength();
    }

    @Override
    public void onRequest(ChatModelRequestContext context) {
        try {
            ChatRequest request = context.chatRequest();
            String model = request.modelName();
            Span span = tracer.spanBuilder(model == null ? "chat" : "chat " + model)
                    .setParent(Context.current())
                    .setSpanKind(SpanKind.CLIENT)
                    .setAttribute("gen_ai.operation.name", "chat")
                    .startSpan();
            // Stored first: whatever fails below, the response or the error still ends it.
            context.attributes().put(SPAN, span);
            setIfPresent(span, "gen_ai.provider.name", provider(context.modelProvider()));
            setIfPresent(span, "gen_ai.request.model", model);
            setIfPresent(span, "gen_ai.request.temperature", request.temperature());
            setIfPresent(span, "gen_ai.request.top_p", request.topP());
            setIfPresent(span, "gen_ai.request.frequency_penalty", request.frequencyPenalty());
            setIfPresent(span, "gen_ai.request.presence_penalty", request.presencePenalty());
            if (request.topK() != null) {
                span.setAttribute("gen_ai.request.top_k", request.topK().longValue());
            }
            if (request.maxOutputTokens() != null) {
                span.setAttribute(
                        "gen_ai.request.max_tokens", request.maxOutputTokens().longValue());
            }
            if (request.stopSequences() != null && !request.stopSequences().isEmpty()) {
                span.setAttribute(
                        AttributeKey.stringArrayKey("gen_ai.request.stop_sequences"), request.stopSequences());
            }
            // Without content, the roles (and tool calls' names) still make the chat history's shape.
            span.setAttribute(
                    "gen_ai.input.messages", FittedMessages.fit(inputMessages(request.messages()), maxValueLength));
        } catch (RuntimeException e) {
            failures.log(Level.WARNING, "Could not start the span of a LangChain4j chat call", e);
        }
    }

    @Override
    public void onResponse(ChatModelResponseContext context) {
        if (!(context.attributes().remove(SPAN) instanceof Span span)) {
            return;
        }
        try {
            ChatResponse response = context.chatResponse();
            setIfPresent(span, "gen_ai.response.id", response.id());
            setIfPresent(span, "gen_ai.response.model", response.modelName());
            FinishReason finishReason = response.finishReason();
            if (finishReason != null) {
                span.setAttribute(
                        AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"), List.of(finish(finishReason)));
            }
            TokenUsage usage = response.tokenUsage();
            if (usage != null) {
                setIfPresent(span, "gen_ai.usage.input_tokens", usage.inputTokenCount());
                setIfPresent(span, "gen_ai.usage.output_tokens", usage.outputTokenCount());
                setIfPresent(span, "gen_ai.usage.total_tokens", usage.totalTokenCount());
            }
            AiMessage message = response.aiMessage();
            if (message != null) {
                ArrayNode output = SafeJson.mapper().createArrayNode();
                ObjectNode choice = output.addObject().put("role", "assistant");
                addAiParts(choice.putArray("parts"), message, captureContent);
                if (finishReason != null) {
                    choice.put("finish_reason", finish(finishReason));
                }
                span.setAttribute("gen_ai.output.messages", FittedMessages.fit(output, maxValueLength));
            }
        } catch (RuntimeException e) {
            failures.log(Level.WARNING, "Could not record the response of a LangChain4j chat call", e);
        } finally {
            span.end();
        }
    }

    @Override
    public void onError(ChatModelErrorContext context) {
        if (!(context.attributes().remove(SPAN) instanceof Span span)) {
            return;
        }
        try {
            Throwable error = context.error();
            if (error != null) {
                span.recordException(error);
                span.setStatus(StatusCode.ERROR, error.getClass().getName());
                span.setAttribute("honeyhive_error", error.getClass().getName() + ": " + error.getMessage());
            }
        } catch (RuntimeException e) {
            failures.log(Level.WARNING, "Could not record the error of a LangChain4j chat call", e);
        } finally {
            span.end();
        }
    }

    /** The messages, their text only when content is captured. */
    private ArrayNode inputMessages(List<ChatMessage> messages) {
        ArrayNode input = SafeJson.mapper().createArrayNode();
        for (ChatMessage message : messages) {
            ObjectNode entry = input.addObject();
            ArrayNode parts;
            if (message instanceof SystemMessage system) {
                entry.put("role", "system");
                parts = entry.putArray("parts");
                if (captureContent) {
                    parts.addObject().put("type", "text").put("content", system.text());
                }
            } else if (message instanceof UserMessage user) {
                entry.put("role", "user");
                if (user.name() != null && captureContent) {
                    entry.put("name", user.name());
                }
                parts = entry.putArray("parts");
                for (Content content : user.contents()) {
                    if (content instanceof TextContent text && captureContent) {
                        parts.addObject().put("type", "text").put("content", text.text());
                    }
                }
            } else if (message instanceof AiMessage ai) {
                entry.put("role", "assistant");
                addAiParts(entry.putArray("parts"), ai, captureContent);
            } else if (message instanceof ToolExecutionResultMessage result) {
                entry.put("role", "tool");
                ObjectNode response = entry.putArray("parts")
                        .addObject()
                        .put("type", "tool_call_response")
                        .put("id", result.id());
                if (captureContent) {
                    response.put("response", result.text());
                }
            } else {
                entry.put("role", message.type().name().toLowerCase(Locale.ROOT));
                entry.putArray("parts");
            }
        }
        return input;
    }

    private static void addAiParts(ArrayNode parts, AiMessage message, boolean withText) {
        if (withText && message.text() != null) {
            parts.addObject().put("type", "text").put("content", message.text());
        }
        if (message.hasToolExecutionRequests()) {
            for (ToolExecutionRequest call : message.toolExecutionRequests()) {
                ObjectNode part = parts.addObject()
                        .put("type", "tool_call")
                        .put("id", call.id())
                        .put("name", call.name());
                if (withText) {
                    part.put("arguments", call.arguments());
                }
            }
        }
    }

    private static String finish(FinishReason reason) {
        return switch (reason) {
            case STOP -> "stop";
            case LENGTH -> "length";
            case TOOL_EXECUTION -> "tool_calls";
            case CONTENT_FILTER -> "content_filter";
            default -> reason.name().toLowerCase(Locale.ROOT);
        };
    }

    /** LangChain4j's provider constant as the GenAI conventions name it ({@code OPEN_AI} is {@code openai}). */
    private static @Nullable String provider(@Nullable Enum<?> provider) {
        if (provider == null) {
            return null;
        }
        return switch (provider.name()) {
            case "OPEN_AI" -> "openai";
            case "AZURE_OPEN_AI" -> "azure.ai.openai";
            case "AMAZON_BEDROCK" -> "aws.bedrock";
            case "GOOGLE_AI_GEMINI" -> "gcp.gemini";
            case "GOOGLE_VERTEX_AI_GEMINI" -> "gcp.vertex_ai";
            case "MISTRAL_AI" -> "mistral_ai";
            default -> provider.name().toLowerCase(Locale.ROOT);
        };
    }
}
