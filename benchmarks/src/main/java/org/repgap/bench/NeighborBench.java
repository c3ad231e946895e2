package org.repgap.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.presets.openblas_nolapack;
import org.repgap.data.PointCloud;
import org.repgap.neighbors.Metric;
import org.repgap.neighbors.NeighborGraph;
import org.repgap.neighbors.NeighborSearch;
import smile.math.blas.BLAS;
import smile.math.blas.Layout;
import smile.math.blas.Transpose;

/**
 * Speed of the exact all-points k-NN search against scikit-learn's brute force and against the
 * machine's plain matrix-multiply throughput, measured side by side in one run.
 *
 * <p>Data: {@code n} points uniform in {@code [0,1]^d}, mapped into {@code R^D} by a random
 * orthonormal {@code d x D} matrix (seeded). The data go to a temporary .npy file that the Python
 * script {@code benchmarks/python/sklearn_knn.py} reads. Every timing is the median of
 * {@code repeats} runs after one warm-up run.
 *
 * <p>Usage (see benchmarks/README.md):
 * {@code java -cp 'benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*' org.repgap.bench.NeighborBench
 * [--n=20000] [--ambient=100] [--intrinsic=10] [--k=20] [--seed=1] [--repeats=3] [--python=/usr/bin/python3]
 * [--script=benchmarks/python/sklearn_knn.py] [--no-python] [--ours-only]}
 */
public final class NeighborBench {
    private static final int QUERY_BLOCK = 256;
    private static final int DATA_BLOCK = 2048;

    private NeighborBench() {
    }

