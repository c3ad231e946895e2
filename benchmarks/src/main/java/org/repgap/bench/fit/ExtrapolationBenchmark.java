package org.repgap.bench.fit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.repgap.InvalidInputException;
import org.repgap.bench.Flags;
import org.repgap.fit.FitAnalysis;
import org.repgap.fit.FitReport;
import org.repgap.fit.Law;
import org.repgap.fit.LawReport;
import org.repgap.fit.Laws;
import org.repgap.fit.LearningCurve;
import org.repgap.progress.Progress;
import org.repgap.runs.Delimited;
import org.repgap.runs.ReadOptions;
import org.repgap.runs.Table;

/**
 * Extrapolation benchmark of the fit package (issue 15, "Extrapolation as a benchmark"): every one-input law
 * of {@link Laws} is fitted, with the toolkit's default options ({@link FitAnalysis.Options#defaults()}:
 * least squares on log residuals, multi-start L-BFGS with Levenberg-Marquardt polish), to the first part of
 * real learning curves that ship with the project, and scored by the RMSLE of its prediction of the rest
 * ({@link ExtrapolationScore}); the toolkit's own law selections, by AICc (the ranking of {@code repgap fit})
 * and by the holdout error of {@code --holdout}, are scored the same way. The law each selection picks is
 * chosen on the fitted part only. Prints per law the median RMSLE over curves x cutoffs and how often it was
 * best, then the same for the selections and their ratio to the best single law (the goal: at most
 * 1.10). See {@code benchmarks/README-fit.md} and {@code docs/fit.md}.
 *
 * <p>Curves ({@code benchmarks/data/extrapolation/README.md} for sources and licences): the compute frontier
 * of the digitised Chinchilla runs, BNSL's 4-digit addition curve, and LCDB's test error rate and log-loss of
 * logistic regression on kr-vs-kp. The two-input Chinchilla law is scored separately on the Chinchilla runs
 * themselves, cut on training compute.
 *
 * <p>Flags: {@code --data=DIR} (default {@code benchmarks/data/extrapolation}), {@code --chinchilla=CSV},
 * {@code --fractions=0.25,0.5,0.75}, {@code --holdout=0.75}, {@code --min-train=5}, {@code --skip-two-input},
 * {@code --matrix} (every law's score, AICc and holdout error on every task).
 */
public final class ExtrapolationBenchmark {
    private ExtrapolationBenchmark() {
    }

    /** The laws {@code repgap fit} fits when {@code --law} is not given. */
    static final String DEFAULT_LAWS = "rg,power,power+offset";

    /** A learning curve of the benchmark: its name, where it comes from, the points (replicates allowed). */
    record Curve(String name, String source, LearningCurve points) {
    }

    /** One task: a curve cut at a fraction of its log-x range into the part fitted and the part predicted. */
    record Task(Curve curve, double fraction, double cut, LearningCurve train, LearningCurve test) {
    }

    /**
     * One law on one task: its report on the fitted part (null when it could not be fitted), its extrapolation
     * RMSLE, and its backtest errors: the RMS log error of the law refitted on the fitted part's
     * {@code x <= logCut(g)} and predicting the rest of the fitted part, for each inner fraction {@code g} of
     * {@link #INNER_CUTS} (null where that refit is impossible or predicts a non-positive loss).
     */
    record Score(Law law, LawReport report, double rmsle, Double[] backtest) {
        /** The mean of the backtest errors, null unless all are defined. */
        Double backtestMean() {
            double sum = 0;
            for (Double e : backtest) {
                if (e == null) {
                    return null;
                }
                sum += e;
            }
            return sum / backtest.length;
        }
    }

    /**
     * Inner cuts of the rolling-origin backtest, as fractions of the fitted part's log-x range: the outer
     * task's geometry (fit on the smaller x, predict a stretch of log x as long as a quarter to a half of
     * what was fitted) repeated inside the fitted part.
     */
    static final double[] INNER_CUTS = {0.5, 0.625, 0.75};

