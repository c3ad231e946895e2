package org.repgap.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** A group spec with a dimension it acts on: the parameter of the property tests. */
record GroupCase(String spec, int dim) {

    /** Every group kind, the FFT paths of cyclic (radix-2 and Bluestein), and the product reductions. */
    static List<GroupCase> all() {
        return List.of(
                new GroupCase("none", 6),
                new GroupCase("sign", 7),
                new GroupCase("signs", 6),
                new GroupCase("cyclic", 12),
                new GroupCase("cyclic", 100),
                new GroupCase("cyclic", 128),
                new GroupCase("dihedral", 11),
                new GroupCase("dihedral", 90),
                new GroupCase("perm:4", 8),
                new GroupCase("perm:6", 6),
                new GroupCase("translation:2", 10),
                new GroupCase("so2", 8),
                new GroupCase("so3", 12),
                new GroupCase("translation:2xso2", 10),
                new GroupCase("so3xtranslation:3", 12),
                new GroupCase("signxcyclic", 10),
                new GroupCase("signxperm:4", 8),
                new GroupCase("perm:3xso2", 6),
                new GroupCase("translation:2xperm:4", 8),
                new GroupCase("signxso3", 9),
                new GroupCase("translation:2xperm:3xso2", 12),
                new GroupCase("perm:5xso2", 10));
    }

    SymmetryGroup group() {
        return Groups.parse(spec);
    }

    @Override
    public String toString() {
        return spec + " on R^" + dim;
    }

    double[] gaussian(SplittableRandom rng) {
        double[] x = new double[dim];
        for (int i = 0; i < dim; i++) {
            x[i] = Gaussian.next(rng);
        }
        return x;
    }

    /** The factor specs that are not translations, and the translation's point dimension (0 if none). */
    int translationDim() {
        for (String f : spec.toLowerCase(Locale.ROOT).split("x")) {
            if (f.startsWith("translation:")) {
                return Integer.parseInt(f.substring("translation:".length()));
            }
        }
        return 0;
    }

    SymmetryGroup compactPart() {
        List<SymmetryGroup> fs = new ArrayList<>();
        for (String f : spec.toLowerCase(Locale.ROOT).split("x")) {
            if (!f.startsWith("translation:")) {
                fs.add(Groups.parse(f));
            }
        }
        return Groups.product(fs.toArray(new SymmetryGroup[0]));
    }
}
