package org.repgap.id;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.repgap.InvalidInputException;

/**
 * The registry of intrinsic-dimension estimators: one {@link EstimatorDescriptor} per estimator (name, paper,
 * peer, parameters and defaults, what it supports, what it costs), the one place that maps a name to an
 * estimator, and the choice of what {@code all} runs on given data ({@link #select}).
 *
 * <p>{@link #create(String)} returns exactly one estimator for a name; {@link #createScales} is the separate
 * method for the command line's report, where GRIDE appears once per scale ({@code n1 = 1, 2, 4, ...}).
 */
public final class IdEstimators {
    private IdEstimators() {
    }

    /** The name that stands for every registered estimator whose cost fits the data. */
    public static final String ALL = "all";

    /** Default of {@link #select}'s budget: estimators estimated to take longer than this are left out of {@code all}. */
    public static final double DEFAULT_BUDGET_SECONDS = 60;

    /**
     * The command-line settings that select variants; everything else keeps the peers' defaults.
     *
     * @param k                 neighbours of mle, tle, mom and mada ({@code null}: their defaults 20, 20, 100, 20)
     * @param mleCombination    mle's combination rule
     * @param twoNnFit          twonn's fit
     * @param grideRangeMax     largest rank of gride's scale analysis ({@code n1} up to half of it)
     * @param lpcaVersion       lpca's rule
     * @param lpcaNeighborhood  0 for one global PCA, else neighbours of each pointwise PCA
     * @param seed              seed of the estimators that draw random numbers (knn), 0 to 2^31 - 1
     */
    public record Settings(Integer k, Combination mleCombination, TwoNnEstimator.Fit twoNnFit, int grideRangeMax,
                           LocalPcaEstimator.Version lpcaVersion, int lpcaNeighborhood, long seed) {
        public Settings {
            if (k != null && !(k >= 1)) {
                throw InvalidInputException.of("k = %d: the number of neighbours must be at least 1", k);
            }
            if (!(lpcaNeighborhood == 0 || lpcaNeighborhood >= 2)) {
                throw InvalidInputException.of("lpca neighbourhood = %d: expected 0 (global PCA) or at least 2 neighbours",
                        lpcaNeighborhood);
            }
            if (!(grideRangeMax >= 2)) {
                throw InvalidInputException.of("gride range = %d: expected at least 2", grideRangeMax);
            }
            Objects.requireNonNull(mleCombination, "mleCombination");
            Objects.requireNonNull(twoNnFit, "twoNnFit");
            Objects.requireNonNull(lpcaVersion, "lpcaVersion");
            if (!(seed >= 0 && seed <= Integer.MAX_VALUE)) {
                throw InvalidInputException.of("seed = %d: expected 0 to 2147483647", seed);
            }
        }

        /** The peers' defaults, seed 0. */
        public static Settings defaults() {
            return new Settings(null, Combination.MLE, TwoNnEstimator.Fit.LINEAR, GrideEstimator.DEFAULT_RANGE_MAX,
                    LocalPcaEstimator.Version.FO, 0, 0);
        }

        public Settings withK(Integer newK) {
            return new Settings(newK, mleCombination, twoNnFit, grideRangeMax, lpcaVersion, lpcaNeighborhood, seed);
        }

        public Settings withMleCombination(Combination c) {
            return new Settings(k, c, twoNnFit, grideRangeMax, lpcaVersion, lpcaNeighborhood, seed);
        }

        public Settings withTwoNnFit(TwoNnEstimator.Fit f) {
            return new Settings(k, mleCombination, f, grideRangeMax, lpcaVersion, lpcaNeighborhood, seed);
        }

        public Settings withGrideRangeMax(int r) {
            return new Settings(k, mleCombination, twoNnFit, r, lpcaVersion, lpcaNeighborhood, seed);
        }

        public Settings withLpca(LocalPcaEstimator.Version v, int neighborhood) {
            return new Settings(k, mleCombination, twoNnFit, grideRangeMax, v, neighborhood, seed);
        }

        public Settings withSeed(long newSeed) {
            return new Settings(k, mleCombination, twoNnFit, grideRangeMax, lpcaVersion, lpcaNeighborhood, newSeed);
        }
    }

    private static final String SKDIM = "scikit-dimension 0.3.4 ";

