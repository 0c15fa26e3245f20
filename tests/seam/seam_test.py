#!/usr/bin/env python3
"""The seam is one table: tools/seam.py refuses a table it cannot read, with the line, and the
page's scripts reach the module only through the bridge it writes (web/bridge.js at build time).

    tests/seam/seam_test.py SOURCE_DIR
"""
import os
import re
import subprocess
import sys
import tempfile

root = sys.argv[1]
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


# Only the bridge copies into the module or calls its exports; age-worker.js runs the passphrase
# module, a module of its own.
for name in sorted(os.listdir(os.path.join(root, "web"))):
    if not name.endswith(".js") or name == "age-worker.js":
        continue
    text = open(os.path.join(root, "web", name), encoding="utf-8").read()
    for pattern in (r"Module\s*(\.|\[')_", r"\bHEAPU?8\b", r"UTF8ToString|stringToUTF8|lengthBytesUTF8"):
        hit = re.search(pattern, text)
        check(not hit, "web/%s reaches into the module (%s) instead of calling window.SipprepApp" % (name, hit and hit.group(0)))

with tempfile.TemporaryDirectory() as out:
    table = os.path.join(root, "src", "platform", "seam.def")
    run = subprocess.run([sys.executable, os.path.join(root, "tools", "seam.py"), table, out], capture_output=True, text=True)
    check(run.returncode == 0, "tools/seam.py failed on the table: " + run.stderr)
    if run.returncode == 0:
        entries = [l.split() for l in open(table, encoding="utf-8") if re.match(r"(ask|tell|fact)\s", l)]
        tells = [re.match(r"\w+", e[2]).group(0) for e in entries if e[0] == "tell"]
        bridge = open(os.path.join(out, "bridge.js"), encoding="utf-8").read()
        exports = open(os.path.join(out, "exports.txt"), encoding="utf-8").read()
        for name in tells:
            check(re.search(r"[' ]%s:" % name, bridge), "bridge.js has no function for " + name)
            check("'_sipprep_%s'" % name in exports, "exports.txt does not list " + name)
        fake = open(os.path.join(out, "fake_host.hpp"), encoding="utf-8").read()
        for e in entries:
            name = re.match(r"\w+", e[2]).group(0)
            if e[0] == "ask" and e[1] != "Web":
                check(" %s(" % name in fake, "the test host does not record " + name)

    bad = os.path.join(out, "bad.def")
    for line, at, why in (("tell Files opened(str name) = window.x", 2, "a tell has no page side"),
                          ("ask Files open(blob data) = window.x", 2, "unknown type blob"),
                          ("fact PlatformEvents two(bool a, bool b) = 1", 2, "a fact tells one"),
                          ("ask Files x() = a.js a\nask Files x() = b.js b", 3, "x twice"),
                          ("ask Files x() = window.x", 2, "page side is"),
                          ("tell Files x(str a", 2, "not an entry"),
                          ("tell Files x(bytes b) held", 2, "a held tell")):
        with open(bad, "w", encoding="utf-8") as f:
            f.write("# a comment\n" + line + "\n")
        run = subprocess.run([sys.executable, os.path.join(root, "tools", "seam.py"), bad, out + "/bad"], capture_output=True, text=True)
        check(run.returncode != 0 and "bad.def:%d" % at in run.stderr + run.stdout and why in run.stderr + run.stdout,
              "tools/seam.py took %r (said %r)" % (line, run.stderr.strip()))

for f in failures:
    print("FAIL: " + f)
sys.exit(1 if failures else 0)
