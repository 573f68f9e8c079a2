package ai.honeyhive.tracer.internal.export;

import ai.honeyhive.tracer.internal.SafeJson;
import ai.honeyhive.tracer.internal.ThrottledLogger;
import ai.honeyhive.tracer.internal.config.Settings;
import ai.honeyhive.tracer.internal.span.HoneyHiveAttributes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A local view of what the tracer records, for trying it without an account: every ended span as a HoneyHive event
 * in JSON lines (session starts and updates too) in a file, and/or a readable tree per trace on the console, headed
 * by its session.
 *
 * <p>It runs behind a batch span processor, so spans are written on that processor's thread, never the caller's.
 * Session records wait in a bounded queue until the next write. Traces wait for their root span in a bounded buffer;
 * when it overflows the oldest trace is printed as it is.
 */
public final class LocalSink implements SpanExporter {

    /** The {@code localSink} value that selects the console. */
    public static final String CONSOLE = "console";

    private static final int MAX_PENDING_RECORDS = 1024;
    private static final int MAX_BUFFERED_SPANS = 10_000;
    private static final int SHOWN_VALUE_LENGTH = 80;

    private static final Logger logger = Logger.getLogger(LocalSink.class.getName());
    private static final ThrottledLogger writeFailures = new ThrottledLogger(logger);
    private static final ThrottledLogger droppedRecords = new ThrottledLogger(logger);

    // Looked up at each print, so that a System.out replaced after startup (by a test harness, a logging
    // bridge) is the one written to.
    private final @Nullable Supplier<PrintStream> console;
    private final @Nullable Writer file;
    private final Queue<JsonNode> pendingRecords = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final Map<String, List<SpanData>> tracesAwaitingRoot = new LinkedHashMap<>();
    private int bufferedSpans;

    private LocalSink(@Nullable Supplier<PrintStream> console, @Nullable Writer file) {
        this.console = console;
        this.file = file;
    }

    /**
     * The sink a {@code localSink} setting names: {@code console}, a file path, or both separated by a comma.
     *
     * @throws IllegalArgumentException naming the setting if the file cannot be opened for appending
     */
    public static LocalSink open(String targets, Supplier<PrintStream> consoleStream) {
        Supplier<PrintStream> console = null;
        Writer file = null;
        for (String target : targets.split(",")) {
            String trimmed = target.strip();
            if (trimmed.equalsIgnoreCase(CONSOLE)) {
                console = consoleStream;
            } else if (!trimmed.isEmpty()) {
                file = openFile(trimmed);
            }
        }
        return new LocalSink(console, file);
    }

