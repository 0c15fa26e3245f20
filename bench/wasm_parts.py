#!/usr/bin/env python3
"""What each part of the app's WebAssembly costs in the download.

    python3 bench/wasm_parts.py build/wasm/sipprep-names.wasm [--top 30]

The input is the app linked with function names kept (`cmake --build build/wasm --target
sipprep_web_names`, which bench/wasm-parts.sh runs). Every function body and data segment is put
in a part (Dear ImGui, SDL2, nlohmann/json, libc++/libc, our core, ui, platform, the text
catalogs and other data); each part's bytes are gzip-9 compressed on their own, so the gzip
column is what the part would cost alone (the sum is a little above the real file's).
"""
import gzip
import re
import subprocess
import sys
from collections import defaultdict


def leb(b, i):
    result = shift = 0
    while True:
        byte = b[i]
        i += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, i


def sections(b):
    assert b[:4] == b"\0asm", "not a WebAssembly file"
    i = 8
    while i < len(b):
        sid = b[i]
        size, j = leb(b, i + 1)
        yield sid, b[j:j + size]
        i = j + size


def read_name(b, i):
    n, i = leb(b, i)
    return b[i:i + n].decode("utf-8", "replace"), i + n


def parse(path):
    b = open(path, "rb").read()
    imported = 0
    bodies, names, data = [], {}, []
    for sid, body in sections(b):
        if sid == 2:  # imports: functions count first in the index space
            n, i = leb(body, 0)
            for _ in range(n):
                _, i = read_name(body, i)
                _, i = read_name(body, i)
                kind = body[i]
                i += 1
                if kind == 0:
                    _, i = leb(body, i)
                    imported += 1
                elif kind == 1:
                    i += 1
                    flags, i = leb(body, i)
                    _, i = leb(body, i)
                    if flags & 1:
                        _, i = leb(body, i)
                elif kind == 2:
                    flags, i = leb(body, i)
                    _, i = leb(body, i)
                    if flags & 1:
                        _, i = leb(body, i)
                elif kind == 3:
                    i += 2
        elif sid == 10:
            n, i = leb(body, 0)
            for _ in range(n):
                size, i = leb(body, i)
                bodies.append(body[i:i + size])
                i += size
        elif sid == 11:
            data.append(body)
        elif sid == 0:
            name, i = read_name(body, 0)
            if name != "name":
                continue
            while i < len(body):
                sub = body[i]
                size, i = leb(body, i + 1)
                end = i + size
                if sub == 1:
                    n, k = leb(body, i)
                    for _ in range(n):
                        idx, k = leb(body, k)
                        fname, k = read_name(body, k)
                        names[idx] = fname
                i = end
    return b, imported, bodies, names, data


RULES = [
    ("Dear ImGui", re.compile(r"^(ImGui|Im[A-Z]|stb|STB|ImFont|ImDraw|ImGuiTextBuffer|ImStr|ImFormat|ImText|ImHash|ImTriangle|ImBezier|ImLine|ImRect)|::ImGui|ImGui::|stbtt_|stbrp_|stb_")),
    ("SDL2", re.compile(r"SDL|Emscripten_|emscripten_set_|emscripten_get_(fullscreen|canvas|element)")),
    ("nlohmann/json", re.compile(r"nlohmann")),
    ("our core (sipprep::*)", re.compile(r"^sipprep::(?!ui::|web::)")),
    ("our ui (sipprep::ui)", re.compile(r"^sipprep::ui::")),
    ("our platform (sipprep::web, main)", re.compile(r"^(sipprep::web::|sipprep_|main$|__main|\(anonymous namespace\)::ensure_fonts|wake)")),
    ("libc++", re.compile(r"^std::|^__cxx|^operator new|^operator delete|__cxa_|__gxx|^_Unwind")),
    ("libc, malloc, compiler-rt", re.compile(r"")),
]

ANONYMOUS = "(anonymous namespace)"


def without_parameters(name):
    """The demangled name up to its parameter list: `sipprep::f(nlohmann::json)` is ours. The
    parentheses of "(anonymous namespace)" (c++filt's word for a file's own functions, here the
    platform's ensure_fonts) are part of the name, not its parameters."""
    head = name.replace(ANONYMOUS, "\0")
    return head.split("(", 1)[0].replace("\0", ANONYMOUS)


def part_of(name):
    qualified = without_parameters(name)
    return next(p for p, rx in RULES if rx.search(qualified))


def main():
    path = sys.argv[1]
    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 25
    b, imported, bodies, names, data = parse(path)
    mangled = [names.get(imported + k, f"func{imported + k}") for k in range(len(bodies))]
    demangled = subprocess.run(["c++filt"], input="\n".join(mangled), capture_output=True, text=True,
                               check=True).stdout.split("\n")
    parts = defaultdict(list)
    per_func = []
    for body, name in zip(bodies, demangled):
        part = part_of(name)
        parts[part].append(body)
        per_func.append((len(body), name, part))
    parts["data (catalogs, strings, tables)"] = data

    total_gz = len(gzip.compress(b, 9))
    print(f"{path}: {len(b) / 1024:.1f} KB raw, {total_gz / 1024:.1f} KB gzip -9, {len(bodies)} functions")
    print(f"{'part':38}{'raw KB':>9}{'gzip KB':>9}{'functions':>11}")
    rows = []
    for part, chunks in parts.items():
        blob = b"".join(chunks)
        rows.append((len(gzip.compress(blob, 9)), len(blob), part, len(chunks)))
    for gz, raw, part, n in sorted(rows, reverse=True):
        print(f"{part:38}{raw / 1024:9.1f}{gz / 1024:9.1f}{n:11}")
    print(f"\nlargest {top} functions (raw bytes):")
    for size, name, part in sorted(per_func, reverse=True)[:top]:
        print(f"{size:8}  {name[:110]}")
    # Templates instantiated many times: the same function name with different arguments.
    families = defaultdict(lambda: [0, 0])
    for size, name, _ in per_func:
        key = re.sub(r"<.*", "<…>", without_parameters(name))
        families[key][0] += size
        families[key][1] += 1
    print(f"\nlargest {top} families (same name, all instantiations):")
    for key, (size, n) in sorted(families.items(), key=lambda kv: -kv[1][0])[:top]:
        print(f"{size:8} {n:5}×  {key[:110]}")


if __name__ == "__main__":
    main()
