package ai.honeyhive.it.quarkus.otel;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What Quarkus's own OpenTelemetry propagators write for an outgoing call, as any client quarkus-opentelemetry
 * instruments sends it: the {@code baggage} header.
 */
@Path("/")
public class PropagationResource {

    @Inject
    OpenTelemetry quarkusOpenTelemetry;

    @GET
    @Path("propagate")
    public String inSession() {
        return baggage();
    }

    /** Excluded from HoneyHive sessions, as health paths are by default. */
    @GET
    @Path("health/propagate")
    public String outsideSessions() {
        return baggage();
    }

    private String baggage() {
        Map<String, String> carrier = new HashMap<>();
        quarkusOpenTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), carrier, Map::put);
        return carrier.getOrDefault("baggage", "");
    }
}
