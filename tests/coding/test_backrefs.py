"""Definite back-references as data (coding/data/backrefs.yaml)."""

from __future__ import annotations

import pytest

from flashpoint.coding.backrefs import definite_backrefs, parse_backrefs
from flashpoint.errors import DataFileError


def test_package_backrefs():
    refs = definite_backrefs()
    assert refs["the alliance"] == "org" and refs["the country"] == "country"
    assert refs["the faction"] == "org"
    assert "the kingdom" not in refs  # a description of a state: actors/data/descriptors.yaml


@pytest.mark.parametrize("text, message", [
    ("version: 2\norg: [the bloc]\n", "version"),
    ("version: 1\nperson: [the man]\n", "unknown kind"),
    ("version: 1\norg: the bloc\n", "list of phrases"),
])
def test_a_bad_backrefs_file_is_refused(text, message):
    with pytest.raises(DataFileError, match=message):
        parse_backrefs(text, "b.yaml")
