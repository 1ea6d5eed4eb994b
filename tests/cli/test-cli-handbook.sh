#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drives “delegate-cli handbook …” against a database in a temporary
# directory: adding (empty, with steps, from the starter library in English
# and German), listing, showing, searching, publishing, exporting, archiving
# and deleting, with the exit statuses scripts rely on (0 done, 1 operation
# failed, 2 wrong command line). Output is TAP.
#
# Usage: test-cli-handbook.sh DELEGATE-CLI [TEMP-PARENT-DIR]

set -u

CLI=${1:?"usage: test-cli-handbook.sh DELEGATE-CLI [TEMP-PARENT-DIR]"}
TEST_NAME=delegate-cli-handbook-test
TEST_TMP_PARENT=${2:-}
. "$(dirname "$0")/cli-test-lib.sh"

# in_order FILE TEXT…: each TEXT occurs in FILE, after the one before it
in_order () {
  "$PYTHON" -c '
import sys
text = open(sys.argv[1], encoding="utf-8").read()
position = 0
for word in sys.argv[2:]:
    position = text.find(word, position)
    if position < 0:
        sys.exit(1)
    position += len(word)
' "$@"
}

header_has () { head -n 1 "$out" | grep -qF -- "$1"; }
# row_matches TEXT REGEX: the lines with TEXT match REGEX
row_matches () { grep -F -- "$1" "$out" | grep -qE -- "$2"; }
stdout_is_number () { grep -qxE '[1-9][0-9]*' "$out"; }

# --- help and usage -----------------------------------------------------

for command in handbook "handbook list" "handbook show" "handbook search" "handbook add" \
               "handbook templates" "handbook publish" "handbook export" \
               "handbook archive" "handbook restore" "handbook delete"; do
  # shellcheck disable=SC2086 # the words of the command are meant to split
  expect_status 0 "'delegate-cli $command --help' exits 0" $command --help
  check "'delegate-cli $command --help' shows its usage" \
    stdout_has "delegate-cli $command [OPTION"
done

expect_status 0 "program help" --help
check "program help lists the handbook command" stdout_has "handbook"
expect_status 0 "handbook --help" handbook --help
check "handbook help lists its subcommands" \
  eval 'stdout_has list && stdout_has search && stdout_has publish && stdout_has export && stdout_has templates'
expect_status 0 "handbook add --help" handbook add --help
check "handbook add help lists its options" \
  eval 'stdout_has --title && stdout_has --step && stdout_has --template && stdout_has --language'
expect_status 0 "handbook export --help" handbook export --help
check "handbook export help lists its options" \
  eval 'stdout_has --format && stdout_has --output && stdout_has --version'

db_status 2 "handbook without subcommand is a usage error" handbook
db_status 2 "an unknown subcommand is a usage error" handbook frobnicate
check "the unknown subcommand is named" stderr_has "frobnicate"
db_status 2 "an unknown option is a usage error" handbook list --frobnicate
check "a usage error points to --help" stderr_has "--help"
db_status 2 "--all with --archived is a usage error" handbook list --all --archived
db_status 2 "handbook add without --title or --template is a usage error" handbook add --purpose "Why"
check "the missing option is named" stderr_has "--title"
db_status 2 "--language without --template is a usage error" handbook add --title T --language de
db_status 2 "--step with --template is a usage error" \
  handbook add --template appointment-scheduling --step "Extra"
db_status 2 "handbook show without an ID is a usage error" handbook show
db_status 2 "an ID that is not a number is a usage error" handbook show abc
db_status 2 "a second argument is a usage error" handbook show 1 2
db_status 2 "a version that is not a number is a usage error" handbook show 1 --version two
db_status 2 "version 0 is a usage error" handbook show 1 --version 0
db_status 2 "handbook search without words is a usage error" handbook search
db_status 2 "a limit of 0 is a usage error" handbook search word --limit 0
db_status 2 "handbook publish without an ID is a usage error" handbook publish
db_status 2 "handbook export without -o is a usage error" handbook export 1
check "the missing -o is named" stderr_has "-o"
db_status 2 "an unknown export format is a usage error" handbook export 1 --format docx -o "$tmp/x.docx"
db_status 2 "a file name without a format is a usage error" handbook export 1 -o "$tmp/x.txt"
db_status 2 "a PDF on standard output is a usage error" handbook export 1 --format pdf -o -
check "the usage errors created no database" test ! -e "$db"

# --- a database that does not exist -------------------------------------

