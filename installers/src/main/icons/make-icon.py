#!/usr/bin/env python3
"""Draws admitone.png (256x256): a teal admission ticket with notched sides and a white "1", and wraps
the same PNG as admitone.ico (Windows, jpackage --icon for .msi/.exe) and admitone.icns (macOS,
for .dmg/.pkg): both formats may hold a 256x256 PNG as it is.
Pure Python (zlib only), so it runs anywhere: python3 make-icon.py"""
import struct
import zlib

SIZE = 256
SS = 4  # supersampling per axis for smooth edges
TEAL = (0, 121, 107)
WHITE = (255, 255, 255)


def inside_ticket(x, y):
    left, top, right, bottom, r = 20, 56, 236, 200, 22
    if not (left <= x <= right and top <= y <= bottom):
        return False
    # rounded corners
    for cx, cy in ((left + r, top + r), (right - r, top + r), (left + r, bottom - r), (right - r, bottom - r)):
        if (x < left + r or x > right - r) and (y < top + r or y > bottom - r):
            if (x - cx) ** 2 + (y - cy) ** 2 > r * r and abs(x - cx) <= r and abs(y - cy) <= r:
                return False
    # notches half-way down both sides
    mid = (top + bottom) / 2
    for nx in (left, right):
        if (x - nx) ** 2 + (y - mid) ** 2 < 20 ** 2:
            return False
    return True


def inside_mark(x, y):
    # a dashed tear line and a bold "1"
    if 176 <= x <= 182 and 70 <= y <= 186 and int((y - 70) // 10) % 2 == 0:
        return True
    if 100 <= x <= 124 and 78 <= y <= 178:  # stem
        return True
    if 84 <= x <= 140 and 164 <= y <= 178:  # foot
        return True
    if 76 <= x <= 124 and 78 <= y <= 126 and (x - 76) + (y - 78) >= 24 and (x - 76) + (y - 78) <= 48 and x <= 112:
        return True  # flag
    return False


def pixel(px, py):
    cover_ticket = cover_mark = 0
    for i in range(SS):
        for j in range(SS):
            x = px + (i + 0.5) / SS
            y = py + (j + 0.5) / SS
            if inside_ticket(x, y):
                if inside_mark(x, y):
                    cover_mark += 1
                else:
                    cover_ticket += 1
    n = SS * SS
    alpha = (cover_ticket + cover_mark) / n
    if alpha == 0:
        return (0, 0, 0, 0)
    w = cover_mark / (cover_ticket + cover_mark)
    rgb = tuple(round(TEAL[k] * (1 - w) + WHITE[k] * w) for k in range(3))
    return rgb + (round(alpha * 255),)


def png(rows):
    raw = b"".join(b"\x00" + bytes(v for p in row for v in p) for row in rows)

    def chunk(kind, data):
        c = kind + data
        return struct.pack(">I", len(data)) + c + struct.pack(">I", zlib.crc32(c) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def ico(png_data):
    # ICONDIR (reserved, type 1 = icon, one image) + ICONDIRENTRY (0 means 256 px) + the PNG
    header = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", 0, 0, 0, 0, 1, 32, len(png_data), 6 + 16)
    return header + entry + png_data


def icns(png_data):
    # one "ic08" element: a 256x256 PNG
    element = b"ic08" + struct.pack(">I", 8 + len(png_data)) + png_data
    return b"icns" + struct.pack(">I", 8 + len(element)) + element


if __name__ == "__main__":
    data = png([[pixel(x, y) for x in range(SIZE)] for y in range(SIZE)])
    for name, content in (("admitone.png", data), ("admitone.ico", ico(data)), ("admitone.icns", icns(data))):
        with open(name, "wb") as f:
            f.write(content)
