package org.repgap.plots.io;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.repgap.InvalidInputException;
import org.repgap.plots.ChartKind;
import org.repgap.plots.data.ChartData;
import org.repgap.plots.data.ConstraintTrajectoriesData;
import org.repgap.plots.data.Curve;
import org.repgap.plots.data.EquivarianceErrorData;
import org.repgap.plots.data.SigmaGapData;
import org.repgap.plots.data.TrainingCurvesData;

/**
 * The charts of the trainer's results, the CSV files a sweep writes ({@code org.repgap.diffusion.sweep.Sweep}):
 * {@code runs/RUN/history.csv} (loss, and the constraint trajectories {@code gamma_*}, {@code dual_*}),
 * {@code sigmas.csv} (the generalization gap per noise level and run) and {@code runs.csv} (the
 * equivariance error of every run).
 */
public final class TrainerTables {
    private TrainerTables() {
    }

    /** The kind a trainer table most likely wants: sigmas.csv makes sigma-gap, runs.csv equivariance, history.csv training. */
    public static ChartKind detect(Path file) throws IOException {
        return detect(read(file));
    }

    /** Reads {@code file} as {@code kind} (null: {@link #detect}). */
    public static ChartData chart(Path file, ChartKind kind) throws IOException {
        CsvTable t = read(file);
        ChartKind k = kind != null ? kind : detect(t);
        switch (k) {
            case TRAINING:
                return training(t);
            case SIGMA_GAP:
                return sigmaGap(t);
            case EQUIVARIANCE:
                return equivariance(t);
            case CONSTRAINTS:
                return constraints(t);
            default:
                throw InvalidInputException.of("%s: kind '%s' needs a JSON result; a CSV file makes training, sigma-gap,"
                        + " equivariance or constraints", file, k);
        }
    }

    private static ChartKind detect(CsvTable t) {
        if (t.column("sigma") >= 0 && t.column("gap") >= 0) {
            return ChartKind.SIGMA_GAP;
        }
        if (t.column("equivariance_error") >= 0 && t.column("step") < 0) {
            return ChartKind.EQUIVARIANCE;
        }
        return ChartKind.TRAINING;
    }

    private static CsvTable read(Path file) throws IOException {
        try {
            return CsvTable.read(file);
        } catch (NoSuchFileException e) {
            throw InvalidInputException.of("%s: no such file", file);
        }
    }

    private static TrainingCurvesData training(CsvTable t) {
        int step = t.required("step");
        List<Curve> curves = new ArrayList<>();
        for (int c = 0; c < t.header.size(); c++) {
            if (c != step && t.header.get(c).contains("loss")) {
                curves.add(new Curve(t.header.get(c).replace('_', ' '), t.numbers(step), t.numbers(c)));
            }
        }
        if (curves.isEmpty()) {
            throw InvalidInputException.of("%s: no loss column (a column whose name contains 'loss'); columns: %s", t.file,
                    String.join(", ", t.header));
        }
        boolean positive = curves.stream().allMatch(cu -> Arrays.stream(cu.y()).allMatch(v -> !(v <= 0)));
        return new TrainingCurvesData("loss", positive, curves);
    }

    private static ConstraintTrajectoriesData constraints(CsvTable t) {
        int step = t.required("step");
        List<Curve> gammas = new ArrayList<>();
        List<Curve> duals = new ArrayList<>();
        for (int c = 0; c < t.header.size(); c++) {
            String h = t.header.get(c);
            if (h.startsWith("gamma")) {
                gammas.add(new Curve(greek("γ", h.substring(5)), t.numbers(step), t.numbers(c)));
            } else if (h.startsWith("dual")) {
                duals.add(new Curve(greek("λ", h.substring(4)), t.numbers(step), t.numbers(c)));
            }
        }
        if (gammas.isEmpty() && duals.isEmpty()) {
            throw InvalidInputException.of("%s: no gamma_* or dual_* columns (was the run constrained?); columns: %s", t.file,
                    String.join(", ", t.header));
        }
        return new ConstraintTrajectoriesData(gammas, duals);
    }

