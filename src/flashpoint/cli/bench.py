"""CLI commands: bench."""

from __future__ import annotations

commands: list = []
