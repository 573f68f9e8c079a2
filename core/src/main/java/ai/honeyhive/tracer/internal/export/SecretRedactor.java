package ai.honeyhive.tracer.internal.export;

import org.jspecify.annotations.Nullable;

/** Replaces the API key with {@value #MASK} in text that is about to be logged, in case a server echoed it. */
public final class SecretRedactor {

    public static final String MASK = "****";

    private final @Nullable String secret;

    public SecretRedactor(@Nullable String secret) {
        this.secret = secret == null || secret.isEmpty() ? null : secret;
    }

    public String redact(String text) {
        return secret == null ? text : text.replace(secret, MASK);
    }
}