    /**
     * A law-selection rule: among the fitted laws of {@code laws} with a defined criterion, the lowest
     * criterion, ties by AICc ({@link FitReport#RANKING}, the order of {@code repgap fit}'s output). Uses only
     * what is known on the fitted part.
     */
    record Rule(String name, Set<String> laws, Function<Score, Double> criterion) {
        Score pick(List<Score> scores) {
            return scores.stream()
                    .filter(s -> s.report() != null && laws.contains(s.law().name()) && criterion.apply(s) != null)
                    .min(Comparator.comparing((Score s) -> criterion.apply(s)).thenComparing(Score::report, FitReport.RANKING))
                    .orElse(null);
        }
    }

    public static void main(String[] args) {
        Flags f = Flags.parse(args, Set.of("data", "chinchilla", "fractions", "holdout", "min-train"), Set.of("skip-two-input", "matrix"));
        Path data = f.getPath("data", Path.of("benchmarks/data/extrapolation"));
        Path chinchilla = f.getPath("chinchilla", Path.of("toolkit-core/src/test/resources/reference/chinchilla/svg_extracted_data.csv"));
        double[] fractions = java.util.Arrays.stream(f.get("fractions", "0.25,0.5,0.75").split(","))
                .mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
        double holdout = Double.parseDouble(f.get("holdout", "0.75"));
        int minTrain = f.getInt("min-train", 5);
        long t0 = System.nanoTime();

        List<Curve> curves = new ArrayList<>();
        curves.add(chinchillaFrontier(chinchilla));
        curves.add(bnslAddition(data.resolve("bnsl_4digit_addition.csv")));
        curves.add(lcdb(data.resolve("lcdb_kr-vs-kp_logreg_test.csv"), "accuracy"));
        curves.add(lcdb(data.resolve("lcdb_kr-vs-kp_logreg_test.csv"), "logloss"));

        List<Task> tasks = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Curve c : curves) {
            for (double fr : fractions) {
                Task t = split(c, fr);
                if (t.train().size() >= minTrain && t.test().size() >= 1) {
                    tasks.add(t);
                } else {
                    skipped.add(String.format(Locale.ROOT, "%s at %.2f (%d fitted, %d held-out points)", c.name(), fr,
                            t.train().size(), t.test().size()));
                }
            }
        }
        List<Law> laws = Laws.parse("all", 1, Double.NaN, 1);
        Set<String> all = new java.util.LinkedHashSet<>(laws.stream().map(Law::name).toList());
        Set<String> defaults = new java.util.LinkedHashSet<>(List.of(DEFAULT_LAWS.split(",")));
        List<Rule> rules = List.of(
                new Rule("AICc, default laws", defaults, s -> s.report().aicc()),
                new Rule("AICc, all laws", all, s -> s.report().aicc()),
                new Rule(String.format(Locale.ROOT, "holdout %.2f, default laws", holdout), defaults, s -> s.report().holdoutError()),
                new Rule(String.format(Locale.ROOT, "holdout %.2f, all laws", holdout), all, s -> s.report().holdoutError()),
                new Rule("backtest 0.75 log-x, all", all, s -> s.backtest()[INNER_CUTS.length - 1]),
                new Rule("backtest mean, default laws", defaults, Score::backtestMean),
                new Rule("backtest mean, all laws", all, Score::backtestMean));
        FitAnalysis.Options options = FitAnalysis.Options.defaults().withHoldout(holdout);

