#!/usr/bin/env python3
"""The app's icon, drawn from one list of shapes: written as SVG and rasterised to PNG (512 pixels,
for the web app manifest and home screens, which scale it down; Chromium asks for 144 or more). The person in the middle, the people
and services around them: the individual's plan.
Usage: make_icons.py OUT_DIR"""
import math
import os
import struct
import sys
import zlib

SIZE = 512
BLUE, WHITE, ORANGE = (0x21, 0x5C, 0x8C), (0xFF, 0xFF, 0xFF), (0xF6, 0xC2, 0x8B)
RING = [(129, 163), (383, 163), (129, 417), (383, 417)]

# (kind, colour, parameters) in a 512 × 512 square, drawn in order.
SHAPES = [("rect", BLUE, (0, 0, 512, 512, 96)),          # x, y, w, h, corner radius
          ("circle", WHITE, (256, 214, 62)),             # cx, cy, r
          ("dome", WHITE, (256, 376, 100, 10))] + \
         [("circle", ORANGE, (x, y, 32)) for x, y in RING]  # dome: cx, base y, r, foot height


def svg():
    hexc = lambda c: "#%02x%02x%02x" % c
    out = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">']
    for kind, colour, p in SHAPES:
        if kind == "rect":
            out.append('<rect x="%d" y="%d" width="%d" height="%d" rx="%d" fill="%s"/>' % (p + (hexc(colour),)))
        elif kind == "circle":
            out.append('<circle cx="%d" cy="%d" r="%d" fill="%s"/>' % (p + (hexc(colour),)))
        else:
            cx, y, r, foot = p
            out.append('<path d="M%d %d V%d A%d %d 0 0 1 %d %d V%d Z" fill="%s"/>'
                       % (cx - r, y + foot, y, r, r, cx + r, y, y + foot, hexc(colour)))
    out.append("</svg>")
    return "".join(out) + "\n"  # one line: the icon is in the first load


def distance(kind, p, x, y):
    """Signed distance from (x, y) to the shape's edge: negative inside."""
    if kind == "circle":
        cx, cy, r = p
        return math.hypot(x - cx, y - cy) - r
    if kind == "rect":
        rx, ry, w, h, rad = p
        qx = abs(x - (rx + w / 2)) - (w / 2 - rad)
        qy = abs(y - (ry + h / 2)) - (h / 2 - rad)
        return math.hypot(max(qx, 0), max(qy, 0)) + min(max(qx, qy), 0) - rad
    cx, base, r, foot = p
    disc = max(math.hypot(x - cx, y - base) - r, y - base)  # the upper half-disc
    foot_rect = max(abs(x - cx) - r, abs(y - (base + foot / 2)) - foot / 2)
    return min(disc, foot_rect)


EDGE_STEPS = 4  # shades of an edge pixel: smooth at home-screen sizes, and at most 16 colours in all


def png(size):
    """An indexed-colour PNG: the flat shapes and their edges need 16 colours, and a 4-bit palette
    image of them is a quarter of the size of the same image in RGBA."""
    scale = SIZE / size
    palette, rows = {}, []
    for j in range(size):
        row = bytearray(b"\x00")  # filter: none (the one that suits palette images)
        for i in range(size):
            x, y = (i + 0.5) * scale, (j + 0.5) * scale
            r = g = b = a = 0.0
            for kind, colour, p in SHAPES:
                cover = min(1.0, max(0.0, 0.5 - distance(kind, p, x, y) / scale))  # one pixel of edge
                cover = round(cover * EDGE_STEPS) / EDGE_STEPS
                if cover <= 0:
                    continue
                r, g, b = (c * cover + old * (1 - cover) for c, old in zip(colour, (r, g, b)))
                a = cover + a * (1 - cover)
            rgba = (round(r), round(g), round(b), round(a * 255)) if a > 0 else (0, 0, 0, 0)
            row.append(palette.setdefault(rgba, len(palette)))
        rows.append(row)
    assert len(palette) <= 16, "too many colours for a 4-bit palette image"
    colours = sorted(palette, key=palette.get)
    # Two pixels per byte: the filter byte, then the indices packed high nibble first.
    rows = [bytes([0]) + bytes((r[i] << 4) | (r[i + 1] if i + 1 < len(r) else 0) for i in range(1, len(r), 2))
            for r in rows]

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 4, 3, 0, 0, 0)  # 4-bit indexed colour
    plte = b"".join(bytes(c[:3]) for c in colours)
    trns = bytes(c[3] for c in colours).rstrip(b"\xff")  # opacity per colour; opaque ones at the end may go
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"PLTE", plte) +
            (chunk(b"tRNS", trns) if trns else b"") +
            chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))


if __name__ == "__main__":
    out = sys.argv[1]
    with open(os.path.join(out, "icon.svg"), "w") as f:
        f.write(svg())
    for size in (512,):
        with open(os.path.join(out, "icon-%d.png" % size), "wb") as f:
            f.write(png(size))
