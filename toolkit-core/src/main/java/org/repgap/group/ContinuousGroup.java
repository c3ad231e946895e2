package org.repgap.group;

/** A Lie group of positive dimension: infinitely many elements ({@link #order} is -1). */
abstract class ContinuousGroup extends BaseGroup {

    @Override
    public final boolean isFinite() {
        return false;
    }

    @Override
    public final long order(int dim) {
        return -1;
    }
}
