/**
 * Seeded generators of point clouds of known intrinsic dimension: scikit-dimension's 24 benchmark
 * manifolds, spheres, flat tori, balls, cubes, a Swiss roll uniform in area and rotated
 * subspaces, with optional noise and random embedding in a larger space. Entry point:
 * {@link org.repgap.datasets.Datasets}; see also {@code docs/DATA.md}.
 */
package org.repgap.datasets;