    /** Benchmark settings, validated. */
    record Options(int n, int ambient, int intrinsic, int k, long seed, int repeats, String python, Path script,
            boolean runPython, boolean oursOnly) {
        Options {
            if (n < 2 || ambient < 1 || intrinsic < 1 || intrinsic > ambient || k < 1 || k >= n || repeats < 1) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "need n >= 2, 1 <= intrinsic <= ambient, 1 <= k < n, repeats >= 1; got n=%d ambient=%d intrinsic=%d k=%d repeats=%d",
                        n, ambient, intrinsic, k, repeats));
            }
        }

        static Options parse(String[] args) {
            Flags f = Flags.parse(args, Set.of("n", "ambient", "intrinsic", "k", "seed", "repeats", "python", "script"),
                    Set.of("no-python", "ours-only"));
            int n = f.getInt("n", 20000);
            int ambient = f.getInt("ambient", 100);
            int intrinsic = f.getInt("intrinsic", 10);
            int k = f.getInt("k", 20);
            long seed = f.getLong("seed", 1);
            int repeats = f.getInt("repeats", 3);
            String python = f.get("python", "/usr/bin/python3");
            Path script = f.getPath("script", Path.of("benchmarks/python/sklearn_knn.py"));
            boolean runPython = !f.has("no-python");
            boolean oursOnly = f.has("ours-only");
            return new Options(n, ambient, intrinsic, k, seed, repeats, python, script, runPython, oursOnly);
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        PointCloud x = subspaceData(o.n(), o.ambient(), o.intrinsic(), o.seed());
        System.out.printf(Locale.ROOT, "data: %d points of a %d-dimensional subspace of R^%d (seed %d), k = %d, %d cores, Java %s%n",
                o.n(), o.intrinsic(), o.ambient(), o.seed(), o.k(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "load average at start: %s%n", loadAverage());
        double flops = 2.0 * o.n() * o.n() * o.ambient();

        NeighborSearch search = NeighborSearch.auto(Metric.euclidean(), o.ambient());
        NeighborGraph[] result = new NeighborGraph[1];
        double ours = medianSeconds(o.repeats(), () -> result[0] = search.allKnn(x, o.k()));
        double oursCpu = lastCpu;
        System.out.printf(Locale.ROOT, "repgap %-6s all-points %d-NN (default: products in the data's subspace when it has one): "
                + "%.3f s (median of %d)%n", search.name(), o.k(), ours, o.repeats());
        // the same search on the full D-dimensional product: the kernel that the sgemm comparison is about
        NeighborSearch full = NeighborSearch.blockedEuclidean(false);
        NeighborGraph[] fullResult = new NeighborGraph[1];
        double oursFull = medianSeconds(o.repeats(), () -> fullResult[0] = full.allKnn(x, o.k()));
        double oursFullCpu = lastCpu;
        System.out.printf(Locale.ROOT, "repgap %-6s all-points %d-NN, full product (subspace reduction off): %.3f s (median of %d), "
                + "%.1f GFLOP/s nominal (2 n^2 D)%n", full.name(), o.k(), oursFull, o.repeats(), flops / oursFull / 1e9);
        for (int i = 0; i < x.n(); i++) {
            if (!Arrays.equals(result[0].indices(i), fullResult[0].indices(i))
                    || !Arrays.equals(result[0].distances(i), fullResult[0].distances(i))) {
                throw new IllegalStateException("row " + i + ": the reduced and the full product gave different neighbours");
            }
        }

        if (o.oursOnly()) {
            return;
        }
        double sgemmBlocks = medianSeconds(o.repeats(), () -> plainSgemmBlocks(x));
        System.out.printf(Locale.ROOT, "plain sgemm, same blocks (%dx%dx%d, 1-thread OpenBLAS per Java thread): %.3f s, %.1f GFLOP/s%n",
                QUERY_BLOCK, DATA_BLOCK, o.ambient() + 1, sgemmBlocks, flops / sgemmBlocks / 1e9);
        double sgemmBlocksCpu = lastCpu;
        double sgemmMt = medianSeconds(o.repeats(), () -> plainGemmMultithreaded(x, false));
        System.out.printf(Locale.ROOT, "plain sgemm, multi-threaded OpenBLAS, one Java thread: %.3f s, %.1f GFLOP/s%n",
                sgemmMt, flops / sgemmMt / 1e9);
        double dgemmMt = medianSeconds(o.repeats(), () -> plainGemmMultithreaded(x, true));
        System.out.printf(Locale.ROOT, "plain dgemm, multi-threaded OpenBLAS, one Java thread: %.3f s, %.1f GFLOP/s%n",
                dgemmMt, flops / dgemmMt / 1e9);
        double bestGemm = Math.min(sgemmBlocks, sgemmMt);
        System.out.printf(Locale.ROOT, "ratio repgap k-NN time (full product) / best plain sgemm time of the same product: %.2f "
                + "(goal <= 3); CPU-time ratio against the same-blocks sgemm: %.2f%n", oursFull / bestGemm,
                oursFullCpu / sgemmBlocksCpu);

        if (o.runPython()) {
            Path dir = Files.createTempDirectory("repgap-neighbor-bench");
            try {
                Path npy = dir.resolve("data.npy");
                Path idx = dir.resolve("sklearn_indices.npy");
                Npy.writeFloat64(npy, x.values(), x.n(), x.dim());
                String json = runPython(o, npy, idx);
                double sk = jsonNumber(json, "knn_median");
                System.out.printf(Locale.ROOT, "scikit-learn brute all-points %d-NN: %.3f s (median of %d); %s%n", o.k(), sk,
                        o.repeats(), json);
                System.out.printf(Locale.ROOT, "numpy dgemm X X^T: %.1f GFLOP/s%n", jsonNumber(json, "dgemm_gflops"));
                System.out.printf(Locale.ROOT, "speed-up over scikit-learn: %.2fx by wall-clock medians (goal >= 1), %.2fx by CPU time; "
                        + "full product: %.2fx, %.2fx%n", sk / ours, jsonNumber(json, "knn_cpu_median") / oursCpu, sk / oursFull,
                        jsonNumber(json, "knn_cpu_median") / oursFullCpu);
                compare(x, result[0], Npy.readInt64(idx, new int[2]));
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path p : (Iterable<Path>) files::iterator) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(dir);
            }
        }
        System.out.printf(Locale.ROOT, "load average at end: %s%n", loadAverage());
    }

    /** Uniform points of {@code [0,1]^d} times a random orthonormal {@code d x D} matrix (Gram-Schmidt of Gaussian rows). */
    static PointCloud subspaceData(int n, int ambient, int intrinsic, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] q = new double[intrinsic][ambient];
        for (int a = 0; a < intrinsic; a++) {
            for (int c = 0; c < ambient; c++) {
                q[a][c] = rnd.nextGaussian();
            }
            for (int b = 0; b < a; b++) {
                double dot = 0;
                for (int c = 0; c < ambient; c++) {
                    dot += q[a][c] * q[b][c];
                }
                for (int c = 0; c < ambient; c++) {
                    q[a][c] -= dot * q[b][c];
                }
            }
            double norm = Math.sqrt(Arrays.stream(q[a]).map(v -> v * v).sum());
            for (int c = 0; c < ambient; c++) {
                q[a][c] /= norm;
            }
        }
        double[] v = new double[n * ambient];
        double[] u = new double[intrinsic];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < intrinsic; a++) {
                u[a] = rnd.nextDouble();
            }
            for (int c = 0; c < ambient; c++) {
                double s = 0;
                for (int a = 0; a < intrinsic; a++) {
                    s += u[a] * q[a][c];
                }
                v[i * ambient + c] = s;
            }
        }
        return PointCloud.wrap(n, ambient, v, "subspace");
    }

    /** Median wall-clock seconds of {@code repeats} runs after one warm-up; also prints the median process CPU seconds. */
    private static double medianSeconds(int repeats, Runnable r) {
        r.run();
        double[] t = new double[repeats];
        double[] cpu = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - t0) / 1e9;
            cpu[i] = (processCpuNanos() - c0) / 1e9;
        }
        Arrays.sort(t);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "  [wall %s s; process CPU median %.3f s]%n", Arrays.toString(round(t)), cpu[repeats / 2]);
        lastCpu = cpu[repeats / 2];
        return t[repeats / 2];
    }

    private static double lastCpu;

    private static double[] round(double[] t) {
        return Arrays.stream(t).map(v -> Math.round(v * 1000) / 1000.0).toArray();
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /** The product of the search's shapes: all query blocks against all data blocks, 1-thread BLAS, Java-parallel. */
    private static void plainSgemmBlocks(PointCloud x) {
        int n = x.n();
        int w = x.dim() + 1;
        BLAS blas = BLAS.getInstance();
        int saved = openblas_nolapack.blas_get_num_threads();
        openblas_nolapack.blas_set_num_threads(1);
        try (FloatPointer all = floats(x, w)) {
            IntStream.range(0, (n + QUERY_BLOCK - 1) / QUERY_BLOCK).parallel().forEach(qb -> {
                int q0 = qb * QUERY_BLOCK;
                int m = Math.min(QUERY_BLOCK, n - q0);
                try (FloatPointer c = new FloatPointer((long) QUERY_BLOCK * DATA_BLOCK)) {
                    for (int d0 = 0; d0 < n; d0 += DATA_BLOCK) {
                        int nb = Math.min(DATA_BLOCK, n - d0);
                        blas.gemm(Layout.ROW_MAJOR, Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, m, nb, w, 1f,
                                slice(all, (long) q0 * w), w, slice(all, (long) d0 * w), w, 0f, c.asBuffer(), nb);
                    }
                }
            });
        } finally {
            openblas_nolapack.blas_set_num_threads(saved);
        }
    }

    private static java.nio.FloatBuffer slice(FloatPointer p, long offset) {
        java.nio.FloatBuffer b = p.asBuffer();
        b.position((int) offset);
        return b.slice();
    }

    private static FloatPointer floats(PointCloud x, int w) {
        FloatPointer p = new FloatPointer((long) x.n() * w);
        java.nio.FloatBuffer b = p.asBuffer();
        for (int i = 0; i < x.n(); i++) {
            for (int c = 0; c < x.dim(); c++) {
                b.put(i * w + c, (float) x.get(i, c));
            }
            b.put(i * w + x.dim(), 1f);
        }
        return p;
    }

    /** The full product in row bands of 1024, each one multi-threaded BLAS call from this thread. */
    private static void plainGemmMultithreaded(PointCloud x, boolean dbl) {
        int n = x.n();
        int w = x.dim();
        int band = 1024;
        BLAS blas = BLAS.getInstance();
        if (dbl) {
            try (DoublePointer all = new DoublePointer(x.values()); DoublePointer c = new DoublePointer((long) band * n)) {
                for (int q0 = 0; q0 < n; q0 += band) {
                    int m = Math.min(band, n - q0);
                    java.nio.DoubleBuffer a = all.asBuffer();
                    a.position(q0 * w);
                    blas.gemm(Layout.ROW_MAJOR, Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, m, n, w, 1.0, a.slice(), w,
                            all.asBuffer(), w, 0.0, c.asBuffer(), n);
                }
            }
        } else {
            float[] f = new float[n * w];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) x.values()[i];
            }
            try (FloatPointer all = new FloatPointer(f); FloatPointer c = new FloatPointer((long) band * n)) {
                for (int q0 = 0; q0 < n; q0 += band) {
                    int m = Math.min(band, n - q0);
                    blas.gemm(Layout.ROW_MAJOR, Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, m, n, w, 1f,
                            slice(all, (long) q0 * w), w, all.asBuffer(), w, 0f, c.asBuffer(), n);
                }
            }
        }
    }

    private static String runPython(Options o, Path npy, Path idx) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(o.python(), o.script().toString(), npy.toString(), Integer.toString(o.k()),
                Integer.toString(o.repeats()), idx.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("python baseline failed: " + String.join(" ", cmd) + "\n" + out);
        }
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1];
    }

    private static double jsonNumber(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": ([0-9.eE+-]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + key + " in " + json);
        }
        return Double.parseDouble(m.group(1));
    }

    /**
     * Rows where scikit-learn's neighbours differ from ours: are they ties to rounding? scikit-learn ranks
     * by expanded float64 distances, we by direct differences; the k-th distance must agree to 1e-9.
     */
    private static void compare(PointCloud x, NeighborGraph ours, int[] sk) {
        int n = ours.n();
        int k = ours.k();
        int identical = 0;
        int sameSet = 0;
        double worst = 0;
        for (int i = 0; i < n; i++) {
            int[] a = ours.indices(i);
            int[] b = Arrays.copyOfRange(sk, i * k, (i + 1) * k);
            if (Arrays.equals(a, b)) {
                identical++;
                continue;
            }
            int[] as = a.clone();
            int[] bs = b.clone();
            Arrays.sort(as);
            Arrays.sort(bs);
            if (Arrays.equals(as, bs)) {
                sameSet++;
            }
            double[] d = new double[k];
            for (int j = 0; j < k; j++) {
                d[j] = Metric.euclidean().distance(x.row(i), x.row(b[j]));
            }
            Arrays.sort(d);
            for (int j = 0; j < k; j++) {
                worst = Math.max(worst, Math.abs(d[j] - ours.distance(i, j)) / Math.max(ours.distance(i, j), 1e-300));
            }
        }
        System.out.printf(Locale.ROOT,
                "agreement with scikit-learn: %d of %d rows identical, %d more with the same set in another order; "
                        + "largest relative difference of sorted exact distances in the other rows: %.2e%n",
                identical, n, sameSet, worst);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
