package ai.honeyhive.tracer.internal.config;

import ai.honeyhive.tracer.internal.session.SessionIds;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The checks settings' values go through, each with an error that names the setting and what would be valid. */
public final class Checks {

    private Checks() {}

    /** Text that is not blank. */
    public static String notBlank(Setting<String> setting, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(
                    setting.describe() + " must not be blank; set a value or leave it unset");
        }
        return value;
    }

    /** Text that can be sent in an HTTP header; the value is never echoed, since it may be a real key. */
    public static String headerSafe(Setting<String> setting, String value) {
        notBlank(setting, value);
        if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException(setting.describe() + " contains a space, a line break or"
                    + " another character that cannot be sent in an HTTP header; check how the key is read");
        }
        return value;
    }

    /** HTTP headers as {@code name=value} entries: a token name, a value that can be sent in a header. */
    public static List<String> headerPairs(Setting<List<String>> setting, List<String> values) {
        List<String> pairs = new ArrayList<>();
        for (String entry : values) {
            int equals = entry.indexOf('=');
            String name = equals < 0 ? "" : entry.substring(0, equals).strip();
            String value = equals < 0 ? "" : entry.substring(equals + 1).strip();
            if (name.isEmpty() || !name.chars().allMatch(Checks::isTokenCharacter)) {
                throw new IllegalArgumentException(setting.describe()
                        + " must be name=value entries with a header name before each '=', such as"
                        + " authorization=Bearer token; an entry has no header name");
            }
            if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(setting.describe() + " cannot set the header " + name
                        + ": the HTTP client or the exporter sets it");
            }
            if (!value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException(setting.describe() + " header " + name
                        + " has a line break or another character that cannot be sent in an HTTP header");
            }
            pairs.add(name + "=" + value);
        }
        return List.copyOf(pairs);
    }

    // Headers the JDK client refuses to be given, and those the exporter writes itself.
    private static final Set<String> RESERVED_HEADERS =
            Set.of("connection", "content-length", "expect", "host", "upgrade", "content-type", "content-encoding");

    private static boolean isTokenCharacter(int c) {
        return c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }

    /** An http(s) base URL without credentials, query or fragment; trailing slashes dropped. */
    public static String baseUrl(Setting<String> setting, String value) {
        String trimmed = value.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            uri = null;
        }
        String scheme =
                uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(setting.describe()
                    + " must be an http:// or https:// URL such as " + Settings.SERVER_URL.defaultValue()
                    + ", without credentials, query or fragment; was '"
                    + (uri != null && uri.getRawUserInfo() != null ? "<with credentials>" : value) + "'");
        }
        return trimmed;
    }

    /** A UUID, lowercased. */
    public static String uuid(Setting<String> setting, String value) {
        return SessionIds.requireUuid(value, setting.describe());
    }

    /** A duration longer than zero. */
    public static Duration positive(Setting<Duration> setting, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(setting.describe() + " must be longer than zero; was " + value);
        }
        return value;
    }

    /** A duration of zero or more. */
    public static Duration notNegative(Setting<Duration> setting, Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException(setting.describe() + " must not be negative; was " + value);
        }
        return value;
    }

    /** A number of at least {@code minimum}. */
    public static Setting.Check<Integer> atLeast(int minimum) {
        return (setting, value) -> {
            if (value < minimum) {
                throw new IllegalArgumentException(
                        setting.describe() + " must be at least " + minimum + "; was " + value);
            }
            return value;
        };
    }

    /** Every value a Java regular expression; the message names the entry and shows where it is wrong. */
    public static Map<String, String> regularExpressions(
            Setting<Map<String, String>> setting, Map<String, String> value) {
        value.forEach((name, pattern) -> {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(setting.describe() + " entry '" + name
                        + "' must be a Java regular expression: " + e.getDescription() + " at index " + e.getIndex()
                        + " of " + pattern);
            }
        });
        return Map.copyOf(value);
    }
}
