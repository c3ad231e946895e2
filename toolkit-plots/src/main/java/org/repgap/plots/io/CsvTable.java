package org.repgap.plots.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.repgap.InvalidInputException;

/**
 * A small comma-separated table with a header row, as the trainer writes ({@code history.csv},
 * {@code sigmas.csv}): unquoted fields, {@code #} comment lines and blank lines skipped, empty cells
 * and {@code nan} read as NaN in numeric columns.
 */
final class CsvTable {
    final Path file;
    final List<String> header;
    final List<String[]> rows;

    private CsvTable(Path file, List<String> header, List<String[]> rows) {
        this.file = file;
        this.header = header;
        this.rows = rows;
    }

    static CsvTable read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = null;
        List<String[]> rows = new ArrayList<>();
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] cells = t.split(",", -1);
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cells[i].strip();
            }
            if (header == null) {
                header = new ArrayList<>();
                for (String c : cells) {
                    header.add(c.toLowerCase(Locale.ROOT));
                }
                continue;
            }
            if (cells.length != header.size()) {
                throw InvalidInputException.of("%s: line %d has %d fields, the header has %d", file, lineNo, cells.length, header.size());
            }
            rows.add(cells);
        }
        if (header == null) {
            throw InvalidInputException.of("%s: empty file, expected a header row", file);
        }
        return new CsvTable(file, List.copyOf(header), rows);
    }

    /** Index of {@code name}, or -1. */
    int column(String name) {
        return header.indexOf(name.toLowerCase(Locale.ROOT));
    }

    /** Index of {@code name}, or an error naming the file and the columns found. */
    int required(String name) {
        int c = column(name);
        if (c < 0) {
            throw InvalidInputException.of("%s: missing column '%s' (columns: %s)", file, name, String.join(", ", header));
        }
        return c;
    }

    /** Column {@code c} as numbers. */
    double[] numbers(int c) {
        double[] v = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            v[r] = number(r, c);
        }
        return v;
    }

    double number(int r, int c) {
        String s = rows.get(r)[c];
        if (s.isEmpty() || s.equalsIgnoreCase("nan") || s.equalsIgnoreCase("null")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("%s: row %d, column '%s': '%s' is not a number", file, r + 1, header.get(c), s);
        }
    }

    String text(int r, int c) {
        return rows.get(r)[c];
    }
}
