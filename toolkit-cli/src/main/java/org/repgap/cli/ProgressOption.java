package org.repgap.cli;

import java.io.PrintStream;
import java.util.function.LongSupplier;
import picocli.CommandLine.Option;

/**
 * The {@code -q/--quiet} option shared by the long-running commands (a picocli mixin: {@code id}, {@code gap},
 * {@code fit}, {@code train}, {@code demo}) and the progress reporter it selects: {@link StderrProgress} on
 * stderr, or nothing with {@code --quiet}. Warnings and errors are not progress: they are printed either way.
 */
final class ProgressOption {

    @Option(names = {"-q", "--quiet"},
            description = "No progress on stderr (warnings and errors are still printed).")
    boolean quiet;

    /** The reporter for this run: stderr progress, or a silent one with {@code --quiet}; call its {@code finish()}. */
    StderrProgress progress() {
        return progress(System.err, System.console() != null, System::nanoTime);
    }

    /** {@link #progress()} on the given stream, terminal or not, and clock (see {@link StderrProgress}). */
    StderrProgress progress(PrintStream err, boolean terminal, LongSupplier clock) {
        return new StderrProgress(quiet ? null : err, terminal, clock);
    }
}
