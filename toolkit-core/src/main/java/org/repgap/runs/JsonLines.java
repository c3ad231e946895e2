package org.repgap.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.repgap.InvalidInputException;
import org.repgap.json.Json;

/**
 * JSON Lines (one object per line) or a JSON array of objects, as a table: keys become columns
 * (in order of first appearance), nested objects are flattened with dots ({@code config.lr}),
 * arrays are kept as their JSON text, {@code null} is a missing cell.
 */
public final class JsonLines {
    private JsonLines() {
    }

    /** Reads a table; a line that is not a JSON object is bad input (named by line). */
    public static Table read(Path file, ReadOptions o) {
        List<Map<String, String>> objects = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = null;
            r.mark(1 << 16);
            int c;
            while ((c = r.read()) >= 0) {
                if (!Character.isWhitespace(c) && c != '\uFEFF') {
                    first = String.valueOf((char) c);
                    break;
                }
            }
            r.reset();
            if ("[".equals(first)) {
                JsonNode all;
                try {
                    all = Json.mapper().readTree(r);
                } catch (JsonProcessingException e) {
                    throw InvalidInputException.of("%s:%d: malformed JSON: %s", file, e.getLocation().getLineNr(), e.getOriginalMessage());
                }
                int i = 0;
                for (JsonNode node : all) {
                    i++;
                    if (!node.isObject()) {
                        o.bad(String.format(java.util.Locale.ROOT, "%s: element %d of the array is not an object", file, i));
                        continue;
                    }
                    objects.add(flatten(node));
                    sources.add(file + "[" + i + "]");
                }
            } else {
                int line = 0;
                for (String text = r.readLine(); text != null; text = r.readLine()) {
                    line++;
                    if (text.isBlank()) {
                        continue;
                    }
                    JsonNode node;
                    try {
                        node = Json.mapper().readTree(text.replace("\uFEFF", ""));
                    } catch (JsonProcessingException e) {
                        node = null;
                    }
                    if (node == null || !node.isObject()) {
                        o.bad(String.format(java.util.Locale.ROOT, "%s:%d: not a JSON object: %s", file, line,
                                text.length() > 60 ? text.substring(0, 60) + "..." : text));
                        if (o.skipBad()) {
                            continue;
                        }
                    }
                    objects.add(flatten(node));
                    sources.add(file + ":" + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<String> columns = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Map<String, String> m : objects) {
            for (String k : m.keySet()) {
                if (seen.add(k)) {
                    columns.add(k);
                }
            }
        }
        List<String[]> rows = new ArrayList<>();
        for (Map<String, String> m : objects) {
            String[] row = new String[columns.size()];
            for (int j = 0; j < row.length; j++) {
                row[j] = m.getOrDefault(columns.get(j), "");
            }
            rows.add(row);
        }
        return new Table(columns, rows, sources);
    }

    private static Map<String, String> flatten(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", node, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                flatten(key + ".", v, out);
            } else if (v.isNull()) {
                out.put(key, "");
            } else if (v.isValueNode()) {
                out.put(key, v.isNumber() ? numberText(v) : v.asText());
            } else {
                out.put(key, v.toString());
            }
        }
    }

    private static String numberText(JsonNode v) {
        return v.isIntegralNumber() ? v.asText() : Double.toString(v.doubleValue());
    }
}
