#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drives “delegate-cli invoice …” against a database in a temporary
# directory, from approved hours to a paid and a cancelled invoice: issuing
# is refused while the business profile or the assistant lacks a detail the
# invoice must show (naming it); drafts by task and by entry, extra lines
# and a discount, refreshing and deleting a draft; issuing gives 2026-0001,
# then 2026-0002, freezes the invoice (every change refused) and marks the
# hours invoiced; the PDF written is the one stored, byte for byte, and
# holds the number; a draft's PDF is a preview; listing, overdue, payment;
# a cancellation gets ST-2026-001 (its own pattern) and a new draft bills
# the hours again.
# Last, a process issuing a 300-line invoice is killed at random moments:
# afterwards the invoice is either issued with the next number or still a
# draft with no number used and no hour invoiced.
# Output is TAP. Besides the program, only sqlite3 looks at the database.
#
# Usage: test-cli-invoice.sh DELEGATE-CLI [TEMP-PARENT-DIR]

set -u

CLI=${1:?"usage: test-cli-invoice.sh DELEGATE-CLI [TEMP-PARENT-DIR]"}
TEST_NAME=delegate-cli-invoice-test
TEST_TMP_PARENT=${2:-}
. "$(dirname "$0")/cli-test-lib.sh"

# The owner's zone and a fixed locale: amounts and dates below are as the
# C locale prints them.
export TZ=Europe/Berlin
export LC_ALL=C.UTF-8

# sql QUERY: what the database holds
sql () { sqlite3 -batch -noheader "$db" "$1"; }

# json_get MEMBER: a member of the JSON object of the last stdout
json_get () {
  "$PYTHON" -c 'import json, sys; print(json.load(open(sys.argv[1], encoding="utf-8"))[sys.argv[2]])' "$out" "$1"
}

stdout_is () { [ "$(cat "$out")" = "$1" ]; }
stderr_has_i () { grep -qiF -- "$1" "$err"; }
# The invoices' number series as they stand, for “nothing was used”.
series () { sql "SELECT series, prefix, last_number FROM invoice_number_series ORDER BY 1, 2"; }
entries_in_state () { sql "SELECT count(*) FROM time_entries WHERE assistant_id = $1 AND state = '$2'"; }

# --- help ----------------------------------------------------------------

for command in invoice "invoice draft" "invoice line add" "invoice issue" "invoice pdf"; do
  # shellcheck disable=SC2086 # the words of the command are meant to split
  expect_status 0 "'delegate-cli $command --help' exits 0" $command --help
  check "'delegate-cli $command --help' shows its usage" \
    stdout_has "delegate-cli $command [OPTION"
done
expect_status 0 "program help" --help
check "program help lists invoice" stdout_has "  invoice "

# --- profile, assistant, hours -------------------------------------------

# The profile lacks its address at first, the assistant theirs.
db_status 0 "profile set, without an address" profile set --name "Acme Consulting GmbH" \
  --tax-number "29/815/08150" --vat-id DE123456789 --email billing@acme.example \
  --currency EUR --payment-terms-days 14 --cancellation-number-pattern "ST-{YYYY}-{NNN}"
db_status 0 "assistant add, without an address" assistant add --name "Jonas Weber" \
  --email jonas@example.de --time-zone Europe/Berlin --country DE --currency EUR --rate 40.00 \
  --tax-status vat --vat-rate 19 --vat-id DE987654321 --tax-number "21/123/45678" \
  --iban "DE02 1203 0000 0000 2020 51" --bic BYLADEM1001 --invoice-language de \
  --self-billing-date 2026-01-02
jonas=$(cat "$out")
db_status 0 "task add" task add --assistant "$jonas" --title "Bookkeeping" --due 2026-03-02
books=$(sed -n 1p "$out")
db_status 0 "task add" task add --assistant "$jonas" --title "Customer support" --due 2026-03-02
support=$(sed -n 1p "$out")

