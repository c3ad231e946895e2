#!/usr/bin/env bash
# Side-by-side training throughput: repgap's Java EDM denoiser vs the PyTorch CPU reference
# (shared/bench/torch_denoiser_bench.py), same configurations, same machine, one run, 1 and 2 threads.
# Usage (from the repository root, after `mvn -B -o -pl toolkit-core,benchmarks -am package -DskipTests`):
#   benchmarks/scripts/trainer_vs_torch.sh [OUT.jsonl]
# Env: TORCH_BENCH (default ../shared/bench/torch_denoiser_bench.py), CONFIGS (default below).
set -euo pipefail
out=${1:-trainer_vs_torch.jsonl}
torch_bench=${TORCH_BENCH:-../shared/bench/torch_denoiser_bench.py}
cp="benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*"
# D W B steps
configs=${CONFIGS:-"3 128 256 1000;16 256 512 600;64 512 512 300"}
: > "$out"
IFS=';' read -ra rows <<< "$configs"
for row in "${rows[@]}"; do
  read -r D W B S <<< "$row"
  for T in 1 2; do
    OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 "$torch_bench" --D "$D" --W "$W" --B "$B" --steps "$S" --threads "$T" \
        --infer-evals 50 --tag torch >> "$out"
    java -cp "$cp" org.repgap.bench.diffusion.DenoiserThroughput --D "$D" --W "$W" --B "$B" --steps "$S" --threads "$T" \
        --infer-evals 50 --tag java >> "$out"
  done
done
/usr/bin/python3 - "$out" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
key = lambda r: (r["D"], r["W"], r["B"], r["threads"])
by = {}
for r in rows:
    by.setdefault(key(r), {})[r["tag"]] = r
print(f"{'D':>3} {'W':>4} {'B':>4} {'thr':>3} | {'torch st/s':>10} {'java st/s':>10} {'ratio':>6} | {'torch st/cpu-s':>14} {'java st/cpu-s':>13} | {'torch eval':>10} {'java eval':>9}")
for k in sorted(by):
    t, j = by[k].get("torch"), by[k].get("java")
    if not t or not j:
        continue
    tc = t.get("steps_per_cpu_s", float("nan"))
    jc = j.get("steps_per_cpu_s", float("nan"))
    print(f"{k[0]:>3} {k[1]:>4} {k[2]:>4} {k[3]:>3} | {t['steps_per_s']:>10.1f} {j['steps_per_s']:>10.1f} {j['steps_per_s']/t['steps_per_s']:>6.2f} |"
          f" {tc:>14.1f} {jc:>13.1f} | {t['eval_loss_65536']:>10.4f} {j['eval_loss_65536']:>9.4f}")
PY
