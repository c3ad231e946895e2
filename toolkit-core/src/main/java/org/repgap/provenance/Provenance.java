package org.repgap.provenance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.repgap.Version;

/**
 * Where a result comes from: what computed it, with which settings, on which data, with which seed,
 * and the software it ran on. Enough to rebuild the result. No timestamps: the same input and seed
 * must serialise to the same bytes.
 *
 * @param component  the class or command that produced the result (e.g. {@code TwoNnEstimator})
 * @param parameters the settings, in a stable order (names as in the JSON output)
 * @param dataHash   SHA-256 of the input data (see {@code PointCloud#sha256()}), or {@code null}
 * @param seed       the seed of every random choice, or {@code null} when nothing was random
 * @param toolkitVersion version of this toolkit
 * @param javaVersion    {@code java.version} of the running JVM
 * @param os             {@code os.name os.arch}
 */
public record Provenance(
        String component,
        Map<String, Object> parameters,
        String dataHash,
        Long seed,
        String toolkitVersion,
        String javaVersion,
        String os) {

    public Provenance {
        Objects.requireNonNull(component, "component");
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** Provenance of the running software with the given component, settings, data hash and seed. */
    public static Provenance of(String component, Map<String, ?> parameters, String dataHash, Long seed) {
        return new Provenance(component, new LinkedHashMap<>(parameters), dataHash, seed,
                Version.toolkit(), System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }

    /**
     * SHA-256 of a file's bytes in lower-case hex, for {@link #dataHash()} when the input is a file
     * rather than a point cloud; {@code null} for a directory (of runs) or an unreadable file.
     */
    public static String sha256(java.nio.file.Path file) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            return null;
        }
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int r = in.read(buf); r > 0; r = in.read(buf)) {
                md.update(buf, 0, r);
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            return null;
        }
    }
}
