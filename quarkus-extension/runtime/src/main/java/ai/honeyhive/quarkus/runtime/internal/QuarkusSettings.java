package ai.honeyhive.quarkus.runtime.internal;

import ai.honeyhive.tracer.internal.config.Setting;
import java.util.List;

/** The runtime settings only Quarkus has, one row each as in the tracer's table: the Dev UI's. */
public final class QuarkusSettings {

    public static final Setting<String> DEV_UI_SESSION_LINK = Setting.text("sessionLink")
            .property("honeyhive.dev-ui.session-link")
            .defaultValue("https://app.honeyhive.ai/sessions/{session}")
            .describedAs("the Dev UI's link to a session in HoneyHive, when the tracer really sends; `{session}` is"
                    + " replaced by the session id");

    /** Every Quarkus-only runtime setting. */
    public static final List<Setting<?>> ALL = List.of(DEV_UI_SESSION_LINK);

    private QuarkusSettings() {}
}
