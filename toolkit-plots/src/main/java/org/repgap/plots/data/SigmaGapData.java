package org.repgap.plots.data;

import java.util.List;
import java.util.Objects;
import org.repgap.plots.ChartKind;

/**
 * The generalization gap {@code GG(sigma)} (test minus train denoising loss) against the noise level
 * {@code sigma}, per run, with the gap of the ideal (memorising) denoiser when known.
 */
public record SigmaGapData(List<Run> runs) implements ChartData {

    /** One run: gap per sigma and the ideal gap (null or NaN entries for none). */
    public record Run(String runId, double[] sigma, double[] gap, double[] idealGap) {
        public Run {
            Objects.requireNonNull(runId, "runId");
            sigma = sigma.clone();
            gap = gap.clone();
            Checks.sameLength("sigma-gap run '" + runId + "'", sigma, gap);
            if (idealGap != null) {
                idealGap = idealGap.clone();
                Checks.sameLength("sigma-gap run '" + runId + "' ideal gap", sigma, idealGap);
            }
        }

        @Override
        public double[] sigma() {
            return sigma.clone();
        }

        @Override
        public double[] gap() {
            return gap.clone();
        }

        @Override
        public double[] idealGap() {
            return Checks.copy(idealGap);
        }
    }

    public SigmaGapData {
        runs = List.copyOf(runs);
    }

    @Override
    public ChartKind kind() {
        return ChartKind.SIGMA_GAP;
    }
}
