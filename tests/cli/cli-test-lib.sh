# SPDX-License-Identifier: GPL-3.0-or-later
#
# The harness the delegate-cli test scripts share: a temporary directory with
# a test database, TAP output, and checks of exit statuses, output and JSON.
# Source it after setting CLI (the program), TEST_NAME (names the temporary
# directory) and TEST_TMP_PARENT (where to make it; empty for $TMPDIR).

PYTHON=/usr/bin/python3

tmp=$(mktemp -d "${TEST_TMP_PARENT:-${TMPDIR:-/tmp}}/$TEST_NAME.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

# The default database lives under XDG_DATA_HOME: keep it out of the user's.
export XDG_DATA_HOME="$tmp/xdg-data"

db="$tmp/test.db"
out="$tmp/stdout"
err="$tmp/stderr"
n=0
failed=0

pass () {
  n=$((n + 1))
  echo "ok $n - $1"
}

fail () {
  n=$((n + 1))
  failed=$((failed + 1))
  echo "not ok $n - $1"
  sed 's/^/#   stdout: /' "$out"
  sed 's/^/#   stderr: /' "$err"
}

# expect_status STATUS DESCRIPTION ARG…: runs delegate-cli with ARG…
expect_status () {
  local expected=$1 description=$2 status
  shift 2
  "$CLI" "$@" >"$out" 2>"$err"
  status=$?
  if [ "$status" -eq "$expected" ]; then
    pass "$description"
  else
    echo "#   exit status $status, expected $expected"
    fail "$description"
  fi
}

# db_status STATUS DESCRIPTION ARG…: the same against the test database
db_status () {
  local expected=$1 description=$2
  shift 2
  expect_status "$expected" "$description" --database "$db" "$@"
}

# check DESCRIPTION COMMAND…: COMMAND must succeed (it looks at the last output)
check () {
  local description=$1
  shift
  if "$@"; then
    pass "$description"
  else
    fail "$description"
  fi
}

# json EXPRESSION: the last stdout is JSON, and EXPRESSION on it (as d) is true
json () {
  "$PYTHON" -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
# Parenthesised, so that the expression may span lines.
sys.exit(0 if eval("(" + sys.argv[2] + ")") else 1)
' "$out" "$1"
}

stdout_has () { grep -qF -- "$1" "$out"; }
stderr_has () { grep -qF -- "$1" "$err"; }
# An error is one line “delegate-cli: …” that ends as a sentence.
stderr_is_sentence () { head -n 1 "$err" | grep -qE '^delegate-cli: .+\.$'; }
