#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drives delegate-cli against a database in a temporary directory and checks
# what it prints, what it stores and the exit statuses scripts rely on
# (0 done, 1 operation failed, 2 wrong command line). Output is TAP.
#
# Usage: test-cli.sh DELEGATE-CLI [TEMP-PARENT-DIR]

set -u

CLI=${1:?"usage: test-cli.sh DELEGATE-CLI [TEMP-PARENT-DIR]"}
TEST_NAME=delegate-cli-test
TEST_TMP_PARENT=${2:-}
. "$(dirname "$0")/cli-test-lib.sh"

header_has () { head -n 1 "$out" | grep -qF -- "$1"; }
# row_matches TEXT REGEX: the lines with TEXT match REGEX
row_matches () { grep -F -- "$1" "$out" | grep -qE -- "$2"; }
stdout_is_id () { grep -qxE '[1-9][0-9]*' "$out"; }

# --- help and usage -----------------------------------------------------

for command in "" profile "profile show" "profile set" assistant \
               "assistant list" "assistant show" "assistant add" "assistant edit" \
               "assistant archive" "assistant restore" "assistant delete"; do
  # shellcheck disable=SC2086 # the words of the command are meant to split
  expect_status 0 "'delegate-cli $command --help' exits 0" $command --help
  check "'delegate-cli $command --help' shows its usage" \
    stdout_has "delegate-cli${command:+ $command} [OPTION"
done

check "program help lists the commands" stdout_has "assistant"
expect_status 0 "assistant --help" assistant --help
check "assistant help lists its subcommands" \
  eval 'stdout_has archive && stdout_has restore && stdout_has delete'
expect_status 0 "assistant add --help" assistant add --help
check "assistant add help lists its options" \
  eval 'stdout_has --name && stdout_has --rate && stdout_has --tax-status && stdout_has --vat-rate &&
        stdout_has --tax-number && stdout_has --iban && stdout_has --bic && stdout_has --invoice-language'
expect_status 0 "profile set --help" profile set --help
check "profile set help lists the cancellation number pattern" stdout_has --cancellation-number-pattern
# Named after its property, like --invoice-number-pattern beside it.
check "profile set help has no --cancellation-pattern" eval '! stdout_has "--cancellation-pattern="'

expect_status 0 "--version exits 0" --version
check "--version prints the version" stdout_has "delegate-cli "

expect_status 2 "no command is a usage error" --database "$db"
expect_status 2 "an unknown command is a usage error" --database "$db" frobnicate
check "the unknown command is named" stderr_has "frobnicate"
check "a usage error points to --help" stderr_has "--help"
expect_status 2 "an unknown program option is a usage error" --frobnicate assistant list
db_status 2 "a command without subcommand is a usage error" assistant
db_status 2 "an unknown subcommand is a usage error" assistant frobnicate
db_status 2 "an unknown option is a usage error" assistant list --frobnicate
check "the unknown option is named" stderr_has "--frobnicate"
db_status 2 "--all with --archived is a usage error" assistant list --all --archived
db_status 2 "an unexpected argument is a usage error" profile show extra
db_status 2 "a missing option argument is a usage error" assistant add --name
expect_status 2 "--database without a path is a usage error" --database

expect_status 2 "a usage error before the database is opened" \
  --database "$tmp/never.db" assistant list --frobnicate
check "a usage error creates no database" test ! -e "$tmp/never.db"

# --- a database that does not exist -------------------------------------

# A mistyped path must not answer from a new, empty database.
typo="$tmp/no-such-folder/typo.db"
names_typo () { stderr_is_sentence && stderr_has "$typo"; }
for command in "profile show" "assistant list" "assistant show 1" \
               "assistant edit 1 --name X" "assistant archive 1" "assistant delete 1"; do
  # shellcheck disable=SC2086 # the words of the command are meant to split
  expect_status 1 "'$command' on a database that does not exist fails" \
    --database "$typo" $command
  check "'$command' names the missing database" names_typo
done
check "reading creates neither the database nor its folder" test ! -e "$tmp/no-such-folder"

