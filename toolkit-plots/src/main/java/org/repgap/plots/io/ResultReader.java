package org.repgap.plots.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.repgap.InvalidInputException;
import org.repgap.json.Json;
import org.repgap.plots.ChartKind;
import org.repgap.plots.data.ChartData;
import org.repgap.plots.data.ConstraintTrajectoriesData;
import org.repgap.plots.data.Curve;
import org.repgap.plots.data.EquivarianceErrorData;
import org.repgap.plots.data.HistogramData;
import org.repgap.plots.data.IdComparisonData;
import org.repgap.plots.data.LearningCurveData;
import org.repgap.plots.data.QuantizationCurveData;
import org.repgap.plots.data.ScaleAnalysisData;
import org.repgap.plots.data.SigmaGapData;
import org.repgap.plots.data.TrainingCurvesData;
import org.repgap.plots.data.TwoNnDiagnosticData;

/**
 * Reads the results the analysis commands save (JSON of {@code repgap id}, {@code gap}, {@code fit};
 * the trainer's {@code history.csv} and {@code sigmas.csv}) into chart data. Lenient: an optional
 * field that is missing just leaves its layer out; a missing required field is an
 * {@link InvalidInputException} naming the field and the file.
 */
public final class ResultReader {
    private ResultReader() {
    }

