"""CLI commands: ingest."""

from __future__ import annotations

commands: list = []