    /**
     * Equivariance error: from {@code runs.csv} ({@code n}, {@code equivariance}, {@code equivariance_error}),
     * the mean over seeds against {@code n}, one curve per mechanism; from a table with a {@code step}
     * column, every column whose name contains {@code equiv} against the step.
     */
    private static EquivarianceErrorData equivariance(CsvTable t) {
        if (t.column("equivariance_error") >= 0 && t.column("n") >= 0 && t.column("step") < 0) {
            return equivarianceByN(t);
        }
        int step = t.required("step");
        List<Curve> curves = new ArrayList<>();
        for (int c = 0; c < t.header.size(); c++) {
            if (t.header.get(c).contains("equiv")) {
                curves.add(new Curve(t.header.get(c).replace('_', ' '), t.numbers(step), t.numbers(c)));
            }
        }
        if (curves.isEmpty()) {
            throw InvalidInputException.of("%s: no equivariance column (name containing 'equiv'); columns: %s", t.file,
                    String.join(", ", t.header));
        }
        return new EquivarianceErrorData("step", curves);
    }

    private static SigmaGapData sigmaGap(CsvTable t) {
        int sigma = t.required("sigma");
        int gap = t.required("gap");
        int run = t.column("run_id");
        int ideal = t.column("ideal_gap");
        Map<String, List<double[]>> byRun = new LinkedHashMap<>();
        for (int r = 0; r < t.rows.size(); r++) {
            String id = run < 0 ? "run" : t.text(r, run);
            byRun.computeIfAbsent(id, k -> new ArrayList<>())
                    .add(new double[] {t.number(r, sigma), t.number(r, gap), ideal < 0 ? Double.NaN : t.number(r, ideal)});
        }
        List<SigmaGapData.Run> runs = new ArrayList<>();
        for (Map.Entry<String, List<double[]>> e : byRun.entrySet()) {
            List<double[]> rows = e.getValue();
            rows.sort((a, b) -> Double.compare(a[0], b[0]));
            double[] idealGap = col(rows, 2);
            boolean anyIdeal = Arrays.stream(idealGap).anyMatch(Double::isFinite);
            runs.add(new SigmaGapData.Run(e.getKey(), col(rows, 0), col(rows, 1), anyIdeal ? idealGap : null));
        }
        return new SigmaGapData(runs);
    }

    private static EquivarianceErrorData equivarianceByN(CsvTable t) {
        int n = t.required("n");
        int err = t.required("equivariance_error");
        int mech = t.column("equivariance");
        Map<String, java.util.TreeMap<Double, double[]>> by = new LinkedHashMap<>();
        for (int r = 0; r < t.rows.size(); r++) {
            String m = mech < 0 ? "model" : t.text(r, mech);
            double e = t.number(r, err);
            if (Double.isFinite(e)) {
                double[] acc = by.computeIfAbsent(m, k -> new java.util.TreeMap<>()).computeIfAbsent(t.number(r, n), k -> new double[2]);
                acc[0] += e;
                acc[1]++;
            }
        }
        List<Curve> curves = new ArrayList<>();
        for (Map.Entry<String, java.util.TreeMap<Double, double[]>> e : by.entrySet()) {
            double[] x = e.getValue().keySet().stream().mapToDouble(Double::doubleValue).toArray();
            double[] y = e.getValue().values().stream().mapToDouble(a -> a[0] / a[1]).toArray();
            curves.add(new Curve(e.getKey(), x, y));
        }
        if (curves.isEmpty()) {
            throw InvalidInputException.of("%s: no finite equivariance_error", t.file);
        }
        return new EquivarianceErrorData("training-set size n", curves);
    }

    private static double[] col(List<double[]> rows, int c) {
        return rows.stream().mapToDouble(r -> r[c]).toArray();
    }

    private static String greek(String letter, String suffix) {
        String s = suffix.startsWith("_") ? suffix.substring(1) : suffix;
        StringBuilder b = new StringBuilder(letter);
        for (char c : s.toCharArray()) {
            b.append(c >= '0' && c <= '9' ? (char) ('\u2080' + (c - '0')) : c);
        }
        return b.toString();
    }

}
