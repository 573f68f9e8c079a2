package ai.honeyhive.experiments;

import org.jspecify.annotations.Nullable;

/**
 * The application's own code under evaluation: called once per datapoint, inside that datapoint's session and its
 * chain span, so the spans it makes ({@code @Traced} beans, LLM clients) land there.
 */
@FunctionalInterface
public interface ExperimentFunction {

    /** The output for one datapoint; what it throws is recorded on the datapoint's chain span. */
    @Nullable
    Object apply(Datapoint datapoint) throws Exception;
}
