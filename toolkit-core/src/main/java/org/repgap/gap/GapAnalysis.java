package org.repgap.gap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.repgap.InvalidInputException;
import org.repgap.data.Magnitudes;
import org.repgap.data.PointCloud;
import org.repgap.group.SymmetryGroup;
import org.repgap.neighbors.Metric;
import org.repgap.neighbors.NeighborSearch;
import org.repgap.progress.Progress;
import org.repgap.provenance.Provenance;
import org.repgap.quantization.QuantizationResult;

/**
 * The full Representation Gap analysis behind {@code repgap gap}: the learning curve
 * {@code RG_n^G} ({@link RepresentationGapCurve}), its log-log slope and implied dimension
 * ({@link SlopeFit}), and the asymptotic law {@code C_d (m n)^(-2/d)} ({@link AsymptoticLaw})
 * with the measured/predicted ratio at every size.
 *
 * <p>The dimension of the law is, in order of precedence: given ({@link Options#d()}), from a
 * {@link DimensionEstimator} (which must return the task dimension {@code d_task}, e.g. an estimator
 * run with the orbit metric, or an ambient estimate minus {@code group.lieDimension}), or the
 * curve's own implied {@code d = -2/slope}.
 *
 * <p>Route of the constant ({@link AsymptoticLaw.Route}), when not forced: a finite group of order
 * {@code |G| > 1} uses Euclidean neighbours and predicts at {@code |G| n} (THEORY.md section 4,
 * finite groups acting freely almost everywhere); the trivial group and continuous groups use the
 * orbit metric on the quotient with multiplier 1.
 */
public final class GapAnalysis {
    private GapAnalysis() {
    }

    /** Supplies the task intrinsic dimension {@code d_task} of a data set under a group. */
    @FunctionalInterface
    public interface DimensionEstimator {
        /** {@code d_task} of {@code x} modulo {@code group}. */
        double taskDimension(PointCloud x, SymmetryGroup group);
    }

    /**
     * Settings.
     *
     * @param curve         learning-curve settings
     * @param fit           slope-fit settings
     * @param d             the law's dimension if given, else {@code null}
     * @param estimatorName name recorded as {@code d_source} when an estimator is passed to {@link #run}
     * @param renyiK        neighbour rank of the Renyi estimate of the constant (at least 1)
     * @param route         route of the constant, {@code null} for automatic
     */
    public record Options(RepresentationGapCurve.Options curve, SlopeFit.Options fit, Double d, String estimatorName, int renyiK,
                          AsymptoticLaw.Route route) {
        public Options {
            Objects.requireNonNull(curve, "curve");
            Objects.requireNonNull(fit, "fit");
            if (d != null && !(d > 0 && Double.isFinite(d))) {
                throw InvalidInputException.of("--d %s: the dimension must be finite and positive", d);
            }
            if (renyiK < 1) {
                throw InvalidInputException.of("--renyi-k %d must be at least 1", renyiK);
            }
        }

        /** Default fit, {@code d} from the curve, {@code k = 5}, automatic route. */
        public static Options of(RepresentationGapCurve.Options curve) {
            return new Options(curve, SlopeFit.Options.defaults(), null, null, 5, null);
        }

        /** The same settings with a given dimension. */
        public Options withD(Double dimension) {
            return new Options(curve, fit, dimension, estimatorName, renyiK, route);
        }
    }

    /**
     * The group as the analysis saw it.
     *
     * @param spec          group spec
     * @param finite        finite group
     * @param order         {@code |G|} on the data's dimension, {@code null} when infinite
     * @param lieDimension  dimension of the group as a manifold
     * @param orbitMetric   name of the orbit metric used for the curve
     */
    public record GroupInfo(String spec, boolean finite, Long order, int lieDimension, String orbitMetric) {
    }

    /**
     * The analysis.
     *
     * @param curve      the learning curve points ({@code n, rg_mean, rg_sd, seeds}, ...)
     * @param law        the asymptotic law
     * @param fit        the slope fit
     * @param group      the group
     * @param comparison measured/predicted at every size
     * @param evaluation {@code test_set} or {@code leave_one_out}
     * @param testPoints test points (0 for leave-one-out)
     * @param dataPoints points in the data
     * @param provenance how to rebuild it
     * @param quantization the quantization estimate of {@code d} (held-out distortion curve and its fit) when the
     *                   law's dimension came from it; absent otherwise
     */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(value = "schema", allowGetters = true)
    public record Result(List<RepresentationGapCurve.CurvePoint> curve, AsymptoticLaw law, SlopeFit fit, GroupInfo group,
                         List<AsymptoticLaw.Check> comparison, String evaluation, int testPoints, int dataPoints,
                         Provenance provenance,
                         @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                         QuantizationResult quantization) {

        /** The schema of the JSON form, {@code docs/results.md}. */
        public static final String SCHEMA = "repgap.gap/3";

        public Result {
            curve = List.copyOf(curve);
            comparison = List.copyOf(comparison);
        }

        /** A result whose dimension did not come from the quantization estimator. */
        public Result(List<RepresentationGapCurve.CurvePoint> curve, AsymptoticLaw law, SlopeFit fit, GroupInfo group,
                      List<AsymptoticLaw.Check> comparison, String evaluation, int testPoints, int dataPoints,
                      Provenance provenance) {
            this(curve, law, fit, group, comparison, evaluation, testPoints, dataPoints, provenance, null);
        }

        /** The schema name written into the JSON. */
        @com.fasterxml.jackson.annotation.JsonProperty("schema")
        public String schema() {
            return SCHEMA;
        }

        /** The same result carrying the quantization estimate its law's dimension came from (curve and fit). */
        public Result withQuantization(QuantizationResult q) {
            return new Result(curve, law, fit, group, comparison, evaluation, testPoints, dataPoints, provenance, q);
        }
    }

