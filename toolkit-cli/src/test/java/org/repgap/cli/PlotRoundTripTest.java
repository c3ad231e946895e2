package org.repgap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code repgap X --plot a.svg --format json -o r.json} then {@code repgap plot --input r.json -o b.svg}:
 * the same bytes, for every command that draws; and every chart kind can be made from some
 * command's saved output.
 */
class PlotRoundTripTest {

    @TempDir
    Path tmp;


    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** Runs the command with --plot and --format json, then plot on the JSON; asserts identical SVG. Returns the JSON. */
    private Path assertSameFigure(String name, String... command) throws IOException {
        Path direct = tmp.resolve(name + "-direct.svg");
        Path json = tmp.resolve(name + ".json");
        Path again = tmp.resolve(name + "-again.svg");
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--format", "json", "-o", json.toString(), "--plot", direct.toString()));
        CliRun r = run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        CliRun p = run("plot", "--input", json.toString(), "-o", again.toString());
        assertEquals(0, p.code(), p.err());
        assertArrayEquals(Files.readAllBytes(direct), Files.readAllBytes(again), name + ": plot --input draws another figure");
        return json;
    }

    private void assertKind(Path input, String kind) {
        Path svg = tmp.resolve(input.getFileName() + "-" + kind + ".svg");
        CliRun r = run("plot", "--input", input.toString(), "--kind", kind, "-o", svg.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("(" + kind + ","), r.out());
    }

    @Test
    void idFigureAndItsOtherKinds() throws IOException {
        Path json = assertSameFigure("id", "id", "--dataset", "sphere:2", "--n", "300", "--estimator", "mle,twonn,gride",
                "--bootstrap", "20", "--group", "signs", "--pointwise", "--diagnostic");
        assertTrue(Files.readString(json).contains("\"group\" : \"signs\""), "the group is in the saved result");
        assertKind(json, "local-id");
        assertKind(json, "scale");
        assertKind(json, "twonn");
    }

    @Test
    void gapFigureAndItsQuantizationCurve() throws IOException {
        Path json = assertSameFigure("gap", "gap", "--dataset", "sphere:2", "--n", "400", "--sizes", "50,100,200", "--seeds", "2",
                "--estimator", "quantization", "--fit-interval", "ols");
        assertKind(json, "quantization");
    }

    @Test
    void fitFigureWithBandsHoldoutAndGroups() throws IOException {
        StringBuilder sb = new StringBuilder("n,seed,test_loss,arch\n");
        for (String arch : new String[] {"cnn", "mlp"}) {
            double scale = arch.equals("cnn") ? 30 : 60;
            for (int i = 0; i < 8; i++) {
                double n = 10 * Math.pow(2, i);
                double y = 1 + scale * Math.pow(n, -0.6);
                sb.append(String.format(Locale.ROOT, "%s,0,%.10g,%s%n", n, y * 1.01, arch));
                sb.append(String.format(Locale.ROOT, "%s,1,%.10g,%s%n", n, y / 1.01, arch));
            }
        }
        Path csv = tmp.resolve("runs.csv");
        Files.writeString(csv, sb);
        assertSameFigure("fit", "fit", "--input", csv.toString(), "--x", "n", "--y", "test_loss", "--law", "power,power+offset",
                "--group-by", "arch", "--holdout", "0.75", "--bootstrap", "40");
        assertSameFigure("fit-one", "fit", "--input", csv.toString(), "--x", "n", "--y", "test_loss", "--law", "power,rg",
                "--bootstrap", "40");
    }

    /** The trainer draws sigmas.csv; its runs.csv makes the equivariance chart, its history.csv the training chart. */
    @Test
    void trainerTables() throws IOException {
        Path direct = tmp.resolve("train.svg");
        Path dir = tmp.resolve("sweep");
        CliRun r = run("train", "--dataset", "sign-vectors:3:2", "--sizes", "8", "--steps", "20", "--width", "16", "--batch", "32",
                "--test-size", "64", "--threads", "1", "--equivariance", "none,canonical", "--out", dir.toString(),
                "--plot", direct.toString());
        assertEquals(0, r.code(), r.err());
        Path again = tmp.resolve("train-again.svg");
        assertEquals(0, run("plot", "--input", dir.resolve("sigmas.csv").toString(), "-o", again.toString()).code());
        assertArrayEquals(Files.readAllBytes(direct), Files.readAllBytes(again));
        assertKind(dir.resolve("runs.csv"), "equivariance");
        try (var runs = Files.list(dir.resolve("runs"))) {
            assertKind(runs.sorted().findFirst().orElseThrow().resolve("history.csv"), "training");
        }
    }
}
