#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drives “delegate-cli task …” and “delegate-cli calendar …” against a
# database in a temporary directory: one-off and recurring tasks, the list
# of occurrences, completing and skipping one occurrence without touching
# the others, the errors, and the calendar export read back by the import
# (a dry run changes nothing, a damaged file changes nothing). Output is TAP.
#
# Usage: test-cli-task.sh DELEGATE-CLI [TEMP-PARENT-DIR]

set -u

CLI=${1:?"usage: test-cli-task.sh DELEGATE-CLI [TEMP-PARENT-DIR]"}
TEST_NAME=delegate-cli-task-test
TEST_TMP_PARENT=${2:-}
. "$(dirname "$0")/cli-test-lib.sh"

# The owner's zone decides "today" and the owner's column of the list.
export TZ=Europe/Berlin

header_has () { head -n 1 "$out" | grep -qF -- "$1"; }
# row_matches TEXT REGEX: the lines with TEXT match REGEX
row_matches () { grep -F -- "$1" "$out" | grep -qE -- "$2"; }
# The two lines “task add” prints: the ID, then the iCalendar UID.
stdout_is_id_and_uid () {
  [ "$(wc -l < "$out")" -eq 2 ] && sed -n 1p "$out" | grep -qxE '[1-9][0-9]*' &&
    sed -n 2p "$out" | grep -qE '^[^ ]+@[^ ]+$'
}
day () { date +%F -d "$1"; }

# What the database holds, for “nothing changed”: every task and every
# occurrence of January and February 2030 with its status.
snapshot () {
  "$CLI" --database "$db" task list --from 2030-01-01 --to 2030-02-28 --json > "$1" 2>/dev/null
}

# --- help and usage -----------------------------------------------------

for command in task "task list" "task show" "task add" "task done" "task skip" \
               "task reopen" "task cancel" "task delete" calendar "calendar export" \
               "calendar import"; do
  # shellcheck disable=SC2086 # the words of the command are meant to split
  expect_status 0 "'delegate-cli $command --help' exits 0" $command --help
  check "'delegate-cli $command --help' shows its usage" \
    stdout_has "delegate-cli $command [OPTION"
done

expect_status 0 "program help" --help
check "program help lists the task and calendar commands" \
  eval 'stdout_has task && stdout_has calendar'
expect_status 0 "task --help" task --help
check "task help lists every command" \
  eval 'stdout_has add && stdout_has done && stdout_has cancel && stdout_has delete'
expect_status 0 "task add --help" task add --help
check "task add help lists its options" \
  eval 'stdout_has --assistant && stdout_has --repeat && stdout_has --rrule && stdout_has --fixed-fee'
check "task add help names the presets" eval 'stdout_has monthly-weekday && stdout_has weekly:MO'
expect_status 0 "task done --help" task done --help
check "task done help offers --occurrence" stdout_has "--occurrence"

typo="$tmp/no-such-folder/typo.db"
expect_status 1 "task list on a database that does not exist fails" --database "$typo" task list
check "the error names the missing database" eval 'stderr_is_sentence && stderr_has "$typo"'
expect_status 1 "calendar export on a database that does not exist fails" \
  --database "$typo" calendar export -o "$tmp/never.ics"
check "reading creates no database" test ! -e "$tmp/no-such-folder"

# --- the people and the handbook ----------------------------------------

db_status 0 "profile set" profile set --name "Acme Consulting GmbH" \
  --email billing@acme.example --currency EUR
db_status 0 "assistant add Maria" assistant add --name "Maria Santos" \
  --email maria@example.com --time-zone Asia/Manila --rate 12.50
maria=$(cat "$out")
db_status 0 "assistant add Jonas" assistant add --name "Jonas Weber" \
  --email jonas@example.de --time-zone Europe/Berlin --currency JPY --rate 2400
jonas=$(cat "$out")
db_status 0 "handbook add" handbook add --title "Weekly report" --step "Collect the figures" \
  --step "Send the report"
handbook=$(cat "$out")
db_status 0 "handbook publish" handbook publish "$handbook"
db_status 0 "handbook add, never published" handbook add --title "Draft only"
draft=$(cat "$out")

# --- adding tasks -------------------------------------------------------

db_status 0 "task add, one-off" task add --assistant "$maria" --title "Send invoice reminders" \
  --due 2030-01-15 --time 10:00 --priority high --estimate 45 --fixed-fee "80,00" \
  --notes "Use the friendly template"
check "task add prints the ID and the UID" stdout_is_id_and_uid
oneoff=$(sed -n 1p "$out")
oneoff_uid=$(sed -n 2p "$out")

db_status 0 "task add, weekly with a handbook" task add --assistant "$maria" \
  --title "Weekly report" --handbook "$handbook" --due 2030-01-07 --time 09:00 \
  --repeat weekly --rate 15
check "task add prints the ID and the UID" stdout_is_id_and_uid
weekly=$(sed -n 1p "$out")
weekly_uid=$(sed -n 2p "$out")
check "the two tasks have different IDs and UIDs" \
  eval 'test "$oneoff" != "$weekly" && test "$oneoff_uid" != "$weekly_uid"'

db_status 0 "task show --json, one-off" task show "$oneoff" --json
check "the one-off task keeps every field given" json \
  'd["id"] == '"$oneoff"' and d["uid"] == "'"$oneoff_uid"'" and d["title"] == "Send invoice reminders"
   and d["assistant_id"] == '"$maria"' and d["due_date"] == "2030-01-15" and d["due_time"] == "10:00"
   and d["rrule"] == "" and d["priority"] == "high" and d["estimate_minutes"] == 45
   and d["billing"] == "fixed-fee" and d["billing_amount_minor"] == 8000
   and d["billing_amount"] == "80.00" and d["currency"] == "EUR" and d["status"] == "open"
   and d["notes"] == "Use the friendly template" and d["next_occurrences"] == []'
