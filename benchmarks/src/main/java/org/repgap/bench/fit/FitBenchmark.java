package org.repgap.bench.fit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.repgap.fit.ChinchillaLaw;
import org.repgap.fit.CurveFitter;
import org.repgap.fit.CurvePoints;
import org.repgap.fit.FitResult;
import org.repgap.fit.Lbfgs;
import org.repgap.fit.Law;
import org.repgap.fit.Laws;
import org.repgap.fit.Loss;
import org.repgap.json.Json;
import org.repgap.runs.Delimited;
import org.repgap.runs.ReadOptions;
import org.repgap.runs.Table;

/**
 * Side-by-side timing of repgap's fitter against scipy (Debian's python3-scipy) in one run, so that
 * both see the same machine load; prints medians and ratios. See benchmarks/README-fit.md.
 *
 * <ol>
 *   <li>The 4,500-start Huber/L-BFGS fit of the Chinchilla law on the 240 Chinchilla points
 *       (Besiroglu et al. 2024 procedure) vs scipy's L-BFGS-B over the same grid.</li>
 *   <li>1,000 bootstrap refits of a one-break broken power law on 40 points (least squares on log
 *       residuals from the full-data optimum, Levenberg-Marquardt) vs scipy's least_squares on the
 *       same resamples from the same start.</li>
 * </ol>
 * Arguments: {@code [--csv PATH] [--python PATH] [--script PATH] [--java-repeats R] [--python-repeats R]
 * [--only chinchilla|broken]}.
 */
