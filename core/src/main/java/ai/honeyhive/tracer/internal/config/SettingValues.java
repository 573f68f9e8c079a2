package ai.honeyhive.tracer.internal.config;

import static java.util.Objects.requireNonNull;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * The values given for some of the {@link Settings}: what a configuration builder collects, and, checked and
 * frozen, what a {@code TracerConfig} holds. A setting without a value reads as its default.
 */
public final class SettingValues {

    private final Map<Setting<?>, Object> values;
    private final boolean frozen;

    private SettingValues(Map<Setting<?>, Object> values, boolean frozen) {
        this.values = values;
        this.frozen = frozen;
    }

    /** No value given yet. */
    public static SettingValues empty() {
        return new SettingValues(new IdentityHashMap<>(), false);
    }

    /** Gives the setting a value, replacing any earlier one. */
    public <T> SettingValues set(Setting<T> setting, T value) {
        if (frozen) {
            throw new IllegalStateException("checked setting values cannot change");
        }
        values.put(setting, requireNonNull(value, setting.name()));
        return this;
    }

    /** Gives every setting the other values give, replacing these where both have one. */
    public SettingValues setAll(SettingValues other) {
        if (frozen) {
            throw new IllegalStateException("checked setting values cannot change");
        }
        values.putAll(other.values);
        return this;
    }

    /** Whether the setting was given a value. */
    public boolean isSet(Setting<?> setting) {
        return values.containsKey(setting);
    }

    /** The value given, or null. */
    @SuppressWarnings("unchecked")
    public <T> @Nullable T get(Setting<T> setting) {
        return (T) values.get(setting);
    }

    /** The value given, else the setting's default. */
    public <T> T getOrDefault(Setting<T> setting) {
        T value = get(setting);
        return value != null ? value : requireNonNull(setting.defaultValue(), setting.name());
    }

    /** A mutable copy with the other values given over these. */
    public SettingValues with(SettingValues over) {
        Map<Setting<?>, Object> merged = new IdentityHashMap<>(values);
        merged.putAll(over.values);
        return new SettingValues(merged, false);
    }

    /** A mutable copy. */
    public SettingValues copy() {
        return new SettingValues(new IdentityHashMap<>(values), false);
    }

    /**
     * The values checked (each by its setting, then the combinations) and normalized, frozen.
     *
     * @throws IllegalArgumentException naming the setting, its key and its variable, if a value is not valid
     */
    public SettingValues checked() {
        Map<Setting<?>, Object> checked = new IdentityHashMap<>();
        for (Setting<?> setting : Settings.ALL) {
            putChecked(checked, setting);
        }
        Integer queue = (Integer) checked.get(Settings.BATCH_MAX_QUEUE_SIZE);
        Integer batch = (Integer) checked.get(Settings.BATCH_MAX_EXPORT_BATCH_SIZE);
        if (queue != null && batch != null && batch > queue) {
            throw new IllegalArgumentException(Settings.BATCH_MAX_EXPORT_BATCH_SIZE.describe() + " (" + batch
                    + ") must not be larger than " + Settings.BATCH_MAX_QUEUE_SIZE.describe() + " (" + queue + ")");
        }
        return new SettingValues(checked, true);
    }

    private <T> void putChecked(Map<Setting<?>, Object> checked, Setting<T> setting) {
        T value = get(setting);
        if (value != null) {
            checked.put(setting, setting.check(value));
        }
    }

    /** The values given, in the table's order, secrets masked: {@code apiKey=****, project=p}. */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ");
        for (Setting<?> setting : Settings.ALL) {
            if (values.containsKey(setting)) {
                joiner.add(setting.name() + "=" + show(setting));
            }
        }
        return joiner.toString();
    }

    private <T> String show(Setting<T> setting) {
        return setting.isSecret() ? "****" : setting.type().show(requireNonNull(get(setting)));
    }
}