# Week of 2 March: 1:30 + 2:00 bookkeeping, 0:45 support, 1:00 without a task.
add_time () {
  "$CLI" --database "$db" time add --assistant "$jonas" "$@" >"$out" 2>"$err" || {
    fail "time add $*"
    return
  }
  cat "$out"
}
w1_a=$(add_time --date 2026-03-02 --start 09:00 --duration 1:30 --task "$books")
w1_b=$(add_time --date 2026-03-03 --start 09:00 --duration 2:00 --task "$books")
w1_c=$(add_time --date 2026-03-04 --start 14:00 --duration 0:45 --task "$support")
w1_d=$(add_time --date 2026-03-05 --start 10:00 --duration 1:00)
# Week of 9 March, for the second invoice.
w2_a=$(add_time --date 2026-03-10 --start 09:00 --duration 3:00 --task "$books")
# Still pending: no invoice bills it.
pending=$(add_time --date 2026-03-06 --start 09:00 --duration 4:00 --task "$books")

db_status 1 "a draft of pending hours only fails" invoice draft --assistant "$jonas" \
  --from 2026-03-02 --to 2026-03-15
check "the error is a sentence" stderr_is_sentence

db_status 0 "approve the first week's entries" timesheet approve --entry "$w1_a,$w1_b,$w1_c,$w1_d"
db_status 0 "approve the second week" timesheet approve --assistant "$jonas" --week 2026-03-09

# --- usage errors --------------------------------------------------------

db_status 2 "draft without --assistant" invoice draft --from 2026-03-02 --to 2026-03-08
db_status 2 "draft without --to" invoice draft --assistant "$jonas" --from 2026-03-02
db_status 2 "draft with --by-entry and --by-task" invoice draft --assistant "$jonas" \
  --from 2026-03-02 --to 2026-03-08 --by-entry --by-task
db_status 1 "draft with a day that does not exist" invoice draft --assistant "$jonas" \
  --from 2026-02-30 --to 2026-03-08
check "the error is a sentence" stderr_is_sentence
db_status 1 "draft for an unknown assistant" invoice draft --assistant 999 \
  --from 2026-03-02 --to 2026-03-08
check "the error names the ID" eval 'stderr_is_sentence && stderr_has 999'
db_status 1 "draft with a period that ends before it starts" invoice draft --assistant "$jonas" \
  --from 2026-03-08 --to 2026-03-02
check "the error is a sentence" stderr_is_sentence
db_status 2 "show without an ID" invoice show
for command in "show 999" "issue 999" "cancel 999 --reason x" "pdf 999 -o $tmp/x.pdf" \
               "line remove 999 1"; do
  # shellcheck disable=SC2086 # the words of the command are meant to split
  db_status 1 "'invoice $command' of an unknown invoice fails" invoice $command
  check "the error names the ID" eval 'stderr_is_sentence && stderr_has 999'
done
db_status 2 "line remove without a position" invoice line remove 1
db_status 2 "list --drafts --unpaid" invoice list --drafts --unpaid
db_status 2 "cancel without --reason" invoice cancel 1
db_status 2 "pdf without -o" invoice pdf 1
expect_status 1 "invoice list on a database that does not exist fails" \
  --database "$tmp/no-such-folder/typo.db" invoice list
check "reading creates no database" test ! -e "$tmp/no-such-folder"

db_status 0 "list with no invoices" invoice list
check "it says there are none" stdout_has "There are no invoices."

# --- a draft by task -------------------------------------------------------

db_status 0 "draft by task, --json" invoice draft --assistant "$jonas" \
  --from 2026-03-02 --to 2026-03-08 --json
check "a draft of three lines: bookkeeping, support, hours without a task" json \
  'd["state"] == "draft" and d["number"] == "" and d["kind"] == "invoice"
   and d["grouping"] == "by-task" and d["currency"] == "EUR" and d["language"] == "de"
   and d["period_start"] == "2026-03-02" and d["period_end"] == "2026-03-08"
   and len(d["lines"]) == 3
   and sorted(l["minutes"] for l in d["lines"]) == [45, 60, 210]
   and sorted(l["amount_minor"] for l in d["lines"]) == [3000, 4000, 14000]'
check "19 % VAT on the sum of the nets; the totals add up" json \
  'd["net_total_minor"] == 21000 and d["tax_total_minor"] == 3990 and d["total_minor"] == 24990
   and d["total"] == "249.90" and [(g["tax_rate"], g["net_minor"], g["tax_minor"]) for g in d["tax_groups"]] == [(1900, 21000, 3990)]'
