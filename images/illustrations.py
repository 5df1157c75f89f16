"""Illustrations drawn for pictures that have no photo file yet: the demo's articles and officials, and the articles
imported from the exchange format, which carries captions and credits but no files (articles/importer.py).

They must look intended, never like a photo that failed to load: a flat block of colour read as a broken image
(issue 19). So each is a small scene in the union's colours, the same for the same seed (a re-import finds its
image again): a sky, a sun, the mountains and terraced fields of Lào Cai, a red flag; for officials, a head and
shoulders on a soft background. Drawn with Pillow in a few milliseconds, in the full frame: nothing is left as an
empty band that a crop could show."""

import math
import random

from PIL import Image, ImageDraw, ImageFilter

BLUE = (11, 74, 143)
BLUE_DARK = (7, 53, 102)
RED = (179, 22, 27)
GOLD = (240, 165, 0)

# Skies: (top, horizon, sun), from dawn to dusk.
SKIES = [
    ((126, 176, 224), (247, 226, 181), (255, 244, 214)),
    ((98, 152, 214), (214, 232, 246), (255, 250, 232)),
    ((72, 108, 178), (246, 196, 150), (255, 222, 170)),
    ((148, 188, 226), (236, 242, 246), (255, 255, 244)),
    ((86, 120, 186), (250, 210, 160), (255, 236, 190)),
]


def mix(colour, other, share):
    """`colour` moved `share` (0..1) of the way to `other`."""
    return tuple(round(a + (b - a) * share) for a, b in zip(colour, other, strict=True))


def vertical_gradient(size, top, bottom):
    width, height = size
    mask = Image.linear_gradient("L").resize((width, height))
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def ridge(rng, width, base, amplitude, peaks):
    """The outline of a mountain range: summits and saddles in turn across the width, as polygon points."""
    knots = []
    for index in range(2 * peaks + 1):
        high = index % 2 == 1
        height = rng.uniform(0.65, 1) if high else rng.uniform(0.05, 0.35)
        knots.append((index * width / (2 * peaks), base - height * amplitude))
    points = []
    for (x0, y0), (x1, y1) in zip(knots, knots[1:], strict=False):
        for step in range(16):
            t = step / 16
            ease = t * t * (3 - 2 * t)  # smoothstep: rounded summits, no zigzag
            points.append((x0 + (x1 - x0) * t, y0 + (y1 - y0) * ease))
    points.append(knots[-1])
    return points


def star(centre_x, centre_y, radius):
    """The five points of a star, for the flag."""
    points = []
    for index in range(10):
        angle = -math.pi / 2 + index * math.pi / 5
        length = radius if index % 2 == 0 else radius * 0.4
        points.append((centre_x + length * math.cos(angle), centre_y + length * math.sin(angle)))
    return points


def landscape(seed, size=(1200, 800)):
    """Mountains and terraced fields under a sky, in the union's blues, with a flag on the nearest hill."""
    rng = random.Random(seed)
    width, height = size
    top, horizon, sun = rng.choice(SKIES)
    picture = vertical_gradient(size, top, horizon)
    draw = ImageDraw.Draw(picture)

    # The sun and its halo, blurred so that it glows rather than sits as a disc.
    glow = Image.new("L", size, 0)
    sun_x, sun_y, radius = rng.uniform(0.15, 0.85) * width, rng.uniform(0.14, 0.3) * height, height * 0.06
    halo = radius * 2.4
    ImageDraw.Draw(glow).ellipse((sun_x - halo, sun_y - halo, sun_x + halo, sun_y + halo), 110)
    picture.paste(sun, mask=glow.filter(ImageFilter.GaussianBlur(radius)))
    draw.ellipse((sun_x - radius, sun_y - radius, sun_x + radius, sun_y + radius), fill=sun)

    # Three ranges, paler with distance.
    for layer, (base, amplitude, share) in enumerate(((0.58, 0.34, 0.6), (0.7, 0.3, 0.32), (0.8, 0.22, 0.0))):
        colour = mix(BLUE if layer < 2 else BLUE_DARK, horizon, share)
        outline = ridge(rng, width, base * height, amplitude * height, rng.randint(2, 4))
        draw.polygon([*outline, (width, height), (0, height)], fill=colour)

    # The nearest hill, terraced: a green slope with the curved lines of its rice fields.
    crest_x, crest_y = rng.uniform(0.3, 0.7) * width, 0.76 * height
    hill = Image.new("L", size, 0)
    ImageDraw.Draw(hill).ellipse((crest_x - width * 0.9, crest_y, crest_x + width * 0.9, crest_y * 2.4), 255)
    fields = Image.new("RGB", size)
    fields.paste(vertical_gradient((width, height - int(crest_y)), (70, 140, 80), (200, 176, 64)), (0, int(crest_y)))
    lines = ImageDraw.Draw(fields)
    for step in range(1, 9):
        offset = step * 0.03 * height
        box = (crest_x - width * 0.9 - offset * 3, crest_y + offset, crest_x + width * 0.9 + offset * 3, crest_y * 2.4)
        lines.ellipse(box, outline=(232, 220, 140), width=max(2, height // 200))
    picture.paste(fields, mask=hill)

    # A flag on the hill's crest: red with a gold star, a point for the eye in the union's colour.
    pole_base = crest_y + 0.01 * height
    pole_top = pole_base - 0.2 * height
    draw.line((crest_x, pole_base, crest_x, pole_top), fill=(235, 235, 235), width=max(2, width // 300))
    flag = (crest_x, pole_top, crest_x + 0.1 * width, pole_top + 0.065 * height)
    draw.rectangle(flag, fill=RED)
    draw.polygon(star((flag[0] + flag[2]) / 2, (flag[1] + flag[3]) / 2, 0.022 * height), fill=(255, 205, 0))
    return picture


def portrait(seed, size=(600, 750)):
    """A head and shoulders on a soft background: a portrait still to be taken."""
    rng = random.Random(seed)
    width, height = size
    top, _horizon, _sun = rng.choice(SKIES)
    picture = vertical_gradient(size, mix(top, (255, 255, 255), 0.55), mix(BLUE, (255, 255, 255), 0.75))
    draw = ImageDraw.Draw(picture)
    figure = mix(BLUE, BLUE_DARK, rng.uniform(0, 0.6))
    centre = width / 2
    head = width * 0.2
    draw.ellipse((centre - width * 0.44, height * 0.66, centre + width * 0.44, height * 1.35), fill=figure)
    draw.rectangle((centre - head * 0.45, height * 0.5, centre + head * 0.45, height * 0.72), fill=figure)
    draw.ellipse((centre - head, height * 0.24, centre + head, height * 0.24 + head * 2.3), fill=figure)
    # The collar and a red badge, so that it reads as a person at work rather than an icon.
    draw.polygon(
        [(centre - width * 0.1, height * 0.69), (centre, height * 0.8), (centre + width * 0.1, height * 0.69)],
        fill=(245, 245, 245),
    )
    badge_x, badge_y, badge = centre + width * 0.2, height * 0.82, width * 0.06
    draw.ellipse((badge_x, badge_y, badge_x + badge, badge_y + badge), fill=RED)
    return picture
