"""Chart geometry for the dashboard, computed on the server.

The templates draw SVG from these plain values, so a page needs no
charting library and no script to show its numbers: the timeline (stacked
QuadClass bars with a Goldstein line) and the map (Natural Earth outlines,
equirectangular, with located events as dots).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..store.queries import Period

QUAD_NAMES = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")


@dataclass(frozen=True, slots=True)
class Bar:
    period: str
    x: float
    width: float
    count: int
    goldstein_mean: float
    segments: tuple[tuple[int, float, float, int], ...]  # quad class, y, height, count


@dataclass(frozen=True, slots=True)
class Timeline:
    width: int
    height: int
    bars: tuple[Bar, ...]
    lines: tuple[str, ...]  # SVG polyline points of the Goldstein mean, broken at empty periods
    points: tuple[tuple[float, float], ...]  # a period with events between two empty ones
    max_count: int
    first: str
    last: str
    zero_y: float  # where Goldstein 0 sits


def timeline(rows: list[Period], width: int = 900, height: int = 220) -> Timeline:
    """Stacked bars per period (QuadClass 1 at the bottom) and the mean
    Goldstein (-10..10) as a line over the same periods."""
    if not rows:
        return Timeline(width, height, (), (), (), 0, "", "", height / 2)
    top = max(1, max(p.count for p in rows))
    step = width / len(rows)
    bars = []
    lines: list[list[tuple[float, float]]] = [[]]
    for i, p in enumerate(rows):
        y = float(height)
        segs = []
        for q, n in enumerate(p.quad, start=1):
            h = height * n / top
            y -= h
            if n:
                segs.append((q, round(y, 1), round(h, 1), n))
        x = i * step
        bars.append(Bar(p.period, round(x, 1), round(max(step - 1, 1), 1), p.count, p.goldstein_mean, tuple(segs)))
        if p.count:
            gy = height / 2 - (p.goldstein_mean / 10) * (height / 2)
            lines[-1].append((round(x + step / 2, 1), round(gy, 1)))
        elif lines[-1]:
            lines.append([])
    drawn = tuple(" ".join(f"{x},{y}" for x, y in pts) for pts in lines if len(pts) > 1)
    lone = tuple(pts[0] for pts in lines if len(pts) == 1)
    return Timeline(width, height, tuple(bars), drawn, lone, top, rows[0].period, rows[-1].period, height / 2)


@dataclass(frozen=True, slots=True)
class Dot:
    id: str
    x: float
    y: float
    quad: int
    label: str


MAP_W, MAP_H = 720, 360


def project(lon: float, lat: float) -> tuple[float, float]:
    """Equirectangular: the whole world in a 720x360 box."""
    return round((lon + 180) * MAP_W / 360, 1), round((90 - lat) * MAP_H / 180, 1)


@lru_cache(maxsize=1)
def country_paths() -> tuple[tuple[str, str], ...]:
    """(ISO3, SVG path) of every vendored country outline, built on first use."""
    data = json.loads((resources.files("flashpoint") / "serve" / "static" / "outlines.json").read_text("utf-8"))
    out = []
    for code, rings in sorted(data["countries"].items()):
        parts = []
        for ring in rings:
            pts = [project(lon, lat) for lon, lat in ring]
            parts.append("M" + "L".join(f"{x},{y}" for x, y in pts) + "Z")
        out.append((code, "".join(parts)))
    return tuple(out)


def dots(located: list[dict[str, Any]]) -> list[Dot]:
    out = []
    for r in located:
        x, y = project(float(r["lon"]), float(r["lat"]))
        label = f"{r.get('date') or '?'} {r.get('source_name') or '-'} [{r.get('cameo')}] {r.get('target_name') or '-'}"
        if r.get("location_name"):
            label += f" @ {r['location_name']}"
        out.append(Dot(r["id"], x, y, int(r["quad_class"]), label))
    return out


def highlight(sentence: str, marks: list[tuple[str | None, str]]) -> list[tuple[str, str]]:
    """Split ``sentence`` into (text, css class) pieces marking the first
    occurrence of each (phrase, class) — trigger, source, target. Pieces are
    plain text: the template escapes them."""
    spans: list[tuple[int, int, str]] = []
    for phrase, cls in marks:
        if not phrase or not phrase.strip():
            continue
        # Whole words only: "Arm" must not mark the start of "Armenian".
        for found in re.finditer(r"(?<!\w)" + re.escape(phrase.strip()) + r"(?!\w)", sentence, re.IGNORECASE):
            a, b = found.span()
            if not any(x < b and a < y for x, y, _ in spans):
                spans.append((a, b, cls))
                break
    spans.sort()
    out, pos = [], 0
    for a, b, cls in spans:
        if a > pos:
            out.append((sentence[pos:a], ""))
        out.append((sentence[a:b], cls))
        pos = b
    if pos < len(sentence):
        out.append((sentence[pos:], ""))
    return out
