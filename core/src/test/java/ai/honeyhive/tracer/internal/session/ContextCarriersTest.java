package ai.honeyhive.tracer.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ContextCarriersTest {

    private static final String VALID_TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private static Context extract(Map<String, String> headers, boolean trusted) {
        return ContextCarriers.extract(Context.root(), headers, MapCarrier.GETTER, trusted);
    }

    @Test
    void validTraceparentBecomesTheRemoteParent() {
        Context context = extract(Map.of("traceparent", VALID_TRACEPARENT), false);

        assertThat(Span.fromContext(context).getSpanContext().getTraceId())
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(Span.fromContext(context).getSpanContext().isRemote()).isTrue();
    }

    @Test
    void invalidTraceparentIsIgnored() {
        for (String invalid : new String[] {
            "00-trace-id-span-id-01",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            VALID_TRACEPARENT + "-" + "x".repeat(600),
            ""
        }) {
            assertThat(Span.fromContext(extract(Map.of("traceparent", invalid), true))
                            .getSpanContext()
                            .isValid())
                    .as(invalid)
                    .isFalse();
        }
    }

    @Test
    void untrustedBaggageCannotSetHoneyHiveKeysButTrustedCan() {
        Map<String, String> headers =
                Map.of("baggage", "session_id=attacker,project=other,source=x,run_id=r,tenant=acme");

        Baggage untrusted = Baggage.fromContext(extract(headers, false));
        Baggage trusted = Baggage.fromContext(extract(headers, true));

        assertThat(untrusted.asMap().keySet()).containsExactly("tenant");
        assertThat(trusted.getEntryValue("session_id")).isEqualTo("attacker");
    }

    @Test
    void untrustedBaggageDoesNotOverrideTheServersOwnSession() {
        Context base = Context.root()
                .with(Baggage.builder().put("session_id", "server-session").build());

        Context context =
                ContextCarriers.extract(base, Map.of("baggage", "session_id=attacker"), MapCarrier.GETTER, false);

        assertThat(Baggage.fromContext(context).getEntryValue("session_id")).isEqualTo("server-session");
    }

    @Test
    void baggageIsCappedAtSixtyFourEntriesAndEightKibibytes() {
        String hundredEntries =
                IntStream.range(0, 100).mapToObj(i -> "k" + i + "=v" + i).collect(Collectors.joining(","));
        String oversized = "k=" + "v".repeat(9 * 1024);

        assertThat(Baggage.fromContext(extract(Map.of("baggage", hundredEntries), false))
                        .size())
                .isEqualTo(64);
        assertThat(Baggage.fromContext(extract(Map.of("baggage", oversized), false))
                        .isEmpty())
                .isTrue();
    }

    @Test
    void fuzzedCarriersNeverThrowAndStayWithinBounds() {
        SplittableRandom random = new SplittableRandom(20261125);
        String alphabet = "0123456789abcdefABCDEF-=,;:%/ \t\"'\\\u00e9\u4e2d\uD83D\uDE00\u0000\n";
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 3_000; i++) {
                Map<String, String> headers = new HashMap<>();
                headers.put("traceparent", randomText(random, alphabet, i % 10 == 0 ? 64 * 1024 : 80));
                headers.put("tracestate", randomText(random, alphabet, i % 7 == 0 ? 64 * 1024 : 200));
                headers.put(
                        "baggage",
                        i % 3 == 0
                                ? randomBaggage(random, alphabet, i % 11 == 0 ? 64 * 1024 : 8 * 1024)
                                : randomText(random, alphabet, i % 5 == 0 ? 64 * 1024 : 500));
                Context context = extract(headers, random.nextBoolean());
                Baggage baggage = Baggage.fromContext(context);
                assertThat(baggage.size()).isLessThanOrEqualTo(ContextCarriers.MAX_BAGGAGE_ENTRIES);
            }
        });
    }

    private static String randomText(SplittableRandom random, String alphabet, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static String randomBaggage(SplittableRandom random, String alphabet, int maxLength) {
        StringBuilder baggage = new StringBuilder();
        while (baggage.length() < maxLength) {
            if (baggage.length() > 0) {
                baggage.append(',');
            }
            baggage.append('k').append(random.nextInt(1000)).append('=').append(randomText(random, alphabet, 20));
        }
        return baggage.toString();
    }
}
