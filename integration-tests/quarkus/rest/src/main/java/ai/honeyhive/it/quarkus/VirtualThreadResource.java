package ai.honeyhive.it.quarkus;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/**
 * An endpoint on a virtual thread. Quarkus refuses to build {@code @RunOnVirtualThread} on a JDK older than 21, so
 * the endpoint is built only when the build runs on 21 or newer (the {@code virtual-threads} Maven profile).
 */
@Path("/support/virtual")
@IfBuildProperty(name = "it.virtual-threads", stringValue = "true")
public class VirtualThreadResource {

    @Inject
    Assistant assistant;

    @GET
    @RunOnVirtualThread
    public String answer(@QueryParam("q") String question) {
        // Thread.isVirtual() is Java 21; this module is compiled for 17.
        boolean virtual = Thread.currentThread().toString().startsWith("VirtualThread");
        return assistant.answer(question) + " on " + (virtual ? "a virtual" : "a platform") + " thread";
    }
}
