package org.repgap.bench.diffusion;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.repgap.blas.OpenBlas;
import org.repgap.data.PointCloud;
import org.repgap.diffusion.EdmPreconditioning;
import org.repgap.diffusion.HeunSampler;
import org.repgap.diffusion.MlpDenoiser;
import org.repgap.diffusion.Trainer;
import org.repgap.group.Groups;
import org.repgap.json.Json;

/**
 * Harness for the trainer's speed against {@code shared/bench/torch_denoiser_bench.py}: the same data
 * (n points uniform on S^d embedded in R^D), model (EDM preconditioning, 16 Fourier features, 3 hidden
 * SiLU layers of width W), loss, Adam (lr 1e-3, constant, no EMA) and timing convention (steps/s over
 * steps 50..steps-1). Prints one JSON line with the same field names as the Python script.
 *
 * <pre>java -cp benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/* \
 *     org.repgap.bench.diffusion.DenoiserThroughput --D 64 --W 512 --B 512 --steps 600 --threads 1</pre>
 */
public final class DenoiserThroughput {
    private DenoiserThroughput() {
    }

    public static void main(String[] args) {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int dimD = Integer.parseInt(a.getOrDefault("D", "3"));
        int d = Integer.parseInt(a.getOrDefault("d", Integer.toString(Math.min(dimD - 1, 4))));
        int w = Integer.parseInt(a.getOrDefault("W", "128"));
        int b = Integer.parseInt(a.getOrDefault("B", "256"));
        int steps = Integer.parseInt(a.getOrDefault("steps", "2000"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "50"));
        int threads = Integer.parseInt(a.getOrDefault("threads", "1"));
        int n = Integer.parseInt(a.getOrDefault("n", "10000"));
        long seed = Long.parseLong(a.getOrDefault("seed", "0"));
        String tag = a.getOrDefault("tag", "java");
        // data: threads data-parallel workers, one OpenBLAS thread each (what the trainer does); blas: one worker, OpenBLAS threads
        String mode = a.getOrDefault("mode", "data");
        int workers = mode.equals("blas") ? 1 : threads;
        OpenBlas.setThreads(mode.equals("blas") ? threads : 1);

        PointCloud data = sphere(n, d, dimD, new SplittableRandom(seed));
        double sd = 1 / Math.sqrt(dimD);
        Trainer.Options base = Trainer.Options.defaults(steps, seed).withModel(w, 3, b).withLr(1e-3, 0, false).withEma(0)
                .withSigmaData(sd);
        // warm-up run (JIT, BLAS buffers), then the timed run of (steps - warmup) steps
        Trainer.train(data, Groups.none(), base.withSteps(warmup), workers, (t, x, y) -> { });
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        long cpuAll0 = processCpuNanos();
        Trainer.Result r = Trainer.train(data, Groups.none(), base.withSteps(steps - warmup), workers, (t, x, y) -> { });
        long cpuAll1 = processCpuNanos();
        long cpu1 = mx.getCurrentThreadCpuTime();
        double sps = (steps - warmup) / r.seconds();

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tag", tag);
        out.put("threads", threads);
        out.put("D", dimD);
        out.put("d", d);
        out.put("W", w);
        out.put("B", b);
        out.put("steps", steps);
        out.put("params", r.network().architecture().parameterCount());
        out.put("steps_per_s", round(sps, 3));
        out.put("ms_per_step", round(1e3 / sps, 4));
        out.put("steps_per_cpu_s_main_thread", round((steps - warmup) / ((cpu1 - cpu0) / 1e9), 3));
        out.put("steps_per_cpu_s", round((steps - warmup) / ((cpuAll1 - cpuAll0) / 1e9), 3));
        out.put("mode", mode);
        out.put("loss_first", round(r.history().get(0).loss(), 6));
        out.put("loss_last", round(r.history().get(r.history().size() - 1).loss(), 6));
        out.put("loss_final_avg10pct", round(r.finalLoss(), 6));

        MlpDenoiser net = r.network();
        out.put("eval_loss_65536", round(evalLoss(net, data, new SplittableRandom(12345)), 6));
        SplittableRandom gi = new SplittableRandom(seed + 1);
        int ib = 1024;
        double[] xi = new double[ib * dimD];
        double[] si = new double[ib];
        EdmPreconditioning pre = net.preconditioning();
        for (int i = 0; i < xi.length; i++) {
            xi[i] = gi.nextGaussian();
        }
        for (int i = 0; i < ib; i++) {
            si[i] = pre.trainingSigma(gi.nextGaussian());
        }
        double[] o = new double[xi.length];
        int evals = Integer.parseInt(a.getOrDefault("infer-evals", "200"));
        for (int i = 0; i < 10; i++) {
            net.denoise(xi, si, ib, o);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < evals; i++) {
            net.denoise(xi, si, ib, o);
        }
        out.put("infer_evals_per_s", round(evals / ((System.nanoTime() - t0) / 1e9), 2));
        t0 = System.nanoTime();
        double[] samples = HeunSampler.sample(net, 1024, HeunSampler.Options.defaults(), new SplittableRandom(seed + 2));
        out.put("heun_s", round((System.nanoTime() - t0) / 1e9, 4));
        double norm = 0;
        for (int i = 0; i < 1024; i++) {
            double s2 = 0;
            for (int j = 0; j < dimD; j++) {
                s2 += samples[i * dimD + j] * samples[i * dimD + j];
            }
            norm += Math.sqrt(s2);
        }
        out.put("heun_norm_mean", round(norm / 1024, 5));
        out.put("java", System.getProperty("java.version"));
        out.put("blas_threads", OpenBlas.threads());
        System.out.println(Json.mapper().copy().disable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .valueToTree(out).toString());
    }