# A mistyped path must not answer from a new, empty database.
typo="$tmp/no-such-folder/typo.db"
names_typo () { stderr_is_sentence && stderr_has "$typo"; }
for command in "handbook list" "handbook show 1" "handbook search word" \
               "handbook publish 1" "handbook export 1 -o $tmp/typo.md" \
               "handbook archive 1" "handbook delete 1"; do
  # shellcheck disable=SC2086 # the words of the command are meant to split
  expect_status 1 "'$command' on a database that does not exist fails" \
    --database "$typo" $command
  check "'$command' names the missing database" names_typo
done
check "reading creates neither the database nor its folder" test ! -e "$tmp/no-such-folder"
check "a failed export writes no file" test ! -e "$tmp/typo.md"

# --- the starter library ------------------------------------------------

expect_status 0 "handbook templates needs no database" --database "$typo" handbook templates
check "the templates are listed with a header" header_has "Title"
check "the English template is listed" row_matches "appointment-scheduling" "Appointment scheduling"
check "listing templates created no database" test ! -e "$tmp/no-such-folder"
expect_status 0 "handbook templates --language de --json" handbook templates --language de --json
check "the German templates are listed" json \
  '"appointment-scheduling" in [t["id"] for t in d] and all(t["language"] == "de" for t in d)
   and [t["title"] for t in d if t["id"] == "appointment-scheduling"] == ["Termine vereinbaren"]'
expect_status 1 "an unknown template language fails" handbook templates --language fr
check "the language error is a sentence" eval 'stderr_is_sentence && stderr_has "fr"'

# --- adding -------------------------------------------------------------

db_status 0 "handbook add from an English template" handbook add --template appointment-scheduling
check "handbook add prints the new ID" stdout_is_number
check "adding created the database" test -s "$db"
english=$(cat "$out")

db_status 0 "handbook add from a German template" \
  handbook add --template appointment-scheduling --language de
check "handbook add prints the new ID" stdout_is_number
german=$(cat "$out")
check "the two IDs differ" test "$english" != "$german"

db_status 0 "handbook add with steps" handbook add --title "Weekly backup" \
  --purpose "Keep a second copy of every file." --tag it --tag backup \
  --step "Plug in the disk" --step "Run the backup" --step "Put the disk away"
check "handbook add prints the new ID" stdout_is_number
backup=$(cat "$out")

db_status 0 "handbook add with umlauts" handbook add --title "Rückfragen klären" \
  --step "Terminvereinbarung bestätigen" --step "Überweisung prüfen"
umlauts=$(cat "$out")

db_status 1 "an unknown template fails" handbook add --template no-such-template
check "the template error is a sentence" eval 'stderr_is_sentence && stderr_has "no-such-template"'
db_status 1 "an empty title fails" handbook add --title "  "
check "the title error is a sentence" stderr_is_sentence
db_status 1 "an empty step title fails" handbook add --title "Broken" --step "First" --step ""
check "the step error names the step" eval 'stderr_is_sentence && stderr_has "Step 2"'

# --- listing and showing ------------------------------------------------

db_status 0 "handbook list" handbook list
check "the list has a header" eval 'header_has "Title" && header_has "Version" && header_has "Steps"'
check "the list shows every handbook" \
  eval 'stdout_has "Appointment scheduling" && stdout_has "Termine vereinbaren" && stdout_has "Weekly backup"'
check "a row starts with the ID and shows draft and the steps" \
  row_matches "Weekly backup" "^$backup +Weekly backup +draft +3 "

db_status 0 "handbook list --json" handbook list --json
check "the JSON list has every field" json \
  'len(d) == 4 and all(set(h) == {"id", "title", "version", "has_unpublished_changes",
   "step_count", "tags", "archived"} for h in d)'
check "the failed adds stored nothing" json '"Broken" not in [h["title"] for h in d]'
check "the JSON list is sorted by title" json '[h["title"] for h in d] == sorted(h["title"] for h in d)'
check "the handbook with steps is listed as a draft" json \
  '[(h["version"], h["has_unpublished_changes"], h["step_count"], h["tags"], h["archived"])
    for h in d if h["id"] == '"$backup"'] == [(None, True, 3, ["it", "backup"], False)]'
check "the template handbooks have their steps" json \
  'all(h["step_count"] > 3 for h in d if h["id"] in ('"$english"', '"$german"'))'

db_status 0 "handbook show" handbook show "$backup"
check "show prints the title and the purpose" \
  eval 'stdout_has "Weekly backup" && stdout_has "Keep a second copy of every file."'
check "show numbers the steps in order" \
  in_order "$out" "1. Plug in the disk" "2. Run the backup" "3. Put the disk away"
check "show prints the tags" stdout_has "it, backup"

db_status 0 "handbook show of a template" handbook show "$english"
check "checklist steps are marked" stdout_has "[ ] "
check "estimates are shown" stdout_has " min)"
check "links are shown" stdout_has "https://"

