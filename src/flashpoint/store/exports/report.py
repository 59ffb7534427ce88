"""What an export did: rows written and anything it had to leave out."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

SAFE_SCHEMES = ("http://", "https://")


@dataclass
class ExportReport:
    """Counts of one export run. ``notes`` counts what was dropped, by reason."""

    format: str
    written: int = 0
    notes: Counter[str] = field(default_factory=Counter)

    def __int__(self) -> int:
        return self.written

    def lines(self) -> list[str]:
        """One line per note, for the CLI to print on stderr."""
        return [f"note: {reason} ({n} event{'s' if n != 1 else ''})" for reason, n in sorted(self.notes.items())]


def safe_url(url: object, report: ExportReport | None = None) -> str | None:
    """``url`` when it is http(s); otherwise None, counted in ``report``.

    Record URLs come from input text; a ``javascript:`` or ``file:`` URL in
    a spreadsheet cell is a link an analyst might click.
    """
    if not url:
        return None
    text = str(url)
    if text.lower().startswith(SAFE_SCHEMES):
        return text
    if report is not None:
        report.notes["dropped a URL that is not http(s)"] += 1
    return None
