package org.repgap.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import org.repgap.InvalidInputException;
import org.repgap.plots.ChartKind;
import org.repgap.plots.FigureSpec;
import org.repgap.plots.Figures;
import org.repgap.plots.OutputFormat;
import org.repgap.plots.io.ResultReader;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --plot FILE} option shared by the analysis commands (a picocli mixin): the figure of
 * the command's result record, drawn by {@code toolkit-plots}' {@link Figures#of(Object, ChartKind)};
 * {@code repgap plot} reads the command's {@code --format json} back into the same record, so
 * {@code repgap X --plot f.svg} and {@code repgap X --format json -o r.json; repgap plot --input r.json
 * -o f.svg} give the same figure, byte for byte.
 *
 * <p>The extension and the directory are checked while the options are parsed, so a figure that
 * cannot be written is an exit-2 error before the analysis runs. {@link Figures} writes atomically: a failed figure
 * leaves no partial file.
 */
final class PlotOption {

    /** The figure formats, for help and error texts. */
    static final String FORMATS = ".png, .svg, .pdf or .eps";

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private Path file;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Also draw the result as a figure (what is drawn: see above); format by the extension: .png .svg .pdf .eps.")
    void setFile(Path value) {
        try {
            OutputFormat.of(value);
        } catch (InvalidInputException e) {
            String name = value.getFileName() == null ? "" : value.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String ext = dot < 0 ? "(none)" : "'" + name.substring(dot + 1) + "'";
            throw new ParameterException(command.commandLine(), String.format(Locale.ROOT,
                    "--plot %s: unknown figure format, extension %s; use %s", value, ext, FORMATS));
        }
        Path dir = value.toAbsolutePath().getParent();
        if (dir != null && !java.nio.file.Files.isDirectory(dir)) {
            throw new ParameterException(command.commandLine(), String.format(Locale.ROOT,
                    "--plot %s: no such directory %s", value, dir));
        }
        this.file = value;
    }

    /** The figure file, or null when {@code --plot} was not given. */
    Path file() {
        return file;
    }

    /**
     * Draws a core result record as {@code kind} (null: the result's own kind) with
     * {@link Figures#of(Object, ChartKind)}, the figure {@code repgap plot} draws from the saved JSON.
     */
    void render(Object result, ChartKind kind) {
        if (file == null) {
            return;
        }
        FigureSpec spec;
        try {
            spec = Figures.of(result, kind);
        } catch (InvalidInputException e) {
            throw InvalidInputException.of("--plot %s: %s", file, e.getMessage());
        }
        write(spec);
    }

    /** Draws a result file the command wrote (e.g. the trainer's {@code sigmas.csv}). */
    void renderFile(Path result, ChartKind kind) {
        if (file == null) {
            return;
        }
        try {
            write(ResultReader.figure(result, kind));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + result + ": " + e.getMessage(), e);
        }
    }

    /** Writes the figure atomically and says so on stderr. */
    void write(FigureSpec spec) {
        try {
            Figures.render(spec, file);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("--plot %s: cannot draw this figure: %s", file, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        command.commandLine().getErr().println("wrote " + file);
        command.commandLine().getErr().flush();
    }
}
