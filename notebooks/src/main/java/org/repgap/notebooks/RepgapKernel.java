package org.repgap.notebooks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.repgap.Version;

/**
 * A Jupyter kernel for Java with repgap on the class path: the Jupyter wire protocol comes from
 * {@code org.dflib.jjava:jjava-jupyter} (Maven Central), cells are evaluated by
 * {@link CellEvaluator} (the JDK's JShell). Started by Jupyter with the connection file as the only
 * argument; install the kernel spec with {@link KernelSpec}. Source roots for {@code inspect} come from the
 * system property {@value KernelSpec#SOURCES_PROPERTY} that the installed spec sets.
 */
public final class RepgapKernel extends BaseKernel {
    private final CellEvaluator evaluator;

    private RepgapKernel(Builder b, CellEvaluator evaluator) {
        super(b.name(), b.version(),
                new LanguageInfo("java", Runtime.version().toString(), "text/x-java-source", ".jshell", "java", "java", "script"),
                List.of(new HelpLink("repgap", "README.md")),
                b.history(), b.io(), b.comms(), b.renderer(),
                new MagicParser("(?<=(?:^|=))\\s*%", "%%", new org.dflib.jjava.jupyter.kernel.magic.MagicTranspiler()),
                b.magics(), false, b.styler());
        this.evaluator = evaluator;
        installNotebookKernel();
    }

    @Override
    public Object evalRaw(String source) {
        return evaluator.eval(source);
    }

    @Override
    public DisplayData eval(String source) {
        String value = evaluator.eval(source);
        return value == null ? null : new DisplayData(value);
    }

    /** Signatures and Javadoc summaries of the symbol at the cursor ({@link CellEvaluator#inspect}); full description with extra detail. */
    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        String text = evaluator.inspect(code, at, extraDetail);
        return text == null ? null : new DisplayData(text);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        int[] anchor = new int[1];
        List<String> options = evaluator.analysis().completionSuggestions(code, at, anchor).stream()
                .map(s -> s.continuation()).distinct().toList();
        return options.isEmpty() ? null : new ReplacementOptions(options, anchor[0], at);
    }

    @Override
    public String isComplete(String code) {
        return switch (evaluator.completeness(code)) {
            case "incomplete" -> "   ";
            case "invalid" -> IS_COMPLETE_BAD;
            default -> IS_COMPLETE_YES;
        };
    }

    /** Stops the running cell, which then fails with an "interrupted" error ({@link CellEvaluator#stop()}). */
    @Override
    public void interrupt() {
        evaluator.stop();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        evaluator.close();
    }

    @Override
    public List<String> formatError(Throwable e) {
        if (e instanceof CellEvaluator.CellException) {
            return List.of(errorStyler.primary(e.getMessage()));
        }
        return super.formatError(e);
    }

    /** Runs the kernel on the connection file Jupyter passes. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: RepgapKernel CONNECTION_FILE");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        String json = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        KernelConnectionProperties props = KernelConnectionProperties.parse(json);
        JupyterConnection connection = new JupyterConnection(props);
        RepgapKernel kernel = new Builder().name("repgap-java").version(Version.toolkit()).build();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
    }

    /** Gives access to the builder's protected factory methods. */
    private static final class Builder extends BaseKernelBuilder<Builder, RepgapKernel> {
        String name() {
            return buildName();
        }

        String version() {
            return buildVersion();
        }

        org.dflib.jjava.jupyter.kernel.history.HistoryManager history() {
            return buildHistoryManager();
        }

        org.dflib.jjava.jupyter.kernel.JupyterIO io() {
            return buildJupyterIO(buildJupyterIOEncoding());
        }

        org.dflib.jjava.jupyter.kernel.comm.CommManager comms() {
            return buildCommManager();
        }

        org.dflib.jjava.jupyter.kernel.display.Renderer renderer() {
            return buildRenderer();
        }

        org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry magics() {
            return buildMagicsRegistry();
        }

        StringStyler styler() {
            return buildErrorStyler();
        }

        @Override
        public RepgapKernel build() {
            return new RepgapKernel(this, new CellEvaluator(System.getProperty("java.class.path"),
                    CellEvaluator.sourcesFromSystemProperty()));
        }
    }
}
