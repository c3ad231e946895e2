package org.repgap.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.repgap.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code repgap daemon}: starts, stops or shows the optional resident server ({@link Daemon}). */
@Command(name = "daemon",
        mixinStandardHelpOptions = true,
        description = {
                "The optional resident server: with the environment variable REPGAP_DAEMON=1, the commands id, gap, "
                        + "fit, datasets and plot run in one long-lived JVM of this build instead of a new one each time "
                        + "(about 1.2 s less per command: no JVM start-up, nothing left to compile). The first such command "
                        + "starts it; it stops after 15 idle minutes (REPGAP_DAEMON_IDLE_MINUTES), when a client is "
                        + "interrupted during its command, or with 'repgap daemon stop'. Commands run one at a time; "
                        + "one that finds it busy runs in its own JVM. train and demo always run in their own JVM.",
                "",
                "Examples:",
                "  export REPGAP_DAEMON=1",
                "  for f in layers/*.npy; do repgap id --input \"$f\" --estimator mle --format csv; done",
                "  repgap daemon status",
                "  repgap daemon stop"},
        footer = {"", "Exit codes: 0 success (status: a daemon answers), 1 no daemon answers (status) or it could "
                + "not be started, 2 bad input."})
public final class DaemonCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ACTION", description = "start, stop or status.")
    String action;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path socket;
        try {
            socket = Daemon.socket();
        } catch (IOException e) {
            System.err.println("repgap: daemon: " + e.getMessage());
            return 1;
        }
        if (!action.equals("stop") && !Daemon.enabled()) {
            System.out.println("repgap daemon: note: " + Daemon.ENABLE + " is not set, so commands run in their own JVM; "
                    + "export " + Daemon.ENABLE + "=1 to use the daemon");
        }
        switch (action) {
            case "status":
                return control(socket, Daemon.PING) ? 0 : notRunning(socket);
            case "stop":
                if (!control(socket, Daemon.STOP)) {
                    notRunning(socket);
                }
                return 0;
            case "start":
                if (control(socket, Daemon.PING)) {
                    return 0;
                }
                Daemon.spawn(socket);
                for (int i = 0; i < 200; i++) { // up to 20 s: start-up and warm-up take a few seconds
                    Thread.sleep(100);
                    if (control(socket, Daemon.PING)) {
                        return 0;
                    }
                }
                System.err.println("repgap: the daemon did not answer within 20 s; see " + Daemon.log(socket));
                return 1;
            default:
                throw InvalidInputException.of("daemon %s: expected start, stop or status", action);
        }
    }

    /** Sends a control request (answered even while a command runs); true when a daemon answered. */
    private static boolean control(Path socket, String request) throws IOException {
        Daemon.Result r = Daemon.forward(socket, Path.of("").toAbsolutePath(), List.of(request), System.out, System.err);
        return r.outcome() == Daemon.Outcome.RAN;
    }

    private static int notRunning(Path socket) {
        System.out.println("repgap daemon: not running (socket " + socket + ")");
        return 1;
    }
}
