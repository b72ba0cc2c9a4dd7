#!/usr/bin/env python3
# make-sample.py: writes the built-in sample tour, data/sample/guangdong-media-tour-2024.mtour
#
# The tour is the high-quality development media tour of Guangdong, 14 to 20
# May 2024, as told in ../shared/seed/guangdong-media-tour-2024.txt.  Day 1 in
# Guangzhou follows the article: the provincial briefing and its four
# speakers, the afternoon at the National Institute of Guangdong Advanced
# Energy Storage, Guangdong Yuntao Hydrogen Technology and EHang, and the
# interviews with the people the article names.  Days 2 to 7 are placeholders
# ("to be confirmed") in Shenzhen, Dongguan, Foshan, Zhaoqing and Zhuhai: the
# article says nothing about them, so nothing is said about real companies.
# The delegates, their outlets, names, e-mails and phone numbers are fictional.
#
# The output is deterministic: ids are uuid5 values of fixed keys, "modified"
# times are fixed, and the one random choice (delegate names) uses a seeded
# generator.  Running the script twice gives the same bytes.
#
# Usage: build-aux/make-sample.py [-o FILE] [--check-only FILE]
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import collections
import datetime
import json
import os
import random
import re
import sys
import uuid

FORMAT = 1
ZONE = "Asia/Shanghai"
FIRST_DAY = datetime.date(2024, 5, 14)
N_DAYS = 7

# Every id is uuid5 (NAMESPACE, "<kind>/<key>").
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL,
                       "https://github.com/mediatour/planner/sample/guangdong-media-tour-2024")

# Fixed "modified" times (UTC), one per kind of change: the organisers set up
# cities, sites and groups first, then the delegation list, then the plan.
MODIFIED_SETUP = "2024-04-22T02:00:00.000Z"
MODIFIED_DELEGATES = "2024-05-06T03:30:00.000Z"
MODIFIED_DAY1 = "2024-05-10T06:00:00.000Z"
MODIFIED_LATER_DAYS = "2024-05-12T07:15:00.000Z"
MODIFIED_INTERVIEWS = "2024-05-14T12:00:00.000Z"

# The enums of src/model/mt-enums.h, by nick, first value (the default) first.
ENUMS = {
    "site-kind": ["government", "research", "company", "venue", "hotel", "other"],
    "visit-kind": ["visit", "briefing", "press-conference", "meal", "transfer", "free-time"],
    "visit-status": ["tentative", "confirmed", "cancelled"],
    "role": ["reporter", "photographer", "camera", "producer", "editor", "other"],
    "interview-status": ["requested", "confirmed", "declined", "done"],
}

# The members of each kind in the order src/model writes them, with their type
# and, for enums, which enum.  Used to drop defaults and to check the result.
FIELDS = {
    "cities": [("name", "str"), ("local-name", "str"),
               ("latitude", "double"), ("longitude", "double")],
    "sites": [("name", "str"), ("local-name", "str"), ("city", "ref:cities"),
              ("kind", "enum:site-kind"), ("address", "str"),
              ("latitude", "double"), ("longitude", "double"), ("capacity", "uint"),
              ("contact", "str"), ("notes", "str")],
    "groups": [("name", "str"), ("color", "str"), ("description", "str")],
    "delegates": [("name", "str"), ("outlet", "str"), ("role", "enum:role"),
                  ("email", "str"), ("phone", "str"), ("languages", "strv"),
                  ("group", "ref:groups"), ("dietary", "str"), ("access", "str"),
                  ("notes", "str")],
    "visits": [("title", "str"), ("site", "ref:sites"), ("kind", "enum:visit-kind"),
               ("start", "time"), ("end", "time"), ("groups", "refv:groups"),
               ("status", "enum:visit-status"), ("speakers", "strv"), ("notes", "str")],
    "interviews": [("interviewee", "str"), ("interviewee-title", "str"),
                   ("organisation", "str"), ("delegates", "refv:delegates"),
                   ("start", "time"), ("end", "time"), ("visit", "ref:visits"),
                   ("location", "str"), ("language", "str"), ("interpreter", "bool"),
                   ("status", "enum:interview-status"), ("notes", "str")],
}
KINDS = ["cities", "sites", "groups", "delegates", "visits", "interviews"]


def make_id(kind, key):
    return str(uuid.uuid5(NAMESPACE, kind + "/" + key))


def is_default(ftype, value):
    if ftype.startswith("enum:"):
        return value == ENUMS[ftype[5:]][0]
    if ftype in ("str", "ref:cities", "ref:sites", "ref:groups", "ref:visits", "time"):
        return value is None or value == ""
    if ftype in ("strv",) or ftype.startswith("refv:"):
        return value is None or len(value) == 0
    if ftype in ("double", "uint"):
        return value is None or value == 0
    if ftype == "bool":
        return not value
    raise ValueError(ftype)


class Tour:
    """Collects entities and writes them with the members in core's order."""

    def __init__(self):
        self.entities = {kind: [] for kind in KINDS}
        self.keys = {kind: {} for kind in KINDS}

    def add(self, entity_kind, key, modified, /, **members):
        members = {name.replace("_", "-"): value for name, value in members.items()}
        known = dict(FIELDS[entity_kind])
        for name in members:
            if name not in known:
                raise KeyError("%s: unknown member %s" % (entity_kind, name))
        entity = {"id": make_id(entity_kind, key), "modified": modified}
        for name, ftype in FIELDS[entity_kind]:
            value = members.get(name)
            if not is_default(ftype, value):
                entity[name] = value
        if key in self.keys[entity_kind]:
            raise KeyError("%s: key %s used twice" % (entity_kind, key))
        self.keys[entity_kind][key] = entity["id"]
        self.entities[entity_kind].append(entity)
        return entity["id"]

    def to_json(self, header):
        root = {"format": FORMAT}
        root.update(header)
        for kind in KINDS:
            root[kind] = self.entities[kind]
        return root


