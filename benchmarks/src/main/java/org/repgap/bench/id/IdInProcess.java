package org.repgap.bench.id;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.repgap.bench.Flags;
import org.repgap.data.PointCloud;
import org.repgap.data.PointClouds;
import org.repgap.id.IdContext;
import org.repgap.id.IdEstimation;
import org.repgap.id.IdEstimators;
import org.repgap.id.IdResult;

/**
 * An intrinsic-dimension estimate as the Java API (and a notebook) runs it, in one JVM, side by side with
 * scikit-dimension's {@code fit} on the same file: the figure for users who stay in one process, where
 * {@code benchmarks/scripts/id_end_to_end.sh} times whole commands.
 *
 * <p>Each repeat reads the file, builds the {@link IdContext} (duplicate check, neighbour search) and runs
 * the estimator with its defaults ({@link IdEstimation#run(IdEstimator, IdContext)}); the first repeat
 * includes loading the native library and the JIT's first compilations. The Python script
 * {@code benchmarks/python/skdim_id.py} runs the same estimator (mle or twonn) interleaved with the repeats,
 * each time as a new process, and reports scikit-dimension's {@code fit} time alone (no interpreter start,
 * imports or reading).
 *
 * <p>Usage: {@code java -cp 'benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*'
 * org.repgap.bench.id.IdInProcess --input=FILE.npy [--estimator=mle] [--repeats=7] [--python=/usr/bin/python3]
 * [--script=benchmarks/python/skdim_id.py] [--no-python]}
 */
public final class IdInProcess {
    private static final Pattern FIT_SECONDS = Pattern.compile("fit_seconds=([0-9.]+)");

    private IdInProcess() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Flags f = Flags.parse(args, Set.of("input", "estimator", "repeats", "python", "script"), Set.of("no-python"));
        Path input = f.getPath("input", null);
        String estimator = f.get("estimator", "mle");
        int repeats = f.getInt("repeats", 7);
        String python = f.get("python", "/usr/bin/python3");
        Path script = f.getPath("script", Path.of("benchmarks/python/skdim_id.py"));
        boolean runPython = !f.has("no-python");
        if (input == null || repeats < 2) {
            throw new IllegalArgumentException("need --input=FILE and --repeats of at least 2");
        }
        runPython = runPython && (estimator.equals("mle") || estimator.equals("twonn")); // the peer script's two
        double[] ours = new double[repeats];
        List<Double> theirs = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            PointCloud x = PointClouds.read(input);
            IdContext ctx = IdContext.of(x);
            IdResult result = IdEstimation.run(IdEstimators.create(estimator), ctx);
            ours[r] = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "repgap %s, repeat %d: %.3f s (dimension %.15g)%n", estimator, r + 1, ours[r],
                    result.dimension());
            if (runPython) {
                double fit = pythonFit(python, script, input, estimator);
                theirs.add(fit);
                System.out.printf(Locale.ROOT, "scikit-dimension fit, run %d: %.3f s%n", r + 1, fit);
            }
        }
        double warm = median(Arrays.copyOfRange(ours, 1, repeats));
        System.out.printf(Locale.ROOT, "repgap %s in one JVM: first %.3f s (cold), then median %.3f s%n", estimator, ours[0],
                warm);
        if (!theirs.isEmpty()) {
            double fit = median(theirs.stream().mapToDouble(Double::doubleValue).toArray());
            System.out.printf(Locale.ROOT, "scikit-dimension's %s fit, median %.3f s: %.1fx the repgap warm median, %.1fx its first run%n",
                    estimator, fit, fit / warm, fit / ours[0]);
        }
    }

    private static double pythonFit(String python, Path script, Path input, String estimator) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(python, script.toString(), input.toString(), "--estimator", estimator).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(script + " failed: " + err.strip());
        }
        Matcher m = FIT_SECONDS.matcher(err);
        if (!m.find()) {
            throw new IOException(script + " printed no fit_seconds: " + err.strip());
        }
        return Double.parseDouble(m.group(1));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
