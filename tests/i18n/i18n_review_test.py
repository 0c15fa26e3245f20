#!/usr/bin/env python3
"""tools/i18n_review.py: a catalog goes out as gettext PO and comes back reviewed (round trip),
and tools/embed_catalogs.py then calls it reviewed; a changed Swedish text undoes a review.
    i18n_review_test.py REPO"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

REPO = sys.argv[1]
TOOL = os.path.join(REPO, "tools", "i18n_review.py")
EMBED = os.path.join(REPO, "tools", "embed_catalogs.py")
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)


def run(i18n, *args):
    env = dict(os.environ, SIPPREP_I18N=i18n)
    return subprocess.run([sys.executable, TOOL, *args], env=env, capture_output=True, text=True)


def write(path, data):
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def reviewed_flag(i18n, lang):
    out = os.path.join(i18n, "embedded.cpp")
    subprocess.run([sys.executable, EMBED, i18n, out], check=True)
    text = read(out)
    ids = text.split("catalog_ids[] = {")[1].split("}")[0].replace('"', "").split(", ")
    flags = text.split("catalog_reviewed[] = {")[1].split("}")[0].split(", ")
    return flags[ids.index(lang)] == "true"


with tempfile.TemporaryDirectory() as tmp:
    i18n = os.path.join(tmp, "i18n")
    os.mkdir(i18n)
    sv = {"a.title": "Förbered din SIP", "b.count": "{0} av {1} \"klara\"", "c.lines": "Rad ett\nRad två\\slut"}
    fi = {"a.title": "Valmistaudu SIP:iin", "b.count": "{0}/{1} \"valmis\"", "c.lines": "Rivi yksi\nRivi kaksi\\loppu"}
    write(os.path.join(i18n, "sv.json"), sv)
    write(os.path.join(i18n, "fi.json"), fi)
    po = os.path.join(tmp, "fi.po")

    r = run(i18n, "export-po", "fi", "-o", po)
    check(r.returncode == 0, f"export-po: {r.stderr}")
    text = read(po)
    check(text.count("#, fuzzy") == 3, "nothing reviewed yet: every entry fuzzy")
    check('msgctxt "b.count"\nmsgid "{0} av {1} \\"klara\\""\nmsgstr "{0}/{1} \\"valmis\\""' in text,
          "key as context, Swedish as source, translation as msgstr:\n" + text)
    check(not reviewed_flag(i18n, "fi"), "no review file: not reviewed")

    # The reviewer confirms a.title, corrects c.lines, leaves b.count fuzzy.
    text = text.replace('#, fuzzy\nmsgctxt "a.title"', 'msgctxt "a.title"')
    text = text.replace('#, fuzzy\nmsgctxt "c.lines"', 'msgctxt "c.lines"').replace("Rivi kaksi", "Toinen rivi")
    with open(po, "w", encoding="utf-8") as f:
        f.write(text)
    r = run(i18n, "import-po", "fi", po)
    check(r.returncode == 0, f"import-po: {r.stdout}{r.stderr}")
    review = json.loads(read(os.path.join(i18n, "fi.review.json")))
    check(review == {"reviewed": {"a.title": sv["a.title"], "c.lines": sv["c.lines"]}}, f"review file: {review}")
    now = json.loads(read(os.path.join(i18n, "fi.json")))
    check(now["c.lines"] == "Rivi yksi\nToinen rivi\\loppu", f"the correction is kept: {now['c.lines']!r}")
    check(list(now) == list(sv), "the catalog keeps sv.json's order")

    left = run(i18n, "export-po", "fi").stdout
    check(left.count("msgctxt") == 1 and 'msgctxt "b.count"' in left, "only what is left is listed:\n" + left)
    check(run(i18n, "export-po", "fi", "--all").stdout.count("msgctxt") == 3, "--all lists every entry")
    check("2 of 3 entries reviewed" in run(i18n, "status").stdout, "status counts")

    # The last one confirmed: the catalog counts as reviewed.
    left = left.replace("#, fuzzy\n", "")
    with open(po, "w", encoding="utf-8") as f:
        f.write(left)
    check(run(i18n, "import-po", "fi", po).returncode == 0, "second import")
    check(reviewed_flag(i18n, "fi"), "every entry reviewed: embed_catalogs says reviewed")

    # The Swedish text changes: that entry's review no longer holds.
    sv["a.title"] = "Förbered dig för SIP"
    write(os.path.join(i18n, "sv.json"), sv)
    check(not reviewed_flag(i18n, "fi"), "a changed Swedish text undoes the review")
    check('msgctxt "a.title"' in run(i18n, "export-po", "fi").stdout, "… and it is left to review again")
    # A PO made before the change is refused for that entry, and so is a lost placeholder.
    r = run(i18n, "import-po", "fi", po)
    check(r.returncode == 0, "an old file's unchanged entries still import")
    bad = run(i18n, "export-po", "fi", "--all").stdout.replace("#, fuzzy\n", "")
    bad = bad.replace('msgstr "{0}/{1} \\"valmis\\""', 'msgstr "{0} \\"valmis\\""')
    bad = bad.replace('msgid "Förbered dig för SIP"', 'msgid "Förbered din SIP"')
    with open(po, "w", encoding="utf-8") as f:
        f.write(bad)
    r = run(i18n, "import-po", "fi", po)
    check(r.returncode == 1, "problems give exit code 1")
    check("{0}, {1}" in r.stderr and "has changed since" in r.stderr, f"the problems are named: {r.stderr}")
    check(json.loads(read(os.path.join(i18n, "fi.json")))["b.count"] == fi["b.count"], "a bad entry changes nothing")
    check(json.loads(read(os.path.join(i18n, "fi.review.json")))["reviewed"].get("a.title") != sv["a.title"],
          "a stale entry is not marked reviewed")

    # The real catalogs survive the round trip byte for byte.
    real = os.path.join(tmp, "real")
    os.mkdir(real)
    for name in os.listdir(os.path.join(REPO, "assets", "i18n")):
        if name.endswith(".json") and not name.endswith(".review.json"):
            shutil.copy(os.path.join(REPO, "assets", "i18n", name), real)
    for name in sorted(os.listdir(real)):
        lang = name[:-5]
        if lang == "sv":
            continue
        before = read(os.path.join(real, name))
        out = os.path.join(tmp, lang + ".po")
        check(run(real, "export-po", lang, "--all", "-o", out).returncode == 0, f"export {lang}")
        with open(out, encoding="utf-8") as f:
            confirmed = f.read().replace("#, fuzzy\n", "")
        with open(out, "w", encoding="utf-8") as f:
            f.write(confirmed)
        r = run(real, "import-po", lang, out)
        check(r.returncode == 0, f"import {lang}: {r.stderr}")
        check(read(os.path.join(real, name)) == before, f"{lang}.json unchanged by the round trip")
        check(reviewed_flag(real, lang), f"{lang}: all confirmed, so reviewed")

print("ok" if not failures else f"{len(failures)} failures")
sys.exit(1 if failures else 0)
