package org.repgap.id;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.repgap.InvalidInputException;

/**
 * What the registry ({@link IdEstimators}) knows of one estimator: its name, the method and paper, the
 * peer it agrees with, its parameters with their defaults, what it supports and what it costs. Immutable.
 *
 * @param name             the lower-case name of the command line and of results ({@code mle}, ...)
 * @param method           the method in words
 * @param reference        the paper(s), with DOI where there is one
 * @param peer             the implementation whose numbers it reproduces by default
 * @param defaults         every parameter with its default value, in the order and with the names of
 *                         {@link IdEstimator#parameters()} (computed from the default estimator, so they cannot differ)
 * @param pointwise        whether the default estimator gives a value per point ({@link IdResult#pointwise()})
 * @param groupMetric      whether it runs on any metric, hence on an orbit metric {@code d_G} (estimates {@code d_task})
 * @param analyticInterval whether it has its own asymptotic standard error ({@link IdResult#standardError()})
 * @param cost             how its run time grows with the data (beyond the shared neighbour graph)
 * @param notes            what the booleans do not say (a setting that enables pointwise values, a deviation), or ""
 * @param factory          builds the estimator from the settings
 * @param scaleAnalysis    builds one estimator per scale for the command line's report, {@code null} if it has none
 */
@JsonPropertyOrder({"name", "method", "reference", "peer", "defaults", "pointwise", "group_metric", "analytic_interval",
        "scale_analysis", "cost", "notes"})
public record EstimatorDescriptor(String name, String method, String reference, String peer, Map<String, Object> defaults,
                                  boolean pointwise, boolean groupMetric, boolean analyticInterval, Cost cost, String notes,
                                  @JsonIgnore Factory factory, @JsonIgnore ScaleFactory scaleAnalysis) {

    /** Builds an estimator of this kind from the command-line settings. */
    @FunctionalInterface
    public interface Factory {
        IdEstimator create(IdEstimators.Settings settings);
    }

    /** Builds the estimators of a scale analysis on {@code n} points. */
    @FunctionalInterface
    public interface ScaleFactory {
        List<IdEstimator> create(IdEstimators.Settings settings, int n);
    }

    /**
     * How the number of elementary operations grows with the data: {@code n} points in {@code R^D}, {@code k}
     * the estimator's neighbours ({@link IdEstimator#neighbors()}).
     */
    public enum Growth {
        D("D"), N("n"), N_K("n k"), N_K2_D("n k^2 D"), N2_D("n^2 D"), N_D_MIN_N_D("n D min(n, D)");

        private final String formula;

        Growth(String formula) {
            this.formula = formula;
        }

        /** The formula as printed. */
        public String formula() {
            return formula;
        }

        /** The operation count for the given data. */
        public double units(int n, int dim, int k) {
            double nn = n;
            return switch (this) {
                case D -> dim;
                case N -> nn;
                case N_K -> nn * k;
                case N_K2_D -> nn * k * k * dim;
                case N2_D -> nn * nn * dim;
                case N_D_MIN_N_D -> nn * dim * Math.min(n, dim);
            };
        }
    }

    /**
     * The cost model: {@code seconds = nanosPerUnit * 1e-9 * growth(n, D, k)}, per estimate (each scale of a
     * scale analysis counts once). {@code nanosPerUnit} was measured on a 2-core AMD EPYC (20,000 points in
     * R^100, one run of {@code repgap id --estimator all}, graph excluded): the model gives the order of
     * magnitude that decides what {@code --estimator all} leaves out, not a benchmark.
     *
     * @param growth       how the work grows
     * @param nanosPerUnit measured nanoseconds per unit of work, positive
     */
    @JsonPropertyOrder({"formula", "nanos_per_unit"})
    public record Cost(@JsonIgnore Growth growth, double nanosPerUnit) {
        public Cost {
            Objects.requireNonNull(growth, "growth");
            if (!(nanosPerUnit > 0 && Double.isFinite(nanosPerUnit))) {
                throw InvalidInputException.of("cost: %s ns per unit, expected a positive finite value", nanosPerUnit);
            }
        }

        /** The growth formula, e.g. {@code n k^2 D}. */
        @JsonProperty("formula")
        public String formula() {
            return growth.formula();
        }

        /** Estimated seconds of one estimate on {@code n} points in {@code R^dim} with {@code k} neighbours. */
        public double seconds(int n, int dim, int k) {
            return nanosPerUnit * 1e-9 * growth.units(n, dim, k);
        }
    }

    public EstimatorDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(factory, "factory");
        if (reference.isBlank()) {
            throw new IllegalArgumentException(name + ": a registered estimator needs its reference");
        }
        defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
    }

    /** Whether the command line reports it at several scales ({@link #scaleAnalysis()}). */
    @JsonProperty("scale_analysis")
    public boolean hasScaleAnalysis() {
        return scaleAnalysis != null;
    }

    /** The estimator with the given settings. */
    public IdEstimator create(IdEstimators.Settings settings) {
        return factory.create(settings);
    }

    /** Its scale analysis on {@code n} points, or the one estimator of {@link #create} when it has none. */
    public List<IdEstimator> createScales(IdEstimators.Settings settings, int n) {
        return scaleAnalysis == null ? List.of(factory.create(settings)) : List.copyOf(scaleAnalysis.create(settings, n));
    }
}
