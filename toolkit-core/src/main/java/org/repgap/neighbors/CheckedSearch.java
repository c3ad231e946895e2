package org.repgap.neighbors;

import org.repgap.data.PointCloud;

/**
 * A search that answers both questions of {@link NeighborSearch} with one routine: the argument checks
 * ({@link NeighborSearch#checkK}, {@link SearchSupport#checkQuery}) happen here, once for every implementation.
 */
abstract class CheckedSearch implements NeighborSearch {

    @Override
    public NeighborGraph allKnn(PointCloud x, int k) {
        NeighborSearch.checkK(k, x.n(), x.source());
        return knn(x, x, k, true);
    }

    @Override
    public NeighborGraph query(PointCloud data, PointCloud queries, int k) {
        SearchSupport.checkQuery(data, queries, k);
        return knn(data, queries, k, false);
    }

    /**
     * The {@code k} nearest rows of {@code data} for every row of {@code queries}, arguments already checked;
     * with {@code excludeSelf} the queries are the data and each row's own index is left out.
     */
    abstract NeighborGraph knn(PointCloud data, PointCloud queries, int k, boolean excludeSelf);
}
