"""Watchlists: which dyads and countries the alerts follow, and how.

A YAML file::

    # what to watch; without dyads, the busiest conflict dyads are scanned
    dyads: ["RUS>UKR", "BLR>POL"]
    countries: [POL, LTU]
    top: 20                  # busiest dyads scanned when none are listed
    thresholds:              # any field of flashpoint.alerts.detectors.Thresholds
      rise_ratio: 2.5
      cooldown_weeks: 3
    webhook: https://alerts.example.org/flashpoint   # optional; POSTed JSON

Passed with ``flashpoint alerts --watchlist FILE`` or ``flashpoint serve
--watchlist FILE``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DataFileError, UsageError
from .detectors import Thresholds


@dataclass(frozen=True, slots=True)
class Watchlist:
    dyads: tuple[tuple[str, str], ...] = ()
    countries: tuple[str, ...] = ()
    top: int = 20
    thresholds: Thresholds = field(default_factory=Thresholds)
    webhook: str | None = None


def _dyad(value: Any, where: str) -> tuple[str, str]:
    if isinstance(value, str) and value.count(">") == 1:
        src, tgt = (s.strip() for s in value.split(">"))
    elif isinstance(value, (list, tuple)) and len(value) == 2 and all(isinstance(v, str) for v in value):
        src, tgt = value
    else:
        raise DataFileError(f"{where}: a dyad is 'SOURCE>TARGET' or [SOURCE, TARGET], not {value!r}")
    if not src or not tgt:
        raise DataFileError(f"{where}: empty side in dyad {value!r}")
    return src, tgt


def parse_watchlist(doc: Any, where: str = "watchlist") -> Watchlist:
    """Validate a parsed watchlist document."""
    if doc is None:
        return Watchlist()
    if not isinstance(doc, dict):
        raise DataFileError(f"{where}: a watchlist is a mapping with dyads, countries, top, thresholds, webhook")
    unknown = set(doc) - {"dyads", "countries", "top", "thresholds", "webhook"}
    if unknown:
        raise DataFileError(f"{where}: unknown keys {sorted(unknown)}; use dyads, countries, top, thresholds, webhook")
    names = {f.name: f.type for f in dataclasses.fields(Thresholds)}
    raw = doc.get("thresholds") or {}
    if not isinstance(raw, dict) or set(raw) - set(names):
        raise DataFileError(f"{where}: thresholds may set {', '.join(names)}")
    values = {}
    for key, value in raw.items():
        default = getattr(Thresholds(), key)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise DataFileError(f"{where}: thresholds.{key} must be a non-negative number, not {value!r}")
        values[key] = type(default)(value)
    countries = doc.get("countries") or []
    if not isinstance(countries, list) or not all(isinstance(c, str) and c.strip() for c in countries):
        raise DataFileError(f"{where}: countries is a list of ISO3 codes")
    top = doc.get("top", 20)
    if isinstance(top, bool) or not isinstance(top, int) or not 1 <= top <= 500:
        raise DataFileError(f"{where}: top must be a whole number from 1 to 500")
    webhook = doc.get("webhook")
    if webhook is not None:
        from ..ingest.fetch import check_url_arg

        if not isinstance(webhook, str):
            raise DataFileError(f"{where}: webhook must be an http(s) URL")
        try:
            check_url_arg(webhook)
        except UsageError as exc:
            raise DataFileError(f"{where}: webhook: {exc}") from None
    return Watchlist(dyads=tuple(_dyad(d, where) for d in doc.get("dyads") or []),
                     countries=tuple(c.strip() for c in countries), top=top,
                     thresholds=Thresholds(**values), webhook=webhook)


def load_watchlist(path: Path | str | None) -> Watchlist:
    """Read a watchlist file; None gives the default (busiest dyads, default thresholds)."""
    if path is None:
        return Watchlist()
    import yaml

    from ..yamlio import load_yaml

    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"cannot read watchlist {path}: {exc}") from None
    try:
        doc = load_yaml(text)
    except (yaml.YAMLError, RecursionError) as exc:
        raise DataFileError(f"{path}: not valid YAML ({str(exc)[:200]})") from None
    return parse_watchlist(doc, str(path))
