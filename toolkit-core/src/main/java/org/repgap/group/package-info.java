/**
 * Symmetry groups acting on flat vectors by isometries, their orbit distances
 * {@code d_G(x, y) = min_g |x - g y|}, random elements, quadrature grids and canonical poses
 * (THEORY.md sections 1, 2 and 7).
 *
 * <p>Entry points: {@link org.repgap.group.Groups#parse(String)} (specs such as {@code so2},
 * {@code perm:8}, {@code translation:2xso2}), then on a {@link org.repgap.group.SymmetryGroup}:
 * {@code orbitMetric(dim)} (an {@link org.repgap.group.OrbitMetric}: a
 * {@link org.repgap.neighbors.Metric} with {@code align(x, y)} and a lower-bound embedding),
 * {@code random(dim, rng)}, {@code elements(dim, resolution)}, {@code canonicalPose(x)}.
 *
 * <table>
 * <caption>Groups and their orbit distances</caption>
 * <tr><th>spec</th><th>acts on</th><th>d_G</th><th>lower-bound embedding</th><th>canonical pose</th><th>elements()</th></tr>
 * <tr><td>none</td><td>R^D</td><td>Euclidean</td><td>none (Euclidean kernels)</td><td>identity</td><td>{identity}</td></tr>
 * <tr><td>sign</td><td>x -&gt; -x</td><td>min(|x-y|, |x+y|)</td><td>(|x_i|)</td><td>first non-zero coordinate positive</td><td>2</td></tr>
 * <tr><td>signs</td><td>{+-1}^D</td><td>|(|x_i| - |y_i|)|</td><td>(|x_i|), isometric</td><td>all coordinates non-negative</td><td>2^D, D &lt;= 16</td></tr>
 * <tr><td>cyclic, dihedral</td><td>shifts (and reversals) of the D coordinates</td><td>correlation: direct O(D^2) for D &lt;= 64, FFT beyond</td><td>|DFT| / sqrt(D), half spectrum</td><td>argmax to index 0 (then lexicographically larger reversal)</td><td>D (2D)</td></tr>
 * <tr><td>perm:m</td><td>m points of R^(D/m)</td><td>Hungarian assignment, O(m^3)</td><td>each coordinate's values sorted</td><td>points sorted lexicographically</td><td>m!, m &lt;= 8</td></tr>
 * <tr><td>translation:k</td><td>D/k points of R^k</td><td>centre both</td><td>the centred vector, isometric</td><td>centring</td><td>unsupported (not compact)</td></tr>
 * <tr><td>so2</td><td>D/2 points of R^2</td><td>2-D Procrustes, one pass</td><td>point norms</td><td>reference vector on +x</td><td>equally spaced angles</td></tr>
 * <tr><td>so3</td><td>D/3 points of R^3</td><td>Kabsch with reflection fix (one-pass singular values, SVD fallback)</td><td>point norms</td><td>principal axes, third-moment signs</td><td>super-Fibonacci spiral</td></tr>
 * <tr><td>products (x)</td><td>sign with any but signs; translation:k with perm, so2 (k=2), so3 (k=3); perm with so2, so3</td><td>centre, enumerate sign and perm:m (m &lt;= 4), then closed form; perm:m (m &gt;= 5) with a rotation: alternating minimisation, {@code isExact() == false}</td><td>see {@link org.repgap.group.ProductGroup}</td><td>factor by factor</td><td>products of the factors' lists</td></tr>
 * </table>
 *
 * <p>Every closed form is checked in the tests against a brute-force minimum over all elements
 * (finite groups), 10^4 angles refined by golden section (so2), or 4000 rotations refined by
 * coordinate descent (so3).
 */
package org.repgap.group;
