package ai.honeyhive.tracer.internal.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One configuration setting, declared once: the names it goes by (builder method, MicroProfile Config key,
 * environment variables), how its text is parsed, its default, how a value is checked, and its one-line
 * documentation. Environment and MicroProfile Config reading, {@code toString}, error messages and the
 * configuration reference all come from here.
 *
 * @param <T> the value's type
 */
public final class Setting<T> {

    private final String name;
    private final @Nullable String propertyKey;
    private final List<String> environmentVariables;
    private final ValueType<T> type;
    private final @Nullable T defaultValue;
    private final @Nullable String defaultText;
    private final String description;
    private final boolean secret;
    private final Check<T> check;

    private Setting(Builder<T> builder, String description, @Nullable String defaultText) {
        this.name = builder.name;
        this.propertyKey = builder.propertyKey;
        this.environmentVariables = List.copyOf(builder.environmentVariables);
        this.type = builder.type;
        this.defaultValue = builder.defaultValue;
        this.defaultText = defaultText;
        this.description = description;
        this.secret = builder.secret;
        this.check = builder.check;
    }

    /** A text setting, stripped of surrounding blanks when read from configuration. */
    public static Builder<String> text(String name) {
        return new Builder<>(name, ValueType.TEXT);
    }

    /** A boolean setting: {@code true/1/yes/on} or {@code false/0/no/off}. */
    public static Builder<Boolean> bool(String name) {
        return new Builder<>(name, ValueType.BOOLEAN);
    }

    /** A whole number of at least 1. */
    public static Builder<Integer> positiveInt(String name) {
        return new Builder<>(name, ValueType.POSITIVE_INT);
    }

    /** A duration: ISO-8601, a unit ({@code 5s}) or milliseconds in configuration; milliseconds in the environment. */
    public static Builder<Duration> duration(String name) {
        return new Builder<>(name, ValueType.DURATION);
    }

    /** A comma-separated list of text. */
    public static Builder<List<String>> list(String name) {
        return new Builder<>(name, ValueType.LIST);
    }

    /** A map: set in code, or from configuration as one key per entry below the setting's key. */
    public static <M extends Map<String, ?>> Builder<M> map(String name) {
        return new Builder<>(name, ValueType.map());
    }

    /** The builder method that sets it, such as {@code apiKey}. */
    public String name() {
        return name;
    }

    /** The MicroProfile Config / {@code application.properties} key, or null for a setting only code can give. */
    public @Nullable String propertyKey() {
        return propertyKey;
    }

    /** The environment variables read for it, highest precedence first; may be empty. */
    public List<String> environmentVariables() {
        return environmentVariables;
    }

    /** How its text is parsed and printed. */
    public ValueType<T> type() {
        return type;
    }

    /** The value when nothing sets it, or null when it has none (the tracer may work one out). */
    public @Nullable T defaultValue() {
        return defaultValue;
    }

    /** The default as the documentation states it: the value, or what the tracer does when it is unset. */
    public String defaultDescription() {
        if (defaultText != null) {
            return defaultText;
        }
        return defaultValue == null ? "none" : type.format(defaultValue);
    }

    /** Whether the default is documented by its value, rather than by a statement of what happens when unset. */
    public boolean hasDefaultAsValue() {
        return defaultText == null;
    }

    /** One line for the configuration reference. */
    public String description() {
        return description;
    }

    /** Whether the value is a secret: {@code toString} masks it, and no message ever quotes it. */
    public boolean isSecret() {
        return secret;
    }

    /**
     * Checks a value, naming this setting if it is not valid, and returns it normalized.
     *
     * @throws IllegalArgumentException if the value is not valid
     */
    public T check(T value) {
        return check.apply(this, value);
    }

    /** The text parsed as this setting's type, with an error naming {@code source} if it cannot be. */
    public T parseConfigValue(String source, String text) {
        return type.parseConfigValue(source, text);
    }

    /**
     * The text of an environment variable parsed as this setting's type, the error naming the variable as the
     * environment gives it: {@code HH_TEST_MODE (environment variable for honeyhive.test-mode) must be ...}.
     */
    public T parseEnvironmentValue(String variable, String text) {
        String key = propertyKey == null ? "the builder's " + name : propertyKey;
        return type.parseEnvironmentValue(variable + " (environment variable for " + key + ")", text);
    }

    /**
     * All the names of this setting, for error messages about its value wherever it was set, the configuration key
     * first as a properties file names it: {@code honeyhive.api-key (env HH_API_KEY; builder apiKey)}.
     */
    public String describe() {
        List<String> others = new ArrayList<>();
        if (!environmentVariables.isEmpty()) {
            others.add("env " + String.join(" or ", environmentVariables));
        }
        if (propertyKey == null) {
            return others.isEmpty() ? name : name + " (" + String.join("; ", others) + ")";
        }
        others.add("builder " + name);
        return propertyKey + " (" + String.join("; ", others) + ")";
    }

    @Override
    public String toString() {
        return name;
    }

    /** Validates a value of a setting and returns it, normalized. */
    @FunctionalInterface
    public interface Check<T> {
        /**
         * @throws IllegalArgumentException naming the setting, if the value is not valid
         */
        T apply(Setting<T> setting, T value);
    }

    /** Builds a {@link Setting}; rows of a settings table use it. */
    public static final class Builder<T> {
        private final String name;
        private final ValueType<T> type;
        private @Nullable String propertyKey;
        private List<String> environmentVariables = List.of();
        private @Nullable T defaultValue;
        private boolean secret;
        private Check<T> check = (setting, value) -> value;

        private Builder(String name, ValueType<T> type) {
            this.name = requireNonNull(name, "name");
            this.type = type;
        }

        /** Its MicroProfile Config key. */
        public Builder<T> property(String propertyKey) {
            this.propertyKey = requireNonNull(propertyKey, "propertyKey");
            return this;
        }

        /** Its environment variables, highest precedence first. */
        public Builder<T> environment(String... variables) {
            this.environmentVariables = List.of(variables);
            return this;
        }

        /** Its default value. */
        public Builder<T> defaultValue(T defaultValue) {
            this.defaultValue = requireNonNull(defaultValue, "defaultValue");
            return this;
        }

        /** Marks it secret. */
        public Builder<T> secret() {
            this.secret = true;
            return this;
        }

        /** How a value is checked and normalized. */
        public Builder<T> check(Check<T> check) {
            this.check = requireNonNull(check, "check");
            return this;
        }

        /** The setting, documented with this line; its default is documented by its value. */
        public Setting<T> describedAs(String description) {
            return new Setting<>(this, description, null);
        }

        /** The setting, documented with this line and this statement of its default. */
        public Setting<T> describedAs(String description, String defaultDescription) {
            return new Setting<>(this, description, defaultDescription);
        }
    }
}
