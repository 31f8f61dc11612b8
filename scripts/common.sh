# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by scripts/run and scripts/test: the Debian packages nnplay needs, and the build.
# Sourced, not run.

NNPLAY_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
NNPLAY_PACKAGES=(cmake ninja-build g++ pkg-config qt6-base-dev qt6-svg-dev libgl-dev libeigen3-dev
                 libqcustomplot-dev nlohmann-json3-dev zlib1g-dev libstb-dev fonts-dejavu-core
                 dataset-fashion-mnist)

# Installs missing packages with apt-get (as root or through sudo); otherwise prints the one
# line to run and fails.
nnplay_install_packages() {
    local missing=()
    for p in "${NNPLAY_PACKAGES[@]}" "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local apt=(apt-get install -y --no-install-recommends "${missing[@]}")
    if [ "$(id -u)" -eq 0 ]; then
        echo "Installing: ${missing[*]}"
        (apt-get update -q && DEBIAN_FRONTEND=noninteractive "${apt[@]}") >/tmp/nnplay-apt.log 2>&1 \
            || { tail -20 /tmp/nnplay-apt.log; echo "apt-get failed (log: /tmp/nnplay-apt.log)" >&2; return 1; }
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
        echo "Installing: ${missing[*]}"
        sudo apt-get update -q && sudo DEBIAN_FRONTEND=noninteractive "${apt[@]}"
    else
        echo "Missing packages. Run:" >&2
        echo "  sudo apt-get install -y ${missing[*]}" >&2
        return 1
    fi
}

# nnplay_build DIR [CMAKE OPTIONS...]: configures once, then builds what changed.
nnplay_build() {
    local dir=$1
    shift
    if [ ! -f "$dir/build.ninja" ]; then
        cmake -S "$NNPLAY_ROOT" -B "$dir" -G Ninja "$@" >/dev/null
    fi
    cmake --build "$dir" -j"$(nproc)"
}
