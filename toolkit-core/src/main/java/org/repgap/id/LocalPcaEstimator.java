package org.repgap.id;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.repgap.InvalidInputException;
import org.repgap.data.PointCloud;
import org.repgap.neighbors.NeighborGraph;

/**
 * PCA estimators of the intrinsic dimension, as scikit-dimension 0.3.4 {@code lPCA}.
 *
 * <p>Eigenvalues {@code l_1 >= ... >= l_p} of the sample covariance (denominator {@code N - 1},
 * {@code p = min(N, D)}; computed as squared singular values of the centred data, as scikit-learn's
 * {@code PCA().explained_variance_}). Versions:
 * <ul>
 *   <li>{@code FO} (Fukunaga and Olsen 1971, default): {@code #{i : l_i > alphaFO l_1}};</li>
 *   <li>{@code Fan} (Fan et al. 2010): {@code r} = first (0-based) index with cumulative share {@code > PFan},
 *   {@code sigma = mean(l_r..)}, {@code l' = l - sigma}, {@code d = 1 + min({i : l'_i/l'_{i+1} > alphaFan}
 *   u {i : cumsum(l')_i / sum(l') > betaFan})};</li>
 *   <li>{@code maxgap}: {@code 1 + argmax_i l_i / l_{i+1}};</li>
 *   <li>{@code ratio}: {@code 1 + #{i : cumsum(l)_i / sum(l) < alphaRatio}} (literally scikit-dimension's rule);</li>
 *   <li>{@code participation_ratio}: {@code (sum l)^2 / sum l^2} (not an integer);</li>
 *   <li>{@code Kaiser}: {@code #{i : l_i > mean(l)}};</li>
 *   <li>{@code broken_stick}: {@code b_i = (1/p) sum_{j=i..p} 1/j}; {@code d} = 1 + the first 0-based
 *   {@code i} with {@code b_i > l_i / sum(l)} (0 if none).</li>
 * </ul>
 * Defaults: {@code FO}, {@code alphaFO = 0.05}, {@code alphaRatio = 0.05}, {@code alphaFan = 10},
 * {@code betaFan = 0.8}, {@code PFan = 0.95}. References: K. Fukunaga, D. R. Olsen, IEEE Trans. Comput.
 * C-20 (1971), doi:10.1109/T-C.1971.223289; M. Fan, N. Gu, H. Qiao, B. Zhang, Neurocomputing 73 (2010),
 * doi:10.1016/j.neucom.2010.05.017; J. Bac et al., Entropy 23 (2021), doi:10.3390/e23101368.
 *
 * <p>"Local" PCA in scikit-dimension is, by default, one global PCA of all points: {@code neighborhood = 0}.
 * With {@code neighborhood = k > 0}, each point gets the estimate of a PCA of its {@code k} nearest
 * neighbours (itself excluded, as scikit-dimension's {@code fit_pw}), combined by mean or median.
 * Euclidean only. Duplicates need no special treatment (PCA is defined with repeated points).
 */
public final class LocalPcaEstimator implements IdEstimator {

    /** The rule that turns the eigenvalues into a dimension. */
    public enum Version {
        FO("FO"), FAN("Fan"), MAXGAP("maxgap"), RATIO("ratio"), PARTICIPATION_RATIO("participation_ratio"),
        KAISER("Kaiser"), BROKEN_STICK("broken_stick");

        private final String label;

        Version(String label) {
            this.label = label;
        }

        /** The name scikit-dimension uses for {@code ver}. */
        public String label() {
            return label;
        }

        public static Version parse(String s) {
            for (Version v : values()) {
                if (v.label.equalsIgnoreCase(s == null ? "" : s.trim())) {
                    return v;
                }
            }
            throw InvalidInputException.of("lpca: version '%s', expected one of FO, Fan, maxgap, ratio, "
                    + "participation_ratio, Kaiser, broken_stick", s);
        }
    }

