package ai.honeyhive.experiments.internal;

import ai.honeyhive.experiments.DatapointResult;
import ai.honeyhive.experiments.ExperimentRun;
import ai.honeyhive.experiments.MetricSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** A run as a plain-text table: one row per datapoint with its metrics, then each metric's aggregate. */
public final class RunTable {

    private static final int CELL = 28;

    private RunTable() {}

    public static String format(ExperimentRun run) {
        TreeSet<String> metricNames = new TreeSet<>();
        run.results().forEach(result -> metricNames.addAll(result.metrics().keySet()));
        List<String> header = new ArrayList<>(List.of("datapoint", "inputs", "outputs"));
        header.addAll(metricNames);
        header.add("error");
        StringBuilder table = new StringBuilder();
        table.append("Experiment ")
                .append(run.name())
                .append(" (run ")
                .append(run.runId())
                .append(", ")
                .append(run.results().size())
                .append(" datapoints, ")
                .append(run.sentToHoneyHive() ? "sent to HoneyHive" : "local: nothing sent")
                .append(")\n");
        row(table, header);
        for (DatapointResult result : run.results()) {
            List<String> cells = new ArrayList<>(
                    List.of(result.datapointId(), String.valueOf(result.inputs()), String.valueOf(result.outputs())));
            metricNames.forEach(
                    metric -> cells.add(String.valueOf(result.metrics().getOrDefault(metric, ""))));
            cells.add(
                    result.error() != null
                            ? result.error()
                            : String.join("; ", result.evaluatorErrors().values()));
            row(table, cells);
        }
        table.append(String.format(
                Locale.ROOT,
                "%s of %d datapoints passed; %s by %s:%n",
                run.summary().passed().size(),
                run.results().size(),
                run.summary().fromHoneyHive() ? "HoneyHive's aggregates" : "aggregates",
                run.summary().aggregateFunction().wireName()));
        for (MetricSummary metric : run.summary().metrics()) {
            table.append(String.format(Locale.ROOT, "  %-30s %.4f%n", metric.metricName(), metric.aggregate()));
        }
        return table.toString();
    }

    private static void row(StringBuilder table, List<String> cells) {
        for (String cell : cells) {
            String text = cell.replace('\n', ' ');
            text = text.length() > CELL ? text.substring(0, CELL - 3) + "..." : text;
            table.append(String.format(Locale.ROOT, "%-" + CELL + "s ", text));
        }
        table.setLength(table.length() - 1);
        table.append('\n');
    }
}
