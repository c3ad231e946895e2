package org.repgap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code -q/--quiet} (issue 12, defect 9): one mixin on every command that reports progress, and it silences it. */
class ProgressOptionTest {
    private static final long SECOND = 1_000_000_000L;

    /** Each command's required options (parsed only: nothing is read or written). */
    private static final java.util.Map<String, java.util.List<String>> REQUIRED = java.util.Map.of(
            "id", java.util.List.of("--dataset", "sphere:2"), "gap", java.util.List.of("--dataset", "sphere:2"),
            "fit", java.util.List.of("--input", "runs.csv"), "train", java.util.List.of("--out", "sweep", "--dataset", "sphere:2"),
            "demo", java.util.List.of());

    private static ProgressOption parsed(String command, String... args) {
        CommandLine cl = Repgap.commandLine(command);
        CommandLine sub = cl.getSubcommands().get(command);
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(command));
        all.addAll(REQUIRED.get(command));
        all.addAll(java.util.List.of(args));
        cl.parseArgs(all.toArray(String[]::new));
        CommandSpec mixin = sub.getCommandSpec().mixins().get("progressOption");
        return (ProgressOption) mixin.userObject();
    }

    /** What the command's reporter prints for a 30 s task updated every 0.1 s (past the 2 s before progress shows). */
    private static String progressOf(ProgressOption option, boolean terminal) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong();
        StderrProgress p = option.progress(new PrintStream(buf, true, StandardCharsets.UTF_8), terminal, now::get);
        for (int i = 1; i <= 300; i++) {
            now.set(i * SECOND / 10);
            p.update("20-NN search", i, 300);
        }
        p.finish();
        return buf.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "gap", "fit", "train", "demo"})
    void everyLongRunningCommandHasQuietAndItSilencesProgress(String command) {
        ProgressOption normal = parsed(command);
        assertFalse(progressOf(normal, false).isEmpty(), command + ": progress without --quiet");
        assertFalse(progressOf(normal, true).isEmpty(), command + ": progress on a terminal without --quiet");
        for (String flag : new String[] {"--quiet", "-q"}) {
            ProgressOption quiet = parsed(command, flag);
            assertEquals("", progressOf(quiet, false), command + " " + flag);
            assertEquals("", progressOf(quiet, true), command + " " + flag + " on a terminal");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "gap", "fit", "train", "demo"})
    void theHelpListsQuiet(String command) {
        CliRun r = CliRun.of(command, "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("-q, --quiet"), r.out());
    }
}
