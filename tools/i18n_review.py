#!/usr/bin/env python3
"""What a fluent reader has reviewed in each text catalog, and the files translators work in.

    i18n_review.py status                       per catalog: entries reviewed, left to review
    i18n_review.py export-po ID [--all] [-o F]  gettext PO for catalog ID (default: stdout):
                                                msgctxt = key, msgid = the Swedish text,
                                                msgstr = the translation; an entry not yet
                                                reviewed is flagged "fuzzy". Only what is left
                                                to review, unless --all.
    i18n_review.py import-po ID FILE            takes a reviewed PO back: each entry that is not
                                                fuzzy is reviewed (its translation, corrected or
                                                not, goes into ID.json; ID.review.json records the
                                                Swedish text it was read against)

assets/i18n/<id>.review.json is {"reviewed": {key: the Swedish text the reviewer read}}; an
entry counts as reviewed only while that Swedish text is still sv.json's (docs/architecture.md).
SIPPREP_I18N points at another catalog folder (the tests use one).
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
I18N = os.environ.get("SIPPREP_I18N") or os.path.join(ROOT, "assets", "i18n")
PLACEHOLDER = re.compile(r"\{[0-9]\}")


def fail(message):
    sys.exit(f"i18n_review.py: {message}")


def load(path, default=None):
    if default is not None and not os.path.exists(path):
        return default
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        fail(f"{path}: {e}")


def save(path, data):
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def catalog_path(lang):
    path = os.path.join(I18N, lang + ".json")
    if lang == "sv":
        fail("sv.json is the source: it is not reviewed against itself")
    if not os.path.exists(path):
        fail(f"no catalog {path}")
    return path


def review_path(lang):
    return os.path.join(I18N, lang + ".review.json")


def reviewed(lang, source):
    """The keys whose review still holds: read against the Swedish text sv.json has now."""
    data = load(review_path(lang), {"reviewed": {}}).get("reviewed", {})
    return {k for k, sv_text in data.items() if source.get(k) == sv_text}


def po_string(text):
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    lines = escaped.split("\n")
    if len(lines) == 1:
        return f'"{escaped}"'
    # One PO string per line of the text, as translation tools show them.
    return '""\n' + "\n".join(f'"{line}\\n"' for line in lines[:-1]) + (f'\n"{lines[-1]}"' if lines[-1] else "")


def export_po(lang, everything, out):
    source = load(os.path.join(I18N, "sv.json"))
    catalog = load(catalog_path(lang))
    done = reviewed(lang, source)
    parts = ['msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
             f'"Language: {lang}\\n"\n"X-Source-Language: sv\\n"\n']
    for key, sv_text in source.items():
        if key in done and not everything:
            continue
        flags = "" if key in done else "#, fuzzy\n"
        parts.append(f"{flags}msgctxt {po_string(key)}\nmsgid {po_string(sv_text)}\n"
                     f"msgstr {po_string(catalog.get(key, ''))}\n")
    out.write("\n".join(parts))


def unquote(s):
    body = s.strip()
    if len(body) < 2 or body[0] != '"' or body[-1] != '"':
        raise ValueError(f"not a PO string: {s}")
    out, i, body = [], 0, body[1:-1]
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    while i < len(body):
        if body[i] == "\\" and i + 1 < len(body):
            if body[i + 1] not in escapes:
                raise ValueError(f"unknown escape \\{body[i + 1]}")
            out.append(escapes[body[i + 1]])
            i += 2
        else:
            out.append(body[i])
            i += 1
    return "".join(out)


def parse_po(path):
    """The PO file's entries: {"msgctxt", "msgid", "msgstr", "fuzzy", "line"}."""
    entries, entry, field = [], None, None
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        try:
            if not line:
                entry, field = None, None
            elif line.startswith("#,"):
                entry = entry or {"fuzzy": False, "line": number}
                if entry not in entries:
                    entries.append(entry)
                entry["fuzzy"] = "fuzzy" in [f.strip() for f in line[2:].split(",")]
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                if entry is None or field is None:
                    raise ValueError("a string outside an entry")
                entry[field] += unquote(line)
            else:
                keyword, _, rest = line.partition(" ")
                if keyword not in ("msgctxt", "msgid", "msgstr"):
                    raise ValueError(f"unknown keyword {keyword}")
                if entry is None:
                    entry = {"fuzzy": False, "line": number}
                    entries.append(entry)
                field = keyword
                entry[field] = unquote(rest)
        except ValueError as e:
            fail(f"{path}:{number}: {e}")
    return [e for e in entries if "msgctxt" in e]  # not the header


def import_po(lang, po_file):
    source = load(os.path.join(I18N, "sv.json"))
    path = catalog_path(lang)
    catalog = load(path)
    review = load(review_path(lang), {"reviewed": {}})
    marks = review.setdefault("reviewed", {})
    problems, confirmed, corrected = [], 0, 0
    for e in parse_po(po_file):
        key, where = e.get("msgctxt"), f"{po_file}:{e['line']}"
        if key not in source:
            problems.append(f"{where}: {key!r} is not a key of sv.json")
            continue
        if e.get("msgid") != source[key]:
            problems.append(f"{where}: {key}: the Swedish text has changed since the file was made; "
                            "export it again and review the new text")
            continue
        text = e.get("msgstr", "")
        if not text and source[key]:
            continue  # nothing translated: nothing to review
        if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source[key])):
            problems.append(f"{where}: {key}: the translation must keep the Swedish text's "
                            f"{', '.join(sorted(set(PLACEHOLDER.findall(source[key])))) or 'no {n}'}")
            continue
        if catalog.get(key) != text:
            catalog[key] = text
            corrected += 1
        if not e["fuzzy"]:
            marks[key] = source[key]
            confirmed += 1
    # In sv.json's order, as the catalogs are kept.
    save(path, {k: catalog[k] for k in list(source) + [k for k in catalog if k not in source] if k in catalog})
    review["reviewed"] = {k: marks[k] for k in sorted(marks)}
    save(review_path(lang), review)
    left = len([k for k in source if k not in reviewed(lang, source)])
    print(f"{lang}: {confirmed} entries reviewed, {corrected} translations corrected, {left} left to review")
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


def status():
    source = load(os.path.join(I18N, "sv.json"))
    for name in sorted(os.listdir(I18N)):
        if not name.endswith(".json") or name.endswith(".review.json") or name == "sv.json":
            continue
        lang = name[:-5]
        catalog = load(os.path.join(I18N, name))
        done = reviewed(lang, source)
        missing = [k for k in source if k not in catalog]
        print(f"{lang}: {len(done)} of {len(source)} entries reviewed, {len(source) - len(done)} left"
              + (f", {len(missing)} not translated" if missing else ""))


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 2
    command, args = argv[0], argv[1:]
    if command == "status" and not args:
        status()
        return 0
    if command == "export-po" and args:
        lang, everything, out = args[0], "--all" in args, None
        if "-o" in args:
            out = args[args.index("-o") + 1]
        if out:
            with open(out, "w", encoding="utf-8") as f:
                export_po(lang, everything, f)
        else:
            export_po(lang, everything, sys.stdout)
        return 0
    if command == "import-po" and len(args) == 2:
        return import_po(args[0], args[1])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
