package org.repgap.neighbors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tile schedule of the symmetric search: every tile once, no block twice in a round. */
class RoundRobinTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 7, 20, 21})
    void coversEveryTileOnceWithoutSharedBlocks(int blocks) {
        List<int[]> rounds = BlockedEuclideanSearch.roundRobin(blocks);
        Set<Long> seen = new HashSet<>();
        for (int[] round : rounds) {
            Set<Integer> used = new HashSet<>();
            for (int p = 0; p < round.length; p += 2) {
                int a = round[p];
                int b = round[p + 1];
                assertTrue(a <= b && a >= 0 && b < blocks);
                assertTrue(used.add(a), "block " + a + " twice in a round");
                if (a != b) {
                    assertTrue(used.add(b), "block " + b + " twice in a round");
                }
                assertTrue(seen.add((long) a * blocks + b), "tile " + a + "," + b + " twice");
            }
        }
        assertEquals((long) blocks * (blocks + 1) / 2, seen.size());
    }
}
