package org.repgap.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.repgap.InvalidInputException;

/**
 * Reads saved runs of any supported {@link RunFormat} into one tidy {@link Table}.
 *
 * <p>Tidy formats (CSV/TSV, JSON Lines) are tables already: one row per point. Tracker formats
 * (W&amp;B, MLflow, Lightning, TensorBoard) hold runs; they become a table in one of two ways:
 * <ul>
 *   <li><b>one row per run</b> (default): a column {@code run}, and one column per metric name or
 *       parameter name; a name resolves to the run's metric (reduced to one value: the
 *       {@code reduce} rule for the {@code --y} metric, the last value for other metrics), else to
 *       its parameter. So {@code --x n --y test_loss} works on runs with a parameter {@code n}.</li>
 *   <li><b>one row per logged step</b>, when {@code --x} is {@code step} (and no run has a metric or
 *       parameter called {@code step}): columns {@code run}, {@code step}, the {@code --y} metric, and the
 *       run's parameters; with one run this is its training curve.</li>
 * </ul>
 */
public final class RunInputs {
    private RunInputs() {
    }

    /**
     * What the caller will use from the table.
     *
     * @param groupBy the {@code --group-by} columns (a step curve of several runs needs {@code run} among them)
     */
    public record Selection(List<String> x, String y, Reduce reduce, List<String> groupBy) {
        public Selection {
            x = List.copyOf(x);
            groupBy = List.copyOf(groupBy);
        }

        /** Without grouping. */
        public Selection(List<String> x, String y, Reduce reduce) {
            this(x, y, reduce, List.of());
        }
    }

    /** Reads {@code input} as a table. */
    public static Table read(Path input, RunFormat format, Selection sel, ReadOptions o) {
        if (!Files.exists(input)) {
            throw InvalidInputException.of("--input %s: no such file or directory", input);
        }
        RunFormat f = format;
        if (format == RunFormat.AUTO) {
            Detection d = detection(input, o);
            if (d.table() != null) {
                // a plain CSV/TSV or JSON Lines file, already read to decide its format: its warnings once, here
                d.warnings().forEach(o.warnings());
                return d.table();
            }
            f = d.format();
        }
        return switch (f) {
            case CSV -> requireFile(input, f, p -> Delimited.read(p, o));
            case JSONL -> requireFile(input, f, p -> JsonLines.read(p, o));
            case WANDB -> toTable(WandbReader.readRuns(input, o), sel, input, f);
            case MLFLOW -> toTable(MlflowReader.readRuns(input, o), sel, input, f);
            case LIGHTNING -> toTable(LightningReader.readRuns(input, o), sel, input, f);
            case TENSORBOARD -> toTable(TensorBoardReader.readRuns(input, o), sel, input, f);
            default -> throw new IllegalStateException("format " + f);
        };
    }

    private static Table requireFile(Path input, RunFormat f, java.util.function.Function<Path, Table> reader) {
        if (Files.isDirectory(input)) {
            throw InvalidInputException.of("--input %s: a directory; --format-in %s reads one file", input,
                    f.name().toLowerCase(Locale.ROOT));
        }
        return reader.apply(input);
    }

    /** Decides the format from names and, for text files, from the header; the files read to decide do not warn. */
    public static RunFormat detect(Path input, ReadOptions o) {
        return detection(input, o).format();
    }

    /**
     * A format decided, with the table and the warnings of the file read to decide it when that file is the input
     * itself as a plain CSV/TSV or JSON Lines table ({@code table == null} otherwise: the format's reader reads it).
     * Files are read here with warnings collected, not passed on, so that {@link #read} warns of each damaged line
     * once (issue 12, defect 11: a JSON Lines file with {@code --skip-bad} warned twice, detection and reading).
     */
    private record Detection(RunFormat format, Table table, List<String> warnings) {
        static Detection of(RunFormat format) {
            return new Detection(format, null, List.of());
        }
    }

