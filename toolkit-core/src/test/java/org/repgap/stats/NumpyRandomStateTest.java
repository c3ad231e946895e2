package org.repgap.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Draws of numpy's legacy global generator, printed by numpy 2.4.6 (the legacy {@code RandomState} stream is
 * frozen by numpy's policy, so 1.24 used by the scikit-dimension reference gives the same), e.g.
 * {@code python3 -c "import numpy as np; np.random.seed(0); print(np.random.randint(0, 2500, 12))"}.
 */
class NumpyRandomStateTest {

    @Test
    void randintAsNumpy() {
        assertArrayEquals(new int[] {5, 0, 3, 3, 7}, NumpyRandomState.seeded(0).indices(10, 5));
        assertArrayEquals(new int[] {1653, 835, 763, 1731, 1033, 277, 1778, 1828, 2362, 705, 2135, 2222},
                NumpyRandomState.seeded(0).indices(2500, 12));
        assertArrayEquals(new int[] {2009, 346, 797, 492, 775, 1252}, NumpyRandomState.seeded(123456789).indices(2500, 6));
        NumpyRandomState r = NumpyRandomState.seeded(2147483647);
        long[] wide = {615860204, 609922919, 672857498, 597262921}; // randint(-3, 1000000007, 4)
        for (long w : wide) {
            assertEquals(w, r.randint(-3, 1000000007));
        }
        NumpyRandomState full = NumpyRandomState.seeded(0); // randint(0, 2**32, 3, dtype=np.int64): raw outputs
        assertEquals(2357136044L, full.randint(0, 1L << 32));
        assertEquals(2546248239L, full.randint(0, 1L << 32));
        assertEquals(3071714933L, full.randint(0, 1L << 32));
    }

    @Test
    void randomSampleAsNumpy() {
        assertEquals(0.5488135039273248, NumpyRandomState.seeded(0).randomSample(), 0.0);
        NumpyRandomState r = NumpyRandomState.seeded(7);
        assertEquals(0.07630828937395717, r.randomSample(), 0.0);
        assertEquals(0.7799187922401146, r.randomSample(), 0.0);
        assertEquals(0.4384092314408935, r.randomSample(), 0.0);
    }

    @Test
    void badArguments() {
        assertThrows(IllegalArgumentException.class, () -> NumpyRandomState.seeded(-1));
        assertThrows(IllegalArgumentException.class, () -> NumpyRandomState.seeded(1L << 31)); // Commons Math would sign-extend
        assertThrows(IllegalArgumentException.class, () -> NumpyRandomState.seeded(0).randint(3, 3));
    }
}
