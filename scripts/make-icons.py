#!/usr/bin/env python3
"""Draws the app icons (two people side by side) as PNGs, with no
dependencies beyond Python's standard library. Run once when the design
changes; the PNGs are committed in public/icons/."""
import struct
import sys
import zlib
from pathlib import Path

BLUE = (0, 94, 184)
WHITE = (255, 255, 255)


def inside_figures(x, y):
    """True where a point (0..1 in the content box) is part of a figure."""
    for cx, scale in ((0.37, 1.0), (0.66, 0.86)):
        head_r = 0.1 * scale
        head_y = 0.36 + (1 - scale) * 0.18
        if (x - cx) ** 2 + (y - head_y) ** 2 <= head_r ** 2:
            return True
        # Shoulders: the top half of an ellipse under the head.
        body_y = 0.78
        rx, ry = 0.19 * scale, 0.26 * scale
        if y <= body_y and ((x - cx) / rx) ** 2 + ((y - body_y) / ry) ** 2 <= 1:
            return True
    return False


def pixel(px, py, size, maskable):
    if maskable:
        # Full bleed; the figures sit inside the 80% safe zone.
        margin, bg = 0.2, True
    else:
        # A rounded square with transparent corners.
        margin = 0.12
        r, half = 0.22, 0.5
        dx = max(abs(px - half) - (half - r), 0)
        dy = max(abs(py - half) - (half - r), 0)
        bg = dx * dx + dy * dy <= r * r
    if not bg:
        return None
    cx = (px - margin) / (1 - 2 * margin)
    cy = (py - margin) / (1 - 2 * margin)
    return WHITE if 0 <= cx <= 1 and 0 <= cy <= 1 and inside_figures(cx, cy) else BLUE


def render(size, maskable):
    rows = []
    n = 3  # 3x3 samples a pixel, for smooth edges
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(n):
                for sx in range(n):
                    c = pixel((x + (sx + 0.5) / n) / size, (y + (sy + 0.5) / n) / size, size, maskable)
                    if c is not None:
                        acc[0] += c[0]
                        acc[1] += c[1]
                        acc[2] += c[2]
                        acc[3] += 255
            covered = acc[3] / 255
            if covered:
                row += bytes(round(acc[i] / covered) for i in range(3))
            else:
                row += b"\0\0\0"
            row.append(round(acc[3] / (n * n)))
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def main():
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "public/icons")
    out.mkdir(parents=True, exist_ok=True)
    (out / "icon-192.png").write_bytes(render(192, False))
    (out / "icon-512.png").write_bytes(render(512, False))
    (out / "icon-maskable-512.png").write_bytes(render(512, True))


if __name__ == "__main__":
    main()