    private static Detection detection(Path input, ReadOptions options) {
        List<String> seen = new ArrayList<>();
        ReadOptions o = options.withWarnings(seen::add);
        if (Files.isDirectory(input)) {
            if (!findDirs(input, MlflowReader::isRunDir).isEmpty()) {
                return Detection.of(RunFormat.MLFLOW);
            }
            if (!find(input, p -> p.getFileName().toString().equals("metrics.csv")).isEmpty()) {
                return Detection.of(RunFormat.LIGHTNING);
            }
            if (!find(input, TensorBoardReader::isEventFile).isEmpty()) {
                return Detection.of(RunFormat.TENSORBOARD);
            }
            for (Path p : find(input, WandbReader::isCandidate)) {
                Table candidate = readTidy(p, o);
                if (WandbReader.isHistory(candidate) || WandbReader.isRunsTable(candidate)) {
                    return Detection.of(RunFormat.WANDB);
                }
            }
            throw InvalidInputException.of("--input %s: a directory (%s) with no MLflow runs (metrics/), Lightning metrics.csv, "
                    + "TensorBoard event files or W&B history files (_step column); give a file or --format-in", input,
                    org.repgap.io.DirectoryContents.describe(input));
        }
        String name = input.getFileName().toString().toLowerCase(Locale.ROOT);
        if (TensorBoardReader.isEventFile(input)) {
            return Detection.of(RunFormat.TENSORBOARD);
        }
        boolean json = name.endsWith(".jsonl") || name.endsWith(".json") || name.endsWith(".ndjson");
        Table t = json ? JsonLines.read(input, o) : Delimited.read(input, o);
        if (WandbReader.isHistory(t) || WandbReader.isRunsTable(t)) {
            return Detection.of(RunFormat.WANDB);
        }
        if (name.equals("metrics.csv") && t.has("step")) {
            return Detection.of(RunFormat.LIGHTNING);
        }
        return new Detection(json ? RunFormat.JSONL : RunFormat.CSV, t, seen);
    }

