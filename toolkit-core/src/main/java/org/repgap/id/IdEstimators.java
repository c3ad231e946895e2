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
     * The estimators for a name with default settings. {@code k}, when not null, replaces the number of
     * neighbours of {@code mle}, {@code tle} and {@code mom}. {@code gride} yields its scale analysis
     * ({@code n1 = 1, 2, 4, ..., 32}, fewer for small {@code n}).
     *
     * @param n number of points the estimators will see (for the scale analysis)
     */
    public static List<IdEstimator> create(String name, Integer k, int n) {
        return switch (name) {
            case "mle" -> List.of(MleEstimator.of(k == null ? MleEstimator.Options.defaults()
                    : MleEstimator.Options.defaults().withK(k)));
            case "twonn" -> List.of(TwoNnEstimator.withDefaults());
            case "gride" -> List.copyOf(GrideEstimator.scaling(GrideEstimator.DEFAULT_RANGE_MAX, n));
            case "tle" -> List.of(TleEstimator.of(k == null ? TleEstimator.Options.defaults()
                    : TleEstimator.Options.defaults().withK(k)));
            case "mom" -> List.of(MomEstimator.of(k == null ? MomEstimator.Options.defaults()
                    : MomEstimator.Options.defaults().withK(k)));
            case "corrint" -> List.of(CorrIntEstimator.withDefaults());
            case "lpca" -> List.of(LocalPcaEstimator.withDefaults());
            default -> throw InvalidInputException.of("unknown estimator '%s': expected one of %s", name,
                    String.join(", ", NAMES));
        };
    }
}
