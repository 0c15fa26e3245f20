#!/usr/bin/env python3
"""The texts the web app fetches after it has started (tools/embed_catalogs.py, fetched_later) are
used only where the screen waits for them: a key of the consent step's or of "Efter mötet" named in
any other source file would show as nothing (or as its key) until the texts came.

    later_texts_test.py SOURCE_DIR
"""
import glob
import importlib.util
import json
import os
import re
import sys

root = sys.argv[1]
spec = importlib.util.spec_from_file_location("embed", os.path.join(root, "tools", "embed_catalogs.py"))
embed = importlib.util.module_from_spec(spec)
spec.loader.exec_module(embed)
sv = json.load(open(os.path.join(root, "assets", "i18n", "sv.json"), encoding="utf-8"))

# Where each group's keys may be used: the files of the screen that waits for them.
WAITING = [(f"the step drawn by {path}", lambda k, path=path: embed.waiting_step_of(k) == path,
            {path, "src/ui/steps/step_table.cpp"}) for path in embed.WAITING_STEPS]
WAITING.append(("Efter mötet", lambda k: k in embed.AFTER_THE_MEETING,
                {"src/ui/steps/after_meeting.cpp", "src/ui/app_start.cpp", "src/ui/app_actions.cpp",
                 "src/core/fhir.cpp"}))  # FHIR: the professional's view, which waits too

sources = {}
for path in glob.glob(os.path.join(root, "src", "**", "*.[ch]pp"), recursive=True):
    sources[os.path.relpath(path, root)] = open(path, encoding="utf-8").read()

failures = []
for name, member, allowed in WAITING:
    keys = [k for k in sv if member(k)]
    if not keys:
        failures.append(f"{name}: no key is fetched later")
    for key in keys:
        for path, text in sources.items():
            if f'"{key}"' in text and path not in allowed:
                failures.append(f"{path} uses {key}, which {name} fetches after the start")

# A key made from a prefix ("consent.wish." + k) in another file than its step's must be kept.
for path, text in sources.items():
    for prefix in re.findall(r'"([a-z_]+\.[a-z_.]*\.)"', text):
        step = embed.waiting_step_of(prefix + "x")
        if step and step != path:
            failures.append(f"{path} makes keys from {prefix}, which {step} fetches after the start")

# A waiting step's draw function is called from the step table only (not from another screen).
for path in embed.WAITING_STEPS:
    draw = re.search(r"^void (draw_[a-z_]+)\(StepContext& c\)", sources[path], re.M)
    if not draw:
        failures.append(f"{path}: no draw function")
        continue
    for other, text in sources.items():
        if other not in (path, "src/ui/steps/step_table.cpp", "src/ui/steps/step_table.hpp") and \
                re.search(rf"\b{draw.group(1)}\(", text):
            failures.append(f"{other} draws {draw.group(1)}, whose texts come after the start")

# Each waiting screen probes a key that is really among the later texts (else it never waits), and
# each waiting step does probe.
table = sources["src/ui/steps/step_table.cpp"]
probed = dict(re.findall(r'(draw_[a-z_]+),\s*"([^"]+)"', table))
for path in embed.WAITING_STEPS:
    draw = re.search(r"^void (draw_[a-z_]+)\(StepContext& c\)", sources[path], re.M)
    if draw and draw.group(1) not in probed:
        failures.append(f"step_table.cpp: {draw.group(1)} does not wait for its texts")
probes = list(probed.values()) + re.findall(r'later_texts_here\("(agreed\.[^"]+)"\)', sources["src/ui/app_start.cpp"])
for key in probes:
    if not embed.fetched_later(key):
        failures.append(f"a screen waits for {key}, which is built in: it never waits")

for f in failures:
    print(f)
print(f"{len(failures)} problem(s)" if failures else "later texts: each used only where its screen waits for it")
sys.exit(1 if failures else 0)