def wall(day, hhmm):
    """The wall-clock time on tour day DAY (1-based) at HH:MM."""
    date = FIRST_DAY + datetime.timedelta(days=day - 1)
    return "%sT%s" % (date.isoformat(), hhmm)


# ---------------------------------------------------------------------------
# The tour

def build():
    tour = Tour()

    header = {
        "title": "High-quality development media tour: Guangdong",
        "organiser": "Provincial press office",
        "time-zone": ZONE,
        "first-day": FIRST_DAY.isoformat(),
        "n-days": N_DAYS,
        "description": (
            "Over 100 journalists from about 20 state and local media outlets spend seven "
            "days in Guangdong exploring how the province builds a modern industrial system "
            "and puts new productive forces into practice: technological breakthroughs, "
            "innovation, industrial upgrading and coordinated regional development. The "
            "delegation visits high-tech companies and research institutes in Guangzhou, "
            "Shenzhen, Dongguan, Foshan, Zhaoqing and Zhuhai.\n"
            "Day 1 follows the published account of the tour; the visits of days 2 to 7 are "
            "placeholders, to be confirmed with the hosts."),
    }

    # Cities ---------------------------------------------------------------
    city_data = [
        ("guangzhou", "Guangzhou", "广州", 23.1291, 113.2644),
        ("shenzhen", "Shenzhen", "深圳", 22.5431, 114.0579),
        ("dongguan", "Dongguan", "东莞", 23.0207, 113.7518),
        ("foshan", "Foshan", "佛山", 23.0215, 113.1214),
        ("zhaoqing", "Zhaoqing", "肇庆", 23.0472, 112.4651),
        ("zhuhai", "Zhuhai", "珠海", 22.2710, 113.5767),
    ]
    city = {}
    city_coords = {}
    city_local = {}
    for key, name, local, lat, lon in city_data:
        city[key] = tour.add("cities", key, MODIFIED_SETUP, name=name, local_name=local,
                             latitude=lat, longitude=lon)
        city_coords[key] = (lat, lon)
        city_local[key] = local

    # Groups ---------------------------------------------------------------
    group_data = [
        ("a", "Coach A", "#3584e4", "National press: news agency, economic, science and "
         "technology, legal and English-language dailies"),
        ("b", "Coach B", "#2ec27e", "Provincial and city press: dailies, radio, weeklies"),
        ("c", "Coach C", "#e66100", "National radio, business and financial press, "
         "magazines, online and overseas media"),
        ("tv", "TV crews", "#9141ac", "Television and video crews with their equipment; "
         "they need time to set up at each site"),
    ]
    group = {}
    for key, name, color, description in group_data:
        group[key] = tour.add("groups", key, MODIFIED_SETUP, name=name, color=color,
                              description=description)

    # Sites: day 1, real places, approximate coordinates --------------------
    site = {}
    site["gz-briefing"] = tour.add(
        "sites", "guangzhou/briefing-venue", MODIFIED_SETUP,
        name="Provincial briefing venue", local_name="省情况介绍会场",
        city=city["guangzhou"], kind="venue", address="Guangzhou",
        latitude=23.1291, longitude=113.2644,
        notes="Where the provincial officials brief the delegation on the first morning. "
              "Coordinates approximate (city centre).")
    site["gz-institute"] = tour.add(
        "sites", "guangzhou/energy-storage-institute", MODIFIED_SETUP,
        name="National Institute of Guangdong Advanced Energy Storage",
        city=city["guangzhou"], kind="research",
        address="Baiyun District, Guangzhou",
        latitude=23.35, longitude=113.30,
        notes="Established in Baiyun District in 2024. Research and development of "
              "large-scale energy storage (electrochemical, mechanical, superconducting, "
              "thermal and hydrogen storage), transfer of results and first commercial "
              "applications.\n"
              "Site of 21,000 m²; a production, education and research base of 200 mu "
              "(13.3 ha) in the Airport Economic Zone; 600 MWh installed capacity and a "
              "220 kV substation for experiments.\n"
              "Coordinates approximate (district).")
    site["gz-yuntao"] = tour.add(
        "sites", "guangzhou/yuntao-hydrogen", MODIFIED_SETUP,
        name="Guangdong Yuntao Hydrogen Technology Co., Ltd.",
        city=city["guangzhou"], kind="company",
        address="Baiyun District, Guangzhou",
        latitude=23.20, longitude=113.27,
        notes="Hydrogen fuel cells. In 2023 it led, with GAC Hino, the first hydrogen fuel "
              "cell industry innovation consortium in China.\n"
              "Coordinates approximate (district).")
    site["gz-ehang"] = tour.add(
        "sites", "guangzhou/ehang", MODIFIED_SETUP,
        name="EHang Holdings Limited",
        city=city["guangzhou"], kind="company",
        address="Huangpu District, Guangzhou",
        latitude=23.10, longitude=113.45,
        notes="Low-altitude economy. Its EH216-S passenger-carrying pilotless eVTOL "
              "aircraft received a Production Certificate from the Civil Aviation "
              "Administration of China (CAAC) in April 2024.\n"
              "Coordinates approximate (district).")

    # Sites: generic placeholders in the other cities ---------------------
    city_names = dict((key, name) for key, name, _, _, _ in city_data)
    # (key suffix, name pattern, local-name pattern, kind, capacity)
    generic = {
        "company-1": ("%s host company 1 (to be confirmed)", "%s接待企业一（待定）", "company", 40),
        "company-2": ("%s host company 2 (to be confirmed)", "%s接待企业二（待定）", "company", 40),
        "company-3": ("%s host company 3 (to be confirmed)", "%s接待企业三（待定）", "company", 0),
        "research": ("%s research institute (to be confirmed)", "%s科研机构（待定）", "research", 60),
        "park": ("%s innovation park (to be confirmed)", "%s创新园区（待定）", "venue", 0),
        "briefing": ("%s briefing venue (to be confirmed)", "%s情况介绍会场（待定）", "venue", 150),
        "closing": ("%s closing venue (to be confirmed)", "%s总结会场（待定）", "venue", 150),
        "hotel": ("Delegation hotel, %s", "代表团酒店（%s）", "hotel", 0),
    }
    wanted = {
        "guangzhou": ["hotel"],
        "shenzhen": ["company-1", "company-2", "company-3", "research", "park", "hotel"],
        "dongguan": ["company-1", "company-2", "company-3", "research", "hotel"],
        "foshan": ["company-1", "company-2", "company-3", "research", "briefing", "hotel"],
        "zhaoqing": ["company-1", "company-2", "research", "hotel"],
        "zhuhai": ["company-1", "company-2", "research", "closing", "hotel"],
    }
    for ckey, which in wanted.items():
        lat, lon = city_coords[ckey]
        for gkey in which:
            pattern, local_pattern, kind, capacity = generic[gkey]
            name = pattern % city_names[ckey]
            notes = "To be confirmed. Coordinates approximate (city centre)."
            if gkey == "hotel":
                notes = "Hotel to be confirmed. Coordinates approximate (city centre)."
            site["%s-%s" % (ckey, gkey)] = tour.add(
                "sites", "%s/%s" % (ckey, gkey), MODIFIED_SETUP,
                name=name, local_name=local_pattern % city_local[ckey],
                city=city[ckey], kind=kind, address=city_names[ckey],
                latitude=lat, longitude=lon, capacity=capacity, notes=notes)

    # Delegates -------------------------------------------------------------
    delegates = make_delegates(tour, group)

    # Visits ----------------------------------------------------------------
    visit = {}

    def add_visit(key, day, start, end, title, site_key=None, kind="visit",
                  groups=(), status="tentative", modified=None, **more):
        if modified is None:
            modified = MODIFIED_DAY1 if day == 1 else MODIFIED_LATER_DAYS
        visit[key] = tour.add(
            "visits", key, modified, title=title,
            site=site[site_key] if site_key else None, kind=kind,
            start=wall(day, start), end=wall(day, end),
            groups=[group[g] for g in groups], status=status, **more)
        return visit[key]

    def transfer(key, day, start, end, origin, destination, notes):
        add_visit(key, day, start, end, "Transfer: %s → %s" % (origin, destination),
                  kind="transfer", status="confirmed", notes=notes)

    # Day 1, Tuesday 14 May: Guangzhou, as the article tells it
    add_visit("d1/briefing", 1, "09:00", "11:30",
              "Provincial briefing: new productive forces in Guangdong",
              "gz-briefing", kind="briefing", status="confirmed",
              speakers=[
                  "Zou Yongbing, Chief Economist of the Guangdong Provincial Department of "
                  "Industry and Information Technology: accelerating emerging industries, "
                  "including integrated circuits, new energy vehicles, the low-altitude "
                  "economy and new energy storage",
                  "Liang Qinru, Deputy General Director of the Guangdong Provincial "
                  "Department of Science and Technology: enterprises leading innovation and "
                  "research on key core technologies; enterprise-led projects are over 50% "
                  "of the total, enterprise participation over 95%, with breakthroughs in "
                  "5G, 4K/8K ultra-high definition, high-end printers and electronic "
                  "components",
                  "Lai Maohua, Level 2 Bureau Rank Official of the Guangdong Provincial "
                  "Development and Reform Commission: developing traditional, emerging and "
                  "future industries together and integrating the chains of innovation, "
                  "industry, talent and capital; helping food, beverages, textiles, "
                  "garments, home appliances and household supplies raise quality, "
                  "diversify and build brands",
                  "Chen Dezhong, Deputy Director of the CPC Guangdong Provincial Committee "
                  "Reform Office: the rural sector; mountainous counties integrating "
                  "agriculture, culture and tourism with green industries and eco-tourism, "
                  "agricultural counties cultivating signature products such as tropical "
                  "fruits and vegetables, rice, tea, flowers, livestock and aquatic products",
              ],
              notes="Opening of the tour; the whole delegation attends.")
    add_visit("d1/lunch", 1, "12:00", "13:00", "Lunch", "gz-briefing", kind="meal",
              status="confirmed")
    transfer("d1/transfer-baiyun", 1, "13:10", "13:55", "city centre", "Baiyun District",
             "Coach to the Airport Economic Zone, about 45 minutes.")
    add_visit("d1/institute", 1, "14:00", "15:15",
              "National Institute of Guangdong Advanced Energy Storage", "gz-institute",
              status="confirmed",
              notes="New energy industry. Tour of the Institute and its research on "
                    "large-scale energy storage.")
    transfer("d1/transfer-yuntao", 1, "15:20", "15:40", "Airport Economic Zone",
             "Baiyun District", "Coach, about 20 minutes.")
    add_visit("d1/yuntao", 1, "15:45", "16:45",
              "Guangdong Yuntao Hydrogen Technology", "gz-yuntao", status="confirmed",
              notes="Hydrogen fuel cell system \"Pilot 1\" and the hydrogen fuel cell vehicle.")
    transfer("d1/transfer-huangpu", 1, "16:50", "17:10", "Baiyun District",
             "Huangpu District", "Coach, about 20 minutes.")
    add_visit("d1/ehang", 1, "17:15", "18:15", "EHang: the low-altitude economy",
              "gz-ehang", status="confirmed",
              notes="The EH216-S pilotless passenger eVTOL aircraft.")
    transfer("d1/transfer-hotel", 1, "18:20", "18:55", "Huangpu District", "hotel",
             "Coach back to the delegation hotel.")
    add_visit("d1/dinner", 1, "19:00", "20:30", "Dinner", "guangzhou-hotel", kind="meal",
              status="confirmed")

    # Day 2, Wednesday 15 May: Guangzhou → Shenzhen
    transfer("d2/transfer", 2, "08:00", "10:00", "Guangzhou", "Shenzhen",
             "Coach, about 2 hours. Check out of the Guangzhou hotel before leaving.")
    add_visit("d2/a-company", 2, "10:30", "12:00", "Shenzhen: company visit (to be confirmed)",
              "shenzhen-company-1", groups=["a"])
    add_visit("d2/b-company", 2, "10:30", "12:00", "Shenzhen: company visit (to be confirmed)",
              "shenzhen-company-2", groups=["b"])
    add_visit("d2/ctv-research", 2, "10:30", "12:00",
              "Shenzhen: research institute visit (to be confirmed)",
              "shenzhen-research", groups=["c", "tv"])
    add_visit("d2/lunch", 2, "12:15", "13:30", "Lunch", "shenzhen-hotel", kind="meal")
    add_visit("d2/company", 2, "14:00", "15:30", "Shenzhen: company visit (to be confirmed)",
              "shenzhen-company-3")
    add_visit("d2/ab-research", 2, "16:00", "17:30",
              "Shenzhen: research institute visit (to be confirmed)",
              "shenzhen-research", groups=["a", "b"])
    add_visit("d2/c-company", 2, "16:00", "17:30", "Shenzhen: company visit (to be confirmed)",
              "shenzhen-company-1", groups=["c"])
    add_visit("d2/tv-filming", 2, "16:00", "17:30",
              "Shenzhen: filming at a host company (to be confirmed)",
              "shenzhen-company-2", groups=["tv"])
    add_visit("d2/dinner", 2, "19:00", "20:30", "Dinner", "shenzhen-hotel", kind="meal")

    # Day 3, Thursday 16 May: Shenzhen → Dongguan
    add_visit("d3/park", 3, "09:00", "11:00",
              "Shenzhen: innovation park visit (to be confirmed)", "shenzhen-park")
    add_visit("d3/lunch", 3, "11:15", "12:15", "Lunch", "shenzhen-hotel", kind="meal")
    transfer("d3/transfer", 3, "12:30", "13:45", "Shenzhen", "Dongguan",
             "Coach, about 1 hour 15 minutes.")
    add_visit("d3/ab-company", 3, "14:15", "15:45", "Dongguan: company visit (to be confirmed)",
              "dongguan-company-1", groups=["a", "b"])
    add_visit("d3/ctv-research", 3, "14:15", "15:45",
              "Dongguan: research institute visit (to be confirmed)",
              "dongguan-research", groups=["c", "tv"])
    add_visit("d3/company", 3, "16:00", "17:30", "Dongguan: company visit (to be confirmed)",
              "dongguan-company-2")
    add_visit("d3/dinner", 3, "19:00", "20:30", "Dinner", "dongguan-hotel", kind="meal")

    # Day 4, Friday 17 May: Dongguan → Foshan
    add_visit("d4/ab-research", 4, "09:00", "10:30",
              "Dongguan: research institute visit (to be confirmed)",
              "dongguan-research", groups=["a", "b"])
    add_visit("d4/ctv-company", 4, "09:00", "10:30", "Dongguan: company visit (to be confirmed)",
              "dongguan-company-1", groups=["c", "tv"])
    add_visit("d4/company", 4, "10:45", "12:00", "Dongguan: company visit (to be confirmed)",
              "dongguan-company-3")
    add_visit("d4/lunch", 4, "12:15", "13:15", "Lunch", "dongguan-hotel", kind="meal")
    transfer("d4/transfer", 4, "13:30", "15:00", "Dongguan", "Foshan",
             "Coach, about 1 hour 30 minutes.")
    add_visit("d4/company-afternoon", 4, "15:30", "17:00",
              "Foshan: company visit (to be confirmed)", "foshan-company-1")
    add_visit("d4/dinner", 4, "19:00", "20:30", "Dinner", "foshan-hotel", kind="meal")

    # Day 5, Saturday 18 May: Foshan → Zhaoqing
    add_visit("d5/a-company", 5, "09:00", "10:30", "Foshan: company visit (to be confirmed)",
              "foshan-company-2", groups=["a"])
    add_visit("d5/b-company", 5, "09:00", "10:30", "Foshan: company visit (to be confirmed)",
              "foshan-company-3", groups=["b"])
    add_visit("d5/ctv-research", 5, "09:00", "10:30",
              "Foshan: research institute visit (to be confirmed)",
              "foshan-research", groups=["c", "tv"])
    add_visit("d5/briefing", 5, "10:45", "11:45",
              "Foshan: briefing by city officials (to be confirmed)", "foshan-briefing",
              kind="briefing", notes="Speakers to be confirmed.")
    add_visit("d5/lunch", 5, "12:00", "13:00", "Lunch", "foshan-hotel", kind="meal")
    transfer("d5/transfer", 5, "13:15", "14:30", "Foshan", "Zhaoqing",
             "Coach, about 1 hour 15 minutes.")
    add_visit("d5/company", 5, "15:00", "16:30", "Zhaoqing: company visit (to be confirmed)",
              "zhaoqing-company-1")
    add_visit("d5/ab-research", 5, "16:45", "17:45",
              "Zhaoqing: research institute visit (to be confirmed)",
              "zhaoqing-research", groups=["a", "b"])
    add_visit("d5/ctv-company", 5, "16:45", "17:45", "Zhaoqing: company visit (to be confirmed)",
              "zhaoqing-company-2", groups=["c", "tv"])
    add_visit("d5/dinner", 5, "19:00", "20:30", "Dinner", "zhaoqing-hotel", kind="meal")

    # Day 6, Sunday 19 May: Zhaoqing → Zhuhai
    transfer("d6/transfer", 6, "08:00", "10:30", "Zhaoqing", "Zhuhai",
             "Coach, about 2 hours 30 minutes.")
    add_visit("d6/company", 6, "11:00", "12:15", "Zhuhai: company visit (to be confirmed)",
              "zhuhai-company-1")
    add_visit("d6/lunch", 6, "12:30", "13:30", "Lunch", "zhuhai-hotel", kind="meal")
    add_visit("d6/ac-company", 6, "14:00", "15:30", "Zhuhai: company visit (to be confirmed)",
              "zhuhai-company-2", groups=["a", "c"])
    add_visit("d6/btv-research", 6, "14:00", "15:30",
              "Zhuhai: research institute visit (to be confirmed)",
              "zhuhai-research", groups=["b", "tv"])
    add_visit("d6/filing", 6, "16:00", "17:30", "Writing and filing time", "zhuhai-hotel",
              kind="free-time", notes="Work room at the hotel.")
    add_visit("d6/dinner", 6, "19:00", "20:30", "Dinner", "zhuhai-hotel", kind="meal")

    # Day 7, Monday 20 May: Zhuhai, return
    add_visit("d7/ac-research", 7, "09:00", "10:30",
              "Zhuhai: research institute visit (to be confirmed)",
              "zhuhai-research", groups=["a", "c"])
    add_visit("d7/btv-company", 7, "09:00", "10:30", "Zhuhai: company visit (to be confirmed)",
              "zhuhai-company-2", groups=["b", "tv"])
    add_visit("d7/closing", 7, "10:45", "11:45", "Closing session (to be confirmed)",
              "zhuhai-closing", kind="press-conference",
              notes="Summing up of the tour; speakers to be confirmed.")
    add_visit("d7/lunch", 7, "12:00", "13:00", "Lunch", "zhuhai-hotel", kind="meal")
    transfer("d7/transfer", 7, "13:30", "15:30", "Zhuhai", "Guangzhou",
             "Coach, about 2 hours. End of the tour: delegates leave from Guangzhou.")

    # Interviews on day 1, with the people the article names -----------------
    def pick(*keys):
        return [delegates[k] for k in keys]

    tour.add("interviews", "d1/li-shujie", MODIFIED_INTERVIEWS,
             interviewee="Li Shujie", interviewee_title="Vice General Manager",
             organisation="Guangdong New Energy Storage National Research Institute Co., Ltd",
             delegates=pick("science-and-technology-daily/1", "economic-daily/1",
                            "national-news-agency/2"),
             start=wall(1, "14:45"), end=wall(1, "15:10"), visit=visit["d1/institute"],
             location="At the Institute", language="zh", status="done",
             notes="The Institute's 21,000 m² site, the 200 mu base in the Airport Economic "
                   "Zone, 600 MWh installed capacity, the 220 kV substation.")
    tour.add("interviews", "d1/yang-qiang", MODIFIED_INTERVIEWS,
             interviewee="Yang Qiang", interviewee_title="President",
             organisation="Guangdong Yuntao Hydrogen Technology Co., Ltd",
             delegates=pick("english-language-daily/2", "business-weekly/1",
                            "financial-news-network/3"),
             start=wall(1, "16:10"), end=wall(1, "16:40"), visit=visit["d1/yuntao"],
             location="At the company", language="zh", interpreter=True, status="done",
             notes="The hydrogen fuel cell industry innovation consortium formed in 2023 with "
                   "GAC Hino, the \"Pilot 1\" system, the first hydrogen station due in 2024.")
    tour.add("interviews", "d1/hu-huazhi", MODIFIED_INTERVIEWS,
             interviewee="Hu Huazhi", interviewee_title="Founder, Chairman and CEO",
             organisation="EHang Holdings Limited",
             delegates=pick("provincial-tv/1", "provincial-tv/2", "online-news-portal/1"),
             start=wall(1, "17:45"), end=wall(1, "18:10"), visit=visit["d1/ehang"],
             location="At the company", language="zh", status="confirmed",
             notes="The EH216-S and its CAAC Production Certificate.")

    return tour.to_json(header)


