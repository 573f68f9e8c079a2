package ai.honeyhive.quarkus.runtime.internal.devui;

import ai.honeyhive.tracer.internal.export.ModelEventView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The sessions and events in the local sink's file, for the Dev UI: the file's last few megabytes are read (a long
 * dev session can write much more), each line parsed on its own so that a partly written one is skipped.
 */
public final class LocalSinkSessions {

    /** How much of the end of the file is read. */
    static final int TAIL_BYTES = 4 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One session: what the page lists. */
    public record Session(String sessionId, String name, String started, int events, int errors, double durationMs) {}

    /**
     * One event of a session, with its depth in the session's tree; a model event also with its chat (one {@code
     * role: text} line per message of its history, then its reply) and its model, provider and tokens.
     */
    public record Event(
            String eventId,
            @Nullable String parentId,
            int depth,
            String name,
            String eventType,
            double durationMs,
            @Nullable String error,
            String inputs,
            String outputs,
            List<String> chat,
            @Nullable String model) {}

    private final Map<String, List<JsonNode>> eventsBySession = new LinkedHashMap<>();
    private final Map<String, String> namesBySession = new HashMap<>();

    private LocalSinkSessions() {}

    /** What the file holds; nothing if it does not exist yet. */
    public static LocalSinkSessions read(Path file) throws IOException {
        LocalSinkSessions sessions = new LocalSinkSessions();
        if (!Files.isRegularFile(file)) {
            return sessions;
        }
        for (String line : tail(file)) {
            JsonNode record = parse(line);
            if (record == null) {
                continue;
            }
            String type = record.path("type").asText();
            String sessionId = record.path("session_id").asText("");
            if (sessionId.isEmpty()) {
                continue;
            }
            if (type.equals("event")) {
                sessions.eventsBySession
                        .computeIfAbsent(sessionId, id -> new ArrayList<>())
                        .add(record);
            } else if (type.equals("session_start")) {
                sessions.namesBySession.put(
                        sessionId, record.path("session_name").asText(sessionId));
            }
        }
        return sessions;
    }

    /** The sessions, the latest first. */
    public List<Session> sessions() {
        Map<Session, Long> startsBySession = new HashMap<>();
        eventsBySession.forEach((id, events) -> {
            long start = events.stream()
                    .mapToLong(e -> e.path("start_time").asLong())
                    .min()
                    .orElse(0);
            long end = events.stream()
                    .mapToLong(e -> e.path("end_time").asLong())
                    .max()
                    .orElse(start);
            int errors =
                    (int) events.stream().filter(e -> e.hasNonNull("error")).count();
            startsBySession.put(
                    new Session(
                            id,
                            namesBySession.getOrDefault(id, rootName(events)),
                            Instant.ofEpochMilli(start).toString(),
                            events.size(),
                            errors,
                            end - start),
                    start);
        });
        List<Session> sessions = new ArrayList<>(startsBySession.keySet());
        sessions.sort(Comparator.comparing(startsBySession::get).reversed());
        return sessions;
    }

    /** The events of one session, each after its parent, in start order. */
    public List<Event> events(String sessionId) {
        List<JsonNode> events = new ArrayList<>(eventsBySession.getOrDefault(sessionId, List.of()));
        events.sort(Comparator.comparingLong(e -> e.path("start_time").asLong()));
        Set<String> ids = new TreeSet<>();
        Map<String, List<JsonNode>> children = new HashMap<>();
        events.forEach(e -> ids.add(e.path("event_id").asText()));
        List<JsonNode> roots = new ArrayList<>();
        for (JsonNode event : events) {
            String parent = event.path("parent_id").asText("");
            if (ids.contains(parent)) {
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(event);
            } else {
                roots.add(event);
            }
        }
        List<Event> tree = new ArrayList<>();
        roots.forEach(root -> appendTree(root, 0, children, tree));
        return tree;
    }

    private static void appendTree(JsonNode event, int depth, Map<String, List<JsonNode>> children, List<Event> out) {
        String id = event.path("event_id").asText();
        JsonNode inputs = event.get("inputs");
        List<String> history = ModelEventView.chat(inputs);
        out.add(new Event(
                id,
                event.hasNonNull("parent_id") ? event.get("parent_id").asText() : null,
                depth,
                event.path("event_name").asText(),
                event.path("event_type").asText(),
                event.path("duration").asDouble(),
                event.hasNonNull("error") ? event.get("error").asText() : null,
                compact(history.isEmpty() ? inputs : withoutChatHistory(inputs)),
                compact(event.get("outputs")),
                chat(history, event.get("outputs")),
                ModelEventView.model(event)));
        for (JsonNode child : children.getOrDefault(id, List.of())) {
            appendTree(child, depth + 1, children, out);
        }
    }

    private static String rootName(List<JsonNode> events) {
        return events.stream()
                .filter(e -> !e.hasNonNull("parent_id"))
                .map(e -> e.path("event_name").asText())
                .findFirst()
                .orElse("session");
    }

    /** The chat history's lines, then the reply's. */
    private static List<String> chat(List<String> history, @Nullable JsonNode outputs) {
        List<String> chat = new ArrayList<>(history);
        String reply = ModelEventView.reply(outputs);
        if (reply != null) {
            chat.add(reply);
        }
        return chat;
    }

    /** The inputs without their chat history, which is shown as the chat. */
    private static @Nullable JsonNode withoutChatHistory(@Nullable JsonNode inputs) {
        if (inputs instanceof ObjectNode object) {
            ObjectNode rest = object.deepCopy();
            rest.remove("chat_history");
            return rest;
        }
        return inputs;
    }

    private static String compact(@Nullable JsonNode values) {
        return values == null || values.isEmpty() ? "" : values.toString();
    }

    private static List<String> tail(Path file) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long from = Math.max(0, length - TAIL_BYTES);
            byte[] bytes = new byte[(int) (length - from)];
            in.seek(from);
            // read, not readFully: the file may be rotated or truncated meanwhile; what was read is enough.
            int read = Math.max(0, in.read(bytes));
            List<String> lines =
                    new ArrayList<>(List.of(new String(bytes, 0, read, StandardCharsets.UTF_8).split("\n")));
            if (from > 0 && !lines.isEmpty()) {
                lines.remove(0); // cut in the middle
            }
            return lines;
        }
    }

    private static @Nullable JsonNode parse(String line) {
        try {
            return line.isBlank() ? null : JSON.readTree(line);
        } catch (IOException e) {
            return null; // a line still being written
        }
    }
}
