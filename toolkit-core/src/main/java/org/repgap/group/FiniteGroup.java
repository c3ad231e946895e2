package org.repgap.group;

/** A finite group: {@link #order} elements, no continuous part ({@code lieDimension} 0). */
abstract class FiniteGroup extends BaseGroup {

    @Override
    public final boolean isFinite() {
        return true;
    }

    @Override
    public final int lieDimension(int dim) {
        return 0;
    }
}
