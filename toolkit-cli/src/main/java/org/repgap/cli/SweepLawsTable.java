package org.repgap.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.repgap.diffusion.sweep.SweepDimensions;
import org.repgap.diffusion.sweep.SweepLaws;

/** The text tables of a sweep's law checks ({@link SweepLaws}), for {@code repgap train} and {@code repgap fit}. */
final class SweepLawsTable {
    private SweepLawsTable() {
    }

    static String render(SweepLaws laws) {
        StringBuilder b = new StringBuilder();
        SweepDimensions d = laws.dimensions();
        b.append("Law checks: ").append(laws.data()).append(", group ").append(laws.group()).append('\n');
        if (d != null) {
            b.append(String.format(Locale.ROOT, "  d = %s, d_task = %s (%s on %d points of the sweep's data; Lie dimension %d)%n",
                    interval(d.plain(), 3), interval(d.task(), 3), d.estimator(), d.points(), d.lieDimension()));
        } else {
            b.append("  predicted exponents unavailable: this sweep has no dimensions.json (made by 'repgap train' since the"
                    + " law checks exist)\n");
        }
        b.append(String.format(Locale.ROOT, "  gap: sample_rg (orbit metric) for equivariant mechanisms and ace, sample_rg_plain for none;"
                + " GG at sigma = %s sigma_data%n%n", g(laws.sigmaFactor(), 3)));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"mechanism", "n", "steps", "gap", "ideal RG_n", "ratio [seeds]", "memorised", "n_eff [seeds]", "GG",
            "ideal GG (G)", "ideal GG (plain)", "regime"});
        for (SweepLaws.Mechanism m : laws.mechanisms()) {
            for (SweepLaws.Size s : m.sizes()) {
                rows.add(new String[] {m.mechanism(), Integer.toString(s.n()), Integer.toString(s.steps()), g(s.gap(), 4),
                    g(s.idealGap(), 4), interval(s.ratio(), 3), g(s.memorization(), 2), interval(s.nEff(), 3), g(s.gg(), 3),
                    g(s.idealGg(), 3), g(s.idealPlainGg(), 3), s.regime()});
            }
        }
        table(b, rows);
        b.append('\n');
        rows = new ArrayList<>();
        rows.add(new String[] {"mechanism", "metric", "exponent (memorisation)", "ideal there", "exponent (generalisation)",
            "exponent (all n)", "ideal (all n)", "predicted", "GG exponent", "leaves memorisation at"});
        for (SweepLaws.Mechanism m : laws.mechanisms()) {
            String predicted = m.predicted() == null ? "-" : interval(m.predicted(), 3) + (m.metric().equals("plain") ? " (-2/d)" : " (-2/d_task)");
            rows.add(new String[] {m.mechanism(), m.metric(), exponent(m.memorisation()), exponent(m.idealMemorisation()),
                exponent(m.generalisation()), exponent(m.all()), exponent(m.idealAll()), predicted,
                m.ggExponent() == null ? "- (GG not positive at every size)" : exponent(m.ggExponent()),
                m.crossover() == null ? "never (all sizes memorised)" : "n = " + m.crossover()});
        }
        table(b, rows);
        for (SweepLaws.Mechanism m : laws.mechanisms()) {
            if (!m.finalGammas().isEmpty()) {
                StringBuilder gm = new StringBuilder();
                for (Map.Entry<Integer, Double> e : new java.util.TreeMap<>(m.finalGammas()).entrySet()) {
                    gm.append(gm.length() == 0 ? "" : ", ").append("n = ").append(e.getKey()).append(": ").append(g(e.getValue(), 3));
                }
                b.append(String.format(Locale.ROOT, "%n%s final gamma (largest magnitude, mean over seeds): %s%n", m.mechanism(), gm));
            }
        }
        if (!laws.nEffRatios().isEmpty()) {
            StringBuilder r = new StringBuilder();
            for (SweepLaws.SizeRatio s : laws.nEffRatios()) {
                r.append(r.length() == 0 ? "" : ", ").append("n = ").append(s.n()).append(": ").append(g(s.ratio(), 3));
            }
            b.append(String.format(Locale.ROOT, "%nn_eff(%s) / n_eff(none) at equal n: %s%n", laws.nEffRatios().get(0).mechanism(), r));
        }
        b.append(String.format(Locale.ROOT, "%nSizes with mean memorisation fraction >= %s form the memorisation regime; exponent intervals"
                + " resample seeds (%d replicates).%n", g(SweepLaws.MEMORISATION_THRESHOLD, 2), SweepLaws.BOOTSTRAP));
        return b.toString();
    }

    private static String exponent(SweepLaws.Exponent e) {
        if (e == null) {
            return "- (fewer than 2 sizes)";
        }
        int[] s = e.sizes();
        String over = " n=" + s[0] + ".." + s[s.length - 1];
        return e.ciLow() == null ? g(e.value(), 3) + over + " (1 seed)" : g(e.value(), 3) + " [" + g(e.ciLow(), 3) + ", " + g(e.ciHigh(), 3) + "]" + over;
    }

    private static String interval(SweepLaws.Estimate e, int digits) {
        if (e == null) {
            return "-";
        }
        return e.ciLow() == null ? g(e.value(), digits) : g(e.value(), digits) + " [" + g(e.ciLow(), digits) + ", " + g(e.ciHigh(), digits) + "]";
    }

    private static String g(Double v, int digits) {
        if (v == null || !Double.isFinite(v)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%." + digits + "g", v);
    }

    private static void table(StringBuilder b, List<String[]> rows) {
        int[] w = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(i == 0 ? "" : "  ").append(String.format(Locale.ROOT, "%-" + w[i] + "s", r[i]));
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
