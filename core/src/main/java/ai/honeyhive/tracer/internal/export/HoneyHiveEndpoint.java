package ai.honeyhive.tracer.internal.export;

import ai.honeyhive.tracer.internal.LibraryVersion;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a tracer sends to and how it identifies itself: the base URL and the API key, and the headers every request
 * to HoneyHive carries, as the wire contract lists them. The one route the key takes to its {@code Authorization}
 * header, for the session calls and the span export alike.
 *
 * @param serverUrl the HoneyHive base URL, without a trailing slash
 * @param apiKey the API key, sent as a bearer token; never in {@link #toString()}
 */
public record HoneyHiveEndpoint(String serverUrl, String apiKey) {

    /** The URL of a path below the base URL. */
    public String url(String path) {
        return serverUrl + path;
    }

    /** {@code Authorization}, {@code User-Agent} and the {@code hh-client-*} headers, for the REST calls. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + apiKey);
        headers.put("User-Agent", "honeyhive-tracer-java/" + LibraryVersion.version());
        headers.put("hh-client-language", "java");
        headers.put("hh-client-version", LibraryVersion.version());
        headers.put("hh-client-package", LibraryVersion.PACKAGE);
        return headers;
    }

    /** The REST headers plus {@code X-Source}, for the OTLP endpoint. */
    public Map<String, String> headersForTraces(String source) {
        Map<String, String> headers = headers();
        headers.put("X-Source", source);
        return headers;
    }

    /**
     * The headers for an OpenTelemetry Collector that forwards spans to HoneyHive: its own, and the client's
     * identification, but not the API key (the collector adds HoneyHive's headers).
     */
    public Map<String, String> headersForCollector(Map<String, String> collectorHeaders) {
        // Header names are case-insensitive: a collector's user-agent replaces ours instead of going out beside it.
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(headers());
        headers.remove("Authorization");
        headers.putAll(collectorHeaders);
        return new LinkedHashMap<>(headers);
    }

    /** Masks this endpoint's key in text that is about to be logged, in case a server echoed it. */
    public SecretRedactor redactor() {
        return new SecretRedactor(apiKey);
    }

    @Override
    public String toString() {
        return "HoneyHiveEndpoint[" + serverUrl + ", apiKey=" + SecretRedactor.MASK + "]";
    }
}
