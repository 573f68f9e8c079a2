package ai.honeyhive.experiments;

import static java.util.Objects.requireNonNull;

import ai.honeyhive.experiments.internal.CiRunIds;
import ai.honeyhive.experiments.internal.DatapointExecution;
import ai.honeyhive.experiments.internal.ExternalIds;
import ai.honeyhive.experiments.internal.GitMetadata;
import ai.honeyhive.experiments.internal.RunTable;
import ai.honeyhive.experiments.internal.RunsClient;
import ai.honeyhive.experiments.internal.Summaries;
import ai.honeyhive.tracer.HoneyHiveTracer;
import ai.honeyhive.tracer.SessionEnrichment;
import ai.honeyhive.tracer.internal.export.HoneyHiveEndpoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * {@code evaluate} in Java: runs the application's own function over a dataset, each datapoint in its own HoneyHive
 * session, scores each output with evaluators, and posts the run so HoneyHive aggregates it and compares it with
 * others.
 *
 * <pre>{@code
 * ExperimentRun run = Experiment.builder()
 *         .tracer(tracer)
 *         .name("refund answers")
 *         .dataset(Dataset.fromResource("datasets/refunds.jsonl"))
 *         .function("answer", datapoint -> assistant.answer((String) datapoint.input("question")))
 *         .evaluator("mentions_days", (outputs, inputs, truth) -> String.valueOf(outputs).contains("days"))
 *         .build()
 *         .run();
 * }</pre>
 *
 * <p>With a tracer in test mode, or without {@code HH_API_KEY} when the experiment builds its own tracer, the same run
 * happens in process: nothing is sent, the aggregates are computed with HoneyHive's functions, and the run is printed
 * as a table. The order on the wire: the run's creation ({@code POST /v1/runs}), the datapoints' sessions and spans,
 * each session's outputs and ground truth ({@code PUT /events}), the run's completion ({@code PUT /v1/runs/<id>}), its
 * result ({@code GET /v1/runs/<id>/result}).
 */
public final class Experiment {

