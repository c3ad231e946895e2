package org.repgap.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.repgap.Version;
import org.repgap.compare.SymmetryComparison;
import org.repgap.diffusion.sweep.SweepLaws;
import org.repgap.gap.AsymptoticLaw;
import org.repgap.gap.SlopeFit;

/** The demo's {@code report.html}: one self-contained page (inline CSS and SVG, no script, no external resource). */
final class DemoHtml {
    private DemoHtml() {
    }

    static String page(DemoReport.Settings s, SymmetryComparison c, SweepLaws laws, Map<String, String> commands,
            List<DemoReport.Figure> figures, Map<String, String> svg) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>repgap demo: ").append(esc(s.dataset()))
                .append("</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;"
                        + "color:#222;line-height:1.45}\n")
                .append("table{border-collapse:collapse;margin:.6em 0;font-size:.92em}td,th{border:1px solid #ccc;padding:.25em .6em;"
                        + "text-align:right}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}\n")
                .append("pre{background:#f6f8fa;padding:.6em;overflow-x:auto;font-size:.85em}figure{margin:1em 0}"
                        + "figure svg{max-width:100%;height:auto}figcaption{font-size:.9em;color:#555}\n")
                .append(".note{color:#555;font-size:.9em}\n</style></head><body>\n");
        b.append("<h1>Representation Gap analysis: ").append(esc(s.dataset())).append("</h1>\n");
        b.append(p(String.format(Locale.ROOT, "%d points in R<sup>%d</sup>, groups %s, seed %d; repgap %s.%s", c.n(), c.ambientDim(),
                esc(String.join(", ", s.groupSpecs())), s.seed(), esc(Version.toolkit()), s.quick() ? " Quick version (--quick)." : "")));
        b.append(cmd(commands.get("demo")));

