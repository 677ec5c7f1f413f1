"""The demo's pictures, drawn here: abstract maps of a network (points joined
by lines over soft contour rings) in IGN's colours, one per course or path,
the same every time for the same seed.

Drawn by this code, so there is no third-party licence to honour: the images
are released under CC0 1.0 with the project (docs/images.md). Their
description (alternative text) is set with them: an editor must give one.
"""

from __future__ import annotations

import io
import math
import random

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFilter

# IGN's palette (static/scss/_theme.scss): brand blue, lighter blue, red accent.
PALETTES = [
    ((11, 61, 107), (22, 103, 168), (255, 191, 71)),
    ((18, 60, 95), (29, 90, 134), (200, 16, 46)),
    ((11, 61, 107), (30, 107, 52), (232, 240, 250)),
    ((27, 36, 48), (22, 103, 168), (255, 191, 71)),
    ((29, 90, 134), (11, 61, 107), (255, 255, 255)),
]


def draw(seed: int, *, size: tuple[int, int] = (1200, 675)) -> bytes:
    """A PNG of `size`: a gradient, contour rings and a lit network."""
    rng = random.Random(seed)  # noqa: S311 (a drawing, not a secret)
    width, height = size
    dark, light, accent = PALETTES[seed % len(PALETTES)]
    image = PILImage.new("RGB", size, dark)
    pixels = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        colour = tuple(round(a + (b - a) * t) for a, b in zip(dark, light, strict=True))
        pixels.line([(0, y), (width, y)], fill=colour)
    rings = PILImage.new("RGBA", size, (0, 0, 0, 0))
    ring_draw = ImageDraw.Draw(rings)
    for _ in range(3):
        cx, cy = rng.randrange(width), rng.randrange(height)
        for radius in range(40, 900, 38):
            ring_draw.ellipse(
                [cx - radius, cy - radius * 0.7, cx + radius, cy + radius * 0.7],
                outline=(255, 255, 255, 28),
                width=2,
            )
    image.paste(rings, (0, 0), rings)
    nodes = [
        (rng.randrange(60, width - 60), rng.randrange(60, height - 60))
        for _ in range(14)
    ]
    net = PILImage.new("RGBA", size, (0, 0, 0, 0))
    net_draw = ImageDraw.Draw(net)
    for index, (x, y) in enumerate(nodes):
        nearest = sorted(nodes, key=lambda n: math.dist(n, (x, y)))[1:3]
        for nx, ny in nearest:
            net_draw.line([(x, y), (nx, ny)], fill=(255, 255, 255, 120), width=3)
        radius = 9 if index % 4 else 16
        fill = (*accent, 255) if index % 4 == 0 else (255, 255, 255, 230)
        net_draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=fill)
    glow = net.filter(ImageFilter.GaussianBlur(6))
    image.paste(glow, (0, 0), glow)
    image.paste(net, (0, 0), net)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def draw_logo(seed: int, initials: str, *, side: int = 192) -> bytes:
    """A partner's badge: its initials on a coloured disc."""
    dark, light, _accent = PALETTES[seed % len(PALETTES)]
    image = PILImage.new("RGB", (side, side), (255, 255, 255))
    pen = ImageDraw.Draw(image)
    pen.ellipse([8, 8, side - 8, side - 8], fill=dark, outline=light, width=8)
    font_size = side // (3 if len(initials) <= 3 else 4)
    try:
        from PIL import ImageFont

        font = ImageFont.load_default(size=font_size)
    except (ImportError, TypeError):  # an old Pillow: the bitmap font
        font = None
    pen.text(
        (side / 2, side / 2), initials, fill=(255, 255, 255), font=font, anchor="mm"
    )
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()
