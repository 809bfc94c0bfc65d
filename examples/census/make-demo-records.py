#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes SYNTHETIC demo responses (JSON lines, the chorusctl export format) for the Kingston example.

Nobody real is described here: answers are drawn by a seeded random generator, deliberately skewed from
the census (older, more White British, fewer Asian respondents) so the report has something to show.
"""
import json
import random
import sys

rng = random.Random(2026)
wards = ["E05013938"] * 9 + ["E05013941"] * 7 + [None] * 2
ethnicity = [("1", 62), ("2", 3), ("3", 0.3), ("4", 0.2), ("5", 10), ("6", 1), ("7", 0.6), ("8", 2), ("9", 1.5),
             ("10", 3), ("11", 1.8), ("12", 0.4), ("13", 1.5), ("14", 4), ("15", 0.8), ("16", 1.5), ("17", 0.3),
             ("18", 1), ("19", 2)]
religion = [("1", 30), ("2", 50), ("3", 1), ("4", 4), ("5", 0.5), ("6", 5), ("7", 1), ("8", 1)]


def pick(options):
    codes, weights = zip(*options)
    return rng.choices(codes, weights)[0]


def state_or(value_fn, p_pnts=0.04, p_skip=0.03):
    r = rng.random()
    if r < p_pnts:
        return {"state": "prefer_not_to_say"}
    if r < p_pnts + p_skip:
        return {"state": "not_answered"}
    return {"state": "answered", "value": value_fn()}


for i in range(1200):
    year = rng.choices(range(1930, 2011), weights=[1.6 if y < 1965 else 1.0 for y in range(1930, 2011)])[0]
    adult = 2026 - year >= 16
    answers = {
        "ethnicity": state_or(lambda: pick(ethnicity)),
        "religion": state_or(lambda: pick(religion), 0.07),
        "year_of_birth": state_or(lambda: str(year), 0.02, 0.01),
        "sexual_orientation": state_or(lambda: pick([("1", 90), ("2", 3), ("3", 3), ("4", 1)]), 0.08) if adult else {"state": "not_asked"},
        "gender_identity": state_or(lambda: pick([("yes", 98), ("no", 1)]), 0.06) if adult else {"state": "not_asked"},
        "comments": {"state": "answered", "value": "free text that must never appear in the report"},
    }
    ward = rng.choice(wards)
    record = {"key": "uuid:demo-%05d" % i, "survey_id": "demo-libraries-2026", "survey_version": "1",
              "bank_version": "gss/2025.1", "ward": ward, "answers": answers}
    sys.stdout.write(json.dumps(record, sort_keys=True, separators=(",", ":")) + "\n")