    /** The script's fixed evaluation: 16 batches of 4096 (point, log-normal sigma, noise), EDM-weighted mean. */
    static double evalLoss(MlpDenoiser net, PointCloud data, SplittableRandom rng) {
        EdmPreconditioning pre = net.preconditioning();
        int dim = data.dim();
        int m = 4096;
        double total = 0;
        double[] y = new double[m * dim];
        double[] x = new double[m * dim];
        double[] sig = new double[m];
        double[] o = new double[m * dim];
        for (int rep = 0; rep < 16; rep++) {
            for (int i = 0; i < m; i++) {
                int idx = rng.nextInt(data.n());
                sig[i] = pre.trainingSigma(rng.nextGaussian());
                for (int j = 0; j < dim; j++) {
                    x[i * dim + j] = data.get(idx, j);
                    y[i * dim + j] = x[i * dim + j] + sig[i] * rng.nextGaussian();
                }
            }
            net.denoise(y, sig, m, o);
            double s = 0;
            for (int i = 0; i < m; i++) {
                double w = pre.lossWeight(sig[i]);
                for (int j = 0; j < dim; j++) {
                    double t = o[i * dim + j] - x[i * dim + j];
                    s += w * t * t;
                }
            }
            total += s / (m * (double) dim);
        }
        return total / 16;
    }

    /** CPU time of the whole JVM process (all threads, including OpenBLAS's), like the script's {@code time.process_time()}. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    private static double round(double v, int digits) {
        return Double.parseDouble(String.format(Locale.ROOT, "%." + digits + "f", v));
    }

    /** n points uniform on the unit d-sphere, embedded by a random orthonormal D x (d+1) frame when D > d + 1. */
    static PointCloud sphere(int n, int d, int dimD, SplittableRandom rng) {
        double[] s = new double[n * (d + 1)];
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int j = 0; j <= d; j++) {
                double z = rng.nextGaussian();
                s[i * (d + 1) + j] = z;
                norm += z * z;
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j <= d; j++) {
                s[i * (d + 1) + j] /= norm;
            }
        }
        double[] x = new double[n * dimD];
        if (dimD == d + 1) {
            System.arraycopy(s, 0, x, 0, s.length);
            return PointCloud.wrap(n, dimD, x, "sphere");
        }
        double[][] q = new double[d + 1][dimD];
        for (int c = 0; c <= d; c++) {
            for (int j = 0; j < dimD; j++) {
                q[c][j] = rng.nextGaussian();
            }
            for (int p = 0; p < c; p++) {
                double dot = 0;
                for (int j = 0; j < dimD; j++) {
                    dot += q[c][j] * q[p][j];
                }
                for (int j = 0; j < dimD; j++) {
                    q[c][j] -= dot * q[p][j];
                }
            }
            double nn = 0;
            for (int j = 0; j < dimD; j++) {
                nn += q[c][j] * q[c][j];
            }
            nn = Math.sqrt(nn);
            for (int j = 0; j < dimD; j++) {
                q[c][j] /= nn;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int c = 0; c <= d; c++) {
                double v = s[i * (d + 1) + c];
                for (int j = 0; j < dimD; j++) {
                    x[i * dimD + j] += v * q[c][j];
                }
            }
        }
        return PointCloud.wrap(n, dimD, x, "sphere");
    }
}