check "each line knows the entries it bills" json \
  'sorted(sorted(l["entry_ids"]) for l in d["lines"]) == sorted([sorted(['"$w1_a, $w1_b"']), ['"$w1_c"'], ['"$w1_d"']])'
check "the pending entry is not billed" json \
  'all('"$pending"' not in l["entry_ids"] for l in d["lines"])'
by_task=$(json_get id)

db_status 0 "show the draft" invoice show "$by_task"
check "its header, lines and totals" \
  eval 'stdout_has "Self-billing invoice" && stdout_has "2026-03-02 to 2026-03-08" &&
        stdout_has "Bookkeeping" && stdout_has "€40.00/h" &&
        stdout_has "€140.00" && stdout_has "19 %" && stdout_has "€39.90" && stdout_has "€249.90"'
# Hours and minutes as on the printed invoice, not rounded decimal hours.
check "hours are shown as h:mm" \
  eval 'stdout_has "3:30 h" && stdout_has "0:45 h" && stdout_has "1:00 h" && ! stdout_has "0.75 h"'
db_status 0 "list the drafts" invoice list --drafts
check "the draft is listed as draft #ID" \
  eval 'grep -E "^$by_task +draft #$by_task +Jonas Weber +2026-03-02 to 2026-03-08 +€249.90 +Draft" "$out" >/dev/null'

db_status 0 "delete the draft" invoice delete "$by_task"
check "it says so" stdout_has "Deleted the draft #$by_task."
check "it is gone" test "$(sql "SELECT count(*) FROM invoices")" -eq 0
db_status 1 "deleting it again fails" invoice delete "$by_task"
check "the error is a sentence" stderr_is_sentence

# --- a draft by entry, changed ---------------------------------------------------

db_status 0 "draft by entry" invoice draft --assistant "$jonas" \
  --from 2026-03-02 --to 2026-03-08 --by-entry --json
check "one line per entry, with its date" json \
  'd["grouping"] == "by-entry" and len(d["lines"]) == 4
   and [l["date"] for l in d["lines"]] == ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"]
   and [l["entry_ids"] for l in d["lines"]] == [['"$w1_a"'], ['"$w1_b"'], ['"$w1_c"'], ['"$w1_d"']]
   and d["total_minor"] == 24990'
first=$(json_get id)

db_status 0 "line add: an expense of 2 × 25.00" invoice line add "$first" \
  --description "Software licence" --amount 25.00 --quantity 2 --json
check "the line is added after the hours" json \
  'len(d["lines"]) == 5 and d["lines"][4]["description"] == "Software licence"
   and d["lines"][4]["kind"] == "extra" and d["lines"][4]["quantity"] == 2
   and d["lines"][4]["unit_price_minor"] == 2500 and d["lines"][4]["amount_minor"] == 5000
   and d["lines"][4]["position"] == 5 and d["net_total_minor"] == 26000'
db_status 0 "line add: a discount" invoice line add "$first" --description "Discount" \
  --amount -10,50 --json
check "a negative line lowers the total" json \
  'len(d["lines"]) == 6 and d["lines"][5]["amount_minor"] == -1050 and d["net_total_minor"] == 24950
   and d["tax_total_minor"] == 4741 and d["total_minor"] == 29691'
db_status 1 "an amount with more decimals than the currency has fails" invoice line add "$first" \
  --description "Postage" --amount 1.2345
check "the error is a sentence" stderr_is_sentence
db_status 1 "an amount that is not one fails" invoice line add "$first" \
  --description "Postage" --amount lots
check "the error is a sentence" stderr_is_sentence
db_status 2 "a quantity that is not a number is a usage error" invoice line add "$first" \
  --description "Postage" --amount 1 --quantity two
db_status 2 "line add without --amount" invoice line add "$first" --description "Postage"
db_status 1 "line add with an empty description fails" invoice line add "$first" \
  --description " " --amount 1
check "the error is a sentence" stderr_is_sentence

db_status 0 "line remove: the discount" invoice line remove "$first" 6 --json
check "the discount is gone" json \
  'len(d["lines"]) == 5 and all(l["description"] != "Discount" for l in d["lines"])
   and d["net_total_minor"] == 26000'