    /** Reads {@code file} as {@code kind}; a null kind is guessed from the content ({@link #detect}). */
    public static ChartData read(Path file, ChartKind kind) throws IOException {
        if (isCsv(file)) {
            CsvTable t = readCsv(file);
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
        return fromTree(readJson(file), kind, file);
    }

    /**
     * Chart data from a result already in memory as a JSON tree, e.g.
     * {@code Json.mapper().valueToTree(result)} in a command wiring {@code --plot FILE}:
     * {@code Figures.plot(ResultReader.fromTree(tree, null, file), file)}.
     *
     * @param source named in error messages (the result's file, or the figure being made)
     */
    public static ChartData fromTree(JsonNode root, ChartKind kind, Path source) {
        Path file = source;
        ChartKind k = kind != null ? kind : detect(file, root);
        switch (k) {
            case LEARNING_CURVE:
                return root.has("fits") || root.has("data") ? fitCurve(file, root) : gapCurve(file, root);
            case ID_COMPARISON:
                return idComparison(file, root);
            case LOCAL_ID:
                return localId(file, root);
            case SCALE:
                return scale(file, root);
            case TWONN:
                return twoNn(file, root);
            case QUANTIZATION:
                return quantization(file, root);
            default:
                throw InvalidInputException.of("%s: kind '%s' needs the trainer's CSV (history.csv or sigmas.csv), not JSON", file, k);
        }
    }

    /** The kind a JSON result most likely wants: gap and fit results make learning curves, id results comparisons. */
    public static ChartKind detect(Path file, JsonNode root) {
        if (root.has("curve") || root.has("fits")) {
            return ChartKind.LEARNING_CURVE;
        }
        if (root.has("estimates") || root.isArray()) {
            return ChartKind.ID_COMPARISON;
        }
        throw InvalidInputException.of("%s: cannot tell what result this is (no 'curve', 'fits' or 'estimates'); give --kind", file);
    }

    private static ChartKind detect(CsvTable t) {
        if (t.column("sigma") >= 0 && t.column("gap") >= 0) {
            return ChartKind.SIGMA_GAP;
        }
        return ChartKind.TRAINING;
    }

    private static boolean isCsv(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    private static CsvTable readCsv(Path file) throws IOException {
        try {
            return CsvTable.read(file);
        } catch (NoSuchFileException e) {
            throw InvalidInputException.of("%s: no such file", file);
        }
    }

    private static JsonNode readJson(Path file) throws IOException {
        try {
            return Json.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw InvalidInputException.of("%s: no such file", file);
        } catch (JsonProcessingException e) {
            throw InvalidInputException.of("%s: not valid JSON (line %d, column %d): %s", file,
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    e.getLocation() == null ? 0 : e.getLocation().getColumnNr(), e.getOriginalMessage());
        }
    }

    // ---- repgap gap ----------------------------------------------------------------------------

    private static LearningCurveData gapCurve(Path file, JsonNode root) {
        JsonNode curve = required(file, root, "curve");
        List<LearningCurveData.Point> pts = new ArrayList<>();
        int i = 0;
        for (JsonNode p : curve) {
            String where = "curve[" + i++ + "]";
            double n = number(file, p, "n", where);
            double mean = number(file, p, "rg_mean", where);
            double sd = optional(p, "rg_sd");
            pts.add(new LearningCurveData.Point(n, mean, mean - sd, mean + sd));
        }
        pts.sort((a, b) -> Double.compare(a.n(), b.n()));
        if (pts.isEmpty()) {
            throw InvalidInputException.of("%s: 'curve' is empty", file);
        }
        double nMin = pts.get(0).n();
        double nMax = pts.get(pts.size() - 1).n();
        double[] x = logspace(nMin, nMax, 40);
        List<Curve> laws = new ArrayList<>();
        JsonNode law = root.path("law");
        if (law.isObject() && Double.isFinite(optional(law, "constant")) && Double.isFinite(optional(law, "exponent"))) {
            // RG_n = C (m n)^(-2/d): repgap gap writes the exponent 2/d (positive) and m as sample_multiplier
            // (|G| for a finite group); a negative exponent is read as the slope itself.
            double c = optional(law, "constant");
            double e = -Math.abs(optional(law, "exponent"));
            double m = Double.isFinite(optional(law, "sample_multiplier")) ? optional(law, "sample_multiplier") : 1;
            double[] y = Arrays.stream(x).map(v -> c * Math.pow(m * v, e)).toArray();
            String src = law.path("d_source").asText("");
            String label = "law, d = " + fmt(optional(law, "d")) + (src.isEmpty() ? "" : " (" + src + ")");
            laws.add(new Curve(label, x, y));
        }
        List<LearningCurveData.FittedLaw> fits = new ArrayList<>();
        JsonNode fit = root.path("fit");
        if (fit.isObject() && Double.isFinite(optional(fit, "slope"))) {
            fits.add(slopeFit(fit, pts, x));
        }
        JsonNode g = root.path("group");
        String group = g.isTextual() ? g.asText() : g.path("name").asText(g.path("spec").asText(""));
        String yLabel = LearningCurveData.Y_LABEL + (group.isEmpty() || group.equals("none") ? "" : " (mod " + group + ")");
        return new LearningCurveData(pts, laws, fits, Double.NaN, null, yLabel);
    }

    /**
     * The fitted line {@code log RG = a + slope log n}: {@code a} from the JSON ({@code intercept})
     * or, when absent, the least-squares intercept for the given slope (mean of
     * {@code log RG - slope log n}); the band spans the lines of slopes {@code slope_ci_low} and
     * {@code slope_ci_high} pivoting at the centroid of {@code log n}, a slope-only confidence band.
     */
    private static LearningCurveData.FittedLaw slopeFit(JsonNode fit, List<LearningCurveData.Point> pts, double[] x) {
        double slope = optional(fit, "slope");
        double sx = 0;
        double sr = 0;
        int m = 0;
        for (LearningCurveData.Point p : pts) {
            if (p.n() > 0 && p.mean() > 0) {
                sx += Math.log(p.n());
                sr += Math.log(p.mean()) - slope * Math.log(p.n());
                m++;
            }
        }
        double a = Double.isFinite(optional(fit, "intercept")) ? optional(fit, "intercept") : sr / Math.max(m, 1);
        double cx = sx / Math.max(m, 1);
        double lo = optional(fit, "slope_ci_low");
        double hi = optional(fit, "slope_ci_high");
        double[] y = new double[x.length];
        double[] bl = new double[x.length];
        double[] bh = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double lx = Math.log(x[i]);
            y[i] = Math.exp(a + slope * lx);
            double yc = a + slope * cx;
            double y1 = yc + lo * (lx - cx);
            double y2 = yc + hi * (lx - cx);
            bl[i] = Math.exp(Math.min(y1, y2));
            bh[i] = Math.exp(Math.max(y1, y2));
        }
        boolean band = Double.isFinite(lo) && Double.isFinite(hi);
        double d = optional(fit, "d_implied");
        double d1 = -2 / lo;
        double d2 = -2 / hi;
        return new LearningCurveData.FittedLaw("fit, slope " + fmt(slope), x, y, band ? bl : null, band ? bh : null,
                d, band ? Math.min(d1, d2) : Double.NaN, band ? Math.max(d1, d2) : Double.NaN);
    }

    // ---- repgap fit ----------------------------------------------------------------------------

    private static LearningCurveData fitCurve(Path file, JsonNode root) {
        JsonNode data = required(file, root, "data");
        List<LearningCurveData.Point> pts = new ArrayList<>();
        int i = 0;
        for (JsonNode p : data) {
            String where = "data[" + i++ + "]";
            double x = number(file, p, "x", where);
            double y = number(file, p, "y", where);
            pts.add(new LearningCurveData.Point(x, y, optional(p, "y_low"), optional(p, "y_high")));
        }
        pts.sort((a, b) -> Double.compare(a.n(), b.n()));
        if (pts.isEmpty()) {
            throw InvalidInputException.of("%s: 'data' is empty", file);
        }
        double[] x = logspace(pts.get(0).n(), pts.get(pts.size() - 1).n(), 60);
        List<LearningCurveData.FittedLaw> fits = new ArrayList<>();
        double extrapolateFrom = Double.NaN;
        int f = 0;
        for (JsonNode fit : root.path("fits")) {
            String where = "fits[" + f++ + "]";
            String law = fit.path("law").asText(null);
            if (law == null) {
                throw InvalidInputException.of("%s: %s: missing field 'law'", file, where);
            }
            Map<String, Double> params = doubles(fit.path("params"));
            Optional<double[]> y = LawCurves.evaluate(law, params, x);
            double[] fx = x;
            if (y.isEmpty() && fit.path("curve").isArray()) {
                fx = column(fit.path("curve"), "x");
                y = Optional.of(column(fit.path("curve"), "y"));
            }
            if (y.isEmpty()) {
                continue;
            }
            double[] bl = null;
            double[] bh = null;
            double[] bx = fx;
            if (fit.path("band").isArray() && fit.path("band").size() > 1) {
                bx = column(fit.path("band"), "x");
                bl = column(fit.path("band"), "low");
                bh = column(fit.path("band"), "high");
            }
            double d = fit.has("d_implied") ? optional(fit, "d_implied") : LawCurves.impliedD(law, params);
            double[] dci = dInterval(law, fit.path("ci"));
            if (bl != null && bx != fx) {
                fits.add(new LearningCurveData.FittedLaw(law, bx, interpolateLog(fx, y.get(), bx), bl, bh, d, dci[0], dci[1]));
            } else {
                fits.add(new LearningCurveData.FittedLaw(law, fx, y.get(), bl, bh, d, dci[0], dci[1]));
            }
            int used = fit.path("points").isInt() ? fit.path("points").asInt() : pts.size();
            if (used > 0 && used < pts.size() && Double.isNaN(extrapolateFrom)) {
                extrapolateFrom = pts.get(used - 1).n();
            }
        }
        String xLabel = root.path("x_label").asText("n");
        String yLabel = root.path("y_label").asText("loss");
        return new LearningCurveData(pts, List.of(), fits, extrapolateFrom, xLabel, yLabel);
    }

    /** The interval of the implied d from the {@code ci} object: {@code d} directly, or {@code 2/alpha}. */
    private static double[] dInterval(String law, JsonNode ci) {
        JsonNode d = field(ci, "d");
        if (d != null && d.isArray() && d.size() == 2) {
            return new double[] {d.get(0).asDouble(Double.NaN), d.get(1).asDouble(Double.NaN)};
        }
        JsonNode a = field(ci, "alpha");
        if (a != null && a.isArray() && a.size() == 2 && !"rg".equalsIgnoreCase(law)) {
            double lo = 2 / a.get(1).asDouble(Double.NaN);
            double hi = 2 / a.get(0).asDouble(Double.NaN);
            return new double[] {lo, hi};
        }
        return new double[] {Double.NaN, Double.NaN};
    }

    private static double[] interpolateLog(double[] x, double[] y, double[] at) {
        double[] out = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            int j = Arrays.binarySearch(x, at[i]);
            if (j >= 0) {
                out[i] = y[j];
                continue;
            }
            int hi = Math.min(Math.max(-j - 1, 1), x.length - 1);
            int lo = hi - 1;
            double t = (Math.log(at[i]) - Math.log(x[lo])) / (Math.log(x[hi]) - Math.log(x[lo]));
            out[i] = Math.exp(Math.log(y[lo]) + t * (Math.log(y[hi]) - Math.log(y[lo])));
        }
        return out;
    }

