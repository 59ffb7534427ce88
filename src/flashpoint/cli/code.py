"""CLI commands: code."""

from __future__ import annotations

commands: list = []
