#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The store listing's screenshots, which "appstreamcli validate --no-net"
# cannot check: every <image> of the metainfo is the raw URL of a PNG
# committed in data/screenshots, of the size the metainfo states, with a
# caption; and every PNG there is listed, so none is made and then forgotten.
# build-aux/screenshots makes the PNGs.
# Usage: check-metainfo-screenshots.sh SOURCE_ROOT METAINFO
set -u

root=${1:?usage: check-metainfo-screenshots.sh SOURCE_ROOT METAINFO}
metainfo=${2:?usage: check-metainfo-screenshots.sh SOURCE_ROOT METAINFO}
base=https://raw.githubusercontent.com/delegatedesk/delegate/main/
failed=0

fail() {
    echo "FAIL: $*"
    failed=1
}

# Prints the width and height in a PNG's header (IHDR, bytes 16–23).
png_size() {
    if [ "$(od -An -tx1 -N8 "$1" | tr -d ' \n')" != 89504e470d0a1a0a ]; then
        echo "not-a-png"
        return
    fi
    od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%d %d\n", $1*16777216 + $2*65536 + $3*256 + $4, $5*16777216 + $6*65536 + $7*256 + $8 }'
}

screenshots=$(sed -n '/<screenshots>/,/<\/screenshots>/p' "$metainfo")
[ -n "$screenshots" ] || fail "$metainfo has no <screenshots>"

n_screenshots=$(printf '%s\n' "$screenshots" | grep -c '<screenshot[ >]')
n_captions=$(printf '%s\n' "$screenshots" | grep -c '<caption>[^<][^<]*</caption>')
[ "$n_captions" -eq "$n_screenshots" ] \
    || fail "$n_screenshots screenshots but $n_captions captions: every screenshot needs one"
[ "$(printf '%s\n' "$screenshots" | grep -c 'type="default"')" -eq 1 ] \
    || fail "exactly one screenshot must be type=\"default\""

listed=$(mktemp) || exit 1
trap 'rm -f "$listed"' EXIT
printf '%s\n' "$screenshots" | grep '<image' >"$listed"
[ -s "$listed" ] || fail "no <image> in the screenshots"

while IFS= read -r line; do
    url=$(printf '%s\n' "$line" | sed -n 's|.*<image[^>]*>\([^<]*\)</image>.*|\1|p')
    width=$(printf '%s\n' "$line" | sed -n 's|.* width="\([0-9]*\)".*|\1|p')
    height=$(printf '%s\n' "$line" | sed -n 's|.* height="\([0-9]*\)".*|\1|p')
    case "$url" in
        "$base"data/screenshots/*.png) ;;
        *) fail "$url is not a PNG under ${base}data/screenshots/"; continue ;;
    esac
    file=$root/${url#"$base"}
    if [ ! -f "$file" ]; then
        fail "$url names ${url#"$base"}, which is not in the repository"
        continue
    fi
    size=$(png_size "$file")
    [ "$size" = "$width $height" ] \
        || fail "${url#"$base"} is $size (width height), but the metainfo says $width $height"
done <"$listed"

for file in "$root"/data/screenshots/*.png; do
    [ -f "$file" ] || continue
    grep -q ">${base}data/screenshots/$(basename "$file")<" "$listed" \
        || fail "data/screenshots/$(basename "$file") is not listed in the metainfo"
done

[ "$failed" -eq 0 ] && echo "ok: $n_screenshots screenshots, each with a caption and its PNG"
exit "$failed"
