package org.repgap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.repgap.data.PointCloud;
import org.repgap.data.PointClouds;
import org.repgap.datasets.Datasets;
import org.repgap.json.Json;
import picocli.CommandLine;

class DatasetsCommandTest {
    @TempDir
    Path dir;

    /** Exit code, what went to the command line's out and err, and what went to System.out. */
    record Run(int exit, String out, String err, String stdout) {
    }

    /**
     * Runs with the command line's out and err and System.out (where {@link Output#emit} writes)
     * captured. System.out is replaced before the command line is built: picocli's default
     * execution strategy remembers System.out at construction and, if it has changed by the time
     * of {@code execute}, resets the command line's out writer to the remembered stream.
     */
    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintStream saved = System.out;
        ByteArrayOutputStream sys = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(sys, true, StandardCharsets.UTF_8));
            CommandLine cl = Repgap.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            exit = cl.execute(args);
        } finally {
            System.setOut(saved);
        }
        return new Run(exit, out.toString(), err.toString(), sys.toString(StandardCharsets.UTF_8));
    }

    @Test
    void listIsAnAlignedTable() {
        Run r = run("datasets", "--list");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.stdout().split("\n");
        assertEquals(32, lines.length);
        assertTrue(lines[0].startsWith("name "));
        int descriptionColumn = lines[0].indexOf("description");
        assertTrue(lines[1].startsWith("M1_Sphere "), lines[1]);
        assertTrue(lines[1].matches("M1_Sphere\\s+10\\s+11\\s+10D sphere linearly embedded"), lines[1]);
        for (String line : lines) {
            assertTrue(line.length() > descriptionColumn && line.charAt(descriptionColumn - 1) == ' '
                    && line.charAt(descriptionColumn) != ' ', "aligned: " + line);
        }
        assertTrue(r.stdout().contains("subspace:d:D"));
        assertTrue(r.stdout().contains("rotating-pair"));
    }

    @Test
    void listAsJson() throws Exception {
        Run r = run("datasets", "--list", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode rows = Json.mapper().readTree(r.stdout());
        assertEquals(31, rows.size());
        assertEquals("M12_Norm", rows.get(15).get("name").asText());
        assertEquals(20, rows.get(15).get("intrinsic_dim").asInt());
        assertTrue(rows.get(15).get("intrinsic_dim").isInt());
        assertEquals("d+1", rows.get(24).get("ambient_dim").asText());
        assertEquals("sphere:2", rows.get(24).get("example").asText());
    }

    @ParameterizedTest
    @CsvSource({"M7_Roll, pts.csv, 3", "subspace:3:8, pts.npy, 8"})
    void writesTheGeneratedPoints(String name, String file, int dim) {
        Path out = dir.resolve(file);
        Run r = run("datasets", "--name", name, "--n", "123", "--seed", "5", "--output", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("wrote 123 points of "), r.toString());
        PointCloud x = PointClouds.read(out, null);
        assertEquals(123, x.n());
        assertEquals(dim, x.dim());
        assertArrayEquals(Datasets.generate(name, 123, 5).values(), x.values(), "exact round trip of the generator's output");
    }

    @Test
    void noiseAndAmbient() {
        Path out = dir.resolve("s.npy");
        Run r = run("datasets", "--name", "sphere:2", "--n", "50", "--noise", "0.1", "--ambient", "6", "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("in R^6"), r.out());
        assertArrayEquals(Datasets.generate("sphere:2", 50, 0, 0.1, 6).values(), PointClouds.read(out, null).values());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--name nosuch --output x.csv | repgap: unknown dataset 'nosuch'; known: M1_Sphere,",
        "--name sphere:0 --output x.csv | '0' is not a dimension",
        "--name M7_Roll | --output FILE is required",
        "--name M7_Roll --output x.txt | expected a file name ending in .csv or .npy",
        "--output x.csv | --name is required",
        "--name M7_Roll --n 0 --output x.csv | n: 0 points is not allowed",
        "--name M7_Roll --noise -1 --output x.csv | noise: -1.0 is not allowed",
        "--name M1_Sphere --ambient 5 --output x.csv | ambient dimension: 5 is less than the native ambient dimension 11",
        "--list --name M7_Roll | exclude each other",
        "--list --format xml | Invalid value for option '--format'",
        "--n many | Invalid value for option '--n'",
    })
    void badOptionsExitWithTwoAndOneLine(String args, String expected) {
        String[] parts = ("datasets " + args).trim().split("\\s+");
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].endsWith(".csv") || parts[i].endsWith(".txt")) {
                parts[i] = dir.resolve(parts[i]).toString();
            }
        }
        Run r = run(parts);
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertTrue(r.err().startsWith("repgap: "), r.err());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "nothing written on error");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void helpTeaches() {
        Run r = run("datasets", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("--ambient=D"), r.toString());
        assertTrue(r.out().contains("repgap datasets --name M7_Roll"));
        assertTrue(r.out().contains("(default: 2500)"));
    }
}
