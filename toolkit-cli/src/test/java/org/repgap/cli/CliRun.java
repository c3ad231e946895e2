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
 * writer, which holds help and usage) and what went to picocli's error writer.
 */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            CommandLine cl = Repgap.commandLine();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int code = cl.execute(args);
            cl.getOut().flush();
            cl.getErr().flush();
            return new CliRun(code, stdout.toString(StandardCharsets.UTF_8) + out, err.toString());
        } finally {
            System.setOut(saved);
        }
    }
}