    /** Every estimator, in the order {@code all} runs them. */
    private static final List<EstimatorDescriptor> DESCRIPTORS = List.of(
            register("mle", "Levina-Bickel maximum likelihood, MacKay-Ghahramani averaging",
                    "E. Levina, P. J. Bickel, NeurIPS 17 (2004); D. J. C. MacKay, Z. Ghahramani, comment (2005), "
                            + "http://www.inference.org.uk/mackay/dimension/",
                    SKDIM + "skdim.id.MLE", true, true, false,
                    new EstimatorDescriptor.Cost(EstimatorDescriptor.Growth.N_K, 125), "",
                    s -> MleEstimator.of(new MleEstimator.Options(s.k() == null ? 20 : s.k(), s.mleCombination(), false)),
                    null),
            register("twonn", "TwoNN: Pareto law of the ratio of the two nearest distances",
                    "E. Facco, M. d'Errico, A. Rodriguez, A. Laio, Sci. Rep. 7, 12140 (2017), doi:10.1038/s41598-017-11873-y",
                    SKDIM + "skdim.id.TwoNN, DADApy compute_id_2NN", false, true, true,
                    new EstimatorDescriptor.Cost(EstimatorDescriptor.Growth.N, 2000), "",
                    s -> TwoNnEstimator.of(TwoNnEstimator.Options.defaults().withFit(s.twoNnFit())), null),
            register("gride", "GRIDE: generalised ratios of the 2 n1-th to n1-th neighbour distances",
                    "F. Denti, D. Doimo, A. Laio, A. Mira, Sci. Rep. 12, 20005 (2022), doi:10.1038/s41598-022-20991-1",
                    "DADApy return_id_scaling_gride", false, true, true,
                    new EstimatorDescriptor.Cost(EstimatorDescriptor.Growth.N, 2500),
                    "reported at n1 = 1, 2, 4, ... up to --gride-range / 2; one estimator is n1 = 1",
                    s -> GrideEstimator.withDefaults(),
                    (s, n) -> List.copyOf(GrideEstimator.scaling(s.grideRangeMax(), n))),
            register("tle", "tight local intrinsic dimensionality (TLE)",
                    "L. Amsaleg, O. Chelly, M. E. Houle, K. Kawarabayashi, M. Radovanovic, W. Treeratanajaru, SDM 2019, "
                            + "doi:10.1137/1.9781611975673.53",
                    SKDIM + "skdim.id.TLE", true, true, false,
                    new EstimatorDescriptor.Cost(EstimatorDescriptor.Growth.N_K2_D, 1.4),
                    "scikit-dimension's dists[nDeps:] slicing is corrected (identical without distances below epsilon)",
                    s -> TleEstimator.of(s.k() == null ? TleEstimator.Options.defaults()
                            : TleEstimator.Options.defaults().withK(s.k())), null),
            register("mom", "method of moments of local intrinsic dimensionality",
                    "L. Amsaleg, O. Chelly, T. Furon, S. Girard, M. E. Houle, K. Kawarabayashi, M. Nett, "
                            + "Data Min. Knowl. Discov. 32 (2018), doi:10.1007/s10618-018-0578-6",
                    SKDIM + "skdim.id.MOM", true, true, false,
                    new EstimatorDescriptor.Cost(EstimatorDescriptor.Growth.N_K, 5), "",
                    s -> MomEstimator.of(s.k() == null ? MomEstimator.Options.defaults()
                            : MomEstimator.Options.defaults().withK(s.k())), null),
            register("mada", "manifold-adaptive dimension estimation: log 2 / log(r_k / r_floor(k/2))",
                    "A. M. Farahmand, C. Szepesvari, J.-Y. Audibert, ICML 2007, doi:10.1145/1273496.1273530",
                    SKDIM + "skdim.id.MADA", true, true, false,
                    new EstimatorDescriptor.Cost(EstimatorDescriptor.Growth.N_K, 40),
                    "reads the shared graph instead of scikit-dimension's n x n distance matrix (same ranks on distinct points)",
                    s -> MadaEstimator.of(s.k() == null ? MadaEstimator.Options.defaults()
                            : MadaEstimator.Options.defaults().withK(s.k())), null),
            register("knn", "k-NN graph length: L_p ~ c p^((d - gamma)/d) over sample sizes p, d by least squares",
                    "J. A. Costa, A. O. Hero, IEEE Trans. Signal Process. 52 (2004), doi:10.1109/TSP.2004.831130; "
                            + "K. M. Carter, R. Raich, A. O. Hero, IEEE Trans. Signal Process. 58 (2010), "
                            + "doi:10.1109/TSP.2009.2031722",
                    SKDIM + "skdim.id.KNN", false, true, false,
                    new EstimatorDescriptor.Cost(EstimatorDescriptor.Growth.D, 2000),
                    "numpy's legacy generator (MT19937) with --seed: seed s reproduces np.random.seed(s); KNN().fit(X); "
                            + "integer estimate, mostly noise with the default sample sizes 3 to 6",
                    s -> KnnGraphLengthEstimator.of(KnnGraphLengthEstimator.Options.defaults().withSeed(s.seed())), null),
            register("corrint", "correlation integral (Grassberger-Procaccia)",
                    "P. Grassberger, I. Procaccia, Physica D 9, 189 (1983), doi:10.1016/0167-2789(83)90298-1",
                    SKDIM + "skdim.id.CorrInt", false, true, false,
                    new EstimatorDescriptor.Cost(EstimatorDescriptor.Growth.N2_D, 0.012),
                    "pairs counted by the neighbour search (k-d tree below 16 dimensions: far below n^2 D there)",
                    s -> CorrIntEstimator.withDefaults(), null),
            register("lpca", "PCA of the data: Fukunaga-Olsen rule by default (Fan, maxgap, ratio, participation_ratio, "
                            + "Kaiser, broken_stick)",
                    "K. Fukunaga, D. R. Olsen, IEEE Trans. Comput. C-20 (1971), doi:10.1109/T-C.1971.223289; "
                            + "M. Fan, N. Gu, H. Qiao, B. Zhang, Neurocomputing 73 (2010), doi:10.1016/j.neucom.2010.05.017",
                    SKDIM + "skdim.id.lPCA", false, false, false,
                    new EstimatorDescriptor.Cost(EstimatorDescriptor.Growth.N_D_MIN_N_D, 2.4),
                    "one global PCA by default; pointwise with --lpca-k K (a PCA of each point's K neighbours); Euclidean only",
                    s -> LocalPcaEstimator.of(LocalPcaEstimator.Options.defaults().withVersion(s.lpcaVersion())
                            .withNeighborhood(s.lpcaNeighborhood())), null));

