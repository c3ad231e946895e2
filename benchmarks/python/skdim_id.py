"""scikit-dimension's default MLE or TwoNN on a .npy file, as one process: what
`skdim.id.MLE().fit(X).dimension_` (or `skdim.id.TwoNN()`) costs, for repgap's side-by-side benchmark
(benchmarks/scripts/id_end_to_end.sh, org.repgap.bench.id.IdInProcess).

When scikit-dimension is importable, it is called. Otherwise (it is not on PyPI's mirror here and not in
Debian) the script does the same work step for step, as scikit-dimension 0.3.4's `fit` does it with its
defaults (see shared/reference/skdim/ESTIMATORS.md):

MLE (n_neighbors=20, comb='mle'):
1. input validation with scikit-learn's `check_array` (at least 21 samples and 2 features, all finite);
2. `NearestNeighbors(n_neighbors=20, n_jobs=1).fit(X).kneighbors()`: the 20 nearest neighbours of every
   point, the point itself excluded (scikit-learn picks its brute-force search for 100 coordinates);
3. one Levina-Bickel estimate per point, in a Python loop over the rows with numpy on each row and
   scikit-dimension's per-point parameter checks, m_i = (k - 1) / sum_j log(r_k / r_j);
4. the MacKay-Ghahramani combination d = 1 / mean_i(1 / m_i).

TwoNN (discard_fraction=0.1):
1. `check_array` (at least 2 samples and 2 features);
2. above 25 coordinates, scikit-learn's `pairwise_distances_chunked(X)`, each chunk of rows sorted in full,
   mu_i = r_2 / r_1 from columns 2 and 1 (column 0 is the point itself; below 26 coordinates
   scikit-dimension searches 2 neighbours instead);
3. the m = int(0.9 N) smallest mu, F_i = i / N for i = 1..m (ESTIMATORS.md), and scikit-learn's
   `LinearRegression(fit_intercept=False)` of -log(1 - F) on log(mu): d is the slope.

Real scikit-dimension also imports its whole package at start-up (numba, matplotlib, ...), which the
replica does not: the replica's process time is at most scikit-dimension's.

usage: /usr/bin/python3 skdim_id.py FILE.npy [--estimator mle|twonn] [--replica]
prints the dimension; on stderr: implementation=skdim|replica fit_seconds=... [knn_seconds=...]
"""
import sys
import time

import numpy as np

path = sys.argv[1]
args = sys.argv[2:]
estimator = args[args.index("--estimator") + 1] if "--estimator" in args else "mle"
if estimator not in ("mle", "twonn"):
    sys.exit(f"skdim_id.py: --estimator {estimator}: expected mle or twonn")
skdim = None
if "--replica" not in args:
    try:
        import skdim
    except ImportError:
        skdim = None

x = np.load(path)
extra = ""
if skdim is not None:
    t0 = time.perf_counter()
    model = skdim.id.MLE() if estimator == "mle" else skdim.id.TwoNN()
    dimension = model.fit(x).dimension_
    fit = time.perf_counter() - t0
    implementation = "skdim"
elif estimator == "mle":
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
    extra = f" knn_seconds={time.perf_counter() - t0:.3f}"
    local = np.repeat(np.nan, len(dists))
    for i in range(len(dists)):
        local[i] = settings.fit_point(dists[i, :])
    dimension = 1 / np.mean(1 / local)
    fit = time.perf_counter() - t0
    implementation = "replica"
else:
    from sklearn.linear_model import LinearRegression
    from sklearn.metrics.pairwise import pairwise_distances_chunked
    from sklearn.neighbors import NearestNeighbors
    from sklearn.utils.validation import check_array

    discard = 0.1
    t0 = time.perf_counter()
    data = check_array(x, ensure_min_samples=2, ensure_min_features=2)
    n = len(data)
    if data.shape[1] > 25:
        ratio = np.zeros(n)
        row = 0
        for chunk in pairwise_distances_chunked(data):
            chunk = np.sort(chunk, axis=1)
            ratio[row:row + len(chunk)] = chunk[:, 2] / chunk[:, 1]
            row += len(chunk)
    else:
        dists, _ = NearestNeighbors(n_neighbors=2, n_jobs=1).fit(data).kneighbors(return_distance=True)
        ratio = dists[:, 1] / dists[:, 0]
    keep = int(n * (1 - discard))
    mu = ratio[np.argsort(ratio)[:keep]]
    femp = np.arange(1, keep + 1) / n
    line = LinearRegression(fit_intercept=False).fit(np.log(mu).reshape(-1, 1), -np.log(1 - femp).reshape(-1, 1))
    dimension = line.coef_[0][0]
    fit = time.perf_counter() - t0
    implementation = "replica"
print(f"implementation={implementation} estimator={estimator} fit_seconds={fit:.3f}{extra}", file=sys.stderr)
print(repr(float(dimension)))