check "the zone is the assistant's unless given" json 'd["time_zone"] == "Asia/Manila"'

db_status 0 "task show --json, weekly" task show "$weekly" --json
check "weekly repeats on the due date's weekday" json \
  '"FREQ=WEEKLY" in d["rrule"] and "BYDAY=MO" in d["rrule"] and d["repeats"] != ""'
check "the handbook's published version is pinned" json \
  'd["handbook_id"] == '"$handbook"' and d["handbook_version"] == 1 and d["handbook_title"] == "Weekly report"'
check "an own rate is read in the assistant's currency" json \
  'd["billing"] == "own-rate" and d["billing_amount_minor"] == 1500 and d["currency"] == "EUR"'
check "the next occurrences are Mondays at 09:00" json \
  'len(d["next_occurrences"]) == 5 and all(o["due_time"] == "09:00" and o["status"] == "open"
   for o in d["next_occurrences"])'

db_status 0 "task show, weekly" task show "$weekly"
check "task show describes the rule" eval 'stdout_has "Repeats" && stdout_has "FREQ=WEEKLY"'
check "task show lists the next occurrences" stdout_has "Next occurrences"
check "task show names the handbook and its version" stdout_has "Weekly report, version 1"

db_status 0 "task add, weekly on two days, 4 times" task add --assistant "$jonas" \
  --title "Check the inbox" --due 2030-01-07 --repeat weekly:mo,WE --count 4
twice=$(sed -n 1p "$out")
db_status 0 "task show --json" task show "$twice" --json
check "the days and the count are in the rule" json \
  '"BYDAY=MO,WE" in d["rrule"] and "COUNT=4" in d["rrule"] and d["due_time"] == ""
   and d["time_zone"] == "Europe/Berlin"'
db_status 0 "task list --json for January" task list --assistant "$jonas" \
  --from 2030-01-01 --to 2030-01-31 --json
check "an all-day rule of four ends after four" json \
  '[o["recurrence_id"] for o in d if o["task_id"] == '"$twice"']
   == ["20300107", "20300109", "20300114", "20300116"]'

db_status 0 "task add, monthly on the second Tuesday" task add --assistant "$jonas" \
  --title "Payroll" --due 2030-01-08 --time 14:00 --repeat monthly-weekday
second_tuesday=$(sed -n 1p "$out")
db_status 0 "task add, monthly on the last Tuesday" task add --assistant "$jonas" \
  --title "Month-end close" --due 2030-01-29 --time 14:00 --repeat monthly-weekday
last_tuesday=$(sed -n 1p "$out")
db_status 0 "task add, every 2 months on the 31st, until a date" task add --assistant "$jonas" \
  --title "Archive mail" --due 2030-01-31 --repeat monthly --interval 2 --until 2030-12-31
bimonthly=$(sed -n 1p "$out")
db_status 0 "task list --json for February and March" task list --assistant "$jonas" \
  --from 2030-02-01 --to 2030-03-31 --json
check "monthly-weekday keeps the second Tuesday" json \
  '[o["due_date"] for o in d if o["task_id"] == '"$second_tuesday"'] == ["2030-02-12", "2030-03-12"]'
check "monthly-weekday keeps the last Tuesday" json \
  '[o["due_date"] for o in d if o["task_id"] == '"$last_tuesday"'] == ["2030-02-26", "2030-03-26"]'
check "every 2 months on the 31st: March" json \
  '[o["due_date"] for o in d if o["task_id"] == '"$bimonthly"'] == ["2030-03-31"]'

db_status 0 "task add with a typed rule" task add --assistant "$jonas" --title "Standup notes" \
  --due 2030-01-01 --time 08:30 --rrule "rrule:freq=daily;count=3"
typed=$(sed -n 1p "$out")
db_status 0 "task show --json" task show "$typed" --json
check "the typed rule is stored normalised" json \
  'd["rrule"].startswith("FREQ=DAILY") and "COUNT=3" in d["rrule"] and d["rrule"] == d["rrule"].upper()'

# UNTIL is stored in the form RFC 5545 wants beside the first due date,
# whichever was typed: a UTC time for a timed task (a date becomes the end
# of that day in the task's zone, CEST here), a date for an all-day task.
db_status 0 "a timed task with a typed UNTIL date" task add --assistant "$jonas" \
  --title "Until typed as a date" --due 2030-04-01 --time 08:30 --rrule "FREQ=DAILY;UNTIL=20300403"
until_date=$(sed -n 1p "$out")
db_status 0 "an all-day task with a typed UNTIL time" task add --assistant "$jonas" \
  --title "Until typed as a time" --due 2030-04-01 --rrule "FREQ=DAILY;UNTIL=20300403T120000Z"
until_time=$(sed -n 1p "$out")
db_status 0 "a timed task with --until" task add --assistant "$jonas" \
  --title "Until as an option" --due 2030-04-01 --time 09:00 --repeat daily --until 2030-04-03
until_option=$(sed -n 1p "$out")
db_status 0 "task show --json" task show "$until_date" --json
check "a typed UNTIL date of a timed task becomes the end of that day in UTC" json \
  'd["rrule"] == "FREQ=DAILY;UNTIL=20300403T215959Z"'
db_status 0 "task show --json" task show "$until_time" --json
check "a typed UNTIL time of an all-day task becomes a date" json \
  'd["rrule"] == "FREQ=DAILY;UNTIL=20300403"'
db_status 0 "task show --json" task show "$until_option" --json
check "--until of a timed task is stored as a UTC time" json \
  'd["rrule"] == "FREQ=DAILY;UNTIL=20300403T215959Z"'
