package ai.honeyhive.experiments.internal;

import ai.honeyhive.experiments.ExperimentException;
import ai.honeyhive.tracer.internal.export.HoneyHiveEndpoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * HoneyHive's experiment routes ({@code /v1/runs}, {@code /v1/datasets}, {@code /v1/datapoints}), called by the
 * experiment as it runs and waited for, each within the timeout. A failure is an {@link ExperimentException} naming the
 * route and the status, never the key.
 */
public final class RunsClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HoneyHiveEndpoint endpoint;
    private final Duration timeout;
    private final HttpClient http;

    public RunsClient(HoneyHiveEndpoint endpoint, Duration timeout) {
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** {@code POST /v1/runs}: the answer, with the run id HoneyHive gave. */
    public JsonNode createRun(JsonNode run) {
        return send("POST", "/v1/runs", run);
    }

    /** {@code PUT /v1/runs/<id>}. */
    public JsonNode updateRun(String runId, JsonNode update) {
        return send("PUT", "/v1/runs/" + encode(runId), update);
    }

    /** {@code GET /v1/runs/<id>/result?aggregate_function=<f>}. */
    public JsonNode result(String runId, String aggregateFunction) {
        return send(
                "GET", "/v1/runs/" + encode(runId) + "/result?aggregate_function=" + encode(aggregateFunction), null);
    }

    /** {@code GET /v1/runs/<new>/compare-with/<old>}. */
    public JsonNode compare(String newRunId, String oldRunId) {
        return send("GET", "/v1/runs/" + encode(newRunId) + "/compare-with/" + encode(oldRunId), null);
    }

    /** {@code GET /v1/datasets?dataset_id=<id>}. */
    public JsonNode dataset(String datasetId) {
        return send("GET", "/v1/datasets?dataset_id=" + encode(datasetId), null);
    }

    /** {@code GET /v1/datapoints/<id>}. */
    public JsonNode datapoint(String datapointId) {
        return send("GET", "/v1/datapoints/" + encode(datapointId), null);
    }

    private JsonNode send(String method, String path, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.url(path)))
                .timeout(timeout)
                .header("Accept", "application/json");
        endpoint.headers().forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        String route = method + " " + path.replaceFirst("\\?.*", "");
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ExperimentException("HoneyHive did not answer " + route + " within " + timeout + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExperimentException("Interrupted while waiting for HoneyHive to answer " + route, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new ExperimentException("HoneyHive answered " + response.statusCode() + " to " + route + ": "
                    + endpoint.redactor().redact(abbreviate(response.body())));
        }
        try {
            String text = response.body();
            return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw new ExperimentException("HoneyHive's answer to " + route + " is not JSON", e);
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
