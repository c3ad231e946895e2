package org.repgap.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.repgap.Version;
import org.repgap.compare.SymmetryComparison;
import org.repgap.data.PointCloud;
import org.repgap.diffusion.AceDenoiser;
import org.repgap.diffusion.Equivariance;
import org.repgap.diffusion.RunMetrics;
import org.repgap.diffusion.Trainer;
import org.repgap.diffusion.TrainingBudget;
import org.repgap.diffusion.sweep.DataSource;
import org.repgap.diffusion.sweep.Sweep;
import org.repgap.diffusion.sweep.SweepLaws;
import org.repgap.group.SymmetryGroup;
import org.repgap.id.IdResult;
import org.repgap.io.AtomicFiles;
import org.repgap.json.Json;
import org.repgap.plots.FigureSpec;
import org.repgap.plots.Figures;
import org.repgap.plots.adapters.SweepLawsFigure;
import org.repgap.progress.Progress;

/**
 * The second half of {@code repgap demo}: the trainer sweep on the same data, its law checks, the figures, and
 * the report directory ({@code report.html}, {@code results.json}, {@code figures/}, {@code sweep/}).
 */
final class DemoReport {

    /** What the demo ran with (recorded in results.json and in the reproducing commands). */
    record Settings(String dataset, int n, long seed, int[] sizes, int seeds, int bootstrap, List<SymmetryGroup> groups,
            int[] trainSizes, int trainSeeds, boolean quick) {

        List<String> groupSpecs() {
            return groups.stream().map(SymmetryGroup::spec).toList();
        }
    }

    private final Settings settings;
    private final SymmetryComparison comparison;
    private final SweepLaws laws;
    private final Path out;
    private final Map<String, String> commands;

    private DemoReport(Settings settings, SymmetryComparison comparison, SweepLaws laws, Path out, Map<String, String> commands) {
        this.settings = settings;
        this.comparison = comparison;
        this.laws = laws;
        this.out = out;
        this.commands = commands;
    }

    /** The trainer budget of the demo: the default rule, or a small one for {@code --quick}. */
    static TrainingBudget budget(boolean quick) {
        return quick ? TrainingBudget.perPoint(250, 1000, 2000) : TrainingBudget.DEFAULT;
    }

