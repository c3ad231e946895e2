#!/usr/bin/env bash
# End-to-end `repgap id` on 20,000 points of a 10-dimensional subspace of R^100 (the issue's benchmark):
# the whole command (JVM start, reading the .npy, duplicate check, 20-NN search, estimate, JSON output),
# estimators interleaved run by run, medians printed with the speed-up over scikit-dimension's timing
# anchors from shared/reference/skdim/README.md (TwoNN 35.5 s, MLE 5.9 s, same kind of machine).
#
#   benchmarks/scripts/id_end_to_end.sh            # 7 runs of each
#   RUNS=3 ESTIMATORS="mle" benchmarks/scripts/id_end_to_end.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${RUNS:-7}"
estimators="${ESTIMATORS:-twonn mle}"
data="${DATA:-${TMPDIR:-/tmp}/repgap-subspace-10-100-n20000-seed1.npy}"
if [ ! -f "$data" ]; then
  "$root/repgap" datasets --name subspace:10:100 --n 20000 --seed 1 --output "$data" >&2
fi
"$root/repgap" --version >/dev/null # builds the jar when stale, so that no run below includes a build
"$root/repgap" id --input "$data" --estimator twonn --format json >/dev/null 2>&1 # first run after a build
declare -A times cpus
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
for r in $(seq 1 "$runs"); do
  for e in $estimators; do
    # wall-clock seconds and process CPU seconds (user + system, all threads) of the whole command
    /usr/bin/time -o "$tmp" -f "%e %U %S" "$root/repgap" id --input "$data" --estimator "$e" --format json >/dev/null 2>&1
    read -r wall user sys < "$tmp"
    times[$e]+="$wall "
    cpus[$e]+="$(echo "$user + $sys" | bc -l) "
  done
done
echo "load average at end:   $(cut -d' ' -f1-3 /proc/loadavg)"
for e in $estimators; do
  case "$e" in twonn) anchor=35.5 ;; mle) anchor=5.9 ;; *) anchor="" ;; esac
  python3 - "$e" "$anchor" "${times[$e]}" "${cpus[$e]}" <<'PY'
import statistics, sys
name, anchor = sys.argv[1], sys.argv[2]
ts = [float(t) for t in sys.argv[3].split()]
cs = [float(t) for t in sys.argv[4].split()]
med = statistics.median(ts)
line = f"{name:6s} wall: {' '.join(f'{t:.2f}' for t in ts)} s; median {med:.2f} s (CPU median {statistics.median(cs):.2f} s)"
if anchor:
    line += f"; scikit-dimension anchor {float(anchor):.1f} s: speed-up {float(anchor) / med:.1f}x"
print(line)
PY
done
