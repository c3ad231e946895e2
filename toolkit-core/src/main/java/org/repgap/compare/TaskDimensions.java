package org.repgap.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.repgap.InvalidInputException;
import org.repgap.gap.GapAnalysis;
import org.repgap.id.EstimatorDescriptor;
import org.repgap.id.IdContext;
import org.repgap.id.IdEstimation;
import org.repgap.id.IdEstimators;
import org.repgap.quantization.QuantizationEstimator;
import org.repgap.quantization.QuantizationResult;

/**
 * The sources of the task dimension {@code d_task = dim(M/G)} for the gap law (THEORY.md sections 4-5), by name:
 * <ul>
 *   <li>{@code quantization}: the optimal-quantization estimator (k-means in the ambient space), minus the
 *   dimension of the orbits of a continuous group, {@code group.lieDimension(D)};</li>
 *   <li>every estimator of the registry that runs on any metric ({@link EstimatorDescriptor#groupMetric()}), with
 *   its defaults, on the orbit distance {@code d_G}: it estimates {@code d_task} directly (GRIDE at its finest scale,
 *   {@code n1 = 1}, the scale of the gap itself);</li>
 *   <li>{@code curve}: none here, the law takes the learning curve's own implied dimension.</li>
 * </ul>
 */
public final class TaskDimensions {
    private TaskDimensions() {
    }

    /** The name of "no estimator: the curve's own slope". */
    public static final String CURVE = "curve";

    /** Every name, quantization first and {@code curve} last. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        out.add(QuantizationEstimator.NAME);
        for (EstimatorDescriptor d : IdEstimators.descriptors()) {
            if (d.groupMetric()) {
                out.add(d.name());
            }
        }
        out.add(CURVE);
        return out;
    }

    /**
     * The estimator of {@code d_task} of a name, or {@code null} for {@code curve}.
     *
     * @param seed seed of the quantization estimator's k-means
     * @param keep receives the quantization result (the curve its figure draws); called only for quantization
     * @throws InvalidInputException for an unknown name (listing the known ones); the estimator itself throws one when
     *                               it finds no positive finite dimension
     */
    public static GapAnalysis.DimensionEstimator of(String name, long seed, Consumer<QuantizationResult> keep) {
        Objects.requireNonNull(keep, "keep");
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (!names().contains(key)) {
            throw InvalidInputException.of("--estimator %s: unknown (known here: %s)", name, String.join(", ", names()));
        }
        if (key.equals(CURVE)) {
            return null;
        }
        if (key.equals(QuantizationEstimator.NAME)) {
            return (x, g) -> {
                QuantizationResult q = QuantizationEstimator.estimate(x, QuantizationEstimator.Options.defaults(seed));
                keep.accept(q);
                Double d = q.dimension();
                if (d == null) {
                    throw InvalidInputException.of("--estimator quantization: the distortion does not fall with k; give --d");
                }
                // k-means quantizes in the ambient space: remove the orbit directions of a continuous group
                return d - g.lieDimension(x.dim());
            };
        }
        return (x, g) -> {
            IdContext ctx = IdContext.of(x, g.orbitMetric(x.dim()));
            Double d = IdEstimation.run(IdEstimators.create(key), ctx).dimension();
            if (d == null || !(d > 0)) {
                throw InvalidInputException.of("--estimator %s: no finite dimension on these data; give --d", key);
            }
            return d;
        };
    }
}
