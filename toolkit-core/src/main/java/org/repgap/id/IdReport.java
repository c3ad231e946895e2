package org.repgap.id;

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
 */
public record IdReport(String source, int n, int ambientDim, int duplicates, String duplicatePolicy, String metric,
                       String dataHash, List<IdResult> estimates) {
    public IdReport {
        Objects.requireNonNull(estimates, "estimates");
        estimates = List.copyOf(estimates);
    }

    /** The report of results computed on a context. */
    public static IdReport of(IdContext ctx, List<IdResult> estimates) {
        return new IdReport(ctx.input().source(), ctx.input().n(), ctx.dim(), ctx.duplicates(),
                ctx.duplicatePolicy().name().toLowerCase(java.util.Locale.ROOT), ctx.metric().name(), ctx.input().sha256(),
                estimates);
    }
}
