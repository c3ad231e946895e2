package org.repgap.neighbors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The quickselect that seeds each row's first bound, against sorting: random values, heavy ties, sorted runs. */
class KthSmallestTest {

    @Test
    void equalsTheSortedOrderStatistic() {
        SplittableRandom rnd = new SplittableRandom(3);
        float[] scratch = new float[2048];
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + rnd.nextInt(2000);
            int offset = rnd.nextInt(5);
            float[] g = new float[n + offset + 3];
            int kind = trial % 4;
            for (int i = 0; i < g.length; i++) {
                g[i] = switch (kind) {
                    case 0 -> (float) rnd.nextGaussian();
                    case 1 -> rnd.nextInt(3); // heavy ties
                    case 2 -> i; // already sorted
                    default -> g.length - i; // reversed
                };
            }
            float[] sorted = Arrays.copyOfRange(g, offset, offset + n);
            Arrays.sort(sorted);
            int kth = 1 + rnd.nextInt(n);
            float[] before = g.clone();
            assertEquals(sorted[kth - 1], BlockedEuclideanSearch.kthSmallest(g, offset, offset + n, kth, scratch),
                    "trial " + trial + " n=" + n + " kth=" + kth);
            assertEquals(Arrays.toString(before), Arrays.toString(g), "the input must not change");
        }
    }
}
