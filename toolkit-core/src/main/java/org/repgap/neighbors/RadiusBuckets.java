package org.repgap.neighbors;

import java.util.Arrays;
import org.repgap.InvalidInputException;

/**
 * The radii of a pair count ({@link NeighborSearch#countPairsWithin}), sorted, so that a distance
 * {@code d} falls in bucket {@code p = #{r_k <= d}} and the count for radius {@code r} is the sum of
 * buckets {@code 0 .. #{r_k < r}}. Radii {@code <= 0} count nothing and {@code +infinity} counts
 * every pair; only finite positive radii take part in the buckets.
 */
final class RadiusBuckets {
    private final double[] radii;
    private final double[] sorted;

    private RadiusBuckets(double[] radii) {
        this.radii = radii.clone();
        this.sorted = Arrays.stream(radii).filter(r -> r > 0 && r < Double.POSITIVE_INFINITY).sorted().toArray();
    }

    /** @throws InvalidInputException if a radius is NaN */
    static RadiusBuckets of(double[] radii) {
        validate(radii);
        return new RadiusBuckets(radii);
    }

    /** Rejects NaN radii, naming the position. */
    static void validate(double[] radii) {
        for (int i = 0; i < radii.length; i++) {
            if (Double.isNaN(radii[i])) {
                throw InvalidInputException.of("radius %d of %d is NaN: radii must be numbers (0 or negative count no pairs)",
                        i + 1, radii.length);
            }
        }
    }

    /** Number of finite positive radii; buckets are numbered {@code 0 .. size()}. */
    int size() {
        return sorted.length;
    }

    /** The largest finite positive radius, or 0 when there is none. */
    double max() {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    /** Finite positive radii in increasing order (shared: do not modify). */
    double[] sorted() {
        return sorted;
    }

    /** The bucket of distance {@code d}: how many finite positive radii are {@code <= d}. */
    int bucket(double d) {
        return countAtMost(sorted, d);
    }

    /** Number of elements of the ascending array {@code a} that are {@code <= v}. */
    static int countAtMost(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Converts bucket totals (length {@code size() + 1}) into counts for the radii in their original
     * order; {@code allPairs} is the count for an infinite radius.
     */
    long[] counts(long[] histogram, long allPairs) {
        long[] cumulative = new long[histogram.length];
        long s = 0;
        for (int p = 0; p < histogram.length; p++) {
            s += histogram[p];
            cumulative[p] = s;
        }
        long[] out = new long[radii.length];
        for (int i = 0; i < radii.length; i++) {
            double r = radii[i];
            if (r <= 0) {
                out[i] = 0;
            } else if (r == Double.POSITIVE_INFINITY) {
                out[i] = allPairs;
            } else {
                int below = countBelow(sorted, r);
                out[i] = cumulative[below];
            }
        }
        return out;
    }

    private static int countBelow(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
