#!/usr/bin/env python3
"""The bundle's JSON Schema as the app embeds it: the same constraints without the words for
people ("description", "title", "$comment", "examples") and the schema's own names ("$schema",
"$id"), which the checker never reads, and without whitespace.   minify_schema.py IN OUT"""
import json
import sys

WORDS = {"description", "title", "$comment", "examples", "$schema", "$id"}


def strip(node, in_properties=False):
    if isinstance(node, dict):
        # Inside "properties" (and "definitions") the keys are names, not keywords: keep them all.
        return {k: strip(v, k in ("properties", "definitions", "patternProperties"))
                for k, v in node.items() if in_properties or k not in WORDS}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


with open(sys.argv[1], encoding="utf-8") as f:
    schema = json.load(f)
text = json.dumps(strip(schema), ensure_ascii=False, separators=(",", ":"))
try:
    with open(sys.argv[2], encoding="utf-8") as f:
        if f.read() == text:
            sys.exit(0)
except FileNotFoundError:
    pass
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write(text)
