"""parse_ical.py FILE: reads an iCalendar file with Python's icalendar module
and prints one JSON line per VEVENT: its UID, SUMMARY, STATUS, SEQUENCE, the
start as UTC and the start on a Berlin wall clock; and the start as UTC by
the zone that icalendar builds from the file's own VTIMEZONE, as a program
without a zone database of its own would. Run it with the system's
/usr/bin/python3, which has Debian's python3-icalendar.

SPDX-License-Identifier: GPL-3.0-or-later
"""
import datetime
import json
import sys
import zoneinfo

import icalendar

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")

with open(sys.argv[1], "rb") as f:
    calendar = icalendar.Calendar.from_ical(f.read())

# the zones as the file describes them
ZONES = {str(zone["TZID"]): zone.to_tz() for zone in calendar.walk("VTIMEZONE")}


def utc_by_file_zone(prop):
    """The UTC of a DTSTART by the file's VTIMEZONE of its TZID"""
    zone = ZONES[str(prop.params["TZID"])]
    wall = prop.dt.replace(tzinfo=None)
    local = zone.localize(wall) if hasattr(zone, "localize") else wall.replace(tzinfo=zone)
    return local.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


for event in calendar.walk("VEVENT"):
    start = event.decoded("DTSTART")
    if start.tzinfo is None:
        sys.exit("%s: DTSTART has no zone (floating)" % event["UID"])
    print(json.dumps({
        "uid": str(event["UID"]),
        "summary": str(event.get("SUMMARY", "")),
        "status": str(event.get("STATUS", "")),
        "sequence": int(event.get("SEQUENCE", 0)),
        "zone": str(event["DTSTART"].params.get("TZID", "")),
        "utc": start.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "berlin": start.astimezone(BERLIN).strftime("%H:%M"),
        "utc_by_file_zone": utc_by_file_zone(event["DTSTART"]),
    }, ensure_ascii=False))