    /** A tidy table from a CSV/TSV or JSON(L) file, by extension. */
    static Table readTidy(Path f, ReadOptions o) {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".json") || name.endsWith(".ndjson") ? JsonLines.read(f, o)
                : Delimited.read(f, o);
    }

    /** Runs as a table (see the class description). */
    public static Table toTable(List<Run> runs, Selection sel, Path input, RunFormat f) {
        if (runs.isEmpty()) {
            throw InvalidInputException.of("--input %s: no %s runs found", input, f.name().toLowerCase(Locale.ROOT));
        }
        String x0 = sel.x().size() == 1 ? sel.x().get(0) : null;
        boolean stepMode = "step".equals(x0)
                && runs.stream().noneMatch(r -> r.metrics().containsKey("step") || r.params().containsKey("step"));
        // W&B's step axes: _step is the logging step itself, _runtime and _timestamp are logged with it
        boolean wandbAxis = STEP_AXES.contains(x0) && !x0.equals(sel.y());
        stepMode |= wandbAxis;
        Set<String> paramNames = new LinkedHashSet<>();
        Set<String> metricNames = new LinkedHashSet<>();
        for (Run r : runs) {
            paramNames.addAll(r.params().keySet());
            metricNames.addAll(r.metrics().keySet());
        }
        if (sel.y() != null && !metricNames.contains(sel.y()) && !paramNames.contains(sel.y())) {
            String other = runs.stream().map(r -> r.otherTags().get(sel.y())).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            if (other != null) {
                throw InvalidInputException.of("--y %s: this tag holds %s, not scalars; scalar metrics: %s", sel.y(), other,
                        metricNames.isEmpty() ? "(none)" : String.join(", ", metricNames));
            }
            throw InvalidInputException.of("--y %s: no run has a metric or parameter of that name; metrics: %s; parameters: %s",
                    sel.y(), metricNames.isEmpty() ? "(none)" : String.join(", ", metricNames),
                    paramNames.isEmpty() ? "(none)" : String.join(", ", paramNames));
        }
        List<String[]> rows = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        if (stepMode) {
            List<String> logging = runs.stream().filter(r -> !r.metrics().getOrDefault(sel.y(), List.of()).isEmpty())
                    .map(Run::name).toList();
            if (logging.size() > 1 && !sel.groupBy().contains("run")) {
                throw InvalidInputException.of("--x step: %d runs log %s (%s); rows of one step would be averaged across "
                        + "runs as if they were seeds: add --group-by run to fit each run's curve, or select one run as --input",
                        logging.size(), sel.y(), String.join(", ", logging.size() > 6 ? logging.subList(0, 6) : logging)
                                + (logging.size() > 6 ? ", ..." : ""));
            }
            columns.add("run");
            columns.add("step");
            columns.add(sel.y());
            if (wandbAxis && !x0.equals("step")) {
                columns.add(x0);
            }
            for (String p : paramNames) {
                if (!columns.contains(p)) {
                    columns.add(p);
                }
            }
            int first = wandbAxis && !x0.equals("step") ? 4 : 3;
            for (Run r : runs) {
                List<Run.MetricPoint> s = r.metrics().getOrDefault(sel.y(), List.of());
                Map<Long, Double> axis = new java.util.HashMap<>();
                if (first == 4) {
                    for (Run.MetricPoint a : r.metrics().getOrDefault(x0, List.of())) {
                        axis.put(a.step(), a.value());
                    }
                }
                for (Run.MetricPoint mp : s) {
                    String[] row = new String[columns.size()];
                    row[0] = r.name();
                    row[1] = Long.toString(mp.step());
                    row[2] = Double.toString(mp.value());
                    if (first == 4) {
                        Double a = x0.equals("_step") ? Double.valueOf(mp.step()) : axis.get(mp.step());
                        row[3] = a == null ? "" : Double.toString(a);
                    }
                    for (int j = first; j < columns.size(); j++) {
                        row[j] = r.params().getOrDefault(columns.get(j), "");
                    }
                    rows.add(row);
                    sources.add("run " + r.name() + " step " + mp.step());
                }
            }
            return new Table(columns, rows, sources);
        }
        columns.add("run");
        Map<String, Boolean> added = new LinkedHashMap<>();
        for (String m : metricNames) {
            added.put(m, true);
        }
        for (String p : paramNames) {
            added.putIfAbsent(p, true);
        }
        added.remove("run");
        columns.addAll(added.keySet());
        for (Run r : runs) {
            String[] row = new String[columns.size()];
            row[0] = r.name();
            for (int j = 1; j < columns.size(); j++) {
                String c = columns.get(j);
                List<Run.MetricPoint> s = r.metrics().get(c);
                if (s != null && !s.isEmpty()) {
                    double v = c.equals(sel.y()) ? sel.reduce().apply(s) : Reduce.last().apply(s);
                    row[j] = Double.toString(v);
                } else {
                    row[j] = r.params().getOrDefault(c, "");
                }
            }
            rows.add(row);
            sources.add("run " + r.name() + " (" + r.source() + ")");
        }
        return new Table(columns, rows, sources);
    }

    /** Names of W&amp;B's per-step axes usable as {@code --x} (one row per logged step). */
    static final Set<String> STEP_AXES = Set.of("_step", "_runtime", "_timestamp");

    /** Files under {@code input} (or {@code input} itself) accepted by {@code accept}, sorted. */
    static List<Path> find(Path input, Predicate<Path> accept) {
        if (Files.isRegularFile(input)) {
            return accept.test(input) ? List.of(input) : List.of();
        }
        try (Stream<Path> s = Files.walk(input, 8)) {
            return s.filter(Files::isRegularFile).filter(accept).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + input + ": " + e.getMessage(), e);
        }
    }

    /** Directories under {@code input} (or {@code input} itself) accepted by {@code accept}, sorted. */
    static List<Path> findDirs(Path input, Predicate<Path> accept) {
        if (!Files.isDirectory(input)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(input, 8)) {
            return s.filter(Files::isDirectory).filter(accept).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + input + ": " + e.getMessage(), e);
        }
    }

    /** A run's name: its directory (or file, without extension) relative to the input. */
    static String runName(Path input, Path location) {
        Path base = Files.isDirectory(input) ? input : input.getParent();
        String rel = base == null ? location.toString() : base.relativize(location).toString().replace('\\', '/');
        if (rel.isEmpty()) {
            Path n = location.toAbsolutePath().normalize().getFileName();
            rel = n == null ? "run" : n.toString();
        }
        if (Files.isRegularFile(location)) {
            int dot = rel.lastIndexOf('.');
            if (dot > 0) {
                rel = rel.substring(0, dot);
            }
        }
        return rel;
    }
}
