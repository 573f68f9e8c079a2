package ai.honeyhive.tracer.internal.span;

/**
 * Bounds on what one value may turn into when flattened into span attributes.
 *
 * @param maxDepth how many levels of maps, lists and objects are expanded; deeper values become one JSON string
 * @param maxAttributes how many attributes one flattened value may produce
 * @param maxStringLength the longest string value, in characters, marker included
 */
public record FlattenLimits(int maxDepth, int maxAttributes, int maxStringLength) {

    public static final int DEFAULT_MAX_DEPTH = 8;
    public static final int DEFAULT_MAX_ATTRIBUTES = 1024;
    public static final int DEFAULT_MAX_STRING_LENGTH = 16 * 1024;

    public static final FlattenLimits DEFAULTS =
            new FlattenLimits(DEFAULT_MAX_DEPTH, DEFAULT_MAX_ATTRIBUTES, DEFAULT_MAX_STRING_LENGTH);

    public FlattenLimits {
        if (maxDepth < 1 || maxAttributes < 1 || maxStringLength < AttributeFlattener.TRUNCATION_MARKER.length() + 1) {
            throw new IllegalArgumentException("Flatten limits must be positive and leave room for the marker: "
                    + maxDepth + ", " + maxAttributes + ", " + maxStringLength);
        }
    }
}
