"""Chart geometry and evidence marking, without a server."""

from __future__ import annotations

from flashpoint.serve.charts import country_paths, highlight, project, timeline
from flashpoint.store.queries import Period


def test_timeline_stacks_quads_and_breaks_the_goldstein_line_at_empty_periods():
    rows = [Period("2022-01", 4, (1, 1, 1, 1), -4.0), Period("2022-02", 2, (2, 0, 0, 0), 6.0),
            Period("2022-03", 0, (0, 0, 0, 0), 0.0), Period("2022-04", 1, (0, 0, 0, 1), -10.0)]
    t = timeline(rows, width=400, height=100)
    assert t.max_count == 4 and [b.period for b in t.bars] == ["2022-01", "2022-02", "2022-03", "2022-04"]
    first = t.bars[0].segments
    assert [q for q, *_ in first] == [1, 2, 3, 4] and sum(h for _, _, h, _ in first) == 100
    assert t.bars[2].segments == ()
    assert len(t.lines) == 1 and len(t.lines[0].split()) == 2  # Jan-Feb joined, April alone
    assert t.points == ((350.0, 100.0),)  # mean -10 sits at the bottom


def test_projection_and_outlines():
    assert project(-180, 90) == (0, 0) and project(180, -90) == (720, 360) and project(0, 0) == (360, 180)
    codes = dict(country_paths())
    assert {"FRA", "NOR", "UKR", "RUS", "USA", "BRA"} <= set(codes)
    assert codes["UKR"].startswith("M") and codes["UKR"].endswith("Z")


def test_highlight_marks_whole_words_once_and_keeps_text_whole():
    sentence = "Armenian forces shelled Azerbaijani positions near Armenia."
    pieces = highlight(sentence, [("shelled", "trigger"), ("Arm", "source"), ("Armenia", "target")])
    assert "".join(text for text, _ in pieces) == sentence
    assert [(t, c) for t, c in pieces if c] == [("shelled", "trigger"), ("Armenia", "target")]
