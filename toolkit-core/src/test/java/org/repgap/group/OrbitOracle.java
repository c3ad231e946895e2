package org.repgap.group;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Brute-force orbit distance, the oracle of the closed forms: the minimum of {@code |x - c f y - t|}
 * over every element {@code f} of the finite factors, a grid of the rotation factor ({@code so2}:
 * 10^4 equally spaced angles, 2000 when the finite part has more than 24 elements, the best three
 * refined by golden-section search within one grid step; {@code so3}: 3000 super-Fibonacci and 1000 random rotations, the best
 * five refined by coordinate descent over small rotations about the three axes), and the optimal
 * translation {@code t = mean(x) - mean(c f y)} for fixed rotation (ordinary least squares in {@code t}).
 * It shares no code path with the groups' alignments beyond {@code elements()} and {@code apply()}.
 */
final class OrbitOracle {
    static final int SO2_GRID = 10_000;

    private OrbitOracle() {
    }

    static double distance(GroupCase c, double[] x, double[] y, SplittableRandom rng) {
        int dim = c.dim();
        int k = 0;
        List<GroupElement> finite = new ArrayList<>(List.of(Elements.Identity.INSTANCE));
        SymmetryGroup rotation = null;
        for (String f : c.spec().toLowerCase(Locale.ROOT).split("x")) {
            SymmetryGroup g = Groups.parse(f);
            if (f.startsWith("translation:")) {
                k = Integer.parseInt(f.substring("translation:".length()));
            } else if (g.isFinite()) {
                List<GroupElement> next = new ArrayList<>();
                for (GroupElement a : finite) {
                    for (GroupElement b : g.elements(dim, 0)) {
                        next.add(a.compose(b));
                    }
                }
                finite = next;
            } else {
                rotation = g;
            }
        }
        final int kk = k;
        List<GroupElement> candidates = new ArrayList<>();
        if (rotation == null) {
            candidates.add(Elements.Identity.INSTANCE);
        } else if (rotation.spec().equals("so2")) {
            candidates.addAll(rotation.elements(dim, finite.size() > 24 ? 2000 : SO2_GRID));
        } else {
            candidates.addAll(rotation.elements(dim, 3000));
            for (int i = 0; i < 1000; i++) {
                candidates.add(rotation.random(dim, rng));
            }
        }
        double best = Double.POSITIVE_INFINITY;
        for (GroupElement f : finite) {
            double[] fy = f.apply(y);
            if (rotation != null && rotation.spec().equals("so3")) {
                List<GroupElement> sorted = new ArrayList<>(candidates);
                sorted.sort(Comparator.comparingDouble(r -> value(x, r.apply(fy), kk)));
                for (GroupElement r : sorted.subList(0, 5)) {
                    best = Math.min(best, refineSo3(x, fy, r, kk));
                }
            } else if (rotation != null) {
                double step = 2 * Math.PI / candidates.size();
                List<Integer> idx = new ArrayList<>();
                for (int i = 0; i < candidates.size(); i++) {
                    idx.add(i);
                }
                double[] v = new double[candidates.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = value(x, candidates.get(i).apply(fy), kk);
                }
                idx.sort(Comparator.comparingDouble(i -> v[i]));
                for (int i : idx.subList(0, 3)) {
                    best = Math.min(best, goldenSo2(x, fy, step * (i - 1), step * (i + 1), kk));
                }
            } else {
                best = Math.min(best, value(x, fy, kk));
            }
        }
        return best;
    }

    /** {@code |x - z - t|} minimised over the translation {@code t} of {@code R^k} ({@code k = 0}: none). */
    static double value(double[] x, double[] z, int k) {
        double[] t = new double[Math.max(k, 1)];
        if (k > 0) {
            for (int i = 0; i < x.length; i++) {
                t[i % k] += (x[i] - z[i]) / (x.length / k);
            }
        }
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - z[i] - (k > 0 ? t[i % k] : 0);
            s += d * d;
        }
        return Math.sqrt(s);
    }

    private static double goldenSo2(double[] x, double[] y, double lo, double hi, int k) {
        double r = (Math.sqrt(5) - 1) / 2;
        double a = lo;
        double b = hi;
        for (int it = 0; it < 80; it++) {
            double c = b - r * (b - a);
            double d = a + r * (b - a);
            if (value(x, Elements.Rotation2.ofAngle(c).apply(y), k) < value(x, Elements.Rotation2.ofAngle(d).apply(y), k)) {
                b = d;
            } else {
                a = c;
            }
        }
        return value(x, Elements.Rotation2.ofAngle((a + b) / 2).apply(y), k);
    }

    private static double refineSo3(double[] x, double[] y, GroupElement start, int k) {
        GroupElement r = start;
        double v = value(x, r.apply(y), k);
        for (double step = 0.05; step > 1e-9;) {
            boolean improved = false;
            for (int axis = 0; axis < 3; axis++) {
                for (int sgn = -1; sgn <= 1; sgn += 2) {
                    double h = Math.sin(sgn * step / 2);
                    GroupElement d = So3Group.fromQuaternion(Math.cos(step / 2), axis == 0 ? h : 0, axis == 1 ? h : 0, axis == 2 ? h : 0);
                    GroupElement cand = d.compose(r);
                    double cv = value(x, cand.apply(y), k);
                    if (cv < v) {
                        v = cv;
                        r = cand;
                        improved = true;
                    }
                }
            }
            if (!improved) {
                step /= 2;
            }
        }
        return v;
    }
}
