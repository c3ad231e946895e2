package org.repgap.cli.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's command reference is the picocli model's usage text ({@link ReadmeHelp}). */
class ReadmeHelpTest {

    /** The module directory is surefire's working directory; the README is the checkout's. */
    private static final Path README = Path.of("..", "README.md");

    @Test
    void readmeBlocksAreTheCommandsHelp() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        Map<String, String> usages = ReadmeHelp.usages();
        for (Map.Entry<String, String> e : usages.entrySet()) {
            String block = block(readme, e.getKey());
            if (!block.equals(e.getValue())) {
                fail("README.md: the block <!-- help:" + e.getKey() + " --> differs from 'repgap "
                        + (e.getKey().equals("repgap") ? "" : e.getKey() + " ") + "--help' (first difference at line "
                        + firstDifference(block, e.getValue()) + "); regenerate it with: " + ReadmeHelp.REGENERATE);
            }
        }
        assertEquals(ReadmeHelp.update(readme), readme,
                "README.md: the command reference is not what the commands generate; regenerate it with: "
                        + ReadmeHelp.REGENERATE);
    }

    @Test
    void everySubcommandAndTheTopLevelHaveABlock() {
        Map<String, String> usages = ReadmeHelp.usages();
        for (String name : List.of("repgap", "demo", "id", "gap", "fit", "train", "datasets", "plot", "daemon",
                "completion", "man")) {
            assertTrue(usages.containsKey(name), name);
            assertTrue(usages.get(name).startsWith("Usage: repgap"), name);
        }
        assertFalse(usages.containsKey("help"));
        assertTrue(usages.get("id").contains("--estimator=LIST"));
        assertFalse(String.join("", usages.values()).contains("\u001B["), "no ANSI escapes");
    }

    /** The check can fail: an edited line inside a block, or a missing block, is detected and regenerated. */
    @Test
    void anEditedBlockIsDetected() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String edited = readme.replaceFirst("Usage: repgap id ", "Usage: repgap  id ");
        assertNotEquals(readme, edited);
        assertNotEquals(ReadmeHelp.usages().get("id"), block(edited, "id"));
        assertEquals(readme, ReadmeHelp.update(edited), "regenerating restores the block");
        String dropped = readme.replace(ReadmeHelp.close("gap"), "");
        assertNotEquals(readme, dropped);
        assertEquals(readme, ReadmeHelp.update(dropped));
    }

    /** The text of {@code name}'s fenced block in the README, or a failure naming the missing markers. */
    private static String block(String readme, String name) {
        int open = readme.indexOf(ReadmeHelp.open(name));
        int close = readme.indexOf(ReadmeHelp.close(name));
        if (open < 0 || close < open) {
            fail("README.md has no block " + ReadmeHelp.open(name) + " ... " + ReadmeHelp.close(name)
                    + "; regenerate the reference with: " + ReadmeHelp.REGENERATE);
        }
        String inner = readme.substring(open + ReadmeHelp.open(name).length(), close).strip();
        String fence = "```text";
        if (!inner.startsWith(fence) || !inner.endsWith("```")) {
            fail("README.md: the block of " + name + " is not one ```text fence; regenerate with: " + ReadmeHelp.REGENERATE);
        }
        return inner.substring(fence.length(), inner.length() - 3).strip();
    }

    private static int firstDifference(String a, String b) {
        List<String> x = a.lines().toList();
        List<String> y = b.lines().toList();
        int i = 0;
        while (i < x.size() && i < y.size() && x.get(i).equals(y.get(i))) {
            i++;
        }
        return i + 1;
    }
}
