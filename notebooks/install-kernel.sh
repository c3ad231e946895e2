#!/usr/bin/env bash
# Builds the notebooks module and installs the "Java (repgap)" Jupyter kernel spec as a self-contained copy
# (jars and sources copied into the spec's directory; kernel.json names no path of this checkout).
# Usage: notebooks/install-kernel.sh [KERNELS_DIR]   (default: $JUPYTER_DATA_DIR/kernels or ~/.local/share/jupyter/kernels)
# Without building (from an unpacked build of the module, DIST holding repgap-notebooks.jar, lib/ and sources/):
#   java -cp "DIST/repgap-notebooks.jar:DIST/lib/*" org.repgap.notebooks.KernelSpec KERNELS_DIR \
#        "DIST/repgap-notebooks.jar:DIST/lib/*" "DIST/sources/toolkit-core:DIST/sources/toolkit-plots:DIST/sources/notebooks"
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$root" && mvn -B -q -DskipTests -pl notebooks -am package)
kernels="${1:-${JUPYTER_DATA_DIR:-$HOME/.local/share/jupyter}/kernels}"
dist="$root/notebooks/target"
cp="$dist/repgap-notebooks.jar:$dist/lib/*"
java -cp "$cp" org.repgap.notebooks.KernelSpec "$kernels" "$cp" \
  "$dist/sources/toolkit-core:$dist/sources/toolkit-plots:$dist/sources/notebooks"