db_status 1 "removing a line that does not exist fails" invoice line remove "$first" 9
check "the error names the line" eval 'stderr_is_sentence && stderr_has "line 9"'

db_status 0 "refresh by task" invoice refresh "$first" --by-task --json
check "the hours are one line per task again, the expense is kept last" json \
  'd["grouping"] == "by-task" and len(d["lines"]) == 4
   and d["lines"][3]["description"] == "Software licence" and d["net_total_minor"] == 26000'
db_status 0 "refresh without an option keeps the grouping" invoice refresh "$first" --json
check "still by task" json 'd["grouping"] == "by-task" and len(d["lines"]) == 4'
db_status 0 "refresh by entry" invoice refresh "$first" --by-entry --json
check "one line per entry and the expense" json \
  'd["grouping"] == "by-entry" and len(d["lines"]) == 5 and d["total_minor"] == 30940'

db_status 0 "a preview of the draft" invoice pdf "$first" -o "$tmp/preview.pdf"
check "it says it wrote a preview" stdout_has "preview"
check "the preview is a PDF" eval 'head -c 5 "$tmp/preview.pdf" | grep -q "%PDF-"'
pdftotext "$tmp/preview.pdf" "$tmp/preview.txt" 2>/dev/null
check "it is marked as a draft" grep -qiE "draft|entwurf" "$tmp/preview.txt"
check "and has no number" eval '! grep -q "2026-0001" "$tmp/preview.txt"'

# --- missing details ------------------------------------------------------------

db_status 1 "issuing without the business address fails" invoice issue "$first" --date 2026-03-16
check "the error names the address" eval 'stderr_is_sentence && stderr_has_i address'
check "no number was used" test -z "$(series)"
check "no hour was invoiced" test "$(entries_in_state "$jonas" invoiced)" -eq 0
db_status 0 "profile set --address" profile set --address $'Hauptstraße 1\n10115 Berlin'
db_status 1 "issuing without the assistant's address fails" invoice issue "$first" --date 2026-03-16
check "the error names the address" eval 'stderr_is_sentence && stderr_has_i address'
check "no number was used" test -z "$(series)"
db_status 0 "assistant edit --address" assistant edit "$jonas" --address $'Lindenweg 5\n80331 München'

# --- issue -------------------------------------------------------------------------

db_status 0 "issue" invoice issue "$first" --date 2026-03-16
check "it prints the number" stdout_is "2026-0001"
check "the invoice is issued, due 14 days later" \
  test "$(sql "SELECT state, number, issue_date, due_date FROM invoices WHERE id = $first")" = \
       "issued|2026-0001|2026-03-16|2026-03-30"
check "its entries are invoiced" test "$(entries_in_state "$jonas" invoiced)" -eq 4
check "the pending entry is not" test "$(entries_in_state "$jonas" pending)" -eq 1
check "the series used 1" test "$(sql "SELECT last_number FROM invoice_number_series WHERE series = 'invoice'")" -eq 1
db_status 0 "show the issued invoice" invoice show "$first" --json
check "number, dates, frozen parties" json \
  'd["state"] == "issued" and d["number"] == "2026-0001" and d["issue_date"] == "2026-03-16"
   and d["due_date"] == "2026-03-30" and d["total_minor"] == 30940
   and d["parties"]["assistant_iban"] == "DE02120300000000202051"
   and d["parties"]["business_name"] == "Acme Consulting GmbH"
   and [h["new_state"] for h in d["history"]][-1] == "issued"'

# Every change of an issued invoice is refused, and nothing changes.
before=$(sql "SELECT * FROM invoices WHERE id = $first; SELECT * FROM invoice_lines WHERE invoice_id = $first")
db_status 1 "line add on an issued invoice fails" invoice line add "$first" --description X --amount 1
check "the error is a sentence" stderr_is_sentence
db_status 1 "line remove on an issued invoice fails" invoice line remove "$first" 1
check "the error is a sentence" stderr_is_sentence
db_status 1 "refresh of an issued invoice fails" invoice refresh "$first"
check "the error is a sentence" stderr_is_sentence
db_status 1 "delete of an issued invoice fails" invoice delete "$first"
check "the error is a sentence" stderr_is_sentence
db_status 1 "issuing it again fails" invoice issue "$first"
check "the error is a sentence" stderr_is_sentence
check "the invoice and its lines are unchanged" \
  test "$(sql "SELECT * FROM invoices WHERE id = $first; SELECT * FROM invoice_lines WHERE invoice_id = $first")" = "$before"
