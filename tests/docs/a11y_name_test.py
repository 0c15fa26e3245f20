#!/usr/bin/env python3
"""One name for the accessibility tree and its DOM side: `A11y` in C++ and the page's a11y layer
(web/a11y.js, docs/a11y-protocol.md, the seam's update_a11y). The word they had before stays only
where it means right-to-left layout or glyphs ("mirrored", "mirrors", "mirroring"); the noun, or
a name made from it (a file, update_…, …Update, findIn…), fails here with its file and line.
    a11y_name_test.py REPO"""
import os
import re
import sys

# The noun and names made from it (followed by no lowercase letter: `x.js`, `update_x`, `inX`),
# in either case; the verb's forms (…ed, …s, …ing) go on in lowercase letters and pass.
OLD_NAME = re.compile("[Mm]irror(?![a-z])|MIRROR(?![A-Z])")
SKIP_DIRS = {".git", "node_modules", "build"}


def stray_uses(text):
    """The line numbers of `text` that use the old name."""
    return [n for n, line in enumerate(text.split("\n"), 1) if OLD_NAME.search(line)]


def self_check():
    """The pattern catches the old name and passes right-to-left mirroring (or this test is moot)."""
    caught = ["web/mirror.js", "update_mirror(", "MirrorUpdate", "findInMirror(q)", "the mirror keeps",
              "the DOM Mirror", "MIRROR_LANG", "mirror-protocol.md"]
    passed = ["mirrored_box(false", "right to left mirrors the layout", "FRIBIDI_FLAG_SHAPE_MIRRORING",
              "mirrored brackets", "glyph mirroring", "the a11y layer"]
    return ([f"not caught: {s!r}" for s in caught if not stray_uses(s)] +
            [f"caught though right-to-left: {s!r}" for s in passed if stray_uses(s)])


def main(root):
    failures = self_check()
    this = os.path.abspath(__file__)
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if x not in SKIP_DIRS)
        for name in sorted(files):
            path = os.path.join(d, name)
            if os.path.abspath(path) == this:
                continue
            with open(path, "rb") as f:
                data = f.read()
            if b"\0" in data:
                continue  # fonts, images, wasm
            text = data.decode("utf-8", errors="replace")
            for n in stray_uses(text):
                failures.append(f"{os.path.relpath(path, root)}:{n}: the accessibility layer is called a11y "
                                f"(mirror only in the right-to-left sense): {text.split(chr(10))[n - 1].strip()}")
    for f in failures:
        print("FAIL: " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
