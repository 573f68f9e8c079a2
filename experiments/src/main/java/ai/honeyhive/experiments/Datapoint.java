package ai.honeyhive.experiments;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One datapoint of a dataset: the inputs the function gets, the ground truth evaluators compare with, and its id (a
 * hosted datapoint's, one given in the data, or none: then one is made from its content, as HoneyHive's SDKs do).
 */
public final class Datapoint {

    private final @Nullable String id;
    private final Map<String, Object> inputs;
    private final Map<String, Object> groundTruth;
    private final Map<String, Object> source;

    private Datapoint(
            @Nullable String id,
            Map<String, Object> inputs,
            Map<String, Object> groundTruth,
            Map<String, Object> source) {
        this.id = id;
        this.inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        this.groundTruth = Collections.unmodifiableMap(new LinkedHashMap<>(groundTruth));
        this.source = source;
    }

    /** A datapoint with these inputs and no ground truth. */
    public static Datapoint of(Map<String, ?> inputs) {
        return of(inputs, Map.of());
    }

    /** A datapoint with these inputs and ground truth. */
    public static Datapoint of(Map<String, ?> inputs, Map<String, ?> groundTruth) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("inputs", copy(requireNonNull(inputs, "inputs")));
        if (!requireNonNull(groundTruth, "groundTruth").isEmpty()) {
            source.put("ground_truth", copy(groundTruth));
        }
        return new Datapoint(null, copy(inputs), copy(groundTruth), source);
    }

    /**
     * A datapoint as a dataset file holds it: {@code inputs}, {@code ground_truth} and an optional {@code id}; other
     * entries are kept for the id made from its content.
     */
    public static Datapoint fromMap(Map<String, ?> map) {
        Map<String, Object> source = copy(requireNonNull(map, "map"));
        Object id = source.get("id");
        return new Datapoint(
                id == null ? null : id.toString(),
                mapOf(source.get("inputs")),
                mapOf(source.get("ground_truth")),
                source);
    }

    /** This datapoint under another id (a hosted datapoint's). */
    public Datapoint withId(String id) {
        return new Datapoint(requireNonNull(id, "id"), inputs, groundTruth, source);
    }

    /** The id given with the datapoint, or null when it is to be made from its content. */
    public @Nullable String id() {
        return id;
    }

    /** The inputs, by name. */
    public Map<String, Object> inputs() {
        return inputs;
    }

    /** One input, or null. */
    public @Nullable Object input(String name) {
        return inputs.get(name);
    }

    /** The ground truth, by name; empty when there is none. */
    public Map<String, Object> groundTruth() {
        return groundTruth;
    }

    /** The datapoint as its data reads ({@code inputs}, {@code ground_truth}, ...): what its made id is a hash of. */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(source);
    }

    @Override
    public String toString() {
        return "Datapoint{id=" + id + ", inputs=" + inputs + ", groundTruth=" + groundTruth + "}";
    }

    private static Map<String, Object> copy(Map<String, ?> map) {
        return new LinkedHashMap<>(map);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapOf(@Nullable Object value) {
        return value instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map) : Map.of();
    }
}
