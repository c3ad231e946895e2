package org.repgap.fit;

import java.util.Objects;

/**
 * One parameter of a {@link Law}: its name (as the paper writes it), the scale the optimiser works
 * on, and the range in which the law is meaningful.
 *
 * <p>A parameter on the {@link Scale#LOG} scale is optimised as {@code u = log(theta)}, so it stays
 * positive without bounds (this is how Besiroglu et al. 2024 fit {@code A = e^a}, {@code B = e^b},
 * {@code E = e^e}). The range {@code [lower, upper]} is not enforced during the fit; a fit whose
 * estimate leaves it is reported as out of range.
 *
 * @param name        name used in results ({@code "alpha"}, {@code "E"}, ...)
 * @param scale       the optimisation scale
 * @param lower       lowest meaningful value ({@code -inf} allowed)
 * @param upper       highest meaningful value ({@code +inf} allowed)
 * @param description what the parameter means
 */
public record Parameter(String name, Scale scale, double lower, double upper, String description) {

    /** The scale the optimiser works on. */
    public enum Scale {
        /** optimised as is */
        LINEAR,
        /** optimised as its logarithm; always positive */
        LOG
    }

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scale, "scale");
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("parameter " + name + ": lower " + lower + " > upper " + upper);
        }
        if (scale == Scale.LOG && !(lower >= 0)) {
            throw new IllegalArgumentException("parameter " + name + ": a LOG-scale parameter must have lower >= 0");
        }
    }

    /** A positive parameter optimised on the log scale. */
    public static Parameter positive(String name, String description) {
        return new Parameter(name, Scale.LOG, 0, Double.POSITIVE_INFINITY, description);
    }

    /** A real parameter in {@code [lower, upper]} optimised as is. */
    public static Parameter real(String name, double lower, double upper, String description) {
        return new Parameter(name, Scale.LINEAR, lower, upper, description);
    }

    /** Whether {@code value} lies in the meaningful range (false for NaN). */
    public boolean inRange(double value) {
        return value >= lower && value <= upper;
    }

    /** Natural value to optimiser coordinate. */
    public double toInternal(double value) {
        return scale == Scale.LOG ? Math.log(value) : value;
    }

    /** Optimiser coordinate to natural value. */
    public double toNatural(double internal) {
        return scale == Scale.LOG ? Math.exp(internal) : internal;
    }
}