    private static Writer openFile(String path) {
        try {
            Path file = Path.of(path).toAbsolutePath();
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            return new BufferedWriter(Files.newBufferedWriter(
                    file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(
                    Settings.LOCAL_SINK.describe() + " names a file that cannot be" + " written: '" + path + "' ("
                            + e.getMessage() + "). Use 'console' or a writable path",
                    e);
        }
    }

    /** Queues a session start or update for the file; dropped (and counted in the log) when too many wait. */
    public void record(String type, ObjectNode body) {
        if (file == null) {
            return;
        }
        if (pendingCount.incrementAndGet() > MAX_PENDING_RECORDS) {
            pendingCount.decrementAndGet();
            droppedRecords.log(Level.WARNING, "The local sink dropped a " + type + " record: too many are waiting");
            return;
        }
        ObjectNode line = SafeJson.mapper().createObjectNode();
        line.put("type", type);
        line.setAll(body);
        pendingRecords.add(line);
    }

    @Override
    public synchronized CompletableResultCode export(Collection<SpanData> spans) {
        writeRecords();
        if (file != null) {
            for (SpanData span : spans) {
                writeLine(HoneyHiveEvents.fromSpan(span));
            }
        }
        flushFile();
        if (console != null) {
            spans.forEach(this::buffer);
        }
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public synchronized CompletableResultCode flush() {
        writeRecords();
        flushFile();
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public synchronized CompletableResultCode shutdown() {
        flush();
        new ArrayList<>(tracesAwaitingRoot.keySet()).forEach(this::printTrace);
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                writeFailures.log(Level.WARNING, "Could not close the local sink's file", e);
            }
        }
        return CompletableResultCode.ofSuccess();
    }

    private void writeRecords() {
        JsonNode record;
        while ((record = pendingRecords.poll()) != null) {
            pendingCount.decrementAndGet();
            writeLine(record);
        }
    }

    private void writeLine(JsonNode line) {
        if (file == null) {
            return;
        }
        try {
            file.write(SafeJson.mapper().writeValueAsString(line));
            file.write('\n');
        } catch (IOException e) {
            writeFailures.log(Level.WARNING, "Could not write to the local sink's file", e);
        }
    }

    private void flushFile() {
        if (file == null) {
            return;
        }
        try {
            file.flush();
        } catch (IOException e) {
            writeFailures.log(Level.WARNING, "Could not write to the local sink's file", e);
        }
    }

    private void buffer(SpanData span) {
        tracesAwaitingRoot
                .computeIfAbsent(span.getTraceId(), id -> new ArrayList<>())
                .add(span);
        bufferedSpans++;
        boolean localRoot = !span.getParentSpanContext().isValid()
                || span.getParentSpanContext().isRemote();
        if (localRoot) {
            printTrace(span.getTraceId());
        }
        while (bufferedSpans > MAX_BUFFERED_SPANS && !tracesAwaitingRoot.isEmpty()) {
            printTrace(tracesAwaitingRoot.keySet().iterator().next());
        }
    }

    private void printTrace(String traceId) {
        List<SpanData> spans = tracesAwaitingRoot.remove(traceId);
        if (spans == null || console == null) {
            return;
        }
        bufferedSpans -= spans.size();
        Map<String, List<SpanData>> children = spans.stream()
                .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
                .collect(Collectors.groupingBy(SpanData::getParentSpanId, LinkedHashMap::new, Collectors.toList()));
        List<String> ids = spans.stream().map(SpanData::getSpanId).toList();
        StringBuilder out = new StringBuilder();
        String session = spans.get(0).getAttributes().get(HoneyHiveAttributes.SESSION_ID);
        out.append("--- HoneyHive session ")
                .append(session)
                .append(", trace ")
                .append(traceId)
                .append('\n');
        spans.stream()
                .filter(span -> !ids.contains(span.getParentSpanId()))
                .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
                .forEach(root -> appendTree(out, root, children, 0));
        PrintStream stream = console.get();
        stream.print(out);
        stream.flush();
    }

    private static void appendTree(StringBuilder out, SpanData span, Map<String, List<SpanData>> children, int depth) {
        String indent = "  ".repeat(depth);
        ObjectNode event = HoneyHiveEvents.fromSpan(span);
        out.append(indent)
                .append(span.getName())
                .append(" [")
                .append(event.get("event_type").asText())
                .append("] ")
                .append(String.format("%.1f ms", event.get("duration").asDouble()));
        if (span.getStatus().getStatusCode() == StatusCode.ERROR || event.has("error")) {
            out.append("  ERROR ").append(shorten(event.path("error").asText()));
        }
        out.append('\n');
        appendValues(out, indent + "  in  ", event.get("inputs"));
        appendValues(out, indent + "  out ", event.get("outputs"));
        appendModel(out, indent + "  ", event);
        for (SpanData child : children.getOrDefault(span.getSpanId(), List.of())) {
            appendTree(out, child, children, depth + 1);
        }
    }

    /** A model event's model, provider and tokens on one line. */
    private static void appendModel(StringBuilder out, String indent, ObjectNode event) {
        String model = ModelEventView.model(event);
        if (model != null) {
            out.append(indent).append("model ").append(model).append('\n');
        }
    }

    private static void appendValues(StringBuilder out, String prefix, JsonNode values) {
        // The chat as the model saw it, and a model's output (role and content) as one more line of it.
        List<String> chat = ModelEventView.chat(values);
        String reply = ModelEventView.reply(values);
        chat.forEach(line -> out.append(prefix).append(shorten(line)).append('\n'));
        if (reply != null) {
            out.append(prefix).append(shorten(reply)).append('\n');
        }
        values.properties().stream()
                .filter(entry -> !(entry.getKey().equals("chat_history") && !chat.isEmpty()))
                .filter(entry -> !(reply != null
                        && (entry.getKey().equals("role") || entry.getKey().equals("content"))))
                .forEach(entry -> out.append(prefix)
                        .append(entry.getKey())
                        .append(" = ")
                        .append(shorten(
                                entry.getValue().isTextual()
                                        ? entry.getValue().textValue()
                                        : entry.getValue().toString()))
                        .append('\n'));
    }

    private static String shorten(String text) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= SHOWN_VALUE_LENGTH ? oneLine : oneLine.substring(0, SHOWN_VALUE_LENGTH - 3) + "...";
    }
}
