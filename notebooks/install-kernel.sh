#!/usr/bin/env bash
# Builds the notebooks module and installs the "Java (repgap)" Jupyter kernel spec.
# Usage: notebooks/install-kernel.sh [KERNELS_DIR]   (default: ~/.local/share/jupyter/kernels)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$root" && mvn -B -q -DskipTests -pl notebooks -am package)
kernels="${1:-${JUPYTER_DATA_DIR:-$HOME/.local/share/jupyter}/kernels}"
cp="$root/notebooks/target/repgap-notebooks.jar:$root/notebooks/target/lib/*"
java -cp "$cp" org.repgap.notebooks.KernelSpec "$kernels" "$cp"
