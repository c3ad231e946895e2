package org.repgap.diffusion.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.repgap.InvalidInputException;
import org.repgap.json.Json;
import org.repgap.progress.Progress;
import org.repgap.stats.Bootstrap;
import org.repgap.stats.LeastSquaresLine;

/**
 * The law checks of a finished sweep (THEORY.md sections 3-4): does each trained model's Representation
 * Gap follow the ideal law of its own metric?
 *
 * <p>An equivariant model's samples are {@code G}-invariant, so its gap is the orbit-metric one
 * ({@code sample_rg}), predicted to fall as {@code n^(-2/d_task)}; a plain model's gap is the Euclidean
 * one ({@code sample_rg_plain}), predicted to fall as {@code n^(-2/d)}. Per mechanism and size this
 * reports the ratio of the measured gap to the ideal {@code RG_n} in that metric (about 1 while the
 * model memorises), the memorisation fraction, {@code n_eff}, and the denoising generalisation gap
 * {@code GG(sigma)} at one noise level beside both ideal denoisers'. Sizes whose mean memorisation
 * fraction is at least {@link #MEMORISATION_THRESHOLD} form the <em>memorisation regime</em>, the others
 * the <em>generalisation regime</em>; the log-log exponent is fitted in each, with a 95% percentile
 * bootstrap interval that resamples whole seeds (a seed's runs share nested training sets, so seeds, not
 * runs, are the independent units).
 *
 * @param data         the sweep's data (task spec, data set or file)
 * @param group        the task's symmetry group
 * @param dimensions   {@code d} and {@code d_task} estimated on the sweep's data (null if the sweep has none)
 * @param sigmaFactor  the noise level of the {@code GG} columns, as a multiple of {@code sigma_data}
 * @param mechanisms   one entry per mechanism, in the order of the sweep's configuration
 * @param nEffRatios   per size present in both: {@code n_eff} of the first equivariant mechanism over
 *                     {@code n_eff} of {@code none} (each in its own metric): the samples the symmetry buys
 */
