package org.repgap.id;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.repgap.InvalidInputException;

/** The estimators by name, with their default settings, for the command line and scripts. */
public final class IdEstimators {
    private IdEstimators() {
    }

    /** Every name, in the order {@code all} runs them. */
    public static final List<String> NAMES = List.of("mle", "twonn", "gride", "tle", "mom", "corrint", "lpca");

    /**
     * Parses a comma-separated list of names ({@code all} for every estimator), keeping the order given
     * and dropping repeats.
     *
     * @throws InvalidInputException for an unknown name, listing the known ones
     */
    public static List<String> parseNames(String spec) {
        Set<String> out = new LinkedHashSet<>();
        for (String raw : (spec == null ? "" : spec).split(",")) {
            String s = raw.trim().toLowerCase(Locale.ROOT);
            if (s.isEmpty()) {
                continue;
            }
            if (s.equals("all")) {
                out.addAll(NAMES);
            } else if (NAMES.contains(s)) {
                out.add(s);
            } else {
                throw InvalidInputException.of("unknown estimator '%s': expected a comma-separated list of %s, or all",
                        raw.trim(), String.join(", ", NAMES));
            }
        }
        if (out.isEmpty()) {
            throw InvalidInputException.of("no estimator given: expected a comma-separated list of %s, or all",
                    String.join(", ", NAMES));
        }
        return new ArrayList<>(out);
    }

    /**
     * The command-line settings that select variants; everything else keeps the peers' defaults.
     *
     * @param k                 neighbours of mle, tle and mom ({@code null}: their defaults 20, 20, 100)
     * @param mleCombination    mle's combination rule
     * @param twoNnFit          twonn's fit
     * @param grideRangeMax     largest rank of gride's scale analysis ({@code n1} up to half of it)
     * @param lpcaVersion       lpca's rule
     * @param lpcaNeighborhood  0 for one global PCA, else neighbours of each pointwise PCA
     */
    public record Settings(Integer k, Combination mleCombination, TwoNnEstimator.Fit twoNnFit, int grideRangeMax,
                           LocalPcaEstimator.Version lpcaVersion, int lpcaNeighborhood) {
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
            java.util.Objects.requireNonNull(mleCombination, "mleCombination");
            java.util.Objects.requireNonNull(twoNnFit, "twoNnFit");
            java.util.Objects.requireNonNull(lpcaVersion, "lpcaVersion");
        }

        /** The peers' defaults. */
        public static Settings defaults() {
            return new Settings(null, Combination.MLE, TwoNnEstimator.Fit.LINEAR, GrideEstimator.DEFAULT_RANGE_MAX,
                    LocalPcaEstimator.Version.FO, 0);
        }

        public Settings withK(Integer newK) {
            return new Settings(newK, mleCombination, twoNnFit, grideRangeMax, lpcaVersion, lpcaNeighborhood);
        }

        public Settings withMleCombination(Combination c) {
            return new Settings(k, c, twoNnFit, grideRangeMax, lpcaVersion, lpcaNeighborhood);
        }

        public Settings withTwoNnFit(TwoNnEstimator.Fit f) {
            return new Settings(k, mleCombination, f, grideRangeMax, lpcaVersion, lpcaNeighborhood);
        }

        public Settings withGrideRangeMax(int r) {
            return new Settings(k, mleCombination, twoNnFit, r, lpcaVersion, lpcaNeighborhood);
        }

        public Settings withLpca(LocalPcaEstimator.Version v, int neighborhood) {
            return new Settings(k, mleCombination, twoNnFit, grideRangeMax, v, neighborhood);
        }
    }

    /** The estimators for a name with the peers' default settings. */
    public static List<IdEstimator> create(String name, int n) {
        return create(name, Settings.defaults(), n);
    }

    /**
     * The estimators for a name. {@code gride} yields its scale analysis ({@code n1 = 1, 2, 4, ..., 32}
     * by default, fewer for small {@code n}).
     *
     * @param n number of points the estimators will see (for the scale analysis)
     */
    public static List<IdEstimator> create(String name, Settings s, int n) {
        Integer k = s.k();
        return switch (name) {
            case "mle" -> List.of(MleEstimator.of(new MleEstimator.Options(k == null ? 20 : k, s.mleCombination(), false)));
            case "twonn" -> List.of(TwoNnEstimator.of(TwoNnEstimator.Options.defaults().withFit(s.twoNnFit())));
            case "gride" -> List.copyOf(GrideEstimator.scaling(s.grideRangeMax(), n));
            case "tle" -> List.of(TleEstimator.of(k == null ? TleEstimator.Options.defaults()
                    : TleEstimator.Options.defaults().withK(k)));
            case "mom" -> List.of(MomEstimator.of(k == null ? MomEstimator.Options.defaults()
                    : MomEstimator.Options.defaults().withK(k)));
            case "corrint" -> List.of(CorrIntEstimator.withDefaults());
            case "lpca" -> List.of(LocalPcaEstimator.of(LocalPcaEstimator.Options.defaults().withVersion(s.lpcaVersion())
                    .withNeighborhood(s.lpcaNeighborhood())));
            default -> throw InvalidInputException.of("unknown estimator '%s': expected one of %s", name,
                    String.join(", ", NAMES));
        };
    }
}