    /**
     * The gap is a mean squared distance, in the data's units squared: refused, naming the problem, when those
     * cannot be represented (squared distances overflow beyond about 1e154, or fall below about 1e-289 where
     * doubles lose their precision). Before this check data times 1e160 gave a NaN gap and times 1e-200 a gap of 0.
     * The slope and the implied dimension do not depend on the units, so rescaling the data is the remedy.
     */
    static void checkMagnitude(PointCloud data) {
        double max = Magnitudes.largest(data);
        double squared = 4.0 * data.dim() * max * max;
        if (!Double.isFinite(squared) || (max > 0 && max * max < 0x1p-960)) {
            throw InvalidInputException.of("%s: largest |x| = %s, so squared distances (the gap's units) are %s double "
                    + "range; multiply the data by a power of ten (the slope and implied d do not depend on it)",
                    data.source(), max, Double.isFinite(squared) ? "below the precision of the" : "beyond the");
        }
    }

    /**
     * Runs the analysis.
     *
     * @param searches  builds an exact neighbour search for a metric (e.g. {@code NeighborSearch::bruteForce}):
     *                  the one injected value for speed
     * @param estimator supplies {@code d_task} when {@link Options#d()} is {@code null}; {@code null} to use the curve
     */
    public static Result run(PointCloud data, SymmetryGroup group, Function<Metric, NeighborSearch> searches, Options options,
                             DimensionEstimator estimator, Progress progress) {
        Objects.requireNonNull(group, "group");
        checkMagnitude(data);
        group.checkDimension(data.dim());
        Metric orbit = group.orbitMetric(data.dim());
        NeighborSearch orbitSearch = searches.apply(orbit);
        RepresentationGapCurve.Result curve = RepresentationGapCurve.compute(data, orbitSearch, options.curve(), progress);
        SlopeFit fit = SlopeFit.fit(curve, options.fit(), progress);

        double d;
        String dSource;
        if (options.d() != null) {
            d = options.d();
            dSource = "given";
        } else if (estimator != null) {
            d = estimator.taskDimension(data, group);
            dSource = options.estimatorName() == null ? "estimator" : options.estimatorName();
            if (!(d > 0 && Double.isFinite(d))) {
                throw InvalidInputException.of("--estimator %s returned d_task = %s, not a positive dimension; give --d", dSource, d);
            }
        } else {
            if (fit.dimension() == null) {
                throw InvalidInputException.of("the learning curve does not decrease (slope %s): no implied dimension; give --d or --estimator",
                        fit.slope());
            }
            d = fit.dimension();
            dSource = "curve";
        }

        long order = group.order(data.dim());
        AsymptoticLaw.Route route = options.route();
        if (route == null) {
            route = group.isFinite() && order > 1 ? AsymptoticLaw.Route.AMBIENT : AsymptoticLaw.Route.QUOTIENT;
        }
        if (route == AsymptoticLaw.Route.AMBIENT && !group.isFinite()) {
            throw InvalidInputException.of("route ambient needs a finite group, but %s is continuous: use the quotient route", group.spec());
        }
        AsymptoticLaw law = route == AsymptoticLaw.Route.AMBIENT
                ? AsymptoticLaw.estimate(data, searches.apply(Metric.euclidean()), d, dSource, options.renyiK(), order, route)
                : AsymptoticLaw.estimate(data, orbitSearch, d, dSource, options.renyiK(), 1, route);

        GroupInfo info = new GroupInfo(group.spec(), group.isFinite(), group.isFinite() ? order : null,
                group.lieDimension(data.dim()), orbit.name());
        Map<String, Object> params = new LinkedHashMap<>(curve.provenance().parameters());
        params.put("group", group.spec());
        params.put("d", options.d());
        params.put("estimator", estimator == null ? null : dSource);
        params.put("renyi_k", options.renyiK());
        params.put("route", route.name().toLowerCase(Locale.ROOT));
        params.put("fit_interval", options.fit().method().name().toLowerCase(Locale.ROOT));
        params.put("level", options.fit().level());
        params.put("bootstrap", options.fit().replicates());
        Provenance prov = Provenance.of("GapAnalysis", params, data.sha256(), options.curve().seed());
        return new Result(curve.points(), law, fit, info, law.compare(curve),
                curve.evaluation().name().toLowerCase(Locale.ROOT), curve.testPoints(), data.n(), prov);
    }
}
