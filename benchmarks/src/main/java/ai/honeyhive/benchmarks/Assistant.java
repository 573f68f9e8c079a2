package ai.honeyhive.benchmarks;

import ai.honeyhive.cdi.Traced;
import ai.honeyhive.tracer.EventType;
import jakarta.enterprise.context.Dependent;

/**
 * The measured method, plain and traced: a little string work, so that the call is not optimised away. Dependent, so
 * that no client proxy (what a normal scope costs, traced or not) is in any figure: the container hands out the bean
 * itself, or its intercepted subclass.
 */
@Dependent
public class Assistant {

    /** The work itself, also called untraced. */
    public static String work(String question, String tenant) {
        return question.length() > tenant.length() ? question : tenant;
    }

    @Traced(eventType = EventType.TOOL, captureInputs = Traced.Capture.NEVER, captureOutputs = Traced.Capture.NEVER)
    public String answerWithoutCapture(String question, String tenant) {
        return work(question, tenant);
    }

    @Traced(eventType = EventType.TOOL)
    public String answerWithCapture(String question, String tenant) {
        return work(question, tenant);
    }

    /** The same call on the same bean, with no annotation: what the container costs without any interceptor. */
    public String answerUntraced(String question, String tenant) {
        return work(question, tenant);
    }

    @PassThrough
    public String answerThroughPassThrough(String question, String tenant) {
        return work(question, tenant);
    }
}
