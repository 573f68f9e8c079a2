package ai.honeyhive.tracer.internal.span;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AttributeFlattenerTest {

    private final AttributeFlattener flattener = new AttributeFlattener(FlattenLimits.DEFAULTS);

    enum Tier {
        PREMIUM
    }

    record Question(String text, int priority) {}

    @Test
    void scalarsStayNativeAndEverythingElseBecomesOneJsonString() {
        assertThat(flattener.scalarOrJson("hello")).isEqualTo("hello");
        assertThat(flattener.scalarOrJson(42)).isEqualTo(42L);
        assertThat(flattener.scalarOrJson(2.5f)).isEqualTo(2.5);
        assertThat(flattener.scalarOrJson(new BigDecimal("1.25"))).isEqualTo(1.25);
        assertThat(flattener.scalarOrJson(true)).isEqualTo(true);
        assertThat(flattener.scalarOrJson(Tier.PREMIUM)).isEqualTo("PREMIUM");
        assertThat(flattener.scalarOrJson(new BigInteger("123"))).isEqualTo(123L);
        assertThat(flattener.scalarOrJson(new BigInteger("123456789012345678901234567890")))
                .isEqualTo("123456789012345678901234567890");
        UUID id = UUID.randomUUID();
        assertThat(flattener.scalarOrJson(id)).isEqualTo(id.toString());
        assertThat(flattener.scalarOrJson(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(flattener.scalarOrJson(new Question("why?", 2))).isEqualTo("{\"text\":\"why?\",\"priority\":2}");
        assertThat(flattener.scalarOrJson(List.of(1, 2))).isEqualTo("[1,2]");
        assertThat(flattener.scalarOrJson(null)).isEqualTo("null");
    }

    @Test
    void jsonLongerThanTheLimitIsCutWithTheMarker() {
        FlattenLimits small = new FlattenLimits(8, 1024, 64);
        AttributeFlattener flattener = new AttributeFlattener(small);

        Object json = flattener.scalarOrJson(Map.of("text", "z".repeat(10_000)));

        assertThat((String) json)
                .hasSize(64)
                .startsWith("{\"text\":\"zzz")
                .endsWith(AttributeFlattener.TRUNCATION_MARKER);
    }

    @Test
    void truncationNeverSplitsASurrogatePair() {
        AttributeFlattener flattener = new AttributeFlattener(new FlattenLimits(8, 1024, 20));
        String emoji = "\uD83D\uDE00";
        // The cut falls between the two halves of the sixth emoji; the whole pair must go.
        String text = "a" + emoji.repeat(10);

        String cut = flattener.truncate(text);

        assertThat(cut).endsWith(AttributeFlattener.TRUNCATION_MARKER);
        String kept = cut.substring(0, cut.length() - AttributeFlattener.TRUNCATION_MARKER.length());
        assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).isFalse();
        assertThat(kept.codePoints().allMatch(cp -> cp == 'a' || cp == 0x1F600)).isTrue();
    }

    @Test
    void optionalsAndJsonNodesAreUnwrapped() throws Exception {
        Attributes attributes = flattener.flattenEntries(
                "p",
                Map.of(
                        "present", Optional.of("x"),
                        "absent", Optional.empty(),
                        "node", new ObjectMapper().readTree("{\"a\":[1,{\"b\":null,\"c\":1.5}],\"d\":\"e\"}")));

        assertThat(attributes.asMap())
                .containsEntry(AttributeKey.stringKey("p.present"), "x")
                .containsEntry(AttributeKey.longKey("p.node.a.0"), 1L)
                .containsEntry(AttributeKey.doubleKey("p.node.a.1.c"), 1.5)
                .containsEntry(AttributeKey.stringKey("p.node.d"), "e")
                .hasSize(4);
    }

    @Test
    void aScalarWithNoPrefixWritesNothing() {
        assertThat(flattener.flatten("", "orphan").isEmpty()).isTrue();
        assertThat(flattener.flatten("key", "value").get(AttributeKey.stringKey("key")))
                .isEqualTo("value");
    }

    @Test
    void sharedButAcyclicValuesAreWrittenEachTime() {
        Map<String, Object> shared = Map.of("k", "v");

        Attributes attributes = flattener.flattenEntries("p", Map.of("a", shared, "b", List.of(shared, shared)));

        assertThat(attributes.asMap())
                .containsEntry(AttributeKey.stringKey("p.a.k"), "v")
                .containsEntry(AttributeKey.stringKey("p.b.0.k"), "v")
                .containsEntry(AttributeKey.stringKey("p.b.1.k"), "v");
    }

    @Test
    void budgetCountsEveryLeafOfOneValue() {
        AttributeFlattener flattener = new AttributeFlattener(new FlattenLimits(8, 3, 100));

        int written = flattener.flattenInto(Attributes.builder(), "p", List.of(1, 2, 3, 4, 5));

        assertThat(written).isEqualTo(3);
    }

    @Test
    void writesOntoASpanWhatItWouldWriteIntoAttributes() {
        Map<String, Object> flat = new LinkedHashMap<>();
        flat.put("tenant", "acme");
        flat.put("retries", 3);
        flat.put("score", 0.5);
        flat.put("cached", true);
        flat.put("missing", null);
        flat.put("long", "x".repeat(20_000));
        List<Object> values = List.of(
                "answer", 42, flat, Map.of("nested", Map.of("k", "v")), List.of("a", "b"), new Question("why?", 2));

        for (Object value : values) {
            assertThat(onSpan(flattener, "honeyhive_metadata", value))
                    .as("flattened onto a span: %s", value.getClass().getSimpleName())
                    .isEqualTo(flattener.flatten("honeyhive_metadata", value));
        }
    }

    @Test
    void aFlatMapLargerThanTheBudgetIsCutOnASpanToo() {
        AttributeFlattener small = new AttributeFlattener(new FlattenLimits(8, 3, 100));

        Attributes written = onSpan(small, "p", Map.of("a", 1, "b", 2, "c", 3, "d", 4, "e", 5));

        assertThat(written.size()).isEqualTo(3);
    }

    @Test
    void aMapThatThrowsWhileItIsReadCostsOnlyItself() {
        Map<String, Object> hostile = new AbstractMap<>() {
            @Override
            public Set<Entry<String, Object>> entrySet() {
                throw new IllegalStateException("a broken map");
            }
        };

        assertThat(onSpan(flattener, "honeyhive_metadata", hostile).isEmpty()).isTrue();
    }

    private static Attributes onSpan(AttributeFlattener flattener, String prefix, Object value) {
        // A provider with a processor: one with none hands out spans that record nothing.
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(InMemorySpanExporter.create()))
                .build()) {
            Span span = provider.get("test").spanBuilder("s").startSpan();
            flattener.flattenOnto(span, prefix, value);
            return ((ReadableSpan) span).getAttributes();
        }
    }
}
