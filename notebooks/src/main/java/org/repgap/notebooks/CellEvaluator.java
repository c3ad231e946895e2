package org.repgap.notebooks;

import java.io.File;
import java.nio.file.Path;
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
 * <p>Not thread-safe: one evaluator per notebook session, cells evaluated one at a time; only
 * {@link #stop()} may be called from another thread (the kernel's interrupt).
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
    /** Set while {@link #eval} runs, so that an interrupt between cells does not fail the next one. */
    private volatile boolean running;
    /** Set by {@link #stop()} during {@link #eval}: the cell ends with an "interrupted" error. */
    private volatile boolean interrupted;

    /** An evaluator whose compiler sees {@code classPath} (entries separated by the path separator). */
    public CellEvaluator(String classPath) {
        this(classPath, List.of());
    }

    /**
     * An evaluator whose compiler sees {@code classPath} and whose {@link #inspect} reads Javadoc from the
     * source roots {@code sources} (directories or source jars; e.g. {@code toolkit-core/src/main/java}).
     */
    public CellEvaluator(String classPath, List<Path> sources) {
        this.shell = JShell.builder()
                .executionEngine("local")
                .compilerOptions("--class-path", classPath)
                .build();
        javadocSources = JavadocSources.install(sources);
    }

    /** Whether {@link #inspect} can show Javadoc text (source roots given and handed to JShell), not only signatures. */
    private final boolean javadocSources;

    /** The source roots of the system property {@value KernelSpec#SOURCES_PROPERTY} (set by the installed kernel spec). */
    static List<Path> sourcesFromSystemProperty() {
        String v = System.getProperty(KernelSpec.SOURCES_PROPERTY, "");
        List<Path> out = new ArrayList<>();
        for (String e : v.split(File.pathSeparator)) {
            if (!e.isBlank()) {
                out.add(Path.of(e));
            }
        }
        return out;
    }

    /**
     * Evaluates one cell.
     *
     * @return the value of the last expression snippet as text, or {@code null} when the cell ends with a statement
     * @throws CellException on a compile error, an incomplete cell, or an exception thrown by the code
     */
    public String eval(String cell) {
        interrupted = false;
        running = true;
        try {
            return evalSnippets(cell);
        } finally {
            running = false;
            interrupted = false;
        }
    }

    private String evalSnippets(String cell) {
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
            List<SnippetEvent> events = shell.eval(info.source());
            // JShell reports a stopped snippet as a normal one without value or exception (its StoppedException
            // is swallowed), so the interrupt is remembered here and turned into the cell's error
            if (interrupted) {
                throw new CellException("interrupted: " + firstLine(info.source())
                        + " was stopped by a kernel interrupt; later statements of the cell did not run", null);
            }
            for (SnippetEvent event : events) {
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

    /**
     * Stops the running cell (the kernel's interrupt, from another thread): its {@link #eval} throws a
     * {@link CellException} starting with {@code "interrupted"}. Does nothing between cells.
     */
    public void stop() {
        if (running) {
            interrupted = true;
            shell.stop();
        }
    }

    /**
     * What Jupyter's {@code inspect} (shift-tab) shows for the symbol at {@code cursor}: the signature of
     * each matching declaration (every overload of a method), each followed by its Javadoc summary (the
     * first sentence) when the symbol's sources were given, or the whole Javadoc description when
     * {@code detail} is set. The cursor may be on or just after a name, or inside a call's parentheses.
     *
     * @return the text, or {@code null} when nothing is declared at the cursor
     */
    public String inspect(String code, int cursor, boolean detail) {
        List<SourceCodeAnalysis.Documentation> docs = JavadocSources.documentation(shell.sourceCodeAnalysis(), code, cursor);
        if (docs.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (SourceCodeAnalysis.Documentation d : docs) {
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append(d.signature()).append('\n');
            String text = detail ? JavadocSources.description(d.javadoc()) : JavadocSources.summary(d.javadoc());
            if (!text.isEmpty()) {
                b.append("    ").append(text.replace("\n", "\n    ")).append('\n');
            }
        }
        return b.toString().stripTrailing();
    }

    /** Whether {@link #inspect} shows Javadoc text (sources given and accepted by JShell) rather than signatures only. */
    public boolean hasJavadoc() {
        return javadocSources;
    }

    @Override
    public void close() {
        shell.close();
    }
}
