package org.repgap.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * One {@code repgap} invocation in-process, as the tests see it: the exit code, what went to
 * standard output (System.out, replaced before the command line is built, then picocli's own
 * writer, which holds help and usage), what went to picocli's error writer (errors), and what went to
 * System.err (progress and warnings).
 */
record CliRun(int code, String out, String err, String systemErr) {

    /** Everything a user sees on stderr: warnings and progress, then the error. */
    String stderr() {
        return systemErr + err;
    }

    static CliRun of(String... args) {
        PrintStream saved = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            CommandLine cl = Repgap.commandLine();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int code = cl.execute(args);
            cl.getOut().flush();
            cl.getErr().flush();
            return new CliRun(code, stdout.toString(StandardCharsets.UTF_8) + out, err.toString(),
                    stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(saved);
            System.setErr(savedErr);
        }
    }
}
