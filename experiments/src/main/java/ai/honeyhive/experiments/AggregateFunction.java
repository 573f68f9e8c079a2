package ai.honeyhive.experiments;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** How HoneyHive sums up a metric over a run's datapoints (booleans count as 1 and 0). */
public enum AggregateFunction {
    AVERAGE,
    MIN,
    MAX,
    MEDIAN,
    SUM,
    COUNT;

    /** The name on the wire: {@code average}, {@code min}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The aggregate of these values; 0 for none. */
    public double apply(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double sum = sorted.stream().mapToDouble(Double::doubleValue).sum();
        int size = sorted.size();
        return switch (this) {
            case AVERAGE -> sum / size;
            case MIN -> sorted.get(0);
            case MAX -> sorted.get(size - 1);
            case MEDIAN -> size % 2 == 1 ? sorted.get(size / 2) : (sorted.get(size / 2 - 1) + sorted.get(size / 2)) / 2;
            case SUM -> sum;
            case COUNT -> size;
        };
    }
}
