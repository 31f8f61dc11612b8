#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs nnplay-bench and PyTorch (1 thread) on W1-W4 in one go and prints both, so the ratios
# in docs/benchmarks.md come from the same run on the same machine.
#   bench/compare.sh [BUILD_DIR] [PEERS_DIR]
# Needs Debian's python3-torch, python3-sklearn and python3-numpy (and libopenblas0-pthread
# for the OpenBLAS figures).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
peers=${2:-$root/bench/peers}
work=$build/peers
mkdir -p "$work"
cp "$peers"/*.py "$work"/
export PEER_DATA=$work/data
[ -f "$PEER_DATA/digits.json" ] || /usr/bin/python3 "$work/make_data.py"
cmake --build "$build" --target nnplay-bench >/dev/null
for round in 1 2 3; do
    echo "# round $round"
    "$build/bench/nnplay-bench" --reps 7 --json "$work/nnplay-$round.json"
    /usr/bin/python3 "$work/bench_torch.py" --threads 1 --reps 7 --only W1,W2,W3,W4 \
        --json "$work/torch-$round.json"
done
