#!/usr/bin/env python3
"""What docs/architecture.md names in backticks is there: a repository path exists (`<id>` and `*`
match at least one file), a build output (`build/...`) is named by the build, a test
(`Sections.EveryMemberOfThePlanIsDescribed`, ctest `docs.names`) and a catalog key
(`speech.none`) exist, and a function, type or constant (`App::begin_draft`, `plan_sections`,
`kMaxFileBytes`) is in the code. A file moved or renamed without the page fails here, with the
line that names it.
    doc_names_test.py REPO [DOC…]"""
import glob
import json
import os
import re
import sys

PATH = re.compile(r"^[A-Za-z0-9_.<>*+-]+(/[A-Za-z0-9_.<>*+-]*)+$|^[A-Za-z0-9_<>*+-]+\.(cpp|hpp|c|h|js|mjs|json|md|py|sh|html|css|txt|conf|wasm|ttf|cat)$")
TEST_NAME = re.compile(r"^([A-Z][A-Za-z0-9]*)\.([A-Z][A-Za-z0-9]*|\*)$")  # a GoogleTest test, Suite.Name
DOTTED = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_<>]+)+$")  # a ctest name or a catalog key
IDENTIFIER = re.compile(r"^(?:[A-Za-z_][A-Za-z0-9_]*::)*([A-Za-z_][A-Za-z0-9_]*)(?:\([A-Za-z_ ]*\))?$")
# What makes the build outputs: an output's file name is written in one of these.
BUILD_FILES = ["CMakeLists.txt", "build-wasm.sh", "tools"]
# What holds the code a name can be in.
CODE_DIRS = ["src", "tests", "bench", "web", "tools", "CMakeLists.txt", "build-wasm.sh", "cmake"]
TEXT_ENDINGS = (".cpp", ".hpp", ".c", ".h", ".js", ".mjs", ".py", ".sh", ".txt", ".cmake", ".json", ".html", ".def")


def read_tree(root, names):
    texts = []
    for name in names:
        path = os.path.join(root, name)
        files = [path] if os.path.isfile(path) else [
            os.path.join(d, f) for d, dirs, fs in os.walk(path) for f in fs
            if f.endswith(TEXT_ENDINGS) and "node_modules" not in d]
        for f in files:
            if os.path.abspath(f) == os.path.abspath(__file__):
                continue  # its planted names below are not the code
            with open(f, encoding="utf-8", errors="replace") as h:
                texts.append(h.read())
    return "\n".join(texts)


def as_glob(path):
    return re.sub(r"<[^>]*>", "*", path)


def as_regex(name):
    return re.compile(".*".join(re.escape(p) for p in re.split(r"<[^>]*>|\*", name)))


def problems(doc_text, root, code_text, build_text, catalog_keys):
    """Every backticked name of doc_text that is not there, as "line N: `name`: why"."""
    out = []
    for n, line in enumerate(doc_text.split("\n"), 1):
        for token in re.findall(r"`([^`\n]+)`", line):
            if token.startswith("/") or " " in token:
                continue  # system files, commands and phrases
            if PATH.match(token) and not token.startswith("."):
                if token.startswith("build/"):
                    name = os.path.basename(token.rstrip("/"))
                    if name and not as_regex(name).search(build_text):
                        out.append(f"line {n}: `{token}`: no build file names {name}")
                elif "/" not in token and not os.path.exists(os.path.join(root, token)):
                    out.append(f"line {n}: `{token}`: write the path from the repository's root")
                elif not glob.glob(os.path.join(root, as_glob(token))):
                    out.append(f"line {n}: `{token}`: no such file")
                continue
            t = TEST_NAME.match(token)
            if t:
                name = r"\w+" if t.group(2) == "*" else re.escape(t.group(2))
                if not re.search(r"TEST(?:_F)?\(\s*" + re.escape(t.group(1)) + r",\s*" + name + r"\)", code_text):
                    out.append(f"line {n}: `{token}`: no such test")
                continue
            if DOTTED.match(token):
                pattern = as_regex(token).pattern
                if not (re.search(r"add_test\(NAME " + pattern + r"\s", build_text) or
                        any(re.fullmatch(pattern, k) for k in catalog_keys)):
                    out.append(f"line {n}: `{token}`: neither a ctest name nor a catalog key")
                continue
            m = IDENTIFIER.match(token)
            if m and ("_" in m.group(1) or "::" in token or re.match(r"^[A-Z]|^k[A-Z]", m.group(1))):
                if not re.search(r"(?<![A-Za-z0-9_])" + re.escape(m.group(1)) + r"(?![A-Za-z0-9_])", code_text):
                    out.append(f"line {n}: `{token}`: {m.group(1)} is nowhere in the code")
    return out


def main():
    root = sys.argv[1]
    docs = sys.argv[2:] or ["docs/architecture.md"]
    code_text = read_tree(root, CODE_DIRS)
    build_text = read_tree(root, BUILD_FILES)
    with open(os.path.join(root, "assets/i18n/sv.json"), encoding="utf-8") as f:
        catalog_keys = list(json.load(f))
    # The check itself finds what it is for.
    planted = ("`src/core/no_such_file.cpp` `App::no_such_function` `build/web/no-such-output.js` `shell.js` "
               "`App.NoSuchTest` `no.such_key`")
    caught = problems(planted, root, code_text, build_text, catalog_keys)
    if len(caught) != 6:
        print("FAIL: the check missed planted names:", caught)
        return 1
    if problems("`src/core/fields.hpp` `assets/i18n/<id>.json` `App::begin_draft` `build/web/page.js` "
                "`Sections.*` `App.TheStepTableHasEveryStepOnce` `docs.names` `speech.none` `summary.<name>`", root,
                code_text, build_text, catalog_keys):
        print("FAIL: the check refused names that are there")
        return 1
    failures = []
    for doc in docs:
        with open(os.path.join(root, doc), encoding="utf-8") as f:
            failures += [f"{doc} {p}" for p in problems(f.read(), root, code_text, build_text, catalog_keys)]
    for f in failures:
        print("FAIL:", f)
    print(f"{len(docs)} page(s) checked, {len(failures)} name(s) not found")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