db_status 0 "task list --json for April" task list --assistant "$jonas" --from 2030-04-01 \
  --to 2030-04-30 --json
check "each ends with the UNTIL day" json \
  'all([o["due_date"] for o in d if o["task_id"] == t] == ["2030-04-01", "2030-04-02", "2030-04-03"]
       for t in ('"$until_date"', '"$until_time"', '"$until_option"'))'

db_status 0 "task add with notes of several lines" task add --assistant "$jonas" \
  --title "Tidy the shared drive" --due 2030-03-07 --notes $'Folders:\n\tInvoices\n\tContracts'
tidy=$(sed -n 1p "$out")
db_status 0 "task show --json" task show "$tidy" --json
check "the notes keep their lines and tabs" json 'd["notes"] == "Folders:\n\tInvoices\n\tContracts"'

# --- errors when adding -------------------------------------------------

snapshot "$tmp/before-errors.json"
db_status 1 "an invalid rule fails" task add --assistant "$maria" --title X --due 2030-01-01 \
  --rrule "FREQ=FORTNIGHTLY"
check "the rule error is a sentence" stderr_is_sentence
db_status 1 "an hourly rule fails" task add --assistant "$maria" --title X --due 2030-01-01 \
  --rrule "FREQ=HOURLY"
db_status 1 "an unknown assistant fails" task add --assistant 9999 --title X --due 2030-01-01
check "the unknown assistant is named" eval 'stderr_is_sentence && stderr_has 9999'
db_status 1 "a date that does not exist fails" task add --assistant "$maria" --title X --due 2030-02-30
check "the date error is a sentence" eval 'stderr_is_sentence && stderr_has 2030-02-30'
db_status 1 "a date in another form fails" task add --assistant "$maria" --title X --due 15.01.2030
db_status 1 "an unknown preset fails" task add --assistant "$maria" --title X --due 2030-01-01 \
  --repeat fortnightly
check "the preset error lists the presets" eval 'stderr_is_sentence && stderr_has monthly-weekday'
db_status 1 "an unknown weekday fails" task add --assistant "$maria" --title X --due 2030-01-01 \
  --repeat weekly:MO,XX
check "the unknown weekday is named" stderr_has "XX"
db_status 1 "a time that does not exist fails" task add --assistant "$maria" --title X \
  --due 2030-01-01 --time 25:00
db_status 1 "an unknown zone fails" task add --assistant "$maria" --title X --due 2030-01-01 \
  --time-zone Mars/Olympus
db_status 1 "an unknown priority fails" task add --assistant "$maria" --title X --due 2030-01-01 \
  --priority urgent
check "the priority error lists the choices" stderr_has "medium"
db_status 1 "a fee that is not an amount fails" task add --assistant "$maria" --title X \
  --due 2030-01-01 --fixed-fee "a lot"
db_status 1 "a fee with decimals JPY does not have fails" task add --assistant "$jonas" --title X \
  --due 2030-01-01 --fixed-fee 100.50
db_status 1 "a blank title fails" task add --assistant "$maria" --title "  " --due 2030-01-01
db_status 1 "a handbook never published fails" task add --assistant "$maria" --title X \
  --due 2030-01-01 --handbook "$draft"
check "the handbook error is a sentence" stderr_is_sentence
db_status 1 "a title of two lines fails" task add --assistant "$maria" --title $'Call\nthe bank' \
  --due 2030-01-01
check "the title error is a sentence" stderr_is_sentence
db_status 1 "a control character in the title fails" task add --assistant "$maria" \
  --title $'Ring\abell' --due 2030-01-01
check "the title error is a sentence" stderr_is_sentence
db_status 1 "a control character in the notes fails" task add --assistant "$maria" --title X \
  --due 2030-01-01 --notes $'Escape \e[1m here'
check "the notes error is a sentence" stderr_is_sentence
# 2030-01-09 is a Wednesday.
db_status 1 "a weekly rule that does not include the first date fails" task add \
  --assistant "$maria" --title X --due 2030-01-09 --repeat weekly:MO --count 3
check "the error names the first date" eval 'stderr_is_sentence && stderr_has "Wednesday, 9 January 2030"'
db_status 1 "a typed rule that does not include the first date fails" task add \
  --assistant "$maria" --title X --due 2030-01-09 --time 09:00 --rrule "FREQ=WEEKLY;BYDAY=MO,FR"
check "the error names the first date's weekday" eval 'stderr_is_sentence && stderr_has Wednesday'
db_status 1 "a monthly rule on another day than the first date fails" task add \
  --assistant "$maria" --title X --due 2030-01-09 --rrule "FREQ=MONTHLY;BYMONTHDAY=15"
check "the monthly error is a sentence" stderr_is_sentence
db_status 2 "--repeat with --rrule is a usage error" task add --assistant "$maria" --title X \
  --due 2030-01-01 --repeat daily --rrule FREQ=DAILY
db_status 2 "--rate with --fixed-fee is a usage error" task add --assistant "$maria" --title X \
  --due 2030-01-01 --rate 10 --fixed-fee 10
db_status 2 "--count without --repeat is a usage error" task add --assistant "$maria" --title X \
  --due 2030-01-01 --count 3
db_status 2 "--count with --until is a usage error" task add --assistant "$maria" --title X \
  --due 2030-01-01 --repeat daily --count 3 --until 2030-02-01
db_status 2 "--count 0 is a usage error" task add --assistant "$maria" --title X \
  --due 2030-01-01 --repeat daily --count 0
db_status 2 "a missing --title is a usage error" task add --assistant "$maria" --due 2030-01-01
check "the missing option is named" stderr_has "--title"
db_status 2 "a missing --due is a usage error" task add --assistant "$maria" --title X
db_status 2 "an assistant ID that is not a number is a usage error" task add --assistant maria \
  --title X --due 2030-01-01
