#!/usr/bin/python3
"""scipy baselines for the repgap `fit` benchmark (run by org.repgap.bench.fit.FitBenchmark).

chinchilla: Besiroglu et al. 2024 (arXiv:2404.10102) procedure on the digitised Chinchilla runs:
  drop the 5 highest losses; Huber (delta 1e-3) on log L of LSE(a - alpha log N, b - beta log D, e),
  summed; scipy.optimize.minimize(method='L-BFGS-B') from the 4,500-start grid (gradient by finite
  differences, as in Epoch AI's code); keep the best final objective.
broken: 1,000 bootstrap refits of the 1-break broken power law (Caballero et al. 2022) on 40 points
  with scipy.optimize.least_squares (analytic Jacobian, default 'trf'), residuals log y - log f, in
  the same coordinates as repgap (a, log b, c0, c1, log d1, log f1), from the same start, on the
  same resamples (index file written by the Java harness).

Prints one JSON object on stdout: wall-clock seconds and process CPU seconds per repeat. Run it
with OMP_NUM_THREADS=1 (the harness does) so that numpy stays on one thread.
"""
import argparse
import json
import time

import numpy as np
from scipy.optimize import least_squares, minimize
from scipy.special import expit, huber, logsumexp


def chinchilla(csv_path, repeats):
    import csv
    with open(csv_path, newline="") as f:
        rows = list(csv.DictReader(f))
    N = np.array([float(r["Model Size"]) for r in rows])
    C = np.array([float(r["Training FLOP"]) for r in rows])
    L = np.array([float(r["loss"]) for r in rows])
    D = C / (6 * N)
    keep = np.argsort(L)[:-5]
    N, D, L = N[keep], D[keep], L[keep]
    logN, logD, logL = np.log(N), np.log(D), np.log(L)

    def objective(p):
        a, b, e, alpha, beta = p
        pred = logsumexp([a - alpha * logN, b - beta * logD, e * np.ones_like(logN)], axis=0)
        return np.sum(huber(1e-3, logL - pred))

    grid = [(a, b, e, al, be)
            for al in np.arange(0, 2.5, 0.5) for be in np.arange(0, 2.5, 0.5)
            for e in np.arange(-1, 1.5, 0.5) for a in np.arange(0, 30, 5) for b in np.arange(0, 30, 5)]
    times = []
    cpu = []
    best = None
    for _ in range(repeats):
        t0 = time.perf_counter()
        c0 = time.process_time()
        best = None
        for g in grid:
            r = minimize(objective, np.array(g, dtype=float), method="L-BFGS-B")
            if best is None or r.fun < best.fun:
                best = r
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    a, b, e, alpha, beta = best.x
    return {"seconds": times, "cpu_seconds": cpu, "starts": len(grid), "objective": float(best.fun),
            "params": {"E": float(np.exp(e)), "A": float(np.exp(a)), "B": float(np.exp(b)),
                       "alpha": float(alpha), "beta": float(beta)}}


def broken(data_path, index_path, start_path, repeats):
    xy = np.loadtxt(data_path, delimiter=",", skiprows=1)
    x, y = xy[:, 0], xy[:, 1]
    idx = np.loadtxt(index_path, delimiter=",", dtype=int)
    u0 = np.loadtxt(start_path, delimiter=",")

    def model(u, lx):
        a, lb, c0, c1, ld, lf = u
        b, f = np.exp(lb), np.exp(lf)
        s = (lx - ld) / f
        sp = np.logaddexp(0, s)
        sig = expit(s)
        g = np.exp(-c0 * lx - c1 * f * sp)
        fx = a + b * g
        bg = b * g
        J = np.empty((lx.size, 6))
        J[:, 0] = 1
        J[:, 1] = bg                      # d f / d log b
        J[:, 2] = -bg * lx
        J[:, 3] = -bg * f * sp
        J[:, 4] = bg * c1 * sig           # d f / d log d
        J[:, 5] = bg * (-c1 * sp + c1 * sig * s) * f   # d f / d log f
        return fx, J

    def fit(xs, ys):
        lx, ly = np.log(xs), np.log(ys)

        def res(u):
            fx, _ = model(u, lx)
            with np.errstate(invalid="ignore", divide="ignore"):
                return np.where(fx > 0, ly - np.log(np.abs(fx)), 1e3)

        def jac(u):
            fx, J = model(u, lx)
            return -J / fx[:, None]

        return least_squares(res, u0, jac=jac, method="trf")

    times = []
    cpu = []
    params = None
    for _ in range(repeats):
        t0 = time.perf_counter()
        c0 = time.process_time()
        params = []
        for row in idx:
            r = fit(x[row], y[row])
            params.append(r.x.tolist())
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return {"seconds": times, "cpu_seconds": cpu, "refits": int(idx.shape[0]), "params": params}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("task", choices=["chinchilla", "broken"])
    ap.add_argument("--csv")
    ap.add_argument("--data")
    ap.add_argument("--indices")
    ap.add_argument("--start")
    ap.add_argument("--repeats", type=int, default=1)
    a = ap.parse_args()
    out = chinchilla(a.csv, a.repeats) if a.task == "chinchilla" else broken(a.data, a.indices, a.start, a.repeats)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
