package ai.honeyhive.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.testing.RecordedRequest;
import ai.honeyhive.testing.RecordedSpan;
import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.testing.Response;
import ai.honeyhive.testing.Route;
import ai.honeyhive.tracer.EventType;
import ai.honeyhive.tracer.HoneyHiveTracer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Experiments against the recording server, which answers the experiment routes as HoneyHive does. */
class ExperimentIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Dataset ARITHMETIC = Dataset.of(
            Datapoint.of(Map.of("question", "What is 2 + 2?"), Map.of("answer", "4")),
            Datapoint.of(Map.of("question", "What is 3 + 3?"), Map.of("answer", "6")),
            Datapoint.of(Map.of("question", "What is 5 + 5?"), Map.of("answer", "10")));

    private final RecordingHoneyHiveServer server = RecordingHoneyHiveServer.start();
    private final HoneyHiveTracer tracer = HoneyHiveTracer.builder()
            .environment(Map.of())
            .serverUrl(server.baseUrl())
            .apiKey("hh-test-key")
            .project("calculator")
            .startSession(false)
            .shutdownHook(false)
            .batchScheduleDelay(Duration.ofMillis(50))
            .build();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        tracer.close();
        server.close();
    }

    private Experiment.Builder calculator() {
        return Experiment.builder()
                .tracer(tracer)
                .name("calculator v2")
                .dataset(ARITHMETIC)
                .environment(Map.of())
                .console(new PrintStream(console, true, StandardCharsets.UTF_8))
                .function("answer", datapoint -> {
                    String question = (String) datapoint.input("question");
                    try (var retrieve = tracer.trace("parse", EventType.TOOL)) {
                        retrieve.setAttribute("question.length", question.length());
                    }
                    String[] terms =
                            question.replace("What is ", "").replace("?", "").split(" \\+ ");
                    // 5 + 5 comes out wrong on purpose, so the accuracy is 2/3.
                    int sum = Integer.parseInt(terms[0]) + Integer.parseInt(terms[1]);
                    return Map.of("answer", String.valueOf(sum == 10 ? 11 : sum));
                })
                .evaluator("exact_match", (outputs, inputs, truth) -> ((Map<?, ?>) outputs)
                        .get("answer")
                        .equals(truth.get("answer")));
    }

    @Test
    void anInlineRunGoesOverTheWireInOrderWithEachDatapointInItsOwnSession(@TempDir Path work) throws Exception {
        Path repository = gitWorkTree(work);
        ExperimentRun run = calculator().gitDirectory(repository).build().run();

        List<Route> routes = server.requests().stream()
                .map(RecordedRequest::route)
                .filter(route -> route != Route.TRACES)
                .toList();
        assertThat(routes.get(0)).isEqualTo(Route.RUN_CREATE);
        assertThat(routes.subList(1, 4)).containsOnly(Route.SESSION_START);
        assertThat(routes.subList(4, 7)).containsOnly(Route.EVENTS);
        assertThat(routes.subList(7, routes.size())).containsExactly(Route.RUN_UPDATE, Route.RUN_RESULT);

        JsonNode creation = server.requests(Route.RUN_CREATE).get(0).json();
        assertThat(creation.path("name").asText()).isEqualTo("calculator v2");
        assertThat(creation.path("status").asText()).isEqualTo("pending");
        assertThat(creation.path("run_id").asText()).isEqualTo(run.runId());
        assertThat(creation.has("dataset_id"))
                .as("inline data has no hosted dataset")
                .isFalse();
        assertThat(creation.path("metadata").path("offline_dataset_id").asText())
                .isEqualTo(run.datasetId());
        assertThat(run.datasetId()).startsWith("EXT-").hasSize(20);
        assertThat(creation.path("datapoint_ids").get(0).asText()).isEqualTo("EXT-7dd182d950fd936c");
        JsonNode git = creation.path("metadata").path("git");
        assertThat(git.path("commit_message").asText()).isEqualTo("the calculator's first commit");
        assertThat(git.path("author_email").asText()).isEqualTo("ada@example.com");
        assertThat(git.path("commit_hash").asText()).hasSize(40);
        assertThat(git.path("is_dirty").asBoolean()).isFalse();

        DatapointResult first = run.results().get(0);
        JsonNode start = server.requests(Route.SESSION_START).stream()
                .map(RecordedRequest::json)
                .filter(body -> body.at("/session/session_id").asText().equals(first.sessionId()))
                .findFirst()
                .orElseThrow();
        assertThat(start.at("/session/source").asText()).isEqualTo("evaluation");
        assertThat(start.at("/session/session_name").asText()).isEqualTo("calculator v2");
        assertThat(start.at("/session/inputs/question").asText()).isEqualTo("What is 2 + 2?");
        assertThat(start.at("/session/metadata/run_id").asText()).isEqualTo(run.runId());
        assertThat(start.at("/session/metadata/datapoint_id").asText()).isEqualTo("EXT-7dd182d950fd936c");

        RecordedSpan chain = span(first.sessionId(), "answer");
        RecordedSpan parse = span(first.sessionId(), "parse");
        assertThat(chain.isRoot()).isTrue();
        assertThat(chain.eventType()).isEqualTo("chain");
        assertThat(parse.parentSpanId()).isEqualTo(chain.spanId());
        assertThat(chain.attribute("honeyhive_metrics.exact_match")).contains(true);
        assertThat(parse.attributes().keySet()).noneMatch(key -> key.startsWith("honeyhive_metrics"));
        for (RecordedSpan span : List.of(chain, parse)) {
            assertThat(span.stringAttribute("honeyhive_metadata.run_id")).isEqualTo(run.runId());
            assertThat(span.stringAttribute("honeyhive_metadata.dataset_id")).isEqualTo(run.datasetId());
            assertThat(span.stringAttribute("honeyhive_metadata.datapoint_id")).isEqualTo("EXT-7dd182d950fd936c");
        }

        JsonNode update = server.requests(Route.EVENTS).stream()
                .map(RecordedRequest::json)
                .filter(body -> body.path("event_id").asText().equals(first.sessionId()))
                .findFirst()
                .orElseThrow();
        assertThat(update.at("/outputs/answer").asText()).isEqualTo("4");
        assertThat(update.at("/feedback/ground_truth/answer").asText()).isEqualTo("4");

        JsonNode completion = server.requests(Route.RUN_UPDATE).get(0).json();
        assertThat(completion.path("status").asText()).isEqualTo("completed");
        assertThat(completion.path("event_ids")).hasSize(3);
        assertThat(server.requests(Route.RUN_RESULT).get(0).queryParameter("aggregate_function"))
                .contains("average");

        assertThat(run.sentToHoneyHive()).isTrue();
        assertThat(run.summary().fromHoneyHive()).isTrue();
        MetricSummary accuracy = run.summary().metric("exact_match").orElseThrow();
        assertThat(accuracy.aggregate()).isEqualTo(2.0 / 3);
        assertThat(accuracy.eventName()).isEqualTo("answer");
        assertThat(accuracy.failed()).containsExactly(run.results().get(2).datapointId());
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("Experiment calculator v2")
                .contains("exact_match")
                .contains("0.6667");
    }

    @Test
    void aFailingFunctionAFailingEvaluatorAndAMapResultAreEachRecordedAndTheRunCompletes() {
        ExperimentRun run = calculator()
                .function("answer", datapoint -> {
                    if (datapoint.input("question").toString().contains("3 + 3")) {
                        throw new IllegalStateException("the model is down");
                    }
                    return "plain text " + datapoint.input("question");
                })
                .evaluator("exact_match", (outputs, inputs, truth) -> {
                    throw new ArithmeticException("cannot compare");
                })
                .evaluator(
                        "judge",
                        (outputs, inputs, truth) -> Map.of(
                                "score", 0.5, "explanation", "half right", "confidence", 0.9, "nested", Map.of("x", 1)))
                .build()
                .run();

        DatapointResult failed = run.results().get(1);
        assertThat(failed.error()).isEqualTo("IllegalStateException: the model is down");
        assertThat(failed.outputs()).isNull();
        RecordedSpan failedChain = span(failed.sessionId(), "answer");
        assertThat(failedChain.statusCode()).isEqualTo("STATUS_CODE_ERROR");
        assertThat(failedChain.stringAttribute("honeyhive_error")).contains("the model is down");
        assertThat(server.spans())
                .filteredOn(span -> failed.sessionId().equals(span.sessionId()))
                .hasSize(1);

        DatapointResult scored = run.results().get(0);
        assertThat(scored.evaluatorErrors()).containsEntry("exact_match", "ArithmeticException: cannot compare");
        assertThat(scored.metrics())
                .containsEntry("judge", 0.5)
                .containsEntry("judge_explanation", "half right")
                .containsEntry("judge_confidence", 0.9)
                .doesNotContainKey("judge_nested");
        RecordedSpan chain = span(scored.sessionId(), "answer");
        assertThat(chain.attribute("honeyhive_metrics.judge")).contains(0.5);
        assertThat(chain.stringAttribute("honeyhive_metrics.judge_explanation")).isEqualTo("half right");
        assertThat(chain.stringAttribute("honeyhive_metadata.evaluator_errors.exact_match"))
                .isEqualTo("ArithmeticException: cannot compare");
        assertThat(chain.statusCode()).isNotEqualTo("STATUS_CODE_ERROR");

        JsonNode update = server.requests(Route.EVENTS).stream()
                .map(RecordedRequest::json)
                .filter(body -> body.path("event_id").asText().equals(scored.sessionId()))
                .findFirst()
                .orElseThrow();
        assertThat(update.at("/outputs/result").asText())
                .as("a non-object output")
                .startsWith("plain text");
        assertThat(update.at("/feedback/ground_truth/answer").asText()).isEqualTo("4");
        assertThat(server.requests(Route.RUN_UPDATE)).hasSize(1);
        assertThat(run.summary().failed()).containsExactly(failed.datapointId());
        assertThat(run.summary().success()).isFalse();
    }

    @Test
    void aHundredDatapointsSixteenAtOnceKeepEverySpanInItsOwnDatapointsSession() {
        List<Datapoint> points = IntStream.range(0, 100)
                .mapToObj(i -> Datapoint.of(Map.of("question", "What is " + i + " + " + i + "?"), Map.of()))
                .toList();
        ExperimentRun run = calculator()
                .dataset(Dataset.of(points))
                .maxParallel(16)
                .function("answer", datapoint -> {
                    // Work on another thread of the datapoint's own, carried there by the tracer's wrapper.
                    Thread worker = new Thread(tracer.traced("lookup", EventType.TOOL, () -> {}));
                    worker.start();
                    worker.join();
                    return datapoint.input("question");
                })
                .build()
                .run();

        assertThat(run.results()).hasSize(100);
        assertThat(server.spans()).hasSize(200);
        for (DatapointResult result : run.results()) {
            List<RecordedSpan> spans = server.spans().stream()
                    .filter(span -> result.sessionId().equals(span.sessionId()))
                    .toList();
            assertThat(spans).extracting(RecordedSpan::name).containsExactlyInAnyOrder("answer", "lookup");
            assertThat(spans).allSatisfy(span -> assertThat(span.stringAttribute("honeyhive_metadata.datapoint_id"))
                    .isEqualTo(result.datapointId()));
        }
        assertThat(tracer.spanStatistics().dropped()).isZero();
    }

    @Test
    void aRefusedRunFailsClearlyBeforeAnyDatapointRuns() {
        server.respondByDefault(Route.RUN_CREATE, Response.json(403, "{\"error\":\"project not found\"}"));
        List<String> ran = new ArrayList<>();

        assertThatThrownBy(() -> calculator()
                        .function("answer", datapoint -> ran.add("ran"))
                        .build()
                        .run())
                .isInstanceOf(ExperimentException.class)
                .hasMessageContaining("HoneyHive answered 403 to POST /v1/runs")
                .hasMessageContaining("project not found")
                .hasMessageNotContaining("hh-test-key");
        assertThat(ran).isEmpty();
        assertThat(server.requests(Route.SESSION_START)).isEmpty();
    }

    @Test
    void aHangingResultRequestIsBoundedAndTheSummaryIsComputedHere() {
        server.respondByDefault(Route.RUN_RESULT, Response.hang());

        ExperimentRun run =
                calculator().requestTimeout(Duration.ofMillis(500)).build().run();

        assertThat(run.sentToHoneyHive()).isTrue();
        assertThat(run.summary().fromHoneyHive()).isFalse();
        assertThat(run.summary().metric("exact_match").orElseThrow().aggregate())
                .isEqualTo(2.0 / 3);
    }

    @Test
    void aHostedDatasetIsFetchedAndItsIdsGoWithTheRun() {
        server.hostDataset(
                "ds-refunds",
                "refunds",
                List.of(
                        Map.of(
                                "id",
                                "dp-1",
                                "inputs",
                                Map.of("question", "What is 1 + 1?"),
                                "ground_truth",
                                Map.of("answer", "2")),
                        Map.of(
                                "id",
                                "dp-2",
                                "inputs",
                                Map.of("question", "What is 2 + 2?"),
                                "ground_truth",
                                Map.of("answer", "4"))));

        ExperimentRun run =
                calculator().dataset(Dataset.hosted("ds-refunds")).build().run();

        JsonNode creation = server.requests(Route.RUN_CREATE).get(0).json();
        assertThat(creation.path("dataset_id").asText()).isEqualTo("ds-refunds");
        assertThat(creation.path("metadata").has("offline_dataset_id")).isFalse();
        assertThat(run.results()).extracting(DatapointResult::datapointId).containsExactly("dp-1", "dp-2");
        assertThat(server.requests(Route.DATAPOINT)).hasSize(2);
        assertThat(run.summary().metric("exact_match").orElseThrow().aggregate())
                .isEqualTo(1.0);
    }

    @Test
    void inTestModeTheSameRunHappensInProcessAndNothingIsSent() {
        try (HoneyHiveTracer local = HoneyHiveTracer.builder()
                .environment(Map.of())
                .testMode(true)
                .shutdownHook(false)
                .build()) {
            ExperimentRun run = calculator().tracer(local).build().run();

            assertThat(server.requests()).isEmpty();
            assertThat(run.sentToHoneyHive()).isFalse();
            assertThat(run.summary().fromHoneyHive()).isFalse();
            assertThat(run.summary().metric("exact_match").orElseThrow().aggregate())
                    .isEqualTo(2.0 / 3);
            assertThat(console.toString(StandardCharsets.UTF_8)).contains("local: nothing sent");
            assertThatThrownBy(() -> calculator()
                            .tracer(local)
                            .dataset(Dataset.hosted("ds-1"))
                            .build()
                            .run())
                    .isInstanceOf(ExperimentException.class)
                    .hasMessageContaining("set an API key");
        }
    }

    @Test
    void twoRunsAreComparedByHoneyHive() {
        ExperimentRun older = calculator().build().run();
        ExperimentRun newer = calculator()
                .function(
                        "answer",
                        datapoint -> Map.of(
                                "answer",
                                datapoint.input("question").toString().contains("2 + 2")
                                        ? "4"
                                        : datapoint.input("question").toString().contains("3 + 3") ? "6" : "10"))
                .build()
                .run();

        RunComparison comparison = Experiment.compareRuns(tracer, newer, older);

        assertThat(comparison.fromHoneyHive()).isTrue();
        assertThat(comparison.metrics()).singleElement().satisfies(metric -> {
            assertThat(metric.metricName()).isEqualTo("exact_match");
            assertThat(metric.oldAggregate()).isEqualTo(2.0 / 3);
            assertThat(metric.newAggregate()).isEqualTo(1.0);
        });
        assertThat(comparison.commonDatapoints()).hasSize(3);
        assertThat(server.requests(Route.RUN_COMPARE)).hasSize(1);
    }

    private RecordedSpan span(String sessionId, String name) {
        return server.awaitSpan(
                span -> sessionId.equals(span.sessionId()) && span.name().equals(name), WAIT);
    }

    /** A git work tree with one commit, in a temporary directory. */
    private static Path gitWorkTree(Path directory) throws IOException, InterruptedException {
        git(directory, "init", "-q");
        Files.writeString(directory.resolve("calculator.txt"), "2 + 2 = 4\n");
        git(directory, "add", "calculator.txt");
        git(
                directory,
                "-c",
                "user.name=Ada",
                "-c",
                "user.email=ada@example.com",
                "commit",
                "-q",
                "-m",
                "the calculator's first commit");
        return directory;
    }

    private static void git(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .inheritIO()
                .start();
        assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
    }
}
