package org.repgap.runs;

import java.util.List;
import java.util.Locale;
import org.repgap.InvalidInputException;

/**
 * How a run's metric series becomes one learning-curve point: its {@code last} logged value (the
 * value at the largest step; among equal steps the one logged last), its {@code min}, or the mean
 * of its last {@code K} values ({@code mean-last-K}). NaN values are ignored by {@code min} and
 * {@code mean-last-K}.
 *
 * @param kind the rule
 * @param k    the window of {@code mean-last-K}
 */
public record Reduce(Kind kind, int k) {

    /** The rule. */
    public enum Kind { LAST, MIN, MEAN_LAST }

    public Reduce {
        if (kind == Kind.MEAN_LAST && k < 1) {
            throw InvalidInputException.of("--reduce mean-last-%d: K must be >= 1", k);
        }
    }

    /** The last logged value. */
    public static Reduce last() {
        return new Reduce(Kind.LAST, 1);
    }

    /** Parses {@code last}, {@code min} or {@code mean-last-K}. */
    public static Reduce parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("last")) {
            return last();
        }
        if (t.equals("min")) {
            return new Reduce(Kind.MIN, 1);
        }
        if (t.startsWith("mean-last-")) {
            try {
                return new Reduce(Kind.MEAN_LAST, Integer.parseInt(t.substring("mean-last-".length())));
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw InvalidInputException.of("--reduce %s: expected last, min or mean-last-K (e.g. mean-last-5)", text);
    }

    /** Applies the rule; NaN for an empty series. */
    public double apply(List<Run.MetricPoint> series) {
        if (series.isEmpty()) {
            return Double.NaN;
        }
        List<Run.MetricPoint> sorted = series.stream()
                .sorted(java.util.Comparator.comparingLong(Run.MetricPoint::step)).toList();
        switch (kind) {
            case LAST:
                return sorted.get(sorted.size() - 1).value();
            case MIN:
                return sorted.stream().mapToDouble(Run.MetricPoint::value).filter(v -> !Double.isNaN(v)).min().orElse(Double.NaN);
            default:
                double[] v = sorted.stream().mapToDouble(Run.MetricPoint::value).filter(x -> !Double.isNaN(x)).toArray();
                if (v.length == 0) {
                    return Double.NaN;
                }
                double s = 0;
                int from = Math.max(0, v.length - k);
                for (int i = from; i < v.length; i++) {
                    s += v[i];
                }
                return s / (v.length - from);
        }
    }

    @Override
    public String toString() {
        return kind == Kind.MEAN_LAST ? "mean-last-" + k : kind.name().toLowerCase(Locale.ROOT);
    }
}
