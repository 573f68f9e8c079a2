package ai.honeyhive.experiments.junit;

import ai.honeyhive.experiments.Dataset;
import ai.honeyhive.experiments.Experiment;
import ai.honeyhive.experiments.ExperimentRun;
import ai.honeyhive.experiments.ExperimentThresholds;
import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Behind {@link ExperimentTest}: hands the method a prepared {@link Experiment.Builder}, runs the experiment once the
 * method has returned, and fails the test if the run misses a threshold.
 */
public final class ExperimentExtension implements ParameterResolver, AfterTestExecutionCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ExperimentExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Experiment.Builder.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExperimentTest test = annotation(context);
        Method method = context.getRequiredTestMethod();
        String name = test.name().isEmpty()
                ? context.getRequiredTestClass().getSimpleName() + "." + method.getName()
                : test.name();
        Experiment.Builder builder = Experiment.builder().name(name).dataset(Dataset.fromResource(test.dataset()));
        context.getStore(NAMESPACE).put(Experiment.Builder.class, builder);
        return builder;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            return;
        }
        Experiment.Builder builder =
                context.getStore(NAMESPACE).remove(Experiment.Builder.class, Experiment.Builder.class);
        if (builder == null) {
            throw new IllegalStateException(
                    "@ExperimentTest method " + context.getRequiredTestMethod().getName()
                            + " must take an Experiment.Builder parameter and give it the function to evaluate");
        }
        ExperimentRun run = builder.build().run();
        context.publishReportEntry("honeyhive.run_id", run.runId());
        ExperimentThresholds.assertMet(run, annotation(context).thresholds());
    }

    private static ExperimentTest annotation(ExtensionContext context) {
        ExperimentTest test = context.getRequiredTestMethod().getAnnotation(ExperimentTest.class);
        if (test == null) {
            throw new IllegalStateException("ExperimentExtension needs @ExperimentTest on the test method");
        }
        return test;
    }
}