check "no number was used" test "$(sql "SELECT last_number FROM invoice_number_series WHERE series = 'invoice'")" -eq 1

db_status 1 "a draft of invoiced hours only fails" invoice draft --assistant "$jonas" \
  --from 2026-03-02 --to 2026-03-08
check "the error is a sentence" stderr_is_sentence

# --- the PDF -------------------------------------------------------------------

db_status 0 "pdf of the issued invoice" invoice pdf "$first" -o "$tmp/first.pdf"
check "it names the invoice" stdout_has "2026-0001"
sql "SELECT writefile('$tmp/stored.pdf', pdf) FROM invoices WHERE id = $first" >/dev/null
check "the file is the stored PDF, byte for byte" cmp -s "$tmp/first.pdf" "$tmp/stored.pdf"
pdftotext "$tmp/first.pdf" "$tmp/first.txt" 2>/dev/null
check "its text holds the number" grep -qF "2026-0001" "$tmp/first.txt"
check "and the self-billing title" grep -qF "Gutschrift" "$tmp/first.txt"
db_status 1 "an existing file is not replaced" invoice pdf "$first" -o "$tmp/preview.pdf"
check "the error says to give --force" eval 'stderr_is_sentence && stderr_has --force'
check "the file is unchanged" eval 'pdftotext "$tmp/preview.pdf" - | grep -qiE "draft|entwurf"'
db_status 0 "with --force it is" invoice pdf "$first" -o "$tmp/preview.pdf" --force
check "the file is the stored PDF now" cmp -s "$tmp/preview.pdf" "$tmp/stored.pdf"
db_status 1 "a folder that does not exist fails" invoice pdf "$first" -o "$tmp/no-such/x.pdf"
check "the error names the file" eval 'stderr_is_sentence && stderr_has x.pdf'

# --- a second invoice ---------------------------------------------------------------

db_status 0 "draft of the second week" invoice draft --assistant "$jonas" \
  --from 2026-03-09 --to 2026-03-15 --json
second=$(json_get id)
check "it bills the second week's hours" json \
  'len(d["lines"]) == 1 and d["lines"][0]["entry_ids"] == ['"$w2_a"'] and d["total_minor"] == 14280'
db_status 0 "issue it" invoice issue "$second" --date 2026-03-23 --json
check "it is 2026-0002" json 'd["number"] == "2026-0002" and d["state"] == "issued"'

# --- list, overdue, pay -----------------------------------------------------------------

today=$(date +%Y-%m-%d)
db_status 0 "list" invoice list
check "both, with number, period, total, state and due date" \
  eval 'grep -E "^$first +2026-0001 +Jonas Weber +2026-03-02 to 2026-03-08 +€309.40 +Issued" "$out" >/dev/null &&
        grep -E "^$second +2026-0002 " "$out" >/dev/null && stdout_has 2026-03-30'
if [[ "$today" > 2026-03-30 ]]; then
  check "the first is overdue" eval 'grep -E "^$first .*Issued, overdue +2026-03-30" "$out" >/dev/null'
else
  check "the first is not overdue yet" eval '! grep -E "^$first .*overdue" "$out" >/dev/null'
fi
db_status 0 "list --unpaid --json" invoice list --unpaid --json
check "both unpaid, the oldest due first" json \
  '[i["number"] for i in d] == ["2026-0001", "2026-0002"] and all(i["state"] == "issued" for i in d)'
db_status 0 "list --drafts, none" invoice list --drafts
check "it says there are none" stdout_has "There are no drafts."
db_status 0 "list --assistant" invoice list --assistant "$jonas" --json
check "both" json 'len(d) == 2'
db_status 1 "list --assistant of an unknown one fails" invoice list --assistant 999
check "the error names the ID" eval 'stderr_is_sentence && stderr_has 999'