check "the ID error says what an ID is" eval 'stderr_has "“maria” is not an ID" && stderr_has "--help"'
snapshot "$tmp/after-errors.json"
check "the failed adds stored nothing" cmp -s "$tmp/before-errors.json" "$tmp/after-errors.json"

# --- the list -----------------------------------------------------------

db_status 0 "task list --json for two weeks of Maria's" task list --assistant "$maria" \
  --from 2030-01-07 --to 2030-01-20 --json
check "the list has the occurrences in due order" json \
  '[(o["task_id"], o["recurrence_id"]) for o in d]
   == [('"$weekly"', "20300107T090000"), ('"$weekly"', "20300114T090000"), ('"$oneoff"', "")]'
check "each occurrence has its fields" json \
  'all({"task_id", "uid", "title", "assistant_id", "assistant", "recurrence_id", "occurrence",
        "due", "due_owner", "due_assistant", "status", "overdue"} <= set(o) for o in d)'
check "the due time is given in the owner's zone and the assistant's" json \
  'd[0]["due_assistant"] == "2030-01-07T09:00:00+08:00"
   and d[0]["due_owner"] == "2030-01-07T02:00:00+01:00"'
check "the occurrence is what --occurrence takes" json 'd[0]["occurrence"] == "2030-01-07T09:00"'
check "every occurrence is open" json 'all(o["status"] == "open" and not o["overdue"] for o in d)'

db_status 0 "task list for two weeks" task list --assistant "$maria" --from 2030-01-07 --to 2030-01-20
check "the list has a header" eval 'header_has "Occurrence" && header_has "Status"'
check "a row has the ID, the occurrence and the title" \
  row_matches "2030-01-14T09:00" "^$weekly +2030-01-14T09:00 .*Weekly report"
check "a row has the assistant" row_matches "Send invoice reminders" "Maria Santos"
db_status 1 "task list for an unknown assistant fails" task list --assistant 9999
db_status 1 "task list with an unknown status fails" task list --status finished
check "the status error lists the choices" stderr_has "in-progress"
db_status 1 "task list with the last day before the first fails" task list \
  --from 2030-02-01 --to 2030-01-01
db_status 1 "task list with a date that does not exist fails" task list --from 2030-02-30

# --- done, skip, reopen -------------------------------------------------

db_status 2 "done on a recurring task needs --occurrence" task done "$weekly"
check "the error explains --occurrence" eval 'stderr_has "--occurrence" && stderr_has "--help"'
db_status 0 "done one occurrence" task done "$weekly" --occurrence 2030-01-07
check "task done prints nothing" test ! -s "$out"
db_status 0 "task list --json" task list --assistant "$maria" --from 2030-01-07 --to 2030-01-20 --json
check "that occurrence is done, the next still open" json \
  '[(o["recurrence_id"], o["status"]) for o in d if o["task_id"] == '"$weekly"']
   == [("20300107T090000", "done"), ("20300114T090000", "open")]'
check "the done occurrence has its completion time" json \
  '[o["completed_at"] != "" for o in d if o["recurrence_id"] == "20300107T090000"] == [True]'
db_status 0 "task show --json" task show "$weekly" --json
check "the series is still open, with one override" json \
  'd["status"] == "open" and [o["recurrence_id"] for o in d["overrides"]] == ["20300107T090000"]'

db_status 1 "done on a date that is not an occurrence fails" task done "$weekly" --occurrence 2030-01-08
check "the error is a sentence that points to task show" \
  eval 'stderr_is_sentence && stderr_has "task show $weekly"'
check "the error names the date as people write it" \
  eval 'stderr_has "Tuesday, 8 January 2030, 09:00" && ! stderr_has 20300108'
db_status 1 "done at a time that is not the occurrence's fails" task done "$weekly" \
  --occurrence 2030-01-14T10:00
check "the error names the date and time as people write them" \
  eval 'stderr_has "Monday, 14 January 2030, 10:00" && ! stderr_has 20300114'
db_status 1 "an occurrence that is not a date fails" task done "$weekly" --occurrence "next monday"
check "the occurrence error is a sentence" stderr_is_sentence

db_status 0 "skip with date and time" task skip "$weekly" --occurrence 2030-01-14T09:00
db_status 0 "skip by recurrence id" task skip "$weekly" --occurrence 20300121T090000
db_status 0 "task list --json" task list --assistant "$maria" --from 2030-01-07 --to 2030-01-27 --json
check "each occurrence has its own status" json \
  '[(o["recurrence_id"], o["status"]) for o in d if o["task_id"] == '"$weekly"']
   == [("20300107T090000", "done"), ("20300114T090000", "skipped"), ("20300121T090000", "skipped")]'
db_status 0 "task list --status skipped" task list --status skipped --from 2030-01-01 --to 2030-01-31 --json
check "--status lists only that status" json \
  '[o["recurrence_id"] for o in d] == ["20300114T090000", "20300121T090000"]'
db_status 0 "reopen one occurrence" task reopen "$weekly" --occurrence 2030-01-21
db_status 0 "task list --json" task list --status open --from 2030-01-21 --to 2030-01-21 --json
check "the reopened occurrence is open again" json \
  '[o["recurrence_id"] for o in d if o["task_id"] == '"$weekly"'] == ["20300121T090000"]'

db_status 1 "skip on a one-off task fails" task skip "$oneoff" --occurrence 2030-01-15
check "the error says the task does not repeat and what to do" \
  eval 'stderr_is_sentence && stderr_has "task cancel $oneoff"'
