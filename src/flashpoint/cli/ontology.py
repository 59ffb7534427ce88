"""CLI commands: ontology."""

from __future__ import annotations

commands: list = []
