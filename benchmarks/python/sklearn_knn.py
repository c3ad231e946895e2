#!/usr/bin/env python3
"""Baseline for NeighborBench: scikit-learn's exact brute-force k-NN of all points on the same data.

Usage: sklearn_knn.py DATA.npy K REPEATS OUT_INDICES.npy

Fits NearestNeighbors(algorithm='brute') and times kneighbors() with X=None (every point's K nearest
other points, self excluded, as repgap's allKnn), after one warm-up call; also times a plain
float64 matrix product X @ X.T (numpy's BLAS) for the machine's throughput. Prints one JSON line
with wall-clock and process CPU seconds.
"""
import json
import sys
import time

import numpy as np
import sklearn
from sklearn.neighbors import NearestNeighbors


def main():
    path, k, repeats, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    x = np.load(path)
    nn = NearestNeighbors(n_neighbors=k, algorithm="brute").fit(x)
    nn.kneighbors()  # warm-up
    times = []
    cpu = []
    for _ in range(repeats):
        c0 = time.process_time()
        t0 = time.perf_counter()
        _, idx = nn.kneighbors()
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    np.save(out, idx.astype(np.int64))
    x[:2048] @ x.T  # warm-up of BLAS
    gemm = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        x @ x.T
        gemm.append(time.perf_counter() - t0)
    n, d = x.shape
    info = {}
    try:
        from threadpoolctl import threadpool_info
        info = [{"api": p.get("internal_api"), "threads": p.get("num_threads"), "version": p.get("version")}
                for p in threadpool_info()]
    except ImportError:
        pass
    print(json.dumps({
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "blas": info,
        "knn_seconds": times,
        "knn_median": float(np.median(times)),
        "knn_cpu_median": float(np.median(cpu)),
        "dgemm_seconds_median": float(np.median(gemm)),
        "dgemm_gflops": 2.0 * n * n * d / float(np.median(gemm)) / 1e9,
    }))


if __name__ == "__main__":
    main()
