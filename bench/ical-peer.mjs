// ical-peer.mjs: the other side of bench-ical.
//
//   node ical-peer.mjs generate EVENTS.json OUT.ics
//     writes the events of EVENTS.json (as bench-ical exported them) with
//     the npm package ical-generator and prints {"events", "seconds", "bytes"}
//     for building the calendar and turning it into text;
//   node ical-peer.mjs read FILE.ics
//     reads a calendar with ical.js, every event's UID, summary and start as
//     an absolute time, and prints {"events", "seconds"}.
//
// The packages are looked for in $MT_NODE_MODULES, else in
// tests/formats/node_modules (npm ci there).
//
// SPDX-License-Identifier: GPL-3.0-or-later
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const modules = process.env.MT_NODE_MODULES || path.join(here, '..', 'tests', 'export', 'node_modules');
const require = createRequire(path.join(modules, 'index.js'));

function generate(input, output) {
  const { default: ical, ICalEventStatus } = require('ical-generator');
  const data = JSON.parse(fs.readFileSync(input, 'utf8'));
  const status = {
    TENTATIVE: ICalEventStatus.TENTATIVE,
    CONFIRMED: ICalEventStatus.CONFIRMED,
    CANCELLED: ICalEventStatus.CANCELLED,
  };
  const start = performance.now();
  const calendar = ical({ name: data.name, timezone: data.zone, prodId: '//Bench//ical-generator//EN' });
  for (const e of data.events) {
    calendar.createEvent({
      id: e.uid,
      sequence: e.sequence,
      stamp: new Date(e.stamp),
      start: new Date(e.start),
      end: new Date(e.end),
      timezone: data.zone,
      summary: e.summary,
      location: e.geo ? { title: e.location, geo: { lat: e.geo[0], lon: e.geo[1] } } : e.location,
      description: e.description,
      categories: [{ name: e.category }],
      status: status[e.status],
    });
  }
  const text = calendar.toString();
  const seconds = (performance.now() - start) / 1000;
  fs.writeFileSync(output, text);
  console.log(JSON.stringify({ events: data.events.length, seconds, bytes: Buffer.byteLength(text) }));
}

function read(file) {
  const ICAL = require('ical.js');
  const text = fs.readFileSync(file, 'utf8');
  const start = performance.now();
  const calendar = new ICAL.Component(ICAL.parse(text));
  let n = 0;
  // Each start's TZID is looked up in the calendar's VTIMEZONEs (cached once
  // found). ICAL.Event is not used: its constructor scans every sibling
  // event for recurrence exceptions, which alone makes reading quadratic.
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    vevent.getFirstPropertyValue('uid');
    vevent.getFirstPropertyValue('summary');
    vevent.getFirstPropertyValue('dtstart').toUnixTime();
    n++;
  }
  const seconds = (performance.now() - start) / 1000;
  console.log(JSON.stringify({ events: n, seconds }));
}

if (process.argv[2] === 'generate')
  generate(process.argv[3], process.argv[4]);
else if (process.argv[2] === 'read')
  read(process.argv[3]);
else {
  console.error('usage: ical-peer.mjs generate EVENTS.json OUT.ics | read FILE.ics');
  process.exit(2);
}