# --- business profile ---------------------------------------------------

db_status 0 "profile set" profile set --name "Acme Consulting GmbH" \
  --address $'Hauptstraße 1\n10115 Berlin' --tax-number "29/815/08150" \
  --vat-id DE123456789 --iban "DE89 3704 0044 0532 0130 00" --bic COBADEFFXXX \
  --email billing@acme.example --currency EUR \
  --invoice-number-pattern "{YYYY}-{NNNN}" --payment-terms-days 14
check "profile set prints nothing" test ! -s "$out"
check "profile set created the database" test -s "$db"

db_status 0 "profile show --json after set" profile show --json
check "profile show --json has every field" json \
  'set(d) == {"name", "address", "tax_number", "vat_id", "iban", "bic", "email",
              "currency", "invoice_number_pattern", "cancellation_number_pattern",
              "payment_terms_days", "week_start", "auto_approve_days"}'
check "profile show --json has the values set" json \
  'd["name"] == "Acme Consulting GmbH" and d["address"] == "Hauptstraße 1\n10115 Berlin"
   and d["vat_id"] == "DE123456789" and d["iban"].replace(" ", "") == "DE89370400440532013000"
   and d["bic"] == "COBADEFFXXX" and d["email"] == "billing@acme.example"
   and d["currency"] == "EUR" and d["invoice_number_pattern"] == "{YYYY}-{NNNN}"
   and d["payment_terms_days"] == 14 and d["tax_number"] == "29/815/08150"
   and d["cancellation_number_pattern"] == "ST-{YYYY}-{NNNN}"'

# Cancellations are numbered in a series of their own.
db_status 0 "profile set --cancellation-number-pattern" profile set --cancellation-number-pattern "GS-{YYYY}-{NNNN}"
db_status 0 "profile show --json" profile show --json
check "the cancellation pattern is stored" json 'd["cancellation_number_pattern"] == "GS-{YYYY}-{NNNN}"'
db_status 0 "profile show" profile show
check "profile show prints the cancellation pattern" stdout_has "GS-{YYYY}-{NNNN}"
db_status 1 "a cancellation pattern equal to the invoice pattern fails" \
  profile set --cancellation-number-pattern "{YYYY}-{NNNN}"
check "the error names both patterns" \
  eval 'stderr_is_sentence && stderr_has "cancellation numbers" && stderr_has "invoice numbers"'
db_status 1 "an invoice pattern equal to the cancellation pattern fails" \
  profile set --invoice-number-pattern "GS-{YYYY}-{NNNN}"
db_status 1 "a cancellation pattern without a counter fails" profile set --cancellation-number-pattern "GS-{YYYY}"
check "the pattern error is a sentence" stderr_is_sentence
db_status 0 "profile show --json" profile show --json
check "the refused patterns were not stored" json \
  'd["cancellation_number_pattern"] == "GS-{YYYY}-{NNNN}" and d["invoice_number_pattern"] == "{YYYY}-{NNNN}"'

db_status 0 "profile show" profile show
check "profile show prints the name" stdout_has "Acme Consulting GmbH"
check "profile show keeps the second address line" stdout_has "10115 Berlin"

db_status 0 "profile set changes only the given field" profile set --payment-terms-days 30
db_status 0 "profile show --json" profile show --json
check "the other fields are kept" json \
  'd["payment_terms_days"] == 30 and d["name"] == "Acme Consulting GmbH" and d["currency"] == "EUR"'

db_status 0 "profile show --json has the timesheet settings" profile show --json
check "the week starts on Monday and nothing is approved automatically by default" json \
  'd["week_start"] == "monday" and d["auto_approve_days"] == 0'
db_status 0 "profile set the timesheet settings" profile set --week-start Sunday --auto-approve-days 7
db_status 0 "profile show --json" profile show --json
check "the timesheet settings are stored" json \
  'd["week_start"] == "sunday" and d["auto_approve_days"] == 7 and d["payment_terms_days"] == 30'
