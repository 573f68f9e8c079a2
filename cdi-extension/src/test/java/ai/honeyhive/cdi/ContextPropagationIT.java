package ai.honeyhive.cdi;

import static ai.honeyhive.testing.HoneyHiveAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.tracer.HoneyHiveTracer;
import ai.honeyhive.tracer.SessionScope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** MicroProfile Context Propagation (SmallRye's implementation) carries the span and the session across threads. */
class ContextPropagationIT {

    private final RecordingHoneyHiveServer server = RecordingHoneyHiveServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @ApplicationScoped
    static class Worker {
        @Traced
        String work(String input) {
            return "worked " + input;
        }
    }

    @Test
    void managedExecutorsAndThreadContextKeepTheRequestsSpanAndSession() throws Exception {
        ManagedExecutor executor = null;
        try (CdiContainer container = CdiContainer.start(
                Map.of(
                        "honeyhive.api-key", "k",
                        "honeyhive.server-url", server.baseUrl(),
                        "honeyhive.batch.schedule-delay", "50"),
                Worker.class)) {
            // Built after the container: SmallRye Context Propagation reads MicroProfile Config when built.
            executor = ManagedExecutor.builder().build();
            ThreadContext threadContext = ThreadContext.builder().build();
            HoneyHiveTracer tracer = container.get(HoneyHiveTracer.class);
            Worker worker = container.get(Worker.class);
            String sessionId;
            try (SessionScope session = tracer.withSession("managed");
                    var parent = tracer.trace("request")) {
                sessionId = session.sessionId();
                assertThat(executor.supplyAsync(() -> worker.work("on managed executor"))
                                .get(30, TimeUnit.SECONDS))
                        .isEqualTo("worked on managed executor");
                Runnable contextual = threadContext.contextualRunnable(() -> worker.work("contextual"));
                Thread plain = new Thread(contextual);
                plain.start();
                plain.join();
            }
            assertThat(tracer.flush(Duration.ofSeconds(30))).isTrue();

            RecordedSpan request = server.spans().stream()
                    .filter(span -> span.name().equals("request"))
                    .findFirst()
                    .orElseThrow();
            assertThat(server.spans())
                    .filteredOn(span -> span.name().equals("Worker.work"))
                    .hasSize(2)
                    .allSatisfy(span -> assertThat(span).hasParent(request).hasSessionId(sessionId));
        } finally {
            if (executor != null) {
                executor.shutdownNow();
            }
        }
    }
}
