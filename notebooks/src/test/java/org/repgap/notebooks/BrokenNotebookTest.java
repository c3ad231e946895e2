package org.repgap.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notebook runners of {@link NotebooksTest} catch an error cell: {@code broken.ipynb} (test resources)
 * has a second code cell that throws, so both runners must report that cell and its error.
 */
class BrokenNotebookTest {

    private static final Path BROKEN = Path.of("src/test/resources/org/repgap/notebooks/broken.ipynb");

    @Test
    void cellByCellRunnerReportsTheFailingCell() throws IOException {
        List<String> failures = NotebooksTest.runCells(BROKEN);
        assertEquals(1, failures.size(), failures.toString());
        assertTrue(failures.get(0).startsWith("code cell 2: "), failures.get(0));
        assertTrue(failures.get(0).contains("not finite"), failures.get(0));
    }

    @Test
    void jupyterRunnerReportsTheFailingCell(@TempDir Path tmp) throws Exception {
        Jupyter.assumeNbconvert();
        Jupyter.installKernel(tmp);
        List<String> failures = NotebooksTest.runInJupyter(tmp, BROKEN, tmp.resolve("out"));
        assertEquals(1, failures.size(), failures.toString());
        // nbconvert stops at the error cell and exits non-zero, its log naming the cell's error
        assertTrue(failures.get(0).startsWith("nbconvert exit status "), failures.get(0));
        assertTrue(failures.get(0).contains("not finite"), failures.get(0));
    }
}