db_status 0 "profile show" profile show
check "profile show names the automatic approval" stdout_has "7 days after the week ends"
db_status 1 "an unknown weekday fails" profile set --week-start funday
check "the weekday error is a sentence" stderr_is_sentence
db_status 1 "automatic approval beyond 90 days fails" profile set --auto-approve-days 91
check "the automatic approval error is a sentence" stderr_is_sentence
db_status 1 "non-numeric automatic approval fails" profile set --auto-approve-days soon
db_status 0 "profile set back to the defaults" profile set --week-start monday --auto-approve-days 0

db_status 1 "an invalid IBAN fails" profile set --name "Other Name" --iban DE89370400440532013001
check "the IBAN error is a sentence" stderr_is_sentence
db_status 1 "an invalid e-mail address fails" profile set --email "not-an-address"
check "the e-mail error is a sentence" stderr_is_sentence
check "the e-mail error names the value" stderr_has "not-an-address"
db_status 1 "non-numeric payment terms fail" profile set --payment-terms-days soon
check "the payment terms error is a sentence" stderr_is_sentence
db_status 1 "an unknown currency fails" profile set --currency XYZ
db_status 0 "profile show --json" profile show --json
check "nothing was stored by the failed changes" json \
  'd["name"] == "Acme Consulting GmbH" and d["email"] == "billing@acme.example"
   and d["iban"].replace(" ", "") == "DE89370400440532013000" and d["currency"] == "EUR"
   and d["payment_terms_days"] == 30'
db_status 2 "profile set without a field is a usage error" profile set

# --- assistants ---------------------------------------------------------

db_status 0 "assistant list on an empty database" assistant list
db_status 0 "assistant list --json on an empty database" assistant list --json
check "the JSON list is empty" json 'd == []'

db_status 0 "assistant add" assistant add --name "Maria Santos" \
  --email maria@example.com --time-zone Asia/Manila --country PH --rate 12.50 \
  --tax-status outside-scope
check "assistant add prints the new ID" stdout_is_id
maria=$(cat "$out")

db_status 0 "assistant add with every field" assistant add --name "Jonas Weber" \
  --email jonas@example.de --time-zone Europe/Berlin --country DE \
  --address $'Lindenweg 5\n04109 Leipzig' --currency EUR --rate "30,00" \
  --tax-status vat --vat-rate 7.7 --vat-id DE987654321 \
  --self-billing-date 2024-01-15 --notes "Bookkeeping" --tax-number "231/456/78901" \
  --iban "de89 3704 0044 0532 0130 00" --bic "cobadeff xxx" --invoice-language de
check "assistant add prints the new ID" stdout_is_id
jonas=$(cat "$out")
check "the two IDs differ" test "$maria" != "$jonas"

db_status 0 "assistant list" assistant list
check "the list has a header" header_has "Name"
check "the list shows both assistants" eval 'stdout_has "Maria Santos" && stdout_has "Jonas Weber"'
check "the list shows the zone" stdout_has "Asia/Manila"
check "the list shows the rate" row_matches "Maria Santos" "12[.,]50"
check "a row starts with the ID" row_matches "Maria Santos" "^$maria "

db_status 0 "assistant list --json" assistant list --json
check "the JSON list has every field" json \
  'len(d) == 2 and all(set(a) == {"id", "name", "email", "time_zone", "country", "address",
   "currency", "hourly_rate_minor", "hourly_rate", "tax_status", "vat_rate_basis_points",
   "vat_id", "self_billing_date", "notes", "tax_number", "iban", "bic", "invoice_language",
   "active"} for a in d)'
check "the JSON values are typed" json \
  'all(isinstance(a["id"], int) and isinstance(a["hourly_rate_minor"], int)
       and isinstance(a["active"], bool) and isinstance(a["hourly_rate"], str) for a in d)'
check "the currency defaults to the profile's" json \
  '[a["currency"] for a in d if a["name"] == "Maria Santos"] == ["EUR"]'
