/**
 * Point clouds and their files: {@link org.repgap.data.PointCloud} (immutable, row-major
 * {@code double[]}) and {@link org.repgap.data.PointClouds} (reading CSV/TSV, NumPy {@code .npy}
 * and {@code .npz}; writing CSV and {@code .npy}; exact duplicate counting). The formats and error
 * messages are described in {@code docs/DATA.md}.
 */
package org.repgap.data;
