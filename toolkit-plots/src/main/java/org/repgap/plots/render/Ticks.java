package org.repgap.plots.render;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Ticks that this module draws itself, with their labels: log axes (XChart 3.8.8 drops the
 * logarithmic tick placement as soon as a tick-label formatting function is set, and would otherwise
 * print {@code 1E-4}) and categorical axes. Linear axes keep XChart's ticks.
 */
final class Ticks {
    /** One tick: position in data units, label (empty for none), major (long) or minor (short). */
    record Tick(double value, String label, boolean major) {
    }

    private Ticks() {
    }

    /**
     * Log-axis ticks: majors at powers of ten, minors at {@code m·10^k} (m = 2..9) over at most eight
     * decades (beyond that only majors, every other one labelled past sixteen decades), labelled as
     * {@link TickFormat#log} decides.
     */
    static List<Tick> log(double min, double max, boolean labels) {
        Function<Double, String> fmt = TickFormat.log(min, max);
        int k0 = (int) Math.floor(Math.log10(min));
        int k1 = (int) Math.ceil(Math.log10(max));
        boolean minors = k1 - k0 <= 8;
        int every = k1 - k0 > 16 ? 2 : 1;
        List<Tick> ticks = new ArrayList<>();
        for (int k = k0; k <= k1; k++) {
            for (int m = 1; m <= 9; m++) {
                if (m > 1 && !minors) {
                    break;
                }
                double v = m * Math.pow(10, k);
                if (v < min * (1 - 1e-9) || v > max * (1 + 1e-9)) {
                    continue;
                }
                String label = labels && (m > 1 || Math.floorMod(k, every) == 0) ? fmt.apply(v) : "";
                ticks.add(new Tick(v, label, m == 1));
            }
        }
        return ticks;
    }

    /** Categorical ticks: position {@code i} labelled {@code names.get(i)}. */
    static List<Tick> categories(List<String> names, boolean labels) {
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            ticks.add(new Tick(i, labels ? names.get(i) : "", true));
        }
        return ticks;
    }
}
