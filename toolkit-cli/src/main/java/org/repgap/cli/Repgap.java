package org.repgap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.repgap.InvalidInputException;
import org.repgap.Version;
import org.repgap.blas.OpenBlas;
import org.repgap.json.Json;
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
        // subcommands are added by commandLine(String): see SUBCOMMANDS
        subcommands = {})
public final class Repgap implements Runnable {

    /**
     * The subcommands, in the order of the usage message. Picocli reflects over every registered
     * command's options when the command line is built (about 0.3 s for all of them in a fresh JVM), so
     * {@link #main} registers only the one being run.
     */
    static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    /** Subcommands that search neighbours: the native library is loaded in the background while they start. */
    private static final Set<String> NEEDS_NATIVE = Set.of("demo", "id", "gap", "train");

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("demo", DemoCommand::new);
        m.put("id", IdCommand::new);
        m.put("gap", GapCommand::new);
        m.put("fit", FitCommand::new);
        m.put("train", TrainCommand::new);
        m.put("datasets", DatasetsCommand::new);
        m.put("plot", PlotCommand::new);
        m.put("daemon", DaemonCommand::new);
        m.put("completion", CompletionCommand::new);
        m.put("man", ManCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return Collections.unmodifiableMap(m);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with every subcommand and its error handling; used by tests. */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * Builds the command line with its error handling and the subcommand {@code only} (all of them when
     * {@code null}).
     */
    static CommandLine commandLine(String only) {
        CommandLine cl = new CommandLine(new Repgap());
        SUBCOMMANDS.forEach((name, factory) -> {
            if (only == null || only.equals(name)) {
                cl.addSubcommand(name, factory.get());
            }
        });
        // Descriptions are written as lines of up to ~105 characters: do not re-wrap them at 80.
        cl.setUsageHelpWidth(110);
        // one converter for every enum option, case-insensitive (--format JSON = --format json)
        cl.setCaseInsensitiveEnumValuesAllowed(true);
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
            // one line, as every other user error: the message, then where the usage is
            err.println("repgap: " + optionError(ex) + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help')");
            err.flush();
            return 2;
        });
        return cl;
    }

    /** picocli's "expected only one match but got [GROUP]={A} and [GROUP]={B}": an exclusive group given twice. */
    private static final java.util.regex.Pattern GROUP_TWICE =
            java.util.regex.Pattern.compile("expected only one match but got \\[(.*?)\\]=\\{(.*?)\\} and \\[.*?\\]=\\{(.*?)\\}");

    /**
     * picocli's message for an option error, as one line that names the option and what is expected: whitespace runs
     * (a message with a line break) become one space, picocli's "Error: " prefix is dropped, an exclusive group given
     * twice says so plainly, and an unknown command lists the commands (issue 12, defect 11).
     */
    static String optionError(CommandLine.ParameterException ex) {
        String m = String.valueOf(ex.getMessage()).replaceAll("\\s+", " ").trim();
        if (m.startsWith("Error: ")) {
            m = m.substring("Error: ".length());
        }
        java.util.regex.Matcher twice = GROUP_TWICE.matcher(m);
        if (twice.find()) {
            return "give one of " + twice.group(1) + ", once (got " + twice.group(2) + " and " + twice.group(3) + ")";
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException u && ex.getCommandLine().getParent() == null
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            List<String> commands = SUBCOMMANDS.keySet().stream().filter(c -> !c.equals("help")).toList();
            return "unknown command '" + u.getUnmatched().get(0) + "'; expected one of " + String.join(", ", commands);
        }
        return m;
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        String first = args.length > 0 ? args[0] : "";
        Path startDaemonAfter = null;
        if (Daemon.enabled() && Daemon.FORWARDED.contains(first)) {
            Path socket = daemonSocket();
            if (socket != null) {
                Daemon.Outcome outcome = runInDaemon(socket, args);
                if (outcome == Daemon.Outcome.ABSENT) {
                    startDaemonAfter = socket;
                }
            }
        }
        if (NEEDS_NATIVE.contains(first)) {
            warmUpInBackground();
        }
        int code = execute(args, null);
        if (startDaemonAfter != null) {
            try {
                Daemon.spawn(startDaemonAfter); // for the next command
            } catch (IOException e) {
                System.err.println("repgap: warning: could not start the daemon: " + e.getMessage());
            }
        }
        System.exit(code);
    }

    /**
     * Runs {@code args} and returns the exit code, with relative paths resolved against {@code cwd} (the
     * process's working directory when {@code null}); only the invoked subcommand is registered.
     */
    static int execute(String[] args, Path cwd) {
        String first = args.length > 0 ? args[0] : "";
        boolean single = SUBCOMMANDS.containsKey(first) && !first.equals("help");
        CommandLine cl = commandLine(single ? first : null);
        if (cwd != null) {
            cl.registerConverter(Path.class, cwd::resolve);
        }
        return cl.execute(args);
    }

    /** This build's daemon socket, or {@code null} (with a warning) when the daemon cannot be used here. */
    private static Path daemonSocket() {
        try {
            return Daemon.socket();
        } catch (IOException e) {
            System.err.println("repgap: warning: no daemon (" + e.getMessage() + ")");
            return null;
        }
    }

    /**
     * {@code REPGAP_DAEMON=1}: runs {@code args} in this build's daemon ({@link Daemon}) and exits with the
     * command's code when it ran there; otherwise returns why not (busy, or no daemon), and the caller runs
     * the command in this JVM.
     */
    private static Daemon.Outcome runInDaemon(Path socket, String[] args) {
        Daemon.Result r;
        try {
            r = Daemon.forward(socket, Path.of("").toAbsolutePath(), List.of(args), System.out, System.err);
        } catch (IOException e) {
            System.err.println("repgap: " + e.getMessage());
            System.exit(1);
            return null;
        }
        if (r.outcome() == Daemon.Outcome.RAN) {
            System.exit(r.exitCode());
        }
        return r.outcome();
    }

    /**
     * Loads the native OpenBLAS library, the JSON writer and the security providers (for the data hash)
     * on a daemon thread while the main thread parses options and reads the input (measured in a fresh
     * JVM: about 0.4 s for each of the first two, 0.1 s for the last, otherwise paid in sequence).
     * Failures are ignored here: the main thread meets them again and reports them.
     */
    private static void warmUpInBackground() {
        startDaemon("repgap-warm-up", () -> {
            try {
                OpenBlas.available(); // loads and self-checks the native library once per process
                Json.write(Map.of("warm_up", List.of(1.0, "text")));
                java.security.MessageDigest.getInstance("SHA-256"); // the provenance hash
            } catch (RuntimeException | LinkageError | java.security.NoSuchAlgorithmException ignored) {
                // reported by the main thread when it needs the library
            }
        });
    }

    /**
     * Starts computing the input's SHA-256 (for the provenance record) on a daemon thread, so that it
     * overlaps with the single-threaded steps that follow reading (duplicate check, preparation of the
     * search) instead of running after the estimate: about 0.1 s for 20,000 x 100 values in a fresh JVM.
     */
    static void hashInBackground(org.repgap.data.PointCloud x) {
        startDaemon("repgap-hash", x::sha256);
    }

    /** Runs {@code work} on a new daemon thread: the process does not wait for it to exit. */
    private static void startDaemon(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
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
