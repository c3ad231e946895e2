package org.repgap.notebooks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Installs the Jupyter kernel spec {@code repgap-java/} into a kernels directory as a self-contained
 * copy: the class path entries (jars or class directories) are copied into {@code repgap-java/lib/}, the
 * Java source roots used for {@code inspect} (shift-tab Javadoc) into {@code repgap-java/src/}, and
 * {@code kernel.json} names them through Jupyter's {@code {resource_dir}} placeholder, which Jupyter
 * replaces by the kernel spec's own directory when it starts the kernel. The spec therefore names no path
 * of the checkout or build it was installed from: moving, rebuilding or deleting the checkout does not
 * break it; re-installing replaces it.
 *
 * <p>Usage: {@code KernelSpec KERNELS_DIR [CLASS_PATH [SOURCE_PATH]]} (lists separated by the platform's
 * path separator; an entry {@code DIR/*} means every jar of {@code DIR}; the default class path is this
 * JVM's). {@code notebooks/install-kernel.sh} installs from the built module ({@code notebooks/target}).
 */
public final class KernelSpec {
    /** The kernel's name, as notebooks' metadata and {@code --ExecutePreprocessor.kernel_name} give it. */
    public static final String NAME = "repgap-java";
    /** The placeholder Jupyter replaces by the kernel spec's directory ({@code jupyter_client} 5.3 and later). */
    static final String RESOURCE_DIR = "{resource_dir}";
    /** The system property through which the kernel receives its source roots (for {@code inspect}). */
    static final String SOURCES_PROPERTY = "repgap.sources";

    private KernelSpec() {
    }

    /**
     * Installs (or replaces) the kernel spec.
     *
     * @param kernelsDir a Jupyter kernels directory, e.g. {@code ~/.local/share/jupyter/kernels}
     * @param classPath  the kernel's class path: jars and class directories (missing entries are skipped)
     * @param sources    Java source roots (directories or source jars) whose Javadoc {@code inspect} shows; may be empty
     * @return the kernel spec's directory
     */
    public static Path install(Path kernelsDir, List<Path> classPath, List<Path> sources) throws IOException {
        Path dir = kernelsDir.resolve(NAME);
        deleteTree(dir.resolve("lib"));
        deleteTree(dir.resolve("src"));
        List<String> cp = copyAll(classPath, dir.resolve("lib"));
        if (cp.isEmpty()) {
            throw new IllegalArgumentException("kernel class path: none of the " + classPath.size() + " entries exists");
        }
        List<String> src = copyAll(sources, dir.resolve("src"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> argv = new ArrayList<>(List.of(java, "-Xmx4g", "-Djava.awt.headless=true",
                // CellEvaluator hands the source roots to JShell's Javadoc lookup, a private field of jdk.jshell
                "--add-opens", "jdk.jshell/jdk.jshell=ALL-UNNAMED"));
        if (!src.isEmpty()) {
            argv.add("-D" + SOURCES_PROPERTY + "=" + String.join(File.pathSeparator, src));
        }
        argv.addAll(List.of("-cp", String.join(File.pathSeparator, cp), RepgapKernel.class.getName(), "{connection_file}"));
        StringBuilder json = new StringBuilder("{\n  \"argv\": [");
        for (int i = 0; i < argv.size(); i++) {
            json.append(i == 0 ? "" : ", ").append(quote(argv.get(i)));
        }
        json.append("],\n  \"display_name\": \"Java (repgap)\",\n  \"language\": \"java\",\n  \"interrupt_mode\": \"message\"\n}\n");
        org.repgap.io.AtomicFiles.writeString(dir.resolve("kernel.json"), json.toString());
        return dir;
    }

    /** Copies each existing entry to {@code NN-name} in {@code target}; returns the copies as {@code {resource_dir}/...} paths. */
    private static List<String> copyAll(List<Path> entries, Path target) throws IOException {
        Files.createDirectories(target);
        List<String> out = new ArrayList<>();
        for (Path p : entries) {
            if (!Files.exists(p)) {
                continue;
            }
            // the index keeps order and tells apart entries of equal names (every module's target/classes)
            String name = String.format(Locale.ROOT, "%02d-%s", out.size(), p.toAbsolutePath().normalize().getFileName());
            copyTree(p, target.resolve(name));
            out.add(RESOURCE_DIR + "/" + target.getFileName() + "/" + name);
        }
        return out;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Splits a path list; {@code DIR/*} becomes the jars of {@code DIR} in name order, as {@code java -cp} reads it. */
    static List<Path> parsePathList(String list) {
        List<Path> out = new ArrayList<>();
        for (String e : list.split(File.pathSeparator)) {
            if (e.isBlank()) {
                continue;
            }
            if (e.endsWith("/*") || e.endsWith(File.separator + "*")) {
                Path d = Path.of(e.substring(0, e.length() - 2));
                if (!Files.isDirectory(d)) {
                    continue;
                }
                try (DirectoryStream<Path> jars = Files.newDirectoryStream(d, "*.{jar,JAR}")) {
                    List<Path> sorted = new ArrayList<>();
                    jars.forEach(sorted::add);
                    sorted.sort(Comparator.naturalOrder());
                    out.addAll(sorted);
                } catch (IOException ex) {
                    throw new UncheckedIOException(d + ": " + ex.getMessage(), ex);
                }
            } else {
                out.add(Path.of(e));
            }
        }
        return out;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: KernelSpec KERNELS_DIR [CLASS_PATH [SOURCE_PATH]]");
            System.exit(2);
        }
        String cp = args.length > 1 ? args[1] : System.getProperty("java.class.path");
        List<Path> sources = args.length > 2 ? parsePathList(args[2]) : List.of();
        try {
            System.out.println(install(Path.of(args[0]), parsePathList(cp), sources));
        } catch (IllegalArgumentException e) {
            System.err.println("KernelSpec: " + e.getMessage());
            System.exit(2);
        }
    }
}
