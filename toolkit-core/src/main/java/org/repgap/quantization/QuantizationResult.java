package org.repgap.quantization;

import java.util.List;
import org.repgap.provenance.Provenance;

/**
 * Result of the {@link QuantizationEstimator}.
 *
 * @param dimension   {@code -2 / slope}, {@code null} if the distortion does not fall with {@code k}
 * @param ciLow       lower bound of the bootstrap percentile interval of the dimension (or {@code null})
 * @param ciHigh      upper bound (or {@code null})
 * @param level       confidence level
 * @param slope       fitted slope of {@code log e_k} against {@code log k}
 * @param intercept   fitted intercept
 * @param kMin        smallest {@code k} used (the scale: coarsest)
 * @param kMax        largest {@code k} used (finest)
 * @param distortions one row per {@code k}, for plots
 * @param trainPoints points used to fit codebooks
 * @param testPoints  held-out points the distortion was measured on
 * @param provenance  how to rebuild it
 */
public record QuantizationResult(Double dimension, Double ciLow, Double ciHigh, double level, double slope, double intercept,
                                 int kMin, int kMax, List<QuantizationEstimator.Distortion> distortions, int trainPoints,
                                 int testPoints, Provenance provenance) {
    public QuantizationResult {
        distortions = List.copyOf(distortions);
    }
}
