package ai.honeyhive.experiments;

/**
 * An experiment could not run or be posted: HoneyHive refused the run or did not answer, or a hosted dataset was asked
 * for without HoneyHive. Thrown before any datapoint runs when the run cannot be created.
 */
public class ExperimentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ExperimentException(String message) {
        super(message);
    }

    public ExperimentException(String message, Throwable cause) {
        super(message, cause);
    }
}
