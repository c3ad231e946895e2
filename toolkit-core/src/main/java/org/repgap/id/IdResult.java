package org.repgap.id;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.repgap.provenance.Provenance;

/**
 * One intrinsic-dimension estimate with its uncertainty and the scale it was measured at.
 *
 * @param estimator       lower-case estimator name ({@code mle}, {@code twonn}, {@code gride}, ...)
 * @param params          the estimator's settings
 * @param dimension       the estimate, or {@code null} when undefined on these data
 * @param ciLow           lower end of the bootstrap percentile interval, {@code null} without bootstrap
 * @param ciHigh          upper end of the bootstrap percentile interval, {@code null} without bootstrap
 * @param ciLevel         confidence level of the interval, {@code null} without bootstrap
 * @param bootstrapReplicates number of bootstrap replicates that gave a finite value, {@code null} without bootstrap
 * @param bootstrapMethod what the bootstrap resampled, {@code null} without bootstrap
 * @param standardError   the estimator's own asymptotic standard error, {@code null} when it has none
 * @param n               number of points that entered the estimate
 * @param excluded        points skipped because a needed neighbour distance was 0 (duplicates under the metric)
 * @param ambientDim      ambient dimension of the data
 * @param scale           neighbour rank(s) or radii the estimate refers to
 * @param scaleDistance   the scale as a distance: mean neighbour distance at the ranks used, {@code null} for global PCA
 * @param duplicates      exact duplicate rows in the input (see {@link DuplicatePolicy})
 * @param metric          name of the metric
 * @param seconds         wall-clock time of the estimate (including its bootstrap, excluding the shared graph)
 * @param provenance      how to reproduce the result
 * @param pointwise       per-point estimates, only when asked for (absent from JSON otherwise)
 */
@JsonPropertyOrder({"estimator", "dimension", "ci_low", "ci_high", "ci_level", "standard_error", "scale", "scale_distance", "n",
        "excluded", "duplicates", "ambient_dim", "metric", "params", "bootstrap_replicates", "bootstrap_method",
        "seconds", "provenance", "pointwise"})
public record IdResult(
        String estimator,
        Map<String, Object> params,
        Double dimension,
        Double ciLow,
        Double ciHigh,
        Double ciLevel,
        Integer bootstrapReplicates,
        String bootstrapMethod,
        Double standardError,
        int n,
        int excluded,
        int ambientDim,
        String scale,
        Double scaleDistance,
        int duplicates,
        String metric,
        double seconds,
        Provenance provenance,
        @JsonInclude(JsonInclude.Include.NON_NULL) double[] pointwise) {

    public IdResult {
        Objects.requireNonNull(estimator, "estimator");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        dimension = finiteOrNull(dimension);
        ciLow = finiteOrNull(ciLow);
        ciHigh = finiteOrNull(ciHigh);
        standardError = finiteOrNull(standardError);
        pointwise = pointwise == null ? null : pointwise.clone();
    }

    static Double finiteOrNull(Double v) {
        return v == null || !Double.isFinite(v) ? null : v;
    }

    @Override
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public double[] pointwise() {
        return pointwise == null ? null : pointwise.clone();
    }

    /** The estimate as a primitive, NaN when undefined. */
    public double value() {
        return dimension == null ? Double.NaN : dimension;
    }

    /** The same result without its pointwise values. */
    public IdResult withoutPointwise() {
        return new IdResult(estimator, params, dimension, ciLow, ciHigh, ciLevel, bootstrapReplicates, bootstrapMethod,
                standardError, n, excluded, ambientDim, scale, scaleDistance, duplicates, metric, seconds, provenance, null);
    }
}