    /**
     * @param version      the rule
     * @param alphaFO      FO threshold relative to the largest eigenvalue, in (0, 1)
     * @param alphaRatio   ratio threshold on the cumulative share, in (0, 1)
     * @param alphaFan     Fan's gap threshold
     * @param betaFan      Fan's cumulative-share threshold, in (0, 1)
     * @param pFan         Fan's share of non-noise variance, in (0, 1)
     * @param neighborhood 0 for one global PCA, else the number of neighbours of each pointwise PCA (at least 2)
     * @param combination  mean or median of the pointwise estimates (ignored for the global PCA)
     */
    public record Options(Version version, double alphaFO, double alphaRatio, double alphaFan, double betaFan,
                          double pFan, int neighborhood, Combination combination) {
        public Options {
            if (version == null) {
                throw InvalidInputException.of("lpca: a version is required");
            }
            check("alphaFO", alphaFO);
            check("alphaRatio", alphaRatio);
            check("betaFan", betaFan);
            check("PFan", pFan);
            if (!(alphaFan > 0 && Double.isFinite(alphaFan))) {
                throw InvalidInputException.of("lpca: alphaFan = %s, expected a positive finite value", alphaFan);
            }
            if (!(neighborhood == 0 || neighborhood >= 2)) {
                throw InvalidInputException.of("lpca: neighborhood = %d, expected 0 (global PCA) or at least 2", neighborhood);
            }
            if (combination == null || combination == Combination.MLE) {
                throw InvalidInputException.of("lpca: combination %s, expected mean or median", combination);
            }
        }

        private static void check(String name, double v) {
            if (!(v > 0 && v < 1)) {
                throw InvalidInputException.of("lpca: %s = %s, expected a value strictly between 0 and 1", name, v);
            }
        }

        /** scikit-dimension defaults: FO, global PCA. */
        public static Options defaults() {
            return new Options(Version.FO, 0.05, 0.05, 10, 0.8, 0.95, 0, Combination.MEAN);
        }

        public Options withVersion(Version v) {
            return new Options(v, alphaFO, alphaRatio, alphaFan, betaFan, pFan, neighborhood, combination);
        }

        public Options withNeighborhood(int k) {
            return new Options(version, alphaFO, alphaRatio, alphaFan, betaFan, pFan, k, combination);
        }
    }

    private final Options options;

    private LocalPcaEstimator(Options options) {
        this.options = options;
    }

    public static LocalPcaEstimator of(Options options) {
        return new LocalPcaEstimator(options);
    }

    public static LocalPcaEstimator withDefaults() {
        return of(Options.defaults());
    }

    @Override
    public String name() {
        return "lpca";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ver", options.version().label());
        switch (options.version()) {
            case FO -> p.put("alpha_fo", options.alphaFO());
            case RATIO -> p.put("alpha_ratio", options.alphaRatio());
            case FAN -> {
                p.put("alpha_fan", options.alphaFan());
                p.put("beta_fan", options.betaFan());
                p.put("p_fan", options.pFan());
            }
            default -> { }
        }
        p.put("neighborhood", options.neighborhood());
        if (options.neighborhood() > 0) {
            p.put("comb", options.combination().label());
        }
        return p;
    }

    @Override
    public int neighbors() {
        return options.neighborhood();
    }

    @Override
    public Estimate compute(IdContext ctx) {
        if (!ctx.metric().isEuclidean()) {
            throw InvalidInputException.of("lpca needs the Euclidean metric (PCA works on coordinates), not %s",
                    ctx.metric().name());
        }
        PointCloud x = ctx.points();
        if (options.neighborhood() == 0) {
            java.util.function.ToDoubleFunction<int[]> f = rows -> dimension(eigenvalues(x, rows));
            double[] ev = ctx.shared("covariance eigenvalues", () -> eigenvalues(x, Combination.all(x.n())));
            double d = dimension(ev.clone());
            return new Estimate(d, null, "global", null, x.n(), 0, null, f, x.n(), Estimate.POINTS);
        }
        int k = options.neighborhood();
        NeighborGraph g = ctx.graph(k);
        double[] local = new double[g.n()];
        IntStream.range(0, g.n()).parallel().forEach(i -> local[i] = dimension(eigenvalues(x, g.indices(i))));
        Combination comb = options.combination();
        java.util.function.ToDoubleFunction<int[]> f = rows -> comb.combine(local, rows);
        double d = f.applyAsDouble(Combination.all(g.n()));
        return new Estimate(d, null, "k=" + k, Estimate.meanDistance(g, Combination.all(g.n()), k), g.n(), 0, local, f, g.n(), Estimate.PER_POINT);
    }

