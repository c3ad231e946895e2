package org.repgap.diffusion;

import java.util.Locale;
import org.repgap.InvalidInputException;

/**
 * How many optimiser steps a training run of {@code n} points gets.
 *
 * <p>A diffusion model memorises its training set only after a time that grows linearly with {@code n}
 * (Bonnaire, Urfin, Biroli, Mezard, "Why diffusion models don't memorize: the role of implicit dynamical
 * regularization in training", NeurIPS 2025, arXiv:2505.17638: {@code tau_mem ~ n}, while the time to
 * generalise does not depend on {@code n}). A fixed step count therefore trains small runs to memorisation
 * and leaves large runs in the generalisation regime, and the learning curve it gives mixes the two. The
 * default rule gives every run the same number of passes over its data:
 * {@code steps(n) = clamp(perPoint * n, min, max)}.
 *
 * <p>Spec syntax (the {@code --budget} option): {@code fixed:STEPS}, or {@code per-point:K[:MIN[:MAX]]}.
 *
 * @param perPoint steps per training point ({@code 0} for a fixed budget)
 * @param min      the floor (the fixed count when {@code perPoint == 0})
 * @param max      the cap
 */
public record TrainingBudget(int perPoint, int min, int max) {

    /**
     * The default: 2000 steps per training point, at least 4000 and at most 64,000 (see docs/trainer.md,
     * "Choosing the budget", for the measurements behind these numbers: {@code canonical} needs about twice the
     * steps per point of {@code none} to memorise).
     */
    public static final TrainingBudget DEFAULT = new TrainingBudget(2000, 4000, 64_000);

    public TrainingBudget {
        if (perPoint < 0 || min < 1 || max < min) {
            throw InvalidInputException.of("training budget: need steps per point >= 0 (got %d), 1 <= floor (got %d) <= cap (got %d)",
                    perPoint, min, max);
        }
    }

    /** A fixed number of steps for every run. */
    public static TrainingBudget fixed(int steps) {
        return new TrainingBudget(0, steps, steps);
    }

    /** {@code clamp(perPoint * n, min, max)}. */
    public static TrainingBudget perPoint(int perPoint, int min, int max) {
        if (perPoint < 1) {
            throw InvalidInputException.of("training budget: steps per point must be at least 1 (got %d)", perPoint);
        }
        return new TrainingBudget(perPoint, min, max);
    }

    /** Whether every run gets the same count. */
    public boolean isFixed() {
        return perPoint == 0;
    }

    /** The steps of a run of {@code n} training points. */
    public int steps(int n) {
        if (isFixed()) {
            return min;
        }
        long s = (long) perPoint * n;
        return (int) Math.max(min, Math.min(max, s));
    }

    /** The spec this budget parses from: {@code fixed:S} or {@code per-point:K:MIN:MAX}. */
    public String spec() {
        return isFixed() ? "fixed:" + min : String.format(Locale.ROOT, "per-point:%d:%d:%d", perPoint, min, max);
    }

    @Override
    public String toString() {
        return spec();
    }

    /**
     * Parses {@code fixed:STEPS} or {@code per-point:K[:MIN[:MAX]]} (missing parts from {@link #DEFAULT}).
     *
     * @throws InvalidInputException naming the spec and the expected form
     */
    public static TrainingBudget parse(String spec) {
        String[] p = spec.trim().toLowerCase(Locale.ROOT).split(":");
        try {
            if (p[0].equals("fixed") && p.length == 2) {
                return fixed(Integer.parseInt(p[1]));
            }
            if (p[0].equals("per-point") && p.length >= 2 && p.length <= 4) {
                int k = Integer.parseInt(p[1]);
                int min = p.length > 2 ? Integer.parseInt(p[2]) : DEFAULT.min;
                int max = p.length > 3 ? Integer.parseInt(p[3]) : Math.max(DEFAULT.max, min);
                return perPoint(k, min, max);
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw InvalidInputException.of("budget '%s': expected fixed:STEPS or per-point:K[:MIN[:MAX]] with integers"
                + " (e.g. per-point:1000:4000:32000)", spec);
    }
}
