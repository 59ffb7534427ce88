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


def test_package_act_nouns():
    from flashpoint.coding.backrefs import act_nouns

    acts = act_nouns()
    assert acts["launch"] >= {"15", "19"} and acts["proposal"] == {"03", "05"}
    assert "the alliance" not in acts and "acts" not in definite_backrefs()


@pytest.mark.parametrize("text, message", [
    ("version: 1\nacts: [launch]\n", "mapping of nouns"),
    ("version: 1\nacts:\n  launch: [\"21\"]\n", "two-digit CAMEO roots"),
    ("version: 1\nacts:\n  launch: []\n", "two-digit CAMEO roots"),
    ("version: 1\nacts:\n  drill: [\"15\"]\n  drills: [\"15\"]\n", "by its lemma"),
])
def test_a_bad_acts_section_is_refused(text, message):
    from flashpoint.coding.backrefs import parse_acts

    with pytest.raises(DataFileError, match=message):
        parse_acts(text, "b.yaml")
