package ai.honeyhive.quarkus.runtime.internal;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.DefaultValuesConfigSource;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The build-time keys' former names, still read for them (deprecated): {@code quarkus.honeyhive.enabled} falls back
 * to {@code honeyhive.enabled}, {@code quarkus.honeyhive.opentelemetry-spans} to {@code honeyhive.opentelemetry-spans}.
 * The new key, when set in any source, wins; a former name in use is logged once, with the key to use instead. A
 * former name is listed under its new name, so that the runtime configuration, whose {@code honeyhive.*} keys it no
 * longer belongs to, does not reject it as unknown.
 */
@Priority(Priorities.LIBRARY + 600)
public final class BuildTimeKeyAliases implements ConfigSourceInterceptor {

    private static final long serialVersionUID = 1L;
    private static final Logger logger = Logger.getLogger(BuildTimeKeyAliases.class);

    /** The former name of each build-time key. */
    public static final Map<String, String> FORMER_NAMES = Map.of(
            "quarkus.honeyhive.enabled", "honeyhive.enabled",
            "quarkus.honeyhive.opentelemetry-spans", "honeyhive.opentelemetry-spans");

    // The other way round, for the names a source lists.
    private static final Map<String, String> NEW_NAMES = FORMER_NAMES.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

    private static final Set<String> warned = ConcurrentHashMap.newKeySet();

    @Override
    public @Nullable ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        String formerName = FORMER_NAMES.get(name);
        if (formerName == null || isGiven(value)) {
            return value;
        }
        ConfigValue former = context.proceed(formerName);
        if (!isGiven(former)) {
            return value;
        }
        if (warned.add(formerName)) {
            logger.warnf(
                    "%s is not set, so %s, its former name, is read for it; that name is deprecated as a build-time"
                            + " switch: set %s",
                    name, formerName, name);
        }
        return former.withName(name);
    }

    @Override
    public Iterator<String> iterateNames(ConfigSourceInterceptorContext context) {
        Set<String> names = new LinkedHashSet<>();
        context.iterateNames().forEachRemaining(name -> names.add(NEW_NAMES.getOrDefault(name, name)));
        return names.iterator();
    }

    /** Set in a configuration source, not only the mapping's default. */
    private static boolean isGiven(@Nullable ConfigValue value) {
        return value != null
                && value.getValue() != null
                && !value.getValue().isEmpty()
                && value.getConfigSourceOrdinal() != DefaultValuesConfigSource.ORDINAL;
    }
}
