package ai.honeyhive.tracer.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SessionIdsTest {

    @Test
    void newIdIsALowercaseCanonicalVersion4Uuid() {
        String id = SessionIds.newId();

        UUID parsed = UUID.fromString(id);
        assertThat(parsed.toString()).isEqualTo(id);
        assertThat(parsed.version()).isEqualTo(4);
        assertThat(parsed.variant()).isEqualTo(2);
        assertThat(SessionIds.isUuid(id)).isTrue();
    }

    @Test
    void newIdsFromManyThreadsAreAllDifferent() {
        Set<String> ids = ConcurrentHashMap.newKeySet();

        IntStream.range(0, 20_000).parallel().forEach(i -> ids.add(SessionIds.newId()));

        assertThat(ids).hasSize(20_000);
    }

    @Test
    void isUuidAcceptsCanonicalUuidsOfEitherCase() {
        assertThat(SessionIds.isUuid("550e8400-e29b-41d4-a716-446655440000")).isTrue();
        assertThat(SessionIds.isUuid("550E8400-E29B-41D4-A716-44665544000F")).isTrue();
    }

    @Test
    void isUuidRejectsAnythingElse() {
        assertThat(SessionIds.isUuid(null)).isFalse();
        assertThat(SessionIds.isUuid("")).isFalse();
        assertThat(SessionIds.isUuid("550e8400e29b41d4a716446655440000"))
                .as("no dashes")
                .isFalse();
        assertThat(SessionIds.isUuid("550e8400-e29b-41d4-a716-4466554400000"))
                .as("too long")
                .isFalse();
        assertThat(SessionIds.isUuid("550e8400-e29b-41d4-a716-44665544000"))
                .as("too short")
                .isFalse();
        assertThat(SessionIds.isUuid("550e840-0e29b-41d4-a716-446655440000"))
                .as("dash moved")
                .isFalse();
        assertThat(SessionIds.isUuid("550e8400-e29b-41d4-a716-44665544000g"))
                .as("not hex")
                .isFalse();
        assertThat(SessionIds.isUuid("550e8400-e29b-41d4-a716-44665544000\u0661"))
                .as("a non-ASCII digit")
                .isFalse();
        assertThat(SessionIds.isUuid("550e8400-e29b-41d4-a716-44665544000\uff10"))
                .as("a fullwidth digit")
                .isFalse();
    }

    @Test
    void requireUuidLowercasesAndNamesTheSettingWhenInvalid() {
        assertThat(SessionIds.requireUuid("550E8400-E29B-41D4-A716-446655440000", "session_id"))
                .isEqualTo("550e8400-e29b-41d4-a716-446655440000");
        assertThatThrownBy(() -> SessionIds.requireUuid("abc", "honeyhive.session-id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("honeyhive.session-id must be a UUID");
    }
}