check "Maria's fields are stored" json \
  '[(a["id"], a["email"], a["time_zone"], a["country"], a["hourly_rate_minor"],
     a["hourly_rate"], a["tax_status"], a["active"]) for a in d if a["name"] == "Maria Santos"]
   == [('"$maria"', "maria@example.com", "Asia/Manila", "PH", 1250, "12.50", "outside-scope", True)]'
check "Jonas's fields are stored" json \
  '[(a["address"], a["hourly_rate_minor"], a["tax_status"], a["vat_rate_basis_points"],
     a["vat_id"], a["self_billing_date"], a["notes"]) for a in d if a["id"] == '"$jonas"']
   == [("Lindenweg 5\n04109 Leipzig", 3000, "vat", 770, "DE987654321", "2024-01-15", "Bookkeeping")]'
check "Jonas's payment details are stored without spaces, in capitals" json \
  '[(a["tax_number"], a["iban"], a["bic"], a["invoice_language"]) for a in d if a["id"] == '"$jonas"']
   == [("231/456/78901", "DE89370400440532013000", "COBADEFFXXX", "de")]'
check "an assistant is invoiced in English by default" json \
  '[a["invoice_language"] for a in d if a["id"] == '"$maria"'] == ["en"]'

db_status 0 "assistant show" assistant show "$maria"
check "assistant show prints the name" stdout_has "Maria Santos"
check "assistant show prints the e-mail" stdout_has "maria@example.com"
db_status 0 "assistant show --json" assistant show "$jonas" --json
check "assistant show --json is the one assistant" json \
  'd["id"] == '"$jonas"' and d["name"] == "Jonas Weber" and d["hourly_rate"] == "30.00"'
db_status 0 "assistant show for a VAT rate" assistant show "$jonas"
check "assistant show prints the VAT rate" stdout_has "7.7 %"
check "assistant show prints the IBAN in groups" stdout_has "DE89 3704 0044 0532 0130 00"
check "assistant show prints the BIC and tax number" eval 'stdout_has COBADEFFXXX && stdout_has "231/456/78901"'
check "assistant show names the invoice language" stdout_has "German"

db_status 0 "assistant edit the payment details" assistant edit "$maria" \
  --iban "GB82 WEST 1234 5698 7654 32" --bic "westgb2l" --invoice-language en --tax-number "PH-123"
db_status 0 "assistant show --json" assistant show "$maria" --json
check "the payment details changed" json \
  'd["iban"] == "GB82WEST12345698765432" and d["bic"] == "WESTGB2L"
   and d["invoice_language"] == "en" and d["tax_number"] == "PH-123"'
db_status 1 "an IBAN with a wrong check digit fails" assistant edit "$maria" --iban "GB82 WEST 1234 5698 7654 33"
check "the IBAN error is a sentence" eval 'stderr_is_sentence && stderr_has IBAN'
db_status 1 "a BIC of the wrong length fails" assistant edit "$maria" --bic WEST
check "the BIC error is a sentence" eval 'stderr_is_sentence && stderr_has BIC'
db_status 1 "an unknown invoice language fails" assistant edit "$maria" --invoice-language fr
check "the language error names the choices" eval 'stderr_is_sentence && stderr_has "fr" && stderr_has "(de)"'
db_status 0 "assistant show --json" assistant show "$maria" --json
check "the refused payment details were not stored" json \
  'd["iban"] == "GB82WEST12345698765432" and d["bic"] == "WESTGB2L" and d["invoice_language"] == "en"'
db_status 0 "payment details can be emptied" assistant edit "$maria" --iban "" --bic "" --tax-number ""
db_status 0 "assistant show --json" assistant show "$maria" --json
check "the payment details are empty" json 'd["iban"] == "" and d["bic"] == "" and d["tax_number"] == ""'

db_status 0 "assistant edit" assistant edit "$maria" --rate 15 --email maria.santos@example.com
check "assistant edit prints nothing" test ! -s "$out"
db_status 0 "assistant show --json after edit" assistant show "$maria" --json
check "the given fields changed, the others did not" json \
  'd["hourly_rate_minor"] == 1500 and d["email"] == "maria.santos@example.com"
   and d["name"] == "Maria Santos" and d["time_zone"] == "Asia/Manila"'

