"""Reads a calendar file with the independent `icalendar` package and
prints its events as JSON: uid, start and end (UTC, ISO 8601), status and
each alarm's trigger, for the browser tests to check.

    .tools/venv/bin/python tests/ics_check.py FILE.ics
"""
import json
import sys
from datetime import timezone

import icalendar


def main(path):
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    events = []
    for ev in cal.walk("VEVENT"):
        alarms = []
        for alarm in ev.walk("VALARM"):
            trigger = alarm.decoded("TRIGGER")
            alarms.append(
                trigger.astimezone(timezone.utc).isoformat()
                if hasattr(trigger, "astimezone")
                else f"-{int(-trigger.total_seconds() // 60)}m"
            )
        events.append(
            {
                "uid": str(ev["UID"]),
                "summary": str(ev["SUMMARY"]),
                "start": ev.decoded("DTSTART").astimezone(timezone.utc).isoformat(),
                "end": ev.decoded("DTEND").astimezone(timezone.utc).isoformat(),
                "status": str(ev.get("STATUS", "")),
                "location": str(ev.get("LOCATION", "")),
                "description": str(ev.get("DESCRIPTION", "")),
                "alarms": alarms,
            }
        )
    print(json.dumps(events))


if __name__ == "__main__":
    main(sys.argv[1])