db_status 1 "done on a one-off task at another date fails" task done "$oneoff" --occurrence 2030-01-16
db_status 0 "done on a one-off task" task done "$oneoff"
db_status 0 "task show --json" task show "$oneoff" --json
check "the one-off task is done" json 'd["status"] == "done" and d["completed_at"] != ""'
db_status 0 "reopen a one-off task by its date" task reopen "$oneoff" --occurrence 2030-01-15
db_status 0 "task show --json" task show "$oneoff" --json
check "the one-off task is open again, at 0 % and not completed" json \
  'd["status"] == "open" and d["percent_complete"] == 0 and d["completed_at"] == ""'
db_status 0 "task show" task show "$oneoff"
check "task show gives no progress for the reopened task" eval '! stdout_has "Progress"'

db_status 1 "done on a task that does not exist fails" task done 9999
check "the unknown task is named" eval 'stderr_is_sentence && stderr_has 9999'
db_status 2 "done without an ID is a usage error" task done
db_status 1 "an all-day occurrence with a time fails" task done "$twice" --occurrence 2030-01-07T09:00
db_status 0 "an all-day occurrence by its date" task done "$twice" --occurrence 2030-01-07

db_status 0 "cancel a recurring task" task cancel "$typed"
db_status 0 "task list --json" task list --from 2030-01-01 --to 2030-01-03 --json
check "every occurrence of a cancelled series is cancelled" json \
  '[o["status"] for o in d if o["task_id"] == '"$typed"'] == ["cancelled"] * 3'
db_status 0 "reopen the series" task reopen "$typed"
db_status 0 "task list --json" task list --from 2030-01-01 --to 2030-01-03 --json
check "the reopened series is open again" json \
  '[o["status"] for o in d if o["task_id"] == '"$typed"'] == ["open"] * 3'

db_status 0 "done one occurrence" task done "$weekly" --occurrence 2030-02-11
db_status 0 "reopen it" task reopen "$weekly" --occurrence 2030-02-11
db_status 0 "task list --json" task list --from 2030-02-11 --to 2030-02-11 --json
check "the reopened occurrence is open, at 0 % and not completed" json \
  '[(o["status"], o["percent_complete"], o["completed_at"]) for o in d if o["task_id"] == '"$weekly"']
   == [("open", 0, "")]'

# Reopened tasks and dates, done and skipped dates and a reopened series:
# the export read back finds nothing to change.
db_status 0 "calendar export after reopening" calendar export -o "$tmp/reopened.ics"
db_status 0 "calendar import --dry-run --json of that export" calendar import \
  "$tmp/reopened.ics" --dry-run --json
check "the round trip has nothing to change" json 'd["changes"] == [] and d["skipped"] == []'

# --- the default period: today, two weeks ahead, and overdue ------------

db_status 0 "a task due yesterday" task add --assistant "$jonas" --title "Late one" --due "$(day yesterday)"
late=$(sed -n 1p "$out")
db_status 0 "a task done yesterday" task add --assistant "$jonas" --title "Finished one" --due "$(day yesterday)"
finished=$(sed -n 1p "$out")
db_status 0 "mark it done" task done "$finished"
db_status 0 "a task due in three days" task add --assistant "$jonas" --title "Soon one" --due "$(day '+3 days')"
db_status 0 "a task due in a month" task add --assistant "$jonas" --title "Distant one" --due "$(day '+30 days')"
db_status 0 "task list --json" task list --json
check "the default list has the overdue and the coming two weeks" json \
  'sorted(o["title"] for o in d) == ["Late one", "Soon one"]'
check "the overdue task is marked" json '[o["overdue"] for o in d if o["title"] == "Late one"] == [True]'
db_status 0 "task list" task list
check "the text list marks the overdue task" row_matches "Late one" "overdue"
db_status 0 "task list --assistant" task list --assistant "$maria"
check "an empty list says so" stdout_has "There are no tasks"
db_status 0 "cancel the late one" task cancel "$late"

# --- delete -------------------------------------------------------------

db_status 0 "a task added by mistake" task add --assistant "$jonas" --title "Added by mistake" \
  --due 2030-03-04 --repeat weekly --count 3
mistake=$(sed -n 1p "$out")
db_status 0 "done one of its dates" task done "$mistake" --occurrence 2030-03-04
db_status 0 "task delete" task delete "$mistake"
check "task delete prints nothing" test ! -s "$out"
db_status 1 "a deleted task cannot be shown" task show "$mistake"
check "the deleted task is not found" eval 'stderr_is_sentence && stderr_has "ID $mistake"'
db_status 0 "task list --json" task list --from 2030-03-01 --to 2030-03-31 --json
check "the deleted task has no occurrence left" json \
  'all(o["task_id"] != '"$mistake"' for o in d)'
db_status 1 "a deleted task cannot be deleted again" task delete "$mistake"
check "the error names the task" eval 'stderr_is_sentence && stderr_has "ID $mistake"'
db_status 2 "task delete without an ID is a usage error" task delete
db_status 2 "task delete with an ID that is not a number is a usage error" task delete first
check "the ID error says what an ID is" stderr_has "“first” is not an ID"
db_status 2 "task delete with two IDs is a usage error" task delete "$late" "$late"

# Hours and invoices will refer to tasks; until they exist, a table of the
# same kind (a foreign key without ON DELETE CASCADE) stands in for them.
db_status 0 "a task with recorded hours" task add --assistant "$jonas" --title "Billed work" \
  --due 2030-03-05
billed=$(sed -n 1p "$out")
"$PYTHON" - "$db" "$billed" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("CREATE TABLE test_time_entries (task_id INTEGER NOT NULL REFERENCES tasks (id))")
db.execute("INSERT INTO test_time_entries VALUES (?)", (int(sys.argv[2]),))
db.commit()
EOF
db_status 1 "a task that hours refer to cannot be deleted" task delete "$billed"
check "the error says why and points to task cancel" \
  eval 'stderr_is_sentence && stderr_has "Billed work" && stderr_has "task cancel $billed"'
