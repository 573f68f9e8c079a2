package ai.honeyhive.genai.internal.cdi;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessProducer;
import java.lang.reflect.Type;
import java.util.Set;

/**
 * On a CDI container (Weld, Open Liberty, WildFly): every LangChain4j {@code ChatModel} or {@code StreamingChatModel}
 * the application produces gets HoneyHive's listener, so that its calls are model events without a line of
 * application code. Only producers whose declared type is one of those interfaces can be wrapped (a producer of
 * {@code OpenAiChatModel} cannot be handed back anything else); those are left as they are. Quarkus's ArC runs no
 * portable extension, and there Quarkus LangChain4j's own spans are the model events.
 *
 * <p>It names no LangChain4j type itself, so that it loads, and does nothing, where LangChain4j is absent.
 */
public final class LangChain4jModelsExtension implements Extension {

    private static final Set<String> MODEL_TYPES =
            Set.of("dev.langchain4j.model.chat.ChatModel", "dev.langchain4j.model.chat.StreamingChatModel");

    <T, X> void listen(@Observes ProcessProducer<T, X> producer, BeanManager beanManager) {
        Type type = producer.getAnnotatedMember().getBaseType();
        if (type instanceof Class<?> declared && MODEL_TYPES.contains(declared.getName())) {
            producer.setProducer(new ListenedModelProducer<>(producer.getProducer(), declared, beanManager));
        }
    }
}