db_status 1 "an invalid e-mail address fails" assistant edit "$maria" --email "maria at example"
check "the e-mail error is a sentence" stderr_is_sentence
check "the e-mail error names the value" stderr_has "maria at example"
db_status 1 "a negative rate fails" assistant edit "$maria" --rate=-5
check "the rate error is a sentence" stderr_is_sentence
db_status 1 "a negative rate fails as a separate argument" assistant edit "$maria" --rate -5
db_status 1 "a rate that is not an amount fails" assistant edit "$maria" --rate "a lot"
db_status 1 "an unknown time zone fails" assistant edit "$maria" --time-zone Mars/Olympus
db_status 1 "an unknown tax status fails" assistant edit "$maria" --tax-status exempt
check "the tax status error lists the choices" stderr_has "small-business"
db_status 1 "a VAT rate that is not a percentage fails" assistant edit "$maria" --vat-rate 7.777
db_status 1 "a date that does not exist fails" assistant edit "$maria" --self-billing-date 2024-02-30
db_status 1 "an empty name fails" assistant edit "$maria" --name ""
db_status 0 "assistant show --json" assistant show "$maria" --json
check "nothing was stored by the failed edits" json \
  'd["hourly_rate_minor"] == 1500 and d["email"] == "maria.santos@example.com"
   and d["time_zone"] == "Asia/Manila" and d["tax_status"] == "outside-scope"
   and d["name"] == "Maria Santos" and d["self_billing_date"] == ""'

# The rate is kept in minor units: a new currency needs a new rate.
db_status 1 "a new currency without a new rate fails" assistant edit "$maria" --currency JPY
check "the currency error asks for the rate" eval 'stderr_is_sentence && stderr_has "--rate" && stderr_has JPY'
db_status 1 "an unknown currency without a rate fails for the currency" \
  assistant edit "$maria" --currency XYZ
check "the unknown currency is named" stderr_has "XYZ"
db_status 0 "assistant show --json" assistant show "$maria" --json
check "the refused currency change kept rate and currency" json \
  'd["currency"] == "EUR" and d["hourly_rate_minor"] == 1500 and d["hourly_rate"] == "15.00"'
db_status 1 "a rate with decimals JPY does not have fails" \
  assistant edit "$maria" --currency JPY --rate 700.50
db_status 0 "a new currency with its rate" assistant edit "$maria" --currency JPY --rate 2400
db_status 0 "assistant show --json" assistant show "$maria" --json
check "the rate is read in the new currency" json \
  'd["currency"] == "JPY" and d["hourly_rate_minor"] == 2400 and d["hourly_rate"] == "2400"'
db_status 0 "the same currency again needs no rate" assistant edit "$maria" --currency JPY
db_status 0 "an empty rate is no rate" assistant edit "$maria" --rate ""
db_status 0 "a new currency when the rate is 0" assistant edit "$maria" --currency EUR
db_status 0 "assistant show --json" assistant show "$maria" --json
check "the currency changed with no rate to convert" json \
  'd["currency"] == "EUR" and d["hourly_rate_minor"] == 0'
db_status 0 "back to the earlier rate" assistant edit "$maria" --rate 15

db_status 2 "assistant edit without a field is a usage error" assistant edit "$maria"
db_status 2 "assistant edit without an ID is a usage error" assistant edit --name X
db_status 2 "an ID that is not a number is a usage error" assistant edit abc --name X
db_status 1 "an ID that does not exist fails" assistant edit 99999 --name X
check "the unknown ID is named" stderr_has "99999"
db_status 1 "assistant show for an ID that does not exist fails" assistant show 99999

