"""CLI commands: eval."""

from __future__ import annotations

commands: list = []
