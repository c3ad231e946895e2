package org.repgap.group;

import java.util.Arrays;

/**
 * The concrete group elements: immutable records, each an isometry of {@code R^D}. Package-private
 * constructors; other packages see them as {@link GroupElement}s.
 */
final class Elements {
    private Elements() {
    }

    static void checkLength(double[] x, int expected, String what) {
        if (x.length != expected) {
            throw new IllegalArgumentException(what + " acts on vectors of length " + expected + ", got " + x.length);
        }
    }

    static void checkMultiple(double[] x, int k, String what) {
        if (x.length % k != 0) {
            throw new IllegalArgumentException(what + " acts on vectors whose length is a multiple of " + k + ", got " + x.length);
        }
    }

    /** The identity. */
    enum Identity implements GroupElement {
        INSTANCE;

        @Override
        public double[] apply(double[] x) {
            return x.clone();
        }

        @Override
        public GroupElement inverse() {
            return this;
        }

        @Override
        public GroupElement compose(GroupElement h) {
            return h;
        }
    }

    /** {@code x -> -x}. */
    enum Negation implements GroupElement {
        INSTANCE;

        @Override
        public double[] apply(double[] x) {
            double[] out = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                out[i] = -x[i];
            }
            return out;
        }

        @Override
        public GroupElement inverse() {
            return this;
        }
    }

    /** {@code (g x)_i = s_i x_i} with {@code s_i = +-1}. */
    record SignVector(double[] signs) implements GroupElement {
        SignVector {
            signs = signs.clone();
        }

        @Override
        public double[] apply(double[] x) {
            checkLength(x, signs.length, "a sign vector");
            double[] out = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                out[i] = signs[i] * x[i];
            }
            return out;
        }

        @Override
        public GroupElement inverse() {
            return this;
        }

        @Override
        public double[] signs() {
            return signs.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SignVector s && Arrays.equals(signs, s.signs);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(signs);
        }

        @Override
        public String toString() {
            return "SignVector" + Arrays.toString(signs);
        }
    }

    /**
     * Dihedral element {@code T_s R^r} on {@code R^D}: the shift {@code (T_s x)_i = x_{(i - s) mod D}},
     * after the reversal {@code (R x)_i = x_{(-i) mod D}} when {@code reflect}. So
     * {@code (g x)_i = x_{(i - s) mod D}} or {@code x_{(s - i) mod D}}. Uses {@code R T_t R = T_{-t}}:
     * reflections are involutions.
     */
    record Shift(int shift, boolean reflect, int dim) implements GroupElement {
        Shift {
            shift = Math.floorMod(shift, dim);
        }

        int source(int i) {
            return reflect ? Math.floorMod(shift - i, dim) : Math.floorMod(i - shift, dim);
        }

        @Override
        public double[] apply(double[] x) {
            checkLength(x, dim, "a cyclic shift");
            double[] out = new double[dim];
            for (int i = 0; i < dim; i++) {
                out[i] = x[source(i)];
            }
            return out;
        }

        @Override
        public GroupElement inverse() {
            return reflect ? this : new Shift(-shift, false, dim);
        }
    }

    /**
     * Permutation of {@code m = perm.length} blocks of {@code blockSize} coordinates: block {@code i}
     * of {@code g x} is block {@code perm[i]} of {@code x}.
     */
    record BlockPermutation(int[] perm, int blockSize) implements GroupElement {
        BlockPermutation {
            perm = perm.clone();
        }

        @Override
        public double[] apply(double[] x) {
            checkLength(x, perm.length * blockSize, "a permutation of " + perm.length + " points");
            double[] out = new double[x.length];
            for (int i = 0; i < perm.length; i++) {
                System.arraycopy(x, perm[i] * blockSize, out, i * blockSize, blockSize);
            }
            return out;
        }

        @Override
        public GroupElement inverse() {
            int[] inv = new int[perm.length];
            for (int i = 0; i < perm.length; i++) {
                inv[perm[i]] = i;
            }
            return new BlockPermutation(inv, blockSize);
        }

        @Override
        public int[] perm() {
            return perm.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BlockPermutation b && blockSize == b.blockSize && Arrays.equals(perm, b.perm);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(perm) + blockSize;
        }

        @Override
        public String toString() {
            return "BlockPermutation" + Arrays.toString(perm) + " of blocks of " + blockSize;
        }
    }

    /** Adds {@code t} (length {@code k}) to every consecutive {@code k}-block of {@code x}. */
    record Translation(double[] t) implements GroupElement {
        Translation {
            t = t.clone();
        }

        @Override
        public double[] apply(double[] x) {
            checkMultiple(x, t.length, "a translation of R^" + t.length);
            double[] out = new double[x.length];
            int k = t.length;
            for (int i = 0; i < x.length; i++) {
                out[i] = x[i] + t[i % k];
            }
            return out;
        }

        @Override
        public GroupElement inverse() {
            double[] m = new double[t.length];
            for (int i = 0; i < m.length; i++) {
                m[i] = -t[i];
            }
            return new Translation(m);
        }

        @Override
        public double[] t() {
            return t.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Translation tr && Arrays.equals(t, tr.t);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(t);
        }

        @Override
        public String toString() {
            return "Translation" + Arrays.toString(t);
        }
    }

    /** The rotation {@code [[c, -s], [s, c]]} applied to every consecutive pair of coordinates. */
    record Rotation2(double cos, double sin) implements GroupElement {
        static Rotation2 ofAngle(double theta) {
            return new Rotation2(Math.cos(theta), Math.sin(theta));
        }

        double angle() {
            return Math.atan2(sin, cos);
        }

        @Override
        public double[] apply(double[] x) {
            checkMultiple(x, 2, "a rotation of R^2");
            double[] out = new double[x.length];
            for (int j = 0; j < x.length; j += 2) {
                double a = x[j];
                double b = x[j + 1];
                out[j] = cos * a - sin * b;
                out[j + 1] = sin * a + cos * b;
            }
            return out;
        }

        @Override
        public GroupElement inverse() {
            return new Rotation2(cos, -sin);
        }

        @Override
        public GroupElement compose(GroupElement h) {
            if (h instanceof Rotation2 r) {
                return new Rotation2(cos * r.cos - sin * r.sin, sin * r.cos + cos * r.sin);
            }
            return GroupElement.super.compose(h);
        }
    }

    /** The rotation with row-major 3x3 matrix {@code r} applied to every consecutive triple of coordinates. */
    record Rotation3(double[] r) implements GroupElement {
        Rotation3 {
            if (r.length != 9) {
                throw new IllegalArgumentException("a 3x3 rotation needs 9 entries, got " + r.length);
            }
            r = r.clone();
        }

        @Override
        public double[] apply(double[] x) {
            checkMultiple(x, 3, "a rotation of R^3");
            double[] out = new double[x.length];
            for (int j = 0; j < x.length; j += 3) {
                double a = x[j];
                double b = x[j + 1];
                double c = x[j + 2];
                out[j] = r[0] * a + r[1] * b + r[2] * c;
                out[j + 1] = r[3] * a + r[4] * b + r[5] * c;
                out[j + 2] = r[6] * a + r[7] * b + r[8] * c;
            }
            return out;
        }

        @Override
        public GroupElement inverse() {
            return new Rotation3(new double[] {r[0], r[3], r[6], r[1], r[4], r[7], r[2], r[5], r[8]});
        }

        @Override
        public GroupElement compose(GroupElement h) {
            if (h instanceof Rotation3 o) {
                double[] p = new double[9];
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        p[3 * i + j] = r[3 * i] * o.r[j] + r[3 * i + 1] * o.r[3 + j] + r[3 * i + 2] * o.r[6 + j];
                    }
                }
                return new Rotation3(p);
            }
            return GroupElement.super.compose(h);
        }

        @Override
        public double[] r() {
            return r.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Rotation3 q && Arrays.equals(r, q.r);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(r);
        }

        @Override
        public String toString() {
            return "Rotation3" + Arrays.toString(r);
        }
    }

    /** {@code outer inner}: applies {@code inner} first. */
    record Composite(GroupElement outer, GroupElement inner) implements GroupElement {
        @Override
        public double[] apply(double[] x) {
            return outer.apply(inner.apply(x));
        }

        @Override
        public GroupElement inverse() {
            return new Composite(inner.inverse(), outer.inverse());
        }
    }
}