db_status 0 "task show --json" task show "$billed" --json
check "the refused task is still there and open" json 'd["status"] == "open"'

# --- the day the clocks go forward --------------------------------------

# 02:30 does not exist in New York on 10 March 2030: that date is due at
# 03:30 EDT (07:30 UTC) but keeps the name the rule gives it, 02:30, in
# Delegate and in the calendar file.
db_status 0 "a daily task at 02:30 in New York" task add --assistant "$jonas" --title "Night batch" \
  --due 2030-03-08 --time 02:30 --time-zone America/New_York --repeat daily --count 5
batch=$(sed -n 1p "$out")
batch_uid=$(sed -n 2p "$out")
db_status 0 "done on the day the clocks go forward" task done "$batch" --occurrence 2030-03-10T02:30
db_status 0 "calendar export of Jonas's" calendar export --assistant "$jonas" -o "$tmp/jonas.ics"
check "the date keeps its name 02:30 in the file" \
  grep -q "^RECURRENCE-ID;TZID=America/New_York:20300310T023000" "$tmp/jonas.ics"
db_status 0 "calendar import --dry-run --json of that export" calendar import "$tmp/jonas.ics" \
  --dry-run --json
check "it reads back with nothing to change" json 'd["changes"] == [] and d["skipped"] == []'

# Another program names the date by its instant in UTC, and reopens it.
"$PYTHON" - "$tmp/jonas.ics" "$tmp/jonas-utc.ics" <<'EOF'
import sys
source, target = sys.argv[1:]
text = open(source, encoding="utf-8", newline="").read()
blocks = text.split("BEGIN:VTODO")
for i, block in enumerate(blocks):
    if "RECURRENCE-ID;TZID=America/New_York:20300310T023000" in block:
        block = block.replace("RECURRENCE-ID;TZID=America/New_York:20300310T023000",
                              "RECURRENCE-ID:20300310T073000Z")
        blocks[i] = block.replace("STATUS:COMPLETED", "STATUS:NEEDS-ACTION")
open(target, "w", encoding="utf-8", newline="").write("BEGIN:VTODO".join(blocks))
EOF
db_status 0 "calendar import --dry-run --json of the date named in UTC" calendar import \
  "$tmp/jonas-utc.ics" --dry-run --json
check "the UTC instant finds the date" json \
  '[(c["task_id"], c["recurrence_id"], c["old_status"], c["new_status"]) for c in d["changes"]]
   == [('"$batch"', "20300310T023000", "done", "open")] and d["skipped"] == []'
db_status 0 "calendar import --dry-run of the date named in UTC" calendar import \
  "$tmp/jonas-utc.ics" --dry-run
check "the summary counts the dates and the tasks they belong to" \
  stdout_has "1 date of 1 repeating task will change."

# An entry for this date and every later one is not applied to one date
# silently; a series of the assistant's own, with a date of its own, is
# one task that Delegate does not have.
printf '%s\r\n' "BEGIN:VCALENDAR" "VERSION:2.0" "PRODID:-//Test//Assistant//EN" \
  "BEGIN:VTODO" "UID:$batch_uid" "DTSTAMP:20300312T000000Z" \
  "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=America/New_York:20300311T023000" \
  "SUMMARY:Night batch" "STATUS:CANCELLED" "END:VTODO" \
  "BEGIN:VTODO" "UID:own-series@example.com" "DTSTAMP:20300312T000000Z" \
  "DTSTART:20300311T090000Z" "DUE:20300311T090000Z" "RRULE:FREQ=DAILY;COUNT=3" \
  "SUMMARY:Water the plants" "STATUS:NEEDS-ACTION" "END:VTODO" \
  "BEGIN:VTODO" "UID:own-series@example.com" "DTSTAMP:20300312T000000Z" \
  "RECURRENCE-ID:20300312T090000Z" "SUMMARY:Water the plants" "STATUS:COMPLETED" "END:VTODO" \
  "END:VCALENDAR" > "$tmp/ranges.ics"
db_status 0 "calendar import --dry-run --json of a range and an unknown series" calendar import \
  "$tmp/ranges.ics" --dry-run --json
check "the range changes nothing and is listed with its reason" json \
  'd["changes"] == [] and [s["line"] for s in d["skipped"] if s["uid"] == "'"$batch_uid"'"
   and "THISANDFUTURE" in s["reason"]] == [7]'
check "the unknown series counts as one task" json \
  '"1 task in the file is not in Delegate" in d["summary"]
   and len([s for s in d["skipped"] if s["uid"] == "own-series@example.com"]) >= 1'

# --- calendar export ----------------------------------------------------

db_status 2 "calendar export without -o is a usage error" calendar export
db_status 1 "calendar export for an unknown assistant fails" calendar export --assistant 9999 -o "$tmp/x.ics"
check "the unknown assistant is named" eval 'stderr_is_sentence && stderr_has 9999'
db_status 2 "calendar export for an ID that is not a number is a usage error" \
  calendar export --assistant maria -o "$tmp/x.ics"
check "the ID error says what an ID is" stderr_has "“maria” is not an ID"
check "the failed export wrote no file" test ! -e "$tmp/x.ics"

db_status 0 "a timed task in UTC" task add --assistant "$jonas" --title "Server check" \
  --due 2030-03-06 --time 10:00 --time-zone UTC
db_status 0 "a timed task in Etc/UTC" task add --assistant "$jonas" --title "Log rotation" \
  --due 2030-03-06 --time 11:00 --time-zone Etc/UTC
