package org.repgap.group;

import java.util.Objects;

/**
 * The result of aligning {@code y} onto {@code x}: an element {@code g} with
 * {@code |x - g y| = distance}, the orbit distance {@code d_G(x, y) = min_g |x - g y|}
 * (THEORY.md section 1) when {@code exact}, an upper bound on it otherwise (a numeric
 * minimisation for products without a closed form).
 *
 * @param element  the minimising element {@code g} (apply it to {@code y})
 * @param distance {@code |x - g y|}
 * @param exact    true when {@code distance} is the exact minimum over the group
 */
public record Alignment(GroupElement element, double distance, boolean exact) {
    public Alignment {
        Objects.requireNonNull(element, "element");
    }
}
