package ai.honeyhive.tracer.internal.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The type of a setting's value: how its text is parsed from configuration and from the environment, and how a
 * value is printed in the configuration reference.
 *
 * @param <T> the value's type
 */
public abstract class ValueType<T> {

    /** Text, stripped of surrounding blanks. */
    public static final ValueType<String> TEXT = new ValueType<>("string") {
        @Override
        String parse(String source, String text) {
            return text.strip();
        }
    };

    /** {@code true/1/yes/on} or {@code false/0/no/off}, case-insensitive. */
    public static final ValueType<Boolean> BOOLEAN = new ValueType<>("boolean") {
        @Override
        Boolean parse(String source, String text) {
            return ConfigValues.parseBoolean(source, text);
        }
    };

    /** A whole number of at least 1. */
    public static final ValueType<Integer> POSITIVE_INT = new ValueType<>("int") {
        @Override
        Integer parse(String source, String text) {
            return ConfigValues.parsePositiveInt(source, text);
        }
    };

    /**
     * A duration: ISO-8601, a number with a unit or milliseconds in configuration; only milliseconds in the
     * environment, where the {@code OTEL_BSP_*} variables are milliseconds by their specification.
     */
    public static final ValueType<Duration> DURATION = new ValueType<>("duration") {
        @Override
        Duration parse(String source, String text) {
            return ConfigValues.parseDuration(source, text);
        }

        @Override
        Duration parseEnvironmentValue(String source, String text) {
            return ConfigValues.parseMillis(source, text);
        }

        @Override
        public String format(Duration value) {
            return ConfigValues.formatDuration(value);
        }
    };

    /** A comma-separated list of text, each element stripped, empty ones dropped. */
    public static final ValueType<List<String>> LIST = new ValueType<>("list of string") {
        @Override
        List<String> parse(String source, String text) {
            return Arrays.stream(text.split(","))
                    .map(String::strip)
                    .filter(element -> !element.isEmpty())
                    .toList();
        }

        @Override
        public String format(List<String> value) {
            return String.join(",", value);
        }
    };

    /**
     * A map: only code sets it on a builder; from configuration, each entry is a key of its own below the
     * setting's key ({@code honeyhive.jaxrs.metadata.<key>}).
     */
    private static final ValueType<Map<String, ?>> MAP = new ValueType<>("map") {
        @Override
        Map<String, ?> parse(String source, String text) {
            throw new IllegalArgumentException(source + " is a map: give each entry as a key of its own");
        }

        @Override
        String show(Map<String, ?> value) {
            // The keys only: the values are the application's objects, whose toString() is never called.
            return value.keySet().toString();
        }
    };

    private final String name;

    private ValueType(String name) {
        this.name = name;
    }

    /** A map that only code sets. */
    @SuppressWarnings("unchecked")
    static <M extends Map<String, ?>> ValueType<M> map() {
        return (ValueType<M>) MAP;
    }

    abstract T parse(String source, String text);

    /**
     * Parses configuration text.
     *
     * @param source where the text came from (a key), named in the error
     * @throws IllegalArgumentException naming the source and what would be accepted
     */
    T parseConfigValue(String source, String text) {
        return parse(source, text);
    }

    /** Parses an environment variable's text, the error naming the variable. */
    T parseEnvironmentValue(String source, String text) {
        return parse(source, text);
    }

    /** The value for {@code toString()}. */
    String show(T value) {
        return format(value);
    }

    /** The value as configuration text, for the configuration reference. */
    public String format(T value) {
        return String.valueOf(value);
    }

    /** The type's name in the configuration reference: {@code string}, {@code boolean}, {@code int}, ... */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
