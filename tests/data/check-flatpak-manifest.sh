#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks that the Flatpak manifest parses and keeps the sandbox narrow:
# Delegate works on one local database in its own data directory, so it
# needs no filesystem, network or session-bus holes.
# Usage: check-flatpak-manifest.sh MANIFEST
set -u

manifest=${1:?usage: check-flatpak-manifest.sh MANIFEST}
case $manifest in
    /*) ;;
    *) manifest="$(pwd)/$manifest" ;;
esac

if ! command -v flatpak-builder >/dev/null 2>&1; then
    echo "SKIP: flatpak-builder is not installed"
    exit 77
fi

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
expanded="$tmp/manifest.json"

# flatpak-builder leaves a .flatpak-builder state directory in the current
# directory, so run it in the temporary one.
if ! (cd "$tmp" && flatpak-builder --show-manifest "$manifest") >"$expanded"; then
    echo "FAIL: flatpak-builder cannot read $manifest"
    exit 1
fi

/usr/bin/python3 - "$expanded" <<'PY'
import json
import sys

with open(sys.argv[1], encoding="utf-8") as f:
    m = json.load(f)

errors = []
app_id = m.get("id", m.get("app-id"))
if app_id != "io.github.delegatedesk.Delegate":
    errors.append(f"app id is {app_id!r}, expected 'io.github.delegatedesk.Delegate'")
if m.get("runtime") != "org.gnome.Platform":
    errors.append(f"runtime is {m.get('runtime')!r}, expected 'org.gnome.Platform'")
if m.get("sdk") != "org.gnome.Sdk":
    errors.append(f"sdk is {m.get('sdk')!r}, expected 'org.gnome.Sdk'")
version = str(m.get("runtime-version", ""))
if not version.isdigit() or int(version) < 47:
    errors.append(f"runtime-version is {version!r}, expected 47 or newer")
if m.get("command") != "delegate":
    errors.append(f"command is {m.get('command')!r}, expected 'delegate'")
expected = ["--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"]
finish_args = m.get("finish-args", [])
if sorted(finish_args) != sorted(expected) or len(finish_args) != len(expected):
    errors.append(f"finish-args are {finish_args}, expected exactly {expected}")
modules = [mod.get("name") for mod in m.get("modules", []) if isinstance(mod, dict)]
if not modules or modules[-1] != "delegate":
    errors.append(f"the last module is not 'delegate' (modules: {modules})")

for e in errors:
    print("FAIL:", e)
if errors:
    sys.exit(1)
print("ok: manifest", app_id, "on", m["runtime"], version, "with", finish_args)
PY
