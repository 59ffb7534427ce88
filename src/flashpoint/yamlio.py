"""One YAML reader for every data file the package ships or a user supplies.

PyYAML follows YAML 1.1, where bare ``on``, ``off``, ``yes``, ``no``, ``y``
and ``n`` are booleans. Our data files are word lists, and those are words:
``prep: [on, upon]`` must mean the preposition, and ``particle: off`` the
particle of "call off". This loader keeps YAML 1.2's rule instead: only
``true`` and ``false`` (in any of their usual cases) are booleans.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from .errors import DataFileError

_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL_TAG = "tag:yaml.org,2002:bool"
_BOOL_12 = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


class WordSafeLoader(_BASE):  # type: ignore[misc, valid-type]
    """SafeLoader whose implicit booleans are only true/false."""


WordSafeLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL_TAG]
    for first, resolvers in _BASE.yaml_implicit_resolvers.items()
}
WordSafeLoader.add_implicit_resolver(_BOOL_TAG, _BOOL_12, list("tTfF"))


def load_yaml(text: str) -> Any:
    """Parse YAML text safely, with YAML 1.2 booleans (see the module doc)."""
    return yaml.load(text, Loader=WordSafeLoader)


def package_text(package: str, *parts: str) -> str:
    """The text of a data file shipped inside ``package`` (``parts`` is its path there)."""
    from importlib import resources

    return resources.files(package).joinpath(*parts).read_text(encoding="utf-8")


def load_package_yaml(package: str, *parts: str) -> Any:
    """Parse a YAML data file shipped inside ``package``, with :func:`load_yaml`'s rules."""
    return load_yaml(package_text(package, *parts))


def chain_items(data: Any, name: str, strategies: Any) -> list[tuple[int, dict]]:
    """The entries of a data file's ordered ``chain`` list, numbered from 1, each checked to name one of
    ``strategies`` (targets.yaml, story_countries.yaml); anything else is a clear DataFileError."""
    if not isinstance(data, dict) or not isinstance(data.get("chain"), list):
        raise DataFileError(f"{name}: expected a mapping with a 'chain' list")
    out = []
    for n, item in enumerate(data["chain"], 1):
        if not isinstance(item, dict) or item.get("strategy") not in strategies:
            raise DataFileError(f"{name}: chain entry {n}: unknown strategy {item!r}; "
                                f"choose one of {', '.join(sorted(strategies))}")
        out.append((n, item))
    return out
