package org.repgap.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 defect 9: each LCDB family evaluates exactly as LCDB's own fitting code,
 * {@code get_fun_model_id(beta, model_id)} in {@code publications/2022-ecml/analysis/utils_fit.py}
 * of {@code github.com/fmohr/lcdb} (commit e105db0), with the parameter vector in LCDB's order
 * {@code beta = (a, b, c, d)}. The lambdas below are transcribed from that file (numpy to Java).
 */
class LearningCurveDatabaseDefinitionsTest {

    private static final Map<String, BiFunction<double[], Double, Double>> LCDB = Map.ofEntries(
            Map.entry("pow2", (p, x) -> -p[0] * Math.pow(x, -p[1])),
            Map.entry("pow3", (p, x) -> p[0] - p[1] * Math.pow(x, -p[2])),
            Map.entry("log2", (p, x) -> -p[0] * Math.log(x) + p[1]),
            Map.entry("exp3", (p, x) -> p[0] * Math.exp(-p[1] * x) + p[2]),
            Map.entry("vap3", (p, x) -> Math.exp(p[0] + p[1] / x + p[2] * Math.log(x))),
            Map.entry("mmf4", (p, x) -> (p[0] * p[1] + p[2] * Math.pow(x, p[3])) / (p[1] + Math.pow(x, p[3]))),
            Map.entry("wbl4", (p, x) -> p[2] - p[1] * Math.exp(-p[0] * Math.pow(x, p[3]))),
            Map.entry("exp4", (p, x) -> p[2] - Math.exp(-p[0] * Math.pow(x, p[3]) + p[1])),
            Map.entry("pow4", (p, x) -> p[0] - p[1] * Math.pow(x + p[3], -p[2])),
            Map.entry("ilog2", (p, x) -> p[1] - p[0] / Math.log(x)),
            Map.entry("expd3", (p, x) -> p[2] - (p[2] - p[0]) * Math.exp(-p[1] * x)),
            Map.entry("logpower3", (p, x) -> p[0] / (1 + Math.pow(x / Math.exp(p[1]), p[2]))));

    /** Parameters of both signs, so a sign or letter swap shows. */
    private static final double[] BETA = {0.7, -1.3, 0.45, 0.6};

    @Test
    void everyLcdbFamilyMatchesLcdbsCode() {
        Map<String, Law> ours = LearningCurveDatabaseLaws.all();
        for (Map.Entry<String, BiFunction<double[], Double, Double>> e : LCDB.entrySet()) {
            Law law = ours.get(e.getKey());
            int k = law.parameters().size();
            double[] p = java.util.Arrays.copyOf(BETA, k);
            if (e.getKey().equals("logpower3") || e.getKey().equals("vap3")) {
                p[1] = 1.3;
            }
            for (double x : List.of(2.0, 16.0, 128.0, 1000.0)) {
                double want = e.getValue().apply(p, x);
                // same operations up to pow vs exp(log) rewriting: a few ulp
                assertEquals(want, law.predict(p, x), 1e-12 * Math.max(1, Math.abs(want)), e.getKey() + " at x = " + x);
            }
            assertEquals(List.of("a", "b", "c", "d").subList(0, k), law.parameterNames(), e.getKey() + " letters");
        }
    }

    /** pow2, pow3 and pow4 have LCDB's exponent letter in dimension = 2 / exponent. */
    @Test
    void impliedDimensionUsesLcdbsExponent() {
        Map<String, Law> ours = LearningCurveDatabaseLaws.all();
        assertEquals(2 / 0.4, ours.get("pow2").impliedDimension(new double[] {-2, 0.4}), 1e-15);
        assertEquals(2 / 0.5, ours.get("pow3").impliedDimension(new double[] {0.2, -3, 0.5}), 1e-15);
        assertEquals(2 / 0.5, ours.get("pow4").impliedDimension(new double[] {0.2, -3, 0.5, 20}), 1e-15);
    }
}