    private static EstimatorDescriptor register(String name, String method, String reference, String peer, boolean pointwise,
                                                boolean groupMetric, boolean analyticInterval, EstimatorDescriptor.Cost cost,
                                                String notes, EstimatorDescriptor.Factory factory,
                                                EstimatorDescriptor.ScaleFactory scales) {
        Map<String, Object> defaults = factory.create(Settings.defaults()).parameters();
        return new EstimatorDescriptor(name, method, reference, peer, defaults, pointwise, groupMetric, analyticInterval, cost,
                notes, factory, scales);
    }

    /** Every registered estimator, in the order {@code all} runs them. */
    public static List<EstimatorDescriptor> descriptors() {
        return DESCRIPTORS;
    }

    /** Every registered name, in the order {@code all} runs them. */
    public static List<String> names() {
        return DESCRIPTORS.stream().map(EstimatorDescriptor::name).toList();
    }

    /**
     * The descriptor of a name (case and surrounding blanks ignored).
     *
     * @throws InvalidInputException for an unknown name, listing the known ones
     */
    public static EstimatorDescriptor descriptor(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (EstimatorDescriptor d : DESCRIPTORS) {
            if (d.name().equals(key)) {
                return d;
            }
        }
        throw InvalidInputException.of("unknown estimator '%s': expected one of %s", name == null ? "" : name.trim(),
                String.join(", ", names()));
    }

    /** The one estimator of a name with the peers' default settings (GRIDE: {@code n1 = 1}). */
    public static IdEstimator create(String name) {
        return create(name, Settings.defaults());
    }

    /** The one estimator of a name with the given settings (GRIDE: {@code n1 = 1}). */
    public static IdEstimator create(String name, Settings settings) {
        return descriptor(name).create(settings);
    }

    /**
     * The estimators the command line reports for a name: one, or one per scale for an estimator with a scale
     * analysis (GRIDE at {@code n1 = 1, 2, 4, ..., 32} by default, fewer for small {@code n}).
     *
     * @param n number of points the estimators will see (for the scale analysis)
     */
    public static List<IdEstimator> createScales(String name, Settings settings, int n) {
        return descriptor(name).createScales(settings, n);
    }

    /**
     * Parses a comma-separated list of names ({@code all} for every estimator), keeping the order given
     * and dropping repeats.
     *
     * @throws InvalidInputException for an unknown name, listing the known ones
     */
    public static List<String> parseNames(String spec) {
        List<String> out = new ArrayList<>();
        for (Request r : requests(spec)) {
            out.add(r.name());
        }
        return out;
    }

    /** A name to run, and whether it was named or came from {@code all}. */
    private record Request(String name, boolean named) {
    }