# ---------------------------------------------------------------------------
# The delegation: fictional people from generic outlets

SURNAMES = [
    ("Wang", "王"), ("Li", "李"), ("Zhang", "张"), ("Liu", "刘"), ("Chen", "陈"),
    ("Yang", "杨"), ("Huang", "黄"), ("Zhao", "赵"), ("Wu", "吴"), ("Zhou", "周"),
    ("Xu", "徐"), ("Sun", "孙"), ("Ma", "马"), ("Zhu", "朱"), ("Hu", "胡"),
    ("Guo", "郭"), ("He", "何"), ("Lin", "林"), ("Luo", "罗"), ("Gao", "高"),
    ("Zheng", "郑"), ("Liang", "梁"), ("Xie", "谢"), ("Tang", "唐"), ("Feng", "冯"),
    ("Deng", "邓"), ("Cao", "曹"), ("Peng", "彭"), ("Zeng", "曾"), ("Xiao", "肖"),
]
GIVEN = [
    ("Lei", "磊"), ("Xiaoming", "晓明"), ("Jing", "静"), ("Wei", "伟"), ("Fang", "芳"),
    ("Min", "敏"), ("Yang", "洋"), ("Li", "丽"), ("Qiang", "强"), ("Jun", "军"),
    ("Yan", "燕"), ("Tao", "涛"), ("Hui", "慧"), ("Bin", "斌"), ("Xin", "欣"),
    ("Yuting", "雨婷"), ("Haoran", "浩然"), ("Zixuan", "子轩"), ("Jiayi", "佳怡"),
    ("Mingyu", "明宇"), ("Shuang", "爽"), ("Chao", "超"), ("Ning", "宁"), ("Peng", "鹏"),
    ("Xiaohong", "晓红"), ("Jianguo", "建国"), ("Yue", "悦"), ("Kai", "凯"),
    ("Lingling", "玲玲"), ("Wenjie", "文杰"), ("Siyu", "思雨"), ("Hao", "浩"),
]

