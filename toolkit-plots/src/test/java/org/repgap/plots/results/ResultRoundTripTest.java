package org.repgap.plots.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.repgap.InvalidInputException;
import org.repgap.data.PointCloud;
import org.repgap.datasets.Datasets;
import org.repgap.fit.FitAnalysis;
import org.repgap.fit.FitReport;
import org.repgap.fit.Law;
import org.repgap.fit.LearningCurve;
import org.repgap.fit.Laws;
import org.repgap.gap.GapAnalysis;
import org.repgap.gap.SlopeFit;
import org.repgap.group.Groups;
import org.repgap.id.DuplicatePolicy;
import org.repgap.id.IdContext;
import org.repgap.id.IdEstimation;
import org.repgap.id.IdEstimator;
import org.repgap.id.IdEstimators;
import org.repgap.id.IdReport;
import org.repgap.id.IdResult;
import org.repgap.id.TwoNnDiagnostic;
import org.repgap.json.Json;
import org.repgap.neighbors.Metric;
import org.repgap.neighbors.NeighborSearch;
import org.repgap.plots.ChartKind;
import org.repgap.plots.FigureSpec;
import org.repgap.plots.Figures;
import org.repgap.plots.OutputFormat;
import org.repgap.plots.data.LearningCurveData;
import org.repgap.plots.data.QuantizationCurveData;
import org.repgap.plots.data.TwoNnDiagnosticData;
import org.repgap.plots.io.ResultReader;
import org.repgap.progress.Progress;
import org.repgap.provenance.Provenance;
import org.repgap.quantization.QuantizationEstimator;
import org.repgap.quantization.QuantizationResult;

/**
 * Every chart kind drawn from a record the core computed in the test, then from the record's JSON
 * read back by {@link ResultReader}: the same SVG bytes, so a saved result draws the figure its
 * command drew. The records are real output (estimators on a sphere, the gap analysis, the
 * quantization estimator, scaling-law fits with bootstrap bands), not hand-written JSON.
 */
class ResultRoundTripTest {

    @TempDir
    static Path tmp;

    static IdReport id;
    static GapAnalysis.Result gap;
    static FitReport fit;

    @BeforeAll
    static void compute() {
        PointCloud x = Datasets.generate("sphere:2", 400, 1);
        IdContext ctx = IdContext.of(x, IdContext.defaultSearch(Metric.euclidean(), x.dim()), DuplicatePolicy.DEDUPLICATE,
                Progress.NONE);
        List<IdEstimator> estimators = new ArrayList<>();
        for (String name : List.of("mle", "twonn", "gride")) {
            estimators.addAll(IdEstimators.createScales(name, IdEstimators.Settings.defaults(), ctx.n()));
        }
        List<IdResult> results = IdEstimation.run(estimators, ctx,
                new IdEstimation.Options(20, 3, 0.95, true, IdEstimation.Resampling.AUTO));
        IdResult twonn = results.stream().filter(r -> r.estimator().equals("twonn")).findFirst().orElseThrow();
        id = IdReport.of(ctx, results).withGroup("signs").withTwoNnDiagnostic(TwoNnDiagnostic.of(ctx, 0.1, twonn.dimension()));

        QuantizationResult[] q = new QuantizationResult[1];
        GapAnalysis.Options go = new GapAnalysis.Options(
                org.repgap.gap.RepresentationGapCurve.Options.leaveOneOut(new int[] {50, 100, 200}, 2, 5),
                new SlopeFit.Options(SlopeFit.Method.OLS, 0.95, 100, 5), null, "quantization", 5, null);
        gap = GapAnalysis.run(x, Groups.parse("signs"), m -> NeighborSearch.auto(m, x.dim()), go, (data, g) -> {
            q[0] = QuantizationEstimator.estimate(data, QuantizationEstimator.Options.defaults(5));
            return q[0].dimension();
        }, Progress.NONE).withQuantization(q[0]);

        List<FitReport.Input> inputs = new ArrayList<>();
        for (String arch : List.of("cnn", "mlp")) {
            double scale = arch.equals("cnn") ? 30 : 60;
            double[][] xs = new double[16][];
            double[] ys = new double[16];
            for (int i = 0; i < 8; i++) {
                double n = 10 * Math.pow(2, i);
                double y = 1 + scale * Math.pow(n, -0.6);
                xs[2 * i] = new double[] {n};
                xs[2 * i + 1] = new double[] {n};
                ys[2 * i] = y * 1.01;
                ys[2 * i + 1] = y / 1.01;
            }
            inputs.add(new FitReport.Input(Map.of("arch", arch), LearningCurve.of(xs, ys)));
        }
        List<Law> laws = List.of(Laws.power(), Laws.powerWithOffset(), Laws.representationGap(Double.NaN));
        FitAnalysis.Options fo = FitAnalysis.Options.defaults().withBootstrap(40, 7).withHoldout(0.75);
        fit = FitReport.run(laws, inputs, fo, new FitReport.Settings("n", "test_loss", null, 1, true),
                Provenance.of("test", Map.of(), null, 7L), w -> { }, Progress.NONE);
    }

