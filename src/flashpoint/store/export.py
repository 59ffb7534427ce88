"""Compatibility name for :mod:`flashpoint.store.exports` (one module per format)."""

from __future__ import annotations

from .exports import FORMATS, GDELT_COLUMNS, ExportReport, column_names, export, gdelt_row, plover_record

FLAT_COLUMNS = column_names()

__all__ = ["FLAT_COLUMNS", "FORMATS", "GDELT_COLUMNS", "ExportReport", "export", "gdelt_row", "plover_record"]
