package ai.honeyhive.jaxrs;

import io.opentelemetry.context.Context;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The resources the JAX-RS tests call: synchronous, asynchronous, failing, and calling another service. */
@Path("/assistant")
@RequestScoped
public class AssistantResource {

    // A pool the application owns: the context travels only because the code wraps it, as docs/getting-started/jaxrs.md
    // asks.
    static final ExecutorService WORKERS = Executors.newFixedThreadPool(8, runnable -> {
        Thread thread = new Thread(runnable, "assistant-worker");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    Answerer answerer;

    @GET
    @Path("/answer")
    public String answer(@QueryParam("q") String question) {
        return answerer.answer(question);
    }

    @GET
    @Path("/orders/{id}")
    public String order(@PathParam("id") String id) {
        return answerer.answer("order " + id);
    }

    @GET
    @Path("/async")
    public void async(@QueryParam("q") String question, @Suspended AsyncResponse response) {
        WORKERS.execute(Context.current().wrap((Runnable) () -> response.resume(answerer.answer(question))));
    }

    @GET
    @Path("/stage")
    public CompletionStage<String> stage(@QueryParam("q") String question) {
        return CompletableFuture.supplyAsync(Context.current().wrapSupplier(() -> answerer.answer(question)), WORKERS);
    }

    @GET
    @Path("/quota")
    public String quota() {
        throw new QuotaExceededException("quota exceeded");
    }

    @GET
    @Path("/crash")
    public String crash() {
        throw new IllegalStateException("boom");
    }

    @GET
    @Path("/empty")
    public Response empty() {
        return Response.noContent().build();
    }

    @GET
    @Path("/downstream")
    public String downstream(@QueryParam("url") String url) {
        Client client = ClientBuilder.newClient().register(HoneyHiveClientFilter.class);
        try {
            return client.target(url + "?token=secret-query").request().get(String.class);
        } finally {
            client.close();
        }
    }

    /** Mapped to 503 by {@link QuotaExceededMapper}. */
    public static final class QuotaExceededException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        QuotaExceededException(String message) {
            super(message);
        }
    }
}
