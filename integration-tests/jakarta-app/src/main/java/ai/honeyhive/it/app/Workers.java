package ai.honeyhive.it.app;

import io.opentelemetry.context.Context;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The application's own worker threads. Work handed to them keeps the trace and the session only because it is
 * wrapped in the current OpenTelemetry context, as docs/getting-started/jaxrs.md asks.
 */
@ApplicationScoped
public class Workers {

    private final ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "assistant-worker");
        thread.setDaemon(true);
        return thread;
    });

    public ExecutorService executor() {
        return executor;
    }

    public void runInCurrentContext(Runnable task) {
        executor.execute(Context.current().wrap(task));
    }

    public <T> Supplier<T> inCurrentContext(Supplier<T> supplier) {
        return Context.current().wrapSupplier(supplier);
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }
}
