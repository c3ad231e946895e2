package org.repgap.data;

import java.math.BigInteger;

/**
 * Correctly rounded conversion of {@code w * 10^q} to the nearest double, for a 64-bit mantissa
 * {@code w}, by the Eisel-Lemire algorithm: Lemire, "Number parsing at a gigabyte per second",
 * Software: Practice and Experience 51(8), 2021, doi:10.1002/spe.2984. One or two 64x64-bit
 * products with a 128-bit approximation of {@code 5^q} decide the result in all but rare
 * ambiguous cases (exact halfway points, subnormals, overflow), where it answers NaN and the
 * caller falls back to {@link Double#parseDouble}.
 */
final class EiselLemire {
    static final int MIN_Q = -342;
    static final int MAX_Q = 308;
    /** High and low 64 bits of the normalised (MSB set) 128-bit approximation of {@code 5^q}. */
    private static final long[] HI = new long[MAX_Q - MIN_Q + 1];
    private static final long[] LO = new long[MAX_Q - MIN_Q + 1];

    static {
        // Same construction as the fast_float tables: 5^q truncated for q >= 0, 2^b / 5^-q
        // rounded up then truncated for q < 0. Powers of five by repeated multiplication: a few
        // hundred kilobytes of temporaries instead of the many megabytes of BigInteger.pow.
        BigInteger five = BigInteger.valueOf(5);
        BigInteger power = BigInteger.ONE;
        for (int q = 0; q <= MAX_Q; q++) {
            int bits = power.bitLength();
            store(q, bits <= 128 ? power.shiftLeft(128 - bits) : power.shiftRight(bits - 128));
            power = power.multiply(five);
        }
        power = five;
        for (int q = -1; q >= MIN_Q; q--) {
            int z = power.bitLength();
            int b = q >= -27 ? z + 127 : 2 * z + 128;
            BigInteger c = BigInteger.ONE.shiftLeft(b).divide(power).add(BigInteger.ONE);
            store(q, c.bitLength() > 128 ? c.shiftRight(c.bitLength() - 128) : c);
            power = power.multiply(five);
        }
    }

    private static void store(int q, BigInteger c) {
        if (c.bitLength() != 128) {
            throw new IllegalStateException("power table for q = " + q);
        }
        HI[q - MIN_Q] = c.shiftRight(64).longValue();
        LO[q - MIN_Q] = c.longValue();
    }

    private EiselLemire() {
    }

    private static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    /**
     * The double nearest to {@code w * 10^q} ({@code w} read as unsigned, nonzero), negated when
     * {@code negative}; NaN when this method cannot decide and an exact method is needed.
     */
    static double toDouble(long w, int q, boolean negative) {
        if (q < MIN_Q || q > MAX_Q || w == 0) {
            return Double.NaN;
        }
        int clz = Long.numberOfLeadingZeros(w);
        long man = w << clz;
        long exp2 = ((217706L * q) >> 16) + 64 + 1023 - clz;
        int index = q - MIN_Q;
        long xHi = unsignedMultiplyHigh(man, HI[index]);
        long xLo = man * HI[index];
        if ((xHi & 0x1FF) == 0x1FF && Long.compareUnsigned(xLo + man, man) < 0) {
            long yHi = unsignedMultiplyHigh(man, LO[index]);
            long yLo = man * LO[index];
            long mergedHi = xHi;
            long mergedLo = xLo + yHi;
            if (Long.compareUnsigned(mergedLo, xLo) < 0) {
                mergedHi++;
            }
            if ((mergedHi & 0x1FF) == 0x1FF && mergedLo + 1 == 0 && Long.compareUnsigned(yLo + man, man) < 0) {
                return Double.NaN;
            }
            xHi = mergedHi;
            xLo = mergedLo;
        }
        long msb = xHi >>> 63;
        long mantissa = xHi >>> (msb + 9);
        exp2 -= 1 ^ msb;
        if (xLo == 0 && (xHi & 0x1FF) == 0 && (mantissa & 3) == 1) {
            return Double.NaN;
        }
        mantissa += mantissa & 1;
        mantissa >>>= 1;
        if ((mantissa >>> 53) > 0) {
            mantissa >>>= 1;
            exp2++;
        }
        if (exp2 <= 0 || exp2 >= 0x7FF) {
            return Double.NaN;
        }
        long bits = exp2 << 52 | mantissa & 0x000F_FFFF_FFFF_FFFFL;
        if (negative) {
            bits |= Long.MIN_VALUE;
        }
        return Double.longBitsToDouble(bits);
    }
}
