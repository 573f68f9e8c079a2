package ai.honeyhive.tracer.internal;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** HoneyHive session ids: lowercase UUIDs in the canonical 8-4-4-4-12 form. */
public final class SessionIds {

    private static final Pattern UUID_PATTERN =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private SessionIds() {}

    /** A fresh session id. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Whether the text is a canonical UUID (of any case). */
    public static boolean isUuid(@Nullable String text) {
        return text != null && text.length() == 36 && UUID_PATTERN.matcher(text).matches();
    }

    /**
     * The id in lowercase.
     *
     * @throws IllegalArgumentException naming the setting if it is not a canonical UUID
     */
    public static String requireUuid(String text, String setting) {
        if (!isUuid(text)) {
            throw new IllegalArgumentException(setting + " must be a UUID such as 550e8400-e29b-41d4-a716-446655440000;"
                    + " was '" + text + "'. Leave it unset for a new session");
        }
        return text.toLowerCase(Locale.ROOT);
    }
}
