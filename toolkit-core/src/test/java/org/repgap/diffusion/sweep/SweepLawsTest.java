package org.repgap.diffusion.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.repgap.InvalidInputException;
import org.repgap.json.Json;

/** The law checks on a planted sweep directory, where every figure is known in closed form. */
class SweepLawsTest {

    private static final double[] FACTORS = {0.1, 0.5, 1};

    /**
     * Writes a sweep whose gaps follow {@code A_s n^slope} exactly for seed {@code s} (amplitudes differ per seed),
     * memorised (fraction 1) up to {@code lastMemorised} and not beyond.
     */
    private static void plant(Path dir, String mech, double slope, double[] amplitude, int[] sizes, int lastMemorised) throws Exception {
        Files.createDirectories(dir.resolve("runs"));
        Map<String, Object> fixed = new LinkedHashMap<>();
        fixed.put("data", "planted");
        fixed.put("group", "so2");
        fixed.put("sigma_factors", FACTORS);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("fixed", fixed);
        config.put("mechanisms", List.of("none", "canonical"));
        Files.writeString(dir.resolve("config.json"), Json.write(config));
        for (int n : sizes) {
            for (int s = 0; s < amplitude.length; s++) {
                double g = amplitude[s] * Math.pow(n, slope);
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("run_id", mech + "-n" + n + "-s" + s);
                r.put("n", n);
                r.put("seed", s);
                r.put("group", "so2");
                r.put("equivariance", mech);
                r.put("steps", 100 * n);
                r.put("sample_rg", g);
                r.put("ideal_rg", g / 0.9);
                r.put("n_eff", 2.0 * n);
                r.put("sample_rg_plain", 10 * g);
                r.put("ideal_rg_plain", 10 * g);
                r.put("n_eff_plain", (double) n);
                r.put("memorization", n <= lastMemorised ? 1.0 : 0.1);
                r.put("final_gamma", Double.NaN);
                List<Map<String, Object>> sig = new ArrayList<>();
                for (double f : FACTORS) {
                    sig.add(Map.of("sigma", f, "gap", f * g, "ideal_gap", g, "ideal_plain_gap", 2 * g));
                }
                r.put("sigmas", sig);
                Path run = dir.resolve("runs").resolve(mech + "-n" + n + "-s" + s);
                Files.createDirectories(run);
                Files.writeString(run.resolve("result.json"), Json.write(r).replace("NaN", "null"));
            }
        }
    }

    @Test
    void plantedPowerLawsAreRecoveredPerRegimeWithTheirMetrics(@TempDir Path dir) throws Exception {
        int[] sizes = {4, 8, 16, 32, 64};
        plant(dir, "none", -0.7, new double[] {1, 1.2, 0.9}, sizes, 16);
        plant(dir, "canonical", -1.0, new double[] {0.5, 0.55, 0.45}, sizes, 64);
        SweepLaws laws = SweepLaws.of(dir, 0.5);
        assertEquals(List.of("none", "canonical"), laws.mechanisms().stream().map(SweepLaws.Mechanism::mechanism).toList());
        SweepLaws.Mechanism none = laws.mechanisms().get(0);
        SweepLaws.Mechanism canonical = laws.mechanisms().get(1);
        // none is judged in the plain metric, canonical in the orbit metric
        assertEquals("sample_rg_plain", none.column());
        assertEquals("sample_rg", canonical.column());
        assertEquals(1.0, none.sizes().get(0).ratio().value(), 1e-12, "plain gap / plain ideal");
        assertEquals(0.9, canonical.sizes().get(0).ratio().value(), 1e-12, "orbit gap / orbit ideal");
        // the mean over seeds of A_s n^b is (mean A) n^b: every resample has the same slope, so the interval is the point
        assertEquals(-0.7, none.memorisation().value(), 1e-12);
        assertEquals(-0.7, none.memorisation().ciLow(), 1e-12);
        assertEquals(-0.7, none.memorisation().ciHigh(), 1e-12);
        assertEquals(List.of(4, 8, 16), java.util.Arrays.stream(none.memorisation().sizes()).boxed().toList());
        assertEquals(-0.7, none.generalisation().value(), 1e-12);
        assertEquals(32, none.crossover());
        assertEquals(-1.0, canonical.all().value(), 1e-12);
        assertNull(canonical.generalisation(), "every size memorised");
        assertNull(canonical.crossover());
        // GG at 0.5 sigma_data is 0.5 g: same exponent; the ideal columns are read from the same row
        assertEquals(-1.0, canonical.ggExponent().value(), 1e-12);
        assertEquals(0.5 * canonical.sizes().get(2).gap(), canonical.sizes().get(2).gg(), 1e-15);
        assertEquals(2 * canonical.sizes().get(2).gap(), canonical.sizes().get(2).idealPlainGg(), 1e-15);
        // n_eff ratio canonical / none = 2n / n
        assertEquals(2.0, laws.nEffRatios().get(0).ratio(), 1e-12);
        assertNull(none.predicted(), "no dimensions.json: no prediction");
    }

    @Test
    void seedsThatDisagreeGiveAnIntervalAroundTheEstimate(@TempDir Path dir) throws Exception {
        // seed 0 follows n^-1, seed 1 n^-0.5 (both amplitude 1): resamples {0,0} -> -1, {1,1} -> -0.5, mixed in between
        plant(dir, "canonical", -1.0, new double[] {1}, new int[] {4, 16, 64}, 64);
        for (int n : new int[] {4, 16, 64}) {
            Path run = dir.resolve("runs/canonical-n" + n + "-s1");
            Files.createDirectories(run);
            String s0 = Files.readString(dir.resolve("runs/canonical-n" + n + "-s0/result.json"));
            var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(s0);
            tree.put("seed", 1);
            tree.put("sample_rg", Math.pow(n, -0.5));
            Files.writeString(run.resolve("result.json"), Json.write(tree));
        }
        SweepLaws.Exponent e = SweepLaws.of(dir, 0.5).mechanisms().get(0).all();
        assertTrue(e.ciLow() >= -1.0 - 1e-12 && e.ciLow() < e.value(), e.toString());
        assertTrue(e.ciHigh() <= -0.5 + 1e-12 && e.ciHigh() > e.value(), e.toString());
        assertEquals(-1.0, e.ciLow(), 1e-9, "2000 replicates of 2 seeds draw {0,0} often enough for the 2.5% quantile");
    }

    @Test
    void aSigmaFactorOffTheGridIsRefused(@TempDir Path dir) throws Exception {
        plant(dir, "none", -0.7, new double[] {1}, new int[] {4, 8}, 8);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SweepLaws.of(dir, 0.3));
        assertTrue(e.getMessage().contains("sigma factor 0.3"), e.getMessage());
        InvalidInputException none = assertThrows(InvalidInputException.class, () -> SweepLaws.of(dir.resolve("runs"), 0.5));
        assertTrue(none.getMessage().contains("not a sweep directory"), none.getMessage());
    }
}
