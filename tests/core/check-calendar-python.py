#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads Delegate's calendar export with an independent implementation.

Usage: check-calendar-python.py TASKS.ics EXPECTED.json

The .ics is parsed with the `icalendar` module (Debian's python3-icalendar)
and its VTODOs expanded with `recurring_ical_events`, which handles VTODO
(its RepeatedTodo class, selected with components=["VTODO"]) and RECURRENCE-ID
overrides. EXPECTED.json is what Delegate itself says (calendar-fixture.c):
the tasks' UIDs, DUE and RRULE, every occurrence in a range from
dg_task_store_list_occurrences with its STATUS and PERCENT-COMPLETE, and the
occurrences stored with a status of their own (the RECURRENCE-ID overrides).
Both must agree; every difference is printed.

Besides, the file must have the form RFC 5545 asks for: DTSTART only on
repeating tasks and then equal to DUE, UNTIL in UTC beside a timed DTSTART
and a DATE beside an all-day one, times in UTC written as UTC without TZID,
and each RECURRENCE-ID the start the rule itself gives that occurrence (on a
day the clocks go forward too).
"""

import datetime
import json
import sys

import icalendar
import recurring_ical_events
from dateutil import rrule as dateutil_rrule
from dateutil import tz

UTC = datetime.timezone.utc

# IANA names of UTC, which Delegate writes as UTC ("…Z") with no TZID.
UTC_ZONES = {prefix + name
             for prefix in ("", "Etc/")
             for name in ("UTC", "UCT", "GMT", "GMT0", "GMT+0", "GMT-0",
                          "Universal", "Zulu", "Greenwich")}


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
        tzid = due.params.get("TZID")
        in_utc = not task["all_day"] and task["zone"] in UTC_ZONES
        wanted_due = task["due"] + ("Z" if in_utc else "")
        if due_text != wanted_due:
            problems.append("%s: DUE %s, Delegate says %s" % (uid, due_text, wanted_due))
        if task["all_day"]:
            if tzid is not None or due.params.get("VALUE") != "DATE":
                problems.append("%s: an all-day DUE must be a DATE without TZID" % uid)
        elif in_utc:
            if tzid is not None:
                problems.append("%s: a DUE in UTC with TZID %s" % (uid, tzid))
            if task["zone"] in zones_in_file:
                problems.append("%s: a VTIMEZONE for %s" % (uid, task["zone"]))
        else:
            if tzid != task["zone"]:
                problems.append("%s: DUE TZID %s, Delegate says %s" % (uid, tzid, task["zone"]))
            if tzid not in zones_in_file:
                problems.append("%s: no VTIMEZONE for %s" % (uid, tzid))
        if not task["all_day"] and due.dt.tzinfo is None:
            problems.append("%s: DUE read as a floating time" % uid)

        # DTSTART anchors a recurrence set; a one-off task is only due.
        dtstart = todo.get("DTSTART")
        if task["rrule"] == "":
            if dtstart is not None:
                problems.append("%s: DTSTART on a one-off task" % uid)
        elif dtstart is None:
            problems.append("%s: no DTSTART on a repeating task" % uid)
        elif dtstart.to_ical() != due.to_ical() or dict(dtstart.params) != dict(due.params):
            problems.append("%s: DTSTART %s differs from DUE %s"
                            % (uid, dtstart.to_ical().decode(), due_text))

        rrule = todo.get("RRULE")
        if task["rrule"] == "":
            if rrule is not None:
                problems.append("%s: RRULE in the file for a one-off task" % uid)
            continue
        if rrule is None:
            problems.append("%s: RRULE missing" % uid)
            continue
        # UNTIL may be typed in either form; the occurrences below show it
        # ends on the same day. Here: the rest is the same, and UNTIL has
        # the form RFC 5545 §3.3.10 asks for beside this DTSTART.
        in_file = dict(rrule)
        in_delegate = dict(icalendar.vRecur.from_ical(task["rrule"]))
        until_in_file = in_file.pop("UNTIL", None)
        until_in_delegate = in_delegate.pop("UNTIL", None)
        if in_file != in_delegate or (until_in_file is None) != (until_in_delegate is None):
            problems.append("%s: RRULE %s, Delegate says %s"
                            % (uid, rrule.to_ical().decode(), task["rrule"]))
        if until_in_file is not None:
            until = until_in_file[0]
            if task["all_day"]:
                if isinstance(until, datetime.datetime):
                    problems.append("%s: UNTIL %s is not a DATE beside an all-day DTSTART" % (uid, until))
            elif not isinstance(until, datetime.datetime) or until.utcoffset() != datetime.timedelta(0):
                problems.append("%s: UNTIL %s is not in UTC beside a timed DTSTART" % (uid, until))

    # Each override names its occurrence as the rule gives it (RFC 5545
    # §3.8.4.4): the nominal start dateutil's own expansion of the master
    # gives, in the task's zone (also where the clocks skip that time).
    wanted_overrides = {(o["uid"], o["recurrence_id"]) for o in expected["overrides"]}
    found_overrides = set()
    for todo in calendar.walk("VTODO"):
        if "RECURRENCE-ID" not in todo:
            continue
        uid = str(todo["UID"])
        task = tasks.get(uid)
        master = masters.get(uid)
        if task is None or master is None:
            problems.append("%s: an override without its task" % uid)
            continue
        recurrence_id = todo["RECURRENCE-ID"]
        text = recurrence_id.to_ical().decode()
        tzid = recurrence_id.params.get("TZID")
        if task["all_day"]:
            if recurrence_id.params.get("VALUE") != "DATE" or tzid is not None:
                problems.append("%s: RECURRENCE-ID %s is not a DATE" % (uid, text))
        elif task["zone"] in UTC_ZONES:
            if tzid is not None or not text.endswith("Z"):
                problems.append("%s: RECURRENCE-ID %s is not in UTC" % (uid, text))
            text = text.rstrip("Z")
        elif tzid != task["zone"]:
            problems.append("%s: RECURRENCE-ID TZID %s, the task's zone is %s" % (uid, tzid, task["zone"]))
        found_overrides.add((uid, text))

        if "DTSTART" not in master or "RRULE" not in master:
            continue  # reported above
        start = master["DTSTART"].dt
        nominal = recurrence_id.dt
        if isinstance(start, datetime.datetime):
            nominal = nominal.replace(tzinfo=None)
            around = [nominal - datetime.timedelta(days=1), nominal + datetime.timedelta(days=1)]
            rule_text = master["RRULE"].to_ical().decode()
            rule = dateutil_rrule.rrulestr(rule_text, dtstart=start)
            starts = rule.between(around[0].replace(tzinfo=start.tzinfo),
                                  around[1].replace(tzinfo=start.tzinfo), inc=True)
            if nominal not in [s.replace(tzinfo=None) for s in starts]:
                problems.append("%s: RECURRENCE-ID %s is no start the rule gives"
                                % (uid, recurrence_id.to_ical().decode()))
    for uid, text in sorted(wanted_overrides - found_overrides):
        problems.append("override missing in the file: %s %s" % (uid, text))
    for uid, text in sorted(found_overrides - wanted_overrides):
        problems.append("override in the file that Delegate does not have: %s %s" % (uid, text))

    # Expanded a day beyond the range on either side, then cut to the range
    # the way Delegate does (by due instant), so that neither side's
    # handling of the edges matters.
    start = parse_utc(expected["from"])
    stop = parse_utc(expected["to"])
    one_day = datetime.timedelta(days=1)
    # A one-off task has DUE only; recurring_ical_events then takes DUE as
    # its start (RepeatedTodo), and gives the occurrence a DTSTART.
    found = {}
    for occurrence in recurring_ical_events.of(calendar, components=["VTODO"]).between(
            start - one_day, stop + one_day):
        uid = str(occurrence["UID"])
        task = tasks.get(uid)
        if task is None:
            continue
        instant = as_utc(occurrence["DTSTART"].dt, task["zone"])
        if start <= instant < stop:
            if (uid, instant) in found:
                problems.append("%s at %s twice in the expansion" % (uid, instant.isoformat()))
            found[(uid, instant)] = (str(occurrence.get("STATUS", "NEEDS-ACTION")),
                                     int(occurrence.get("PERCENT-COMPLETE", 0)))

    wanted = {(o["uid"], parse_utc(o["start_utc"])): (o["status"], o["percent"])
              for o in expected["occurrences"]}
    if len(wanted) != len(expected["occurrences"]):
        problems.append("Delegate lists an occurrence twice")
    for uid, instant in sorted(set(wanted) - set(found)):
        problems.append("missing in the expansion: %s at %s" % (uid, instant.isoformat()))
    for uid, instant in sorted(set(found) - set(wanted)):
        problems.append("extra in the expansion: %s at %s" % (uid, instant.isoformat()))
    for key in sorted(set(found) & set(wanted)):
        if found[key] != wanted[key]:
            problems.append("%s at %s: %s %d %%, Delegate says %s %d %%"
                            % (key[0], key[1].isoformat(), *found[key], *wanted[key]))

    print("%d tasks, %d occurrences from %s to %s and %d overrides compared"
          % (len(tasks), len(wanted), expected["from"], expected["to"], len(wanted_overrides)))
    for problem in problems:
        print("FAIL: " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
