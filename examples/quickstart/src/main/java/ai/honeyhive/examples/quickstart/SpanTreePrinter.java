package ai.honeyhive.examples.quickstart;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** Keeps every ended span and prints them as a tree, with the HoneyHive attributes that matter most. */
final class SpanTreePrinter implements SpanProcessor {

    private final List<SpanData> ended = new CopyOnWriteArrayList<>();

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        ended.add(span.toSpanData());
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    void print(PrintStream out) {
        Map<String, List<SpanData>> byParent = ended.stream()
                .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
                .collect(Collectors.groupingBy(SpanData::getParentSpanId));
        ended.stream()
                .filter(span -> !span.getParentSpanContext().isValid())
                .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
                .forEach(root -> print(out, root, byParent, 0));
        out.println(ended.size() + " spans recorded");
    }

    private void print(PrintStream out, SpanData span, Map<String, List<SpanData>> byParent, int depth) {
        String type = attribute(span, "honeyhive_event_type", "tool");
        double millis = (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1_000_000.0;
        String error = span.getStatus().getStatusCode().name().equals("ERROR")
                ? "  ERROR " + span.getStatus().getDescription()
                : "";
        out.printf("%s%s [%s] %.1f ms%s%n", "  ".repeat(depth), span.getName(), type, millis, error);
        span.getAttributes().forEach((key, value) -> {
            String name = key.getKey();
            if (name.startsWith("honeyhive_inputs.") || name.startsWith("honeyhive_outputs.")) {
                out.printf("%s  %s = %s%n", "  ".repeat(depth), name, shorten(String.valueOf(value)));
            }
        });
        for (SpanData child : byParent.getOrDefault(span.getSpanId(), List.of())) {
            print(out, child, byParent, depth + 1);
        }
    }

    private static String attribute(SpanData span, String key, String fallback) {
        return span.getAttributes().asMap().entrySet().stream()
                .filter(entry -> entry.getKey().getKey().equals(key))
                .map(entry -> String.valueOf(entry.getValue()))
                .findFirst()
                .orElse(fallback);
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
