package org.repgap.id;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.repgap.InvalidInputException;
import org.repgap.provenance.Provenance;
import org.repgap.stats.Bootstrap;

/**
 * Runs estimators on a context: shares one neighbour graph among them, times them, adds a
 * bootstrap interval (through the toolkit's one {@link Bootstrap}) and provenance.
 *
 * <p>Bootstrap: each estimator supplies its resampling (see {@link Estimate#bootstrapMethod()}).
 * Where the estimate is a function of per-point statistics (MLE, TwoNN, GRIDE, TLE, MOM, pointwise
 * lPCA) those statistics are resampled: the graph is computed once and no duplicate point is
 * created. Global lPCA resamples points; CorrInt recomputes on the distinct points of a resample
 * (duplicates would add pairs at distance 0). Percentile intervals (Efron and Tibshirani 1993, ch. 13).
 */
public final class IdEstimation {
    private IdEstimation() {
    }

    /**
     * Settings of a run.
     *
     * @param bootstrap      number of bootstrap replicates, 0 for none
     * @param seed           seed of the bootstrap streams
     * @param level          confidence level of the interval, in (0, 1)
     * @param keepPointwise  whether results carry per-point estimates
     */
    public record Options(int bootstrap, long seed, double level, boolean keepPointwise) {
        public Options {
            if (!(bootstrap >= 0)) {
                throw InvalidInputException.of("bootstrap = %d: the number of replicates must be 0 (none) or positive", bootstrap);
            }
            if (!(level > 0 && level < 1)) {
                throw InvalidInputException.of("confidence level = %s: expected a value strictly between 0 and 1", level);
            }
        }

        /** No bootstrap, seed 0, level 0.95, no pointwise values. */
        public static Options defaults() {
            return new Options(0, 0L, 0.95, false);
        }

        public Options withBootstrap(int replicates, long newSeed) {
            return new Options(replicates, newSeed, level, keepPointwise);
        }

        public Options withPointwise(boolean keep) {
            return new Options(bootstrap, seed, level, keep);
        }
    }

    /** Fails early, naming the estimator, when the data have too few points for its neighbours. */
    private static void checkNeighbors(IdEstimator e, IdContext ctx) {
        if (e.neighbors() >= ctx.n()) {
            throw InvalidInputException.of("%s needs k = %d neighbours but %s has only %d distinct points (at least %d needed); "
                    + "use fewer neighbours (--k) or more points", e.name(), e.neighbors(), ctx.input().source(), ctx.n(),
                    e.neighbors() + 1);
        }
    }

    /** Runs one estimator with default options (no bootstrap). */
    public static IdResult run(IdEstimator estimator, IdContext ctx) {
        return run(estimator, ctx, Options.defaults());
    }

    /** Runs the estimators in order, after computing the shared graph for the largest rank any of them needs. */
    public static List<IdResult> run(List<? extends IdEstimator> estimators, IdContext ctx, Options options) {
        int kmax = 0;
        for (IdEstimator e : estimators) {
            checkNeighbors(e, ctx);
            kmax = Math.max(kmax, e.neighbors());
        }
        if (kmax > 0) {
            ctx.prefetch(kmax);
        }
        List<IdResult> out = new ArrayList<>();
        for (IdEstimator e : estimators) {
            out.add(run(e, ctx, options));
        }
        return out;
    }

    /** Runs one estimator. */
    public static IdResult run(IdEstimator estimator, IdContext ctx, Options options) {
        checkNeighbors(estimator, ctx);
        long t0 = System.nanoTime();
        Estimate est = estimator.compute(ctx);
        Double lo = null;
        Double hi = null;
        Double level = null;
        Integer reps = null;
        String method = null;
        if (options.bootstrap() > 0) {
            double[][] r = Bootstrap.replicate(options.bootstrap(), options.seed(),
                    rng -> new double[] {est.resampler().applyAsDouble(Bootstrap.resample(est.units(), rng))},
                    (task, done, total) -> ctx.progress().update(estimator.name() + " bootstrap", done, total));
            Bootstrap.Interval ci = Bootstrap.percentile(r, 0, options.level());
            lo = ci.low();
            hi = ci.high();
            level = options.level();
            int finite = 0;
            for (double[] row : r) {
                if (Double.isFinite(row[0])) {
                    finite++;
                }
            }
            reps = finite;
            method = est.bootstrapMethod();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> provParams = new LinkedHashMap<>(estimator.parameters());
        provParams.put("metric", ctx.metric().name());
        provParams.put("duplicate_policy", ctx.duplicatePolicy().name().toLowerCase(java.util.Locale.ROOT));
        provParams.put("bootstrap", options.bootstrap());
        if (options.bootstrap() > 0) {
            provParams.put("level", options.level());
        }
        Provenance prov = Provenance.of(estimator.getClass().getSimpleName(), provParams, ctx.input().sha256(),
                options.bootstrap() > 0 ? options.seed() : null);
        return new IdResult(estimator.name(), estimator.parameters(), est.dimension(), lo, hi, level, reps, method,
                est.standardError(), est.used(), est.excluded(), ctx.dim(), est.scale(), est.scaleDistance(), ctx.duplicates(),
                ctx.metric().name(), seconds, prov, options.keepPointwise() ? est.pointwise() : null);
    }
}
