package org.repgap.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs of an MLflow file store ({@code mlruns/<experiment>/<run>/}): each directory with a
 * {@code metrics/} subdirectory is a run; {@code metrics/<name>} files hold lines
 * {@code timestamp value step} (older files: {@code timestamp value}, step = line number),
 * {@code params/<name>} files hold the value. Nested names ({@code metrics/val/loss}) are joined
 * with {@code /}.
 *
 * <p>{@code meta.yaml} of the run and of its experiment (the parent directory), as MLflow's
 * {@code FileStore} writes them: a run or experiment with {@code lifecycle_stage: deleted} (what
 * {@code mlflow.delete_run} / {@code delete_experiment} leave) is skipped unless
 * {@link ReadOptions#includeDeleted()}, as the MLflow UI and {@code search_runs} do by default.
 * The run's name is {@code run_name} from its {@code meta.yaml}, else the {@code mlflow.runName}
 * tag, else its directory; the experiment's {@code name} is the parameter {@code experiment}
 * (unless the run logged a parameter of that name).
 */
public final class MlflowReader {
    private MlflowReader() {
    }

    /** Whether {@code dir} looks like an MLflow run directory. */
    static boolean isRunDir(Path dir) {
        return Files.isDirectory(dir.resolve("metrics"));
    }

    /** Reads every run under {@code input}. */
    public static List<Run> readRuns(Path input, ReadOptions o) {
        List<Path> dirs = RunInputs.findDirs(input, MlflowReader::isRunDir);
        List<Run> runs = new ArrayList<>();
        int deleted = 0;
        for (Path dir : dirs) {
            Map<String, String> meta = meta(dir);
            Map<String, String> experiment = meta(dir.getParent());
            if (!o.includeDeleted() && ("deleted".equals(meta.get("lifecycle_stage"))
                    || "deleted".equals(experiment.get("lifecycle_stage")))) {
                deleted++;
                continue;
            }
            Map<String, List<Run.MetricPoint>> metrics = new LinkedHashMap<>();
            for (Path f : files(dir.resolve("metrics"))) {
                String name = dir.resolve("metrics").relativize(f).toString().replace('\\', '/');
                metrics.put(name, readMetric(f, o));
            }
            Map<String, String> params = new LinkedHashMap<>();
            Path pdir = dir.resolve("params");
            if (Files.isDirectory(pdir)) {
                for (Path f : files(pdir)) {
                    params.put(pdir.relativize(f).toString().replace('\\', '/'), text(f).trim());
                }
            }
            if (experiment.get("name") != null && !experiment.get("name").isEmpty()) {
                params.putIfAbsent("experiment", experiment.get("name"));
            }
            Path runName = dir.resolve("tags").resolve("mlflow.runName");
            String name = meta.get("run_name") != null && !meta.get("run_name").isEmpty() ? meta.get("run_name")
                    : Files.isRegularFile(runName) ? text(runName).trim() : RunInputs.runName(input, dir);
            runs.add(new Run(name, dir.toString(), metrics, params));
        }
        if (deleted > 0) {
            o.warnings().accept(String.format(Locale.ROOT, "%s: %d MLflow run(s) marked deleted (lifecycle_stage: deleted) "
                    + "were skipped; --include-deleted keeps them", input, deleted));
        }
        return runs;
    }

    /** The flat keys of {@code dir/meta.yaml} (empty when absent). */
    private static Map<String, String> meta(Path dir) {
        Path f = dir == null ? null : dir.resolve("meta.yaml");
        return f != null && Files.isRegularFile(f) ? SimpleYaml.read(f) : Map.of();
    }

    private static List<Run.MetricPoint> readMetric(Path f, ReadOptions o) {
        List<Run.MetricPoint> out = new ArrayList<>();
        List<String> lines = lines(f);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+");
            Double value = parts.length >= 2 ? Table.parseNumber(parts[1]) : null;
            Long step = null;
            if (parts.length == 2) {
                step = (long) i;
            } else if (parts.length == 3) {
                try {
                    step = Long.parseLong(parts[2]);
                } catch (NumberFormatException e) {
                    step = null;
                }
            }
            if (value == null || step == null) {
                o.bad(String.format(Locale.ROOT, "%s:%d: expected 'timestamp value step', found '%s'", f, i + 1, line));
                break;
            }
            out.add(new Run.MetricPoint(step, value));
        }
        return out;
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String text(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    private static List<String> lines(Path f) {
        try {
            return Files.readAllLines(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }
}
