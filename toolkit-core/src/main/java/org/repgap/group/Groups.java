package org.repgap.group;

import java.util.List;
import java.util.SplittableRandom;
import org.repgap.InvalidInputException;
import org.repgap.neighbors.Metric;

/** Factory of symmetry groups from their spec strings. */
public final class Groups {
    private Groups() {
    }

    /** The trivial group. */
    public static SymmetryGroup none() {
        return Trivial.INSTANCE;
    }

    /**
     * Parses a spec: {@code none} (more to come).
     *
     * @throws InvalidInputException for an unknown spec, listing the known ones
     */
    public static SymmetryGroup parse(String spec) {
        String s = spec.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("none")) {
            return Trivial.INSTANCE;
        }
        throw InvalidInputException.of("--group %s: unknown group (known: none)", spec);
    }

    private enum Trivial implements SymmetryGroup, GroupElement {
        INSTANCE;

        @Override
        public String spec() {
            return "none";
        }

        @Override
        public void checkDimension(int dim) {
        }

        @Override
        public boolean isFinite() {
            return true;
        }

        @Override
        public int lieDimension(int dim) {
            return 0;
        }

        @Override
        public long order(int dim) {
            return 1;
        }

        @Override
        public List<GroupElement> elements(int dim, int resolution) {
            return List.of(this);
        }

        @Override
        public GroupElement random(int dim, SplittableRandom rng) {
            return this;
        }

        @Override
        public GroupElement canonicalPose(double[] x) {
            return this;
        }

        @Override
        public Metric orbitMetric(int dim) {
            return Metric.euclidean();
        }

        @Override
        public double[] apply(double[] x) {
            return x.clone();
        }

        @Override
        public GroupElement inverse() {
            return this;
        }
    }
}
