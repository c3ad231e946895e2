package org.repgap.fit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Known parameters and input grids for every law, used by the Jacobian and recovery tests. */
final class LawFixtures {
    private LawFixtures() {
    }

    /** A law with true parameters. */
    record Case(Law law, double[] truth) {
        @Override
        public String toString() {
            return law.name() + (law instanceof BrokenPowerLaw b ? "(" + b.breaks() + ")" : "");
        }
    }

    static Map<String, Case> cases() {
        Map<String, Case> m = new LinkedHashMap<>();
        put(m, Laws.representationGap(Double.NaN), 5, 8);
        put(m, Laws.power(), 3, 0.3);
        put(m, Laws.powerWithOffset(), 1.5, 20, 0.5);
        put(m, Laws.broken(1), 0.05, 5, 0.1, 0.4, 1000, 0.3);
        m.put("broken2", new Case(Laws.broken(2), new double[] {0.02, 5, 0.05, 0.3, 100, 0.3, 0.4, 10000, 0.3}));
        Map<String, Law> lcdb = LearningCurveDatabaseLaws.all();
        put(m, lcdb.get("pow2"), -2, 0.4);
        put(m, lcdb.get("pow3"), 0.2, -3, 0.5);
        put(m, lcdb.get("pow4"), 0.2, -3, 0.5, 20);
        put(m, lcdb.get("pow4vl"), -0.01, 1, 1, 0.5);
        put(m, lcdb.get("log2"), 0.05, 1);
        put(m, lcdb.get("ilog2"), -1, 0.2);
        put(m, lcdb.get("exp3"), 0.5, 2e-4, 0.1);
        put(m, lcdb.get("expd3"), 0.8, 2e-4, 0.1);
        put(m, lcdb.get("exp4"), 0.5, -1, 0.5, 0.3);
        put(m, lcdb.get("vap3"), 0, 5, -0.3);
        put(m, lcdb.get("logpower3"), 2, Math.log(1000), 0.7);
        put(m, lcdb.get("mmf4"), 1.0, 30, 0.1, 0.6);
        put(m, lcdb.get("wbl4"), 0.2, -0.8, 0.1, 0.35);
        put(m, lcdb.get("janoschek4"), 0.1, 1.0, 0.2, 0.35);
        put(m, Laws.chinchilla(), 1.7, 400, 2000, 0.34, 0.37);
        return m;
    }

    private static void put(Map<String, Case> m, Law law, double... truth) {
        m.put(law.name(), new Case(law, truth));
    }

    /** Inputs: 40 sizes from 10 to 1e5 (log-spaced), or an 8 x 8 grid of (N, D) for two-input laws. */
    static double[][] inputs(Law law) {
        if (law.inputs() == 2) {
            double[][] x = new double[64][];
            for (int i = 0; i < 8; i++) {
                for (int j = 0; j < 8; j++) {
                    x[8 * i + j] = new double[] {1e7 * Math.pow(1e3, i / 7.0), 1e9 * Math.pow(1e3, j / 7.0)};
                }
            }
            return x;
        }
        double[][] x = new double[40][];
        for (int i = 0; i < 40; i++) {
            x[i] = new double[] {10 * Math.pow(1e4, i / 39.0)};
        }
        return x;
    }

    /** Standard normal by Box-Muller. */
    static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    /** {@code y = f(x; truth) exp(sigma z)}. */
    static CurvePoints synthetic(Case c, double sigma, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = inputs(c.law());
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = c.law().predict(c.truth(), x[i]) * Math.exp(sigma * gaussian(rng));
        }
        return CurvePoints.of(x, y);
    }
}