db_status 0 "handbook show --json" handbook show "$english" --json
check "show --json has every field" json \
  'set(d) == {"id", "title", "purpose", "tags", "links", "published", "version",
              "has_unpublished_changes", "change_note", "date", "archived", "total_minutes", "steps"}'
check "show --json has the steps" json \
  'd["id"] == '"$english"' and d["title"] == "Appointment scheduling" and not d["published"]
   and d["version"] is None and len(d["steps"]) > 3
   and [s["number"] for s in d["steps"]] == list(range(1, len(d["steps"]) + 1))
   and any(s["checklist"] for s in d["steps"]) and all(s["details"] for s in d["steps"])
   and d["total_minutes"] == sum(s["minutes"] for s in d["steps"]) > 0
   and len(d["links"]) > 0'
db_status 0 "handbook show --json of the German template" handbook show "$german" --json
check "the German template is in German" json \
  'd["title"] == "Termine vereinbaren" and "Kalender" in d["tags"]'

db_status 1 "handbook show of an unknown ID fails" handbook show 99999
check "the unknown ID is named" eval 'stderr_is_sentence && stderr_has "99999"'
db_status 1 "a version that was never published fails" handbook show "$backup" --version 1
check "the version error is a sentence" stderr_is_sentence

# --- searching ----------------------------------------------------------

db_status 0 "handbook search with a prefix" handbook search appoint
check "the search finds the handbook" row_matches "Appointment scheduling" "^$english "
check "the match is marked" stdout_has "**appoint"
check "the search finds nothing else" eval '! stdout_has "Weekly backup"'

db_status 0 "handbook search --json" handbook search appoint --json
check "search --json has both snippets" json \
  'len(d) >= 1 and d[0]["id"] == '"$english"' and d[0]["title"] == "Appointment scheduling"
   and set(d[0]) == {"id", "title", "snippet", "snippet_markup"}
   and "<b>" in d[0]["snippet_markup"] and "**" in d[0]["snippet"]
   and "<b>" not in d[0]["snippet"]'

# Typed without the umlaut, as on a keyboard without one.
db_status 0 "a word without its umlaut finds it" handbook search termin --json
check "termin finds Terminvereinbarung" json \
  ''"$umlauts"' in [h["id"] for h in d] and '"$german"' in [h["id"] for h in d]'
db_status 0 "a search without accents" handbook search ruckfragen uberweis --json
check "rückfragen and überweisung are found without the umlauts" json \
  '[h["id"] for h in d] == ['"$umlauts"']'
check "the plain snippet keeps the umlaut and marks the match" json \
  '"**Überweisung**" in d[0]["snippet"] or "**Rückfragen**" in d[0]["snippet"]'

db_status 0 "entities are unescaped in the plain snippet" handbook add --title "Tom & Jerry's <notes>"
db_status 0 "handbook search for it" handbook search jerry --json
check "the markup is escaped and the text is not" json \
  '"&amp;" in d[0]["snippet_markup"] and "Tom & **Jerry" in d[0]["snippet"] and "<notes>" in d[0]["snippet"]'

db_status 0 "handbook search --limit" handbook search the --limit 1 --json
check "the limit is kept" json 'len(d) == 1'
db_status 0 "a search that finds nothing" handbook search zyxwvut
check "it says so" stdout_has "zyxwvut"
db_status 0 "a search that finds nothing, as JSON" handbook search zyxwvut --json
check "the JSON list is empty" json 'd == []'

# --- publishing ---------------------------------------------------------

db_status 0 "handbook publish" handbook publish "$backup" --note "First version"
check "publish prints version 1" eval '[ "$(cat "$out")" = 1 ]'
db_status 1 "publishing again without changes fails" handbook publish "$backup"
check "the refusal is core's sentence" eval 'stderr_is_sentence && stderr_has "Weekly backup"'
db_status 1 "publishing an unknown ID fails" handbook publish 99999

db_status 0 "handbook list --json after publishing" handbook list --json
check "the list shows version 1 without changes" json \
  '[(h["version"], h["has_unpublished_changes"]) for h in d if h["id"] == '"$backup"'] == [(1, False)]'
db_status 0 "handbook list after publishing" handbook list
check "the list shows the version number" row_matches "Weekly backup" "^$backup +Weekly backup +1 +3 "

db_status 0 "handbook show --version 1" handbook show "$backup" --version 1 --json
check "the published version is shown" json \
  'd["published"] and d["version"] == 1 and d["change_note"] == "First version"
   and [s["title"] for s in d["steps"]] == ["Plug in the disk", "Run the backup", "Put the disk away"]'

