package org.repgap.stats;

import java.util.SplittableRandom;

/**
 * Seeded random permutations (Fisher-Yates, Durstenfeld's version: position {@code i} from the last down to 1
 * swaps with {@code rng.nextInt(i + 1)}). Every shuffle of the toolkit goes through here, so the same seed gives
 * the same order everywhere.
 */
public final class Shuffle {
    private Shuffle() {
    }

    /** Permutes {@code p} in place. */
    public static void inPlace(int[] p, SplittableRandom rng) {
        for (int i = p.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
    }

    /** A random permutation of {@code 0 .. n-1}. */
    public static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        inPlace(p, rng);
        return p;
    }
}
