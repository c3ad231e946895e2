package org.repgap.datasets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.repgap.InvalidInputException;
import org.repgap.data.PointCloud;

/**
 * Seeded generators of point clouds of known intrinsic dimension, by name.
 *
 * <h2>Names</h2>
 * <ul>
 * <li>The 24 manifolds of scikit-dimension's {@code BenchmarkManifolds}, same names, formulas and
 * true dimensions: {@code M1_Sphere} ... {@code Mp3_Paraboloid} (see {@link #list()} and
 * {@code BenchmarkManifolds}).</li>
 * <li>{@code sphere:d}: uniform on the unit sphere {@code S^d} in {@code R^(d+1)} (normalised
 * Gaussian vectors).</li>
 * <li>{@code torus:d}: uniform on the flat torus {@code T^d}, the product of {@code d} circles of
 * radius {@code 1/(2 pi)} (circumference 1), embedded in {@code R^(2d)} as
 * {@code (cos 2 pi u_j, sin 2 pi u_j) / (2 pi)}, {@code u ~ U[0,1)^d}: the embedding is an isometry
 * of the flat torus {@code R^d / Z^d}, so its intrinsic volume is 1.</li>
 * <li>{@code ball:d}: uniform in the unit ball of {@code R^d} (Gaussian direction, radius {@code U^(1/d)}).</li>
 * <li>{@code cube:d}: uniform in {@code [0,1]^d}.</li>
 * <li>{@code swissroll}: the Swiss roll {@code (t cos t, h, t sin t)}, {@code t in [1.5 pi, 4.5 pi]},
 * {@code h in [0, 21]}, <em>uniform with respect to surface area</em> (rejection sampling of {@code t} with
 * acceptance {@code sqrt(1+t^2)/sqrt(1+(4.5 pi)^2)}); {@code M7_Roll} is the same surface with {@code t}
 * uniform, denser on the inner turns.</li>
 * <li>{@code rotating-pair}: {@code x = (u, v)} with {@code u} on the unit circle at angle {@code t} and
 * {@code v} at radius {@code 1 + r}, angle {@code t + p} ({@code t, p ~ U[0, 2 pi)}, {@code r ~ U[0, 1]}):
 * a 3-dimensional manifold in {@code R^4} whose quotient by the common rotation {@code so2} is
 * 2-dimensional (the check of THEORY.md section 5 for ID modulo a group).</li>
 * <li>{@code subspace:d:D}: uniform in {@code [0,1]^d}, padded with zeros to {@code R^D} and turned by a
 * seeded random rotation (e.g. {@code subspace:10:100}: a 10-dimensional cube in {@code R^100}).</li>
 * </ul>
 * Names are matched ignoring case.
 *
 * <h2>Randomness and options</h2>
 * Everything is drawn from {@link SplittableRandom}{@code (seed)} (split into independent streams for
 * the points, the rotations and the noise), with {@link StrictMath}, so a name, {@code n}, seed and
 * options give the same points on every machine. We cannot reproduce NumPy's MT19937 stream: our
 * samples differ from scikit-dimension's but follow the same distributions. Adding noise or a
 * rotation leaves the underlying noiseless points unchanged. Options (see {@link Options}):
 * an ambient dimension {@code D} (0: native) pads each point with zeros to {@code R^D} and applies a
 * seeded Haar-random orthogonal matrix; then independent Gaussian noise of standard deviation
 * {@code noise} is added to every coordinate.
 */
public final class Datasets {
    private static final String SWISS_ROLL = "swissroll";
    private static final String ROTATING_PAIR = "rotating-pair";
    private static final Map<String, BenchmarkManifolds.Manifold> BENCHMARK = new LinkedHashMap<>();
    private static final List<Template> TEMPLATES;

