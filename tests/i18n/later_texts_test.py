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
WAITING = [
    ("the consent step", embed.consent_step_only, {"src/ui/steps/consent.cpp", "src/ui/steps/step_table.cpp"}),
    ("Efter mötet", lambda k: k in embed.AFTER_THE_MEETING,
     {"src/ui/steps/after_meeting.cpp", "src/ui/app_start.cpp", "src/ui/app_actions.cpp",
      "src/core/fhir.cpp"}),  # FHIR: the professional's view, which waits too
]

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

# A key made from a prefix ("consent.wish." + k) in another file is one the tool must keep.
for path, text in sources.items():
    if path == "src/ui/steps/consent.cpp":
        continue
    for prefix in re.findall(r'"((?:sip_)?consent\.[a-z_.]*\.)"', text):
        if embed.consent_step_only(prefix + "x"):
            failures.append(f"{path} makes keys from {prefix}, which the consent step fetches after the start")

# Each waiting screen probes a key that is really among the later texts (else it never waits).
probes = {"src/ui/steps/step_table.cpp": r'draw_consent,\s*"([^"]+)"',
          "src/ui/app_start.cpp": r'later_texts_here\("(agreed\.[^"]+)"\)'}
for path, pattern in probes.items():
    m = re.search(pattern, sources[path])
    if not m:
        failures.append(f"{path}: no probe key found")
    elif not embed.fetched_later(m.group(1)):
        failures.append(f"{path} waits for {m.group(1)}, which is built in: it never waits")

for f in failures:
    print(f)
print(f"{len(failures)} problem(s)" if failures else "later texts: each used only where its screen waits for it")
sys.exit(1 if failures else 0)
