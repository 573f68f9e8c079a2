package ai.honeyhive.tracer.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SessionBaggagePropagatorTest {

    private static final TracerIdentity EVALUATION =
            new TracerIdentity("own-session", "support-bot", "ci", "run-7", "dataset-3", "datapoint-11");
    private static final TracerIdentity PLAIN = new TracerIdentity("own-session", null, "dev", null, null, null);

    @Test
    void aContextWithoutBaggageCarriesTheTracersSessionProjectSourceAndEvaluationIds() {
        Map<String, String> carrier = inject(wrapping(EVALUATION, true), Context.root());

        assertThat(entries(carrier))
                .containsExactly(
                        "datapoint_id=datapoint-11",
                        "dataset_id=dataset-3",
                        "project=support-bot",
                        "run_id=run-7",
                        "session_id=own-session",
                        "source=ci");
    }

    @Test
    void whatTheContextsBaggageSetsWinsAndOtherEntriesTravelToo() {
        Context scoped = Context.root()
                .with(Baggage.builder()
                        .put("session_id", "request-session")
                        .put("source", "web")
                        .put("tenant", "acme")
                        .build());

        Map<String, String> carrier = inject(wrapping(PLAIN, true), scoped);

        assertThat(entries(carrier)).containsExactly("session_id=request-session", "source=web", "tenant=acme");
    }

    @Test
    void anotherSdksPropagatorAddsTheIdentityOnlyToSessionsHoneyHiveOpened() {
        TextMapPropagator propagator = wrapping(EVALUATION, false);
        Context foreign = Context.root()
                .with(Baggage.builder().put("session_id", "someone-elses").build());
        Context owned = HoneyHiveBaggage.withSession(Context.root(), "request-session", null);

        assertThat(inject(propagator, Context.root())).isEmpty();
        assertThat(entries(inject(propagator, foreign))).containsExactly("session_id=someone-elses");
        assertThat(entries(inject(propagator, owned)))
                .containsExactly(
                        "datapoint_id=datapoint-11",
                        "dataset_id=dataset-3",
                        "project=support-bot",
                        "run_id=run-7",
                        "session_id=request-session",
                        "source=ci");
    }

    @Test
    void extractIsTheW3cBaggagePropagatorsAndFieldsAreItsToo() {
        TextMapPropagator propagator = wrapping(PLAIN, true);

        Context extracted = propagator.extract(
                Context.root(), Map.of("baggage", "session_id=upstream,tenant=acme"), MapCarrier.GETTER);

        assertThat(Baggage.fromContext(extracted).asMap()).containsOnlyKeys("session_id", "tenant");
        assertThat(Baggage.fromContext(extracted).getEntryValue("session_id")).isEqualTo("upstream");
        assertThat(propagator.fields()).containsExactly("baggage");
    }

    @Test
    void aNullContextIsLeftToTheWrappedPropagator() {
        Map<String, String> carrier = new HashMap<>();

        wrapping(PLAIN, true).inject(null, carrier, MapCarrier.SETTER);

        assertThat(carrier).isEmpty();
    }

    private static TextMapPropagator wrapping(TracerIdentity identity, boolean outsideSessions) {
        return SessionBaggagePropagator.wrapping(W3CBaggagePropagator.getInstance(), identity, outsideSessions);
    }

    private static Map<String, String> inject(TextMapPropagator propagator, Context context) {
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, MapCarrier.SETTER);
        return carrier;
    }

    private static TreeSet<String> entries(Map<String, String> carrier) {
        return new TreeSet<>(Arrays.asList(carrier.get("baggage").split(",")));
    }
}
