package org.repgap.group;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Discrete Fourier transform {@code X_k = sum_j x_j exp(-2 pi i j k / n)} of any length {@code n}:
 * iterative radix-2 Cooley-Tukey for powers of two, Bluestein's chirp-z algorithm otherwise
 * (Bluestein 1970, doi:10.1109/TAU.1970.1162132), so every length costs {@code O(n log n)}.
 * Plans are immutable and cached per length; work arrays are allocated per call (thread-safe).
 */
final class Fft {
    private static final ConcurrentHashMap<Integer, Fft> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 256;

    private final int n;
    /** Twiddles {@code cos, sin(-2 pi j / n)} for a power of two; null otherwise. */
    private final double[] cos;
    private final double[] sin;
    /** Bluestein: chirp {@code w_j = exp(-i pi j^2 / n)}, padded length {@code m}, transform of the conjugate chirp filter. */
    private final double[] chirpRe;
    private final double[] chirpIm;
    private final Fft padded;
    private final double[] filterRe;
    private final double[] filterIm;

    private Fft(int n) {
        this.n = n;
        if (Integer.bitCount(n) == 1) {
            cos = new double[n / 2];
            sin = new double[n / 2];
            for (int j = 0; j < n / 2; j++) {
                double a = -2 * Math.PI * j / n;
                cos[j] = Math.cos(a);
                sin[j] = Math.sin(a);
            }
            chirpRe = chirpIm = filterRe = filterIm = null;
            padded = null;
        } else {
            cos = sin = null;
            int m = Integer.highestOneBit(2 * n - 1) << 1;
            padded = of(m);
            chirpRe = new double[n];
            chirpIm = new double[n];
            for (int j = 0; j < n; j++) {
                // j^2 mod 2n keeps the angle small and exact for large j.
                long q = ((long) j * j) % (2L * n);
                double a = -Math.PI * q / n;
                chirpRe[j] = Math.cos(a);
                chirpIm[j] = Math.sin(a);
            }
            filterRe = new double[m];
            filterIm = new double[m];
            filterRe[0] = chirpRe[0];
            filterIm[0] = -chirpIm[0];
            for (int j = 1; j < n; j++) {
                filterRe[j] = filterRe[m - j] = chirpRe[j];
                filterIm[j] = filterIm[m - j] = -chirpIm[j];
            }
            padded.transform(filterRe, filterIm);
        }
    }

    /** The plan for length {@code n >= 1}. */
    static Fft of(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("FFT length must be at least 1, got " + n);
        }
        Fft f = CACHE.get(n);
        if (f == null) {
            f = new Fft(n);
            if (CACHE.size() < CACHE_LIMIT) {
                CACHE.putIfAbsent(n, f);
            }
        }
        return f;
    }

    int length() {
        return n;
    }

    /** In-place forward transform of {@code (re, im)}, both of length {@link #length()}. */
    void transform(double[] re, double[] im) {
        if (cos != null) {
            radix2(re, im);
        } else {
            bluestein(re, im);
        }
    }

    /** In-place inverse transform, including the {@code 1/n} factor. */
    void inverse(double[] re, double[] im) {
        for (int j = 0; j < n; j++) {
            im[j] = -im[j];
        }
        transform(re, im);
        for (int j = 0; j < n; j++) {
            re[j] /= n;
            im[j] = -im[j] / n;
        }
    }

    private void radix2(double[] re, double[] im) {
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1;
            int step = n / len;
            for (int i = 0; i < n; i += len) {
                for (int j = 0; j < half; j++) {
                    double wr = cos[j * step];
                    double wi = sin[j * step];
                    int a = i + j;
                    int b = a + half;
                    double tr = re[b] * wr - im[b] * wi;
                    double ti = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }

    /** {@code X_k = w_k sum_j (x_j w_j) conj(w_{k-j})}, using {@code jk = (j^2 + k^2 - (k-j)^2) / 2}. */
    private void bluestein(double[] re, double[] im) {
        int m = padded.n;
        double[] ar = new double[m];
        double[] ai = new double[m];
        for (int j = 0; j < n; j++) {
            ar[j] = re[j] * chirpRe[j] - im[j] * chirpIm[j];
            ai[j] = re[j] * chirpIm[j] + im[j] * chirpRe[j];
        }
        padded.transform(ar, ai);
        for (int j = 0; j < m; j++) {
            double r = ar[j] * filterRe[j] - ai[j] * filterIm[j];
            ai[j] = ar[j] * filterIm[j] + ai[j] * filterRe[j];
            ar[j] = r;
        }
        padded.inverse(ar, ai);
        for (int k = 0; k < n; k++) {
            re[k] = ar[k] * chirpRe[k] - ai[k] * chirpIm[k];
            im[k] = ar[k] * chirpIm[k] + ai[k] * chirpRe[k];
        }
    }
}
