#!/usr/bin/python3
"""Draws the logos of the sample plugins: plugins/logos/<id>.png, 256x256 RGB PNGs.

Python standard library only (zlib and struct write the PNG). Nothing is random: every run
writes the same bytes, so the committed logos can be regenerated and compared.

    python3 samples/plugin-server/tools/make_logos.py

Each logo is a radial gradient, darker towards the corners (the store crops logos to a
circle), with a white glyph drawn from signed distance functions, anti-aliased by coverage.
"""

import math
import os
import struct
import zlib

SIZE = 256
WHITE = (255, 255, 255)


def png(pixels):
    """pixels: SIZE rows of SIZE (r, g, b) tuples -> the bytes of an RGB PNG."""

    def chunk(kind, data):
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    raw = b"".join(b"\x00" + bytes(channel for pixel in row for channel in pixel) for row in pixels)
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 2, 0, 0, 0)  # 8 bits, truecolour
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


# Signed distances in pixels: negative inside, positive outside.

def box(x0, y0, x1, y1, radius=0.0):
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    hx, hy = (x1 - x0) / 2 - radius, (y1 - y0) / 2 - radius

    def distance(x, y):
        dx, dy = abs(x - cx) - hx, abs(y - cy) - hy
        outside = math.hypot(max(dx, 0.0), max(dy, 0.0))
        return outside + min(max(dx, dy), 0.0) - radius

    return distance


def segment(ax, ay, bx, by, half_width):
    def distance(x, y):
        px, py, ex, ey = x - ax, y - ay, bx - ax, by - ay
        t = max(0.0, min(1.0, (px * ex + py * ey) / (ex * ex + ey * ey)))
        return math.hypot(px - ex * t, py - ey * t) - half_width

    return distance


def disc(cx, cy, radius):
    return lambda x, y: math.hypot(x - cx, y - cy) - radius


def arc(cx, cy, radius, half_width, start, end):
    """A ring from angle start to end (degrees, clockwise from 12 o'clock), round caps."""
    a0, a1 = math.radians(start), math.radians(end)
    caps = [(cx + radius * math.sin(a), cy - radius * math.cos(a)) for a in (a0, a1)]

    def distance(x, y):
        angle = math.atan2(x - cx, -(y - cy)) % (2 * math.pi)
        if a0 <= angle <= a1 or a0 <= angle + 2 * math.pi <= a1:
            return abs(math.hypot(x - cx, y - cy) - radius) - half_width
        return min(math.hypot(x - px, y - py) for px, py in caps) - half_width

    return distance


def union(*shapes):
    return lambda x, y: min(shape(x, y) for shape in shapes)


def subtract(shape, hole):
    return lambda x, y: max(shape(x, y), -hole(x, y))


def coverage(distance):
    return max(0.0, min(1.0, 0.5 - distance))


def draw(glyph, centre, edge):
    rows = []
    for py in range(SIZE):
        row = []
        for px in range(SIZE):
            x, y = px + 0.5, py + 0.5
            t = min(1.0, math.hypot(x - SIZE / 2, y - SIZE / 2) / (SIZE * 0.7))
            background = [c + (e - c) * t for c, e in zip(centre, edge)]
            alpha = coverage(glyph(x, y))
            row.append(tuple(round(b + (w - b) * alpha) for b, w in zip(background, WHITE)))
        rows.append(row)
    return png(rows)


def meeting_filer():
    # A sheet with three lines of text and a folded corner.
    sheet = subtract(box(76, 52, 180, 204, 10), box(152, 40, 200, 82))
    lines = union(*(box(96, y, 160, y + 10, 4) for y in (104, 132, 160)))
    fold = segment(150, 56, 176, 82, 6)
    return subtract(union(sheet, fold), lines)


def commitment_listener():
    # A tick in a ring: something was committed to.
    ring = arc(128, 128, 84, 9, 0, 360)
    tick = union(segment(86, 132, 114, 160, 12), segment(114, 160, 170, 98, 12))
    return union(ring, tick)


def question_helper():
    # A question mark.
    hook = arc(128, 98, 38, 13, 270, 495)
    stem = segment(128 + 38 * math.sin(math.radians(135)), 98 + 38 * math.cos(math.radians(45)),
                   128, 160, 13)
    return union(hook, stem, disc(128, 196, 15))


LOGOS = {
    "sample-meeting-filer": (meeting_filer(), (79, 128, 230), (31, 64, 140)),
    "sample-commitment-listener": (commitment_listener(), (52, 190, 130), (16, 110, 70)),
    "sample-question-helper": (question_helper(), (170, 110, 230), (88, 40, 140)),
}


def main():
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "plugins", "logos")
    os.makedirs(folder, exist_ok=True)
    for plugin_id, (glyph, centre, edge) in LOGOS.items():
        path = os.path.join(folder, plugin_id + ".png")
        with open(path, "wb") as out:
            out.write(draw(glyph, centre, edge))
        print(os.path.relpath(path))


if __name__ == "__main__":
    main()