        b.append("<h2>1. Intrinsic dimension, with and without the symmetry</h2>\n");
        b.append(p("Nearest-neighbour estimators on the orbit distance d<sub>G</sub> estimate d<sub>task</sub> = dim(M/G) "
                + "(THEORY.md section 5). 95% bootstrap intervals (" + s.bootstrap() + " replicates)."));
        b.append("<table><tr><th>estimator</th>");
        for (SymmetryComparison.Row r : c.rows()) {
            b.append("<th>").append(esc(label(r.group()))).append("</th>");
        }
        b.append("</tr>\n");
        for (String e : List.of("twonn", "mle")) {
            b.append("<tr><td>").append(e.equals("twonn") ? "TwoNN" : "MLE").append("</td>");
            for (SymmetryComparison.Row r : c.rows()) {
                b.append("<td>").append(esc(DemoReport.interval(r.estimate(e)))).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n").append(cmd(commands.get("id")));

        b.append("<h2>2. The ideal Representation Gap and its law</h2>\n");
        b.append(p("RG<sub>n</sub> of a model that memorises its training set up to the group (leave-one-out), its log-log slope "
                + "(95% interval over subsamples) and the law C n<sup>-2/d</sup> with d from TwoNN and C from the k-NN R&eacute;nyi "
                + "estimate (THEORY.md sections 3-4)."));
        b.append("<table><tr><th></th>");
        for (SymmetryComparison.Row r : c.rows()) {
            b.append("<th>").append(esc(label(r.group()))).append("</th>");
        }
        b.append("</tr>\n<tr><td>slope</td>");
        for (SymmetryComparison.Row r : c.rows()) {
            SlopeFit f = r.gap().fit();
            b.append("<td>").append(f.slopeCiLow() == null ? g(f.slope()) : g(f.slope()) + " [" + g(f.slopeCiLow()) + ", " + g(f.slopeCiHigh()) + "]")
                    .append("</td>");
        }
        b.append("</tr>\n<tr><td>implied d = -2/slope</td>");
        for (SymmetryComparison.Row r : c.rows()) {
            SlopeFit f = r.gap().fit();
            b.append("<td>").append(f.dimension() == null ? "-" : g(f.dimension()) + (f.dimensionCiLow() == null || f.dimensionCiHigh() == null ? ""
                    : " [" + g(f.dimensionCiLow()) + ", " + g(f.dimensionCiHigh()) + "]")).append("</td>");
        }
        b.append("</tr>\n<tr><td>law</td>");
        for (SymmetryComparison.Row r : c.rows()) {
            AsymptoticLaw law = r.gap().law();
            b.append("<td>").append(String.format(Locale.ROOT, "%.3g n<sup>%.3f</sup>", law.constant(), -law.exponent())).append("</td>");
        }
        b.append("</tr>\n<tr><td>measured / law at the largest n</td>");
        for (SymmetryComparison.Row r : c.rows()) {
            List<AsymptoticLaw.Check> ch = r.gap().comparison();
            b.append("<td>").append(g(ch.get(ch.size() - 1).ratio())).append("</td>");
        }
        b.append("</tr></table>\n").append(cmd(commands.get("gap")));
        SymmetryComparison.Saving sv = c.saving();
        if (sv != null) {
            b.append("<h3>The samples the symmetry buys</h3>\n");
            b.append(p(String.format(Locale.ROOT, "The gap that a model without symmetry reaches at n = %d (%.4g), a model equivariant to "
                    + "%s reaches at n = %s: <b>%s times fewer samples</b>%s. The interval varies the fitted slope over its 95%% interval "
                    + "(the line pivoting on its centroid); the seed spread of the target gap is not included.", sv.targetN(), sv.targetGap(),
                    esc(c.rows().get(c.rows().size() - 1).group()), interval(sv.equivalentN(), "%.0f"), interval(sv.factor(), "%.1f"),
                    sv.extrapolated() ? " (extrapolated below the smallest size measured)" : "")));
        }
        figure(b, figures, svg, "id-and-gap");

        if (laws != null) {
            b.append("<h2>3. Trained diffusion models against the laws</h2>\n");
            b.append(p("EDM denoisers trained by the bundled trainer (steps proportional to n, THEORY.md section 7) without symmetry "
                    + "(<code>none</code>), with canonicalization and with ACE (approximate equivariance by constrained optimization). "
                    + "Each model's gap is measured in its own metric: the orbit metric for equivariant models (their samples are "
                    + "G-invariant), the plain metric for <code>none</code>. A model that memorises gives a ratio near 1. Ranges over seeds in brackets."));
            b.append("<table><tr><th>mechanism</th><th>n</th><th>steps</th><th>gap</th><th>ideal RG<sub>n</sub></th><th>ratio</th>"
                    + "<th>memorised</th><th>n<sub>eff</sub></th><th>GG(&sigma;)</th><th>ideal GG (G)</th><th>ideal GG (plain)</th><th>regime</th></tr>\n");
            for (SweepLaws.Mechanism m : laws.mechanisms()) {
                for (SweepLaws.Size z : m.sizes()) {
                    b.append("<tr><td>").append(esc(m.mechanism())).append("</td><td>").append(z.n()).append("</td><td>").append(z.steps())
                            .append("</td><td>").append(g(z.gap())).append("</td><td>").append(g(z.idealGap())).append("</td><td>")
                            .append(est(z.ratio())).append("</td><td>").append(g(z.memorization())).append("</td><td>").append(est(z.nEff()))
                            .append("</td><td>").append(g(z.gg())).append("</td><td>").append(g(z.idealGg())).append("</td><td>")
                            .append(g(z.idealPlainGg())).append("</td><td>").append(z.regime()).append("</td></tr>\n");
                }
            }
            b.append("</table>\n");
            b.append("<table><tr><th>mechanism</th><th>metric</th><th>fitted exponent (all n)</th><th>ideal curve's exponent</th>"
                    + "<th>predicted</th></tr>\n");
            for (SweepLaws.Mechanism m : laws.mechanisms()) {
                b.append("<tr><td>").append(esc(m.mechanism())).append("</td><td>").append(m.metric()).append("</td><td>")
                        .append(exp(m.all())).append("</td><td>").append(exp(m.idealAll())).append("</td><td>")
                        .append(m.predicted() == null ? "-" : est(m.predicted()) + (m.metric().equals("plain") ? " (-2/d)" : " (-2/d<sub>task</sub>)"))
                        .append("</td></tr>\n");
            }
            b.append("</table>\n");
            b.append(p("GG(&sigma;) at &sigma; = " + g(laws.sigmaFactor()) + " &sigma;<sub>data</sub>; exponent intervals resample seeds "
                    + "(with one or two seeds they are rough). Sizes with a memorisation fraction of at least "
                    + g(SweepLaws.MEMORISATION_THRESHOLD) + " form the memorisation regime (docs/trainer.md)."));
            b.append(cmd(commands.get("train"))).append(cmd(commands.get("fit")));
            figure(b, figures, svg, "trainer-laws");
        }
        b.append("<h2>Files</h2>\n").append(p("<code>results.json</code> holds every section's result; "
                + "<code>figures/</code> each figure as PNG, PDF and SVG."));
        b.append("</body></html>\n");
        return b.toString();
    }

    private static void figure(StringBuilder b, List<DemoReport.Figure> figures, Map<String, String> svg, String name) {
        for (DemoReport.Figure f : figures) {
            if (f.name().equals(name)) {
                b.append("<figure>\n").append(svg.get(name)).append("\n<figcaption>").append(esc(f.caption()))
                        .append(" (figures/").append(name).append(".png, .pdf, .svg)</figcaption></figure>\n");
            }
        }
    }

    private static String label(String group) {
        return group.equals("none") ? "without symmetry" : "modulo " + group;
    }

    private static String p(String html) {
        return "<p>" + html + "</p>\n";
    }

    private static String cmd(String command) {
        return command == null ? "" : "<p class=\"note\">Reproduce:</p><pre>" + esc(command) + "</pre>\n";
    }

    private static String g(Double v) {
        return v == null || !Double.isFinite(v) ? "-" : String.format(Locale.ROOT, "%.3g", v);
    }

    private static String est(SweepLaws.Estimate e) {
        return e.ciLow() == null ? g(e.value()) : g(e.value()) + " [" + g(e.ciLow()) + ", " + g(e.ciHigh()) + "]";
    }

    private static String exp(SweepLaws.Exponent e) {
        if (e == null) {
            return "-";
        }
        return e.ciLow() == null ? g(e.value()) + " (no interval: " + esc(e.note()) + ")" : g(e.value()) + " [" + g(e.ciLow()) + ", "
                + g(e.ciHigh()) + "]";
    }

    private static String interval(SymmetryComparison.Interval i, String fmt) {
        String v = String.format(Locale.ROOT, fmt, i.value());
        return i.low() == null ? v : v + " [" + String.format(Locale.ROOT, fmt, i.low()) + ", " + String.format(Locale.ROOT, fmt, i.high()) + "]";
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
