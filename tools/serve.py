#!/usr/bin/env python3
"""Serves build/web on 127.0.0.1 with the headers the app needs (DIR/_headers, written by
tools/server-headers.mjs): what `./build-wasm.sh serve` runs.
Usage: serve.py DIR PORT    (PORT 0: any free port; the first line printed is the address)"""
import functools
import http.server
import os
import sys


def read_headers(path):
    """The headers of the `/*` block of a _headers file, as (name, value) pairs."""
    pairs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("  ") and ":" in line:
                name, value = line.strip().split(":", 1)
                pairs.append((name, value.strip()))
    return pairs


def main():
    directory, port = sys.argv[1], int(sys.argv[2])
    headers = read_headers(os.path.join(directory, "_headers"))

    class Handler(http.server.SimpleHTTPRequestHandler):
        extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                          ".wasm": "application/wasm", ".js": "text/javascript", ".json": "application/json"}

        def end_headers(self):
            for name, value in headers:
                self.send_header(name, value)
            super().end_headers()

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=directory))
    print(f"http://127.0.0.1:{server.server_address[1]}/ ({len(headers)} headers from _headers)", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
