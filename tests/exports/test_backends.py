"""Every back end yields the same merged events, so every export is the same from each."""

from __future__ import annotations

import io

import pytest

from flashpoint.store.exports import export

from ..store.conftest import BACKENDS, fresh_url
from .conftest import stored_events


@pytest.mark.parametrize("kind", BACKENDS)
@pytest.mark.parametrize("fmt", ["csv", "gdelt", "plover", "jsonl"])
def test_exports_are_the_same_from_every_back_end(kind, fmt, tmp_path):
    reference = io.StringIO()
    export(stored_events("memory:"), fmt, reference)
    with fresh_url(kind, tmp_path) as url:
        produced = io.StringIO()
        export(stored_events(url), fmt, produced)
    assert produced.getvalue() == reference.getvalue()