    static DemoReport run(PointCloud x, SymmetryComparison comparison, Settings s, Path out, FigureSpec idAndGap, Progress progress) {
        try {
            Files.createDirectories(out.resolve("figures"));
            Map<String, String> commands = commands(s, out);
            SweepLaws laws = null;
            if (s.trainSizes() != null && s.groups().size() > 1) {
                laws = sweep(x, s, out, progress);
            }
            DemoReport r = new DemoReport(s, comparison, laws, out, commands);
            r.write(idAndGap);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException("demo: cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    private static Path sweepDir(Settings s, Path out) {
        return out.resolve(s.quick() ? "sweep-quick" : "sweep");
    }

    private static SweepLaws sweep(PointCloud x, Settings s, Path out, Progress progress) {
        SymmetryGroup g = s.groups().get(s.groups().size() - 1);
        int testSize = s.quick() ? 256 : 512;
        int width = s.quick() ? 64 : 128;
        TrainingBudget budget = budget(s.quick());
        Trainer.Options to = Trainer.Options.defaults(budget.min(), 0).withModel(width, 3, 256)
                .withAce(AceDenoiser.Options.defaults());
        RunMetrics.Options mo = RunMetrics.Options.defaults(0).withSampleFactor(4, 256);
        Sweep.Spec spec = new Sweep.Spec(DataSource.of(x), g, List.of(Equivariance.NONE, Equivariance.CANONICAL, Equivariance.ACE),
                s.trainSizes(), s.trainSeeds(), to, budget, mo, testSize, 4, Runtime.getRuntime().availableProcessors(),
                sweepDir(s, out));
        Sweep.run(spec, progress);
        return SweepLaws.of(sweepDir(s, out), 0.5);
    }

    /** The command that reproduces each section (the demo's data set is {@code Datasets.generate(name, n, seed)}). */
    private static Map<String, String> commands(Settings s, Path out) {
        String data = String.format(Locale.ROOT, "--dataset %s --n %d --seed %d", s.dataset(), s.n(), s.seed());
        String last = s.groups().get(s.groups().size() - 1).spec();
        Map<String, String> c = new LinkedHashMap<>();
        c.put("demo", "repgap demo" + (s.quick() ? " --quick" : "") + " --out " + out);
        c.put("id", String.format(Locale.ROOT, "repgap id %s --estimator twonn,mle --bootstrap %d; repgap id %s --group %s"
                + " --estimator twonn,mle --bootstrap %d", data, s.bootstrap(), data, last, s.bootstrap()));
        c.put("gap", String.format(Locale.ROOT, "repgap gap %s --group %s --sizes %s --seeds %d --estimator twonn", data, last,
                join(s.sizes()), s.seeds()));
        if (s.trainSizes() != null) {
            String train = String.format(Locale.ROOT, "repgap train --dataset %s --dataset-size %d --group %s"
                    + " --equivariance none,canonical,ace --sizes %s --seeds %d --budget %s --width %d --test-size %d --out %s",
                    s.dataset(), s.n(), last, join(s.trainSizes()), s.trainSeeds(), budget(s.quick()).spec(), s.quick() ? 64 : 128,
                    s.quick() ? 256 : 512, sweepDir(s, out));
            c.put("train", s.seed() == 0 ? train : train + "   (equal to the demo's data for --seed 0 only)");
            c.put("fit", "repgap fit --input " + sweepDir(s, out) + " --plot laws.pdf");
        }
        return c;
    }

    private static String join(int[] v) {
        return Arrays.stream(v).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    /** Every section's result, in the schemas the commands write. */
    Map<String, Object> results() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", "repgap.demo/1");
        Map<String, Object> st = new LinkedHashMap<>();
        st.put("dataset", settings.dataset());
        st.put("n", settings.n());
        st.put("seed", settings.seed());
        st.put("groups", settings.groupSpecs());
        st.put("sizes", settings.sizes());
        st.put("seeds", settings.seeds());
        st.put("bootstrap", settings.bootstrap());
        st.put("train_sizes", settings.trainSizes());
        st.put("train_seeds", settings.trainSeeds());
        st.put("budget", budget(settings.quick()).spec());
        st.put("quick", settings.quick());
        st.put("toolkit", Version.toolkit());
        m.put("settings", st);
        m.put("comparison", comparison);
        m.put("saving", comparison.saving());
        m.put("sweep_laws", laws);
        m.put("commands", commands);
        return m;
    }

    private void write(FigureSpec idAndGap) throws IOException {
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("id-and-gap", "Intrinsic dimension and the ideal Representation Gap", idAndGap));
        if (laws != null) {
            figures.add(new Figure("trainer-laws", "Trained models against the two predicted laws", SweepLawsFigure.of(laws)));
        }
        Map<String, String> svg = new LinkedHashMap<>();
        for (Figure f : figures) {
            for (String ext : new String[] {"png", "pdf", "svg"}) {
                Figures.render(f.spec(), out.resolve("figures").resolve(f.name() + "." + ext));
            }
            svg.put(f.name(), inlineSvg(Files.readString(out.resolve("figures").resolve(f.name() + ".svg"), StandardCharsets.UTF_8)));
        }
        AtomicFiles.writeString(out.resolve("results.json"), Json.write(results()));
        AtomicFiles.writeString(out.resolve("report.html"), DemoHtml.page(settings, comparison, laws, commands, figures, svg));
    }

    /** A figure of the report. */
    record Figure(String name, String caption, FigureSpec spec) {
    }

    /**
     * The SVG document without its XML declaration and DOCTYPE, to sit inside HTML, scaled to the page's width
     * (the root's fixed width and height in points replaced by {@code width="100%"}; the viewBox keeps the aspect).
     */
    static String inlineSvg(String svg) {
        int start = svg.indexOf("<svg");
        if (start < 0) {
            return svg;
        }
        int end = svg.indexOf('>', start);
        String root = svg.substring(start, end).replaceAll("\\s(width|height)=\"[^\"]*\"", "");
        return root + " width=\"100%\"" + svg.substring(end);
    }

    /** The trainer part of the text summary. */
    String text() {
        StringBuilder b = new StringBuilder();
        if (laws != null) {
            b.append('\n').append("Trained diffusion models (").append(settings.groups().get(settings.groups().size() - 1).spec())
                    .append(" task; gap in each model's own metric, ratio to the ideal RG_n; exponent over all sizes):\n");
            for (SweepLaws.Mechanism m : laws.mechanisms()) {
                SweepLaws.Exponent e = m.all();
                b.append(String.format(Locale.ROOT, "  %-10s ratio %s  memorised %s  exponent %s (ideal %s, predicted %s)%n", m.mechanism(),
                        m.sizes().stream().map(z -> String.format(Locale.ROOT, "%.2f", z.ratio().value())).collect(Collectors.joining("/")),
                        m.sizes().stream().map(z -> String.format(Locale.ROOT, "%.2f", z.memorization())).collect(Collectors.joining("/")),
                        e == null ? "-" : String.format(Locale.ROOT, "%.2f", e.value()),
                        m.idealAll() == null ? "-" : String.format(Locale.ROOT, "%.2f", m.idealAll().value()),
                        m.predicted() == null ? "-" : String.format(Locale.ROOT, "%.2f", m.predicted().value())));
            }
        }
        b.append('\n').append("Report: ").append(out.resolve("report.html")).append(" (results.json, figures/ beside it)\n");
        return b.toString();
    }

    static String interval(IdResult r) {
        if (r.dimension() == null) {
            return "-";
        }
        return r.ciLow() == null ? String.format(Locale.ROOT, "%.2f", r.dimension())
                : String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", r.dimension(), r.ciLow(), r.ciHigh());
    }
}