    // ---- repgap id -----------------------------------------------------------------------------

    private static List<JsonNode> idResults(Path file, JsonNode root) {
        List<JsonNode> results = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(results::add);
        } else if (root.path("results").isArray()) {
            root.path("results").forEach(results::add);
        } else {
            results.add(root);
        }
        for (int i = 0; i < results.size(); i++) {
            if (!results.get(i).path("estimates").isArray()) {
                throw InvalidInputException.of("%s: %s: missing field 'estimates'", file, root.isObject() && results.size() == 1
                        ? "top level" : "result " + i);
            }
        }
        return results;
    }

    private static String groupOf(JsonNode result) {
        JsonNode g = result.path("group");
        String name = g.isTextual() ? g.asText() : g.path("name").asText("");
        return name.isEmpty() || name.equalsIgnoreCase("none") || name.equalsIgnoreCase("trivial")
                ? "without symmetry" : "modulo " + name;
    }

    private static IdComparisonData idComparison(Path file, JsonNode root) {
        List<IdComparisonData.Estimate> list = new ArrayList<>();
        List<JsonNode> results = idResults(file, root);
        double trueId = Double.NaN;
        for (JsonNode r : results) {
            String group = results.size() > 1 || r.has("group") ? groupOf(r) : "";
            int i = 0;
            for (JsonNode e : r.path("estimates")) {
                String where = "estimates[" + i++ + "]";
                String est = e.path("estimator").asText(null);
                if (est == null) {
                    throw InvalidInputException.of("%s: %s: missing field 'estimator'", file, where);
                }
                if (!e.has("dimension")) {
                    throw InvalidInputException.of("%s: %s: missing field 'dimension'", file, where);
                }
                double v = optional(e, "dimension");
                if (Double.isFinite(v)) {
                    list.add(new IdComparisonData.Estimate(est + scaleNote(e), e.has("group") ? groupOf(e) : group, v,
                            optional(e, "ci_low"), optional(e, "ci_high")));
                }
            }
            for (String f : new String[] {"true_id", "true_dimension"}) {
                if (Double.isFinite(optional(r, f))) {
                    trueId = optional(r, f);
                }
            }
        }
        if (list.isEmpty()) {
            throw InvalidInputException.of("%s: no estimate with a finite 'dimension'", file);
        }
        return new IdComparisonData(list, trueId);
    }

    /** GRIDE estimates at several scales stay apart in the comparison: {@code "gride (n₂ = 8)"}. */
    private static String scaleNote(JsonNode e) {
        if (e.path("estimator").asText("").equalsIgnoreCase("gride") && e.path("params").has("n2")) {
            return " (n2 = " + e.path("params").path("n2").asText() + ")";
        }
        return "";
    }

    private static HistogramData localId(Path file, JsonNode root) {
        for (JsonNode r : idResults(file, root)) {
            for (JsonNode e : r.path("estimates")) {
                if (e.path("pointwise").isArray() && e.path("pointwise").size() > 0) {
                    double[] v = new double[e.path("pointwise").size()];
                    for (int i = 0; i < v.length; i++) {
                        JsonNode p = e.path("pointwise").get(i);
                        v[i] = p.isNumber() ? p.asDouble() : Double.NaN;
                    }
                    String est = e.path("estimator").asText("estimate");
                    List<HistogramData.Reference> refs = new ArrayList<>();
                    if (Double.isFinite(optional(e, "dimension"))) {
                        refs.add(new HistogramData.Reference("global " + est, optional(e, "dimension")));
                    }
                    if (Double.isFinite(optional(r, "true_id"))) {
                        refs.add(new HistogramData.Reference("true ID", optional(r, "true_id")));
                    }
                    return new HistogramData("local intrinsic dimension (" + est + ")", v, 0, refs);
                }
            }
        }
        throw InvalidInputException.of("%s: no estimate has a 'pointwise' array; run 'repgap id' with pointwise output", file);
    }

    private static ScaleAnalysisData scale(Path file, JsonNode root) {
        Map<String, List<double[]>> byEstimator = new LinkedHashMap<>();
        List<JsonNode> results = idResults(file, root);
        for (JsonNode r : results) {
            String group = results.size() > 1 ? " (" + groupOf(r) + ")" : "";
            for (JsonNode e : r.path("estimates")) {
                JsonNode params = e.path("params");
                double scale = Double.NaN;
                for (String key : new String[] {"n2", "k", "n"}) {
                    if (params.path(key).isNumber()) {
                        scale = params.path(key).asDouble();
                        break;
                    }
                }
                if (Double.isFinite(scale) && Double.isFinite(optional(e, "dimension"))) {
                    byEstimator.computeIfAbsent(e.path("estimator").asText("estimate") + group, k -> new ArrayList<>())
                            .add(new double[] {scale, optional(e, "dimension"), optional(e, "ci_low"), optional(e, "ci_high")});
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
            throw InvalidInputException.of("%s: no estimator at two or more scales (estimates with params 'n2', 'k' or 'n');"
                    + " run 'repgap id --estimator gride' with a scale range", file);
        }
        double trueId = Double.NaN;
        if (root.isObject() && Double.isFinite(optional(root, "true_id"))) {
            trueId = optional(root, "true_id");
        }
        return new ScaleAnalysisData("neighbour rank n₂ (or scale)", true, series, trueId);
    }

    private static TwoNnDiagnosticData twoNn(Path file, JsonNode root) {
        for (JsonNode r : idResults(file, root)) {
            for (JsonNode e : r.path("estimates")) {
                if (!e.path("estimator").asText("").equalsIgnoreCase("twonn")) {
                    continue;
                }
                double d = optional(e, "dimension");
                JsonNode diag = e.path("diagnostic");
                if (diag.path("log_mu").isArray()) {
                    double[] x = numbers(diag.path("log_mu"));
                    double[] y = numbers(diag.path("neg_log_one_minus_f"));
                    int fitted = diag.path("fitted_count").asInt(x.length);
                    return new TwoNnDiagnosticData(x, y, Math.min(fitted, x.length), d);
                }
                JsonNode mu = e.path("mu").isArray() ? e.path("mu") : diag.path("mu");
                if (mu.isArray()) {
                    double discard = e.path("params").path("discard_fraction").asDouble(0.1);
                    return TwoNnDiagnosticData.fromRatios(numbers(mu), discard, d);
                }
                throw InvalidInputException.of("%s: the twonn estimate has no 'mu' ratios or 'diagnostic'; rerun 'repgap id"
                        + " --estimator twonn' with diagnostics saved", file);
            }
        }
        throw InvalidInputException.of("%s: no estimate with estimator 'twonn'", file);
    }

    /**
     * The quantization estimate's curve ({@code curve: [{k, error}]}) and its line: {@code slope} and
     * {@code intercept} from the estimate's {@code params} (natural logs), or, when absent, the
     * least-squares line of {@code log e} on {@code log k} (for drawing only; d is the estimate's).
     */
    private static QuantizationCurveData quantization(Path file, JsonNode root) {
        for (JsonNode r : idResults(file, root)) {
            for (JsonNode e : r.path("estimates")) {
                if (!e.path("estimator").asText("").toLowerCase(Locale.ROOT).startsWith("quantization")) {
                    continue;
                }
                JsonNode curve = e.path("curve");
                if (!curve.isArray() || curve.size() < 2) {
                    throw InvalidInputException.of("%s: the quantization estimate has no 'curve' of {k, error} points", file);
                }
                double[] k = column(curve, "k");
                double[] err = column(curve, "error");
                double slope = optional(e.path("params"), "slope");
                double intercept = optional(e.path("params"), "intercept");
                if (!Double.isFinite(slope) || !Double.isFinite(intercept)) {
                    double sx = 0;
                    double sy = 0;
                    double sxx = 0;
                    double sxy = 0;
                    int m = 0;
                    for (int i = 0; i < k.length; i++) {
                        if (k[i] > 0 && err[i] > 0) {
                            double lx = Math.log(k[i]);
                            double ly = Math.log(err[i]);
                            sx += lx;
                            sy += ly;
                            sxx += lx * lx;
                            sxy += lx * ly;
                            m++;
                        }
                    }
                    slope = (m * sxy - sx * sy) / (m * sxx - sx * sx);
                    intercept = (sy - slope * sx) / m;
                }
                return new QuantizationCurveData(k, err, slope, intercept, optional(e, "dimension"));
            }
        }
        throw InvalidInputException.of("%s: no estimate with estimator 'quantization'", file);
    }

    // ---- trainer CSV ---------------------------------------------------------------------------

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

    private static EquivarianceErrorData equivariance(CsvTable t) {
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

    // ---- helpers -------------------------------------------------------------------------------

    private static String greek(String letter, String suffix) {
        String s = suffix.startsWith("_") ? suffix.substring(1) : suffix;
        StringBuilder b = new StringBuilder(letter);
        for (char c : s.toCharArray()) {
            b.append(c >= '0' && c <= '9' ? (char) ('\u2080' + (c - '0')) : c);
        }
        return b.toString();
    }

    private static JsonNode required(Path file, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw InvalidInputException.of("%s: missing field '%s'", file, field);
        }
        return v;
    }

    private static double number(Path file, JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw InvalidInputException.of("%s: %s: missing field '%s'", file, where, field);
        }
        if (!v.isNumber()) {
            throw InvalidInputException.of("%s: %s.%s: expected a number, found '%s'", file, where, field, v.asText());
        }
        return v.asDouble();
    }

    private static double optional(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
    }

    private static JsonNode field(JsonNode node, String name) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static Map<String, Double> doubles(JsonNode obj) {
        Map<String, Double> m = new LinkedHashMap<>();
        obj.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().isNumber() ? e.getValue().asDouble() : null));
        return m;
    }

    private static double[] numbers(JsonNode arr) {
        double[] v = new double[arr.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = arr.get(i).isNumber() ? arr.get(i).asDouble() : Double.NaN;
        }
        return v;
    }

    private static double[] column(JsonNode arr, String field) {
        double[] v = new double[arr.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = optional(arr.get(i), field);
        }
        return v;
    }

    private static double[] col(List<double[]> rows, int c) {
        return rows.stream().mapToDouble(r -> r[c]).toArray();
    }

    private static double[] logspace(double a, double b, int m) {
        if (!(a > 0) || !(b > a)) {
            return new double[] {a, b};
        }
        double[] x = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = a * Math.pow(b / a, i / (m - 1.0));
        }
        return x;
    }

    private static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return "?";
        }
        return String.format(Locale.ROOT, "%.3g", v).replaceAll("(\\.[0-9]*?)0+$", "$1").replaceAll("\\.$", "").replace('-', '\u2212');
    }
}
