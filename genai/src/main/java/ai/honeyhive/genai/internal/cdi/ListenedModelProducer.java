package ai.honeyhive.genai.internal.cdi;

import ai.honeyhive.genai.internal.ListenedModels;
import ai.honeyhive.tracer.HoneyHiveTracer;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.Producer;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The application's producer of a LangChain4j model, whose model it hands on with HoneyHive's listener added. */
final class ListenedModelProducer<T> implements Producer<T> {

    private static final Logger logger = Logger.getLogger(ListenedModelProducer.class.getName());

    private final Producer<T> original;
    private final Class<?> type;
    private final BeanManager beanManager;

    ListenedModelProducer(Producer<T> original, Class<?> type, BeanManager beanManager) {
        this.original = original;
        this.type = type;
        this.beanManager = beanManager;
    }

    @Override
    public T produce(CreationalContext<T> context) {
        T model = original.produce(context);
        try {
            Instance<HoneyHiveTracer> tracer = beanManager.createInstance().select(HoneyHiveTracer.class);
            @SuppressWarnings("unchecked") // withListener hands back a model of the producer's own type
            T listened = tracer.isResolvable() ? (T) ListenedModels.withListener(type, model, tracer.get()) : model;
            return listened;
        } catch (RuntimeException | LinkageError e) {
            // Tracing never breaks the application: the model works, untraced.
            logger.log(Level.WARNING, "Could not add HoneyHive's listener to a LangChain4j model; it is not traced", e);
            return model;
        }
    }

    @Override
    public void dispose(T instance) {
        original.dispose(instance);
    }

    @Override
    public Set<InjectionPoint> getInjectionPoints() {
        return original.getInjectionPoints();
    }
}