db_status 1 "a payment before the issue date fails" invoice pay "$first" --date 2026-03-01
check "the error is a sentence" stderr_is_sentence
db_status 0 "pay the first" invoice pay "$first" --date 2026-03-25
check "it says so" eval 'stdout_has 2026-0001 && stdout_has "€309.40" && stdout_has 2026-03-25'
db_status 0 "show it" invoice show "$first" --json
check "paid in full on that day, not overdue" json \
  'd["state"] == "paid" and d["paid_date"] == "2026-03-25" and d["paid_amount_minor"] == 30940
   and not d["overdue"]'
db_status 0 "show it as text" invoice show "$first"
check "the payment is shown" stdout_has "€309.40 on 2026-03-25"
db_status 0 "list --unpaid" invoice list --unpaid --json
check "only the second is unpaid" json '[i["number"] for i in d] == ["2026-0002"]'

# --- cancel ------------------------------------------------------------------------------

db_status 0 "cancel the second" invoice cancel "$second" --reason "Wrong rate" --date 2026-03-24
check "it prints the cancellation's number" stdout_is "ST-2026-001"
db_status 0 "show the original" invoice show "$second" --json
check "it is cancelled, with the reference and the reason" json \
  'd["state"] == "cancelled" and d["cancelled_by_number"] == "ST-2026-001"
   and d["cancel_reason"] == "Wrong rate"'
cancellation=$(json_get cancelled_by_id)
db_status 0 "show the cancellation" invoice show "$cancellation" --json
check "it negates the original and refers to it" json \
  'd["kind"] == "cancellation" and d["number"] == "ST-2026-001" and d["cancels_number"] == "2026-0002"
   and d["total_minor"] == -14280 and [l["amount_minor"] for l in d["lines"]] == [-12000]'
db_status 0 "show the cancellation as text" invoice show "$cancellation"
check "it says what it cancels" stdout_has "Cancellation of 2026-0002"
db_status 0 "its PDF" invoice pdf "$cancellation" -o "$tmp/cancellation.pdf"
check "holds its number and the original's" \
  eval 'pdftotext "$tmp/cancellation.pdf" - | grep -qF ST-2026-001 &&
        pdftotext "$tmp/cancellation.pdf" - | grep -qF 2026-0002'
check "the second week's entry is invoiceable again" \
  test "$(sql "SELECT state FROM time_entries WHERE id = $w2_a")" = approved
db_status 1 "cancelling it again fails" invoice cancel "$second" --reason again
check "the error is a sentence" stderr_is_sentence
db_status 1 "cancelling the cancellation fails" invoice cancel "$cancellation" --reason again
check "the error is a sentence" stderr_is_sentence
db_status 1 "paying a cancelled invoice fails" invoice pay "$second"
check "the error is a sentence" stderr_is_sentence

db_status 0 "a new draft bills the hours again" invoice draft --assistant "$jonas" \
  --from 2026-03-09 --to 2026-03-15 --json
check "the same line and total" json \
  'd["lines"][0]["entry_ids"] == ['"$w2_a"'] and d["total_minor"] == 14280'
third=$(json_get id)
db_status 1 "paying a draft fails" invoice pay "$third"
check "the error is a sentence" stderr_is_sentence
db_status 1 "cancelling a draft fails" invoice cancel "$third" --reason no
check "the error is a sentence" stderr_is_sentence
db_status 0 "issue it" invoice issue "$third" --date 2026-03-24
check "it is 2026-0003: no number is reused" stdout_is "2026-0003"

# --- a process killed while issuing -----------------------------------------------------------

db_status 0 "assistant add Kim" assistant add --name "Kim Lee" --email kim@example.com \
  --time-zone Europe/Berlin --country DE --address $'Ringstraße 9\n50667 Köln' --currency EUR \
  --rate 20.00 --tax-status small-business --tax-number "217/5678/1234" \
  --iban "DE02 1203 0000 0000 2020 51" --bic BYLADEM1001 --self-billing-date 2026-01-02