# (key, outlet, coach group, e-mail domain, roles in order, languages with English)
OUTLETS = [
    ("national-news-agency", "National news agency", "a", "example.org",
     ["reporter"] * 5 + ["photographer"] * 3, 3),
    ("economic-daily", "Economic daily", "a", "example.com",
     ["reporter"] * 5 + ["photographer"], 1),
    ("science-and-technology-daily", "Science and technology daily", "a", "example.org",
     ["reporter"] * 5 + ["photographer"], 2),
    ("english-language-daily", "English-language daily", "a", "example.com",
     ["reporter"] * 4 + ["photographer", "editor"], 6),
    ("legal-daily", "Legal daily", "a", "example.org", ["reporter"] * 3, 0),
    ("provincial-daily", "Provincial daily", "b", "example.com",
     ["reporter"] * 5 + ["photographer"] * 2 + ["other"], 1),
    ("provincial-radio", "Provincial radio", "b", "example.org",
     ["reporter"] * 4 + ["producer"], 0),
    ("metropolis-daily", "Metropolis daily", "b", "example.com",
     ["reporter"] * 4 + ["photographer"] * 2, 1),
    ("city-evening-news", "City evening news", "b", "example.org",
     ["reporter"] * 4 + ["photographer"], 0),
    ("youth-daily", "Youth daily", "b", "example.com", ["reporter"] * 3 + ["photographer"], 1),
    ("regional-weekly-magazine", "Regional weekly magazine", "b", "example.org",
     ["reporter", "reporter", "editor"], 0),
    ("national-radio", "National radio", "c", "example.com",
     ["reporter"] * 4 + ["producer"], 1),
    ("financial-news-network", "Financial news network", "c", "example.org",
     ["reporter"] * 3, 2),
    ("business-weekly", "Business weekly", "c", "example.com",
     ["reporter"] * 3 + ["photographer"], 2),
    ("industry-magazine", "Industry magazine", "c", "example.org",
     ["reporter"] * 3 + ["editor"], 0),
    ("online-news-portal", "Online news portal", "c", "example.com",
     ["reporter"] * 4 + ["photographer"] * 2 + ["editor"], 2),
    ("overseas-chinese-daily", "Overseas Chinese daily", "c", "example.org",
     ["reporter"] * 4 + ["photographer"], 3),
    ("national-tv", "National TV", "tv", "example.com",
     ["reporter", "reporter", "camera", "camera", "camera", "producer", "editor"], 2),
    ("provincial-tv", "Provincial TV", "tv", "example.org",
     ["producer", "camera", "reporter", "reporter", "camera", "camera", "editor"], 1),
    ("city-tv", "City TV", "tv", "example.com", ["reporter", "camera", "camera", "producer"], 0),
]
# Financial news network's video journalists travel with the TV crews.
TV_EXTRAS = [("financial-news-network", "Financial news network", "tv", "example.org",
              ["producer", "camera"], 1)]

