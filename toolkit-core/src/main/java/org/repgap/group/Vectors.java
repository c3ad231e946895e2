package org.repgap.group;

/** Small vector kernels shared by the groups (flat vectors of consecutive {@code k}-blocks). */
final class Vectors {
    private Vectors() {
    }

    static double squaredNorm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return s;
    }

    static double distance(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double t = x[i] - y[i];
            s += t * t;
        }
        return Math.sqrt(s);
    }

    static double[] abs(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.abs(x[i]);
        }
        return out;
    }

    /** The mean of the consecutive {@code k}-blocks of {@code x}, a vector of length {@code k}. */
    static double[] blockMean(double[] x, int k) {
        double[] m = new double[k];
        int blocks = x.length / k;
        for (int i = 0; i < x.length; i++) {
            m[i % k] += x[i];
        }
        for (int c = 0; c < k; c++) {
            m[c] /= blocks;
        }
        return m;
    }

    /** {@code x} minus the mean of its {@code k}-blocks from every block: an orthogonal projection, hence 1-Lipschitz. */
    static double[] centre(double[] x, int k) {
        double[] m = blockMean(x, k);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] - m[i % k];
        }
        return out;
    }

    /** The Euclidean norms of the consecutive {@code k}-blocks of {@code x}. */
    static double[] blockNorms(double[] x, int k) {
        double[] out = new double[x.length / k];
        for (int b = 0; b < out.length; b++) {
            double s = 0;
            for (int c = 0; c < k; c++) {
                double v = x[b * k + c];
                s += v * v;
            }
            out[b] = Math.sqrt(s);
        }
        return out;
    }

    /** Lexicographic comparison of two vectors of equal length. */
    static int compareLex(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            int c = Double.compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
