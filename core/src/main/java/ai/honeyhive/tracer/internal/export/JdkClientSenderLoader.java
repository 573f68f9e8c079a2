package ai.honeyhive.tracer.internal.export;

import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import java.util.List;

/**
 * What the OTLP exporter loads its components with: our JDK-client sender as the only HTTP sender (no service-loader
 * search, so no other sender on the class path is picked, and no warning about several), everything else (such as
 * compressors) from the tracer's own class loader.
 */
final class JdkClientSenderLoader implements ComponentLoader {

    private static final HttpSenderProvider PROVIDER = JdkClientHttpSender::new;

    private final ComponentLoader others = ComponentLoader.forClassLoader(JdkClientSenderLoader.class.getClassLoader());

    @Override
    @SuppressWarnings("unchecked")
    public <T> Iterable<T> load(Class<T> spiClass) {
        if (spiClass == HttpSenderProvider.class) {
            return (Iterable<T>) List.of(PROVIDER);
        }
        return others.load(spiClass);
    }
}
