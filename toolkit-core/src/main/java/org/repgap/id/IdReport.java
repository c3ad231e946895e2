package org.repgap.id;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * Every estimate made on one data set, as the {@code repgap id} command prints it.
 *
 * @param source     where the data came from (file or data set name)
 * @param n          number of input rows
 * @param ambientDim ambient dimension
 * @param duplicates exact duplicate rows in the input
 * @param duplicatePolicy what was done with them
 * @param metric     the distance used by the nearest-neighbour estimators
 * @param dataHash   SHA-256 of the input (see {@code PointCloud#sha256()})
 * @param estimates  one result per estimator (GRIDE: one per scale)
 * @param skipped    the estimators {@code all} left out on these data, with the reason ({@link IdEstimators#select});
 *                   empty when none (and when read from JSON written before this field)
 * @param group      the symmetry group the estimates are modulo (its spec), {@code null} without one
 * @param twonnDiagnostic the TwoNN diagnostic when asked for ({@link TwoNnDiagnostic}), absent otherwise
 */
@JsonIgnoreProperties(value = "schema", allowGetters = true)
public record IdReport(String source, int n, int ambientDim, int duplicates, String duplicatePolicy, String metric,
                       String dataHash, List<IdResult> estimates, List<Skipped> skipped, String group,
                       @JsonInclude(JsonInclude.Include.NON_NULL) TwoNnDiagnostic twonnDiagnostic) {

    /**
     * An estimator that {@code all} did not run.
     *
     * @param estimator its name
     * @param reason    why, in one line (cost, too few points, metric)
     */
    public record Skipped(String estimator, String reason) {
        public Skipped {
            Objects.requireNonNull(estimator, "estimator");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The schema of the JSON form, {@code docs/results.md}. */
    public static final String SCHEMA = "repgap.id/2";

    public IdReport {
        Objects.requireNonNull(estimates, "estimates");
        estimates = List.copyOf(estimates);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }

    /** A report without skipped estimators, group or diagnostic. */
    public IdReport(String source, int n, int ambientDim, int duplicates, String duplicatePolicy, String metric,
                    String dataHash, List<IdResult> estimates) {
        this(source, n, ambientDim, duplicates, duplicatePolicy, metric, dataHash, estimates, List.of(), null, null);
    }

    /** The report of results computed on a context. */
    public static IdReport of(IdContext ctx, List<IdResult> estimates) {
        return new IdReport(ctx.input().source(), ctx.input().n(), ctx.dim(), ctx.duplicates(),
                ctx.duplicatePolicy().name().toLowerCase(java.util.Locale.ROOT), ctx.metric().name(), ctx.input().sha256(),
                estimates);
    }

    /** The schema name written into the JSON. */
    @JsonProperty("schema")
    public String schema() {
        return SCHEMA;
    }

    /** The same report, modulo the group {@code spec} ({@code null}: none). */
    public IdReport withGroup(String spec) {
        return new IdReport(source, n, ambientDim, duplicates, duplicatePolicy, metric, dataHash, estimates, skipped, spec,
                twonnDiagnostic);
    }

    /** The same report carrying a TwoNN diagnostic. */
    public IdReport withTwoNnDiagnostic(TwoNnDiagnostic diagnostic) {
        return new IdReport(source, n, ambientDim, duplicates, duplicatePolicy, metric, dataHash, estimates, skipped, group,
                diagnostic);
    }

    /** The same report listing the estimators {@code all} left out. */
    public IdReport withSkipped(List<Skipped> left) {
        return new IdReport(source, n, ambientDim, duplicates, duplicatePolicy, metric, dataHash, estimates, left, group,
                twonnDiagnostic);
    }
}
