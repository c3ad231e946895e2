package org.repgap.plots.data;

/** Argument checks shared by the input records. */
final class Checks {
    private Checks() {
    }

    static void sameLength(String what, double[]... arrays) {
        for (double[] a : arrays) {
            if (a.length != arrays[0].length) {
                throw new IllegalArgumentException(what + ": arrays differ in length (" + arrays[0].length + " and " + a.length + ")");
            }
        }
    }

    static double[] copy(double[] a) {
        return a == null ? null : a.clone();
    }
}
