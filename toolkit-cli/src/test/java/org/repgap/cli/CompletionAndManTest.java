package org.repgap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code repgap completion} and {@code repgap man}: generated from the command-line model, complete and valid. */
class CompletionAndManTest {

    /** Every subcommand name of the model, picocli's help included. */
    private static Set<String> subcommands() {
        return new TreeSet<>(Repgap.commandLine().getSubcommands().keySet());
    }

    @Test
    void completionScriptHasEveryCommandAndIsValidBash(@TempDir Path tmp) throws Exception {
        CliRun run = CliRun.of("completion");
        assertEquals(0, run.code(), run.err());
        String script = run.out();
        for (String name : subcommands()) {
            assertTrue(script.contains("function _picocli_repgap_" + name + "()"), "completion function of " + name);
        }
        for (String option : new String[] {"--estimator", "--bootstrap", "--group", "--law", "--equivariance", "--dir"}) {
            assertTrue(script.contains(option), option);
        }
        assertTrue(script.contains("complete -F _complete_repgap"), "registered for the command repgap");
        assertTrue(script.contains("bashcompinit"), "zsh support");
        Path file = tmp.resolve("repgap.bash");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "bash -n: " + out);
        // the check can fail: a script with a syntax error is refused
        Files.writeString(file, script + "\nfunction broken() {\n", StandardCharsets.UTF_8);
        Process q = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
        q.getInputStream().readAllBytes();
        assertTrue(q.waitFor(30, TimeUnit.SECONDS));
        assertTrue(q.exitValue() != 0);
    }

    @Test
    void manWritesOnePagePerCommand(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("man");
        CliRun run = CliRun.of("man", "--dir", dir.toString());
        assertEquals(0, run.code(), run.err());
        Set<String> expected = new TreeSet<>();
        expected.add("repgap.adoc");
        subcommands().forEach(name -> expected.add("repgap-" + name + ".adoc"));
        assertEquals(expected, files(dir, ".adoc"));
        String id = Files.readString(dir.resolve("repgap-id.adoc"), StandardCharsets.UTF_8);
        assertTrue(id.contains(":doctype: manpage"));
        assertTrue(id.contains("= repgap-id(1)"));
        assertTrue(id.contains("*--estimator*=_LIST_"), "options with their labels");
    }

    @Test
    void manRefusesADirThatIsAFile(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        CliRun run = CliRun.of("man", "--dir", file.toString());
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("repgap: --dir " + file), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    /** The README's conversion to troff, where Asciidoctor is installed ({@code .ci/run} installs it). */
    @Test
    void asciidoctorTurnsThePagesIntoTroff(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(onPath("asciidoctor"), "asciidoctor not installed");
        Path adoc = tmp.resolve("adoc");
        ManCommand.write(adoc);
        Path man1 = tmp.resolve("man1");
        Path[] pages;
        try (Stream<Path> s = Files.list(adoc)) {
            pages = s.sorted().toArray(Path[]::new);
        }
        var cmd = new java.util.ArrayList<>(java.util.List.of("asciidoctor", "-b", "manpage", "-D", man1.toString()));
        for (Path page : pages) {
            cmd.add(page.toString());
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals("", out.strip(), "asciidoctor warnings");
        assertEquals(pages.length, files(man1, ".1").size());
        assertTrue(Files.readString(man1.resolve("repgap-id.1"), StandardCharsets.UTF_8).contains(".TH \"REPGAP\\-ID\" \"1\""));
    }

    private static Set<String> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
