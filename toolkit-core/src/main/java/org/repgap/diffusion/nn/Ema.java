package org.repgap.diffusion.nn;

import java.util.List;

/**
 * Exponential moving average of parameters, {@code e = d_t e + (1 - d_t) p} after step {@code t}, with the
 * usual ramp {@code d_t = min(decay, (1 + t) / (10 + t))} (TensorFlow's {@code ExponentialMovingAverage}
 * with {@code num_updates}) so that short runs are not dominated by the initial weights. With
 * {@code decay = 0} it is a copy of the last weights.
 */
public final class Ema {
    private final double decay;
    private final List<Parameter> params;
    private final float[][] average;
    private long t;

    private Ema(double decay, List<Parameter> params) {
        this.decay = decay;
        this.params = List.copyOf(params);
        this.average = new float[params.size()][];
        for (int i = 0; i < params.size(); i++) {
            average[i] = params.get(i).value().clone();
        }
    }

    /** Starts the average at the current values. */
    public static Ema of(double decay, List<Parameter> params) {
        if (!(decay >= 0 && decay < 1)) {
            throw new IllegalArgumentException("EMA decay " + decay + " must be in [0, 1)");
        }
        return new Ema(decay, params);
    }

    /** Folds the current parameter values into the average. */
    public void update() {
        t++;
        float d = (float) Math.min(decay, (1.0 + t) / (10.0 + t));
        float a = 1f - d;
        for (int p = 0; p < params.size(); p++) {
            float[] w = params.get(p).value();
            float[] e = average[p];
            for (int i = 0; i < w.length; i++) {
                e[i] = d * e[i] + a * w[i];
            }
        }
    }

    /** Copies of the averaged values, in parameter order. */
    public float[][] values() {
        float[][] out = new float[average.length][];
        for (int i = 0; i < average.length; i++) {
            out[i] = average[i].clone();
        }
        return out;
    }
}
