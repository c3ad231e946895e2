package org.repgap.runs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.repgap.InvalidInputException;

/**
 * A tidy table read from saved runs: named columns, rows of text cells (empty string = missing),
 * each row remembering where it came from ({@code file:line} or {@code run name}) so that errors can
 * name it. Immutable; operations return new tables.
 */
public final class Table {
    private final List<String> columns;
    private final List<String[]> rows;
    private final List<String> sources;
    private final Map<String, Integer> index;

    /**
     * @param columns column names (distinct)
     * @param rows    cells, one array per row, each as long as {@code columns}
     * @param sources where each row came from
     */
    public Table(List<String> columns, List<String[]> rows, List<String> sources) {
        if (rows.size() != sources.size()) {
            throw new IllegalArgumentException("rows and sources differ in length");
        }
        this.columns = List.copyOf(columns);
        this.index = new LinkedHashMap<>();
        for (int j = 0; j < this.columns.size(); j++) {
            if (index.put(this.columns.get(j), j) != null) {
                throw InvalidInputException.of("%s: column '%s' appears twice", sources.isEmpty() ? "input" : sources.get(0),
                        this.columns.get(j));
            }
        }
        List<String[]> copy = new ArrayList<>(rows.size());
        for (String[] r : rows) {
            copy.add(r.length == columns.size() ? r.clone() : Arrays.copyOf(r, columns.size()));
        }
        for (String[] r : copy) {
            for (int j = 0; j < r.length; j++) {
                if (r[j] == null) {
                    r[j] = "";
                }
            }
        }
        this.rows = Collections.unmodifiableList(copy);
        this.sources = List.copyOf(sources);
    }

    public List<String> columns() {
        return columns;
    }

    public int size() {
        return rows.size();
    }

    /** Where row {@code i} came from. */
    public String source(int i) {
        return sources.get(i);
    }

    /** Cell text ({@code ""} when missing). */
    public String cell(int i, String column) {
        return rows.get(i)[columnIndex(column)];
    }

    /** Whether the table has this column. */
    public boolean has(String column) {
        return index.containsKey(column);
    }

    private int columnIndex(String column) {
        Integer j = index.get(column);
        if (j == null) {
            throw InvalidInputException.of("no column '%s'; columns are: %s", column, String.join(", ", quoted(columns)));
        }
        return j;
    }

    private static List<String> quoted(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").toList();
    }

    /** Numeric value of a cell, or an error naming row source, column and text. Missing cells give NaN. */
    public double number(int i, String column) {
        String t = cell(i, column).trim();
        if (t.isEmpty()) {
            return Double.NaN;
        }
        Double v = parseNumber(t);
        if (v == null) {
            throw InvalidInputException.of("%s: column '%s' has '%s', not a number", sources.get(i), column, t);
        }
        return v;
    }

    /** Parses a number as written by Python, R, JSON and spreadsheets ({@code nan}, {@code inf}, {@code True}); null when not a number. */
    public static Double parseNumber(String t) {
        String s = t.trim();
        switch (s.toLowerCase(Locale.ROOT)) {
            case "nan", "na", "null", "none":
                return Double.NaN;
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            case "true":
                return 1.0;
            case "false":
                return 0.0;
            default:
                break;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Adds (or replaces) a column computed per row. */
    public Table withColumn(String name, java.util.function.IntFunction<String> value) {
        List<String> cols = new ArrayList<>(columns);
        int j = cols.indexOf(name);
        if (j < 0) {
            cols.add(name);
            j = cols.size() - 1;
        }
        List<String[]> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] r = Arrays.copyOf(rows.get(i), cols.size());
            r[j] = value.apply(i);
            out.add(r);
        }
        return new Table(cols, out, sources);
    }

    /** The rows for which {@code keep} holds. */
    public Table filter(java.util.function.IntPredicate keep) {
        List<String[]> out = new ArrayList<>();
        List<String> src = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (keep.test(i)) {
                out.add(rows.get(i));
                src.add(sources.get(i));
            }
        }
        return new Table(columns, out, src);
    }

    /** Drops the {@code k} rows with the largest value of {@code column} (ties: later rows first). */
    public Table dropTop(int k, String column) {
        if (k < 0) {
            throw InvalidInputException.of("--drop-top %d: must be >= 0", k);
        }
        if (k >= rows.size() && k > 0) {
            throw InvalidInputException.of("--drop-top %d: the input has only %d row(s)", k, rows.size());
        }
        Integer[] order = new Integer[rows.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = number(i, column);
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> Double.isNaN(v[i]) ? Double.NEGATIVE_INFINITY : v[i])
                .thenComparingInt(i -> i));
        boolean[] drop = new boolean[rows.size()];
        for (int j = 0; j < k; j++) {
            drop[order[order.length - 1 - j]] = true;
        }
        return filter(i -> !drop[i]);
    }

    /** Rows grouped by the values of {@code keys} (order of first appearance). */
    public Map<List<String>, Table> groupBy(List<String> keys) {
        for (String key : keys) {
            columnIndex(key);
        }
        Map<List<String>, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> k = new ArrayList<>();
            for (String key : keys) {
                k.add(cell(i, key));
            }
            groups.computeIfAbsent(List.copyOf(k), x -> new ArrayList<>()).add(i);
        }
        Map<List<String>, Table> out = new LinkedHashMap<>();
        for (Map.Entry<List<String>, List<Integer>> e : groups.entrySet()) {
            java.util.Set<Integer> members = new java.util.HashSet<>(e.getValue());
            out.put(e.getKey(), filter(members::contains));
        }
        return out;
    }
}
