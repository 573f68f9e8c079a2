package ai.honeyhive.quarkus.runtime.internal.devui;

import ai.honeyhive.cdi.internal.TracerRegistry;
import ai.honeyhive.quarkus.runtime.HoneyHiveRuntimeConfig;
import ai.honeyhive.tracer.TracerConfig;
import ai.honeyhive.tracer.internal.export.LocalSink;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Dev UI page's JSON-RPC service (dev mode only): the sessions and events of the running application, from the
 * default tracer's local sink file, with a link to each session in HoneyHive when the tracer really sends.
 */
public class HoneyHiveDevUiService {

    @Inject
    TracerRegistry tracers;

    @Inject
    HoneyHiveRuntimeConfig config;

    /** Where the events come from, and whether sessions link to HoneyHive. */
    public Source getSource() {
        TracerConfig config = tracers.tracer("").config();
        Optional<Path> file = eventsFile(config);
        return new Source(
                file.map(path -> path.toAbsolutePath().toString()).orElse(""),
                !config.testMode(),
                config.testMode() ? "" : this.config.devUi().sessionLink());
    }

    /** The sessions in the local sink's file, the latest first. */
    public List<LocalSinkSessions.Session> getSessions() throws IOException {
        Optional<Path> file = eventsFile(tracers.tracer("").config());
        return file.isEmpty() ? List.of() : LocalSinkSessions.read(file.get()).sessions();
    }

    /** The events of one session, as a tree in start order. */
    public List<LocalSinkSessions.Event> getEvents(String sessionId) throws IOException {
        Optional<Path> file = eventsFile(tracers.tracer("").config());
        return file.isEmpty() ? List.of() : LocalSinkSessions.read(file.get()).events(sessionId);
    }

    /** The page's header: the file read, and the link template when HoneyHive is really sent to. */
    public record Source(String eventsFile, boolean sending, String sessionLink) {}

    static Optional<Path> eventsFile(TracerConfig config) {
        String targets = config.localSink();
        if (targets == null) {
            return Optional.empty();
        }
        return Arrays.stream(targets.split(","))
                .map(String::strip)
                .filter(target -> !target.isEmpty() && !target.equalsIgnoreCase(LocalSink.CONSOLE))
                .findFirst()
                .map(Path::of);
    }
}
