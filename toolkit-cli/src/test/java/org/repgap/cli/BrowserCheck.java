package org.repgap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;

/**
 * Renders a page in headless Chromium (Debian's {@code chromium}) to a PNG and checks that it rendered: the
 * expected size, not blank (enough non-white pixels and colours), and no console message from the page.
 * Without Chromium the check is skipped, unless the environment variable {@code CI} is set (then it fails:
 * {@code .ci/run} installs Chromium).
 */
final class BrowserCheck {
    static final int WIDTH = 1200;
    static final int HEIGHT = 2400;

    private BrowserCheck() {
    }

    static void assertRenders(Path page, Path png) throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        if (!Files.isExecutable(chromium)) {
            assertTrue(System.getenv("CI") == null, "CI is set but /usr/bin/chromium is missing (.ci/run installs it)");
            Assumptions.assumeTrue(false, "no /usr/bin/chromium: browser check skipped");
        }
        Path profile = Files.createTempDirectory("repgap-chromium");
        // the flags that a closed network needs (docs of this machine kind), and console messages on stderr
        List<String> cmd = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--enable-logging=stderr", "--v=0", "--window-size=" + WIDTH + "," + HEIGHT, "--screenshot=" + png,
                page.toUri().toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium did not finish");
        assertEquals(0, p.exitValue(), log);
        for (String line : log.split("\n")) {
            assertTrue(!line.contains("CONSOLE") && !line.contains("Uncaught"), "console message from the page: " + line);
        }
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(WIDTH, img.getWidth());
        assertEquals(HEIGHT, img.getHeight());
        long dark = 0;
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF) < 600) {
                    dark++;
                }
            }
        }
        // a blank page has one colour and no dark pixel; text, tables and figures give thousands of each
        assertTrue(dark > 2000, "almost blank: " + dark + " non-white pixels");
        assertTrue(colours.size() > 50, "almost blank: " + colours.size() + " colours");
    }
}