    static {
        List<Template> t = new ArrayList<>();
        for (BenchmarkManifolds.Manifold m : BenchmarkManifolds.all()) {
            BENCHMARK.put(m.name().toLowerCase(Locale.ROOT), m);
            t.add(new Template(m.name(), Integer.toString(m.intrinsicDim()), Integer.toString(m.ambientDim()),
                    m.description(), m.name()));
        }
        t.add(new Template("sphere:d", "d", "d+1", "uniform on the unit sphere S^d", "sphere:2"));
        t.add(new Template("torus:d", "d", "2d", "uniform on the flat torus T^d of volume 1 (d circles of radius 1/(2 pi))", "torus:2"));
        t.add(new Template("ball:d", "d", "d", "uniform in the unit d-ball", "ball:3"));
        t.add(new Template("cube:d", "d", "d", "uniform in the cube [0,1]^d", "cube:3"));
        t.add(new Template(SWISS_ROLL, "2", "3", "Swiss roll (t cos t, h, t sin t), uniform in area", SWISS_ROLL));
        t.add(new Template(ROTATING_PAIR, "3", "4", "two points of R^2 turning together (so2 quotient: ID 2)", ROTATING_PAIR));
        t.add(new Template("subspace:d:D", "d", "D", "uniform [0,1]^d randomly rotated into R^D", "subspace:10:100"));
        TEMPLATES = Collections.unmodifiableList(t);
    }

    private Datasets() {
    }

    /** Name, true intrinsic dimension, ambient dimension and a one-line description of a generator. */
    public record Info(String name, int intrinsicDim, int ambientDim, String description) {
    }

    /**
     * A generator or family of generators as listed to users: for a family, {@code name} has its
     * parameters ({@code sphere:d}) and the dimensions are formulas in them ({@code d}, {@code d+1});
     * {@code example} is a name that can be generated.
     */
    public record Template(String name, String intrinsicDim, String ambientDim, String description, String example) {
    }

    /**
     * Options of {@link #generate(String, int, long, Options)}.
     *
     * @param noise standard deviation of the Gaussian noise added to every coordinate, {@code >= 0}
     * @param ambientDim 0 for the native ambient dimension, else {@code D >= native}: the points are
     *     padded with zeros to {@code R^D} and randomly rotated
     */
    public record Options(double noise, int ambientDim) {
        /** No noise, native ambient dimension. */
        public static final Options DEFAULT = new Options(0, 0);

        public Options {
            if (!(noise >= 0 && noise < Double.POSITIVE_INFINITY)) {
                throw InvalidInputException.of("noise: %s is not allowed, expected a finite standard deviation >= 0", noise);
            }
            if (ambientDim < 0) {
                throw InvalidInputException.of("ambient dimension: %d is not allowed, expected 0 (native) or a dimension >= the native one", ambientDim);
            }
        }

        public Options withNoise(double newNoise) {
            return new Options(newNoise, ambientDim);
        }

        public Options withAmbientDim(int newAmbientDim) {
            return new Options(noise, newAmbientDim);
        }
    }

