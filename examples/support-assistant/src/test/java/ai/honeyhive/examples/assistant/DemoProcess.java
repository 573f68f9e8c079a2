package ai.honeyhive.examples.assistant;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged demo run as the README's command runs it: {@code java -jar target/quarkus-app/quarkus-run.jar}. */
record DemoProcess(int exitCode, String output) {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final long TIMEOUT_SECONDS = 120;

    /** Runs the demo to its end with these environment variables, and none of the machine's {@code HH_*}. */
    static DemoProcess run(Map<String, String> environment) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-jar", JAR.toString()))
                .redirectErrorStream(true)
                .redirectOutput(
                        Files.createTempFile("support-assistant-demo", ".out").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("HH_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the demo did not end within " + TIMEOUT_SECONDS + " s");
        }
        String output = Files.readString(builder.redirectOutput().file().toPath(), StandardCharsets.UTF_8);
        return new DemoProcess(process.exitValue(), output);
    }
}
