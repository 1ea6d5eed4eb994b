#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drives “delegate-cli sample create” against files in a temporary
# directory: the sample at scale 1 is read back through the other commands
# (three assistants in pesos, euros and dollars; a paid and an unpaid
# invoice; weeks awaiting approval); --scale 2 has six assistants and two
# years of hours; the same seed writes the same data and another seed other
# data; a database with data, or a file that is not a database, is refused
# and left as it was; bad options are usage errors (exit 2) with a sentence
# that says what to do, and create no file.
# Output is TAP. Besides the program, only sqlite3 looks at the databases.
#
# Usage: test-cli-sample.sh DELEGATE-CLI [TEMP-PARENT-DIR]

set -u

CLI=${1:?"usage: test-cli-sample.sh DELEGATE-CLI [TEMP-PARENT-DIR]"}
TEST_NAME=delegate-cli-sample-test
TEST_TMP_PARENT=${2:-}
. "$(dirname "$0")/cli-test-lib.sh"

export TZ=Europe/Berlin
export LC_ALL=C.UTF-8

# sql FILE QUERY: what a database holds
sql () { sqlite3 -batch -noheader "$1" "$2"; }

# The rows that matter of a sample database, without what the stores stamp
# from the clock or at random (creation times, task UIDs).
dump () {
  sql "$1" "SELECT * FROM assistants ORDER BY id;
            SELECT title, purpose FROM handbooks ORDER BY id;
            SELECT id, title, assistant_id, handbook_id, due_date, due_time, rrule, status FROM tasks ORDER BY id;
            SELECT * FROM task_occurrences ORDER BY 1, 2;
            SELECT id, assistant_id, task_id, start_utc, minutes, note, state, reason FROM time_entries ORDER BY id;
            SELECT id, state, number, assistant_id, issue_date, paid_date, total, hex(pdf) FROM invoices ORDER BY id;
            SELECT * FROM invoice_lines ORDER BY id;"
}

# --- help and usage -----------------------------------------------------

expect_status 0 "program help" --help
check "program help lists the sample command" stdout_has "sample"
expect_status 0 "'sample --help' exits 0" sample --help
check "'sample --help' lists create" stdout_has "create"
expect_status 0 "'sample create --help' exits 0" sample create --help
check "'sample create --help' shows the options" \
  eval 'stdout_has "--database" && stdout_has "--scale" && stdout_has "--seed" && stdout_has "--today"'

expect_status 2 "sample create without --database is a usage error" sample create
check "the error says the sample never goes into the own database" \
  eval 'stderr_has "--database" && stderr_has "delegate-cli: "'
check "nothing was written to the default database" test ! -e "$XDG_DATA_HOME/delegate/delegate.db"

for bad in 0 -1 101 1001 two 1.5 ""; do
  expect_status 2 "--scale '$bad' is a usage error" sample create --database "$tmp/bad.db" --scale "$bad"
done
check "the error names the range" eval 'stderr_has "from 1 to 100." && stderr_is_sentence'
expect_status 2 "--seed 'x' is a usage error" sample create --database "$tmp/bad.db" --seed x
expect_status 2 "--seed beyond 32 bits is a usage error" sample create --database "$tmp/bad.db" --seed 4294967296
expect_status 2 "--today 2026-02-30 is a usage error" sample create --database "$tmp/bad.db" --today 2026-02-30
check "the error is a sentence" stderr_is_sentence
expect_status 2 "--language fr is a usage error" sample create --database "$tmp/bad.db" --language fr
check "the error names the languages" eval 'stderr_has "en or de" && stderr_is_sentence'
expect_status 2 "an extra argument is a usage error" sample create --database "$tmp/bad.db" extra
expect_status 2 "an unknown subcommand is a usage error" sample make --database "$tmp/bad.db"
check "no usage error created a file" test ! -e "$tmp/bad.db"

# --- scale 1 --------------------------------------------------------------

db_status 0 "sample create writes a new database" sample create --today 2026-11-28 --language en
check "it says where" eval 'stdout_has "$db"'
check "the file is private (mode 0600)" eval '[ "$(stat -c %a "$db")" = 600 ]'

