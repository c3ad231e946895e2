package org.repgap.diffusion.sweep;

import java.io.IOException;
import java.nio.file.Path;
import org.repgap.InvalidInputException;
import org.repgap.data.PointCloud;
import org.repgap.diffusion.sweep.SweepLaws.Estimate;
import org.repgap.group.Groups;
import org.repgap.group.SymmetryGroup;
import org.repgap.id.IdContext;
import org.repgap.id.IdEstimation;
import org.repgap.id.IdEstimators;
import org.repgap.id.IdResult;
import org.repgap.json.Json;

/**
 * The intrinsic dimensions a sweep's laws are predicted from, estimated by the toolkit's own TwoNN
 * (THEORY.md section 5) on the sweep's data: {@code d} in the plain metric and {@code d_task} in the
 * task group's orbit metric, each with a 95% bootstrap interval, and the predicted exponents
 * {@code -2/d} and {@code -2/d_task} (section 4) with the intervals that map from them.
 *
 * @param estimator    the estimator's name
 * @param points       points estimated on (the seed-0 test, training and reserve points of the largest size)
 * @param group        the task group
 * @param lieDimension the group's Lie dimension on the data ({@code d_task = d - k} in theory)
 * @param plain        {@code d}
 * @param task         {@code d_task}
 */
public record SweepDimensions(String estimator, int points, String group, int lieDimension, Estimate plain, Estimate task) {

    /** The file of a sweep directory that holds them. */
    public static final String FILE = "dimensions.json";

    /** Bootstrap replicates of the intervals. */
    static final int BOOTSTRAP = 200;

    /**
     * Estimates both dimensions on {@code points}.
     *
     * @throws InvalidInputException if TwoNN gives no finite dimension (too few distinct points)
     */
    public static SweepDimensions estimate(PointCloud points, SymmetryGroup group, long seed) {
        Estimate plain = twoNn(points, Groups.none(), seed);
        Estimate task = group.isFinite() && group.order(points.dim()) == 1 ? plain : twoNn(points, group, seed);
        return new SweepDimensions("twonn", points.n(), group.spec(), group.lieDimension(points.dim()), plain, task);
    }

    private static Estimate twoNn(PointCloud x, SymmetryGroup g, long seed) {
        IdContext ctx = IdContext.of(x, g.orbitMetric(x.dim()));
        IdResult r = IdEstimation.run(IdEstimators.create("twonn"), ctx,
                IdEstimation.Options.defaults().withBootstrap(BOOTSTRAP, seed));
        if (r.dimension() == null) {
            throw InvalidInputException.of("%s: TwoNN gives no finite dimension modulo %s on %d points", x.source(), g.spec(), x.n());
        }
        return new Estimate(r.dimension(), r.ciLow(), r.ciHigh(), "TwoNN, 95% bootstrap interval (" + BOOTSTRAP + " replicates)");
    }

    /** {@code -2/d} with the interval {@code [-2/d_low, -2/d_high]} (the map is increasing in {@code d}). */
    public Estimate exponent(Estimate d) {
        return new Estimate(-2 / d.value(), d.ciLow() == null ? null : -2 / d.ciLow(), d.ciHigh() == null ? null : -2 / d.ciHigh(),
                "-2/d from " + estimator);
    }

    /** Reads {@code dimensions.json}. */
    public static SweepDimensions read(Path file) throws IOException {
        return Json.mapper().readValue(file.toFile(), SweepDimensions.class);
    }
}