db_status 2 "assistant add without --name is a usage error" assistant add --email x@example.com
check "the missing option is named" stderr_has "--name"
db_status 1 "assistant add with an invalid e-mail fails" assistant add --name "Ann" --email "ann@"
check "the e-mail error is a sentence" stderr_is_sentence
db_status 1 "assistant add with a negative rate fails" assistant add --name "Ann" --rate -1.00
db_status 1 "assistant add with an unknown currency fails" assistant add --name "Ann" --currency XYZ
db_status 0 "assistant list --all --json" assistant list --all --json
check "the failed adds stored nothing" json 'len(d) == 2'

# The zone comes from core: this computer's when libical knows it, else UTC.
TZ=Asia/Manila db_status 0 "assistant add in a known local zone" assistant add --name "Ana Reyes"
ana=$(cat "$out")
TZ=XYZ-3 db_status 0 "assistant add in a zone libical does not know" assistant add --name "Lee Tan"
lee=$(cat "$out")
db_status 0 "assistant list --json" assistant list --json
check "a new assistant gets the local zone, or UTC" json \
  '{a["id"]: a["time_zone"] for a in d if a["id"] in ('"${ana:-0}"', '"${lee:-0}"')}
   == {'"${ana:-0}"': "Asia/Manila", '"${lee:-0}"': "UTC"}'
db_status 0 "delete the assistants added for the zone" assistant delete "$ana"
db_status 0 "delete the assistants added for the zone" assistant delete "$lee"

db_status 0 "assistant archive" assistant archive "$maria"
db_status 0 "assistant list" assistant list
check "the list hides the archived assistant" eval '! stdout_has "Maria Santos" && stdout_has "Jonas Weber"'
db_status 0 "assistant list --json" assistant list --json
check "the JSON list hides the archived assistant" json '[a["name"] for a in d] == ["Jonas Weber"]'
db_status 0 "assistant list --all" assistant list --all
check "--all shows the archived assistant" eval 'stdout_has "Maria Santos" && stdout_has "Jonas Weber"'
db_status 0 "assistant list --archived --json" assistant list --archived --json
check "--archived shows only the archived one" json \
  '[(a["name"], a["active"]) for a in d] == [("Maria Santos", False)]'

db_status 0 "assistant restore" assistant restore "$maria"
db_status 0 "assistant list --json" assistant list --json
check "the restored assistant is listed again" json \
  'sorted(a["name"] for a in d) == ["Jonas Weber", "Maria Santos"] and all(a["active"] for a in d)'

db_status 0 "assistant delete" assistant delete "$jonas"
db_status 0 "assistant list --all --json" assistant list --all --json
check "the deleted assistant is gone" json '[a["id"] for a in d] == ['"$maria"']'
db_status 1 "a deleted assistant cannot be shown" assistant show "$jonas"
db_status 1 "a deleted assistant cannot be deleted again" assistant delete "$jonas"

# --- databases ----------------------------------------------------------

printf 'Shopping list\nmilk\neggs\n%.0s' {1..200} > "$tmp/notes.txt"
before=$(sha256sum < "$tmp/notes.txt")
expect_status 1 "a file that is not a database is refused" \
  --database "$tmp/notes.txt" assistant list
check "the refusal is a sentence" stderr_is_sentence
expect_status 1 "a file that is not a database is refused for changes" \
  --database "$tmp/notes.txt" profile set --name "Acme"
after=$(sha256sum < "$tmp/notes.txt")
check "the refused file is unchanged" test "$before" = "$after"

expect_status 0 "a command that stores creates the database and its folder" \
  --database "$tmp/new-folder/new.db" profile set --name "New Ltd"
check "the new database exists" test -s "$tmp/new-folder/new.db"

expect_status 0 "without --database the default database is used" profile set --name "Default Ltd"
check "the default database is under XDG_DATA_HOME" test -s "$XDG_DATA_HOME/delegate/delegate.db"
expect_status 0 "the default database keeps its data" profile show --json
check "the default database has the name set" json 'd["name"] == "Default Ltd"'
db_status 0 "the test database is separate" profile show --json
check "the test database kept its own name" json 'd["name"] == "Acme Consulting GmbH"'

echo "1..$n"
[ "$failed" -eq 0 ]