# Needs, by delegate key: a few dietary needs and two access needs.
DIETARY = {
    "provincial-daily/3": "Vegetarian",
    "economic-daily/4": "Vegetarian",
    "online-news-portal/6": "Vegetarian",
    "national-tv/5": "Vegetarian",
    "overseas-chinese-daily/2": "Halal",
    "national-radio/3": "Halal",
    "metropolis-daily/5": "No seafood (allergy)",
}
ACCESS = {
    "industry-magazine/2": "Wheelchair user: step-free access and a coach with a lift",
    "city-evening-news/4": "Limited mobility: avoid long walks and stairs",
}


def make_delegates(tour, group):
    """Adds the delegation; returns the delegate ids by key "<outlet>/<n>"."""
    rng = random.Random(20240514)
    names = [(s, g) for s in SURNAMES for g in GIVEN]
    rng.shuffle(names)
    # never the name of a real person in the article
    used_pinyin = {"yangqiang", "lishujie", "huhuazhi", "zouyongbing", "liangqinru",
                   "laimaohua", "chendezhong"}
    ids = {}
    counter = 0
    for outlet_key, outlet, gkey, domain, roles, n_english in OUTLETS + TV_EXTRAS:
        # the TV extras continue the outlet's numbering
        start = sum(1 for k in ids if k.split("/")[0] == outlet_key)
        for i, role in enumerate(roles):
            number = start + i + 1
            key = "%s/%d" % (outlet_key, number)
            while True:
                (surname, surname_zh), (given, given_zh) = names.pop()
                if surname.lower() + given.lower() not in used_pinyin:
                    break
            used_pinyin.add(surname.lower() + given.lower())
            counter += 1
            # about a third of the names are written in Chinese characters
            name = surname_zh + given_zh if counter % 3 == 0 else "%s %s" % (surname, given)
            email = "%s.%s@%s" % (given.lower(), surname.lower(), domain)
            phone = "+86 138 0000 %04d" % counter
            languages = ["zh", "en"] if i < n_english else ["zh"]
            notes = "Team leader for %s" % outlet if number == 1 else None
            if outlet_key == "english-language-daily" and number == 2:
                languages = ["en"]
                notes = "Works in English; needs an interpreter for interviews."
            ids[key] = tour.add(
                "delegates", key, MODIFIED_DELEGATES, name=name, outlet=outlet, role=role,
                email=email, phone=phone, languages=languages, group=group[gkey],
                dietary=DIETARY.get(key), access=ACCESS.get(key), notes=notes)
    for key in list(DIETARY) + list(ACCESS):
        if key not in ids:
            raise KeyError("needs given for unknown delegate " + key)
    return ids


