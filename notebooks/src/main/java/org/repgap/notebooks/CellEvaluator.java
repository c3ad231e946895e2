package org.repgap.notebooks;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Evaluates notebook cells as Java with JShell, in this JVM ({@code local} execution engine), so
 * that cells share the kernel's class path (toolkit-core, toolkit-plots) and can call
 * {@link Show} to display figures. A cell may hold several statements, declarations and a final
 * expression; its value is the value of the last expression, as JShell prints it.
 *
 * <p>Not thread-safe: one evaluator per notebook session, cells evaluated one at a time.
 */
public final class CellEvaluator implements AutoCloseable {

    /** A cell that did not compile, was incomplete or threw: the message says which snippet and why. */
    public static final class CellException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CellException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final JShell shell;

    /** An evaluator whose compiler sees {@code classPath} (entries separated by the path separator). */
    public CellEvaluator(String classPath) {
        this.shell = JShell.builder()
                .executionEngine("local")
                .compilerOptions("--class-path", classPath)
                .build();
    }

    /**
     * Evaluates one cell.
     *
     * @return the value of the last expression snippet as text, or {@code null} when the cell ends with a statement
     * @throws CellException on a compile error, an incomplete cell, or an exception thrown by the code
     */
    public String eval(String cell) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = cell;
        String last = null;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            if (!info.completeness().isComplete()) {
                throw new CellException("incomplete input: " + firstLine(remaining), null);
            }
            last = null;
            for (SnippetEvent event : shell.eval(info.source())) {
                if (event.exception() != null) {
                    throw new CellException(describe(event), event.exception());
                }
                if (event.status() == Snippet.Status.REJECTED) {
                    throw new CellException("does not compile: " + firstLine(event.snippet().source()) + ": "
                            + diagnostics(event.snippet()), null);
                }
                if (event.snippet().kind() == Snippet.Kind.EXPRESSION || event.snippet().kind() == Snippet.Kind.VAR) {
                    last = event.value();
                }
            }
            remaining = info.remaining();
        }
        return last;
    }

    private String diagnostics(Snippet snippet) {
        List<String> out = new ArrayList<>();
        shell.diagnostics(snippet).forEach(d -> out.add(d.getMessage(java.util.Locale.ROOT).replaceAll("\\s+", " ")));
        return String.join("; ", out);
    }

    private static String describe(SnippetEvent event) {
        Exception e = event.exception();
        String what;
        if (e instanceof EvalException ee) {
            what = ee.getExceptionClassName() + ": " + ee.getMessage();
        } else if (e instanceof UnresolvedReferenceException ure) {
            what = "unresolved reference in " + ure.getSnippet().source();
        } else {
            what = e.toString();
        }
        return firstLine(event.snippet().source()) + " threw " + what;
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl) + " ...";
    }

    /** Completion suggestions at {@code cursor}, for the kernel. */
    SourceCodeAnalysis analysis() {
        return shell.sourceCodeAnalysis();
    }

    /** Whether {@code code} is a complete cell ({@code complete}, {@code incomplete} or {@code invalid}). */
    public String completeness(String code) {
        SourceCodeAnalysis.Completeness c = shell.sourceCodeAnalysis().analyzeCompletion(code).completeness();
        if (c == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE || c == SourceCodeAnalysis.Completeness.CONSIDERED_INCOMPLETE) {
            return "incomplete";
        }
        return c == SourceCodeAnalysis.Completeness.UNKNOWN ? "invalid" : "complete";
    }

    void stop() {
        shell.stop();
    }

    @Override
    public void close() {
        shell.close();
    }
}
