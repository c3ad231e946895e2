package org.repgap.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
 * Synthetic, seeded data of the shape the analyses produce, one set per chart kind: for the gallery,
 * the tests and trying styles out. The numbers imitate results (a d = 4 learning curve, a
 * two-dimensional manifold seen by several estimators), they are not results.
 */
public final class SampleData {
    private SampleData() {
    }

    /** Sample data of {@code kind}, deterministic for a given seed. */
    public static ChartData of(ChartKind kind, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        switch (kind) {
            case LEARNING_CURVE:
                return learningCurve(rng);
            case ID_COMPARISON:
                return idComparison(rng);
            case TWONN:
                return twoNn(rng);
            case SCALE:
                return scale(rng);
            case LOCAL_ID:
                return histogram(rng);
            case QUANTIZATION:
                return quantization(rng);
            case TRAINING:
                return training(rng);
            case SIGMA_GAP:
                return sigmaGap();
            case EQUIVARIANCE:
                return equivariance(rng);
            case CONSTRAINTS:
                return constraints();
            default:
                throw new AssertionError(kind);
        }
    }

    /** {@code RG_n = n^(-1/2)} (d = 4) with seed noise, fitted on n <= 3200 and extrapolated beyond. */
    static LearningCurveData learningCurve(SplittableRandom rng) {
        List<LearningCurveData.Point> pts = new ArrayList<>();
        for (int j = 0; j < 8; j++) {
            double n = 100 * Math.pow(2, j);
            double truth = 1.1 * Math.pow(n, -0.5);
            double mean = truth * (1 + 0.03 * gauss(rng));
            double sd = truth * (0.12 - 0.01 * j);
            pts.add(new LearningCurveData.Point(n, mean, mean - sd, mean + sd));
        }
        double[] x = logspace(100, 12800, 30);
        double[] law = new double[x.length];
        double[] fit = new double[x.length];
        double[] lo = new double[x.length];
        double[] hi = new double[x.length];
        double lc = Math.log(3200);
        for (int i = 0; i < x.length; i++) {
            law[i] = 1.1 * Math.pow(x[i], -0.5);
            fit[i] = 1.05 * Math.pow(x[i], -0.49);
            double w = 0.04 + 0.05 * Math.abs(Math.log(x[i]) - 0.5 * (Math.log(100) + lc));
            lo[i] = fit[i] * Math.exp(-w);
            hi[i] = fit[i] * Math.exp(w);
        }
        return new LearningCurveData(pts, List.of(new Curve("law, d = 4 (TwoNN)", x, law)),
                List.of(new LearningCurveData.FittedLaw("power fit", x, fit, lo, hi, 2 / 0.49, 3.7, 4.5)), 3200, null, null);
    }

    static IdComparisonData idComparison(SplittableRandom rng) {
        String[] est = {"MLE", "TwoNN", "GRIDE", "TLE", "CorrInt", "local PCA", "quantization"};
        List<IdComparisonData.Estimate> list = new ArrayList<>();
        for (String e : est) {
            double v = 3 + 0.25 * gauss(rng);
            list.add(new IdComparisonData.Estimate(e, "without symmetry", v, v - 0.2 - 0.1 * rng.nextDouble(), v + 0.2 + 0.1 * rng.nextDouble()));
        }
        for (String e : est) {
            double v = 2 + 0.15 * gauss(rng);
            list.add(new IdComparisonData.Estimate(e, "modulo SO(2)", v, v - 0.15 - 0.1 * rng.nextDouble(), v + 0.15 + 0.1 * rng.nextDouble()));
        }
        return new IdComparisonData(list, 2);
    }

    static TwoNnDiagnosticData twoNn(SplittableRandom rng) {
        double[] mu = new double[400];
        for (int i = 0; i < mu.length; i++) {
            mu[i] = Math.pow(1 - rng.nextDouble(), -1.0 / 2);
        }
        return TwoNnDiagnosticData.fromRatios(mu, 0.1, 2.03);
    }

    static ScaleAnalysisData scale(SplittableRandom rng) {
        double[] n2 = {2, 4, 8, 16, 32, 64, 128, 256};
        double[] id = new double[n2.length];
        double[] lo = new double[n2.length];
        double[] hi = new double[n2.length];
        for (int i = 0; i < n2.length; i++) {
            id[i] = 2 + 0.9 * Math.exp(-i) + 0.02 * i * i + 0.03 * gauss(rng);
            double w = 0.35 / Math.sqrt(i + 1.0);
            lo[i] = id[i] - w;
            hi[i] = id[i] + w;
        }
        return new ScaleAnalysisData("neighbour rank n₂", true,
                List.of(new ScaleAnalysisData.Series("GRIDE", n2, id, lo, hi)), 2);
    }