public record SweepLaws(String data, String group, SweepDimensions dimensions, double sigmaFactor, List<Mechanism> mechanisms,
        List<SizeRatio> nEffRatios) {

    /** Memorisation fraction from which a size counts as memorised. */
    public static final double MEMORISATION_THRESHOLD = 0.9;
    /** Bootstrap replicates of the exponent intervals. */
    public static final int BOOTSTRAP = 2000;

    public SweepLaws {
        mechanisms = List.copyOf(mechanisms);
        nEffRatios = List.copyOf(nEffRatios);
    }

    /** A value with a 95% interval ({@code null} bounds when the data cannot support one; {@code note} says why). */
    public record Estimate(double value, Double ciLow, Double ciHigh, String note) {
    }

    /**
     * A fitted log-log exponent over some sizes.
     *
     * @param sizes the sizes fitted
     */
    public record Exponent(double value, Double ciLow, Double ciHigh, int[] sizes, String note) {
        public Exponent {
            sizes = sizes.clone();
        }

        @Override
        public int[] sizes() {
            return sizes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Exponent e && Double.compare(value, e.value) == 0 && java.util.Objects.equals(ciLow, e.ciLow)
                    && java.util.Objects.equals(ciHigh, e.ciHigh) && Arrays.equals(sizes, e.sizes)
                    && java.util.Objects.equals(note, e.note);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(value, ciLow, ciHigh, Arrays.hashCode(sizes), note);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "Exponent[%s [%s, %s] over %s]", value, ciLow, ciHigh, Arrays.toString(sizes));
        }
    }

    /**
     * One size of one mechanism, means over seeds.
     *
     * @param gap           the measured gap in the mechanism's metric
     * @param idealGap      {@code RG_n} in that metric
     * @param ratio         {@code gap / idealGap}, mean over seeds, with the range over seeds as its interval
     * @param memorization  memorisation fraction
     * @param nEff          {@code n_eff} in the mechanism's metric, with the range over seeds
     * @param gg            the trained model's {@code GG(sigma)} at {@code sigmaFactor sigma_data}
     * @param idealGg       the ideal equivariant denoiser's {@code GG} at the same sigma
     * @param idealPlainGg  the ideal plain denoiser's {@code GG} at the same sigma
     * @param steps         optimiser steps of these runs
     * @param regime        {@code memorisation} or {@code generalisation}
     */
    public record Size(int n, int seeds, double gap, double idealGap, Estimate ratio, double memorization, Estimate nEff,
            Double gg, Double idealGg, Double idealPlainGg, int steps, String regime) {
    }

    /**
     * One mechanism's law check.
     *
     * @param metric          {@code orbit} (equivariant mechanisms and ACE) or {@code plain} ({@code none})
     * @param column          the runs.csv column of its gap
     * @param predicted       the exponent its ideal law predicts: {@code -2/d} (plain) or {@code -2/d_task} (orbit); null without dimensions
     * @param memorisation    the exponent fitted over the memorisation regime (null with fewer than two such sizes)
     * @param generalisation  the exponent fitted over the generalisation regime (null with fewer than two such sizes)
     * @param all             the exponent over every size
     * @param idealMemorisation the ideal curve's exponent ({@code RG_n} in the same metric) over the memorisation sizes:
     *                        what a perfectly memorising model would give there (small sizes are not yet asymptotic)
     * @param idealAll        the ideal curve's exponent over every size
     * @param ggExponent      the exponent of {@code GG(sigma)} over every size (null when some {@code GG} is not positive)
     * @param crossover       the smallest size from which every larger size is in the generalisation regime (null if
     *                        the largest size memorises)
     * @param finalGammas     ACE: the final {@code gamma} of largest magnitude per size (mean over seeds); empty otherwise
     */
    public record Mechanism(String mechanism, String metric, String column, Estimate predicted, List<Size> sizes,
            Exponent memorisation, Exponent generalisation, Exponent all, Exponent idealMemorisation, Exponent idealAll,
            Exponent ggExponent, Integer crossover,
            Map<Integer, Double> finalGammas) {
        public Mechanism {
            sizes = List.copyOf(sizes);
            finalGammas = Map.copyOf(finalGammas);
        }
    }

    /** {@code n_eff} of an equivariant mechanism over that of {@code none} at one size. */
    public record SizeRatio(int n, String mechanism, double ratio) {
    }

    /**
     * Reads a finished sweep directory (its {@code config.json}, {@code dimensions.json} if present, and every
     * {@code runs/RUN_ID/result.json}) and computes the checks.
     *
     * @param sigmaFactor the {@code GG} noise level as a multiple of {@code sigma_data}: one of the sweep's sigma factors
     * @throws InvalidInputException if {@code dir} holds no finished run or the factor is not on the sweep's grid
     */
    public static SweepLaws of(Path dir, double sigmaFactor) {
        try {
            return read(dir, sigmaFactor);
        } catch (IOException e) {
            throw InvalidInputException.of("%s: cannot read the sweep (%s)", dir, e.getMessage());
        }
    }

    private static SweepLaws read(Path dir, double sigmaFactor) throws IOException {
        Path configFile = dir.resolve("config.json");
        if (!Files.isRegularFile(configFile)) {
            throw InvalidInputException.of("%s: not a sweep directory (no config.json; made by 'repgap train --out DIR')", dir);
        }
        JsonNode config = Json.mapper().readTree(configFile.toFile());
        JsonNode fixed = config.path("fixed");
        double[] factors = Json.mapper().convertValue(fixed.path("sigma_factors"), double[].class);
        int sigmaIndex = -1;
        if (factors != null) {
            double[] sorted = factors.clone();
            Arrays.sort(sorted);
            for (int i = 0; i < sorted.length; i++) {
                if (Math.abs(sorted[i] - sigmaFactor) <= 1e-9 * sigmaFactor) {
                    sigmaIndex = i;
                }
            }
            if (sigmaIndex < 0) {
                throw InvalidInputException.of("sigma factor %s: not on the sweep's grid %s (x sigma_data)", sigmaFactor,
                        Arrays.toString(sorted));
            }
        }
        List<JsonNode> results = Sweep.finishedResults(dir);
        if (results.isEmpty()) {
            throw InvalidInputException.of("%s: no finished run yet (no runs/*/result.json)", dir);
        }
        Path dimFile = dir.resolve(SweepDimensions.FILE);
        SweepDimensions dims = Files.isRegularFile(dimFile) ? SweepDimensions.read(dimFile) : null;
        List<String> order = new ArrayList<>();
        config.path("mechanisms").forEach(m -> order.add(m.asText()));
        for (JsonNode r : results) {
            String m = r.get("equivariance").asText();
            if (!order.contains(m)) {
                order.add(m);
            }
        }
        List<Mechanism> mechanisms = new ArrayList<>();
        for (String m : order) {
            List<JsonNode> rs = results.stream().filter(r -> r.get("equivariance").asText().equals(m)).toList();
            if (!rs.isEmpty()) {
                mechanisms.add(mechanism(m, rs, dims, sigmaIndex));
            }
        }
        return new SweepLaws(fixed.path("data").asText(), fixed.path("group").asText(), dims, sigmaFactor, mechanisms,
                ratios(mechanisms));
    }

    private static List<SizeRatio> ratios(List<Mechanism> mechanisms) {
        Mechanism plain = mechanisms.stream().filter(m -> m.mechanism().equals("none")).findFirst().orElse(null);
        Mechanism eq = mechanisms.stream().filter(m -> !m.mechanism().equals("none") && !m.mechanism().equals("ace")).findFirst()
                .orElse(null);
        List<SizeRatio> out = new ArrayList<>();
        if (plain == null || eq == null) {
            return out;
        }
        for (Size s : eq.sizes()) {
            for (Size p : plain.sizes()) {
                if (p.n() == s.n() && p.nEff().value() > 0) {
                    out.add(new SizeRatio(s.n(), eq.mechanism(), s.nEff().value() / p.nEff().value()));
                }
            }
        }
        return out;
    }

    private static Mechanism mechanism(String name, List<JsonNode> runs, SweepDimensions dims, int sigmaIndex) {
        boolean plain = name.equals("none") && !runs.get(0).path("group").asText().equals("none");
        String column = plain ? "sample_rg_plain" : "sample_rg";
        String idealColumn = plain ? "ideal_rg_plain" : "ideal_rg";
        String nEffColumn = plain ? "n_eff_plain" : "n_eff";
        // n -> seed -> run
        TreeMap<Integer, TreeMap<Integer, JsonNode>> byN = new TreeMap<>();
        for (JsonNode r : runs) {
            byN.computeIfAbsent(r.get("n").asInt(), k -> new TreeMap<>()).put(r.get("seed").asInt(), r);
        }
        List<Size> sizes = new ArrayList<>();
        Map<Integer, Double> gammas = new TreeMap<>();
        for (var e : byN.entrySet()) {
            List<JsonNode> rs = List.copyOf(e.getValue().values());
            double[] ratio = rs.stream().mapToDouble(r -> num(r, column) / num(r, idealColumn)).toArray();
            double[] nEff = rs.stream().mapToDouble(r -> num(r, nEffColumn)).toArray();
            double mem = mean(rs.stream().mapToDouble(r -> num(r, "memorization")).toArray());
            Double gg = sigmaMean(rs, sigmaIndex, "gap");
            Double idealGg = sigmaMean(rs, sigmaIndex, "ideal_gap");
            Double idealPlainGg = sigmaMean(rs, sigmaIndex, "ideal_plain_gap");
            sizes.add(new Size(e.getKey(), rs.size(), mean(rs.stream().mapToDouble(r -> num(r, column)).toArray()),
                    mean(rs.stream().mapToDouble(r -> num(r, idealColumn)).toArray()), range(ratio), mem, range(nEff), gg, idealGg,
                    idealPlainGg, rs.get(0).path("steps").asInt(), mem >= MEMORISATION_THRESHOLD ? "memorisation" : "generalisation"));
            if (name.equals("ace")) {
                gammas.put(e.getKey(), mean(rs.stream().mapToDouble(r -> num(r, "final_gamma")).toArray()));
            }
        }
        int[] mem = sizes.stream().filter(s -> s.regime().equals("memorisation")).mapToInt(Size::n).toArray();
        int[] gen = sizes.stream().filter(s -> s.regime().equals("generalisation")).mapToInt(Size::n).toArray();
        int[] all = sizes.stream().mapToInt(Size::n).toArray();
        Estimate predicted = null;
        if (dims != null) {
            predicted = plain || name.equals("none") ? dims.exponent(dims.plain()) : dims.exponent(dims.task());
        }
        Exponent ggExp = sigmaIndex < 0 ? null : exponent(byN, all, r -> sigmaValue(r, sigmaIndex, "gap"));
        return new Mechanism(name, plain || name.equals("none") ? "plain" : "orbit", column, predicted, sizes,
                exponent(byN, mem, r -> num(r, column)), exponent(byN, gen, r -> num(r, column)), exponent(byN, all, r -> num(r, column)),
                exponent(byN, mem, r -> num(r, idealColumn)), exponent(byN, all, r -> num(r, idealColumn)), ggExp, crossover(sizes), gammas);
    }

    private static Integer crossover(List<Size> sizes) {
        Integer c = null;
        for (int i = sizes.size() - 1; i >= 0 && sizes.get(i).regime().equals("generalisation"); i--) {
            c = sizes.get(i).n();
        }
        return c;
    }

    /**
     * The OLS slope of {@code log(mean over seeds of value)} against {@code log n} over {@code sizes}, with a
     * percentile interval from {@link #BOOTSTRAP} replicates that draw the seeds with replacement (the same
     * draw for every size, as a seed's runs share their training data). Null with fewer than two sizes or a
     * non-positive mean.
     */
    static Exponent exponent(TreeMap<Integer, TreeMap<Integer, JsonNode>> byN, int[] sizes,
            java.util.function.ToDoubleFunction<JsonNode> value) {
        if (sizes.length < 2) {
            return null;
        }
        List<Integer> seeds = new ArrayList<>(byN.get(sizes[0]).keySet());
        for (int n : sizes) {
            seeds.retainAll(byN.get(n).keySet());
        }
        if (seeds.isEmpty()) {
            return null;
        }
        double[][] v = new double[sizes.length][seeds.size()];
        for (int i = 0; i < sizes.length; i++) {
            for (int s = 0; s < seeds.size(); s++) {
                v[i][s] = value.applyAsDouble(byN.get(sizes[i]).get(seeds.get(s)));
            }
        }
        int[] every = new int[seeds.size()];
        Arrays.setAll(every, i -> i);
        Double slope = slope(sizes, v, every);
        if (slope == null) {
            return null;
        }
        if (seeds.size() < 2) {
            return new Exponent(slope, null, null, sizes, "one seed: no interval (the interval resamples seeds)");
        }
        double[][] reps = Bootstrap.replicate(BOOTSTRAP, 0x5EEDL, rng -> {
            Double b = slope(sizes, v, Bootstrap.resample(seeds.size(), rng));
            return b == null ? null : new double[] {b};
        }, Progress.NONE);
        Bootstrap.Interval ci = Bootstrap.percentile(reps, 0, 0.95);
        String note = seeds.size() < 5 ? seeds.size() + " seeds: a rough interval" : null;
        return new Exponent(slope, ci.low(), ci.high(), sizes, note);
    }

    private static Double slope(int[] sizes, double[][] v, int[] seeds) {
        double[] x = new double[sizes.length];
        double[] y = new double[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            double m = 0;
            for (int s : seeds) {
                m += v[i][s];
            }
            m /= seeds.length;
            if (!(m > 0)) {
                return null;
            }
            x[i] = Math.log(sizes[i]);
            y[i] = Math.log(m);
        }
        return LeastSquaresLine.fit(x, y).slope();
    }

    private static Estimate range(double[] v) {
        double lo = Arrays.stream(v).min().orElse(Double.NaN);
        double hi = Arrays.stream(v).max().orElse(Double.NaN);
        return v.length < 2 ? new Estimate(mean(v), null, null, "one seed") : new Estimate(mean(v), lo, hi, "range over seeds");
    }

    private static Double sigmaMean(List<JsonNode> rs, int index, String field) {
        if (index < 0) {
            return null;
        }
        double m = mean(rs.stream().mapToDouble(r -> sigmaValue(r, index, field)).toArray());
        return Double.isFinite(m) ? m : null;
    }

    private static double sigmaValue(JsonNode run, int index, String field) {
        JsonNode row = run.path("sigmas").path(index);
        JsonNode v = row.get(field);
        return v == null || v.isNull() ? Double.NaN : v.asDouble();
    }

    private static double num(JsonNode r, String field) {
        JsonNode v = r.get(field);
        return v == null || v.isNull() ? Double.NaN : v.asDouble();
    }

    private static double mean(double[] v) {
        return v.length == 0 ? Double.NaN : Arrays.stream(v).sum() / v.length;
    }

    /** The schema of the JSON form, {@code docs/results.md}. */
    public static final String SCHEMA = "repgap.sweep-laws/1";

    /** The checks as a JSON tree (the {@link Json} conventions). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", SCHEMA);
        m.put("result", this);
        return m;
    }
}
