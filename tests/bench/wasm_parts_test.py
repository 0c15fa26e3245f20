#!/usr/bin/env python3
"""bench/wasm_parts.py on a small WebAssembly file with a names section: functions in an anonymous
namespace ("(anonymous namespace)::ensure_fonts(float)" after c++filt) are put in their part and
family, and the report is printed (it used to stop with StopIteration on such a name).
    wasm_parts_test.py REPO"""
import os
import subprocess
import sys
import tempfile

REPO = sys.argv[1]
TOOL = os.path.join(REPO, "bench", "wasm_parts.py")
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)


def leb(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def section(sid, body):
    return bytes([sid]) + leb(len(body)) + body


def string(s):
    b = s.encode()
    return leb(len(b)) + b


def module(names):
    """A module of empty functions () -> (), named `names` (mangled, as the linker keeps them)."""
    n = len(names)
    types = section(1, leb(1) + bytes([0x60, 0, 0]))
    funcs = section(3, leb(n) + bytes(n))
    code = section(10, leb(n) + b"".join(leb(2) + bytes([0, 0x0B]) for _ in names))
    fnames = leb(n) + b"".join(leb(i) + string(name) for i, name in enumerate(names))
    custom = section(0, string("name") + bytes([1]) + leb(len(fnames)) + fnames)
    return b"\0asm" + bytes([1, 0, 0, 0]) + types + funcs + code + custom


NAMES = ["_ZN12_GLOBAL__N_112ensure_fontsEf",   # (anonymous namespace)::ensure_fonts(float)
         "_ZN12_GLOBAL__N_18whateverEv",         # (anonymous namespace)::whatever()
         "_ZN7sipprep12_GLOBAL__N_14leapEi",     # sipprep::(anonymous namespace)::leap(int)
         "_ZN7sipprep2ui3App5frameEv",           # sipprep::ui::App::frame()
         "main"]

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "names.wasm")
    with open(path, "wb") as f:
        f.write(module(NAMES))
    r = subprocess.run([sys.executable, TOOL, path, "--top", "10"], capture_output=True, text=True)
    check(r.returncode == 0, f"wasm_parts.py ends without error (exit {r.returncode}: {r.stderr.strip()[-300:]})")
    rows = {line[:38].strip(): line[38:].split() for line in r.stdout.splitlines()}
    check(rows.get("our platform (sipprep::web, main)", [None])[-1] == "2",
          f"ensure_fonts in an anonymous namespace and main are the platform's: {rows.get('our platform (sipprep::web, main)')}")
    check(rows.get("our core (sipprep::*)", [None])[-1] == "1",
          f"sipprep::(anonymous namespace)::leap is the core's: {rows.get('our core (sipprep::*)')}")
    check(rows.get("our ui (sipprep::ui)", [None])[-1] == "1", f"App::frame is the ui's: {rows.get('our ui (sipprep::ui)')}")
    check(rows.get("libc, malloc, compiler-rt", [None])[-1] == "1",
          f"another anonymous function falls in the catch-all part: {rows.get('libc, malloc, compiler-rt')}")
    families = r.stdout.split("largest 10 families", 1)[-1]
    check("(anonymous namespace)::ensure_fonts\n" in families and "(anonymous namespace)::whatever\n" in families,
          f"each anonymous function is a family of its own, named without its parameters:{families}")

if failures:
    print(f"{len(failures)} failed")
    sys.exit(1)
print("wasm_parts: anonymous namespaces: ok")
