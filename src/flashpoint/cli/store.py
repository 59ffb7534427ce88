"""CLI commands: store."""

from __future__ import annotations

commands: list = []