# ---------------------------------------------------------------------------
# The check: what the program's loader and checker would refuse or flag

TIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$")
UTC_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def parse_time(text, where):
    if not TIME_RE.match(text):
        raise ValueError("%s: %r is not YYYY-MM-DDTHH:MM" % (where, text))
    try:
        value = datetime.datetime.fromisoformat(text)
    except ValueError as error:
        raise ValueError("%s: %r is not a valid time: %s" % (where, text, error))
    if value.second == 0 and len(text) != 16:
        raise ValueError("%s: %r has :00 seconds, which are left out" % (where, text))
    return value


def check(root):
    """Raises ValueError on the first problem; returns the per-day summary."""
    problems = []

    def fail(message):
        problems.append(message)

    if root.get("format") != FORMAT:
        fail("format is not %d" % FORMAT)
    expected_top = ["format", "title", "organiser", "time-zone", "first-day", "n-days",
                    "description"] + KINDS
    if list(root) != expected_top:
        fail("top-level members %s, expected %s" % (list(root), expected_top))
    first_day = datetime.date.fromisoformat(root["first-day"])
    last_day = first_day + datetime.timedelta(days=root["n-days"] - 1)

    ids = {}
    for kind in KINDS:
        for index, entity in enumerate(root[kind]):
            where = "%s[%d]" % (kind, index)
            if not UUID_RE.match(entity.get("id", "")):
                fail("%s.id: not a UUID" % where)
            if entity["id"] in ids:
                fail("%s.id: duplicate of %s" % (where, ids[entity["id"]][0]))
            ids[entity["id"]] = (where, kind)
            if not UTC_RE.match(entity.get("modified", "")):
                fail("%s.modified: not a UTC time" % where)
            if "revision" in entity:
                fail("%s.revision: present" % where)

    for kind in KINDS:
        fields = dict(FIELDS[kind])
        order = ["id", "modified"] + [name for name, _ in FIELDS[kind]]
        for index, entity in enumerate(root[kind]):
            where = "%s[%d]" % (kind, index)
            members = list(entity)
            if members != [m for m in order if m in entity]:
                fail("%s: members out of order or unknown: %s" % (where, members))
            for name, value in entity.items():
                if name in ("id", "modified"):
                    continue
                ftype = fields.get(name)
                if ftype is None:
                    continue
                if is_default(ftype, value):
                    fail("%s.%s: present at its default value" % (where, name))
                if ftype.startswith("enum:") and value not in ENUMS[ftype[5:]]:
                    fail("%s.%s: %r is not a nick" % (where, name, value))
                if ftype.startswith("ref:"):
                    if value not in ids or ids[value][1] != ftype[4:]:
                        fail("%s.%s: %s does not resolve to one of %s" %
                             (where, name, value, ftype[4:]))
                if ftype.startswith("refv:"):
                    if len(set(value)) != len(value):
                        fail("%s.%s: an id listed twice" % (where, name))
                    for ref in value:
                        if ref not in ids or ids[ref][1] != ftype[5:]:
                            fail("%s.%s: %s does not resolve to one of %s" %
                                 (where, name, ref, ftype[5:]))
                if ftype == "time":
                    parse_time(value, "%s.%s" % (where, name))
                if ftype == "str" and not isinstance(value, str):
                    fail("%s.%s: not text" % (where, name))
                if ftype == "double" and not isinstance(value, float):
                    fail("%s.%s: not a number with a fraction" % (where, name))
            if "start" in fields:
                if "start" not in entity or "end" not in entity:
                    fail("%s: start or end missing" % where)
                    continue
                start = parse_time(entity["start"], where + ".start")
                end = parse_time(entity["end"], where + ".end")
                if end <= start:
                    fail("%s: ends before it starts" % where)
                if not (first_day <= start.date() <= last_day and
                        first_day <= end.date() <= last_day):
                    fail("%s: outside the tour's days" % where)

    # Visits of the same group must not overlap (no groups: every group).
    all_groups = [g["id"] for g in root["groups"]]
    by_group = collections.defaultdict(list)
    for visit in root["visits"]:
        if visit.get("status") == "cancelled":
            continue
        for g in visit.get("groups", all_groups):
            by_group[g].append((visit["start"], visit["end"], visit["title"]))
    group_names = {g["id"]: g.get("name", g["id"]) for g in root["groups"]}
    for g, visits in by_group.items():
        visits.sort()
        for (s1, e1, t1), (s2, e2, t2) in zip(visits, visits[1:]):
            if s2 < e1:
                fail("%s: %r (%s–%s) overlaps %r (%s–%s)" %
                     (group_names.get(g, g), t1, s1, e1, t2, s2, e2))

    # Interviews lie inside their visit; a delegate is not in two at once and
    # belongs to a group that attends the visit.
    visits = {v["id"]: v for v in root["visits"]}
    delegates = {d["id"]: d for d in root["delegates"]}
    by_delegate = collections.defaultdict(list)
    for index, interview in enumerate(root["interviews"]):
        where = "interviews[%d]" % index
        visit = visits.get(interview.get("visit"))
        if visit is not None:
            if not (visit["start"] <= interview["start"] and interview["end"] <= visit["end"]):
                fail("%s: outside its visit %r" % (where, visit["title"]))
        if not 2 <= len(interview.get("delegates", [])) <= 4:
            fail("%s: not 2 to 4 delegates" % where)
        english = any(delegates[d]["outlet"] == "English-language daily"
                      for d in interview.get("delegates", []))
        if english != interview.get("interpreter", False):
            fail("%s: interpreter should be %s" % (where, english))
        for d in interview.get("delegates", []):
            by_delegate[d].append((interview["start"], interview["end"]))
            if visit is not None and "groups" in visit and \
                    delegates[d].get("group") not in visit["groups"]:
                fail("%s: delegate %s is with another group" % (where, d))
    for d, slots in by_delegate.items():
        slots.sort()
        for (s1, e1), (s2, e2) in zip(slots, slots[1:]):
            if s2 < e1:
                fail("delegate %s: two interviews at once" % d)

    # Distinct group colours, one group per delegate.
    colors = [g["color"] for g in root["groups"]]
    if len(set(colors)) != len(colors):
        fail("two groups share a colour")
    for index, delegate in enumerate(root["delegates"]):
        if "group" not in delegate:
            fail("delegates[%d]: no group" % index)

    if problems:
        raise ValueError("\n".join(problems))


