package org.repgap.plots.render;

import java.awt.BasicStroke;

/**
 * Line dash patterns, matplotlib's ({@code '-'}, {@code '--'}, {@code ':'}, {@code '-.'}) with their
 * lengths in units of the line width, so that a pattern keeps its look when lines thicken.
 */
public enum Dash {
    SOLID(null),
    DASHED(new float[] {3.7f, 1.6f}),
    DOTTED(new float[] {1f, 1.65f}),
    DASH_DOT(new float[] {6.4f, 1.6f, 1f, 1.6f}),
    LONG_DASH(new float[] {8f, 2.5f});

    private final float[] pattern;

    Dash(float[] pattern) {
        this.pattern = pattern;
    }

    /** A stroke of {@code width} points with this pattern scaled by the width. */
    public BasicStroke stroke(float width) {
        if (pattern == null) {
            return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
        }
        float[] scaled = new float[pattern.length];
        float unit = Math.max(width, 0.8f);
        for (int i = 0; i < pattern.length; i++) {
            scaled[i] = pattern[i] * unit;
        }
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, scaled, 0f);
    }
}
