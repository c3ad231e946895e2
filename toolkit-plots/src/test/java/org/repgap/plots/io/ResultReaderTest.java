package org.repgap.plots.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.repgap.InvalidInputException;
import org.repgap.plots.ChartKind;
import org.repgap.plots.data.ConstraintTrajectoriesData;
import org.repgap.plots.data.EquivarianceErrorData;
import org.repgap.plots.data.HistogramData;
import org.repgap.plots.data.IdComparisonData;
import org.repgap.plots.data.LearningCurveData;
import org.repgap.plots.data.ScaleAnalysisData;
import org.repgap.plots.data.SigmaGapData;
import org.repgap.plots.data.TrainingCurvesData;
import org.repgap.plots.data.TwoNnDiagnosticData;

/** Reading the saved results of the analysis commands (fixtures in src/test/resources, see README there). */
class ResultReaderTest {

    private static Path res(String name) throws URISyntaxException {
        return Path.of(ResultReaderTest.class.getResource("/org/repgap/plots/results/" + name).toURI());
    }

    @Test
    void gapResultMakesALearningCurveWithLawAndSlopeBand() throws Exception {
        LearningCurveData d = (LearningCurveData) ResultReader.read(res("gap.json"), null);
        assertEquals(5, d.points().size());
        assertEquals(100, d.points().get(0).n());
        assertEquals(200, d.points().get(1).n(), "points sorted by n");
        assertEquals(0.078 - 0.008, d.points().get(1).low(), 1e-12);
        assertEquals(1, d.laws().size());
        assertTrue(d.laws().get(0).label().contains("twonn"));
        // law: 1.1 n^-0.5 at n = 100 is 0.11
        assertEquals(0.11, d.laws().get(0).y()[0], 1e-12);
        LearningCurveData.FittedLaw fit = d.fits().get(0);
        assertEquals(4.02, fit.dImplied(), 1e-12);
        // d interval from the slope interval: 2/0.53 and 2/0.46
        assertEquals(2 / 0.53, fit.dLow(), 1e-12);
        assertEquals(2 / 0.46, fit.dHigh(), 1e-12);
        double[] y = fit.y();
        double[] lo = fit.bandLow();
        double[] hi = fit.bandHigh();
        for (int i = 0; i < y.length; i++) {
            assertTrue(lo[i] <= y[i] * (1 + 1e-12) && y[i] <= hi[i] * (1 + 1e-12), "band must bracket the fit at " + i);
        }
        // the band is narrowest at the centroid of log n and wider at the ends
        assertTrue(hi[0] / lo[0] > 1.05);
    }

    @Test
    void fitResultEvaluatesKnownLawsAndSkipsUnknownOnes() throws Exception {
        LearningCurveData d = (LearningCurveData) ResultReader.read(res("fit.json"), ChartKind.LEARNING_CURVE);
        assertEquals(5, d.points().size());
        assertEquals(2, d.fits().size(), "broken_power has no formula here and no curve: omitted");
        LearningCurveData.FittedLaw power = d.fits().get(0);
        assertTrue(power.hasBand());
        assertEquals(3, power.x().length, "band given at 3 x values");
        assertEquals(1.1 * Math.pow(1000, -0.5), power.y()[1], 1e-9);
        assertEquals(2 / 0.55, power.dLow(), 1e-12);
        assertEquals(2 / 0.45, power.dHigh(), 1e-12);
        // 4 of 5 points used: extrapolation begins after the 4th smallest x
        assertEquals(3000, d.extrapolateFrom());
        assertEquals(1000, d.points().get(2).n());
        assertEquals(Double.NaN, d.points().get(2).low(), "missing y_low stays missing");
    }

    @Test
    void idResultsGroupEstimatesAndKeepTheTrueId() throws Exception {
        IdComparisonData d = (IdComparisonData) ResultReader.read(res("id.json"), null);
        assertEquals(2, d.trueId());
        assertEquals(7, d.estimates().size(), "the null twonn estimate is dropped");
        assertEquals("without symmetry", d.estimates().get(0).group());
        assertEquals("modulo so2", d.estimates().get(6).group());
        assertEquals("gride (n2 = 8)", d.estimates().get(3).estimator());
    }

    @Test
    void localIdScaleAndTwoNnFromTheSameIdResult() throws Exception {
        HistogramData h = (HistogramData) ResultReader.read(res("id.json"), ChartKind.LOCAL_ID);
        assertEquals(8, h.values().length);
        assertTrue(Double.isNaN(h.values()[3]));
        assertEquals(2.9, h.references().get(0).value());

        ScaleAnalysisData s = (ScaleAnalysisData) ResultReader.read(res("id.json"), ChartKind.SCALE);
        ScaleAnalysisData.Series gride = s.series().get(0);
        assertEquals(1, s.series().size(), "mle at one scale is no scale analysis");
        assertEquals("gride (without symmetry)", gride.label());
        assertEquals(List.of(2.0, 8.0, 32.0), List.of(gride.scale()[0], gride.scale()[1], gride.scale()[2]));

        TwoNnDiagnosticData t = (TwoNnDiagnosticData) ResultReader.read(res("id.json"), ChartKind.TWONN);
        // 12 ratios: 11 points (F = 1 dropped), floor(12 * 0.9) = 10 fitted, -log(1 - 1/12) first
        assertEquals(11, t.logMu().length);
        assertEquals(10, t.fittedCount());
        assertEquals(Math.log(1.01), t.logMu()[0], 1e-12);
        assertEquals(-Math.log(1 - 1.0 / 12), t.negLogOneMinusF()[0], 1e-12);
        assertEquals(2.05, t.dimension());

        // e_k = 2^(2/3) k^(-2/3) exactly: the least-squares line recovers slope -2/3 and intercept (2/3) ln 2
        org.repgap.plots.data.QuantizationCurveData q =
                (org.repgap.plots.data.QuantizationCurveData) ResultReader.read(res("id.json"), ChartKind.QUANTIZATION);
        assertEquals(-2.0 / 3, q.slope(), 1e-12);
        assertEquals(2.0 / 3 * Math.log(2), q.intercept(), 1e-12);
        assertEquals(3.0, q.dimension());
    }

