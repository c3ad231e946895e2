package org.repgap.diffusion;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.repgap.InvalidInputException;

/**
 * How the trainer makes the denoiser respect the task's symmetry group (THEORY.md section 7).
 */
public enum Equivariance {
    /** A plain MLP: any symmetry must be learned from data. */
    NONE,
    /** Canonicalization {@code D^G(y) = g_y^-1 D(g_y y)} with the group's canonical pose: exact almost everywhere. */
    CANONICAL,
    /** Group averaging {@code D^G(y) = (1/|G|) sum_g g^-1 D(g y)}: exact, for small finite groups. */
    AVERAGE,
    /**
     * Equivariant layers ({@link MlpDenoiser.Layers}): the sign-equivariant block for sign/signs, DeepSets layers for
     * perm:m, circular convolutions for cyclic; exact up to float rounding. Other groups are refused.
     */
    LAYERS,
    /** Approximate equivariance by constrained optimisation (Manolache, Chamon, Niepert): see {@link AceDenoiser}. */
    ACE;

    /** The lower-case name used on the command line and in files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a label such as {@code canonical}. */
    public static Equivariance parse(String s) {
        for (Equivariance e : values()) {
            if (e.label().equals(s.trim().toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        throw InvalidInputException.of("--equivariance %s: unknown mechanism (known: %s)", s,
                Arrays.stream(values()).map(Equivariance::label).collect(Collectors.joining(", ")));
    }
}
