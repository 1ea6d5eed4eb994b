#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads Delegate's calendar export with an independent implementation.

Usage: check-calendar-python.py TASKS.ics EXPECTED.json

The .ics is parsed with the `icalendar` module (Debian's python3-icalendar)
and its VTODOs expanded with `recurring_ical_events`, which handles VTODO
(its RepeatedTodo class, selected with components=["VTODO"]) and RECURRENCE-ID
overrides. EXPECTED.json is what Delegate itself says (calendar-fixture.c):
the tasks' UIDs, DUE and RRULE, and every occurrence in a range from
dg_task_store_list_occurrences. Both must agree; every difference is printed.
"""

import datetime
import json
import sys

import icalendar
import recurring_ical_events
from dateutil import tz

UTC = datetime.timezone.utc


def parse_utc(text):
    return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def as_utc(value, zone_name):
    """The instant of a DTSTART value: dates are midnight in the task's zone."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            raise ValueError("floating time %s in the export" % value)
        return value.astimezone(UTC)
    zone = tz.gettz(zone_name)
    return datetime.datetime(value.year, value.month, value.day, tzinfo=zone).astimezone(UTC)


def main(ics_path, json_path):
    with open(json_path, encoding="utf-8") as f:
        expected = json.load(f)
    with open(ics_path, "rb") as f:
        data = f.read()
    calendar = icalendar.Calendar.from_ical(data)
    problems = []

    tasks = {task["uid"]: task for task in expected["tasks"]}
    masters = {}
    for todo in calendar.walk("VTODO"):
        if "RECURRENCE-ID" in todo:
            continue
        uid = str(todo["UID"])
        if uid in masters:
            problems.append("UID %s has two master VTODOs" % uid)
        masters[uid] = todo

    if set(masters) != set(tasks):
        problems.append("UIDs differ: only in .ics %s, only in Delegate %s"
                        % (sorted(set(masters) - set(tasks)), sorted(set(tasks) - set(masters))))

    zones_in_file = {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")}
    for uid, task in tasks.items():
        todo = masters.get(uid)
        if todo is None:
            continue
        due = todo["DUE"]
        due_text = due.to_ical().decode()
        if due_text != task["due"]:
            problems.append("%s: DUE %s, Delegate says %s" % (uid, due_text, task["due"]))
        tzid = due.params.get("TZID")
        if task["all_day"]:
            if tzid is not None or due.params.get("VALUE") != "DATE":
                problems.append("%s: an all-day DUE must be a DATE without TZID" % uid)
        else:
            if tzid != task["zone"]:
                problems.append("%s: DUE TZID %s, Delegate says %s" % (uid, tzid, task["zone"]))
            if tzid not in zones_in_file:
                problems.append("%s: no VTIMEZONE for %s" % (uid, tzid))
            if due.dt.tzinfo is None:
                problems.append("%s: DUE read as a floating time" % uid)
        rrule = todo.get("RRULE")
        if task["rrule"] == "":
            if rrule is not None:
                problems.append("%s: RRULE in the file for a one-off task" % uid)
        elif rrule is None:
            problems.append("%s: RRULE missing" % uid)
        elif dict(rrule) != dict(icalendar.vRecur.from_ical(task["rrule"])):
            problems.append("%s: RRULE %s, Delegate says %s"
                            % (uid, rrule.to_ical().decode(), task["rrule"]))

    # Expanded a day beyond the range on either side, then cut to the range
    # the way Delegate does (by due instant), so that neither side's
    # handling of the edges matters.
    start = parse_utc(expected["from"])
    stop = parse_utc(expected["to"])
    one_day = datetime.timedelta(days=1)
    found = set()
    for occurrence in recurring_ical_events.of(calendar, components=["VTODO"]).between(
            start - one_day, stop + one_day):
        uid = str(occurrence["UID"])
        task = tasks.get(uid)
        if task is None:
            continue
        instant = as_utc(occurrence["DTSTART"].dt, task["zone"])
        if start <= instant < stop:
            found.add((uid, instant))

    wanted = {(o["uid"], parse_utc(o["start_utc"])) for o in expected["occurrences"]}
    if len(wanted) != len(expected["occurrences"]):
        problems.append("Delegate lists an occurrence twice")
    for uid, instant in sorted(wanted - found):
        problems.append("missing in the expansion: %s at %s" % (uid, instant.isoformat()))
    for uid, instant in sorted(found - wanted):
        problems.append("extra in the expansion: %s at %s" % (uid, instant.isoformat()))

    print("%d tasks, %d occurrences from %s to %s compared"
          % (len(tasks), len(wanted), expected["from"], expected["to"]))
    for problem in problems:
        print("FAIL: " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
