#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The calendar export read by a second implementation: calendar-fixture
# writes an export and Delegate's own list of occurrences, and
# check-calendar-python.py reads the export with Debian's python3-icalendar
# and python3-recurring-ical-events and compares. Skips (77), saying why,
# when /usr/bin/python3 or those modules are missing.
# Usage: check-calendar-python.sh CALENDAR-FIXTURE CHECK-SCRIPT
set -u

fixture=${1:?usage: check-calendar-python.sh CALENDAR-FIXTURE CHECK-SCRIPT}
script=${2:?usage: check-calendar-python.sh CALENDAR-FIXTURE CHECK-SCRIPT}
python=/usr/bin/python3

if [ ! -x "$python" ]; then
    echo "SKIP: $python is not installed"
    exit 77
fi
if ! "$python" -c 'import icalendar, recurring_ical_events, dateutil' 2>/dev/null; then
    echo "SKIP: $python lacks icalendar, recurring_ical_events or dateutil" \
         "(apt install python3-icalendar python3-recurring-ical-events)"
    exit 77
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/delegate-calendar-python-XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT

"$fixture" "$dir" || { echo "FAIL: calendar-fixture could not write the export"; exit 1; }
"$python" "$script" "$dir/tasks.ics" "$dir/expected.json"
