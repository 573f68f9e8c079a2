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

    private static final TracerIdentity EVALUATION = new TracerIdentity(
            OwnSession.existing("own-session"), "support-bot", "ci", "run-7", "dataset-3", "datapoint-11");
    private static final TracerIdentity PLAIN =
            new TracerIdentity(OwnSession.existing("own-session"), null, "dev", null, null, null);

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
    void anotherSdksPropagatorCarriesOnlySessionsHoneyHiveOpenedAndDropsHoneyHiveKeysFromElsewhere() {
        TextMapPropagator propagator =
                SessionBaggagePropagator.forOtherSdk(W3CBaggagePropagator.getInstance(), EVALUATION, false);
        Context untrusted = Context.root()
                .with(Baggage.builder()
                        .put("session_id", "someone-elses")
                        .put("project", "attacker")
                        .put("tenant", "acme")
                        .build());
        Context owned = HoneyHiveBaggage.withSession(Context.root(), "request-session", null, EVALUATION, false);

        assertThat(inject(propagator, Context.root())).isEmpty();
        assertThat(entries(inject(propagator, untrusted))).containsExactly("tenant=acme");
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
    void anotherSdksPropagatorThatCarriesTheTracersSessionOutsideSessionsReplacesForeignOnes() {
        TextMapPropagator propagator =
                SessionBaggagePropagator.forOtherSdk(W3CBaggagePropagator.getInstance(), PLAIN, true);
        Context untrusted = Context.root()
                .with(Baggage.builder().put("session_id", "someone-elses").build());

        assertThat(entries(inject(propagator, untrusted))).containsExactly("session_id=own-session", "source=dev");
    }

    @Test
    void aSessionCarriesTheIdentityOfTheTracerThatOpenedItWhicheverPropagatorWritesIt() {
        Context upstream = Context.root()
                .with(Baggage.builder()
                        .put("session_id", "upstream-session")
                        .put("project", "upstream")
                        .put("source", "web")
                        .build());
        TracerIdentity other =
                new TracerIdentity(OwnSession.existing("other-session"), "other-project", "staging", null, null, null);

        Context opened = HoneyHiveBaggage.withSession(upstream, "new-session", null, EVALUATION, false);
        Context adopted = HoneyHiveBaggage.withSession(upstream, "upstream-session", null, EVALUATION, true);
        Context ownSource = HoneyHiveBaggage.withSession(upstream, "new-session", "batch", EVALUATION, false);

        // Another tracer's propagator, or the plain W3C one, writes the identity of the session's tracer.
        assertThat(entries(inject(wrapping(other, true), opened)))
                .containsExactly(
                        "datapoint_id=datapoint-11",
                        "dataset_id=dataset-3",
                        "project=support-bot",
                        "run_id=run-7",
                        "session_id=new-session",
                        "source=ci");
        assertThat(entries(inject(W3CBaggagePropagator.getInstance(), adopted)))
                .as("an adopted session keeps what its baggage says")
                .contains("session_id=upstream-session", "project=upstream", "source=web", "run_id=run-7");
        assertThat(entries(inject(W3CBaggagePropagator.getInstance(), ownSource)))
                .contains("source=batch");
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
        return outsideSessions
                ? SessionBaggagePropagator.forTracer(W3CBaggagePropagator.getInstance(), identity)
                : SessionBaggagePropagator.forOtherSdk(W3CBaggagePropagator.getInstance(), identity, false);
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
