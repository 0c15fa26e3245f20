#!/usr/bin/env python3
"""Writes the UI text catalogs (assets/i18n/<id>.json) as one C++ table for src/core/i18n.cpp.

    embed_catalogs.py I18N_DIR OUT.cpp              every catalog in I18N_DIR built in (native)
    embed_catalogs.py I18N_DIR OUT.cpp --lazy DIR   Swedish built in; each other catalog written
                                                   as DIR/i18n-<id>.cat (the web app fetches it
                                                   when someone chooses the language)

The keys are sv.json's (the source catalog), written once, sorted by their UTF-8 bytes (the app
looks them up by binary search); each language is its texts in the same order, each ended by a
NUL; a key a language lacks gets the single byte 0x01, and the app shows the Swedish text there.
The keys are not in the download once per language. Each key is written as one dot for each of
its leading dot-separated parts that the key before it has too, then the rest of the key, then a
NUL ("summary.goal", "summary.needs" -> "summary.goal\0.needs\0"): 0.9 KB less of the first
load (gzip) than the keys in full; core/i18n.cpp spells them out once at start.

With --lazy, Swedish is built in without the long texts of "Om SIP" (about.<section>.text), the
consent form (form.*), most of the professional's view (pro.*) and the help texts of "Efter mötet",
which no first screen shows: they are
in DIR/i18n-sv.cat, the whole Swedish catalog, which the page fetches once the app is on screen
(the service worker keeps it beforehand); the screens that show them wait for it if it has not
come yet.

A .cat file is the same texts after a header of NUL-ended fields: "sipprep-catalog", the id, the
number of keys and a hash of the key list. The app refuses a file whose count or hash is not its
own (a file cached from another build would show wrong texts under the keys).

Whether every entry has been read by a fluent reader comes from I18N_DIR/<id>.review.json
({"reviewed": {key: the Swedish text the reviewer read}}): an entry counts only while that
Swedish text is still sv.json's. tools/i18n_review.py writes those files.
"""
import glob
import hashlib
import json
import os
import sys

SOURCE = "sv"


