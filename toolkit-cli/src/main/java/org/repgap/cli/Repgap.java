package org.repgap.cli;

import java.io.PrintWriter;
import org.repgap.InvalidInputException;
import org.repgap.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code repgap} command: parses options, calls toolkit-core, prints. Exit codes: 0 success,
 * 2 user error (bad option, bad input file: one line on stderr), 1 internal error.
 */
@Command(name = "repgap",
        mixinStandardHelpOptions = true,
        versionProvider = Repgap.VersionInfo.class,
        description = {
                "Representation Gap analysis: intrinsic dimension of point clouds (also modulo a symmetry group),",
                "Representation Gap curves and laws RG_n ~ C n^(-2/d), scaling-law fits to saved runs,",
                "an equivariant diffusion trainer and figures for papers.",
                "",
                "Run 'repgap COMMAND --help' for the options of each command."},
        subcommands = {
                DemoCommand.class,
                IdCommand.class,
                GapCommand.class,
                FitCommand.class,
                TrainCommand.class,
                DatasetsCommand.class,
                PlotCommand.class,
                CommandLine.HelpCommand.class})
public final class Repgap implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with its error handling; used by {@link #main} and by tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Repgap());
        // Descriptions are written as lines of up to ~105 characters: do not re-wrap them at 80.
        cl.setUsageHelpWidth(110);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof InvalidInputException) {
                err.println("repgap: " + ex.getMessage());
                err.flush();
                return 2;
            }
            err.println("repgap: internal error: " + ex);
            ex.printStackTrace(err);
            err.flush();
            return 1;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("repgap: " + ex.getMessage());
            err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            err.flush();
            return 2;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(commandLine().execute(args));
    }

    /** Prints toolkit, Java and OS versions. */
    static final class VersionInfo implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "repgap " + Version.toolkit(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.arch")};
        }
    }
}
