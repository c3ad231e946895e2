package org.repgap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.repgap.json.Json;

/**
 * What a user sees on stderr for the smaller defects of issue 12 (defect 11): each warning once, one line per user
 * error with exit code 2, directories and empty inputs described, no estimate from too few points.
 */
class UserErrorMessagesTest {
    @TempDir
    Path tmp;

    private static List<String> lines(String s) {
        return s.lines().filter(l -> !l.isBlank()).toList();
    }

    /** A user error: exit 2, one line on stderr (nothing else), and nothing on stdout. */
    private static String oneLineError(String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(2, r.code(), String.join(" ", args) + ": " + r.stderr());
        List<String> err = lines(r.stderr());
        assertEquals(1, err.size(), String.join(" ", args) + ": " + r.stderr());
        assertEquals("", r.out().strip(), String.join(" ", args));
        assertTrue(err.get(0).startsWith("repgap: "), err.get(0));
        return err.get(0);
    }

    private static int count(String s, String part) {
        return s.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    /** Option errors: one line naming the option and what is expected, picocli's "Error: " prefix dropped. */
    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "id --k abc --dataset sphere:2 # Invalid value for option '--k': 'abc' is not an int (see 'repgap id --help')",
        "gap --n 100 # Missing required argument (specify one of these): (--input=FILE | --dataset=NAME) (see 'repgap gap --help')",
        "id --dataset sphere:2 --dataset torus # give one of --input=FILE | --dataset=NAME, once (got --dataset=sphere:2 and --dataset=torus) (see 'repgap id --help')",
        "idd --input x.npy # unknown command 'idd'; expected one of demo, id, gap, fit, train, datasets, plot, daemon, completion, man (see 'repgap --help')",
        "id --bogus # Unknown option: '--bogus' (see 'repgap id --help')",
        "fit --x n --y rg # Missing required option: '--input=PATH' (see 'repgap fit --help')"})
    void optionErrorsAreOneLine(String args, String expected) {
        assertEquals("repgap: " + expected, oneLineError(args.trim().split("\\s+")));
    }

    /** A directory where a file is expected says what it holds (was "unknown file type ''", and an internal error for plot). */
    @Test
    void directoriesSayWhatTheyHold() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("points"));
        Files.writeString(dir.resolve("a.csv"), "1,2\n");
        Files.createDirectories(dir.resolve("more"));
        for (String command : List.of("id", "gap", "train")) {
            List<String> args = new java.util.ArrayList<>(List.of(command, "--input", dir.toString()));
            if (command.equals("train")) {
                args.addAll(List.of("--out", tmp.resolve("sweep").toString()));
            }
            String line = oneLineError(args.toArray(String[]::new));
            assertEquals("repgap: " + dir + ": is a directory (2 entries: a.csv, more/); expected one point-cloud file: "
                    + ".csv, .tsv, .txt, .npy or .npz", line, command);
        }
        String plot = oneLineError("plot", "--input", dir.toString(), "-o", tmp.resolve("f.png").toString());
        assertTrue(plot.contains(dir + ": is a directory (2 entries: a.csv, more/); expected a result file"), plot);
        String fit = oneLineError("fit", "--input", dir.toString(), "--x", "n", "--y", "rg");
        assertTrue(fit.contains("a directory (2 entries: a.csv, more/) with no MLflow runs"), fit);
    }

    /** An empty TensorBoard event file: named, with "no scalar records" (was "metrics: ; parameters: (none)"). */
    @Test
    void anEmptyEventFileIsNamed() throws IOException {
        Path run = Files.createDirectories(tmp.resolve("tb/run1"));
        Path events = Files.write(run.resolve("events.out.tfevents.1700000000.host"), new byte[0]);
        String line = oneLineError("fit", "--input", tmp.resolve("tb").toString(), "--x", "step", "--y", "loss");
        assertEquals("repgap: " + tmp.resolve("tb") + ": no scalar records in its event files: run1/events.out.tfevents.1700000000.host "
                + "(empty); fitting needs scalars (add_scalar, tf.summary.scalar)", line);
        line = oneLineError("fit", "--input", events.toString(), "--x", "step", "--y", "loss");
        assertEquals("repgap: " + events + ": no scalar records in this event file (empty); fitting needs scalars "
                + "(add_scalar, tf.summary.scalar)", line);
    }

    /** fit on a flat curve: one line, the reason once, naming the three laws (was four lines, the last repeating them). */
    @Test
    void aDegenerateFitGivesEachReasonOnce() throws IOException {
        Path flat = Files.writeString(tmp.resolve("flat.csv"), "n,rg\n10,1\n20,1\n40,1\n80,1\n");
        String line = oneLineError("fit", "--input", flat.toString(), "--x", "n", "--y", "rg");
        assertEquals("repgap: no law could be fitted: laws rg, power, power+offset: y is constant (1.00000) over all 4 points: "
                + "a flat curve determines no scaling law", line);
        // two points: power+offset is skipped with one warning on stderr, which names the law once
        Path two = Files.writeString(tmp.resolve("two.csv"), "n,rg\n10,1\n20,0.5\n");
        CliRun r = CliRun.of("fit", "--input", two.toString(), "--x", "n", "--y", "rg", "--quiet");
        assertEquals(0, r.code(), r.stderr());
        assertEquals(List.of("repgap: warning: law power+offset skipped: 3 free parameters but only 2 point(s) remain: fewer "
                + "points than parameters cannot determine the fit"), lines(r.stderr()), "--quiet keeps warnings");
    }

    /** JSON Lines with --skip-bad: each damaged line warned of once, on stderr and in the result (was twice). */
    @Test
    void skipBadWarnsOnce() throws IOException {
        Path jsonl = Files.writeString(tmp.resolve("runs.jsonl"),
                "{\"n\":10,\"rg\":1}\n{\"n\":20,\"rg\":0.5}\nnot json\n{\"n\":40,\"rg\":0.25}\n{\"n\":80,\"rg\":0.125}\n");
        CliRun r = CliRun.of("fit", "--input", jsonl.toString(), "--x", "n", "--y", "rg", "--law", "power", "--skip-bad",
                "--format", "json");
        assertEquals(0, r.code(), r.stderr());
        assertEquals(List.of("repgap: warning: " + jsonl + ":3: not a JSON object: not json (skipped: --skip-bad)"), lines(r.stderr()));
        JsonNode doc = Json.mapper().readTree(r.out());
        assertEquals(1, doc.get("warnings").size(), doc.get("warnings").toString());
        assertEquals(1, count(r.out(), "not a JSON object"));
    }

    /** TwoNN on 3 points printed 2.44 with exit 0: refused, with the minimum and why; no number printed. */
    @Test
    void twoNnRefusesThreePoints() throws IOException {
        Path three = Files.writeString(tmp.resolve("three.csv"), "0,0\n1,0\n0,3\n");
        for (String estimator : List.of("twonn", "gride")) {
            String line = oneLineError("id", "--input", three.toString(), "--estimator", estimator);
            assertEquals("repgap: " + estimator + " on " + three + ": 3 distinct points are too few: at least 11 are needed, since "
                    + "the ratio statistic of N points has a relative standard error of 1/sqrt(N - 2) (100% here, at most 1/3 "
                    + "from N = 11)", line);
        }
        CliRun all = CliRun.of("id", "--input", three.toString(), "--format", "json");
        assertEquals(0, all.code(), all.stderr());
        JsonNode doc = Json.mapper().readTree(all.out());
        for (JsonNode e : doc.get("estimates")) {
            assertFalse(List.of("twonn", "gride", "knn").contains(e.get("estimator").asText()), e.toString());
        }
        assertTrue(doc.get("skipped").toString().contains("twonn"), doc.toString());
    }
}
