package org.repgap.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The bundled example files, copied out of the class path (a jar) into a temporary directory that
 * readers can open. Names are relative to {@code org/repgap/examples/}.
 */
final class Resources {
    private Resources() {
    }

    /** One resource, as a file of the same name in a fresh temporary directory. */
    static Path copy(String name) {
        Path dir = tempDir();
        return copyTo(name, dir, name.substring(name.lastIndexOf('/') + 1));
    }

    /**
     * Several resources under {@code root}, with their layout below it kept (a run folder), in a fresh
     * temporary directory; returns the copy of {@code root}.
     *
     * @param files paths relative to {@code root}
     */
    static Path copyTree(String root, List<String> files) {
        Path base = tempDir();
        String top = root.substring(root.lastIndexOf('/') + 1);
        for (String f : files) {
            copyTo(root + "/" + f, base, top + "/" + f);
        }
        return base.resolve(top);
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("repgap-example");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies resource {@code name} to {@code base/relative}, every new directory and the file deleted on exit. */
    private static Path copyTo(String name, Path base, String relative) {
        try (InputStream in = Resources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("example resource missing: org/repgap/examples/" + name);
            }
            Path out = base;
            for (String part : relative.split("/")) {
                out = out.resolve(part);
                // registered before what they hold: the JVM deletes in reverse order of registration
                out.toFile().deleteOnExit();
            }
            Files.createDirectories(out.getParent());
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
