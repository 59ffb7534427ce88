"""Coding with PETRARCH/TABARI-format dictionaries read from a directory at run time.

:func:`load_dictionaries` parses a directory (verbs, actors, agents,
discards); :class:`PetrarchCoder` codes parsed documents with it;
:func:`to_events` turns the result into Flashpoint events. The pipeline
uses it instead of the native pattern set when ``Settings.petrarch_dicts``
names a directory.
"""

from .coder import PetrarchCoder, PetrarchEvent
from .events import to_events
from .load import dictionary_files, load_dictionaries
from .model import DictionarySet
from .parse import parse_actors, parse_agents, parse_discards, parse_verbs

__all__ = [
    "DictionarySet", "PetrarchCoder", "PetrarchEvent", "dictionary_files", "load_dictionaries",
    "parse_actors", "parse_agents", "parse_discards", "parse_verbs", "to_events",
]
