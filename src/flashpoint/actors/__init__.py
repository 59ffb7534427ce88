"""Actors: the knowledge base of countries, organisations, agents and people,
and resolution of noun phrases to :class:`~flashpoint.types.Actor` records."""

from __future__ import annotations

from .kb import KnowledgeBase
from .resolve import Resolution

__all__ = ["KnowledgeBase", "Resolution"]