def literal(text):
    """A C++ narrow string literal holding `text` as UTF-8."""
    out = ['"']
    for ch in text:
        if ch == '"' or ch == "\\":
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ch == "?":  # "?" too: no trigraphs
            out.append("\\%03o" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def read_json(path):
    def no_repeats(items):
        seen = set()
        for k, _ in items:
            if k in seen:
                sys.exit(f"{path}: the key {k!r} is there twice")
            seen.add(k)
        return dict(items)

    with open(path, encoding="utf-8") as f:
        return json.load(f, object_pairs_hook=no_repeats)


def catalog_ids(i18n_dir):
    """The ids of the catalogs in I18N_DIR, Swedish first."""
    ids = sorted(os.path.basename(p)[:-5] for p in glob.glob(os.path.join(i18n_dir, "*.json"))
                 if not p.endswith(".review.json"))
    if SOURCE not in ids:
        sys.exit(f"{i18n_dir}: no {SOURCE}.json (the source catalog)")
    return [SOURCE] + [i for i in ids if i != SOURCE]


def read_catalog(path):
    catalog = read_json(path)
    for k, v in catalog.items():
        if not isinstance(v, str):
            sys.exit(f"{path}: {k!r} is not a text")
        if "\0" in v or "\x01" in v or "\0" in k:
            sys.exit(f"{path}: {k!r} holds a NUL or U+0001")
    return catalog


def reviewed_keys(i18n_dir, lang, source):
    """The keys of `lang` a fluent reader confirmed against the Swedish text sv.json has now."""
    if lang == SOURCE:
        return set(source)
    path = os.path.join(i18n_dir, lang + ".review.json")
    if not os.path.exists(path):
        return set()
    reviewed = read_json(path).get("reviewed", {})
    if not isinstance(reviewed, dict):
        sys.exit(f"{path}: \"reviewed\" is not an object")
    return {k for k, sv_text in reviewed.items() if source.get(k) == sv_text}


def front_coded(keys):
    """The keys, each after the first as its parts the key before shares (as dots) and the rest."""
    out, before = [], []
    for key in keys:
        parts = key.split(".")
        if "" in parts:
            sys.exit(f"{SOURCE}.json: the key {key!r} has an empty part between dots")
        shared = 0
        while shared < len(parts) - 1 and shared < len(before) and parts[shared] == before[shared]:
            shared += 1
        out.append("." * shared + ".".join(parts[shared:]))
        before = parts
    return out


# The professional's view's texts that show before its others have come: its title, the button
# that opens a file, and what is said when one opens.
PRO_FIRST = {"pro.title", "pro.intro", "pro.open", "pro.opened", "pro.unreadable", "pro.integrity.changed",
             "pro.invalid"}


# Texts shown only once a file has been read (the app holds a file that comes before them:
# App::file_opened): what reading it found, opening it, a relative's contribution taken in.
AFTER_A_FILE = ("msg.bundle.", "msg.schema.", "open.done", "open.unknown_words", "open.earlier_done",
                "open.replace.", "open.earlier_replace.", "open.unreadable", "open.details.", "followup.opened",
                "contribution.opened", "contribution.review.", "contribution.other_person", "contribution.present",
                "contribution.replaces", "contribution.take", "contribution.leave", "contribution.left",
                "contribution.done", "contribution.empty", "contribution.mine", "contribution.place.",
                "contribution.open_draft_first", "open.not_a_plan",
                # A file from outside only (the stored draft is locked by this app: an age file,
                # not armoured, at the app's own work factor).
                "age.armored", "age.not_age", "age.not_passphrase", "age.work_factor",
                # The list of earlier versions, shown once the browser has answered (its button
                # and help stay in the first load); a draft with versions has run here before.
                "versions.title", "versions.none", "versions.kind.", "versions.restore", "versions.locked",
                "versions.not_restored", "versions.listed", "versions.hide")


# The screen after the meeting ("Efter mötet": what was agreed, the evaluation) is reached from a
# draft's start screen, never first: its intro, help and examples, buttons and what they say wait
# with it (App::evaluation_screen). The names the rules' messages use for its fields (core/issue.cpp
# field_label), the summary's words and the messages themselves (agreed.no_lead …) stay: the
# summary shows them.
AFTER_THE_MEETING = {"eval.intro", "eval.scale.help", "agreed.intro", "agreed.who.example", "agreed.add",
                     "agreed.remove.confirm", "agreed.removed", "agreed.lead.help", "agreed.lead.no_actors",
                     "agreed.contact.help", "agreed.how_often.example", "agreed.where.example",
                     "agreed.long_term_goal.help", "agreed.sub_goal.add", "agreed.follow_up_time.help",
                     "agreed.calendar.help", "agreed.calendar.needs_date", "agreed.calendar.done",
                     "agreed.contact.add", "agreed.contact.remove.confirm", "agreed.closed.help",
                     # the names of an effort's and a contact's fields (FHIR's are the professional's
                     # view's, which waits too), and the screen's own buttons and headings
                     "agreed.effort_n", "agreed.what", "agreed.who", "agreed.by_when", "agreed.starts",
                     "agreed.how_often", "agreed.where", "agreed.remove", "agreed.lead.none", "agreed.sub_goal_n",
                     "agreed.sub_goal.remove", "agreed.calendar", "agreed.contact_n", "agreed.contact.kind",
                     "agreed.contact.name", "agreed.contact.reach", "agreed.contact.remove", "agreed.closed.title",
                     "eval.scale.0", "eval.section"}


# Steps whose own texts come with the later texts: no one reaches them in the first second, and
# each waits for them (its row in ui/steps/step_table.cpp names one of its keys). For each: the
# file that draws it (its draw function is called from the step table only: the questions are
# part of a relative's first screen too, and stay), the prefixes of its keys, and the prefixes of those of them said elsewhere
# too (the summary, FHIR, a consent's status, the name a rule's message gives a field: kept built
# in). tests/i18n/later_texts_test.py checks that no other file uses a key that waits.
WAITING_STEPS = {
    "src/ui/steps/consent.cpp": (("consent.", "sip_consent."),
                                 ("consent.sentence.", "consent.wish.", "consent.period_words.",
                                  "consent.decision.other", "consent.child_view", "consent.guardian.not_yet",
                                  "sip_consent.child_answer", "consent.guardian.ask_again")),
    "src/ui/steps/invite.cpp": (("invite.",), ("invite.support.", "invite.trusted")),
    "src/ui/steps/participation.cpp": (("participation.", "adapt."),
                                       ("participation.modes", "participation.adaptations", "participation.wished_",
                                        "participation.avoid", "participation.pre_meeting",
                                        "adapt.interpreter_language", "adapt.aac_note", "adapt.hearing_loop",
                                        "adapt.speak_slowly", "adapt.speech_to_text", "adapt.accessible_documents",
                                        "adapt.guide")),
    "src/ui/steps/needs.cpp": (("needs.",), ("needs.can_do", "needs.need_help", "needs.remove.yes",
                                             "needs.remove.no")),
}


def waiting_step_of(key):
    """The file of the step whose own text `key` is (it waits for the later texts), or None."""
    for path, (prefixes, said_elsewhere) in WAITING_STEPS.items():
        if key.startswith(prefixes) and not key.startswith(said_elsewhere):
            return path
    return None


def fetched_later(key):
    """A Swedish text left out of the web app's built-in catalog: "Om SIP"'s sections, the consent
    form, the professional's view, what only a file that has been read shows."""
    return ((key.startswith("about.") and key.endswith(".text")) or key.startswith("form.") or
            (key.startswith("pro.") and key not in PRO_FIRST) or key.startswith(AFTER_A_FILE) or
            key in AFTER_THE_MEETING or waiting_step_of(key) is not None)


def texts_blob(catalog, keys):
    return "".join((catalog[k] if k in catalog else "\x01") + "\0" for k in keys)


def write_if_changed(path, data):
    try:
        with open(path, "rb") as f:
            if f.read() == data:
                return
    except FileNotFoundError:
        pass
    with open(path, "wb") as f:
        f.write(data)


def main():
    args = sys.argv[1:]
    lazy_dir = None
    if "--lazy" in args:
        i = args.index("--lazy")
        lazy_dir = args[i + 1]
        del args[i:i + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    i18n_dir, out_path = args
    ids = catalog_ids(i18n_dir)
    catalogs = {i: read_catalog(os.path.join(i18n_dir, i + ".json")) for i in ids}
    source = catalogs[SOURCE]
    keys = sorted(source, key=lambda k: k.encode("utf-8"))
    key_blob = "".join(k + "\0" for k in keys)
    key_hash = hashlib.sha256(key_blob.encode("utf-8")).hexdigest()[:16]

    lines = ["// Generated by tools/embed_catalogs.py from assets/i18n/*.json. Do not edit.",
             "#include <cstddef>", "namespace sipprep::embedded {",
             f"extern const std::size_t catalog_count;\nconst std::size_t catalog_count = {len(keys)};",
             f"extern const char catalog_keys_hash[];\nconst char catalog_keys_hash[] = \"{key_hash}\";",
             "extern const char catalog_keys[];\nconst char catalog_keys[] ="]
    lines += ["    " + literal(k) + ' "\\0"' for k in front_coded(keys)]
    lines[-1] += ";"
    built_in = [SOURCE] if lazy_dir else ids
    for lang in built_in:
        name = "catalog_" + lang.replace("-", "_")
        lines.append(f"const char {name}[] =")
        lines += ["    " + (literal(catalogs[lang][k]) if k in catalogs[lang] and not (lazy_dir and fetched_later(k))
                            else '"\\001"') + ' "\\0"'
                  for k in keys]
        lines[-1] += ";"
    lines.append(f"extern const std::size_t catalog_langs;\nconst std::size_t catalog_langs = {len(ids)};")
    lines.append("extern const char* const catalog_ids[];\nconst char* const catalog_ids[] = {" +
                 ", ".join(literal(i) for i in ids) + "};")
    lines.append("extern const char* const catalog_texts[];\nconst char* const catalog_texts[] = {" +
                 ", ".join("catalog_" + i.replace("-", "_") if i in built_in else "nullptr" for i in ids) + "};")
    complete = [all(k in catalogs[i] for k in keys) and reviewed_keys(i18n_dir, i, source) >= set(keys)
                for i in ids]
    lines.append("extern const bool catalog_reviewed[];\nconst bool catalog_reviewed[] = {" +
                 ", ".join("true" if c else "false" for c in complete) + "};")
    lines.append("}  // namespace sipprep::embedded\n")
    write_if_changed(out_path, "\n".join(lines).encode("utf-8"))

    if lazy_dir:
        os.makedirs(lazy_dir, exist_ok=True)
        for lang in ids:
            header = f"sipprep-catalog\0{lang}\0{len(keys)}\0{key_hash}\0"
            write_if_changed(os.path.join(lazy_dir, f"i18n-{lang}.cat"),
                             (header + texts_blob(catalogs[lang], keys)).encode("utf-8"))
        for stale in glob.glob(os.path.join(lazy_dir, "i18n-*.cat")):
            if os.path.basename(stale)[5:-4] not in ids:
                os.remove(stale)


if __name__ == "__main__":
    main()
