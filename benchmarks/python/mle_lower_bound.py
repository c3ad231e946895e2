"""The computation that scikit-dimension's default MLE must do at least, as one process: read the .npy,
20 nearest neighbours of every point with scikit-learn (the NearestNeighbors search scikit-dimension
uses; 'auto' picks brute force for 100 coordinates), then the MacKay-Ghahramani combination of the
Levina-Bickel estimates, d = N (k - 1) / sum_i sum_{j<k} log(r_k(i) / r_j(i)) (shared/reference/skdim/
ESTIMATORS.md, MLE with fit(n_neighbors=20, comb='mle')). scikit-dimension adds its own work on top, so
this process's time is a lower bound of scikit-dimension's, measurable where scikit-dimension cannot be
installed. Written for repgap's benchmarks; prints the dimension, and the search's seconds on stderr.

usage: /usr/bin/python3 mle_lower_bound.py FILE.npy [k]
"""
import sys
import time

import numpy as np
from sklearn.neighbors import NearestNeighbors

path = sys.argv[1]
k = int(sys.argv[2]) if len(sys.argv) > 2 else 20
x = np.load(path)
t0 = time.perf_counter()
dist, _ = NearestNeighbors(n_neighbors=k + 1).fit(x).kneighbors(x)
# the search alone, comparable with the "scikit-learn 21-NN, brute" anchor (2.6 s) in shared/reference/skdim
print(f"knn_seconds={time.perf_counter() - t0:.3f}", file=sys.stderr)
r = dist[:, 1:]  # self excluded (no duplicate points in the benchmark data)
logs = np.log(r[:, -1:] / r[:, :-1])
print(repr(float(x.shape[0] * (k - 1) / logs.sum())))
