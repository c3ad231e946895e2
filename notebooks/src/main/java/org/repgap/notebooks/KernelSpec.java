package org.repgap.notebooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the Jupyter kernel spec {@code repgap-java/kernel.json} into a kernels directory, with the
 * class path of this JVM so the kernel sees exactly the toolkit that was built.
 * Usage: {@code KernelSpec KERNELS_DIR [CLASS_PATH]}; see {@code notebooks/install-kernel.sh}.
 */
public final class KernelSpec {
    private KernelSpec() {
    }

    /** Writes the spec and returns its directory. */
    public static Path write(Path kernelsDir, String classPath) throws IOException {
        Path dir = kernelsDir.resolve("repgap-java");
        Files.createDirectories(dir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String json = "{\n"
                + "  \"argv\": [" + quote(java) + ", \"-Xmx4g\", \"-Djava.awt.headless=true\", \"-cp\", " + quote(classPath)
                + ", \"org.repgap.notebooks.RepgapKernel\", \"{connection_file}\"],\n"
                + "  \"display_name\": \"Java (repgap)\",\n"
                + "  \"language\": \"java\",\n"
                + "  \"interrupt_mode\": \"message\"\n"
                + "}\n";
        org.repgap.io.AtomicFiles.writeString(dir.resolve("kernel.json"), json);
        return dir;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: KernelSpec KERNELS_DIR [CLASS_PATH]");
            System.exit(2);
        }
        String cp = args.length > 1 ? args[1] : System.getProperty("java.class.path");
        System.out.println(write(Path.of(args[0]), cp));
    }
}