    /**
     * Every generator that takes no parameter, then one example of each family ({@code sphere:2},
     * {@code torus:2}, {@code ball:3}, {@code cube:3}, {@code subspace:10:100}), in a stable order:
     * each name can be passed to {@link #generate}.
     */
    public static List<Info> list() {
        List<Info> out = new ArrayList<>();
        for (Template t : TEMPLATES) {
            out.add(info(t.example()));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The 24 manifolds of scikit-dimension's {@code BenchmarkManifolds} only, in its order (the
     * data sets of the reference results of scikit-dimension and DADApy).
     */
    public static List<Info> benchmark() {
        return list().subList(0, BENCHMARK.size());
    }

    /** The generators and families as shown by {@code repgap datasets --list}. */
    public static List<Template> templates() {
        return TEMPLATES;
    }

    /**
     * The properties of a name, e.g. {@code info("sphere:5")} is (sphere:5, 5, 6, ...). The name is
     * returned in canonical spelling.
     *
     * @throws InvalidInputException for an unknown or malformed name
     */
    public static Info info(String name) {
        return spec(name).info();
    }

    /**
     * The {@code d}-dimensional volume of the support of a data set whose points are uniform on it
     * (before noise), for the constant of the Representation Gap law
     * {@code C_d = Gamma(1 + 2/d) (|M| / V_d)^(2/d)} (docs/THEORY.md, section 4); empty for
     * non-uniform samples.
     * <ul>
     * <li>{@code sphere:d} and {@code M1_Sphere} ({@code d = 10}): {@code 2 pi^((d+1)/2) / Gamma((d+1)/2)};</li>
     * <li>{@code ball:d}: {@code V_d = pi^(d/2) / Gamma(d/2 + 1)};</li>
     * <li>{@code torus:d}, {@code cube:d}, {@code subspace:d:D}: 1 (rotations keep volumes);</li>
     * <li>{@code swissroll}: {@code 21 [t sqrt(1+t^2) + asinh t]/2} between {@code 1.5 pi} and {@code 4.5 pi};</li>
     * <li>{@code M2_Affine_3to5}: {@code 4^3 sqrt(det(A^T A))}; {@code M9_Affine}: {@code 5^20};
     * {@code M13b_Spiral} (constant speed): its length {@code 10 pi sqrt(100^2 + 1)}.</li>
     * </ul>
     * The other benchmark manifolds are sampled non-uniformly (or, for {@code M10*_Cubic}, with
     * fixed counts per face) and give an empty result.
     */
    public static java.util.OptionalDouble uniformVolume(String name) {
        Info info = info(name);
        String canonical = info.name();
        int d = info.intrinsicDim();
        int colon = canonical.indexOf(':');
        String family = colon < 0 ? canonical : canonical.substring(0, colon);
        double volume = switch (family) {
            case "sphere", "M1_Sphere" -> 2 * Math.exp((d + 1) / 2.0 * Math.log(Math.PI)
                    - org.apache.commons.math3.special.Gamma.logGamma((d + 1) / 2.0));
            case "ball" -> Math.exp(d / 2.0 * Math.log(Math.PI) - org.apache.commons.math3.special.Gamma.logGamma(d / 2.0 + 1));
            case "torus", "cube", "subspace" -> 1;
            case SWISS_ROLL -> 21 * (arcLength(ROLL_T1) - arcLength(ROLL_T0));
            case "M2_Affine_3to5" -> BenchmarkManifolds.affine3to5Volume();
            case "M9_Affine" -> Math.pow(5, 20);
            case "M13b_Spiral" -> 10 * Math.PI * Math.sqrt(100 * 100 + 1);
            default -> Double.NaN;
        };
        return Double.isNaN(volume) ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(volume);
    }

    /** Arc length of {@code t -> (t cos t, t sin t)} from 0: {@code [t sqrt(1+t^2) + asinh t] / 2}. */
    private static double arcLength(double t) {
        return (t * Math.sqrt(1 + t * t) + Math.log(t + Math.sqrt(1 + t * t))) / 2;
    }

    /**
     * Generates {@code n} points of the named data set with a seed, without noise, in its native
     * ambient dimension.
     *
     * @throws org.repgap.InvalidInputException for an unknown name (listing the known ones) or a bad {@code n}
     */
    public static PointCloud generate(String name, int n, long seed) {
        return generate(name, n, seed, Options.DEFAULT);
    }

    /**
     * Generates {@code n} points with Gaussian noise of standard deviation {@code noise} and an
     * ambient dimension ({@code 0}: native); see {@link Options}.
     */
    public static PointCloud generate(String name, int n, long seed, double noise, int ambientDim) {
        return generate(name, n, seed, new Options(noise, ambientDim));
    }

    /** Generates {@code n} points with the given options; see the class documentation. */
    public static PointCloud generate(String name, int n, long seed, Options options) {
        Spec spec = spec(name);
        if (n < 1) {
            throw InvalidInputException.of("n: %d points is not allowed, expected n >= 1", n);
        }
        int ambient = options.ambientDim() == 0 ? spec.ambientDim : options.ambientDim();
        if (ambient < spec.ambientDim) {
            throw InvalidInputException.of("ambient dimension: %d is less than the native ambient dimension %d of %s; "
                    + "expected 0 (native) or a dimension >= %d", ambient, spec.ambientDim, spec.name, spec.ambientDim);
        }
        if ((long) n * Math.max(ambient, spec.pointDim) > Integer.MAX_VALUE - 8) {
            throw InvalidInputException.of("n: %d points in R^%d is more than one array can hold (2^31 values)", n, ambient);
        }
        SplittableRandom root = new SplittableRandom(seed);
        Sampler points = new Sampler(root.split());
        Sampler ownRotation = new Sampler(root.split());
        Sampler ambientRotation = new Sampler(root.split());
        Sampler noise = new Sampler(root.split());

        double[] v = new double[n * spec.pointDim];
        for (int i = 0; i < n; i++) {
            spec.generator.next(points, i, n, v, i * spec.pointDim);
        }
        if (spec.pointDim != spec.ambientDim) {
            v = RandomRotation.of(spec.pointDim, spec.ambientDim, ownRotation).apply(v, n);
        }
        if (options.ambientDim() != 0) {
            v = RandomRotation.of(spec.ambientDim, ambient, ambientRotation).apply(v, n);
        }
        if (options.noise() > 0) {
            double sigma = options.noise();
            for (int i = 0; i < v.length; i++) {
                v[i] += sigma * noise.gaussian();
            }
        }
        StringBuilder source = new StringBuilder(spec.name);
        if (options.ambientDim() != 0) {
            source.append(" in R^").append(ambient);
        }
        if (options.noise() > 0) {
            source.append(String.format(Locale.ROOT, " + noise %s", options.noise()));
        }
        return PointCloud.wrap(n, ambient, v, source.toString());
    }

    /** A resolved name: what to draw ({@code pointDim} coordinates) and where it lives ({@code ambientDim}). */
    private record Spec(String name, int intrinsicDim, int pointDim, int ambientDim, String description, PointGenerator generator) {
        Info info() {
            return new Info(name, intrinsicDim, ambientDim, description);
        }
    }

    private static Spec spec(String name) {
        if (name == null || name.isBlank()) {
            throw unknown(String.valueOf(name));
        }
        String key = name.trim().toLowerCase(Locale.ROOT);
        BenchmarkManifolds.Manifold m = BENCHMARK.get(key);
        if (m != null) {
            return new Spec(m.name(), m.intrinsicDim(), m.ambientDim(), m.ambientDim(), m.description(), m.generator());
        }
        if (key.equals(SWISS_ROLL)) {
            return new Spec(SWISS_ROLL, 2, 3, 3, "Swiss roll (t cos t, h, t sin t), uniform in area", Datasets::swissRoll);
        }
        if (key.equals(ROTATING_PAIR)) {
            return new Spec(ROTATING_PAIR, 3, 4, 4, "two points of R^2 turning together (so2 quotient: ID 2)", Datasets::rotatingPair);
        }
        String[] parts = key.split(":", -1);
        String family = parts[0];
        switch (family) {
            case "sphere" -> {
                int d = parameter(name, parts, 1, 1);
                return new Spec("sphere:" + d, d, d + 1, d + 1, "uniform on the unit sphere S^" + d + " in R^" + (d + 1),
                        (s, r, n, o, k) -> s.unitVector(o, k, d + 1));
            }
            case "torus" -> {
                int d = parameter(name, parts, 1, 1);
                return new Spec("torus:" + d, d, 2 * d, 2 * d, "uniform on the flat torus T^" + d + " of volume 1 in R^" + 2 * d,
                        (s, r, n, o, k) -> flatTorus(s, d, o, k));
            }
            case "ball" -> {
                int d = parameter(name, parts, 1, 1);
                return new Spec("ball:" + d, d, d, d, "uniform in the unit ball of R^" + d, (s, r, n, o, k) -> ball(s, d, o, k));
            }
            case "cube" -> {
                int d = parameter(name, parts, 1, 1);
                return new Spec("cube:" + d, d, d, d, "uniform in the cube [0,1]^" + d, (s, r, n, o, k) -> cube(s, d, o, k));
            }
            case "subspace" -> {
                int[] dims = parameters(name, parts, 2);
                int d = dims[0];
                int big = dims[1];
                if (big < d) {
                    throw InvalidInputException.of("dataset '%s': the ambient dimension D = %d is less than d = %d; expected subspace:d:D with 1 <= d <= D",
                            name, big, d);
                }
                return new Spec("subspace:" + d + ":" + big, d, d, big, "uniform [0,1]^" + d + " randomly rotated into R^" + big,
                        (s, r, n, o, k) -> cube(s, d, o, k));
            }
            default -> throw unknown(name);
        }
    }

    private static int parameter(String name, String[] parts, int count, int index) {
        return parameters(name, parts, count)[index - 1];
    }

    private static int[] parameters(String name, String[] parts, int count) {
        String pattern = parts[0] + (count == 1 ? ":d" : ":d:D");
        if (parts.length != count + 1) {
            throw InvalidInputException.of("dataset '%s': expected %s with %s positive integer%s, e.g. %s",
                    name, pattern, count == 1 ? "a" : "two", count == 1 ? "" : "s", exampleOf(parts[0]));
        }
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            try {
                out[i] = Integer.parseInt(parts[i + 1].trim());
            } catch (NumberFormatException e) {
                out[i] = -1;
            }
            if (out[i] < 1 || out[i] > 1_000_000) {
                throw InvalidInputException.of("dataset '%s': '%s' is not a dimension; expected %s with integers between 1 and 1000000, e.g. %s",
                        name, parts[i + 1], pattern, exampleOf(parts[0]));
            }
        }
        return out;
    }

