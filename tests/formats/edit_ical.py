"""edit_ical.py IN OUT EDITS: changes the events of an iCalendar file as a
calendar program would, with Python's icalendar module, and writes it again.
EDITS is JSON: {"<UID>": {"PROPERTY": value or null, ...}, ...}, where a text
value replaces the property, null removes it, {"replace": [old, new]}
replaces text within it, {"shift_minutes": n} moves DTSTART and DTEND, and
{"sequence": n} sets SEQUENCE. "*" applies to every event. Run it with the
system's /usr/bin/python3, which has Debian's python3-icalendar.

SPDX-License-Identifier: GPL-3.0-or-later
"""
import datetime
import json
import sys

import icalendar

with open(sys.argv[1], "rb") as f:
    calendar = icalendar.Calendar.from_ical(f.read())
edits = json.loads(sys.argv[3])
seen = set()

for event in calendar.walk("VEVENT"):
    uid = str(event["UID"])
    for key in ("*", uid):
        if key not in edits:
            continue
        seen.add(key)
        for name, value in edits[key].items():
            if value is None:
                if name in event:
                    del event[name]
            elif isinstance(value, dict) and "replace" in value:
                old, new = value["replace"]
                text = str(event[name])
                if old not in text:
                    sys.exit("%s: %s has no “%s”" % (uid, name, old))
                del event[name]
                event.add(name, text.replace(old, new))
            elif isinstance(value, dict) and "shift_minutes" in value:
                shift = datetime.timedelta(minutes=value["shift_minutes"])
                for prop in ("DTSTART", "DTEND"):
                    if prop in event:
                        # the same TZID, another wall-clock time
                        event[prop].dt = event[prop].dt + shift
            elif isinstance(value, dict) and "sequence" in value:
                if "SEQUENCE" in event:
                    del event["SEQUENCE"]
                event.add("SEQUENCE", value["sequence"])
            else:
                if name in event:
                    del event[name]
                event.add(name, value)

missing = set(edits) - seen
if missing:
    sys.exit("no event has the UID %s" % ", ".join(sorted(missing)))
with open(sys.argv[2], "wb") as f:
    f.write(calendar.to_ical())
