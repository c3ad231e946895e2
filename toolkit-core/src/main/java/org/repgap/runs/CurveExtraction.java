package org.repgap.runs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.repgap.InvalidInputException;
import org.repgap.fit.LearningCurve;

/**
 * From a table to learning curves: derived columns ({@code --derive NAME=EXPR}, in order), a row
 * filter ({@code --where EXPR}), groups ({@code --group-by}), then, within each group, dropping the
 * {@code K} rows of largest {@code y} ({@code --drop-top K}), and the {@code x} (one or two
 * columns) and {@code y} values. Rows whose {@code x} or {@code y} is missing or NaN are skipped with
 * a warning. Rows with equal {@code x} in a group are seeds of one point ({@link LearningCurve}).
 */
public final class CurveExtraction {

    /**
     * @param x       one or two input columns
     * @param y       the response column
     * @param derive  {@code NAME=EXPR} definitions
     * @param where   row filter (null: none)
     * @param groupBy group columns
     * @param dropTop rows of largest {@code y} dropped per group
     */
    public record Spec(List<String> x, String y, List<String> derive, String where, List<String> groupBy, int dropTop) {
        public Spec {
            x = List.copyOf(x);
            Objects.requireNonNull(y, "y");
            derive = List.copyOf(derive);
            groupBy = List.copyOf(groupBy);
            if (x.isEmpty() || x.size() > 2) {
                throw InvalidInputException.of("--x: give one column, or two comma-separated columns for a two-variable law (got %d)", x.size());
            }
            if (dropTop < 0) {
                throw InvalidInputException.of("--drop-top %d: must be >= 0", dropTop);
            }
        }
    }

    /** One group's curve. */
    public record GroupCurve(Map<String, String> group, LearningCurve curve) {
    }

    private CurveExtraction() {
    }

    /** Applies derive and where to a table. */
    public static Table transform(Table t, Spec spec) {
        Table out = t;
        for (String def : spec.derive()) {
            int eq = def.indexOf('=');
            if (eq <= 0) {
                throw InvalidInputException.of("--derive '%s': expected NAME=EXPRESSION, e.g. 'D=Training FLOP/(6*Model Size)'", def);
            }
            String name = def.substring(0, eq).trim();
            if (name.startsWith("`") && name.endsWith("`") && name.length() > 1) {
                name = name.substring(1, name.length() - 1);
            }
            Expression e = Expression.parse(def.substring(eq + 1), "--derive");
            Table current = out;
            checkNames(e, current, "--derive");
            out = current.withColumn(name, i -> Double.toString(e.evaluate(c -> current.number(i, c))));
        }
        if (spec.where() != null && !spec.where().isBlank()) {
            Expression e = Expression.parse(spec.where(), "--where");
            Table current = out;
            checkNames(e, current, "--where");
            out = current.filter(i -> e.evaluate(c -> current.number(i, c)) != 0);
        }
        return out;
    }

    private static void checkNames(Expression e, Table t, String option) {
        for (String n : e.names()) {
            if (!t.has(n)) {
                throw InvalidInputException.of("%s '%s': no column '%s'; columns are: %s (quote names with backquotes: `Model Size`)",
                        option, e, n, String.join(", ", t.columns()));
            }
        }
    }

    /** The learning curves of a transformed table, one per group. */
    public static List<GroupCurve> curves(Table t, Spec spec, Consumer<String> warnings) {
        for (String c : spec.x()) {
            if (!t.has(c)) {
                throw InvalidInputException.of("--x %s: no such column; columns are: %s", c, String.join(", ", t.columns()));
            }
        }
        if (!t.has(spec.y())) {
            throw InvalidInputException.of("--y %s: no such column; columns are: %s", spec.y(), String.join(", ", t.columns()));
        }
        if (t.size() == 0) {
            throw InvalidInputException.of("no rows left to fit (after --where and reading)");
        }
        Map<List<String>, Table> groups = spec.groupBy().isEmpty() ? Map.of(List.of(), t) : t.groupBy(spec.groupBy());
        List<GroupCurve> out = new ArrayList<>();
        for (Map.Entry<List<String>, Table> e : groups.entrySet()) {
            Map<String, String> g = new LinkedHashMap<>();
            for (int j = 0; j < spec.groupBy().size(); j++) {
                g.put(spec.groupBy().get(j), e.getKey().get(j));
            }
            Table part = e.getValue();
            List<double[]> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            int skipped = 0;
            String firstSkipped = null;
            List<Integer> usable = new ArrayList<>();
            for (int i = 0; i < part.size(); i++) {
                double[] x = new double[spec.x().size()];
                boolean ok = true;
                for (int k = 0; k < x.length; k++) {
                    x[k] = part.number(i, spec.x().get(k));
                    ok &= Double.isFinite(x[k]);
                }
                double y = part.number(i, spec.y());
                ok &= Double.isFinite(y);
                if (!ok) {
                    skipped++;
                    if (firstSkipped == null) {
                        firstSkipped = part.source(i);
                    }
                    continue;
                }
                usable.add(i);
            }
            if (skipped > 0) {
                warnings.accept(String.format(Locale.ROOT, "%s%d row(s) with a missing, NaN or infinite x or y were skipped (first: %s)",
                        g.isEmpty() ? "" : "group " + g + ": ", skipped, firstSkipped));
            }
            java.util.Set<Integer> keep = new java.util.HashSet<>(usable);
            Table clean = part.filter(keep::contains);
            if (spec.dropTop() > 0) {
                clean = clean.dropTop(spec.dropTop(), spec.y());
            }
            for (int i = 0; i < clean.size(); i++) {
                double[] x = new double[spec.x().size()];
                for (int k = 0; k < x.length; k++) {
                    x[k] = clean.number(i, spec.x().get(k));
                }
                xs.add(x);
                ys.add(clean.number(i, spec.y()));
            }
            if (xs.isEmpty()) {
                if (g.isEmpty()) {
                    throw InvalidInputException.of("no usable rows (x and y finite) to fit");
                }
                warnings.accept("group " + g + " skipped: no usable rows (x and y finite) to fit");
                continue;
            }
            out.add(new GroupCurve(g, LearningCurve.of(xs.toArray(new double[0][]), ys.stream().mapToDouble(Double::doubleValue).toArray())));
        }
        if (out.isEmpty()) {
            throw InvalidInputException.of("no group has usable rows (x and y finite) to fit (%d group(s) by %s)",
                    groups.size(), String.join(", ", spec.groupBy()));
        }
        return out;
    }
}