kim=$(cat "$out")
toggl_header="User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)"
{
  echo "$toggl_header"
  for day in $(seq 1 30); do
    for slot in $(seq 0 9); do
      printf 'Kim Lee,kim@example.com,,Ops,,Entry %d-%d,Yes,2026-05-%02d,%02d:00:00,2026-05-%02d,%02d:15:00,00:15:00,,\n' \
        "$day" "$slot" "$day" $((8 + slot)) "$day" $((8 + slot))
    done
  done
} > "$tmp/kim.csv"
db_status 0 "import 300 entries" time import "$tmp/kim.csv" --assistant "$kim"
db_status 0 "approve them" timesheet approve --until 2026-05-31
check "300 approved entries" test "$(entries_in_state "$kim" approved)" -eq 300
db_status 0 "draft by entry" invoice draft --assistant "$kim" --from 2026-05-01 --to 2026-05-31 \
  --by-entry --json
check "300 lines" json 'len(d["lines"]) == 300 and d["total_minor"] == 150000'
kim_draft=$(json_get id)

n_issued=0
n_draft=0
for round in 1 2 3 4 5 6 7 8; do
  last=$(sql "SELECT coalesce(max(last_number), 0) FROM invoice_number_series WHERE series = 'invoice'")
  series_before=$(series)
  # Five random moments in the first 150 ms, a random moment in each
  # 30 ms; then three later ones, since issuing 300 lines takes some 300 ms
  # here and its end, where the number is taken, should be hit too.
  if [ "$round" -le 5 ]; then
    delay=$(( (round - 1) * 30 + RANDOM % 31 ))
  else
    delay=$(( 150 + (round - 6) * 150 + RANDOM % 151 ))
  fi
  "$CLI" --database "$db" invoice issue "$kim_draft" --date 2026-06-01 >"$out" 2>"$err" &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  status=$?

  state=$(sql "SELECT state FROM invoices WHERE id = $kim_draft")
  invoiced=$(entries_in_state "$kim" invoiced)
  n_lines=$(sql "SELECT count(*) FROM invoice_lines WHERE invoice_id = $kim_draft")
  if [ "$state" = issued ]; then
    n_issued=$((n_issued + 1))
    expected=$(printf '2026-%04d' $((last + 1)))
    check "killed after ${delay} ms: issued with the next number, $expected, every entry invoiced, its PDF stored" \
      test "$(sql "SELECT number, pdf IS NOT NULL FROM invoices WHERE id = $kim_draft")|$(sql "SELECT coalesce(max(last_number), 0) FROM invoice_number_series WHERE series = 'invoice'")|$invoiced|$n_lines" \
           = "$expected|1|$((last + 1))|300|300"
    db_status 0 "cancel it for the next round" invoice cancel "$kim_draft" --reason "Test round" \
      --date 2026-06-01
    db_status 0 "draft again" invoice draft --assistant "$kim" --from 2026-05-01 --to 2026-05-31 \
      --by-entry --json
    kim_draft=$(json_get id)
  elif [ "$state" = draft ] && [ "$status" -ne 137 ]; then
    fail "killed after ${delay} ms: the issue was not killed but ended with $status"
  elif [ "$state" = draft ]; then
    n_draft=$((n_draft + 1))
    check "killed after ${delay} ms: still a draft of 300 lines, no number used, no entry invoiced" \
      test "$(sql "SELECT number IS NULL AND pdf IS NULL FROM invoices WHERE id = $kim_draft")|$(series)|$invoiced|$n_lines" \
           = "1|$series_before|0|300"
  else
    fail "killed after ${delay} ms: the invoice is “$state”, neither issued nor a draft"
  fi
done
echo "# killed while issuing: $n_issued issued, $n_draft still drafts"
check "the database is intact" test "$(sql "PRAGMA integrity_check")" = ok
db_status 0 "the last draft issues" invoice issue "$kim_draft" --date 2026-06-01
check "with the next number" \
  stdout_is "$(printf '2026-%04d' "$(sql "SELECT max(last_number) FROM invoice_number_series WHERE series = 'invoice'")")"
check "the invoice numbers have no gaps" \
  test "$(sql "SELECT count(*) = max(CAST(substr(number, 6) AS INTEGER)) FROM invoices WHERE kind = 'invoice' AND number IS NOT NULL")" = 1

echo "1..$n"
[ "$failed" -eq 0 ]
