"""CLI commands: actors."""

from __future__ import annotations

commands: list = []