db_status 0 "calendar export of every assistant" calendar export -o "$tmp/all.ics"
check "UTC times are written as UTC, with no zone of that name" \
  eval 'grep -q "^DUE:20300306T100000Z" "$tmp/all.ics" && grep -q "^DUE:20300306T110000Z" "$tmp/all.ics" &&
        ! grep -qE "TZID[=:](Etc/)?UTC" "$tmp/all.ics"'
check "calendar export prints nothing" test ! -s "$out"
check "the export writes UNTIL as it is stored" \
  eval 'grep -q "^RRULE:FREQ=DAILY;UNTIL=20300403T215959Z" "$tmp/all.ics" &&
        tr -d "\r" < "$tmp/all.ics" | grep -qx "RRULE:FREQ=DAILY;UNTIL=20300403"'
check "the file is a calendar with every task" \
  eval 'grep -q "^BEGIN:VCALENDAR" "$tmp/all.ics" && grep -qF "$oneoff_uid" "$tmp/all.ics" &&
        grep -q "Check the inbox" "$tmp/all.ics"'
# RFC 5545 wants a DUE later than DTSTART: a one-off task has DUE alone; a
# repeating one keeps DTSTART, which its dates are defined on, equal to DUE.
check "one-off tasks have no DTSTART, repeating ones DTSTART equal to DUE" \
  "$PYTHON" - "$tmp/all.ics" <<'EOF'
import sys
text = open(sys.argv[1], encoding="utf-8", newline="").read()
lines = text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")
masters, block = [], None
for line in lines:
    if line == "BEGIN:VTODO":
        block = {}
    elif line == "END:VTODO":
        if "RECURRENCE-ID" not in block:
            masters.append(block)
        block = None
    elif block is not None and ":" in line:
        name, value = line.split(":", 1)
        block[name.split(";")[0]] = (name.partition(";")[2], value)
one_off = [m for m in masters if "RRULE" not in m]
repeating = [m for m in masters if "RRULE" in m]
sys.exit(0 if one_off and repeating and all("DTSTART" not in m and "DUE" in m for m in one_off)
         and all(m.get("DTSTART") == m.get("DUE") for m in repeating) else 1)
EOF
db_status 0 "calendar import --dry-run --json of every assistant's tasks" calendar import \
  "$tmp/all.ics" --dry-run --json
check "the export of every assistant has nothing to change" json 'd["changes"] == [] and d["skipped"] == []'

db_status 0 "calendar export of Maria's to standard output" calendar export --assistant "$maria" -o -
cp "$out" "$tmp/maria.ics"
check "standard output has Maria's tasks only" \
  eval 'stdout_has "BEGIN:VCALENDAR" && stdout_has "$oneoff_uid" && stdout_has "$weekly_uid" &&
        ! stdout_has "Check the inbox"'
check "the export has the weekly rule and the done occurrence" \
  eval 'stdout_has "RRULE:FREQ=WEEKLY" && grep -q "^RECURRENCE-ID.*20300107T090000" "$out"'

# --- calendar import: the assistant's copy ------------------------------

# The assistant's calendar marks the one-off task done and one more
# occurrence of the weekly task done, and holds a to-do of its own.
"$PYTHON" - "$tmp/maria.ics" "$tmp/assistant.ics" "$oneoff_uid" "$weekly_uid" <<'EOF'
import sys
source, target, oneoff_uid, weekly_uid = sys.argv[1:]
text = open(source, encoding="utf-8", newline="").read()
# Unfolded, so that a property is one line; the import reads either.
lines = text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")
result, block = [], None
for line in lines:
    if line == "BEGIN:VTODO":
        block = []
    if block is None:
        if line == "END:VCALENDAR":
            result += ["BEGIN:VTODO", "UID:" + weekly_uid, "DTSTAMP:20300201T000000Z",
                       "RECURRENCE-ID;TZID=Asia/Manila:20300128T090000",
                       "SUMMARY:Weekly report", "STATUS:COMPLETED",
                       "COMPLETED:20300128T030000Z", "END:VTODO",
                       "BEGIN:VTODO", "UID:made-by-the-assistant@example.com",
                       "DTSTAMP:20300201T000000Z", "SUMMARY:Buy printer paper",
                       "STATUS:NEEDS-ACTION", "END:VTODO"]
        result.append(line)
        continue
    block.append(line)
    if line == "END:VTODO":
        if "UID:" + oneoff_uid in block and not any(l.startswith("RECURRENCE-ID") for l in block):
            block = [l for l in block if not l.startswith(("STATUS:", "PERCENT-COMPLETE:", "COMPLETED:"))]
            block[-1:-1] = ["STATUS:COMPLETED", "PERCENT-COMPLETE:100", "COMPLETED:20300115T040000Z"]
        result += block
        block = None
open(target, "w", encoding="utf-8", newline="").write("\r\n".join(result))
EOF
check "the assistant's copy was written" test -s "$tmp/assistant.ics"

snapshot "$tmp/before-import.json"
db_status 0 "calendar import --dry-run" calendar import "$tmp/assistant.ics" --dry-run
check "the preview lists the changes with their lines" \
  eval 'stdout_has "Line " && stdout_has "Send invoice reminders" && stdout_has "Weekly report"'
check "the preview lists the unknown to-do" stdout_has "Buy printer paper"
check "the preview says nothing was changed" stdout_has "dry run"
snapshot "$tmp/after-dry-run.json"
check "the dry run changed nothing" cmp -s "$tmp/before-import.json" "$tmp/after-dry-run.json"

db_status 0 "calendar import --dry-run --json" calendar import "$tmp/assistant.ics" --dry-run --json
check "the JSON preview has the two changes" json \
  'sorted((c["task_id"], c["recurrence_id"], c["old_status"], c["new_status"]) for c in d["changes"])
   == sorted([('"$oneoff"', "", "open", "done"), ('"$weekly"', "20300128T090000", "open", "done")])
   and not d["applied"]'