public final class FitBenchmark {
    private FitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path csv = Path.of("toolkit-core/src/test/resources/reference/chinchilla/svg_extracted_data.csv");
        String python = "/usr/bin/python3";
        Path script = Path.of("benchmarks/python/fit/bench_fit.py");
        int javaRepeats = 3;
        int pythonRepeats = 1;
        String only = "all";
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--csv" -> csv = Path.of(args[i + 1]);
                case "--python" -> python = args[i + 1];
                case "--script" -> script = Path.of(args[i + 1]);
                case "--java-repeats" -> javaRepeats = Integer.parseInt(args[i + 1]);
                case "--python-repeats" -> pythonRepeats = Integer.parseInt(args[i + 1]);
                case "--only" -> only = args[i + 1];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "repgap fit benchmark: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        if (!only.equals("broken")) {
            chinchilla(csv, python, script, javaRepeats, pythonRepeats);
        }
        if (!only.equals("chinchilla")) {
            broken(python, script, Math.max(javaRepeats, 3), Math.max(pythonRepeats, 3));
        }
    }

    private static CurvePoints chinchillaPoints(Path csv) {
        Table t = Delimited.read(csv, ReadOptions.strict());
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            double n = t.number(i, "Model Size");
            rows.add(new double[] {n, t.number(i, "Training FLOP") / (6 * n), t.number(i, "loss")});
        }
        rows.sort(Comparator.comparingDouble(r -> r[2]));
        rows = rows.subList(0, rows.size() - 5);
        double[][] x = rows.stream().map(r -> new double[] {r[0], r[1]}).toArray(double[][]::new);
        double[] y = rows.stream().mapToDouble(r -> r[2]).toArray();
        return CurvePoints.of(x, y);
    }

    private static void chinchilla(Path csv, String python, Path script, int javaRepeats, int pythonRepeats) throws Exception {
        CurvePoints data = chinchillaPoints(csv);
        Law law = Laws.chinchilla();
        CurveFitter.Options serial = CurveFitter.Options.chinchilla().withParallel(false);
        CurveFitter.Options parallel = CurveFitter.Options.chinchilla();
        CurveFitter.fitFrom(law, data, ChinchillaLaw.epochGrid().subList(0, 300), serial); // warm-up
        List<Double> javaSerial = new ArrayList<>();
        List<Double> javaSerialCpu = new ArrayList<>();
        List<Double> javaParallel = new ArrayList<>();
        List<Double> py = new ArrayList<>();
        List<Double> pyCpu = new ArrayList<>();
        FitResult fit = null;
        JsonNode pyOut = null;
        for (int r = 0; r < Math.max(javaRepeats, pythonRepeats); r++) {
            if (r < javaRepeats) {
                long t0 = System.nanoTime();
                long c0 = CPU.getCurrentThreadCpuTime();
                fit = CurveFitter.fit(law, data, serial);
                javaSerialCpu.add((CPU.getCurrentThreadCpuTime() - c0) / 1e9);
                javaSerial.add((System.nanoTime() - t0) / 1e9);
                t0 = System.nanoTime();
                CurveFitter.fit(law, data, parallel);
                javaParallel.add((System.nanoTime() - t0) / 1e9);
            }
            if (r < pythonRepeats) {
                pyOut = runPython(python, script.toString(), "chinchilla", "--csv", csv.toString());
                py.add(pyOut.get("seconds").get(0).asDouble());
                pyCpu.add(pyOut.get("cpu_seconds").get(0).asDouble());
            }
        }
        System.out.println();
        System.out.println("1. Chinchilla law, 4,500-start Huber/L-BFGS grid fit on 240 points");
        System.out.printf(Locale.ROOT, "   repgap (1 thread):   wall median %.2f s %s, CPU median %.2f s %s%n", median(javaSerial),
                round(javaSerial), median(javaSerialCpu), round(javaSerialCpu));
        System.out.printf(Locale.ROOT, "   repgap (all cores):  wall median %.2f s %s%n", median(javaParallel), round(javaParallel));
        System.out.printf(Locale.ROOT, "   scipy L-BFGS-B:      wall median %.2f s %s, CPU median %.2f s %s%n", median(py), round(py),
                median(pyCpu), round(pyCpu));
        System.out.printf(Locale.ROOT, "   ratio scipy / repgap (1 thread): %.1fx by CPU time, %.1fx by wall time; "
                + "scipy / repgap (all cores, wall): %.1fx%n",
                median(pyCpu) / median(javaSerialCpu), median(py) / median(javaSerial), median(py) / median(javaParallel));
        System.out.printf(Locale.ROOT, "   repgap estimate: E %.4f A %.1f B %.0f alpha %.4f beta %.4f (objective %.9g)%n",
                fit.param("E"), fit.param("A"), fit.param("B"), fit.param("alpha"), fit.param("beta"), fit.objective());
        JsonNode p = pyOut.get("params");
        System.out.printf(Locale.ROOT, "   scipy  estimate: E %.4f A %.1f B %.0f alpha %.4f beta %.4f (objective %.9g)%n",
                p.get("E").asDouble(), p.get("A").asDouble(), p.get("B").asDouble(), p.get("alpha").asDouble(),
                p.get("beta").asDouble(), pyOut.get("objective").asDouble());
    }

    private static void broken(String python, Path script, int javaRepeats, int pythonRepeats) throws Exception {
        Law law = Laws.broken(1);
        double[] truth = {0.05, 5, 0.1, 0.4, 1000, 0.3};
        int n = 40;
        SplittableRandom rng = new SplittableRandom(20221027L);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 10 * Math.pow(1e4, i / (n - 1.0));
            y[i] = law.predict(truth, x[i]) * Math.exp(0.02 * gaussian(rng));
        }
        CurvePoints data = CurvePoints.ofColumn(x, y);
        CurveFitter.Options lm = new CurveFitter.Options(Loss.leastSquares(Loss.Space.LOG),
                CurveFitter.Method.LEVENBERG_MARQUARDT, new Lbfgs.Options(200, 1e-10, 1e-10, 10), false);
        FitResult full = CurveFitter.fit(law, data, lm.withParallel(true));
        int refits = 1000;
        int[][] idx = new int[refits][n];
        for (int b = 0; b < refits; b++) {
            for (int i = 0; i < n; i++) {
                idx[b][i] = rng.nextInt(n);
            }
        }
        Path dir = Files.createTempDirectory("repgap-fit-bench");
        StringBuilder d = new StringBuilder("x,y\n");
        for (int i = 0; i < n; i++) {
            d.append(String.format(Locale.ROOT, "%.17g,%.17g%n", x[i], y[i]));
        }
        Files.writeString(dir.resolve("data.csv"), d, StandardCharsets.UTF_8);
        StringBuilder ix = new StringBuilder();
        for (int[] row : idx) {
            ix.append(String.join(",", Arrays.stream(row).mapToObj(Integer::toString).toList())).append('\n');
        }
        Files.writeString(dir.resolve("indices.csv"), ix, StandardCharsets.UTF_8);
        double[] p0 = full.params();
        double[] u0 = {p0[0], Math.log(p0[1]), p0[2], p0[3], Math.log(p0[4]), Math.log(p0[5])};
        Files.writeString(dir.resolve("start.csv"), String.join(",", Arrays.stream(u0).mapToObj(v -> String.format(Locale.ROOT, "%.17g", v)).toList()) + "\n");

        List<double[]> starts = List.of(p0);
        double[][] javaParams = new double[refits][];
        for (int w = 0; w < 50; w++) {
            CurveFitter.fitFrom(law, data.subset(idx[w]), starts, lm);
        }
        List<Double> javaTimes = new ArrayList<>();
        List<Double> javaCpu = new ArrayList<>();
        List<Double> pyTimes = new ArrayList<>();
        List<Double> pyCpu = new ArrayList<>();
        JsonNode pyOut = null;
        for (int r = 0; r < Math.max(javaRepeats, pythonRepeats); r++) {
            if (r < javaRepeats) {
                long t0 = System.nanoTime();
                long c0 = CPU.getCurrentThreadCpuTime();
                for (int b = 0; b < refits; b++) {
                    javaParams[b] = CurveFitter.fitFrom(law, data.subset(idx[b]), starts, lm).params();
                }
                javaCpu.add((CPU.getCurrentThreadCpuTime() - c0) / 1e9);
                javaTimes.add((System.nanoTime() - t0) / 1e9);
            }
            if (r < pythonRepeats) {
                pyOut = runPython(python, script.toString(), "broken", "--data", dir.resolve("data.csv").toString(),
                        "--indices", dir.resolve("indices.csv").toString(), "--start", dir.resolve("start.csv").toString());
                pyTimes.add(pyOut.get("seconds").get(0).asDouble());
                pyCpu.add(pyOut.get("cpu_seconds").get(0).asDouble());
            }
        }
        // agreement: predicted log loss at the largest x of each refit
        double[] diffs = new double[refits];
        for (int b = 0; b < refits; b++) {
            JsonNode u = pyOut.get("params").get(b);
            double[] pp = {u.get(0).asDouble(), Math.exp(u.get(1).asDouble()), u.get(2).asDouble(), u.get(3).asDouble(),
                Math.exp(u.get(4).asDouble()), Math.exp(u.get(5).asDouble())};
            diffs[b] = Math.abs(Math.log(law.predict(javaParams[b], x[n - 1])) - Math.log(law.predict(pp, x[n - 1])));
        }
        Arrays.sort(diffs);
        System.out.println();
        System.out.println("2. 1,000 bootstrap refits of the broken power law (1 break) on 40 points, least squares on log residuals");
        System.out.printf(Locale.ROOT, "   repgap LM (1 thread):      wall median %.3f s %s, CPU median %.3f s %s%n", median(javaTimes),
                round(javaTimes), median(javaCpu), round(javaCpu));
        System.out.printf(Locale.ROOT, "   scipy least_squares (trf): wall median %.3f s %s, CPU median %.3f s %s%n", median(pyTimes),
                round(pyTimes), median(pyCpu), round(pyCpu));
        System.out.printf(Locale.ROOT, "   ratio scipy / repgap: %.1fx by CPU time, %.1fx by wall time%n",
                median(pyCpu) / median(javaCpu), median(pyTimes) / median(javaTimes));
        System.out.printf(Locale.ROOT, "   agreement: |log f_repgap - log f_scipy| at the largest x: median %.2g, 95th percentile %.2g%n",
                diffs[refits / 2], diffs[(int) (0.95 * refits)]);
        try (var s = Files.list(dir)) {
            for (Path f : s.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private static List<String> round(List<Double> v) {
        return v.stream().map(d -> String.format(Locale.ROOT, "%.2f", d)).toList();
    }

    private static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    private static JsonNode runPython(String python, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(python);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("python failed: " + cmd);
        }
        return Json.mapper().readTree(out);
    }

    private static double median(List<Double> v) {
        double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }
}