    private static final Logger logger = Logger.getLogger(Experiment.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Builder settings;

    private Experiment(Builder settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs every datapoint, at most {@code maxParallel} at once, and returns the run once HoneyHive has summed it up.
     *
     * @throws ExperimentException if the run cannot be created (HoneyHive refused it, a hosted dataset is missing or
     *     asked for without HoneyHive); then no datapoint has run
     */
    public ExperimentRun run() {
        HoneyHiveTracer tracer = settings.tracer != null ? settings.tracer : ownTracer(settings.environment);
        try {
            return run(tracer);
        } finally {
            if (settings.tracer == null) {
                tracer.close();
            }
        }
    }

    private ExperimentRun run(HoneyHiveTracer tracer) {
        boolean remote = !tracer.isTestMode();
        RunsClient client = remote ? client(tracer, settings.requestTimeout) : null;
        List<Datapoint> datapoints = datapoints(client);
        List<String> datapointIds = new ArrayList<>();
        for (int i = 0; i < datapoints.size(); i++) {
            // Hosted datapoints keep HoneyHive's ids; inline ones get the EXT- ids every SDK makes for them.
            datapointIds.add(
                    settings.dataset.isHosted() ? datapoints.get(i).id() : ExternalIds.datapoint(datapoints.get(i), i));
        }
        String datasetId = settings.dataset.isHosted() ? settings.dataset.hostedId() : ExternalIds.dataset(datapoints);
        String runId = settings.runId != null ? settings.runId : defaultRunId();
        if (client != null) {
            JsonNode created = client.createRun(creation(runId, datasetId, datapointIds));
            runId = created.path("run_id").asText(runId);
        }
        DatapointExecution execution = new DatapointExecution(
                tracer, runId, settings.name, datasetId, functionName(), settings.function, settings.evaluators);
        List<DatapointResult> results = runAll(execution, datapoints, datapointIds);
        tracer.flush(settings.requestTimeout);
        for (DatapointResult result : results) {
            SessionEnrichment.Builder update = SessionEnrichment.builder()
                    .sessionId(result.sessionId())
                    .outputs(DatapointExecution.asOutputs(result.outputs()));
            if (!result.groundTruth().isEmpty()) {
                update.feedback(Map.of("ground_truth", result.groundTruth()));
            }
            tracer.enrichSession(update.build());
        }
        tracer.flush(settings.requestTimeout);
        RunSummary summary = client == null ? localSummary(results) : completeAndSummarize(client, runId, results);
        ExperimentRun run = new ExperimentRun(runId, settings.name, datasetId, results, summary, client != null);
        if (settings.console != null) {
            settings.console.print(RunTable.format(run));
        }
        return run;
    }

    /**
     * Compares two runs: by HoneyHive when both were sent and the tracer sends, else in process from their summaries.
     */
    public static RunComparison compareRuns(HoneyHiveTracer tracer, ExperimentRun newRun, ExperimentRun oldRun) {
        if (!tracer.isTestMode() && newRun.sentToHoneyHive() && oldRun.sentToHoneyHive()) {
            JsonNode answer = client(tracer, Duration.ofSeconds(30)).compare(newRun.runId(), oldRun.runId());
            return Summaries.comparisonFromHoneyHive(newRun.runId(), oldRun.runId(), answer);
        }
        return Summaries.compare(
                newRun.runId(),
                newRun.summary(),
                newRun.results().stream().map(DatapointResult::datapointId).toList(),
                oldRun.runId(),
                oldRun.summary(),
                oldRun.results().stream().map(DatapointResult::datapointId).toList());
    }

    private List<Datapoint> datapoints(@Nullable RunsClient client) {
        if (!settings.dataset.isHosted()) {
            return settings.dataset.datapoints();
        }
        if (client == null) {
            throw new ExperimentException("The hosted dataset " + settings.dataset.hostedId()
                    + " is HoneyHive's, and this experiment sends nothing (test mode, or no HH_API_KEY): set an API"
                    + " key, or run over an inline dataset (Dataset.of, Dataset.fromResource)");
        }
        JsonNode found = client.dataset(settings.dataset.hostedId()).path("datasets");
        if (found.isEmpty()) {
            throw new ExperimentException("HoneyHive has no dataset " + settings.dataset.hostedId());
        }
        List<Datapoint> datapoints = new ArrayList<>();
        for (JsonNode id : found.get(0).path("datapoints")) {
            JsonNode point = client.datapoint(id.asText()).path("datapoint").path(0);
            Map<String, Object> map =
                    JSON.convertValue(point, new com.fasterxml.jackson.core.type.TypeReference<>() {});
            datapoints.add(Datapoint.fromMap(map).withId(id.asText()));
        }
        return datapoints;
    }

    private ObjectNode creation(String runId, String datasetId, List<String> datapointIds) {
        ObjectNode run = JSON.createObjectNode()
                .put("run_id", runId)
                .put("name", settings.name)
                .put("status", "pending");
        ObjectNode metadata = run.putObject("metadata");
        Map<String, Object> git = GitMetadata.of(settings.gitDirectory);
        if (git != null) {
            metadata.set("git", JSON.valueToTree(git));
        }
        if (!settings.dataset.isHosted()) {
            metadata.put("offline_dataset_id", datasetId);
        }
        settings.metadata.forEach((key, value) -> metadata.set(key, JSON.valueToTree(value)));
        run.putArray("event_ids");
        run.set("configuration", JSON.valueToTree(settings.configuration));
        run.set("datapoint_ids", JSON.valueToTree(datapointIds));
        if (settings.dataset.isHosted()) {
            run.put("dataset_id", datasetId);
        }
        return run;
    }

    private List<DatapointResult> runAll(
            DatapointExecution execution, List<Datapoint> datapoints, List<String> datapointIds) {
        ExecutorService pool = Executors.newFixedThreadPool(settings.maxParallel, threads());
        try {
            List<Future<DatapointResult>> running = new ArrayList<>();
            for (int i = 0; i < datapoints.size(); i++) {
                Datapoint datapoint = datapoints.get(i);
                String id = datapointIds.get(i);
                running.add(pool.submit(() -> execution.run(datapoint, id)));
            }
            List<DatapointResult> results = new ArrayList<>();
            for (Future<DatapointResult> result : running) {
                results.add(result.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExperimentException("Interrupted while the datapoints ran", e);
        } catch (ExecutionException e) {
            throw new ExperimentException("A datapoint could not run: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private RunSummary completeAndSummarize(RunsClient client, String runId, List<DatapointResult> results) {
        ObjectNode completion =
                JSON.createObjectNode().put("name", settings.name).put("status", "completed");
        completion.set(
                "event_ids",
                JSON.valueToTree(
                        results.stream().map(DatapointResult::sessionId).toList()));
        client.updateRun(runId, completion);
        try {
            return Summaries.fromHoneyHive(
                    client.result(runId, settings.aggregateFunction.wireName()), settings.aggregateFunction);
        } catch (ExperimentException e) {
            logger.log(
                    Level.WARNING,
                    "HoneyHive did not sum up run " + runId + "; its summary is computed here: " + e.getMessage());
            return localSummary(results);
        }
    }

    private RunSummary localSummary(List<DatapointResult> results) {
        return Summaries.local(results, functionName(), settings.aggregateFunction);
    }

    private String functionName() {
        return settings.functionName != null ? settings.functionName : settings.name;
    }

    private String defaultRunId() {
        String ci = CiRunIds.ciRunId(settings.environment);
        return ci != null
                ? CiRunIds.runId(ci, settings.name)
                : UUID.randomUUID().toString();
    }

    private static RunsClient client(HoneyHiveTracer tracer, Duration timeout) {
        return new RunsClient(
                new HoneyHiveEndpoint(
                        tracer.config().serverUrl(),
                        requireNonNull(tracer.config().apiKey(), "apiKey")),
                timeout);
    }

    /** Without a tracer given: one from the environment, in test mode when it has no key. */
    private static HoneyHiveTracer ownTracer(Map<String, String> environment) {
        HoneyHiveTracer.Builder tracer =
                HoneyHiveTracer.builder().environment(environment).startSession(false);
        if (environment.get("HH_API_KEY") == null) {
            tracer.testMode(true);
        }
        return tracer.build();
    }

    /** Virtual threads where the JDK has them (21+), else daemon platform threads. */
    private static ThreadFactory threads() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Object named = builder.getClass()
                    .getMethod("name", String.class, long.class)
                    .invoke(builder, "honeyhive-datapoint-", 0L);
            return (ThreadFactory) named.getClass().getMethod("factory").invoke(named);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return runnable -> {
                Thread thread = new Thread(runnable, "honeyhive-datapoint");
                thread.setDaemon(true);
                return thread;
            };
        }
    }

    /** An experiment's settings; {@code name}, {@code dataset} and {@code function} are required. */
    public static final class Builder {
        private @Nullable HoneyHiveTracer tracer;
        private @Nullable String name;
        private @Nullable Dataset dataset;
        private @Nullable String functionName;
        private @Nullable ExperimentFunction function;
        private final Map<String, Evaluator> evaluators = new LinkedHashMap<>();
        private @Nullable String runId;
        private int maxParallel = 8;
        private AggregateFunction aggregateFunction = AggregateFunction.AVERAGE;
        private Map<String, Object> metadata = Map.of();
        private Map<String, Object> configuration = Map.of();
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Path gitDirectory = Path.of("").toAbsolutePath();
        private Map<String, String> environment = System.getenv();
        private @Nullable PrintStream console = System.out;

        private Builder() {}

        /** The tracer the datapoints' sessions and spans go through; default one from the environment. */
        public Builder tracer(HoneyHiveTracer tracer) {
            this.tracer = requireNonNull(tracer, "tracer");
            return this;
        }

        /** The run's name, also each datapoint's session name. */
        public Builder name(String name) {
            this.name = requireNonNull(name, "name");
            return this;
        }

        public Builder dataset(Dataset dataset) {
            this.dataset = requireNonNull(dataset, "dataset");
            return this;
        }

        /** The function, in a chain span named after the experiment. */
        public Builder function(ExperimentFunction function) {
            this.function = requireNonNull(function, "function");
            return this;
        }

        /** The function, in a chain span of this name (the name pairs the events of two runs). */
        public Builder function(String name, ExperimentFunction function) {
            this.functionName = requireNonNull(name, "name");
            return function(function);
        }

        /** An evaluator, its results recorded under its name; evaluators run in the order added. */
        public Builder evaluator(String name, Evaluator evaluator) {
            evaluators.put(requireNonNull(name, "name"), requireNonNull(evaluator, "evaluator"));
            return this;
        }

        /** The run's id; default one made from the CI's run id when there is one, else a new UUID. */
        public Builder runId(String runId) {
            this.runId = requireNonNull(runId, "runId");
            return this;
        }

        /** How many datapoints run at once; default 8. */
        public Builder maxParallel(int maxParallel) {
            if (maxParallel < 1) {
                throw new IllegalArgumentException("maxParallel must be at least 1; was " + maxParallel);
            }
            this.maxParallel = maxParallel;
            return this;
        }

        /** How metrics are summed up; default {@link AggregateFunction#AVERAGE}. */
        public Builder aggregateFunction(AggregateFunction aggregateFunction) {
            this.aggregateFunction = requireNonNull(aggregateFunction, "aggregateFunction");
            return this;
        }

        /** More metadata of the run. */
        public Builder metadata(Map<String, ?> metadata) {
            this.metadata = Map.copyOf(metadata);
            return this;
        }

        /** The configuration under test (model, prompt version, ...), recorded with the run. */
        public Builder configuration(Map<String, ?> configuration) {
            this.configuration = Map.copyOf(configuration);
            return this;
        }

        /** How long each call to HoneyHive's experiment routes, and each flush, may take; default 30 seconds. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requireNonNull(requestTimeout, "requestTimeout");
            return this;
        }

        /** The directory whose git commit the run records; default the working directory. */
        public Builder gitDirectory(Path gitDirectory) {
            this.gitDirectory = requireNonNull(gitDirectory, "gitDirectory");
            return this;
        }

        /** The environment to read ({@code HH_*}, CI run ids) instead of the process's; for tests. */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /** Where the run's table is printed; default {@code System.out}, null for nowhere. */
        public Builder console(@Nullable PrintStream console) {
            this.console = console;
            return this;
        }

        /** @throws IllegalStateException naming what is missing */
        public Experiment build() {
            if (name == null || dataset == null || function == null) {
                throw new IllegalStateException("An experiment needs a name, a dataset and a function; missing: "
                        + (name == null ? "name " : "") + (dataset == null ? "dataset " : "")
                        + (function == null ? "function" : "").strip());
            }
            return new Experiment(this);
        }
    }
}
