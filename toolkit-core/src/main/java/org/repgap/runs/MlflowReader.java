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
 * {@code params/<name>} files hold the value, {@code tags/mlflow.runName} the run's name.
 * Nested names ({@code metrics/val/loss}) are joined with {@code /}.
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
        for (Path dir : dirs) {
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
            Path runName = dir.resolve("tags").resolve("mlflow.runName");
            String name = Files.isRegularFile(runName) ? text(runName).trim() : RunInputs.runName(input, dir);
            runs.add(new Run(name, dir.toString(), metrics, params));
        }
        return runs;
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
