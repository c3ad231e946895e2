package org.repgap.plots.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.repgap.InvalidInputException;
import org.repgap.fit.FitReport;
import org.repgap.gap.GapAnalysis;
import org.repgap.id.IdReport;
import org.repgap.json.Json;
import org.repgap.plots.ChartKind;
import org.repgap.plots.FigureSpec;
import org.repgap.plots.results.ResultFigures;
import org.repgap.quantization.QuantizationResult;

/**
 * Reads saved results back into the core's records (Jackson, {@link Json#mapper()}) and tells which
 * result a file holds; the figure is then drawn from the record by {@link ResultFigures}, exactly as
 * the command that wrote the file draws it with {@code --plot}. The trainer's CSV files go to
 * {@link TrainerTables}.
 *
 * <pre>{@code
 * Object record = ResultReader.read(Path.of("id.json"));       // an IdReport
 * FigureSpec spec = ResultReader.figure(Path.of("id.json"), ChartKind.SCALE);
 * }</pre>
 */
public final class ResultReader {
    private ResultReader() {
    }

    /** The result kinds a JSON file can hold. */
    public enum Result {
        /** {@code repgap id}: an {@link IdReport}, or an array of them (or {@code {results: [...]}}). */
        ID,
        /** {@code repgap gap}: a {@link GapAnalysis.Result}. */
        GAP,
        /** {@code repgap fit}: a {@link FitReport}. */
        FIT,
        /** A {@link QuantizationResult}. */
        QUANTIZATION
    }

    /** The figure of {@code file} as {@code kind} ({@code null}: the result's own kind). */
    public static FigureSpec figure(Path file, ChartKind kind) throws IOException {
        refuseDirectory(file);
        if (isCsv(file)) {
            return FigureSpec.of(TrainerTables.chart(file, kind));
        }
        Object record = read(file);
        try {
            return ResultFigures.of(record, kind);
        } catch (InvalidInputException e) {
            throw InvalidInputException.of("%s: %s", file, e.getMessage());
        }
    }

    /** The record a JSON result file holds ({@link #detect}). */
    public static Object read(Path file) throws IOException {
        return fromTree(readJson(file), file);
    }

    /**
     * The record a JSON tree holds.
     *
     * @param source named in error messages
     */
    public static Object fromTree(JsonNode root, Path source) {
        Result kind = detect(source, root);
        Object record;
        try {
            record = switch (kind) {
                case FIT -> Json.mapper().treeToValue(root, FitReport.class);
                case GAP -> Json.mapper().treeToValue(root, GapAnalysis.Result.class);
                case QUANTIZATION -> Json.mapper().treeToValue(root, QuantizationResult.class);
                case ID -> ids(root);
            };
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            String msg = e instanceof JsonProcessingException j ? j.getOriginalMessage() : String.valueOf(e.getMessage());
            String at = "";
            if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
                StringBuilder p = new StringBuilder();
                for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : m.getPath()) {
                    p.append(r.getFieldName() != null ? (p.length() > 0 ? "." : "") + r.getFieldName() : "[" + r.getIndex() + "]");
                }
                at = " at '" + p + "'";
            }
            throw InvalidInputException.of("%s: not a repgap %s result%s: %s", source, kind.name().toLowerCase(Locale.ROOT), at,
                    msg.lines().findFirst().orElse(msg));
        }
        // Jackson fills a missing field with null or 0: a field the record writes but the file lacks is an error
        String missing = missing(Json.mapper().valueToTree(record), root, "");
        if (missing != null) {
            throw InvalidInputException.of("%s: missing field '%s' of a repgap %s result", source, missing,
                    kind.name().toLowerCase(Locale.ROOT));
        }
        return record;
    }

    /**
     * The path of the first field that {@code written} (the record written back) has with a value
     * but {@code given} (the file) lacks, or null; {@code schema} may be absent.
     */
    private static String missing(JsonNode written, JsonNode given, String path) {
        if (written.isObject()) {
            if (!given.isObject()) {
                return path.isEmpty() ? "(top level)" : path;
            }
            for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = written.fields(); it.hasNext(); ) {
                java.util.Map.Entry<String, JsonNode> e = it.next();
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                JsonNode g = given.get(e.getKey());
                if (g == null) {
                    if (!e.getValue().isNull() && !e.getKey().equals("schema")) {
                        return p;
                    }
                    continue;
                }
                String m = missing(e.getValue(), g, p);
                if (m != null) {
                    return m;
                }
            }
        } else if (written.isArray() && given.isArray()) {
            for (int i = 0; i < Math.min(written.size(), given.size()); i++) {
                String m = missing(written.get(i), given.get(i), path + "[" + i + "]");
                if (m != null) {
                    return m;
                }
            }
        }
        return null;
    }

    /**
     * Which result a JSON tree holds: by its {@code schema} ({@code repgap.id/2}, ...) when present,
     * else by its fields ({@code fits}: fit; {@code curve} and {@code law}: gap; {@code estimates} or
     * an array: id; {@code distortions}: quantization).
     */
    public static Result detect(Path file, JsonNode root) {
        String schema = root.path("schema").asText("");
        if (schema.startsWith("repgap.")) {
            String name = schema.substring("repgap.".length()).replaceAll("/.*", "");
            for (Result r : Result.values()) {
                if (r.name().equalsIgnoreCase(name)) {
                    return r;
                }
            }
        }
        if (root.has("fits")) {
            return Result.FIT;
        }
        if (root.has("curve") && root.has("law")) {
            return Result.GAP;
        }
        if (root.has("estimates") || root.isArray() || root.path("results").isArray()) {
            return Result.ID;
        }
        if (root.has("distortions")) {
            return Result.QUANTIZATION;
        }
        throw InvalidInputException.of("%s: cannot tell what result this is (no 'schema', 'fits', 'curve', 'estimates' or"
                + " 'distortions'); expected the JSON of repgap id, gap or fit", file);
    }

    private static Object ids(JsonNode root) throws JsonProcessingException {
        JsonNode list = root.isArray() ? root : root.path("results").isArray() ? root.path("results") : null;
        if (list == null) {
            return Json.mapper().treeToValue(root, IdReport.class);
        }
        List<IdReport> out = new ArrayList<>();
        for (JsonNode r : list) {
            out.add(Json.mapper().treeToValue(r, IdReport.class));
        }
        return out;
    }

    private static boolean isCsv(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /** A directory where a result file is expected: one line naming what it holds (it was an internal error, "Is a directory"). */
    private static void refuseDirectory(Path file) {
        if (Files.isDirectory(file)) {
            throw InvalidInputException.of("%s: is a directory (%s); expected a result file: .json from repgap id, gap or fit, "
                    + "or a trainer run's history.csv or sigmas.csv", file, org.repgap.io.DirectoryContents.describe(file));
        }
    }

    private static JsonNode readJson(Path file) throws IOException {
        refuseDirectory(file);
        try {
            return Json.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw InvalidInputException.of("%s: no such file", file);
        } catch (JsonProcessingException e) {
            throw InvalidInputException.of("%s: not valid JSON (line %d, column %d): %s", file,
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    e.getLocation() == null ? 0 : e.getLocation().getColumnNr(), e.getOriginalMessage());
        }
    }
}