    /**
     * Covariance eigenvalues (denominator {@code m - 1}) of the given rows, largest first:
     * {@code min(m, D)} values, the squared singular values of the centred data over {@code m - 1}.
     */
    public static double[] eigenvalues(PointCloud x, int[] rows) {
        int m = rows.length;
        int dim = x.dim();
        double[] mean = new double[dim];
        for (int r : rows) {
            for (int c = 0; c < dim; c++) {
                mean[c] += x.get(r, c);
            }
        }
        for (int c = 0; c < dim; c++) {
            mean[c] /= m;
        }
        DMatrixRMaj a = new DMatrixRMaj(m, dim);
        double[] data = a.data;
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < dim; c++) {
                data[i * dim + c] = x.get(rows[i], c) - mean[c];
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, dim, false, false, true);
        if (!svd.decompose(a)) {
            throw new IllegalStateException("singular value decomposition did not converge");
        }
        double[] s = Arrays.copyOf(svd.getSingularValues(), svd.numberOfSingularValues());
        Arrays.sort(s);
        double[] ev = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            double v = s[s.length - 1 - i];
            ev[i] = v * v / (m - 1);
        }
        return ev;
    }

    /** Applies the version's rule to eigenvalues sorted largest first. */
    double dimension(double[] ev) {
        return switch (options.version()) {
            case FO -> fukunagaOlsen(ev, options.alphaFO());
            case FAN -> fan(ev, options.alphaFan(), options.betaFan(), options.pFan());
            case MAXGAP -> maxGap(ev);
            case RATIO -> ratio(ev, options.alphaRatio());
            case PARTICIPATION_RATIO -> participationRatio(ev);
            case KAISER -> kaiser(ev);
            case BROKEN_STICK -> brokenStick(ev);
        };
    }

    static double fukunagaOlsen(double[] ev, double alpha) {
        int c = 0;
        for (double l : ev) {
            if (l > alpha * ev[0]) {
                c++;
            }
        }
        return c;
    }

    static double fan(double[] ev, double alphaFan, double betaFan, double pFan) {
        int p = ev.length;
        double total = sum(ev);
        int r = -1;
        double cum = 0;
        for (int i = 0; i < p; i++) {
            cum += ev[i];
            if (cum / total > pFan) {
                r = i;
                break;
            }
        }
        if (r < 0) {
            return Double.NaN;
        }
        double sigma = 0;
        for (int i = r; i < p; i++) {
            sigma += ev[i];
        }
        sigma /= p - r;
        double[] e = new double[p];
        for (int i = 0; i < p; i++) {
            e[i] = ev[i] - sigma;
        }
        double total2 = sum(e);
        int best = Integer.MAX_VALUE;
        for (int i = 0; i + 1 < p; i++) {
            if (e[i] / e[i + 1] > alphaFan) {
                best = i;
                break;
            }
        }
        cum = 0;
        for (int i = 0; i < p && i < best; i++) {
            cum += e[i];
            if (cum / total2 > betaFan) {
                best = i;
                break;
            }
        }
        return best == Integer.MAX_VALUE ? Double.NaN : 1 + best;
    }

    static double maxGap(double[] ev) {
        int arg = -1;
        double best = Double.NaN;
        for (int i = 0; i + 1 < ev.length; i++) {
            double gap = ev[i] / ev[i + 1];
            if (!Double.isNaN(gap) && (arg < 0 || gap > best)) {
                best = gap;
                arg = i;
            }
        }
        return arg < 0 ? Double.NaN : arg + 1;
    }

    static double ratio(double[] ev, double alpha) {
        double total = 0;
        double[] cum = new double[ev.length];
        for (int i = 0; i < ev.length; i++) {
            total += ev[i];
            cum[i] = total;
        }
        double max = Arrays.stream(cum).max().orElse(Double.NaN);
        int c = 0;
        for (double v : cum) {
            if (v / max < alpha) {
                c++;
            }
        }
        return c + 1;
    }

    static double participationRatio(double[] ev) {
        double s = 0;
        double s2 = 0;
        for (double l : ev) {
            s += l;
            s2 += l * l;
        }
        return s * s / s2;
    }

    static double kaiser(double[] ev) {
        double mean = sum(ev) / ev.length;
        int c = 0;
        for (double l : ev) {
            if (l > mean) {
                c++;
            }
        }
        return c;
    }

    static double brokenStick(double[] ev) {
        int p = ev.length;
        double total = sum(ev);
        for (int i = 0; i < p; i++) {
            double bs = 0;
            for (int j = i; j < p; j++) {
                bs += 1.0 / (j + 1);
            }
            bs /= p;
            if (bs > ev[i] / total) {
                return i + 1;
            }
        }
        return 0;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "lpca[%s]", options.version().label());
    }
}
