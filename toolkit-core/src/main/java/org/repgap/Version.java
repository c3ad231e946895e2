package org.repgap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The toolkit's version, read from the build (filtered resource {@code org/repgap/version.properties}). */
public final class Version {
    private static final String VERSION = load();

    private Version() {
    }

    /** The Maven project version of toolkit-core, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String toolkit() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
