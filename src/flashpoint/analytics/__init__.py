"""Analytics over the store: dyad time series and a terminal summary."""

from __future__ import annotations

from .series import dyad_series
from .summary import Summary, format_summary, summary

__all__ = ["Summary", "dyad_series", "format_summary", "summary"]
