package org.repgap.id;

/**
 * What {@link IdContext} does with exact duplicate rows (points equal in every coordinate) before
 * any estimator sees the data.
 *
 * <p>Duplicates put neighbours at distance 0, which breaks every estimator built on distance
 * ratios: scikit-dimension's MLE returns 0, its TwoNN is biased low, DADApy's GRIDE at rank 1
 * collapses (reference {@code ESTIMATORS.md} section 4). On data without duplicates the three
 * policies give identical results.
 */
public enum DuplicatePolicy {
    /** Keep the first occurrence of each distinct row, drop the later copies (default). */
    DEDUPLICATE,
    /**
     * Keep every row. Estimators then skip the points whose needed neighbour distances are 0 and
     * report how many they skipped ({@link IdResult#excluded()}).
     */
    KEEP,
    /** Refuse data with duplicates, naming the first duplicated pair of rows. */
    ERROR;

    /** Parses {@code deduplicate}, {@code keep} or {@code error} (any case). */
    public static DuplicatePolicy parse(String s) {
        for (DuplicatePolicy p : values()) {
            if (p.name().equalsIgnoreCase(s == null ? "" : s.trim())) {
                return p;
            }
        }
        throw org.repgap.InvalidInputException.of("duplicate policy '%s': expected one of deduplicate, keep, error", s);
    }
}
