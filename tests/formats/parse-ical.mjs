// parse-ical.mjs FILE: reads an iCalendar file with ical.js (the parser
// Thunderbird uses) and prints one JSON line per VEVENT: its UID, SUMMARY,
// STATUS, SEQUENCE, the start as UTC and the start on a Berlin wall clock.
//
// ical.js is looked for in $MT_NODE_MODULES, else in node_modules beside
// this script (npm ci in tests/formats). A missing parser is an error.
//
// SPDX-License-Identifier: GPL-3.0-or-later
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const modules = process.env.MT_NODE_MODULES || path.join(here, 'node_modules');
const require = createRequire(path.join(modules, 'index.js'));
const ICAL = require('ical.js');

const berlin = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

const text = fs.readFileSync(process.argv[2], 'utf8');
const calendar = new ICAL.Component(ICAL.parse(text));
const zones = calendar.getAllSubcomponents('vtimezone').map((zone) => zone.getFirstPropertyValue('tzid'));

for (const vevent of calendar.getAllSubcomponents('vevent')) {
  const event = new ICAL.Event(vevent);
  const start = event.startDate;
  const date = start.toJSDate();
  process.stdout.write(JSON.stringify({
    uid: event.uid,
    summary: event.summary,
    status: vevent.getFirstPropertyValue('status'),
    sequence: event.sequence,
    zone: start.zone ? start.zone.tzid : null,
    utc: date.toISOString().replace('.000Z', 'Z'),
    berlin: berlin.format(date),
  }) + '\n');
}
process.stderr.write(`vtimezones: ${zones.join(' ')}\n`);
