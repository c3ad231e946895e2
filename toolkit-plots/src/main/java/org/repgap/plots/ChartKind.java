package org.repgap.plots;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.repgap.InvalidInputException;

/** The chart kinds, by the name {@code repgap plot --kind} uses. */
public enum ChartKind {
    LEARNING_CURVE("learning-curve", "RG_n against n on log-log axes: points with seed spread, predicted law, fitted laws with bands, implied d"),
    ID_COMPARISON("id", "one row per ID estimator: point and interval per group, true ID as a reference line"),
    TWONN("twonn", "TwoNN diagnostic: -log(1 - F) against log mu with the fitted line of slope d"),
    SCALE("scale", "ID against neighbour rank or n (GRIDE scale analysis), with intervals"),
    LOCAL_ID("local-id", "histogram of pointwise (local) IDs with the global estimate"),
    QUANTIZATION("quantization", "quantization error e_k against k on log-log axes with the fit, d = -2/slope"),
    TRAINING("training", "loss curves against the step"),
    SIGMA_GAP("sigma-gap", "generalization gap GG(sigma) against sigma, with the ideal gap"),
    EQUIVARIANCE("equivariance", "equivariance error against the step"),
    CONSTRAINTS("constraints", "gamma_l and dual-variable trajectories of constrained training");

    private final String cliName;
    private final String description;

    ChartKind(String cliName, String description) {
        this.cliName = cliName;
        this.description = description;
    }

    /** The name on the command line. */
    public String cliName() {
        return cliName;
    }

    /** One line on what the chart shows. */
    public String description() {
        return description;
    }

    /** The kind called {@code name} on the command line (any case). */
    public static ChartKind parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (ChartKind k : values()) {
            if (k.cliName.equals(n)) {
                return k;
            }
        }
        throw InvalidInputException.of("kind: unknown value '%s'; expected one of %s", name,
                Arrays.stream(values()).map(ChartKind::cliName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
