package ai.honeyhive.tracer.internal.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses configuration text (environment variables, MicroProfile Config values) into typed values, with errors that
 * name where the text came from and what would be accepted.
 */
public final class ConfigValues {

    private static final Pattern DURATION_WITH_UNIT =
            Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h)", Pattern.CASE_INSENSITIVE);

    private static final Set<String> TRUE = Set.of("true", "1", "yes", "on");
    private static final Set<String> FALSE = Set.of("false", "0", "no", "off");

    private ConfigValues() {}

    /** {@code true/1/yes/on} or {@code false/0/no/off}, case-insensitive; anything else names {@code source}. */
    public static boolean parseBoolean(String source, String text) {
        String normalized = text.strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(normalized)) {
            return true;
        }
        if (FALSE.contains(normalized)) {
            return false;
        }
        throw new IllegalArgumentException(
                source + " must be one of true, false, 1, 0, yes, no, on, off; was '" + text + "'");
    }

    /** A whole number of at least 1. */
    public static int parsePositiveInt(String source, String text) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the source named
        }
        throw new IllegalArgumentException(source + " must be a whole number of at least 1; was '" + text + "'");
    }

    /**
     * An ISO-8601 duration such as {@code PT5S}, a whole number of milliseconds, or a whole number with a unit as
     * Quarkus writes durations: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}.
     */
    public static Duration parseDuration(String source, String text) {
        String trimmed = text.strip();
        if (!trimmed.isEmpty() && trimmed.chars().allMatch(Character::isDigit)) {
            return parseMillis(source, trimmed);
        }
        try {
            Matcher withUnit = DURATION_WITH_UNIT.matcher(trimmed);
            if (withUnit.matches()) {
                long amount = Long.parseLong(withUnit.group(1));
                return switch (withUnit.group(2).toLowerCase(Locale.ROOT)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
            }
            return Duration.parse(trimmed);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(source + " must be a duration such as PT5S or 5s, or milliseconds such"
                    + " as 5000; was '" + text + "'");
        }
    }

    /** A whole number of milliseconds, at least 0, as the {@code OTEL_BSP_*} variables are given. */
    public static Duration parseMillis(String source, String text) {
        try {
            long millis = Long.parseLong(text.strip());
            if (millis >= 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // reported below with the source named
        }
        throw new IllegalArgumentException(
                source + " must be a whole number of milliseconds, at least 0; was '" + text + "'");
    }

    /** A duration as configuration text, in the largest whole unit: {@code 5s}, {@code 500ms}, {@code 2m}, {@code 1h}. */
    public static String formatDuration(Duration duration) {
        long millis = duration.toMillis();
        if (millis != 0 && millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis != 0 && millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }
}