# --- exporting ----------------------------------------------------------

db_status 0 "handbook export as Markdown" handbook export "$backup" -o "$tmp/backup.md"
check "export prints nothing" test ! -s "$out"
check "the Markdown has the title" grep -qF "# Weekly backup" "$tmp/backup.md"
check "the Markdown has the steps in order" \
  in_order "$tmp/backup.md" "Plug in the disk" "Run the backup" "Put the disk away"

db_status 0 "handbook export --version 1 -o -" handbook export "$backup" --version 1 -o -
check "the Markdown goes to standard output" \
  in_order "$out" "# Weekly backup" "Plug in the disk" "Run the backup" "Put the disk away"
check "the version is named" stdout_has "Version 1"

db_status 0 "handbook export --format md to any name" \
  handbook export "$german" --format md -o "$tmp/termine.txt"
check "the German Markdown has the title" grep -qF "# Termine vereinbaren" "$tmp/termine.txt"

db_status 0 "handbook export as PDF" handbook export "$english" -o "$tmp/appointments.pdf"
check "the PDF starts with %PDF" eval '[ "$(head -c 4 "$tmp/appointments.pdf")" = "%PDF" ]'
if command -v pdftotext >/dev/null; then
  pdftotext "$tmp/appointments.pdf" "$tmp/appointments.txt"
  check "the PDF has the title" grep -qF "Appointment scheduling" "$tmp/appointments.txt"
  check "the PDF has page numbers" grep -qF "Page 1 of" "$tmp/appointments.txt"
else
  pass "# SKIP pdftotext is not installed"
fi
db_status 0 "handbook export --format pdf" \
  handbook export "$backup" --version 1 --format pdf -o "$tmp/backup.bin"
check "the PDF starts with %PDF" eval '[ "$(head -c 4 "$tmp/backup.bin")" = "%PDF" ]'

db_status 1 "export of an unknown ID fails" handbook export 99999 -o "$tmp/none.md"
check "nothing was written" test ! -e "$tmp/none.md"
db_status 1 "export of an unpublished version fails" handbook export "$backup" --version 7 -o "$tmp/none.md"
check "nothing was written" test ! -e "$tmp/none.md"
db_status 1 "export to a folder that does not exist fails" \
  handbook export "$backup" -o "$tmp/no-folder/backup.md"
check "the write error is a sentence" stderr_is_sentence

# --- archiving and deleting ---------------------------------------------

db_status 0 "handbook archive" handbook archive "$english"
db_status 0 "handbook list --json" handbook list --json
check "the list hides the archived handbook" json '"Appointment scheduling" not in [h["title"] for h in d]'
db_status 0 "handbook list --archived --json" handbook list --archived --json
check "--archived shows only the archived one" json \
  '[(h["id"], h["archived"]) for h in d] == [('"$english"', True)]'
db_status 0 "handbook list --all" handbook list --all
check "--all shows the archived handbook" row_matches "Appointment scheduling" "archived"
db_status 0 "handbook restore" handbook restore "$english"
db_status 0 "handbook list --json" handbook list --json
check "the restored handbook is listed again" json '"Appointment scheduling" in [h["title"] for h in d]'

# An assistant who has read the handbook keeps it from being deleted; the
# command line cannot record that yet, so the row is written directly.
db_status 0 "assistant add" assistant add --name "Maria Santos" --time-zone Asia/Manila --currency EUR
maria=$(cat "$out")
check "an acknowledgement is recorded" "$PYTHON" -c '
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA foreign_keys = ON")
db.execute("INSERT INTO handbook_acknowledgements VALUES (?, ?, 1, ?)",
           (int(sys.argv[2]), int(sys.argv[3]), "2026-01-15"))
db.commit()
' "$db" "$backup" "$maria"
db_status 1 "a handbook an assistant has read cannot be deleted" handbook delete "$backup"
check "the refusal is a sentence" stderr_is_sentence
check "the refusal suggests archiving" stderr_has "delegate-cli handbook archive $backup"
db_status 0 "handbook show" handbook show "$backup"
check "the refused handbook is kept" stdout_has "Weekly backup"

db_status 0 "handbook delete" handbook delete "$umlauts"
db_status 1 "a deleted handbook cannot be shown" handbook show "$umlauts"
db_status 0 "handbook search --json" handbook search ruckfragen --json
check "a deleted handbook is not found" json \
  "$umlauts"' not in [h["id"] for h in d] and len(d) > 0'
db_status 1 "a deleted handbook cannot be deleted again" handbook delete "$umlauts"

echo "1..$n"
[ "$failed" -eq 0 ]
