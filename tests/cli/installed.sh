#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The installation, checked from a scratch prefix (tests/cli/CMakeLists.txt runs each step as
# its own test). A check whose tool is not installed exits 77, which ctest counts as skipped.
#   installed.sh install BUILD_DIR PREFIX    cmake --install BUILD_DIR into PREFIX (afresh)
#   installed.sh cli PREFIX VERSION          the installed programs, and the resources they find
#   installed.sh desktop-entry PREFIX        desktop-file-validate, and the icon it names
#   installed.sh metainfo PREFIX             appstreamcli validate
#   installed.sh mime PREFIX                 update-mime-database: *.nnplay is the project type
set -euo pipefail
step=$1
prefix=$2
fail() {
    echo "FAIL: $*" >&2
    exit 1
}
needs() {
    command -v "$1" >/dev/null || {
        echo "SKIP: $1 is not installed"
        exit 77
    }
}
# The installed programs must find their resources themselves, not through the environment.
unset NNPLAY_RESOURCE_DIR

case $step in
install)
    build=$2
    prefix=$3
    rm -rf "$prefix"
    cmake --install "$build" --prefix "$prefix" >/dev/null
    ;;
cli)
    version=$3
    cli=$prefix/bin/nnplay-cli
    [ "$("$cli" --version)" = "nnplay-cli $version" ] || fail "nnplay-cli --version: $("$cli" --version)"
    if [ -x "$prefix/bin/nnplay" ]; then
        [ "$("$prefix/bin/nnplay" --version)" = "nnplay $version" ] ||
            fail "nnplay --version: $("$prefix/bin/nnplay" --version)"
    fi
    data=$prefix/share/nnplay
    [ "$(ls "$data"/lessons/*.nnplay | wc -l)" -gt 0 ] || fail "no lessons in $data/lessons"
    "$cli" validate "$data/examples/digits.nnplay" >/dev/null
    "$cli" train "$data/lessons/01-one-neuron-line.nnplay" --epochs 2 --quiet >/dev/null
    # The digits example reads digits.csv.gz from the installed resources: without that file
    # it fails and names the installed path (not the source tree's copy).
    mv "$data/digits.csv.gz" "$data/digits.csv.gz.away"
    trap 'mv "$data/digits.csv.gz.away" "$data/digits.csv.gz"' EXIT
    if "$cli" validate "$data/examples/digits.nnplay" 2>"$prefix/validate.err" >/dev/null; then
        fail "validate found the digits without $data/digits.csv.gz"
    fi
    grep -qF "'$data/digits.csv.gz'" "$prefix/validate.err" ||
        fail "the error does not name $data/digits.csv.gz: $(cat "$prefix/validate.err")"
    ;;
desktop-entry)
    needs desktop-file-validate
    entry=$(ls "$prefix"/share/applications/*.desktop)
    desktop-file-validate "$entry"
    icon=$(sed -n 's/^Icon=//p' "$entry")
    [ -f "$prefix/share/icons/hicolor/scalable/apps/$icon.svg" ] || fail "no scalable $icon icon"
    for size in 16 22 24 32 48 64 128 256; do
        [ -f "$prefix/share/icons/hicolor/${size}x$size/apps/$icon.png" ] ||
            fail "no ${size}x$size $icon icon"
    done
    ;;
metainfo)
    needs appstreamcli
    appstreamcli validate --no-net "$prefix"/share/metainfo/*.metainfo.xml
    ;;
mime)
    needs update-mime-database
    mime=$(mktemp -d)
    trap 'rm -rf "$mime"' EXIT
    cp -r "$prefix/share/mime/packages" "$mime/"
    update-mime-database "$mime"
    grep -qx 'application/x-nnplay:\*\.nnplay' <(cut -d: -f2- "$mime/globs2") ||
        fail "update-mime-database gives *.nnplay no type: $(cat "$mime/globs2")"
    grep -q "MimeType=.*application/x-nnplay;" "$prefix"/share/applications/*.desktop ||
        fail "the desktop entry does not open application/x-nnplay"
    ;;
*)
    fail "unknown step $step"
    ;;
esac