    private static byte[] svg(FigureSpec spec) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Figures.write(spec, OutputFormat.SVG, out);
        return out.toByteArray();
    }

    /** The record's figure and the figure of its JSON read back, as SVG bytes. */
    private static void assertSameFigure(Object record, ChartKind kind, String name) throws Exception {
        Path file = tmp.resolve(name + ".json");
        Files.writeString(file, Json.write(record));
        byte[] direct = svg(Figures.of(record, kind));
        byte[] read = svg(ResultReader.figure(file, kind));
        assertTrue(direct.length > 1000, name);
        assertEquals(new String(direct, StandardCharsets.UTF_8), new String(read, StandardCharsets.UTF_8), name);
        assertArrayEquals(direct, read, name);
    }

    @Test
    void idKindsDrawTheSameFromTheirJson() throws Exception {
        assertSameFigure(id, null, "id");
        assertSameFigure(id, ChartKind.LOCAL_ID, "local-id");
        assertSameFigure(id, ChartKind.SCALE, "scale");
        assertSameFigure(id, ChartKind.TWONN, "twonn");
    }

    @Test
    void gapAndItsQuantizationCurveDrawTheSameFromTheirJson() throws Exception {
        assertSameFigure(gap, null, "gap");
        assertSameFigure(gap, ChartKind.QUANTIZATION, "gap-quantization");
        assertSameFigure(gap.quantization(), null, "quantization");
    }

    @Test
    void fitDrawsTheSameFromItsJson() throws Exception {
        assertSameFigure(fit, null, "fit");
    }

    @Test
    void jsonReadsBackIntoEqualRecords() throws Exception {
        Path file = tmp.resolve("fit-eq.json");
        Files.writeString(file, Json.write(fit));
        assertEquals(fit, ResultReader.read(file));
        Files.writeString(file, Json.write(gap.quantization()));
        QuantizationResult q = assertInstanceOf(QuantizationResult.class, ResultReader.read(file));
        assertEquals(gap.quantization().distortions(), q.distortions());
        Files.writeString(file, Json.write(id));
        IdReport back = assertInstanceOf(IdReport.class, ResultReader.read(file));
        assertEquals(Json.write(id), Json.write(back), "the JSON is a fixed point of read-then-write");
    }

    /** The figures draw the records' own numbers: the core's law predictions, the estimator's line, the diagnostic. */
    @Test
    void figuresDrawTheRecordsNumbers() {
        LearningCurveData g = GapCharts.learningCurve(gap);
        double[] lx = g.laws().get(0).x();
        double[] ly = g.laws().get(0).y();
        for (int i = 0; i < lx.length; i++) {
            assertEquals(gap.law().predict(lx[i]), ly[i], 0, "law at " + lx[i]);
        }
        assertTrue(g.yLabel().contains("mod signs"), g.yLabel());

        QuantizationCurveData qc = QuantizationCharts.curve(gap.quantization());
        assertEquals(gap.quantization().slope(), qc.slope(), 0);
        assertEquals(gap.quantization().distortions().get(0).distortion(), qc.error()[0], 0);

        TwoNnDiagnosticData t = IdCharts.twoNn(List.of(id));
        // the diagnostic is the TwoNN fit: least squares through the origin of its fitted points gives the estimate
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < t.fittedCount(); i++) {
            sxy += t.logMu()[i] * t.negLogOneMinusF()[i];
            sxx += t.logMu()[i] * t.logMu()[i];
        }
        IdResult twonn = id.estimates().stream().filter(r -> r.estimator().equals("twonn")).findFirst().orElseThrow();
        assertEquals(twonn.dimension(), sxy / sxx, 1e-12 * twonn.dimension());

        List<LearningCurveData> panels = FitCharts.panels(fit);
        assertEquals(2, panels.size());
        FitReport.LawFit best = fit.fits().get(0);
        LearningCurveData.FittedLaw drawn = panels.get(0).fits().get(0);
        assertEquals(best.law(), drawn.label());
        assertEquals(fit.law(best).predict(best.values(), drawn.x()[3]), drawn.y()[3], 0);
        assertTrue(drawn.hasBand(), "the bootstrap band is in the record");
        assertTrue(Double.isFinite(panels.get(0).extrapolateFrom()), "the holdout region");
        assertTrue(panels.get(1).yLabel().contains("arch = mlp"), panels.get(1).yLabel());
    }

    @Test
    void kindsAResultCannotMakeAreUserErrors() {
        String m = assertThrows(InvalidInputException.class, () -> Figures.of(fit, ChartKind.TWONN)).getMessage();
        assertTrue(m.contains("twonn") && m.contains("learning-curve"), m);
        IdReport plain = IdReport.of(IdContext.of(Datasets.generate("sphere:2", 50, 1)), id.estimates());
        m = assertThrows(InvalidInputException.class, () -> Figures.of(plain, ChartKind.TWONN)).getMessage();
        assertTrue(m.contains("--diagnostic"), m);
    }
}
