package org.repgap.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.repgap.json.Json;

/**
 * The installed kernel over the real Jupyter protocol ({@code kernel_protocol.py}, driven by Debian's
 * {@code jupyter_client}): a cell interrupted after 3 s of a 60 s sleep ends with an error, not {@code ok};
 * {@code inspect} answers with signatures and Javadoc summaries read from the spec's own copy of the sources.
 */
class KernelProtocolTest {

    @Test
    void interruptIsAnErrorAndInspectShowsJavadoc(@TempDir Path tmp) throws Exception {
        String python = Jupyter.python();
        Jupyter.installKernel(tmp);
        Path script = Path.of("src/test/resources/org/repgap/notebooks/kernel_protocol.py");
        Process p = Jupyter.process(tmp, python, script.toString()).redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "kernel_protocol.py timed out");
        assertEquals(0, p.exitValue(), "kernel_protocol.py failed: " + out);
        JsonNode r = Json.mapper().readTree(out);
        assertEquals("ok", r.get("plain").asText(), out);
        assertEquals("error", r.get("interrupt_status").asText(), out);
        assertTrue(r.get("interrupt_error").asText().contains("interrupted: Thread.sleep(60_000);"), out);
        assertEquals(1, r.get("interrupt_iopub_errors").asInt(), "the cell shows one error output: " + out);
        // interrupted 3 s in; 20 s leaves room for a loaded machine and is far below the 60 s sleep
        assertTrue(r.get("interrupt_seconds").asDouble() < 20, out);
        assertEquals("ok", r.get("after_interrupt").asText(), "the kernel must survive an interrupt: " + out);
        assertFalse(r.get("later_statement_ran").asBoolean(), out);
        JsonNode method = r.get("inspect_method");
        assertTrue(method.get("found").asBoolean(), out);
        assertTrue(method.get("text").asText().contains("PointCloud.of(double[][] rows, String source)\n"
                + "    Copies the rows (all of equal length) into a new point cloud."), out);
        assertEquals("org.repgap.fit.Laws\n    The laws the toolkit fits, by name.", r.get("inspect_type").get("text").asText(), out);
    }
}