    @Test
    void trainerCsvMakesTrainingConstraintEquivarianceAndSigmaCharts() throws Exception {
        TrainingCurvesData tr = (TrainingCurvesData) ResultReader.read(res("history.csv"), null);
        assertEquals(2, tr.curves().size());
        assertTrue(Double.isNaN(tr.curves().get(1).y()[4]), "empty cell is NaN");
        ConstraintTrajectoriesData c = (ConstraintTrajectoriesData) ResultReader.read(res("history.csv"), ChartKind.CONSTRAINTS);
        assertEquals(List.of("γ₁", "γ₂"), c.gammas().stream().map(cu -> cu.label()).toList());
        assertEquals(List.of("λ₁", "λ₂"), c.duals().stream().map(cu -> cu.label()).toList());
        EquivarianceErrorData e = (EquivarianceErrorData) ResultReader.read(res("history.csv"), ChartKind.EQUIVARIANCE);
        assertEquals(0.004, e.curves().get(0).y()[4]);
        SigmaGapData s = (SigmaGapData) ResultReader.read(res("sigmas.csv"), null);
        assertEquals(2, s.runs().size());
        assertEquals(0.1, s.runs().get(0).sigma()[1], "sorted by sigma");
        assertEquals(0.05, s.runs().get(0).gap()[1]);
        assertEquals(0.07, s.runs().get(0).idealGap()[1]);
    }

    @Test
    void inMemoryResultTreesReadLikeFiles() throws Exception {
        com.fasterxml.jackson.databind.JsonNode tree = org.repgap.json.Json.mapper().readTree(
                "{\"estimates\": [{\"estimator\": \"mle\", \"dimension\": 2.1, \"ci_low\": 2.0, \"ci_high\": 2.2}]}");
        IdComparisonData d = (IdComparisonData) ResultReader.fromTree(tree, null, Path.of("fig.pdf"));
        assertEquals(2.1, d.estimates().get(0).value());
        assertEquals("", d.estimates().get(0).group(), "a single result without group has no group label");
    }

    @Test
    void missingRequiredFieldNamesFieldAndFile() throws Exception {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ResultReader.read(res("missing.json"), null));
        assertTrue(e.getMessage().contains("missing.json") && e.getMessage().contains("curve[0]")
                && e.getMessage().contains("'rg_mean'"), e.getMessage());
    }

    @Test
    void badInputsAreUserErrors(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"curve\": [");
        assertTrue(assertThrows(InvalidInputException.class, () -> ResultReader.read(bad, null)).getMessage().contains("not valid JSON"));
        Path csv = dir.resolve("h.csv");
        Files.writeString(csv, "step,loss\n0,abc\n");
        String m = assertThrows(InvalidInputException.class, () -> ResultReader.read(csv, null)).getMessage();
        assertTrue(m.contains("row 1") && m.contains("'loss'") && m.contains("abc"), m);
        assertThrows(InvalidInputException.class, () -> ResultReader.read(dir.resolve("none.json"), null));
        assertThrows(InvalidInputException.class, () -> ResultReader.read(csv, ChartKind.ID_COMPARISON));
    }

    @Test
    void lawCurvesMatchTheirFormulas() {
        double[] x = {1, 100};
        assertEquals(0.2, LawCurves.evaluate("rg", Map.of("C", 2.0, "d", 4.0), x).orElseThrow()[1], 1e-12);
        assertEquals(0.3, LawCurves.evaluate("power", Map.of("A", 3.0, "alpha", 0.5), x).orElseThrow()[1], 1e-12);
        assertEquals(1.3, LawCurves.evaluate("power+offset", Map.of("E", 1.0, "A", 3.0, "alpha", 0.5), x).orElseThrow()[1], 1e-12);
        assertTrue(LawCurves.evaluate("power", Map.of("A", 3.0), x).isEmpty(), "missing alpha");
        assertTrue(LawCurves.evaluate("bnsl", Map.of(), x).isEmpty());
        assertEquals(4.0, LawCurves.impliedD("power", Map.of("alpha", 0.5)));
        assertEquals(3.0, LawCurves.impliedD("rg", Map.of("d", 3.0)));
        assertTrue(Double.isNaN(LawCurves.impliedD("power", Map.of("alpha", -1.0))));
        assertNull(null);
    }
}
