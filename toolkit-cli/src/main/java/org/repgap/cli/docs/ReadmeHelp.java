package org.repgap.cli.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.repgap.cli.Repgap;
import org.repgap.io.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * The README's command reference, generated from the same picocli model that parses the command line, so
 * that it cannot drift from {@code --help}: between the lines {@value #BEGIN} and {@value #END} of the README,
 * one subsection per command, each holding the command's usage message in a fenced block between
 * {@code <!-- help:NAME -->} and {@code <!-- /help:NAME -->}. The text is what {@code repgap NAME --help}
 * prints (width 110 as set by {@link Repgap#commandLine()}, no ANSI styles), with trailing blanks removed
 * from each line so that an editor cannot make it differ.
 *
 * <p>Regenerate with {@value #REGENERATE} (the launcher rebuilds the jar when the sources changed);
 * {@code ReadmeHelpTest} fails when the README's blocks differ from the model.
 */
public final class ReadmeHelp {

    /** The command that rewrites the README's reference, for messages and the README itself. */
    public static final String REGENERATE =
            "./repgap --version >/dev/null && java -cp toolkit-cli/target/repgap-cli.jar org.repgap.cli.docs.ReadmeHelp README.md";

    /** First line of the generated region. */
    public static final String BEGIN = "<!-- help:begin (generated from --help: edit the commands, then regenerate) -->";

    /** Last line of the generated region. */
    public static final String END = "<!-- help:end -->";

    private static final String ROOT = "repgap";

    private ReadmeHelp() {
    }

    /**
     * Each command's usage message, the top-level command first (key {@code repgap}), then the subcommands in
     * the order of the usage message; picocli's own {@code help} command is left out (its help says only
     * that).
     *
     * @throws IllegalStateException when the system property {@code picocli.usage.width} is set: it would
     *                               override the model's width, and the text would depend on the caller
     */
    public static Map<String, String> usages() {
        if (System.getProperty("picocli.usage.width") != null) {
            throw new IllegalStateException("picocli.usage.width is set (" + System.getProperty("picocli.usage.width")
                    + "): the reference must use the commands' own width; unset it");
        }
        CommandLine root = Repgap.commandLine();
        Map<String, String> usages = new LinkedHashMap<>();
        usages.put(ROOT, usage(root));
        root.getSubcommands().forEach((name, sub) -> {
            if (!(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                usages.put(name, usage(sub));
            }
        });
        return usages;
    }

    private static String usage(CommandLine cl) {
        String text = cl.getUsageMessage(Ansi.OFF).replace("\r\n", "\n");
        return text.lines().map(String::stripTrailing).reduce((a, b) -> a + "\n" + b).orElse("").strip();
    }

    /** The generated region, from {@link #BEGIN} to {@link #END} inclusive, each line ended by a newline. */
    public static String region() {
        StringBuilder b = new StringBuilder(BEGIN).append('\n');
        usages().forEach((name, text) -> {
            String title = name.equals(ROOT) ? ROOT : ROOT + " " + name;
            b.append('\n').append("### `").append(title).append("`\n\n")
                    .append(open(name)).append('\n')
                    .append("```text\n").append(text).append("\n```\n")
                    .append(close(name)).append('\n');
        });
        return b.append('\n').append(END).append('\n').toString();
    }

    /** The opening marker of a command's block. */
    public static String open(String name) {
        return "<!-- help:" + name + " -->";
    }

    /** The closing marker of a command's block. */
    public static String close(String name) {
        return "<!-- /help:" + name + " -->";
    }

    /**
     * The README with its generated region replaced by {@link #region()}.
     *
     * @throws IllegalArgumentException when the README does not hold exactly one {@link #BEGIN} line followed by
     *                                  an {@link #END} line
     */
    public static String update(String readme) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        if (begin < 0 || end < begin || readme.indexOf(BEGIN, begin + 1) >= 0 || readme.indexOf(END, end + 1) >= 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "expected one line '%s' followed by one line '%s' (where the command reference goes)", BEGIN, END));
        }
        int after = end + END.length();
        if (after < readme.length() && readme.charAt(after) == '\n') {
            after++;
        }
        return readme.substring(0, begin) + region() + readme.substring(after);
    }

    /**
     * {@code ReadmeHelp README.md}: rewrites the file's command reference in place (atomically); prints whether
     * it changed. Exit code 2 with one line when the file is missing or has no region.
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ReadmeHelp README.md   (rewrites the command reference between " + BEGIN
                    + " and " + END + ")");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        try {
            String old = Files.readString(file, StandardCharsets.UTF_8);
            String updated = update(old);
            if (updated.equals(old)) {
                System.out.println(file + ": command reference up to date");
            } else {
                AtomicFiles.writeString(file, updated);
                System.out.println(file + ": command reference regenerated");
            }
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("ReadmeHelp: " + file + ": " + e.getMessage());
            System.exit(2);
        }
    }
}