db_status 0 "assistant list works on the sample" assistant list --json
check "three assistants: Manila in PHP, Berlin in EUR, Buenos Aires in USD" json '
  len(d) == 3 and
  sorted((a["time_zone"], a["currency"]) for a in d) ==
    [("America/Argentina/Buenos_Aires", "USD"), ("Asia/Manila", "PHP"), ("Europe/Berlin", "EUR")] and
  all(a["email"] and a["address"] and a["self_billing_date"] for a in d) and
  [a["iban"] != "" for a in d if a["currency"] == "EUR"] == [True]'

db_status 0 "invoice list works on the sample" invoice list --json
check "a paid invoice and an issued one not paid, each paid in full" json '
  any(i["state"] == "paid" and i["paid_amount_minor"] == i["total_minor"] for i in d) and
  any(i["state"] == "issued" for i in d)'
db_status 0 "invoice list --unpaid" invoice list --unpaid
check "shows an unpaid invoice" stdout_has "Issued"

db_status 0 "timesheet list works on the sample" timesheet list
check "weeks await approval" stdout_has "Awaiting Approval"
db_status 0 "handbook list works on the sample" handbook list
check "the starter library's handbooks are there" stdout_has "Social media posts"
db_status 0 "task list works on the sample" task list
check "open tasks are listed" stdout_has "Open"
check "hours in every state" eval '[ "$(sql "$db" "SELECT group_concat(state) FROM (SELECT DISTINCT state FROM time_entries ORDER BY state)")" = "approved,invoiced,pending,rejected" ]'

# --- a database with data is refused ---------------------------------------

cp "$db" "$tmp/copy.db"
before=$(dump "$db")
db_status 1 "a second sample into the same database is refused" sample create --today 2026-11-28
check "the error says the database already holds data" eval 'stderr_has "already holds data" && stderr_is_sentence'
check "the database is as it was" eval '[ "$(dump "$db")" = "$before" ]'

expect_status 0 "a profile makes an own database" --database "$tmp/own.db" profile set --name "Real GmbH"
expect_status 1 "the sample is not written into it" sample create --database "$tmp/own.db"
check "the profile is kept and nothing added" \
  eval '[ "$(sql "$tmp/own.db" "SELECT name, (SELECT count(*) FROM assistants) FROM business_profile")" = "Real GmbH|0" ]'

printf 'not a database, but text that must survive\n' > "$tmp/text.db"
expect_status 1 "a file that is not a database is refused" sample create --database "$tmp/text.db"
check "and left as it was" eval '[ "$(cat "$tmp/text.db")" = "not a database, but text that must survive" ]'

# --- determinism -------------------------------------------------------------

expect_status 0 "the same seed again" sample create --database "$tmp/same.db" --today 2026-11-28 --language en
check "writes the same data" eval '[ "$(dump "$tmp/same.db")" = "$before" ]'
expect_status 0 "another seed" sample create --database "$tmp/other.db" --today 2026-11-28 --language en --seed 99
check "writes other data" eval '[ "$(dump "$tmp/other.db")" != "$before" ]'

# --- scale 2 ------------------------------------------------------------------

expect_status 0 "--scale 2" sample create --database "$tmp/scale2.db" --scale 2 --today 2026-11-28 --language de
check "six assistants, two in each currency" \
  eval '[ "$(sql "$tmp/scale2.db" "SELECT group_concat(n) FROM (SELECT count(*) AS n FROM assistants GROUP BY currency)")" = "2,2,2" ]'
check "two years of hours" \
  eval '[ "$(sql "$tmp/scale2.db" "SELECT min(local_date) < \"2025-01-01\" FROM time_entries")" = 1 ]'
check "a hundred handbooks, in German" \
  eval '[ "$(sql "$tmp/scale2.db" "SELECT count(*), sum(title LIKE \"%Monatlicher Belegabgleich%\") > 0 FROM handbooks")" = "100|1" ]'
check "a one-off task every other week per assistant" \
  eval '[ "$(sql "$tmp/scale2.db" "SELECT count(*) >= 6 * 52 FROM tasks WHERE rrule = \"\"")" = 1 ]'
check "an invoice per assistant and month" \
  eval '[ "$(sql "$tmp/scale2.db" "SELECT min(n) >= 20 FROM (SELECT count(*) AS n FROM invoices GROUP BY assistant_id)")" = 1 ]'
expect_status 0 "invoice list works on it" --database "$tmp/scale2.db" invoice list --json
check "lists them" json 'len(d) >= 120'

echo "1..$n"
[ "$failed" -eq 0 ]