def summary(root, out):
    print("%s, %s, %d days from %s (%s)" % (root["title"], root["organiser"], root["n-days"],
                                             root["first-day"], root["time-zone"]), file=out)
    for kind in KINDS:
        print("  %-10s %4d" % (kind, len(root[kind])), file=out)
    print("  outlets    %4d" % len({d["outlet"] for d in root["delegates"]}), file=out)
    groups = {g["id"]: g["name"] for g in root["groups"]}
    per_group = collections.Counter(groups[d["group"]] for d in root["delegates"])
    print("  delegates per group: " +
          ", ".join("%s %d" % (name, per_group[name]) for name in groups.values()), file=out)
    roles = collections.Counter(d.get("role", "reporter") for d in root["delegates"])
    print("  roles: " + ", ".join("%s %d" % item for item in sorted(roles.items())), file=out)
    sites = {s["id"]: s for s in root["sites"]}
    cities = {c["id"]: c["name"] for c in root["cities"]}
    per_day = collections.defaultdict(list)
    for visit in root["visits"]:
        per_day[visit["start"][:10]].append(visit)
    for day in sorted(per_day):
        visits = sorted(per_day[day], key=lambda v: (v["start"], v["title"]))
        kinds = collections.Counter(v.get("kind", "visit") for v in visits)
        day_cities = []
        for v in visits:
            if "site" in v:
                name = cities[sites[v["site"]]["city"]]
                if name not in day_cities:
                    day_cities.append(name)
        print("  %s %s: %d visits (%s); %s" % (
            day, datetime.date.fromisoformat(day).strftime("%a"), len(visits),
            ", ".join("%s %d" % item for item in sorted(kinds.items())),
            " → ".join(day_cities)), file=out)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "data", "sample", "guangdong-media-tour-2024.mtour")
    parser = argparse.ArgumentParser(description="Write the built-in sample tour.")
    parser.add_argument("-o", "--output", default=os.path.normpath(default),
                        help="where to write the tour (default: %(default)s)")
    parser.add_argument("--check-only", metavar="FILE",
                        help="check FILE instead of writing the tour")
    args = parser.parse_args()

    if args.check_only:
        with open(args.check_only, encoding="utf-8") as f:
            root = json.load(f)
    else:
        root = build()
    try:
        check(root)
    except ValueError as error:
        print("make-sample.py: the tour has problems:\n%s" % error, file=sys.stderr)
        return 1
    if not args.check_only:
        text = json.dumps(root, indent=2, ensure_ascii=False) + "\n"
        with open(args.output + ".tmp", "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(args.output + ".tmp", args.output)
        print("wrote %s" % args.output)
    summary(root, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
