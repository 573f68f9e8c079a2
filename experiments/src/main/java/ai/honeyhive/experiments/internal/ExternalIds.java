package ai.honeyhive.experiments.internal;

import ai.honeyhive.experiments.Datapoint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The ids HoneyHive's SDKs give inline data: {@code EXT-} and the first 16 hex digits of the SHA-256 of the data as
 * Python's {@code json.dumps(sort_keys=True)} writes it; a datapoint's with its index appended. The same data gets the
 * same ids from every SDK, so runs over it can be compared.
 */
public final class ExternalIds {

    private static final String PREFIX = "EXT-";

    private ExternalIds() {}

    /** The id of an inline dataset: of all its datapoints, in order. */
    public static String dataset(List<Datapoint> datapoints) {
        return PREFIX
                + sha256(PythonJson.dumps(
                        datapoints.stream().map(Datapoint::asMap).toList()));
    }

    /** The id of the datapoint at this index: its own, prefixed, or one made from its content. */
    public static String datapoint(Datapoint datapoint, int index) {
        if (datapoint.id() != null) {
            return datapoint.id().startsWith(PREFIX) ? datapoint.id() : PREFIX + datapoint.id();
        }
        return PREFIX + sha256(PythonJson.dumps(datapoint.asMap()) + index);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
