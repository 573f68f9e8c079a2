package ai.honeyhive.experiments;

/**
 * One metric in two runs.
 *
 * @param metricName the metric
 * @param eventName the event it is recorded on
 * @param oldAggregate its aggregate in the older run
 * @param newAggregate its aggregate in the newer run
 */
public record MetricComparison(String metricName, String eventName, double oldAggregate, double newAggregate) {

    /** How much the aggregate grew from the older run to the newer one (negative when it fell). */
    public double change() {
        return newAggregate - oldAggregate;
    }
}
