package org.repgap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * No command overwrites its input: an output that names the input file (same path, relative path, symbolic
 * link, hard link, a symbolic link to its directory) is refused with exit 2 and one line, and the input keeps
 * its bytes.
 */
class OutputTargetTest {
    @TempDir
    Path dir;

    record Run(int code, String err) {
    }

    static Run run(List<String> args) {
        CommandLine cl = Repgap.commandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args.toArray(String[]::new));
        return new Run(code, err.toString());
    }

    /** Points (id, gap, train) or a learning curve (fit): valid input for each command. */
    /** 12 distinct points: twonn needs at least 11 (TwoNnEstimator.MIN_POINTS). */
    private static final String POINTS = "x,y\n" + "0,0\n1,0\n0,1\n1,1\n2,1\n1,2\n2,2\n3,1\n3,2\n2,3\n3,3\n0,2\n";
    private static final String CURVE = "n,loss\n10,1.0\n20,0.7\n40,0.5\n80,0.35\n160,0.25\n";

    /** The command line of each command, given the input and the output path. */
    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of("id", "points.csv", POINTS,
                        (Function<Path[], List<String>>) p -> List.of("id", "--input", p[0].toString(), "--estimator", "twonn",
                                "--output", p[1].toString())),
                Arguments.of("gap", "points.csv", POINTS,
                        (Function<Path[], List<String>>) p -> List.of("gap", "--input", p[0].toString(), "--output", p[1].toString())),
                Arguments.of("fit", "curve.csv", CURVE,
                        (Function<Path[], List<String>>) p -> List.of("fit", "--input", p[0].toString(), "--x", "n", "--y", "loss",
                                "--output", p[1].toString())),
                Arguments.of("plot", "result.json", "{}",
                        (Function<Path[], List<String>>) p -> List.of("plot", "--input", p[0].toString(), "--output", p[1].toString())),
                Arguments.of("id --plot", "points.png", POINTS,
                        (Function<Path[], List<String>>) p -> List.of("id", "--input", p[0].toString(), "--estimator", "twonn",
                                "--plot", p[1].toString())));
    }

    /** Other names of {@code input}: itself, relative to the working directory, a symbolic link, a hard link, via a linked directory. */
    private List<Path> aliases(Path input) throws IOException {
        List<Path> names = new ArrayList<>();
        names.add(input);
        names.add(Path.of("").toAbsolutePath().relativize(input));
        String ext = input.getFileName().toString().substring(input.getFileName().toString().lastIndexOf('.'));
        names.add(Files.createSymbolicLink(dir.resolve("link" + ext), input));
        names.add(Files.createLink(dir.resolve("hard" + ext), input));
        Path linkedDir = Files.createSymbolicLink(dir.resolve("linked-dir"), dir.resolve("data"));
        names.add(linkedDir.resolve(input.getFileName()));
        names.add(dir.resolve("data").resolve("..").resolve("data").resolve(input.getFileName()));
        return names;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void anOutputThatNamesTheInputIsRefusedBeforeAnyWork(String command, String file, String content,
                                                         Function<Path[], List<String>> args) throws IOException {
        Path input = Files.createDirectories(dir.resolve("data")).resolve(file);
        Files.writeString(input, content);
        byte[] before = Files.readAllBytes(input);
        for (Path output : aliases(input)) {
            Run r = run(args.apply(new Path[] {input, output}));
            assertEquals(2, r.code(), command + " with output " + output + ": " + r.err());
            assertEquals(1, r.err().strip().split("\n").length, r.err());
            assertTrue(r.err().contains("refusing to"), r.err());
            assertArrayEquals(before, Files.readAllBytes(input), command + " changed its input through " + output);
        }
    }

    @Test
    void fitWritesNothingIntoARunDirectoryItReads() throws IOException {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        Files.writeString(runs.resolve("metrics.csv"), CURVE);
        Run r = run(List.of("fit", "--input", runs.toString(), "--x", "n", "--y", "loss", "--output",
                runs.resolve("metrics.csv").toString()));
        assertEquals(2, r.code(), r.err());
        assertEquals(CURVE, Files.readString(runs.resolve("metrics.csv")));
    }

    @Test
    void trainRefusesARunDirectoryThatHoldsItsInput() throws IOException {
        Path runDir = Files.createDirectories(dir.resolve("run"));
        Path input = runDir.resolve("runs.csv"); // a name the sweep writes
        Files.writeString(input, POINTS);
        for (Path out : new Path[] {runDir, input}) {
            Run r = run(List.of("train", "--input", input.toString(), "--out", out.toString(), "--sizes", "4", "--steps", "1"));
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains("refusing to"), r.err());
            assertEquals(POINTS, Files.readString(input));
        }
    }

    @Test
    void aDifferentFileNextToTheInputIsWritten() throws IOException {
        Path input = dir.resolve("points.csv");
        Files.writeString(input, POINTS);
        Path out = dir.resolve("points.json");
        Run r = run(List.of("id", "--input", input.toString(), "--estimator", "twonn", "--format", "json", "--output", out.toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(out).contains("twonn"));
    }

    /** Outputs that cannot be written: exit 2 and one line, before the work (was exit 1 and a stack trace after it). */
    @Test
    void anUnwritableOutputIsOneLineAndExit2BeforeAnyWork() throws IOException {
        Path file = Files.writeString(dir.resolve("plain.csv"), POINTS);
        List<Path> bad = new ArrayList<>(List.of(dir, Path.of("/proc/repgap-test.json"), file.resolve("x.json")));
        Path readOnly = Files.createDirectories(dir.resolve("ro"));
        if (readOnly.toFile().setWritable(false, false) && !Files.isWritable(readOnly)) {
            bad.add(readOnly.resolve("x.json")); // not for root, whom permission bits do not stop
        }
        for (Path out : bad) {
            for (String option : new String[] {"--output", "--plot"}) {
                Path target = option.equals("--plot") ? out.resolveSibling(out.getFileName() + ".png") : out;
                if (option.equals("--plot") && out.equals(dir)) {
                    continue; // a directory named *.png does not exist
                }
                Run r = run(List.of("id", "--dataset", "sphere:2", "--n", "300", "--estimator", "twonn", option, target.toString()));
                assertEquals(2, r.code(), option + " " + target + ": " + r.err());
                assertEquals(1, r.err().strip().split("\n").length, r.err());
                assertTrue(r.err().contains("cannot be written") || r.err().contains("no such directory"), r.err());
            }
        }
        Run r = run(List.of("datasets", "--name", "sphere:2", "--n", "10", "--output", "/proc/repgap-test.csv"));
        assertEquals(2, r.code(), r.err());
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no probe file left");
        }
    }
}
