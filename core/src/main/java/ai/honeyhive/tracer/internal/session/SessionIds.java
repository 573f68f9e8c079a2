package ai.honeyhive.tracer.internal.session;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** HoneyHive session ids: lowercase UUIDs in the canonical 8-4-4-4-12 form. */
public final class SessionIds {

    private static final int UUID_LENGTH = 36;

    private SessionIds() {}

    /** A fresh session id: a random (version 4) UUID from a cryptographically strong generator. */
    public static String newId() {
        byte[] random = new byte[16];
        // By thread: pool threads have consecutive ids, so each keeps to a generator of its own.
        Generators.BY_THREAD[(int) Thread.currentThread().getId() & Generators.MASK].nextBytes(random);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (random[i] & 0xff);
            low = (low << 8) | (random[i + 8] & 0xff);
        }
        // Version 4 and the IETF variant, as UUID.randomUUID() sets them.
        high = (high & ~0xf000L) | 0x4000L;
        low = (low & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** Whether the text is a canonical UUID (of any case). */
    public static boolean isUuid(@Nullable String text) {
        if (text == null || text.length() != UUID_LENGTH) {
            return false;
        }
        for (int i = 0; i < UUID_LENGTH; i++) {
            char c = text.charAt(i);
            boolean valid = (i == 8 || i == 13 || i == 18 || i == 23) ? c == '-' : isHexDigit(c);
            if (!valid) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
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

    /**
     * Session ids must stay unguessable: a server that accepts {@code X-Session-ID} would otherwise let a client
     * predict and join other requests' sessions, so they come from {@code SecureRandom}, not
     * {@code ThreadLocalRandom}. But {@code UUID.randomUUID()} shares one generator whose lock serialises every
     * request thread; several independent generators, one picked per thread, keep the strength without the queue.
     *
     * <p>Made on first use rather than when {@link SessionIds} loads: a native image must not carry a generator seeded
     * at build time (the Quarkus extension has this class initialised at run time).
     */
    static final class Generators {
        static final SecureRandom[] BY_THREAD = generators();
        static final int MASK = BY_THREAD.length - 1;

        private Generators() {}

        private static SecureRandom[] generators() {
            // Enough that threads running at once rarely share one, even with more threads than cores.
            int count = Integer.highestOneBit(
                    Math.min(64, Math.max(16, 8 * Runtime.getRuntime().availableProcessors())));
            SecureRandom[] generators = new SecureRandom[count];
            for (int i = 0; i < count; i++) {
                generators[i] = generator();
            }
            return generators;
        }

        private static SecureRandom generator() {
            try {
                // NIST SP 800-90A, thread-safe; each instance gets its own seed from the JDK's entropy source.
                return SecureRandom.getInstance("DRBG");
            } catch (NoSuchAlgorithmException e) {
                return new SecureRandom();
            }
        }
    }
}
