"""Label maps: the packaged file validates; bad files fail with a clear message."""

from __future__ import annotations

import pytest

from flashpoint.errors import DataFileError
from flashpoint.eval.labelmap import load_labelmaps, parse_labelmaps

from .helpers import actor, event


def test_packaged_maps_load():
    maps = load_labelmaps()
    assert set(maps["india_police"].labels) == {"KILL", "ARREST", "FORCE"}
    assert len(maps["case2021"].labels) == 25
    assert all(r.describe() for r in maps["case2021"].rules)


def test_rule_conditions():
    lm = load_labelmaps()["india_police"]
    assert "KILL" in lm.labels_of(event("190", trigger="shot dead"))
    assert "KILL" in lm.labels_of(event("190", trigger="killed"))  # inflected form
    assert "KILL" not in lm.labels_of(event("190", trigger="skilled"))  # not inside a word
    assert lm.labels_of(event("173")) == ["ARREST"]
    assert lm.labels_of(event("040")) == []
    assert lm.is_police(actor(sector="POL")) and lm.is_police(actor(text="The Constables"))
    assert not lm.is_police(actor(text="rioters")) and not lm.is_police(None)


def _minimal(**over):
    data = {
        "india_police": {"rules": [{"label": "KILL", "codes": ["18"]}],
                         "police_source": {"sectors": ["POL"], "words": ["police"]}},
        "case2021": {"rules": [{"label": "ARREST", "codes": ["173"]}], "seen_labels": ["ARREST"]},
    }
    data.update(over)
    return data


@pytest.mark.parametrize("data, message", [
    (None, "top level"),
    ([], "top level"),
    (_minimal(case2021={"rules": [{"label": "ARREST", "codes": ["1a"]}], "seen_labels": ["ARREST"]}), "codes"),
    (_minimal(case2021={"rules": [{"label": "ARREST", "cods": ["17"]}], "seen_labels": ["ARREST"]}), "cods"),
    (_minimal(case2021={"rules": [{"label": "RIOT"}], "seen_labels": ["ARREST"]}), "not in seen_labels"),
    (_minimal(india_police={"rules": []}), "india_police"),
])
def test_bad_maps_refused(data, message):
    with pytest.raises(DataFileError, match=message):
        parse_labelmaps(data, "test.yaml")


def test_bad_files(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("india_police: [unclosed", encoding="utf-8")
    with pytest.raises(DataFileError, match="YAML"):
        load_labelmaps(bad)
    with pytest.raises(DataFileError, match="cannot read"):
        load_labelmaps(tmp_path / "absent.yaml")
    assert parse_labelmaps(_minimal(), "ok")["case2021"].labels == ("ARREST",)
