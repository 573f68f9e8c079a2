package ai.honeyhive.it.jakarta;

import static ai.honeyhive.testing.HoneyHiveAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.it.jakarta.AppClient.Reply;
import ai.honeyhive.it.jakarta.JakartaServer.DeploymentFailedException;
import ai.honeyhive.testing.RecordedRequest;
import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.testing.Response;
import ai.honeyhive.testing.Route;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What the shared WAR must do on every Jakarta EE server, checked on what the server's tracer sent to the recording
 * server. The server is started once by the build; the tests that deploy, reconfigure or stop it run last, in the
 * order their {@link Order} gives.
 *
 * <p>The build reserves two ports and hands them to the server: {@code it.recording.port} for HoneyHive (the server
 * gets {@code honeyhive.server-url} naming it) and {@code it.collector.port} for the server's own OpenTelemetry
 * exporter. The recording servers start here, after the server: what the tracer sent before (the start of its own
 * session when the application was deployed) is not asserted on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class JakartaServerContract {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int CONCURRENT_REQUESTS = 60;
    private static final String API_KEY = "hh-it-canary-key-7f3a9c";
    private static final String APP = "honeyhive-it-app";
    private static final String ANSWER = "GET /assistant/answer";

    private RecordingHoneyHiveServer honeyhive;
    private RecordingHoneyHiveServer collector;
    private JakartaServer server;
    private AppClient app;

    /** The server under test, already running with the application deployed. */
    protected abstract JakartaServer server();

    @BeforeAll
    void startRecordingServers() {
        honeyhive = RecordingHoneyHiveServer.start(requiredPort("it.recording.port"));
        collector = RecordingHoneyHiveServer.start(requiredPort("it.collector.port"));
        server = server();
        app = new AppClient(server.applicationUrl(APP));
    }

    @AfterAll
    void stopRecordingServers() {
        honeyhive.close();
        collector.close();
    }

    @Test
    void eachRequestIsASessionWhoseSpanParentsTheTracedBeans() {
        Reply first = app.ask("answer", "refunds");
        Reply second = app.ask("answer", "refunds");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("answer to refunds from 2 documents");
        assertThat(List.of(first.sessionId(), second.sessionId()))
                .doesNotContainNull()
                .doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(UUID.fromString(id)).hasToString(id));

        String session = first.sessionId();
        RecordedSpan request = awaitSpan(ANSWER, session);
        RecordedSpan chain = awaitSpan("AnswerChain.answer", session);
        RecordedSpan tool = awaitSpan("Retriever.search", session);
        RecordedSpan model = awaitSpan("ModelClient.complete", session);
        assertThat(request.kind()).isEqualTo("SPAN_KIND_SERVER");
        assertThat(request)
                .hasEventType("chain")
                .hasAttribute("http.route", "/assistant/answer")
                .hasAttribute("http.response.status_code", 200L);
        assertThat(chain).hasParent(request).hasEventType("chain").hasInput("question", "refunds");
        assertThat(chain).hasOutput("result", "answer to refunds from 2 documents");
        assertThat(tool).hasParent(chain).hasEventType("tool").hasInput("question", "refunds");
        assertThat(model).hasParent(chain).hasEventType("model").hasInput("question", "refunds");
        for (RecordedSpan span : List.of(request, chain, tool, model)) {
            assertThat(span)
                    .as("project and source from microprofile-config.properties")
                    .hasAttribute("honeyhive.project", "jakarta-it")
                    .hasAttribute("honeyhive.source", "it-server");
        }
        assertThat(request.request().header("Authorization")).hasValue("Bearer " + API_KEY);

        RecordedRequest start = honeyhive.awaitRequest(Route.SESSION_START, startOf(session), WAIT);
        assertThat(start.json().at("/session/session_name").asText()).isEqualTo(ANSWER);
        assertThat(start.json().at("/session/project").asText()).isEqualTo("jakarta-it");
        assertThat(start.json().at("/session/source").asText()).isEqualTo("it-server");
        assertThat(start.json().at("/session/inputs/path").asText())
                .isEqualTo("/honeyhive-it-app/api/assistant/answer");
        assertThat(request).hasAttribute("url.path", "/honeyhive-it-app/api/assistant/answer");
        RecordedRequest update = honeyhive.awaitRequest(
                Route.EVENTS,
                body -> session.equals(body.json().path("event_id").asText()),
                WAIT);
        assertThat(update.json().at("/outputs/status_code").asInt()).isEqualTo(200);
    }

    @Test
    void aCompletionStageSpanEndsWhenTheStageCompletes() {
        Reply reply = app.ask("stage", "delivery");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("later: answer to delivery from 2 documents");
        RecordedSpan request = awaitSpan("GET /assistant/stage", reply.sessionId());
        RecordedSpan later = awaitSpan("AnswerChain.answerLater", reply.sessionId());
        RecordedSpan inner = awaitSpan("AnswerChain.answer", reply.sessionId());
        assertThat(later).hasParent(request).hasOutput("result", reply.body());
        assertThat(inner).as("work on the worker thread").hasParent(later);
        assertThat(later.endEpochNanos())
                .as("the span ends when the stage completes, after the work it waited for")
                .isGreaterThanOrEqualTo(inner.endEpochNanos());
        assertThat(Duration.ofNanos(later.endEpochNanos() - later.startEpochNanos()))
                .as("the stage completes after a 100 ms delay")
                .isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void anAsyncResponseIsAnsweredInTheRequestsSession() {
        Reply reply = app.ask("async", "returns");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("async: answer to returns from 2 documents");
        RecordedSpan request = awaitSpan("GET /assistant/async", reply.sessionId());
        assertThat(awaitSpan("AnswerChain.answer", reply.sessionId())).hasParent(request);
        assertThat(request).hasAttribute("http.response.status_code", 200L);
    }

    @Test
    void aFailingBeanMarksItsSpanAndTheRequest() {
        Reply reply = app.ask("fail", "forbidden");

        assertThat(reply.status()).isEqualTo(500);
        RecordedSpan request = awaitSpan("GET /assistant/fail", reply.sessionId());
        RecordedSpan refused = awaitSpan("AnswerChain.refuse", reply.sessionId());
        assertThat(refused).hasParent(request).hasError("java.lang.IllegalStateException: refused: forbidden");
        assertThat(refused.events()).extracting(RecordedSpan.Event::name).containsExactly("exception");
        assertThat(request).hasAttribute("http.response.status_code", 500L).hasError("HTTP 500 Internal Server Error");
    }

    @Test
    void aJaxrsClientCallContinuesTheTraceAndTheSession() {
        Reply reply = app.ask("relay", "invoices");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("relayed: answer to invoices from 2 documents");
        String session = reply.sessionId();
        RecordedSpan relay = awaitSpan("GET /assistant/relay", session);
        RecordedSpan client = awaitSpan("GET", session);
        RecordedSpan downstream = awaitSpan(ANSWER, session);
        assertThat(client.kind()).isEqualTo("SPAN_KIND_CLIENT");
        assertThat(client).hasParent(relay).hasAttribute("http.response.status_code", 200L);
        assertThat(downstream).hasParent(client);
        assertThat(awaitSpan("AnswerChain.answer", session)).hasParent(downstream);
        assertThat(List.of(relay.traceId(), client.traceId(), downstream.traceId()))
                .containsOnly(relay.traceId());
        assertThat(honeyhive.requests(Route.SESSION_START).stream().filter(startOf(session)))
                .as("the downstream request continues the caller's session instead of starting one")
                .hasSize(1);
    }

    @Test
    void concurrentRequestsNeverShareASession() throws Exception {
        Map<String, String> sessionByQuestion = askConcurrently("parallel-");
        assertThat(sessionByQuestion.values()).doesNotHaveDuplicates().hasSize(CONCURRENT_REQUESTS);

        Predicate<RecordedSpan> tracedAnswer = span -> span.name().equals("AnswerChain.answer")
                && String.valueOf(span.stringAttribute("honeyhive_inputs.question"))
                        .startsWith("parallel-");
        assertThat(honeyhive.awaitSpans(tracedAnswer, CONCURRENT_REQUESTS, WAIT))
                .hasSize(CONCURRENT_REQUESTS)
                .allSatisfy(span -> assertThat(span.sessionId())
                        .isEqualTo(sessionByQuestion.get(span.stringAttribute("honeyhive_inputs.question"))));
    }

    @Test
    void requestsAnswerUnderCpuContentionWhileHoneyHiveNeverAnswers() throws Exception {
        // Busy threads in this JVM take the machine's cores from the server, and HoneyHive accepts every call and never
        // answers: a request that waited on anything of the tracer's (a session start, a queue, an export) would not
        // answer within the client's 30 s.
        for (Route route : List.of(Route.SESSION_START, Route.EVENTS, Route.TRACES)) {
            honeyhive.respondByDefault(route, Response.hang());
        }
        List<Thread> busy = new ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors() * 2; i++) {
            Thread thread = new Thread(JakartaServerContract::spin, "busy-" + i);
            thread.setDaemon(true);
            thread.start();
            busy.add(thread);
        }
        try {
            assertThat(askConcurrently("contended-").values())
                    .doesNotHaveDuplicates()
                    .hasSize(CONCURRENT_REQUESTS);
        } finally {
            busy.forEach(Thread::interrupt);
            for (Route route : List.of(Route.SESSION_START, Route.EVENTS, Route.TRACES)) {
                honeyhive.respondByDefault(route, Response.ok());
            }
            honeyhive.releaseHangs();
        }
    }

    /**
     * Asks each endpoint in turn from 8 threads, {@value #CONCURRENT_REQUESTS} questions in all; every answer must be
     * a 200.
     *
     * @return the session of each question's answer
     */
    private Map<String, String> askConcurrently(String prefix) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            String[] endpoints = {"answer", "stage", "async"};
            List<Future<Map.Entry<String, Reply>>> replies = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_REQUESTS; i++) {
                String question = prefix + i;
                String endpoint = endpoints[i % endpoints.length];
                replies.add(clients.submit(() -> Map.entry(question, app.ask(endpoint, question))));
            }
            Map<String, String> sessionByQuestion = new HashMap<>();
            for (Future<Map.Entry<String, Reply>> reply : replies) {
                Map.Entry<String, Reply> answered = reply.get();
                assertThat(answered.getValue().status()).as(answered.getKey()).isEqualTo(200);
                sessionByQuestion.put(answered.getKey(), answered.getValue().sessionId());
            }
            return sessionByQuestion;
        } finally {
            clients.shutdownNow();
        }
    }

    private static void spin() {
        long sink = 0;
        while (!Thread.currentThread().isInterrupted()) {
            sink = sink * 31 + 1;
        }
        // Used, so that the loop is not optimised away.
        if (sink == 42) {
            System.out.print("");
        }
    }

    @Test
    @Order(Order.DEFAULT + 100)
    void invalidConfigurationFailsTheDeploymentNamingTheKey() {
        Path invalid = variant("hh-invalid", Map.of("honeyhive.test-mode", "sometimes"));

        assertThatThrownBy(() -> server.deploy(invalid))
                .isInstanceOf(DeploymentFailedException.class)
                .hasMessageContaining("honeyhive.test-mode");
        assertThat(server.log()).contains("honeyhive.test-mode must be one of");
        server.undeploy("hh-invalid.war");
        assertThat(app.ask("answer", "still up").status())
                .as("the other application is unaffected")
                .isEqualTo(200);
    }

    @Test
    @Order(Order.DEFAULT + 200)
    void undeployingFlushesWhatTheApplicationTraced() {
        Reply reply = askHeldBackApplication("hh-undeploy", "before undeploy");

        server.undeploy("hh-undeploy.war");

        assertThat(awaitSpan("AnswerChain.answer", reply.sessionId())).hasInput("question", "before undeploy");
        assertThat(awaitSpan(ANSWER, reply.sessionId())).hasAttribute("http.response.status_code", 200L);
    }

    @Test
    @Order(Order.DEFAULT + 300)
    void withTheServersOpenTelemetryOnOurTracerKeepsItsOwnExporter() {
        server.enableServerOpenTelemetry(collector.baseUrl());
        awaitRestarted(app);

        Reply reply = app.ask("answer", "beside server telemetry");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(awaitSpan("AnswerChain.answer", reply.sessionId())).hasInput("question", "beside server telemetry");
        assertThat(awaitSpan(ANSWER, reply.sessionId())).hasAttribute("http.response.status_code", 200L);
        assertThat(collector.requests())
                .as("nothing of ours reaches the server's exporter")
                .isEmpty();
    }

    /**
     * An application that turns the server's telemetry on for itself ({@code otel.sdk.disabled=false}) and uses
     * HoneyHive: the server's spans go to the server's exporter, ours to HoneyHive, and neither sees the other's.
     */
    @Test
    @Order(Order.DEFAULT + 310)
    protected void anApplicationCanUseTheServersOpenTelemetryAndOursTogether() throws Exception {
        server.deploy(telemetryApplication());

        Reply reply = new AppClient(server.applicationUrl("hh-otel")).ask("answer", "with server telemetry");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(awaitSpan("AnswerChain.answer", reply.sessionId())).hasInput("question", "with server telemetry");
        RecordedSpan theirs = collector.awaitSpan(
                span -> "hh-otel-server".equals(span.resourceAttributes().get("service.name"))
                        && span.kind().equals("SPAN_KIND_SERVER"),
                WAIT);
        assertThat(theirs.name()).contains("/assistant/answer");
        assertThat(collector.spans())
                .as("the server's exporter sends none of our spans")
                .noneMatch(span -> span.sessionId() != null);
        assertThat(collector.requests(Route.TRACES))
                .as("nor our key")
                .noneMatch(request -> request.header("Authorization").isPresent());
        assertThat(honeyhive.spans()).as("and ours sends none of the server's").noneMatch(span -> "hh-otel-server"
                .equals(span.resourceAttributes().get("service.name")));
        server.undeploy("hh-otel.war");
    }

    /**
     * The application WAR with the server's telemetry turned on for it, exporting to the collector stand-in, and
     * without the entries whose paths start with {@code removed}.
     */
    protected final Path telemetryApplication(String... removed) {
        return variant(
                "hh-otel",
                Map.of(
                        "otel.sdk.disabled", "false",
                        "otel.service.name", "hh-otel-server",
                        "otel.traces.exporter", "otlp",
                        "otel.metrics.exporter", "none",
                        "otel.logs.exporter", "none",
                        "otel.exporter.otlp.protocol", "http/protobuf",
                        "otel.exporter.otlp.traces.endpoint", collector.baseUrl() + Route.TRACES.path(),
                        "otel.bsp.schedule.delay", "200"),
                removed);
    }

    /** The collector stand-in to which the server's own OpenTelemetry exports. */
    protected final RecordingHoneyHiveServer collector() {
        return collector;
    }

    /** The server, for what subclasses test beyond the contract. */
    protected final JakartaServer runningServer() {
        return server;
    }

    @Test
    @Order(Order.DEFAULT + 400)
    void theServerLogShowsCleanClassLoadingAndNoKey() {
        String log = server.log();
        assertThat(log)
                .doesNotContain(API_KEY)
                .doesNotContain("LinkageError")
                .doesNotContain("NoSuchMethodError")
                .doesNotContain("NoClassDefFoundError")
                .doesNotContain("ClassCastException");
        assertThat(honeyhive).hasNoBodyContaining("LinkageError");
    }

    @Test
    @Order(Order.DEFAULT + 500)
    void stoppingTheServerFlushesWhatTheApplicationTraced() {
        Reply reply = askHeldBackApplication("hh-stop", "before stop");

        server.stop();

        assertThat(awaitSpan("AnswerChain.answer", reply.sessionId())).hasInput("question", "before stop");
        assertThat(server.log()).doesNotContain(API_KEY);
    }

    /**
     * Deploys a copy of the WAR whose batches wait ten minutes, asks it once, and checks that nothing was sent a
     * second later: only a flush (at undeployment, at server stop) can deliver that request's spans in time.
     */
    private Reply askHeldBackApplication(String name, String question) {
        Path war = variant(name, Map.of("honeyhive.batch.schedule-delay", "10m"));
        try {
            server.deploy(war);
        } catch (DeploymentFailedException e) {
            throw new AssertionError("Could not deploy " + war, e);
        }
        Reply reply = new AppClient(server.applicationUrl(name)).ask("answer", question);
        assertThat(reply.status()).isEqualTo(200);
        Poll.pause(Duration.ofSeconds(1));
        assertThat(spansOf(reply.sessionId())).as("batched, not yet sent").isEmpty();
        return reply;
    }

    /** A copy of the WAR under this name, with these config properties and without the entries under {@code removed}. */
    private Path variant(String name, Map<String, String> overrides, String... removed) {
        Path war = server.applicationWar();
        return WarVariant.of(war, war.resolveSibling("variants"), name, overrides, List.of(removed));
    }

    /** Waits until an application that the server restarts (Open Liberty does, on a feature change) answers again. */
    private static void awaitRestarted(AppClient restarted) {
        Poll.until(() -> Optional.of(true).filter(ignored -> restarted.health() == 200), WAIT)
                .orElseThrow(() -> new AssertionError("The application did not answer again within " + WAIT));
    }

    private RecordedSpan awaitSpan(String name, String sessionId) {
        try {
            return honeyhive.awaitSpan(span -> span.name().equals(name) && sessionId.equals(span.sessionId()), WAIT);
        } catch (AssertionError e) {
            throw new AssertionError(
                    "No span " + name + " in session " + sessionId + "; its spans: " + spansOf(sessionId), e);
        }
    }

    private List<RecordedSpan> spansOf(String sessionId) {
        return honeyhive.spans().stream()
                .filter(span -> sessionId.equals(span.sessionId()))
                .toList();
    }

    private static Predicate<RecordedRequest> startOf(String sessionId) {
        return start -> sessionId.equals(start.json().at("/session/session_id").asText());
    }

    private static int requiredPort(String property) {
        String port = System.getProperty(property);
        if (port == null) {
            throw new IllegalStateException("The build must set the system property " + property);
        }
        return Integer.parseInt(port);
    }
}