    private static List<Request> requests(String spec) {
        Map<String, Request> out = new LinkedHashMap<>();
        for (String raw : (spec == null ? "" : spec).split(",")) {
            String s = raw.trim().toLowerCase(Locale.ROOT);
            if (s.isEmpty()) {
                continue;
            }
            if (s.equals(ALL)) {
                for (String name : names()) {
                    out.putIfAbsent(name, new Request(name, false));
                }
            } else if (names().contains(s)) {
                out.put(s, new Request(s, true)); // named explicitly: runs even where 'all' would leave it out
            } else {
                throw InvalidInputException.of("unknown estimator '%s': expected a comma-separated list of %s, or all",
                        raw.trim(), String.join(", ", names()));
            }
        }
        if (out.isEmpty()) {
            throw InvalidInputException.of("no estimator given: expected a comma-separated list of %s, or all",
                    String.join(", ", names()));
        }
        return new ArrayList<>(out.values());
    }

    /**
     * What a run executes and what {@code all} left out.
     *
     * @param estimators the estimators to run, in order (GRIDE once per scale)
     * @param skipped    the estimators {@code all} left out, each with the reason
     */
    public record Selection(List<IdEstimator> estimators, List<IdReport.Skipped> skipped) {
        public Selection {
            estimators = List.copyOf(estimators);
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * The estimators of a comma-separated list on a context. Estimators named explicitly always run (and fail
     * with a one-line error where they cannot); those that come from {@code all} are left out, with the reason,
     * when the metric is not Euclidean and they need it, when the context has too few points for their
     * neighbours, or when their {@linkplain EstimatorDescriptor.Cost estimated time} exceeds {@code budgetSeconds}.
     *
     * @throws InvalidInputException for an unknown name, or a budget that is not positive
     */
    public static Selection select(String spec, Settings settings, IdContext ctx, double budgetSeconds) {
        if (!(budgetSeconds > 0)) {
            throw InvalidInputException.of("budget = %s s: expected a positive number of seconds", budgetSeconds);
        }
        List<IdEstimator> run = new ArrayList<>();
        List<IdReport.Skipped> skipped = new ArrayList<>();
        for (Request r : requests(spec)) {
            EstimatorDescriptor d = descriptor(r.name());
            if (!d.groupMetric() && !ctx.metric().isEuclidean()) {
                if (r.named()) {
                    throw InvalidInputException.of("%s needs the Euclidean metric, not %s: leave it out of --estimator",
                            d.name(), ctx.metric().name());
                }
                skipped.add(new IdReport.Skipped(d.name(), "needs the Euclidean metric, not " + ctx.metric().name()));
                continue;
            }
            List<IdEstimator> scales;
            try {
                scales = d.createScales(settings, ctx.n());
            } catch (InvalidInputException e) {
                if (r.named()) {
                    throw e;
                }
                skipped.add(new IdReport.Skipped(d.name(), e.getMessage()));
                continue;
            }
            String inapplicable = scales.stream().map(e -> e.inapplicable(ctx)).filter(Objects::nonNull).findFirst()
                    .orElse(null);
            if (inapplicable != null) {
                if (r.named()) {
                    throw InvalidInputException.of("%s on %s: %s", d.name(), ctx.input().source(), inapplicable);
                }
                skipped.add(new IdReport.Skipped(d.name(), inapplicable));
                continue;
            }
            int k = 0;
            double seconds = 0;
            for (IdEstimator e : scales) {
                k = Math.max(k, e.neighbors());
                seconds += d.cost().seconds(ctx.n(), ctx.dim(), e.neighbors());
            }
            if (!r.named() && k >= ctx.n()) {
                skipped.add(new IdReport.Skipped(d.name(), String.format(Locale.ROOT,
                        "too few points: k = %d neighbours need at least %d distinct points, the data have %d", k, k + 1,
                        ctx.n())));
            } else if (!r.named() && seconds > budgetSeconds) {
                skipped.add(new IdReport.Skipped(d.name(), String.format(Locale.ROOT,
                        "cost: about %.3g s estimated (%s) over the budget of %.3g s", seconds, d.cost().formula(),
                        budgetSeconds)));
            } else {
                run.addAll(scales);
            }
        }
        if (run.isEmpty()) {
            StringBuilder why = new StringBuilder();
            for (IdReport.Skipped sk : skipped) {
                why.append(why.length() == 0 ? "" : "; ").append(sk.estimator()).append(": ").append(sk.reason());
            }
            throw InvalidInputException.of("%s: no estimator of '%s' can run on these data (%s)", ctx.input().source(), spec, why);
        }
        return new Selection(run, skipped);
    }
}
