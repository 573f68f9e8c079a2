package ai.honeyhive.tracer.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** The headers every request to HoneyHive carries, as the wire contract lists them. */
public final class ClientHeaders {

    private ClientHeaders() {}

    /** {@code Authorization}, {@code User-Agent} and the {@code hh-client-*} headers. */
    public static Map<String, String> common(String apiKey) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + apiKey);
        headers.put("User-Agent", "honeyhive-tracer-java/" + LibraryVersion.version());
        headers.put("hh-client-language", "java");
        headers.put("hh-client-version", LibraryVersion.version());
        headers.put("hh-client-package", LibraryVersion.PACKAGE);
        return headers;
    }

    /** The common headers plus {@code X-Source}, for the OTLP endpoint. */
    public static Map<String, String> forTraces(String apiKey, String source) {
        Map<String, String> headers = common(apiKey);
        headers.put("X-Source", source);
        return headers;
    }
}
