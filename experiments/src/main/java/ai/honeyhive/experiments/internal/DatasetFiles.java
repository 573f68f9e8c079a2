package ai.honeyhive.experiments.internal;

import ai.honeyhive.experiments.Datapoint;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Datasets as files hold them: a JSON array, JSON lines, or CSV with a header row. */
public final class DatasetFiles {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private DatasetFiles() {}

    /**
     * The datapoints of a file, by its name's ending.
     *
     * @throws IllegalArgumentException naming the file, if the ending is unknown or an entry is not a datapoint
     */
    public static List<Datapoint> read(String name, InputStream in) throws IOException {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return jsonLines(name, in);
        }
        if (lower.endsWith(".json")) {
            return jsonArray(name, in);
        }
        if (lower.endsWith(".csv")) {
            return csv(in);
        }
        throw new IllegalArgumentException(
                "The dataset " + name + " is neither .json, .jsonl nor .csv: its format is not known");
    }

    private static List<Datapoint> jsonArray(String name, InputStream in) throws IOException {
        List<Map<String, Object>> entries = JSON.readValue(in, new TypeReference<>() {});
        List<Datapoint> datapoints = new ArrayList<>();
        for (Map<String, Object> entry : entries) {
            datapoints.add(datapoint(name, entry, datapoints.size() + 1));
        }
        return datapoints;
    }

    private static List<Datapoint> jsonLines(String name, InputStream in) throws IOException {
        List<Datapoint> datapoints = new ArrayList<>();
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int number = 0;
        for (String line; (line = lines.readLine()) != null; ) {
            number++;
            if (!line.isBlank()) {
                datapoints.add(datapoint(name, JSON.readValue(line, OBJECT), number));
            }
        }
        return datapoints;
    }

    private static Datapoint datapoint(String name, Map<String, Object> entry, int where) {
        if (!(entry.get("inputs") instanceof Map)) {
            throw new IllegalArgumentException(
                    "The dataset " + name + " has an entry without an \"inputs\" object (entry " + where + ")");
        }
        return Datapoint.fromMap(entry);
    }

    /** {@code inputs.<name>}, {@code ground_truth.<name>} and {@code id} columns; any other column is an input. */
    private static List<Datapoint> csv(InputStream in) throws IOException {
        CsvMapper mapper = new CsvMapper();
        List<Datapoint> datapoints = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = mapper.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(in)) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                Map<String, Object> inputs = new LinkedHashMap<>();
                Map<String, Object> groundTruth = new LinkedHashMap<>();
                Map<String, Object> entry = new LinkedHashMap<>();
                row.forEach((column, value) -> {
                    if (column.equals("id")) {
                        entry.put("id", value);
                    } else if (column.startsWith("ground_truth.")) {
                        groundTruth.put(column.substring("ground_truth.".length()), value);
                    } else {
                        inputs.put(column.startsWith("inputs.") ? column.substring("inputs.".length()) : column, value);
                    }
                });
                entry.put("inputs", inputs);
                if (!groundTruth.isEmpty()) {
                    entry.put("ground_truth", groundTruth);
                }
                datapoints.add(Datapoint.fromMap(entry));
            }
        }
        return datapoints;
    }
}
