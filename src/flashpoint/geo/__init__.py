"""geo stage: the gazetteer and event location (spaCy-free; see flashpoint.nlp.places)."""

from flashpoint.geo.gazetteer import Gazetteer, Place

__all__ = ["Gazetteer", "Place"]
