package ai.honeyhive.quarkus.runtime.internal;

import io.smallrye.config.FallbackConfigSourceInterceptor;
import java.util.Map;

/**
 * The build-time keys' former names, still read for them (deprecated): {@code quarkus.honeyhive.enabled} falls back
 * to {@code honeyhive.enabled}, {@code quarkus.honeyhive.opentelemetry-spans} to {@code honeyhive.opentelemetry-spans}.
 */
public final class BuildTimeKeyAliases extends FallbackConfigSourceInterceptor {

    private static final long serialVersionUID = 1L;

    /** The former name of each build-time key. */
    public static final Map<String, String> FORMER_NAMES = Map.of(
            "quarkus.honeyhive.enabled", "honeyhive.enabled",
            "quarkus.honeyhive.opentelemetry-spans", "honeyhive.opentelemetry-spans");

    public BuildTimeKeyAliases() {
        super(FORMER_NAMES);
    }
}
