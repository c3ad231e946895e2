package org.repgap.neighbors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link KnnHeap} against a full sort by (distance, index). */
class KnnHeapTest {

    @ParameterizedTest(name = "k={0} m={1} levels={2}")
    @CsvSource({"1, 50, 3", "5, 5, 2", "7, 200, 4", "20, 1000, 10", "20, 15, 1000", "64, 3000, 1000000"})
    void keepsTheKSmallestInOrder(int k, int m, int levels) {
        SplittableRandom rnd = new SplittableRandom(k * 31L + m);
        for (int trial = 0; trial < 20; trial++) {
            double[] d = new double[m];
            Integer[] order = new Integer[m];
            for (int i = 0; i < m; i++) {
                d[i] = rnd.nextInt(levels) / 4.0; // few levels: many ties
                order[i] = i;
            }
            // offer in a shuffled index order so ties are not presented sorted by index
            int[] perm = rnd.ints(m, 0, Integer.MAX_VALUE).toArray();
            Integer[] offer = order.clone();
            Arrays.sort(offer, Comparator.comparingInt(i -> perm[i]));
            KnnHeap h = new KnnHeap(k);
            for (int i : offer) {
                h.offer(d[i], i);
            }
            Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> d[i]).thenComparingInt(i -> i));
            int kk = Math.min(k, m);
            assertEquals(kk, h.size());
            double[] outD = new double[kk];
            int[] outI = new int[kk];
            h.drainSorted(outD, outI, 0);
            int[] expI = new int[kk];
            double[] expD = new double[kk];
            for (int j = 0; j < kk; j++) {
                expI[j] = order[j];
                expD[j] = d[order[j]];
            }
            assertArrayEquals(expI, outI);
            assertArrayEquals(expD, outD, 0.0);
            assertEquals(0, h.size());
        }
    }
}