        System.out.printf(Locale.ROOT, "repgap extrapolation benchmark: %d curves, cut at %s of the log-x range, %d tasks "
                + "(at least %d fitted points), %d laws, %d cores, Java %s%n", curves.size(), f.get("fractions", "0.25,0.5,0.75"),
                tasks.size(), minTrain, laws.size(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        skipped.forEach(s -> System.out.println("  task skipped, too few points: " + s));

        List<List<Score>> results = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            long ts = System.nanoTime();
            results.add(scoreAll(laws, tasks.get(i), options));
            System.err.printf(Locale.ROOT, "task %d/%d %s at %.2f: %.1f s%n", i + 1, tasks.size(), tasks.get(i).curve().name(),
                    tasks.get(i).fraction(), (System.nanoTime() - ts) / 1e9);
        }
        printTasks(tasks, results, rules);
        if (f.has("matrix")) {
            printMatrix(laws, tasks, results);
        }
        printSummary(laws, results, rules);
        if (!f.has("skip-two-input")) {
            twoInput(chinchilla, fractions, minTrain);
        }
        System.out.printf(Locale.ROOT, "%ntotal %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Cuts a curve at {@link ExtrapolationScore#logCut} of its first-column x-range: fitted {@code x <= cut},
     * held out {@code x > cut}; an x equal to the cut up to rounding ({@code 1e-9} relative) is fitted.
     */
    static Task split(Curve c, double fraction) {
        LearningCurve p = c.points();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < p.size(); j++) {
            lo = Math.min(lo, p.x(j)[0]);
            hi = Math.max(hi, p.x(j)[0]);
        }
        double cut = ExtrapolationScore.logCut(lo, hi, fraction) * (1 + 1e-9);
        return new Task(c, fraction, cut, p.select(j -> p.x(j)[0] <= cut), p.select(j -> p.x(j)[0] > cut));
    }

    /** Every law fitted on the task's fitted part (with the holdout check of {@code options}) and scored on the rest. */
    static List<Score> scoreAll(List<Law> laws, Task t, FitAnalysis.Options options) {
        List<Score> out = new ArrayList<>();
        for (Law law : laws) {
            LawReport r;
            try {
                r = FitAnalysis.analyse(law, t.train(), Map.of(), options, Progress.NONE);
            } catch (InvalidInputException e) {
                out.add(new Score(law, null, Double.POSITIVE_INFINITY, new Double[INNER_CUTS.length]));
                continue;
            }
            double[] p = law.parameterNames().stream().mapToDouble(n -> r.params().get(n)).toArray();
            out.add(new Score(law, r, ExtrapolationScore.rmsle(law, p, t.test()), backtest(law, t.train(), options)));
        }
        return out;
    }

    /**
     * The backtest errors of {@link Score}: {@code --holdout} given as a cut value (fit on {@code x <= cut})
     * at each of {@link #INNER_CUTS} of the fitted part's log-x range.
     */
    static Double[] backtest(Law law, LearningCurve train, FitAnalysis.Options options) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < train.size(); j++) {
            lo = Math.min(lo, train.x(j)[0]);
            hi = Math.max(hi, train.x(j)[0]);
        }
        Double[] out = new Double[INNER_CUTS.length];
        for (int g = 0; g < INNER_CUTS.length; g++) {
            double cut = ExtrapolationScore.logCut(lo, hi, INNER_CUTS[g]) * (1 + 1e-9);
            if (!(cut >= 1)) {
                continue; // FitAnalysis reads a holdout below 1 as a fraction of the points, not as a cut
            }
            try {
                out[g] = FitAnalysis.analyse(law, train, Map.of(), options.withHoldout(cut), Progress.NONE).holdoutError();
            } catch (InvalidInputException e) {
                out[g] = null;
            }
        }
        return out;
    }

    private static double best(List<Score> scores) {
        return scores.stream().mapToDouble(Score::rmsle).min().orElse(Double.POSITIVE_INFINITY);
    }

    private static void printTasks(List<Task> tasks, List<List<Score>> results, List<Rule> rules) {
        System.out.println();
        System.out.println("Per task: RMSLE of the best law, and of the law each rule picked (law in brackets)");
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-26s %5s %6s  %-26s", "curve", "cut", "fit/out", "best law"));
        for (Rule r : rules) {
            head.append(String.format(Locale.ROOT, "  %-28s", r.name()));
        }
        System.out.println(head);
        for (int i = 0; i < tasks.size(); i++) {
            Task t = tasks.get(i);
            List<Score> s = results.get(i);
            double b = best(s);
            String bestLaw = s.stream().filter(x -> x.rmsle() == b).map(x -> x.law().name()).findFirst().orElse("-");
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-26s %5.2f %3d/%-3d  %-26s", t.curve().name(),
                    t.fraction(), t.train().size(), t.test().size(), num(b) + " (" + bestLaw + ")"));
            for (Rule r : rules) {
                Score p = r.pick(s);
                row.append(String.format(Locale.ROOT, "  %-28s", p == null ? "none" : num(p.rmsle()) + " (" + p.law().name() + ")"));
            }
            System.out.println(row);
        }
    }

    /** Every law's RMSLE on every task, and its AICc and holdout error on the fitted part. */
    private static void printMatrix(List<Law> laws, List<Task> tasks, List<List<Score>> results) {
        System.out.println();
        System.out.println("RMSLE [AICc, holdout error] of every law on every task");
        for (int i = 0; i < tasks.size(); i++) {
            System.out.printf(Locale.ROOT, "  %s at %.2f:%n", tasks.get(i).curve().name(), tasks.get(i).fraction());
            for (Score s : results.get(i)) {
                LawReport r = s.report();
                System.out.printf(Locale.ROOT, "    %-14s %10s  [%s, %s]%n", s.law().name(), num(s.rmsle()),
                        r == null || r.aicc() == null ? "-" : num(r.aicc()), r == null || r.holdoutError() == null ? "-" : num(r.holdoutError()));
            }
        }
    }

    private static void printSummary(List<Law> laws, List<List<Score>> results, List<Rule> rules) {
        int n = results.size();
        System.out.println();
        System.out.printf(Locale.ROOT, "Per law over the %d tasks: median RMSLE, median of RMSLE / the task's best RMSLE, times best "
                + "(ties count for each), times not fitted or predicting a non-positive loss%n", n);
        System.out.printf(Locale.ROOT, "  %-14s %10s %10s %6s %7s%n", "law", "median", "med. ratio", "best", "failed");
        double bestMedian = Double.POSITIVE_INFINITY;
        String bestName = "";
        Map<String, Double> medians = new LinkedHashMap<>();
        for (int k = 0; k < laws.size(); k++) {
            final int kk = k;
            double[] v = results.stream().mapToDouble(s -> s.get(kk).rmsle()).toArray();
            double med = ExtrapolationScore.median(v);
            medians.put(laws.get(k).name(), med);
            long wins = results.stream().filter(s -> s.get(kk).rmsle() == best(s)).count();
            long failed = java.util.Arrays.stream(v).filter(x -> !Double.isFinite(x)).count();
            double ratio = ExtrapolationScore.median(java.util.stream.IntStream.range(0, n)
                    .mapToDouble(i -> results.get(i).get(kk).rmsle() / best(results.get(i))).toArray());
            System.out.printf(Locale.ROOT, "  %-14s %10s %10s %6d %7d%n", laws.get(k).name(), num(med), num(ratio), wins, failed);
            if (med < bestMedian) {
                bestMedian = med;
                bestName = laws.get(k).name();
            }
        }
        double oracle = ExtrapolationScore.median(results.stream().mapToDouble(ExtrapolationBenchmark::best).toArray());
        System.out.println();
        System.out.printf(Locale.ROOT, "Selections (the law picked on the fitted part only); best single law: %s, median %s; "
                + "best law of each task (oracle): median %s%n", bestName, num(bestMedian), num(oracle));
        System.out.printf(Locale.ROOT, "  %-28s %10s %10s %11s %14s %24s%n", "rule", "median", "med. ratio", "picked best", "/ best law",
                "/ best law of its set");
        for (Rule r : rules) {
            double[] v = new double[n];
            double[] ratios = new double[n];
            int hits = 0;
            for (int i = 0; i < n; i++) {
                Score p = r.pick(results.get(i));
                v[i] = p == null ? Double.POSITIVE_INFINITY : p.rmsle();
                ratios[i] = v[i] / best(results.get(i));
                if (p != null && p.rmsle() == best(results.get(i))) {
                    hits++;
                }
            }
            double med = ExtrapolationScore.median(v);
            double bestOfSet = r.laws().stream().mapToDouble(medians::get).min().orElse(Double.NaN);
            System.out.printf(Locale.ROOT, "  %-28s %10s %10s %11d %13.2fx %23.2fx%n", r.name(), num(med),
                    num(ExtrapolationScore.median(ratios)), hits, med / bestMedian, med / bestOfSet);
        }
        System.out.println("  goal (issue 15): a default selection's median at most 1.10x the best single law's");
    }

    /** The two-input Chinchilla law on the 240 Chinchilla runs (5 highest losses dropped), cut on training compute C = 6 N D. */
    private static void twoInput(Path csv, double[] fractions, int minTrain) {
        Table t = Delimited.read(csv, ReadOptions.strict());
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            double n = t.number(i, "Model Size");
            double c = t.number(i, "Training FLOP");
            rows.add(new double[] {n, c / (6 * n), t.number(i, "loss"), c});
        }
        rows.sort(Comparator.comparingDouble(r -> r[2]));
        List<double[]> runs = rows.subList(0, rows.size() - 5);
        double lo = runs.stream().mapToDouble(r -> r[3]).min().orElseThrow();
        double hi = runs.stream().mapToDouble(r -> r[3]).max().orElseThrow();
        Law law = Laws.chinchilla();
        System.out.println();
        System.out.printf(Locale.ROOT, "Two-input law %s on the %d Chinchilla runs, fitted on C <= cut (log-C range), default options%n",
                law.name(), runs.size());
        System.out.printf(Locale.ROOT, "  %5s %9s %8s %10s%n", "cut", "C_cut", "fit/out", "RMSLE");
        for (double fr : fractions) {
            double cut = ExtrapolationScore.logCut(lo, hi, fr);
            Function<Boolean, LearningCurve> part = train -> {
                List<double[]> sel = runs.stream().filter(r -> (r[3] <= cut) == train).toList();
                return LearningCurve.of(sel.stream().map(r -> new double[] {r[0], r[1]}).toArray(double[][]::new),
                        sel.stream().mapToDouble(r -> r[2]).toArray());
            };
            LearningCurve train = part.apply(true);
            LearningCurve test = part.apply(false);
            String score;
            if (train.size() < minTrain || test.size() == 0) {
                score = "skipped";
            } else {
                LawReport r = FitAnalysis.analyse(law, train, Map.of(), FitAnalysis.Options.defaults(), Progress.NONE);
                double[] p = law.parameterNames().stream().mapToDouble(nm -> r.params().get(nm)).toArray();
                score = num(ExtrapolationScore.rmsle(law, p, test));
            }
            System.out.printf(Locale.ROOT, "  %5.2f %9.3g %4d/%-3d %10s%n", fr, cut, train.size(), test.size(), score);
        }
    }

    /**
     * The compute frontier of the digitised Chinchilla runs: the runs sorted by training FLOP, each kept when
     * its loss is below that of every run with less compute (the lowest loss reached with at most that compute).
     */
    static Curve chinchillaFrontier(Path csv) {
        Table t = Delimited.read(csv, ReadOptions.strict());
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            rows.add(new double[] {t.number(i, "Training FLOP"), t.number(i, "loss")});
        }
        rows.sort(Comparator.comparingDouble(r -> r[0]));
        List<double[]> frontier = new ArrayList<>();
        double lowest = Double.POSITIVE_INFINITY;
        for (double[] r : rows) {
            if (r[1] < lowest) {
                lowest = r[1];
                frontier.add(r);
            }
        }
        return new Curve("chinchilla-frontier", "Hoffmann et al. 2022 via Epoch AI", LearningCurve.ofColumn(
                frontier.stream().mapToDouble(r -> r[0]).toArray(), frontier.stream().mapToDouble(r -> r[1]).toArray()));
    }

    /** BNSL's 4-digit addition curve: test cross-entropy against training dataset size. */
    static Curve bnslAddition(Path csv) {
        Table t = Delimited.read(csv, ReadOptions.strict());
        double[] x = new double[t.size()];
        double[] y = new double[t.size()];
        for (int i = 0; i < t.size(); i++) {
            x[i] = t.number(i, "dataset_size");
            y[i] = t.number(i, "test_cross_entropy");
        }
        return new Curve("bnsl-4digit-addition", "Caballero et al. 2022", LearningCurve.ofColumn(x, y));
    }

    /**
     * An LCDB curve of kr-vs-kp / LogisticRegression, test split, 125 replicates per anchor: {@code accuracy} as
     * the error rate {@code 1 - accuracy}, or {@code logloss} as it is.
     */
    static Curve lcdb(Path csv, String metric) {
        Table t = Delimited.read(csv, ReadOptions.strict());
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (t.cell(i, "metric").equals(metric)) {
                x.add(t.number(i, "anchor"));
                double v = t.number(i, "value");
                y.add(metric.equals("accuracy") ? 1 - v : v);
            }
        }
        String name = "lcdb-kr-vs-kp-" + (metric.equals("accuracy") ? "error" : metric);
        return new Curve(name, "Mohr et al. 2022", LearningCurve.ofColumn(x.stream().mapToDouble(Double::doubleValue).toArray(),
                y.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "inf";
    }
}
