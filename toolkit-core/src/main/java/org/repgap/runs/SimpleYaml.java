package org.repgap.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small part of YAML that run trackers write for hyper-parameters: flat {@code key: value}
 * lines (Lightning's {@code hparams.yaml}), plus W&amp;B's {@code config.yaml} shape where each key
 * holds a {@code value:} child. Comments, blank lines and {@code ---} are skipped; quotes around
 * values are removed; anything nested deeper is ignored (not an error). This is not a YAML parser.
 */
public final class SimpleYaml {
    private SimpleYaml() {
    }

    /** Flat parameters from a file. */
    public static Map<String, String> read(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Flat parameters from lines. */
    public static Map<String, String> parse(List<String> lines) {
        Map<String, String> out = new LinkedHashMap<>();
        String parent = null;
        for (String raw : lines) {
            String line = stripComment(raw);
            if (line.isBlank() || line.trim().equals("---")) {
                continue;
            }
            boolean indented = Character.isWhitespace(line.charAt(0));
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = unquote(line.substring(0, colon).trim());
            String value = unquote(line.substring(colon + 1).trim());
            if (!indented) {
                parent = value.isEmpty() ? key : null;
                if (!value.isEmpty()) {
                    out.put(key, value);
                }
            } else if (parent != null && key.equals("value")) {
                out.put(parent, value);
            }
        }
        return out;
    }

    private static String stripComment(String line) {
        int hash = line.indexOf(" #");
        if (line.startsWith("#")) {
            return "";
        }
        return hash >= 0 ? line.substring(0, hash) : line;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && ((s.startsWith("\"") && s.endsWith("\"")) || (s.startsWith("'") && s.endsWith("'")))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
