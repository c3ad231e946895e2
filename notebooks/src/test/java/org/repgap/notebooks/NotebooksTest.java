package org.repgap.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.repgap.json.Json;

/**
 * Runs every notebook of this module: always through {@link CellEvaluator} (no Jupyter needed), and
 * end to end through Jupyter ({@code jupyter nbconvert --execute}) with the installed repgap kernel when
 * Jupyter is installed (required in CI). A notebook passes when no cell fails.
 */
class NotebooksTest {

    @TempDir
    static Path jupyterDir;

    @BeforeAll
    static void installKernel() throws IOException {
        Jupyter.installKernel(jupyterDir);
    }

    static Stream<Path> notebooks() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("."))) {
            List<Path> list = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
            assertFalse(list.isEmpty(), "no notebooks found in " + Path.of(".").toAbsolutePath());
            return list.stream();
        }
    }

    /** The source of each code cell, in order. */
    static List<String> codeCells(Path notebook) throws IOException {
        List<String> cells = new ArrayList<>();
        for (JsonNode cell : Json.mapper().readTree(Files.readString(notebook, StandardCharsets.UTF_8)).get("cells")) {
            if (cell.get("cell_type").asText().equals("code")) {
                cells.add(text(cell.get("source")));
            }
        }
        return cells;
    }

    private static String text(JsonNode src) {
        StringBuilder sb = new StringBuilder();
        if (src.isArray()) {
            src.forEach(l -> sb.append(l.asText()));
        } else {
            sb.append(src.asText());
        }
        return sb.toString();
    }

    /**
     * Runs the cells in one evaluator, stopping at the first that fails.
     *
     * @return the failures: empty, or one line naming the cell (1-based among code cells) and the error
     */
    static List<String> runCells(Path notebook) throws IOException {
        try (CellEvaluator eval = new CellEvaluator(Jupyter.classPath())) {
            List<String> cells = codeCells(notebook);
            for (int i = 0; i < cells.size(); i++) {
                try {
                    eval.eval(cells.get(i));
                } catch (CellEvaluator.CellException e) {
                    return List.of("code cell " + (i + 1) + ": " + e.getMessage());
                }
            }
            return List.of();
        }
    }

    /**
     * Executes the notebook with {@code jupyter nbconvert --execute} and the repgap kernel installed under
     * {@code jupyter} into {@code outDir}.
     *
     * @return the failures: nbconvert's exit status with its log when it failed, else one line per error output
     *     or unexecuted code cell of the executed notebook
     */
    static List<String> runInJupyter(Path jupyter, Path notebook, Path outDir) throws IOException, InterruptedException {
        Process p = Jupyter.process(jupyter, "jupyter", "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.kernel_name=" + KernelSpec.NAME, "--ExecutePreprocessor.timeout=600",
                "--output-dir", outDir.toString(), notebook.toString()).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return List.of("nbconvert timed out");
        }
        if (p.exitValue() != 0) {
            return List.of("nbconvert exit status " + p.exitValue() + ":\n" + log);
        }
        List<String> failures = new ArrayList<>();
        JsonNode executed = Json.mapper().readTree(outDir.resolve(notebook.getFileName()).toFile());
        int code = 0;
        for (JsonNode cell : executed.get("cells")) {
            if (!cell.get("cell_type").asText().equals("code")) {
                continue;
            }
            code++;
            if (cell.get("execution_count").isNull()) {
                failures.add("code cell " + code + ": not executed");
            }
            for (JsonNode o : cell.get("outputs")) {
                if (o.get("output_type").asText().equals("error")) {
                    failures.add("code cell " + code + ": " + o.get("ename").asText() + ": " + o.get("evalue").asText());
                }
            }
        }
        if (code == 0) {
            failures.add("no code cells");
        }
        return failures;
    }

    @ParameterizedTest
    @MethodSource("notebooks")
    void everyCellRunsWithoutError(Path notebook) throws IOException {
        assertEquals(List.of(), runCells(notebook));
    }

    @ParameterizedTest
    @MethodSource("notebooks")
    void notebookExecutesInJupyter(Path notebook, @TempDir Path out) throws Exception {
        Jupyter.assumeNbconvert();
        assertEquals(List.of(), runInJupyter(jupyterDir, notebook, out));
    }
}
