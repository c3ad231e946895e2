package org.repgap.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.repgap.json.Json;

/** The installed kernel spec is a self-contained copy that names no path it was installed from. */
class KernelSpecTest {

    @TempDir
    Path tmp;

    private Path checkout() throws IOException {
        Path build = tmp.resolve("checkout/notebooks/target");
        Files.createDirectories(build.resolve("classes/org/repgap"));
        Files.writeString(build.resolve("classes/org/repgap/A.class"), "class bytes");
        Files.createDirectories(build.resolve("lib"));
        Files.writeString(build.resolve("lib/b.jar"), "jar bytes");
        Files.writeString(build.resolve("lib/a.jar"), "jar bytes");
        Files.createDirectories(build.resolve("sources/toolkit-core/org/repgap"));
        Files.writeString(build.resolve("sources/toolkit-core/org/repgap/A.java"), "/** A. */ class A {}");
        return build;
    }

    @Test
    void specNamesOnlyItsOwnDirectoryAndHoldsCopies() throws IOException {
        Path build = checkout();
        Path kernels = tmp.resolve("jupyter/kernels");
        String cp = build.resolve("classes") + File.pathSeparator + build.resolve("lib") + File.separator + "*"
                + File.pathSeparator + build.resolve("missing.jar");
        Path dir = KernelSpec.install(kernels, KernelSpec.parsePathList(cp), List.of(build.resolve("sources/toolkit-core")));
        assertEquals(kernels.resolve(KernelSpec.NAME), dir);
        String json = Files.readString(dir.resolve("kernel.json"), StandardCharsets.UTF_8);
        assertFalse(json.contains(tmp.resolve("checkout").toString()), json);
        JsonNode spec = Json.mapper().readTree(json);
        List<String> argv = new ArrayList<>();
        spec.get("argv").forEach(a -> argv.add(a.asText()));
        String classPath = argv.get(argv.indexOf("-cp") + 1);
        // the classes directory, then the jars of lib/* in name order; the missing entry is skipped
        assertEquals(String.join(File.pathSeparator, "{resource_dir}/lib/00-classes", "{resource_dir}/lib/01-a.jar",
                "{resource_dir}/lib/02-b.jar"), classPath);
        assertTrue(argv.contains("-Drepgap.sources={resource_dir}/src/00-toolkit-core"), argv.toString());
        assertEquals("{connection_file}", argv.get(argv.size() - 1));
        assertEquals(RepgapKernel.class.getName(), argv.get(argv.size() - 2));
        assertEquals("message", spec.get("interrupt_mode").asText());
        assertTrue(Files.isRegularFile(dir.resolve("lib/00-classes/org/repgap/A.class")));
        assertTrue(Files.isRegularFile(dir.resolve("src/00-toolkit-core/org/repgap/A.java")));

        // the checkout can go away; a reinstall replaces the copies (no stale jar stays on the class path)
        Files.delete(build.resolve("lib/b.jar"));
        KernelSpec.install(kernels, KernelSpec.parsePathList(cp), List.of());
        assertFalse(Files.exists(dir.resolve("lib/02-b.jar")));
        assertFalse(Files.exists(dir.resolve("src/00-toolkit-core")));
        assertFalse(Files.readString(dir.resolve("kernel.json")).contains("repgap.sources"));
    }

    @Test
    void emptyClassPathIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KernelSpec.install(tmp, List.of(tmp.resolve("none.jar")), List.of()));
        assertTrue(e.getMessage().contains("none of the 1 entries exists"), e.getMessage());
    }
}
