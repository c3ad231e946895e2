package org.repgap.gap;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.special.Gamma;
import org.repgap.InvalidInputException;
import org.repgap.data.PointCloud;
import org.repgap.neighbors.NeighborGraph;
import org.repgap.neighbors.NeighborSearch;
import org.repgap.provenance.Provenance;

/**
 * The asymptotic law of the Representation Gap (THEORY.md section 4),
 * {@code RG_n ~ C_d(f) (m n)^(-2/d)}, {@code C_d(f) = Gamma(1 + 2/d) V_d^(-2/d) integral_M f^(1 - 2/d)},
 * with {@code V_d = pi^(d/2) / Gamma(d/2 + 1)} and {@code m} the sample multiplier: {@code |G|}
 * for a finite group acting freely almost everywhere whose constant was estimated without the
 * group ({@link Route#AMBIENT}), 1 otherwise. For a compact Lie group of dimension {@code k} the
 * law holds on the quotient ({@link Route#QUOTIENT}): {@code d} is then {@code d_task = d - k}
 * and the constant is estimated with the orbit distance (which also covers finite groups, where
 * it equals the ambient route: the quotient has volume {@code |M|/|G|} and density {@code |G| f}).
 *
 * <p>The integral is the k-NN Renyi-entropy estimate of Leonenko, Pronzato & Savani (Ann.
 * Statist. 36(5), 2008, doi:10.1214/07-AOS539):
 * {@code integral f^(1-2/d) ~ (1/N) sum_i ((N - 1) C_k V_d rho_(i,k)^d)^(2/d)},
 * {@code C_k = (Gamma(k) / Gamma(k + 2/d))^(d/2)}, which simplifies to
 * {@code ((N - 1) V_d)^(2/d) Gamma(k) / Gamma(k + 2/d) mean_i rho_(i,k)^2}; for {@code k = 1}
 * {@code C_d} is {@code (N - 1)^(2/d)} times the leave-one-out gap. Duplicate points give
 * {@code rho = 0} and contribute 0.
 *
 * @param dimension       intrinsic dimension {@code d} of the law ({@code d_task} on the quotient route)
 * @param dimensionSource where {@code d} came from ({@code given}, an estimator name, {@code curve})
 * @param constant       {@code C_d(f)}
 * @param exponent       {@code 2/d}
 * @param sampleMultiplier {@code m}: predictions are {@code C_d (m n)^(-2/d)}
 * @param route          {@code ambient}, {@code quotient} or {@code closed-form}
 * @param renyiK         neighbour rank {@code k} of the Renyi estimate (0 for a closed form)
 * @param renyiIntegral  the estimate of {@code integral f^(1-2/d)} ({@code null} for a closed form)
 * @param dataPoints     {@code N}, the points the constant was estimated from
 * @param metric         metric of the neighbour distances
 * @param provenance     how to rebuild it ({@code null} for a closed form)
 */