    private static String exampleOf(String family) {
        for (Template t : TEMPLATES) {
            if (t.name().startsWith(family + ":")) {
                return t.example();
            }
        }
        return family;
    }

    private static InvalidInputException unknown(String name) {
        List<String> names = new ArrayList<>();
        for (Template t : TEMPLATES) {
            names.add(t.name());
        }
        return InvalidInputException.of("unknown dataset '%s'; known: %s", name, String.join(", ", names));
    }

    /** {@code (cos 2 pi u_j, sin 2 pi u_j) / (2 pi)} for {@code j = 0..d-1}, {@code u ~ U[0,1)^d}. */
    private static void flatTorus(Sampler s, int d, double[] o, int k) {
        double radius = 1 / (2 * Math.PI);
        for (int j = 0; j < d; j++) {
            double angle = 2 * Math.PI * s.uniform();
            o[k + 2 * j] = radius * StrictMath.cos(angle);
            o[k + 2 * j + 1] = radius * StrictMath.sin(angle);
        }
    }

    /** Uniform direction times radius {@code U^(1/d)}: the radius has density {@code d r^(d-1)} on [0, 1]. */
    private static void ball(Sampler s, int d, double[] o, int k) {
        s.unitVector(o, k, d);
        double r = StrictMath.pow(s.uniform(), 1.0 / d);
        for (int j = 0; j < d; j++) {
            o[k + j] *= r;
        }
    }

