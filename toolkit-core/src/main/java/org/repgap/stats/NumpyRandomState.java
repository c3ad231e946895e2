package org.repgap.stats;

import org.apache.commons.math3.random.MersenneTwister;

/**
 * The stream of numpy's legacy global generator ({@code numpy.random.seed(seed)} then
 * {@code numpy.random.randint} / {@code random_sample}), so that an estimator the peers define with
 * numpy's global random numbers (scikit-dimension's KNN and DANCo) can be reproduced draw for draw.
 *
 * <p>The bits are MT19937 (Matsumoto and Nishimura 1998, doi:10.1145/272991.272995) seeded by
 * {@code init_genrand(seed)}, which is both numpy's {@code RandomState} seeding for an integer seed and
 * Commons Math's {@link MersenneTwister#setSeed(int)} (the library supplies the generator; only numpy's two
 * derivations are written here, after numpy 1.24 {@code distributions.c}):
 * <ul>
 * <li>{@link #randint(long, long)}: {@code low + v} with {@code v} the first 32-bit output masked by
 *     {@code 2^ceil(log2(high - low)) - 1} that is at most {@code high - low - 1} (the legacy "masked"
 *     rejection method, for ranges below 2^32);</li>
 * <li>{@link #randomSample()}: {@code ((a >>> 5) * 2^26 + (b >>> 6)) / 2^53} from two outputs.</li>
 * </ul>
 * Not thread-safe (one instance per task). Seeds from 0 to 2^31 - 1: numpy accepts up to 2^32 - 1, but Commons
 * Math's {@code setSeed(int)} sign-extends larger ones and would give another stream.
 */
public final class NumpyRandomState {
    private final MersenneTwister bits;

    private NumpyRandomState(long seed) {
        this.bits = new MersenneTwister((int) seed);
    }

    /**
     * The state after {@code numpy.random.seed(seed)}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= seed < 2^31}
     */
    public static NumpyRandomState seeded(long seed) {
        if (!(seed >= 0 && seed <= Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("numpy seed " + seed + ": expected 0 to 2^31 - 1");
        }
        return new NumpyRandomState(seed);
    }

    private long next32() {
        return bits.nextInt() & 0xFFFFFFFFL;
    }

    /**
     * One draw of {@code numpy.random.randint(low, high)}: uniform on {@code low .. high - 1}.
     *
     * @throws IllegalArgumentException unless {@code 0 < high - low <= 2^32}
     */
    public long randint(long low, long high) {
        long range = high - low - 1;
        if (!(range >= 0 && range <= 0xFFFFFFFFL)) {
            throw new IllegalArgumentException("randint(" + low + ", " + high + "): expected 0 < high - low <= 2^32");
        }
        if (range == 0) {
            return low;
        }
        if (range == 0xFFFFFFFFL) {
            return low + next32();
        }
        long mask = range;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long v;
        do {
            v = next32() & mask;
        } while (v > range);
        return low + v;
    }

    /** {@code count} draws of {@code numpy.random.randint(0, high, count)} as indices. */
    public int[] indices(int high, int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = (int) randint(0, high);
        }
        return out;
    }

    /** One draw of {@code numpy.random.random_sample()}: uniform on [0, 1) with 53 random bits. */
    public double randomSample() {
        long a = next32() >>> 5;
        long b = next32() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }
}
