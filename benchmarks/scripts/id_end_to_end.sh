#!/usr/bin/env bash
# End-to-end `repgap id` on 20,000 points of a 10-dimensional subspace of R^100 (the issue's benchmark):
# the whole command (JVM start, reading the .npy, duplicate check, neighbour search, estimate, JSON output),
# run by run interleaved with scikit-dimension's default estimator on the same file as one Python process
# (benchmarks/python/skdim_id.py: scikit-dimension itself when importable, else the same steps replicated;
# same dimension printed), when Debian's scikit-learn is installed. Medians, the side-by-side ratios
# (whole process against whole process, and against scikit-dimension's fit alone) and the speed-up over the
# timing anchors of shared/reference/skdim/README.md (TwoNN 35.5 s, MLE 5.9 s) are printed.
#
#   benchmarks/scripts/id_end_to_end.sh                   # 7 runs of each: about 6 minutes (TwoNN's peer
#                                                         # takes about 40 s a run)
#   RUNS=3 ESTIMATORS="mle" benchmarks/scripts/id_end_to_end.sh
#   SIDE_BY_SIDE=0 benchmarks/scripts/id_end_to_end.sh    # repgap only, against the anchors
#   REPGAP_DAEMON=1 benchmarks/scripts/id_end_to_end.sh   # repgap's commands through its resident server
#                                                         # (started, and warmed up, before the runs)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${RUNS:-7}"
estimators="${ESTIMATORS:-twonn mle}"
data="${DATA:-${TMPDIR:-/tmp}/repgap-subspace-10-100-n20000-seed1.npy}"
python=/usr/bin/python3
peer="$root/benchmarks/python/skdim_id.py"
if [ ! -f "$data" ]; then
  "$root/repgap" datasets --name subspace:10:100 --n 20000 --seed 1 --output "$data" >&2
fi
"$root/repgap" --version >/dev/null # builds the jar when stale, so that no run below includes a build
"$root/repgap" id --input "$data" --estimator twonn --format json >/dev/null 2>&1 # first run after a build
if [ "${REPGAP_DAEMON:-0}" = 1 ]; then
  "$root/repgap" daemon start
  echo "repgap commands go through the daemon (REPGAP_DAEMON=1)"
fi
side=0
if [ "${SIDE_BY_SIDE:-1}" = 1 ] && "$python" -c "import sklearn" 2>/dev/null; then
  side=1
fi
declare -A times cpus fits knn
tmp="$(mktemp)"
trap 'rm -f "$tmp" "$tmp.err"' EXIT
if [ "$side" = 1 ]; then
  for e in $estimators; do
    ours="$("$root/repgap" id --input "$data" --estimator "$e" --format json 2>/dev/null | "$python" -c \
      'import json, sys; print(repr(json.load(sys.stdin)["estimates"][0]["dimension"]))')"
    theirs="$("$python" "$peer" "$data" --estimator "$e" 2>"$tmp.err")"
    echo "$e: repgap $ours, scikit-dimension $theirs ($(sed -n 's/ estimator=.*//p' "$tmp.err"))"
  done
fi
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$runs"); do
  for e in $estimators; do
    # wall-clock seconds and process CPU seconds (user + system, all threads) of the whole command
    /usr/bin/time -o "$tmp" -f "%e %U %S" "$root/repgap" id --input "$data" --estimator "$e" --format json >/dev/null 2>&1
    read -r wall user sys < "$tmp"
    times[$e]+="$wall "
    cpus[$e]+="$(echo "$user + $sys" | bc -l) "
    if [ "$side" = 1 ]; then
      /usr/bin/time -o "$tmp" -f "%e %U %S" "$python" "$peer" "$data" --estimator "$e" >/dev/null 2>"$tmp.err"
      read -r wall user sys < "$tmp"
      times[skdim-$e]+="$wall "
      cpus[skdim-$e]+="$(echo "$user + $sys" | bc -l) "
      fits[$e]+="$(sed -n 's/.*fit_seconds=\([0-9.]*\).*/\1/p' "$tmp.err") "
      knn[$e]+="$(sed -n 's/.*knn_seconds=\([0-9.]*\).*/\1/p' "$tmp.err") "
    fi
  done
done
echo "load average at end:   $(cut -d' ' -f1-3 /proc/loadavg)"
for e in $estimators; do
  case "$e" in twonn) anchor=35.5 ;; mle) anchor=5.9 ;; *) anchor="" ;; esac
  python3 - "$e" "$anchor" "${times[$e]}" "${cpus[$e]}" "${times[skdim-$e]:-}" "${cpus[skdim-$e]:-}" \
    "${fits[$e]:-}" "${knn[$e]:-}" <<'PY'
import statistics, sys
name, anchor, ts, cs, sts, scs, fits, knn = sys.argv[1:9]
def med(a):
    return statistics.median(float(t) for t in a.split())
def walls(a):
    return " ".join(f"{float(t):.2f}" for t in a.split())
ours = med(ts)
line = f"{name}: repgap wall {walls(ts)} s; median {ours:.2f} s (CPU {med(cs):.2f} s)"
if anchor:
    line += f"; against scikit-dimension's anchor {float(anchor):.1f} s: {float(anchor) / ours:.1f}x"
print(line)
if sts.strip():
    theirs, fit = med(sts), med(fits)
    print(f"{name}: scikit-dimension wall {walls(sts)} s; median {theirs:.2f} s (CPU {med(scs):.2f} s), its fit alone {fit:.2f} s")
    print(f"{name}: side by side, repgap {theirs / ours:.1f}x faster process to process, "
          f"{fit / ours:.1f}x faster than scikit-dimension's fit alone (no Python start, imports or reading)")
if knn.strip() and anchor:
    # the anchors were taken when scikit-learn's 21-NN search took 2.6 s; scale them by how long it takes now
    k = med(knn)
    print(f"{name}: load-adjusted, scikit-learn's search took {k:.2f} s against 2.6 s for the anchors; the anchor "
          f"scaled alike is {float(anchor) * k / 2.6:.2f} s: {float(anchor) * k / 2.6 / ours:.1f}x")
PY
done