    private static void cube(Sampler s, int d, double[] o, int k) {
        for (int j = 0; j < d; j++) {
            o[k + j] = s.uniform();
        }
    }

    private static final double ROLL_T0 = 1.5 * Math.PI;
    private static final double ROLL_T1 = 4.5 * Math.PI;
    private static final double ROLL_MAX_SPEED = Math.sqrt(1 + ROLL_T1 * ROLL_T1);

    /**
     * The curve {@code t -> (t cos t, t sin t)} has speed {@code sqrt(1 + t^2)}: accepting {@code t ~ U[1.5 pi, 4.5 pi]}
     * with probability {@code sqrt(1 + t^2) / sqrt(1 + (4.5 pi)^2)} makes the points uniform in area.
     */
    private static void swissRoll(Sampler s, int row, int n, double[] o, int k) {
        double t;
        do {
            t = ROLL_T0 + (ROLL_T1 - ROLL_T0) * s.uniform();
        } while (s.uniform() * ROLL_MAX_SPEED > StrictMath.sqrt(1 + t * t));
        double h = 21 * s.uniform();
        o[k] = t * StrictMath.cos(t);
        o[k + 1] = h;
        o[k + 2] = t * StrictMath.sin(t);
    }

    /** {@code (cos t, sin t, (1 + r) cos(t + p), (1 + r) sin(t + p))}. */
    private static void rotatingPair(Sampler s, int row, int n, double[] o, int k) {
        double t = 2 * Math.PI * s.uniform();
        double p = 2 * Math.PI * s.uniform();
        double r = 1 + s.uniform();
        o[k] = StrictMath.cos(t);
        o[k + 1] = StrictMath.sin(t);
        o[k + 2] = r * StrictMath.cos(t + p);
        o[k + 3] = r * StrictMath.sin(t + p);
    }
}