public record AsymptoticLaw(@JsonAlias("d") double dimension, @JsonAlias("d_source") String dimensionSource, double constant, double exponent, double sampleMultiplier,
                            String route, int renyiK, Double renyiIntegral, int dataPoints, String metric,
                            Provenance provenance) {

    /** How the constant treats the symmetry group. */
    public enum Route {
        /** Euclidean neighbours on the data, predictions at {@code |G| n} (finite groups acting freely). */
        AMBIENT,
        /** Orbit-distance neighbours on the data, dimension {@code d_task}, multiplier 1 (any group). */
        QUOTIENT
    }

    /** {@code V_d = pi^(d/2) / Gamma(d/2 + 1)}, the volume of the unit {@code d}-ball (real {@code d > 0}). */
    public static double unitBallVolume(double d) {
        checkDimension(d);
        return Math.exp(0.5 * d * Math.log(Math.PI) - Gamma.logGamma(0.5 * d + 1));
    }

    /** {@code C_d = Gamma(1 + 2/d) (|M| / V_d)^(2/d)}: the constant of the uniform law on a manifold of volume {@code |M|}. */
    public static double uniformConstant(double d, double volume) {
        checkDimension(d);
        if (!(volume > 0 && Double.isFinite(volume))) {
            throw InvalidInputException.of("manifold volume %s must be finite and positive", volume);
        }
        return Gamma.gamma(1 + 2 / d) * Math.pow(volume / unitBallVolume(d), 2 / d);
    }

    /** A law with a closed-form constant (e.g. {@link #uniformConstant}). */
    public static AsymptoticLaw closedForm(double d, String dSource, double constant, double sampleMultiplier) {
        checkDimension(d);
        return new AsymptoticLaw(d, dSource, constant, 2 / d, sampleMultiplier, "closed-form", 0, null, 0, "", null);
    }

    /**
     * The Renyi estimate {@code ((N - 1) V_d)^(2/d) Gamma(k)/Gamma(k + 2/d) mean_i rho_(i,k)^2} from a
     * {@code k}-NN graph of {@code N} points (column {@code k - 1} is used).
     */
    public static double renyiIntegral(NeighborGraph graph, int k, double d) {
        checkDimension(d);
        if (k < 1 || k > graph.k()) {
            throw InvalidInputException.of("Renyi estimate: rank k = %d must be between 1 and the graph's %d", k, graph.k());
        }
        int n = graph.n();
        double mean = 0;
        for (int i = 0; i < n; i++) {
            double r = graph.distance(i, k - 1);
            mean += (r * r - mean) / (i + 1);
        }
        double logFactor = (2 / d) * (Math.log(n - 1) + Math.log(unitBallVolume(d))) + Gamma.logGamma(k) - Gamma.logGamma(k + 2 / d);
        return Math.exp(logFactor) * mean;
    }

    /**
     * Estimates the law from data: {@code k}-NN distances under the search's metric, then
     * {@code C_d = Gamma(1 + 2/d) V_d^(-2/d) renyiIntegral}.
     *
     * @param search           neighbour search (Euclidean for {@link Route#AMBIENT}, orbit metric for {@link Route#QUOTIENT})
     * @param d                dimension of the law
     * @param dSource          where {@code d} came from
     * @param k                neighbour rank of the Renyi estimate (1: leave-one-out; larger: less variance)
     * @param sampleMultiplier {@code |G|} on the ambient route, 1 otherwise
     * @param route            the route, recorded in the result
     */
    public static AsymptoticLaw estimate(PointCloud x, NeighborSearch search, double d, String dSource, int k,
                                         double sampleMultiplier, Route route) {
        checkDimension(d);
        if (!(sampleMultiplier >= 1)) {
            throw InvalidInputException.of("sample multiplier %s must be at least 1", sampleMultiplier);
        }
        NeighborSearch.checkK(k, x.n(), x.source());
        NeighborGraph g = search.allKnn(x, k);
        double integral = renyiIntegral(g, k, d);
        double c = Gamma.gamma(1 + 2 / d) * Math.pow(unitBallVolume(d), -2 / d) * integral;
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("d", d);
        params.put("d_source", dSource);
        params.put("k", k);
        params.put("sample_multiplier", sampleMultiplier);
        params.put("route", route.name().toLowerCase(java.util.Locale.ROOT));
        params.put("metric", search.metric().name());
        params.put("search", search.name());
        return new AsymptoticLaw(d, dSource, c, 2 / d, sampleMultiplier, route.name().toLowerCase(java.util.Locale.ROOT),
                k, integral, x.n(), search.metric().name(), Provenance.of("AsymptoticLaw", params, x.sha256(), null));
    }

    /** The predicted gap {@code C_d (m n)^(-2/d)} for {@code n} training points. */
    public double predict(double n) {
        return constant * Math.pow(sampleMultiplier * n, -exponent);
    }

    /**
     * Measured against predicted at one size.
     *
     * @param n         training-set size of the curve point
     * @param gapSize   the size the measured gap refers to (where the prediction is evaluated)
     * @param measured  mean gap over seeds
     * @param predicted {@code C_d (m gapSize)^(-2/d)}
     * @param ratio     measured / predicted
     */
    public record Check(int n, int gapSize, double measured, double predicted, double ratio) {
    }

    /** The measured/predicted ratio at every size of a curve. */
    public List<Check> compare(RepresentationGapCurve.Result curve) {
        List<Check> out = new ArrayList<>();
        for (RepresentationGapCurve.CurvePoint p : curve.points()) {
            double pred = predict(p.gapSize());
            out.add(new Check(p.n(), p.gapSize(), p.rgMean(), pred, p.rgMean() / pred));
        }
        return out;
    }

    private static void checkDimension(double d) {
        if (!(d > 0 && Double.isFinite(d))) {
            throw InvalidInputException.of("--d %s: the dimension of the law must be finite and positive", d);
        }
    }
}
