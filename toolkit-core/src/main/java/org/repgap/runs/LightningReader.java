package org.repgap.runs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PyTorch Lightning {@code CSVLogger} output: each {@code metrics.csv} (columns {@code step},
 * often {@code epoch}, and one column per logged metric; a row holds the metrics logged at that
 * step, other cells empty) is one run, with parameters from the {@code hparams.yaml} beside it
 * (flat {@code key: value} lines only, see {@link SimpleYaml}).
 */
public final class LightningReader {
    private LightningReader() {
    }

    /** Reads every run under {@code input} (a {@code metrics.csv} file or a directory). */
    public static List<Run> readRuns(Path input, ReadOptions o) {
        List<Run> runs = new ArrayList<>();
        for (Path f : RunInputs.find(input, p -> p.getFileName().toString().equals("metrics.csv"))) {
            Table t = Delimited.read(f, o);
            runs.add(new Run(RunInputs.runName(input, f.getParent()), f.toString(), seriesByColumn(t, "step"),
                    params(f.getParent())));
        }
        return runs;
    }

    private static Map<String, String> params(Path dir) {
        Path hp = dir.resolve("hparams.yaml");
        return Files.isRegularFile(hp) ? SimpleYaml.read(hp) : Map.of();
    }

    /**
     * Series from a sparse table: for every column but {@code stepColumn}, the non-empty numeric
     * cells with the row's step (the row number when the table has no step column).
     */
    static Map<String, List<Run.MetricPoint>> seriesByColumn(Table t, String stepColumn) {
        Map<String, List<Run.MetricPoint>> out = new LinkedHashMap<>();
        boolean hasStep = t.has(stepColumn);
        for (String c : t.columns()) {
            if (c.equals(stepColumn)) {
                continue;
            }
            List<Run.MetricPoint> s = new ArrayList<>();
            for (int i = 0; i < t.size(); i++) {
                String cell = t.cell(i, c);
                if (cell.isBlank()) {
                    continue;
                }
                Double v = Table.parseNumber(cell);
                if (v == null) {
                    continue;
                }
                long step = i;
                if (hasStep) {
                    double sv = t.number(i, stepColumn);
                    step = Double.isNaN(sv) ? i : (long) sv;
                }
                s.add(new Run.MetricPoint(step, v));
            }
            if (!s.isEmpty()) {
                out.put(c, s);
            }
        }
        return out;
    }
}
