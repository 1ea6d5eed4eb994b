#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a validator, or reports the test as skipped (exit 77) when the tool is
# not installed, so that a machine without it still runs the other tests.
# Usage: run-or-skip.sh [--fail-on-output] TOOL [ARGS...]
#   --fail-on-output  also fail when the tool exits 0 but prints something:
#                     desktop-file-validate exits 0 on warnings.
set -u

strict=false
if [ "${1:-}" = "--fail-on-output" ]; then
    strict=true
    shift
fi
tool=${1:?usage: run-or-skip.sh [--fail-on-output] TOOL [ARGS...]}
shift

if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool is not installed"
    exit 77
fi

output=$("$tool" "$@" 2>&1)
status=$?
[ -n "$output" ] && printf '%s\n' "$output"
if [ "$status" -ne 0 ]; then
    echo "FAIL: $tool exited with status $status"
    exit 1
fi
if $strict && [ -n "$output" ]; then
    echo "FAIL: $tool reported problems"
    exit 1
fi
exit 0