check "the JSON preview has the unknown to-do with its line and reason" json \
  '[(s["uid"], s["line"] > 0, s["reason"] != "") for s in d["skipped"]]
   == [("made-by-the-assistant@example.com", True, True)]'

db_status 0 "calendar import" calendar import "$tmp/assistant.ics"
check "the import says it saved the changes" stdout_has "saved"
db_status 0 "task list --json" task list --assistant "$maria" --from 2030-01-07 --to 2030-02-04 --json
check "the import changed the status by UID and by occurrence" json \
  '[(o["task_id"], o["recurrence_id"], o["status"]) for o in d]
   == [('"$weekly"', "20300107T090000", "done"), ('"$weekly"', "20300114T090000", "skipped"),
       ('"$oneoff"', "", "done"), ('"$weekly"', "20300121T090000", "open"),
       ('"$weekly"', "20300128T090000", "done"), ('"$weekly"', "20300204T090000", "open")]'
check "the unknown to-do was not created" json 'all(o["title"] != "Buy printer paper" for o in d)'

db_status 0 "calendar import of the same file again" calendar import "$tmp/assistant.ics" --json
check "the second import has nothing to change" json 'd["changes"] == [] and not d["applied"]'

# set_progress SOURCE TARGET UID STATUS [PERCENT]: the assistant's copy with
# the to-do UID (the task itself, not one date) given STATUS and PERCENT.
set_progress () {
  "$PYTHON" - "$@" <<'EOF'
import sys
source, target, uid, status = sys.argv[1:5]
percent = sys.argv[5] if len(sys.argv) > 5 else None
text = open(source, encoding="utf-8", newline="").read()
lines = text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")
result, block = [], None
for line in lines:
    if line == "BEGIN:VTODO":
        block = []
    if block is None:
        result.append(line)
        continue
    block.append(line)
    if line == "END:VTODO":
        if "UID:" + uid in block and not any(l.startswith("RECURRENCE-ID") for l in block):
            block = [l for l in block if not l.startswith(("STATUS:", "PERCENT-COMPLETE:", "COMPLETED:"))]
            block[-1:-1] = ["STATUS:" + status] + (["PERCENT-COMPLETE:" + percent] if percent else [])
        result += block
        block = None
open(target, "w", encoding="utf-8", newline="").write("\r\n".join(result))
EOF
}

# The assistant reopens the task the import just marked done, then starts it.
db_status 0 "calendar export of Maria's after the import" calendar export --assistant "$maria" \
  -o "$tmp/maria-done.ics"
set_progress "$tmp/maria-done.ics" "$tmp/reopened-by-assistant.ics" "$oneoff_uid" NEEDS-ACTION 0
db_status 0 "calendar import --dry-run of a done task reopened" calendar import \
  "$tmp/reopened-by-assistant.ics" --dry-run
check "the preview says Done → Open, without the 0 % that open means" \
  eval 'row_matches "Send invoice reminders" "Done → Open$"'
set_progress "$tmp/maria-done.ics" "$tmp/started-by-assistant.ics" "$oneoff_uid" IN-PROCESS 40
db_status 0 "calendar import --dry-run of a done task in progress" calendar import \
  "$tmp/started-by-assistant.ics" --dry-run
check "the preview gives the progress of a task in progress" \
  eval 'row_matches "Send invoice reminders" "Done → In Progress \(40 %\)$"'

# --- calendar import: damaged files -------------------------------------

snapshot "$tmp/before-damaged.json"
printf '%s\r\n' "BEGIN:VCALENDAR" "VERSION:2.0" "PRODID:-//Test//Damaged//EN" \
  "BEGIN:VTODO" "UID:$weekly_uid" "DTSTAMP:20300201T000000Z" \
  "RECURRENCE-ID;TZID=Asia/Manila:20300204T090000" "STATUS:COMPLETED" "END:VTODO" \
  "BEGIN:VTODO" "UID:$oneoff_uid" "DTSTAMP:20300201T000000Z" "DUE:2030-13-45" \
  "STATUS:CANCELLED" "END:VTODO" "END:VCALENDAR" > "$tmp/bad-date.ics"
db_status 1 "an import with a bad date fails" calendar import "$tmp/bad-date.ics"
check "the error names the line" eval 'stderr_is_sentence && stderr_has "Line 13"'
check "the error names the file" stderr_has "bad-date.ics"
check "nothing of the damaged file was previewed" test ! -s "$out"

printf '%s\n' "BEGIN:VCALENDAR" "VERSION:2.0" "PRODID:-//Test//Damaged//EN" \
  "BEGIN:VTODO" "UID:$weekly_uid" "RECURRENCE-ID;TZID=Asia/Manila:20300204T090000" \
  "STATUS:COMPLETED" "END:VCALENDAR" > "$tmp/missing-end.ics"
db_status 1 "an import with a missing END fails" calendar import "$tmp/missing-end.ics"
check "the error names the line of the unclosed BEGIN" eval 'stderr_is_sentence && stderr_has "Line 4"'

db_status 1 "a file that does not exist fails" calendar import "$tmp/no-such.ics"
check "the error is a sentence" stderr_is_sentence
db_status 2 "calendar import without a file is a usage error" calendar import
db_status 2 "calendar import with two files is a usage error" calendar import "$tmp/a.ics" "$tmp/b.ics"

snapshot "$tmp/after-damaged.json"
check "the damaged files changed nothing" cmp -s "$tmp/before-damaged.json" "$tmp/after-damaged.json"

echo "1..$n"
[ "$failed" -eq 0 ]
