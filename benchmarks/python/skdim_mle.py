"""scikit-dimension's default MLE on a .npy file, as one process: what `skdim.id.MLE().fit(X).dimension_`
costs, for repgap's side-by-side benchmark (benchmarks/scripts/id_end_to_end.sh).

When scikit-dimension is importable, it is called. Otherwise (it is not on PyPI's mirror here and not in
Debian) the script does the same work step for step, as scikit-dimension 0.3.4's `MLE.fit` does it with its
defaults (n_neighbors=20, comb='mle'; see shared/reference/skdim/ESTIMATORS.md):

1. input validation with scikit-learn's `check_array` (at least 21 samples and 2 features, all finite);
2. `NearestNeighbors(n_neighbors=20, n_jobs=1).fit(X).kneighbors()`: the 20 nearest neighbours of every
   point, the point itself excluded (scikit-learn picks its brute-force search for 100 coordinates);
3. one Levina-Bickel estimate per point, in a Python loop over the rows with numpy on each row,
   m_i = (k - 1) / sum_j log(r_k / r_j) (scikit-dimension's `_maxLikDimEstFromR_haro_approx` without noise);
4. the MacKay-Ghahramani combination d = 1 / mean_i(1 / m_i).

Real scikit-dimension also imports its whole package at start-up (numba, matplotlib, ...), which the
replica does not: the replica's process time is at most scikit-dimension's.

usage: /usr/bin/python3 skdim_mle.py FILE.npy [--replica]
prints the dimension; on stderr: implementation=skdim|replica fit_seconds=... knn_seconds=...
"""
import sys
import time

import numpy as np

path = sys.argv[1]
replica = "--replica" in sys.argv[2:]
skdim = None
if not replica:
    try:
        import skdim
    except ImportError:
        skdim = None

x = np.load(path)
if skdim is not None:
    t0 = time.perf_counter()
    dimension = skdim.id.MLE().fit(x).dimension_
    fit = time.perf_counter() - t0
    print(f"implementation=skdim fit_seconds={fit:.3f}", file=sys.stderr)
else:
    from sklearn.neighbors import NearestNeighbors
    from sklearn.utils.validation import check_array

    k = 20

    class Settings:
        # MLE's constructor defaults; scikit-dimension checks them again for every point
        integral_approximation = "Haro"
        dnoise = None
        sigma = 0
        unbiased = False

        def fit_point(self, r):
            if self.integral_approximation not in ("Haro", "guaranteed.convergence", "iteration"):
                raise ValueError(self.integral_approximation)
            if self.integral_approximation != "Haro" and self.dnoise is not None:
                raise NotImplementedError("noise models")
            return self.haro(r)

        def haro(self, r):
            # one row of neighbour distances r_1 <= ... <= r_k, without a noise model
            kfac = len(r) - 2 if self.unbiased else len(r) - 1
            rk = np.max(r)
            return kfac / np.sum(np.log(rk / r))

    settings = Settings()

    t0 = time.perf_counter()
    data = check_array(x, ensure_min_samples=k + 1, ensure_min_features=2)
    dists, _ = NearestNeighbors(n_neighbors=k, n_jobs=1).fit(data).kneighbors(return_distance=True)
    knn = time.perf_counter() - t0
    local = np.repeat(np.nan, len(dists))
    for i in range(len(dists)):
        local[i] = settings.fit_point(dists[i, :])
    dimension = 1 / np.mean(1 / local)
    fit = time.perf_counter() - t0
    print(f"implementation=replica fit_seconds={fit:.3f} knn_seconds={knn:.3f}", file=sys.stderr)
print(repr(float(dimension)))
