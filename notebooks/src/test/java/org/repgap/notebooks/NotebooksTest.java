package org.repgap.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.repgap.json.Json;

/**
 * Runs every notebook of this module: always through {@link CellEvaluator} (no Jupyter needed), and
 * end to end through Jupyter ({@code jupyter nbconvert --execute}) with the repgap kernel when
 * Jupyter is installed. CI ({@code CI=true}) installs Jupyter, so there the end-to-end run is required.
 */
class NotebooksTest {

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null ? cp : System.getProperty("java.class.path");
    }

    static Stream<Path> notebooks() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("."))) {
            List<Path> list = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
            assertFalse(list.isEmpty(), "no notebooks found in " + Path.of(".").toAbsolutePath());
            return list.stream();
        }
    }

    private static List<String> codeCells(Path notebook) throws IOException {
        JsonNode nb = Json.mapper().readTree(Files.readString(notebook, StandardCharsets.UTF_8));
        List<String> cells = new ArrayList<>();
        for (JsonNode cell : nb.get("cells")) {
            if (cell.get("cell_type").asText().equals("code")) {
                JsonNode src = cell.get("source");
                StringBuilder sb = new StringBuilder();
                if (src.isArray()) {
                    src.forEach(l -> sb.append(l.asText()));
                } else {
                    sb.append(src.asText());
                }
                cells.add(sb.toString());
            }
        }
        return cells;
    }

    @ParameterizedTest
    @MethodSource("notebooks")
    void everyCellRunsWithoutError(Path notebook) throws IOException {
        try (CellEvaluator eval = new CellEvaluator(classPath())) {
            for (String cell : codeCells(notebook)) {
                eval.eval(cell);
            }
        }
    }

    @Test
    void evaluatorReturnsLastExpressionAndReportsErrors() {
        try (CellEvaluator eval = new CellEvaluator(classPath())) {
            assertEquals("5", eval.eval("int a = 2;\nint b = 3;\na + b"));
            assertEquals("\"circle\"", eval.eval("org.repgap.data.PointCloud.of(new double[][] {{0}, {1}}, \"circle\").source()"));
            CellEvaluator.CellException compile = assertThrows(CellEvaluator.CellException.class, () -> eval.eval("int c = \"text\";"));
            assertTrue(compile.getMessage().contains("does not compile"), compile.getMessage());
            CellEvaluator.CellException thrown = assertThrows(CellEvaluator.CellException.class,
                    () -> eval.eval("org.repgap.data.PointCloud.of(new double[][] {{Double.NaN}}, \"bad\")"));
            assertTrue(thrown.getMessage().contains("not finite"), thrown.getMessage());
            assertEquals("incomplete", eval.completeness("for (int i = 0; i < 3; i++) {"));
        }
    }

    private static boolean jupyterAvailable() {
        try {
            Process p = new ProcessBuilder("jupyter", "nbconvert", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @ParameterizedTest
    @MethodSource("notebooks")
    void notebookExecutesInJupyter(Path notebook, @TempDir Path tmp) throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        boolean available = jupyterAvailable();
        if (ci) {
            assertTrue(available, "CI must install Jupyter (jupyter-nbconvert) for the notebook tests: see .ci/run");
        }
        Assumptions.assumeTrue(available, "Jupyter not installed: end-to-end notebook execution skipped");
        KernelSpec.write(tmp.resolve("kernels"), classPath());
        Path out = tmp.resolve("out");
        ProcessBuilder pb = new ProcessBuilder("jupyter", "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.kernel_name=repgap-java", "--ExecutePreprocessor.timeout=600",
                "--output-dir", out.toString(), notebook.toString()).redirectErrorStream(true);
        pb.environment().put("JUPYTER_PATH", tmp.toString());
        pb.environment().put("JUPYTER_DATA_DIR", tmp.toString());
        pb.environment().put("JUPYTER_RUNTIME_DIR", tmp.resolve("runtime").toString());
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(15, TimeUnit.MINUTES), "nbconvert timed out");
        assertEquals(0, p.exitValue(), "nbconvert failed:\n" + log);
        JsonNode executed = Json.mapper().readTree(out.resolve(notebook.getFileName()).toFile());
        int codeCells = 0;
        for (JsonNode cell : executed.get("cells")) {
            if (cell.get("cell_type").asText().equals("code")) {
                codeCells++;
                assertNotNull(cell.get("execution_count"), "cell not executed");
                for (JsonNode o : cell.get("outputs")) {
                    assertFalse(o.get("output_type").asText().equals("error"), "error output: " + o);
                }
            }
        }
        assertTrue(codeCells > 0);
    }
}
