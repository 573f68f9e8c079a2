package ai.honeyhive.it.jakarta;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/** A copy of the application WAR under another name, with some MicroProfile Config properties changed. */
final class WarVariant {

    private static final String CONFIG = "/WEB-INF/classes/META-INF/microprofile-config.properties";

    private WarVariant() {}

    /**
     * Writes {@code <name>.war} into {@code directory}: the original WAR with {@code overrides} in its config, and
     * without the entries whose paths start with one of {@code removed}.
     */
    static Path of(Path original, Path directory, String name, Map<String, String> overrides, List<String> removed) {
        try {
            Files.createDirectories(directory);
            Path copy = directory.resolve(name + ".war");
            Files.copy(original, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (FileSystem war = FileSystems.newFileSystem(copy)) {
                Path config = war.getPath(CONFIG);
                Properties properties = new Properties();
                try (InputStream in = Files.newInputStream(config)) {
                    properties.load(in);
                }
                properties.putAll(overrides);
                try (OutputStream out = Files.newOutputStream(config)) {
                    properties.store(out, "variant " + name);
                }
                for (String prefix : removed) {
                    try (Stream<Path> entries = Files.walk(war.getPath("/"))) {
                        for (Path entry : entries.filter(path -> path.toString().startsWith(prefix))
                                .filter(Files::isRegularFile)
                                .toList()) {
                            Files.delete(entry);
                        }
                    }
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
