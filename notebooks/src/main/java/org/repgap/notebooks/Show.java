package org.repgap.notebooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * Displays files in the running notebook: a PNG as an image, an SVG inline, text as a block.
 * Outside a notebook (e.g. when notebooks are run as tests) it prints a one-line placeholder.
 */
public final class Show {
    private Show() {
    }

    /** Shows a PNG or SVG figure written by toolkit-plots. */
    public static void figure(Path file) {
        try {
            String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            DisplayData data = new DisplayData("[figure " + file.getFileName() + "]");
            if (name.endsWith(".png")) {
                data.putData("image/png", Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
            } else if (name.endsWith(".svg")) {
                data.putSVG(Files.readString(file, StandardCharsets.UTF_8));
            } else {
                throw new IllegalArgumentException(file + ": only .png and .svg can be shown inline");
            }
            display(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Shows preformatted text (a result table). */
    public static void text(String text) {
        display(new DisplayData(text));
    }

    private static void display(DisplayData data) {
        BaseKernel kernel;
        try {
            kernel = BaseKernel.notebookKernel();
        } catch (NullPointerException e) {
            kernel = null; // jjava-jupyter throws instead of returning null outside a running kernel
        }
        if (kernel == null) {
            System.out.println(data.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN));
        } else {
            kernel.display(data);
        }
    }
}
