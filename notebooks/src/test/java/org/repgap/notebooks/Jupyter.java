package org.repgap.notebooks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * What the end-to-end tests share: whether Debian's Jupyter is installed (CI, {@code CI=true}, must have it:
 * {@code .ci/run} installs it), the kernel spec installed from this test's class path into a temporary
 * Jupyter directory, and the environment that makes Jupyter find it there.
 */
final class Jupyter {
    private Jupyter() {
    }

    /** The class path the tests run with (surefire's, else this JVM's). */
    static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null ? cp : System.getProperty("java.class.path");
    }

    /** The toolkit's source roots in this checkout, for inspect's Javadoc. */
    static List<Path> sources() {
        return List.of(Path.of("../toolkit-core/src/main/java"), Path.of("../toolkit-plots/src/main/java"), Path.of("src/main/java"));
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Skips the test when Jupyter's nbconvert is missing, except in CI where it fails. */
    static void assumeNbconvert() {
        require(runs("jupyter", "nbconvert", "--version"), "jupyter-nbconvert");
    }

    /**
     * The Python that has {@code jupyter_client} (Debian's {@code /usr/bin/python3} when another {@code python3}
     * comes first on the PATH), skipping the test when there is none, except in CI where it fails.
     */
    static String python() {
        for (String python : List.of("python3", "/usr/bin/python3")) {
            if (runs(python, "-c", "import jupyter_client")) {
                return python;
            }
        }
        require(false, "python3-jupyter-client");
        return null;
    }

    private static void require(boolean available, String pkg) {
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(available, "CI must install " + pkg + " for the notebook tests: see .ci/run");
        }
        Assumptions.assumeTrue(available, pkg + " not installed: end-to-end kernel test skipped");
    }

    /** Installs the kernel spec under {@code jupyterDir/kernels} from this test's class path and the checkout's sources. */
    static void installKernel(Path jupyterDir) throws IOException {
        KernelSpec.install(jupyterDir.resolve("kernels"), KernelSpec.parsePathList(classPath()), sources());
    }

    /** A process builder whose Jupyter finds only the kernel installed in {@code jupyterDir}. */
    static ProcessBuilder process(Path jupyterDir, String... command) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("JUPYTER_PATH", jupyterDir.toString());
        pb.environment().put("JUPYTER_DATA_DIR", jupyterDir.toString());
        pb.environment().put("JUPYTER_RUNTIME_DIR", jupyterDir.resolve("runtime").toString());
        return pb;
    }
}
