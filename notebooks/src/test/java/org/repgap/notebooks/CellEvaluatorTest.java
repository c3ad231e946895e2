package org.repgap.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The evaluator behind the kernel: values, errors, interrupts and shift-tab inspection. */
class CellEvaluatorTest {

    @Test
    void returnsLastExpressionAndReportsErrors() {
        try (CellEvaluator eval = new CellEvaluator(Jupyter.classPath())) {
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

    /**
     * JShell reports a stopped snippet like a finished one (no value, no exception); the evaluator must turn
     * the interrupt into the cell's error, skip the cell's later statements, and keep the session usable.
     */
    @Test
    void interruptFailsTheRunningCellOnly() throws Exception {
        try (CellEvaluator eval = new CellEvaluator(Jupyter.classPath())) {
            eval.eval("int before = 1;");
            eval.stop(); // between cells: no effect on the next one
            assertEquals("2", eval.eval("before + 1"));
            CompletableFuture<String> cell = CompletableFuture.supplyAsync(
                    () -> eval.eval("Thread.sleep(60_000);\nint after = 1;"));
            long start = System.nanoTime();
            // the sleep is running once the second snippet can be waited for; stop until the cell ends (a stop that
            // arrives while JShell still compiles also ends the cell, by the same flag)
            while (!cell.isDone() && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30)) {
                Thread.sleep(200);
                eval.stop();
            }
            ExecutionException e = assertThrows(ExecutionException.class, () -> cell.get(30, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof CellEvaluator.CellException, e.toString());
            assertTrue(e.getCause().getMessage().startsWith("interrupted: Thread.sleep(60_000);"), e.getCause().getMessage());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "the cell was not stopped");
            assertThrows(CellEvaluator.CellException.class, () -> eval.eval("after"), "the statement after the interrupt ran");
            assertEquals("3", eval.eval("before + 2"));
        }
    }

    @Test
    void inspectShowsSignaturesAndJavadocSummaries() {
        try (CellEvaluator eval = new CellEvaluator(Jupyter.classPath(), Jupyter.sources())) {
            assertTrue(eval.hasJavadoc(), "sources not accepted: is --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED set?");
            eval.eval("import org.repgap.data.PointCloud;");
            // a method name without parentheses, the cursor at its end: both overloads, each with its first sentence
            String method = eval.inspect("PointCloud.of", "PointCloud.of".length(), false);
            assertNotNull(method);
            assertTrue(method.contains("PointCloud.of(double[][] rows, String source)\n"
                    + "    Copies the rows (all of equal length) into a new point cloud."), method);
            assertTrue(method.contains("PointCloud.of(double[][] rows)\n    Copies the rows into a new point cloud named \"array\"."),
                    method);
            // inside the call's parentheses and on a type name, cursor in the middle of it
            assertEquals(method, eval.inspect("PointCloud.of(", "PointCloud.of(".length(), false));
            String type = eval.inspect("var laws = org.repgap.fit.Laws.power();", "var laws = org.repgap.fit.La".length(), false);
            assertEquals("org.repgap.fit.Laws\n    The laws the toolkit fits, by name.", type);
            // detail: the whole description, not only its first sentence
            String detail = eval.inspect("PointCloud", "PointCloud".length(), true);
            assertTrue(detail.length() > eval.inspect("PointCloud", "PointCloud".length(), false).length(), detail);
            assertNull(eval.inspect("   ", 1, false));
            assertNull(eval.inspect("noSuchName", 4, false));
        }
    }

    @Test
    void inspectWithoutSourcesShowsSignatures() {
        try (CellEvaluator eval = new CellEvaluator(Jupyter.classPath(), List.of())) {
            assertFalse(eval.hasJavadoc());
            String text = eval.inspect("Math.max(", "Math.max(".length(), false);
            assertTrue(text.contains("double Math.max(double a, double b)"), text);
        }
    }

    @Test
    void javadocSummaryIsTheFirstSentenceWithoutMarkup() {
        assertEquals("The gap RG of n points.",
                JavadocSources.summary(" The gap {@code RG} of <i>n</i> points. Its law is C n^(-2/d), e.g. for\n d = 2.\n @param n size"));
        assertEquals("Fits the law (e.g. power) to the curve.", JavadocSources.summary("Fits the law (e.g. power) to\nthe curve."));
        assertEquals("See the power law and Laws.power and power.",
                JavadocSources.summary("See {@link Laws#power the power law} and {@link Laws#power} and {@linkplain #power}. More."));
        assertEquals("", JavadocSources.summary("@return the value"));
        assertEquals("", JavadocSources.summary(null));
    }
}
