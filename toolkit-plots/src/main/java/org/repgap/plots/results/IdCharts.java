package org.repgap.plots.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.repgap.InvalidInputException;
import org.repgap.id.IdReport;
import org.repgap.id.IdResult;
import org.repgap.id.TwoNnDiagnostic;
import org.repgap.plots.data.HistogramData;
import org.repgap.plots.data.IdComparisonData;
import org.repgap.plots.data.ScaleAnalysisData;
import org.repgap.plots.data.TwoNnDiagnosticData;

/**
 * The charts of {@link IdReport}s ({@code repgap id}): the comparison of estimates with their
 * intervals, the histogram of pointwise estimates, the scale analysis of an estimator reported at
 * several scales (GRIDE), and the TwoNN diagnostic the report carries when asked for.
 */
public final class IdCharts {
    private IdCharts() {
    }

    /**
     * One row per estimate (GRIDE once per scale, {@code "gride (n2 = 8)"}), grouped "without
     * symmetry" / "modulo G" when several reports are given or a report has a group.
     */
    public static IdComparisonData comparison(List<IdReport> reports) {
        List<IdComparisonData.Estimate> list = new ArrayList<>();
        for (IdReport r : reports) {
            String group = reports.size() > 1 || r.group() != null ? groupOf(r) : "";
            for (IdResult e : r.estimates()) {
                if (e.dimension() != null) {
                    list.add(new IdComparisonData.Estimate(e.estimator() + scaleNote(e), group, e.dimension(),
                            Labels.orNaN(e.ciLow()), Labels.orNaN(e.ciHigh())));
                }
            }
        }
        if (list.isEmpty()) {
            throw InvalidInputException.of("no estimate with a finite 'dimension'");
        }
        return new IdComparisonData(list, Double.NaN);
    }

    /** The histogram of the first estimate with pointwise values, the global estimate marked. */
    public static HistogramData localId(List<IdReport> reports) {
        for (IdReport r : reports) {
            for (IdResult e : r.estimates()) {
                double[] v = e.pointwise();
                if (v != null && v.length > 0) {
                    List<HistogramData.Reference> refs = new ArrayList<>();
                    if (e.dimension() != null) {
                        refs.add(new HistogramData.Reference("global " + e.estimator(), e.dimension()));
                    }
                    return new HistogramData("local intrinsic dimension (" + e.estimator() + ")", v, 0, refs);
                }
            }
        }
        throw InvalidInputException.of("no estimate has a 'pointwise' array; run 'repgap id' with --pointwise");
    }

    /** ID against scale ({@code params} {@code n2}, {@code k} or {@code n}) of every estimator reported at two or more scales. */
    public static ScaleAnalysisData scale(List<IdReport> reports) {
        Map<String, List<double[]>> byEstimator = new LinkedHashMap<>();
        for (IdReport r : reports) {
            String group = reports.size() > 1 ? " (" + groupOf(r) + ")" : "";
            for (IdResult e : r.estimates()) {
                double scale = Double.NaN;
                for (String key : new String[] {"n2", "k", "n"}) {
                    if (e.params().get(key) instanceof Number num) {
                        scale = num.doubleValue();
                        break;
                    }
                }
                if (Double.isFinite(scale) && e.dimension() != null) {
                    byEstimator.computeIfAbsent(e.estimator() + group, k -> new ArrayList<>())
                            .add(new double[] {scale, e.dimension(), Labels.orNaN(e.ciLow()), Labels.orNaN(e.ciHigh())});
                }
            }
        }
        List<ScaleAnalysisData.Series> series = new ArrayList<>();
        for (Map.Entry<String, List<double[]>> en : byEstimator.entrySet()) {
            List<double[]> rows = en.getValue();
            if (rows.size() < 2) {
                continue;
            }
            rows.sort((a, b) -> Double.compare(a[0], b[0]));
            if (rows.get(0)[0] == rows.get(rows.size() - 1)[0]) {
                continue;
            }
            series.add(new ScaleAnalysisData.Series(en.getKey(), col(rows, 0), col(rows, 1), col(rows, 2), col(rows, 3)));
        }
        if (series.isEmpty()) {
            throw InvalidInputException.of("no estimator at two or more scales (estimates with params 'n2', 'k' or 'n');"
                    + " run 'repgap id --estimator gride' with a scale range");
        }
        return new ScaleAnalysisData("neighbour rank n₂ (or scale)", true, series, Double.NaN);
    }

    /** The TwoNN diagnostic of the first report that carries one. */
    public static TwoNnDiagnosticData twoNn(List<IdReport> reports) {
        for (IdReport r : reports) {
            TwoNnDiagnostic d = r.twonnDiagnostic();
            if (d != null) {
                return new TwoNnDiagnosticData(d.logMu(), d.negLogOneMinusF(), d.fittedCount(), Labels.orNaN(d.dimension()));
            }
        }
        throw InvalidInputException.of("no TwoNN diagnostic saved; rerun 'repgap id --estimator twonn --diagnostic'");
    }

    private static String groupOf(IdReport r) {
        String name = r.group() == null ? "" : r.group();
        return name.isEmpty() || name.equalsIgnoreCase("none") || name.equalsIgnoreCase("trivial")
                ? "without symmetry" : "modulo " + name;
    }

    /** GRIDE estimates at several scales stay apart in the comparison: {@code "gride (n2 = 8)"}. */
    private static String scaleNote(IdResult e) {
        if (e.estimator().equalsIgnoreCase("gride") && e.params().containsKey("n2")) {
            return " (n2 = " + e.params().get("n2") + ")";
        }
        return "";
    }

    private static double[] col(List<double[]> rows, int c) {
        return rows.stream().mapToDouble(r -> r[c]).toArray();
    }
}
