package org.repgap.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.repgap.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.repgap.data.PointCloud;

/**
 * Every estimator is invariant under scaling of the data: a reference data set multiplied by 1e160, 1e200, 1e300
 * or 1e-200 (where squared distances overflow or underflow) gives the estimates of the unscaled set. Before the
 * internal rescaling these gave null dimensions, lpca 0 and gride 0.001.
 */
class ExtremeMagnitudeTest {

    /** scikit-dimension's M5a_Helix1d as in the reference tests (test resources, see their README). */
    private static final PointCloud HELIX = NpyTestReader.resource("/reference/skdim/datasets/M5a_Helix1d.npy").head(600);

    /**
     * Every estimator with its defaults on {@code x}, which is the helix times {@code factor}; TLE's absolute
     * {@code epsilon} (1e-4 in the helix's units) is given in {@code x}'s units, so that the same neighbours fall
     * below it.
     */
    private static List<Double> estimates(PointCloud x, double factor) {
        IdContext ctx = IdContext.of(x);
        List<Double> out = new ArrayList<>();
        for (String name : IdEstimators.names()) {
            List<IdEstimator> list = name.equals("tle")
                    ? List.of(TleEstimator.of(new TleEstimator.Options(20, 1e-4 * factor, Combination.MEAN)))
                    : IdEstimators.createScales(name, IdEstimators.Settings.defaults(), ctx.n());
            for (IdEstimator e : list) {
                out.add(IdEstimation.run(e, ctx).dimension());
            }
        }
        return out;
    }

    private static PointCloud scaled(PointCloud x, double factor) {
        return affine(x, factor, 0);
    }

    private static PointCloud affine(PointCloud x, double factor, double offset) {
        double[] v = x.values().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] = v[i] * factor + offset;
        }
        return PointCloud.wrap(x.n(), x.dim(), v, x.source() + " x " + factor + " + " + offset);
    }

    private static final Pattern RADII = Pattern.compile("r1=([^,]+),r2=([^)]+)\\)");

    /**
     * Distances reported to the user are in the input's units, not the rescaled ones: the scale distance of every
     * estimate and CorrInt's radii r1, r2 are {@code factor} times the unscaled ones (relative 1e-5: the radii are
     * printed with 6 significant digits, the scale distances move by rounding only). Before, they were the
     * internally rescaled values (e.g. 0.41 instead of 4.1e-201 at 1e-200).
     */
    @ParameterizedTest(name = "x {0}")
    @ValueSource(doubles = {1e200, 1e-200})
    void reportedDistancesAreInTheInputsUnits(double factor) {
        IdContext ref = IdContext.of(HELIX);
        IdContext big = IdContext.of(scaled(HELIX, factor));
        for (String name : List.of("mle", "twonn", "gride", "mom", "corrint")) {
            for (IdEstimator e : IdEstimators.createScales(name, IdEstimators.Settings.defaults(), ref.n())) {
                IdResult a = IdEstimation.run(e, ref);
                IdResult b = IdEstimation.run(e, big);
                assertEquals(1.0, b.scaleDistance() / (factor * a.scaleDistance()), 1e-9, name + " " + a.scale());
                Matcher ma = RADII.matcher(a.scale());
                Matcher mb = RADII.matcher(b.scale());
                if (ma.find() && mb.find()) {
                    for (int g = 1; g <= 2; g++) {
                        assertEquals(1.0, Double.parseDouble(mb.group(g)) / (factor * Double.parseDouble(ma.group(g))), 1e-5,
                                b.scale());
                    }
                } else {
                    assertEquals(a.scale(), b.scale());
                }
            }
        }
    }

    /**
     * TLE's epsilon is an absolute distance (1e-4 by default, the reference's): on data whose every distance is
     * below it, TLE drops every measurement. Named, it is refused with one line naming epsilon; in {@code all} it is
     * left out with that reason while the others run. Before, it returned a number made of nothing.
     */
    @Test
    void tleWithAnEpsilonAboveEveryDistanceIsRefusedNamingIt() {
        IdContext tiny = IdContext.of(scaled(HELIX, 1e-150));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> IdEstimators.select("tle", IdEstimators.Settings.defaults(), tiny, 60));
        assertTrue(e.getMessage().contains("epsilon = 1.0E-4"), e.getMessage());
        IdEstimators.Selection all = IdEstimators.select("all", IdEstimators.Settings.defaults(), tiny, 60);
        assertTrue(all.skipped().stream().anyMatch(s -> s.estimator().equals("tle") && s.reason().contains("epsilon")),
                all.skipped().toString());
        assertTrue(all.estimators().stream().noneMatch(x -> x.name().equals("tle")));
        // run directly (no selection): refused on the graph, every 20-th neighbour being within epsilon
        IdEstimator tle = IdEstimators.create("tle");
        assertThrows(InvalidInputException.class, () -> IdEstimation.run(tle, tiny));
    }

    /**
     * An offset far larger than the data's extent costs digits when the data are stored: at 1e9 the coordinates are
     * resolved to 1.2e-7, 3e-6 of the median nearest-neighbour distance (0.065), and every default estimate is the
     * centred one within 1e-4 relative; at 1e13 (resolution 0.03 of it) the estimates moved by up to 8% with exit 0;
     * now they are refused, naming the resolution and the remedy.
     */
    @Test
    void hugeOffsetsGiveTheSameEstimatesOrAreRefused() {
        List<Double> ref = estimates(HELIX, 1);
        List<Double> got = estimates(affine(HELIX, 1, 1e9), 1);
        for (int i = 0; i < ref.size(); i++) {
            assertEquals(ref.get(i), got.get(i), 1e-4 * ref.get(i), "estimate " + i + " at offset 1e9");
        }
        for (double offset : new double[] {1e13, -1e15}) {
            IdContext far = IdContext.of(affine(HELIX, 1, offset));
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> IdEstimation.run(IdEstimators.create("twonn"), far));
            assertTrue(e.getMessage().contains("resolved only to") && e.getMessage().contains("centre the data"), e.getMessage());
        }
    }

    /**
     * 25 vertices of a regular simplex: each point's 20 neighbours are at the same distance, so every MLE log-ratio
     * is 0 and the estimate 1/0. Refused with one line instead of printed as an undefined dimension.
     */
    @Test
    void anInfiniteEstimateIsRefused() {
        int m = 25;
        double[] v = new double[m * m];
        for (int i = 0; i < m; i++) {
            v[i * m + i] = 1;
        }
        IdContext simplex = IdContext.of(PointCloud.wrap(m, m, v, "simplex"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> IdEstimation.run(IdEstimators.create("mle"), simplex));
        assertTrue(e.getMessage().contains("not a dimension"), e.getMessage());
    }

    @ParameterizedTest(name = "x {0}")
    @ValueSource(doubles = {1e160, 1e200, 1e300, 1e-200, 1e-300, 0x1p-1000})
    void scaledCopiesGiveTheUnscaledEstimates(double factor) {
        List<Double> ref = estimates(HELIX, 1);
        List<Double> got = estimates(scaled(HELIX, factor), factor);
        assertEquals(ref.size(), got.size());
        for (int i = 0; i < ref.size(); i++) {
            assertNotNull(got.get(i), "estimate " + i + " undefined at scale " + factor);
            // multiplying by 10^k rounds each coordinate (relative 1e-16): the estimates move by rounding only
            assertEquals(ref.get(i), got.get(i), 1e-9 * Math.max(1, Math.abs(ref.get(i))), "estimate " + i + " at scale " + factor);
        }
    }
}
