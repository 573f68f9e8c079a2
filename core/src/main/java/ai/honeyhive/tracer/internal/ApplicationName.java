package ai.honeyhive.tracer.internal;

import org.jspecify.annotations.Nullable;

/** Works out a name for the running application, the default session name: the main class or the jar's name. */
public final class ApplicationName {

    static final String FALLBACK = "java-application";

    private ApplicationName() {}

    /** The simple name of the main class, or the jar's file name without {@code .jar}, never empty. */
    public static String detect() {
        return fromCommand(System.getProperty("sun.java.command"));
    }

    // Visible for testing
    static String fromCommand(@Nullable String command) {
        if (command == null || command.isBlank()) {
            return FALLBACK;
        }
        String first = command.strip().split("\\s+", 2)[0];
        if (first.endsWith(".jar")) {
            String name = first.substring(Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\')) + 1);
            name = name.substring(0, name.length() - ".jar".length());
            return name.isEmpty() ? FALLBACK : name;
        }
        String simple = first.substring(first.lastIndexOf('.') + 1);
        return simple.isEmpty() ? FALLBACK : simple;
    }
}
