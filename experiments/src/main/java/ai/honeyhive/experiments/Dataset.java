package ai.honeyhive.experiments;

import static java.util.Objects.requireNonNull;

import ai.honeyhive.experiments.internal.DatasetFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The datapoints an experiment runs over: inline (a list, or a JSON, JSON-lines or CSV file or class-path resource),
 * or a dataset hosted in HoneyHive, by id.
 *
 * <p>Files: a {@code .json} file holds an array of datapoint objects ({@code {"inputs": {...}, "ground_truth":
 * {...}, "id"?: "..."}}), a {@code .jsonl} file one such object per line, a {@code .csv} file a header row whose
 * columns are {@code inputs.<name>}, {@code ground_truth.<name>} or {@code id} (any other column is an input).
 */
public final class Dataset {

    private final @Nullable String hostedId;
    private final List<Datapoint> datapoints;

    private Dataset(@Nullable String hostedId, List<Datapoint> datapoints) {
        this.hostedId = hostedId;
        this.datapoints = List.copyOf(datapoints);
    }

    /** An inline dataset of these datapoints. */
    public static Dataset of(List<Datapoint> datapoints) {
        return new Dataset(null, requireNonNull(datapoints, "datapoints"));
    }

    /** An inline dataset of these datapoints. */
    public static Dataset of(Datapoint... datapoints) {
        return of(List.of(datapoints));
    }

    /** A dataset hosted in HoneyHive; its datapoints are fetched when the experiment runs. */
    public static Dataset hosted(String datasetId) {
        return new Dataset(requireNonNull(datasetId, "datasetId"), List.of());
    }

    /**
     * An inline dataset from a class-path resource ({@code datasets/refunds.jsonl}), read by the context class
     * loader, as its name's ending says (see the class description).
     *
     * @throws IllegalArgumentException if there is no such resource, or it cannot be read as a dataset
     */
    public static Dataset fromResource(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader != null ? loader : Dataset.class.getClassLoader()).getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("No dataset resource " + name + " on the class path");
            }
            return of(DatasetFiles.read(name, in));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the dataset resource " + name, e);
        }
    }

    /** An inline dataset from a file, as its name's ending says (see the class description). */
    public static Dataset fromFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return of(DatasetFiles.read(file.getFileName().toString(), in));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the dataset file " + file, e);
        }
    }

    /** Whether the datapoints are HoneyHive's, fetched by {@link #hostedId()}. */
    public boolean isHosted() {
        return hostedId != null;
    }

    /** The hosted dataset's id, or null for an inline one. */
    public @Nullable String hostedId() {
        return hostedId;
    }

    /** The inline datapoints; empty for a hosted dataset. */
    public List<Datapoint> datapoints() {
        return datapoints;
    }

    @Override
    public String toString() {
        return hostedId != null ? "Dataset{hosted " + hostedId + "}" : "Dataset{" + datapoints.size() + " datapoints}";
    }
}
