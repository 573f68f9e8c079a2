package ai.honeyhive.examples.assistant;

/** The model declined to answer; the request fails, and its spans and session show why. */
public class ModelRefusedException extends RuntimeException {

    public ModelRefusedException(String message) {
        super(message);
    }
}
