package org.repgap.runs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Weights &amp; Biases history exports: CSV, or JSON Lines such as {@code wandb-history.jsonl},
 * with {@code _step} and usually {@code _runtime} and {@code _timestamp} columns, one row per
 * logging step. A file is one run, unless it has a run column ({@code run_id}, {@code run},
 * {@code name} or {@code Name}), which then splits it into runs. Every numeric column is a metric
 * series over {@code _step}; columns {@code config.X} or {@code config/X}, and text columns, are
 * parameters (their last non-empty value); a {@code config.yaml} beside the file (W&amp;B's
 * {@code key: {value: v}} layout or flat lines) adds parameters. A blank or {@code Unnamed: K}
 * column (the index pandas writes with {@code run.history().to_csv()}) is skipped. {@code _step},
 * {@code _runtime} and {@code _timestamp} can be {@code --x} (one row per logged step).
 *
 * <p>Runs-table exports (the W&amp;B UI's "Export CSV" of a project's runs, or the same from the
 * API as CSV or JSON): one row per run with {@code Name} and {@code State}, then config and summary
 * columns ({@code config.X}/{@code summary.X} prefixes are dropped). A run whose {@code State} is not
 * {@code finished} (running, crashed, failed, killed) is skipped unless
 * {@link ReadOptions#includeUnfinished()}; numeric columns are one-value metrics, others parameters.
 */
public final class WandbReader {
    private static final List<String> RUN_COLUMNS = List.of("run_id", "run", "name", "Name", "run_name");

    private WandbReader() {
    }

    /** Whether a history table has W&amp;B's marker columns. */
    static boolean isHistory(Table t) {
        return t.has("_step") || t.has("_runtime");
    }

    /** Whether a table is a runs-table export (one row per run, with {@code Name} and {@code State}). */
    static boolean isRunsTable(Table t) {
        return !isHistory(t) && t.has("Name") && t.has("State");
    }

    /** The index column pandas writes: blank or {@code Unnamed: K}. */
    static boolean isPandasIndex(String column) {
        return column.isBlank() || column.matches("Unnamed: \\d+");
    }

    /** Whether a path names a file W&amp;B exports. */
    static boolean isCandidate(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".csv") || n.endsWith(".jsonl") || n.endsWith(".json") || n.endsWith(".tsv");
    }

    /** Reads every history file under {@code input}. */
    public static List<Run> readRuns(Path input, ReadOptions o) {
        List<Run> runs = new ArrayList<>();
        for (Path f : RunInputs.find(input, WandbReader::isCandidate)) {
            Table t = RunInputs.readTidy(f, o);
            if (isRunsTable(t)) {
                runs.addAll(runsTable(t, f, o));
                continue;
            }
            if (!isHistory(t)) {
                continue;
            }
            Map<String, String> fileParams = new LinkedHashMap<>();
            Path cfg = f.getParent().resolve("config.yaml");
            if (Files.isRegularFile(cfg)) {
                fileParams.putAll(SimpleYaml.read(cfg));
            }
            String runColumn = RUN_COLUMNS.stream().filter(t::has).findFirst().orElse(null);
            Map<List<String>, Table> parts = runColumn == null ? Map.of(List.of(), t) : t.groupBy(List.of(runColumn));
            for (Map.Entry<List<String>, Table> e : parts.entrySet()) {
                Table part = e.getValue();
                Map<String, String> params = new LinkedHashMap<>(fileParams);
                List<String> metricColumns = new ArrayList<>();
                for (String c : part.columns()) {
                    if (isPandasIndex(c)) {
                        continue;
                    }
                    if (c.startsWith("config.") || c.startsWith("config/")) {
                        String v = lastNonEmpty(part, c);
                        if (v != null) {
                            params.put(c.substring("config.".length()), v);
                        }
                    } else if (!numericColumn(part, c)) {
                        String v = lastNonEmpty(part, c);
                        if (v != null) {
                            params.put(c, v);
                        }
                    } else {
                        metricColumns.add(c);
                    }
                }
                Table numeric = part;
                Map<String, List<Run.MetricPoint>> metrics = LightningReader.seriesByColumn(numeric, "_step");
                metrics.keySet().retainAll(metricColumns);
                String name = runColumn != null ? e.getKey().get(0) : RunInputs.runName(input, f);
                runs.add(new Run(name, f.toString(), metrics, params));
            }
        }
        return runs;
    }

    /** One run per row of a runs-table export; unfinished runs skipped unless asked. */
    private static List<Run> runsTable(Table t, Path f, ReadOptions o) {
        List<Run> out = new ArrayList<>();
        Map<String, Integer> skipped = new java.util.TreeMap<>();
        for (int i = 0; i < t.size(); i++) {
            String state = t.cell(i, "State").trim();
            if (!o.includeUnfinished() && !state.equalsIgnoreCase("finished")) {
                skipped.merge(state.isEmpty() ? "(blank)" : state, 1, Integer::sum);
                continue;
            }
            Map<String, List<Run.MetricPoint>> metrics = new LinkedHashMap<>();
            Map<String, String> params = new LinkedHashMap<>();
            params.put("state", state);
            for (String c : t.columns()) {
                if (isPandasIndex(c) || c.equals("Name") || c.equals("State")) {
                    continue;
                }
                String cell = t.cell(i, c);
                if (cell.isBlank()) {
                    continue;
                }
                String name = c.replaceFirst("^(config|summary)[./]", "");
                Double v = Table.parseNumber(cell);
                if (v != null && !c.startsWith("config.") && !c.startsWith("config/")) {
                    metrics.put(name, List.of(new Run.MetricPoint(0, v)));
                } else {
                    params.put(name, cell);
                }
            }
            out.add(new Run(t.cell(i, "Name"), t.source(i), metrics, params));
        }
        if (!skipped.isEmpty()) {
            int total = skipped.values().stream().mapToInt(Integer::intValue).sum();
            o.warnings().accept(String.format(Locale.ROOT, "%s: %d W&B run(s) not finished were skipped (State %s); "
                    + "--include-unfinished keeps them", f, total, skipped));
        }
        return out;
    }

    private static String lastNonEmpty(Table t, String c) {
        String last = null;
        for (int i = 0; i < t.size(); i++) {
            if (!t.cell(i, c).isBlank()) {
                last = t.cell(i, c);
            }
        }
        return last;
    }

    private static boolean numericColumn(Table t, String c) {
        boolean any = false;
        for (int i = 0; i < t.size(); i++) {
            String cell = t.cell(i, c);
            if (cell.isBlank()) {
                continue;
            }
            if (Table.parseNumber(cell) == null) {
                return false;
            }
            any = true;
        }
        return any;
    }
}