    static HistogramData histogram(SplittableRandom rng) {
        double[] v = new double[1500];
        for (int i = 0; i < v.length; i++) {
            v[i] = 2.05 + 0.35 * gauss(rng) + (rng.nextDouble() < 0.1 ? 1.0 : 0);
        }
        return new HistogramData("local intrinsic dimension", v, 0,
                List.of(new HistogramData.Reference("global MLE", 2.12), new HistogramData.Reference("true ID", 2)));
    }

    static QuantizationCurveData quantization(SplittableRandom rng) {
        double[] k = {2, 4, 8, 16, 32, 64, 128, 256, 512};
        double[] e = new double[k.length];
        for (int i = 0; i < k.length; i++) {
            e[i] = 2.5 * Math.pow(k[i], -2.0 / 3) * (1 + 0.04 * gauss(rng));
        }
        double slope = -0.662;
        return new QuantizationCurveData(k, e, slope, Math.log(2.5), -2 / slope);
    }

    static TrainingCurvesData training(SplittableRandom rng) {
        int m = 101;
        double[] step = new double[m];
        double[] train = new double[m];
        double[] test = new double[m];
        for (int i = 0; i < m; i++) {
            step[i] = 20.0 * i;
            train[i] = 0.08 + 0.9 * Math.exp(-step[i] / 250) + 0.004 * Math.abs(gauss(rng));
            test[i] = 0.12 + 0.85 * Math.exp(-step[i] / 280) + 0.006 * Math.abs(gauss(rng));
        }
        return new TrainingCurvesData("denoising loss", true, List.of(new Curve("train", step, train), new Curve("test", step, test)));
    }

    static SigmaGapData sigmaGap() {
        double[] sigma = logspace(0.002, 80, 12);
        List<SigmaGapData.Run> runs = new ArrayList<>();
        double[][] peak = {{0.09, 0.5}, {0.05, 0.3}};
        String[] names = {"plain", "equivariant"};
        for (int r = 0; r < 2; r++) {
            double[] gap = new double[sigma.length];
            double[] ideal = new double[sigma.length];
            for (int i = 0; i < sigma.length; i++) {
                double z = Math.log(sigma[i] / peak[r][1]);
                gap[i] = peak[r][0] * Math.exp(-z * z / 4);
                ideal[i] = 1.4 * peak[r][0] * Math.exp(-z * z / 5);
            }
            runs.add(new SigmaGapData.Run(names[r], sigma, gap, ideal));
        }
        return new SigmaGapData(runs);
    }

    static EquivarianceErrorData equivariance(SplittableRandom rng) {
        int m = 51;
        double[] step = new double[m];
        double[] plain = new double[m];
        double[] canon = new double[m];
        double[] constrained = new double[m];
        for (int i = 0; i < m; i++) {
            step[i] = 40.0 * i;
            plain[i] = 0.3 * Math.exp(-step[i] / 3000) * (1 + 0.05 * gauss(rng));
            canon[i] = 2e-7 * (1 + 0.2 * Math.abs(gauss(rng)));
            constrained[i] = 0.3 * Math.exp(-step[i] / 300) + 1e-4;
        }
        return new EquivarianceErrorData("step", List.of(new Curve("plain", step, plain),
                new Curve("constrained", step, constrained), new Curve("canonicalized", step, canon)));
    }

    static ConstraintTrajectoriesData constraints() {
        int m = 101;
        double[] step = new double[m];
        for (int i = 0; i < m; i++) {
            step[i] = 20.0 * i;
        }
        List<Curve> gammas = new ArrayList<>();
        List<Curve> duals = new ArrayList<>();
        for (int l = 0; l < 3; l++) {
            double[] g = new double[m];
            double[] d = new double[m];
            for (int i = 0; i < m; i++) {
                double t = step[i] / (400.0 * (l + 1));
                g[i] = Math.exp(-t) * Math.cos(1.5 * t);
                d[i] = (0.4 + 0.2 * l) * (1 - Math.exp(-t));
            }
            gammas.add(new Curve("γ" + sub(l + 1), step, g));
            duals.add(new Curve("λ" + sub(l + 1), step, d));
        }
        return new ConstraintTrajectoriesData(gammas, duals);
    }

    private static String sub(int i) {
        return String.valueOf((char) ('\u2080' + i));
    }

    static double[] logspace(double a, double b, int m) {
        double[] x = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = a * Math.pow(b / a, i / (m - 1.0));
        }
        return x;
    }

    private static double gauss(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
