"""Files and folders as a source."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flashpoint.errors import UsageError
from flashpoint.ingest import FileSource
from flashpoint.ingest.files import check_date

from .conftest import ARTICLE_HTML
from .test_records import split


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Ruritania met Freedonia on Friday.\n", encoding="utf-8")
    (tmp_path / "a.txt.meta.json").write_text(json.dumps({"title": "Talks", "date": "2021-11-12", "outlet": "Wire"}))
    (tmp_path / "sub" / "b.md").write_text("# Heading\n\nThe envoys met again.", encoding="utf-8")
    (tmp_path / "sub" / "c.html").write_text(ARTICLE_HTML, encoding="utf-8")
    (tmp_path / "d.jsonl").write_text('{"id": "j1", "text": "From JSONL."}\n', encoding="utf-8")
    (tmp_path / "e.csv").write_text("text,title\nFrom CSV.,Row\n", encoding="utf-8")
    (tmp_path / "f.json").write_text('{"text": "From JSON."}', encoding="utf-8")
    (tmp_path / "ignored.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("hidden")
    return tmp_path


def test_folder_reads_every_supported_file(folder: Path):
    arts, fails, _ = split(FileSource([folder], date="2020-01-01"))
    assert not fails
    texts = {a.text.splitlines()[0] for a in arts}
    assert texts >= {"Ruritania met Freedonia on Friday.", "From JSONL.", "From CSV.", "From JSON.", "# Heading"}
    txt = next(a for a in arts if a.text.startswith("Ruritania"))
    assert (txt.title, txt.date, txt.outlet) == ("Talks", "2021-11-12", "Wire")  # sidecar wins
    md = next(a for a in arts if a.text.startswith("# Heading"))
    assert md.date == "2020-01-01" and md.title is None  # --date, no invented title
    html = next(a for a in arts if "crossing point" in a.text)
    assert html.title == "Envoys meet at the border"
    assert html.outlet == "The Test Gazette" and html.date == "2021-11-12"
    assert "Home | World" not in html.text and "Copyright" not in html.text
    assert len(arts) == 6


def test_explicit_bad_files_become_failures(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\t\n")
    (tmp_path / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    files = ["empty.txt", "blank.txt", "bin.txt", "x.pdf", "missing.txt"]
    arts, fails, _ = split(FileSource([tmp_path / f for f in files]))
    assert not arts
    reasons = [f.reason for f in fails]
    assert "empty" in reasons[0] and "empty" in reasons[1] and "binary" in reasons[2]
    assert "unsupported file type .pdf" in reasons[3] and "no such file" in reasons[4]


def test_invalid_utf8_file_is_read_with_replacement(tmp_path: Path):
    (tmp_path / "latin.txt").write_bytes("Talks in Malm\xf6 ended.".encode("latin-1"))
    arts, fails, notes = split(FileSource([tmp_path / "latin.txt"]))
    assert arts[0].text == "Talks in Malm\ufffd ended." and notes and not fails


def test_huge_text_file_is_cut_without_reading_it_all(tmp_path: Path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        for _ in range(50):
            f.write(b"word " * 200_000)  # 50 MB
    arts, _, notes = split(FileSource([path], max_chars=1000))
    assert len(arts[0].text) == 1000
    assert any("file cut at 4004 bytes" in n.reason for n in notes) and any("cut from" in n.reason for n in notes)


def test_bad_sidecar_is_a_failure(tmp_path: Path):
    (tmp_path / "a.txt").write_text("text")
    (tmp_path / "a.txt.meta.json").write_text('{"date": 5}')
    (tmp_path / "b.txt").write_text("text b")
    (tmp_path / "b.txt.meta.json").write_text("{oops")
    _, fails, _ = split(FileSource([tmp_path]))
    assert len(fails) == 2 and "must be strings" in fails[0].reason and "invalid sidecar" in fails[1].reason


def test_malformed_html_still_gives_text(tmp_path: Path):
    (tmp_path / "bad.html").write_text("<html><body><p>Envoys met <b>at the <i>border</p></div></span>")
    (tmp_path / "notext.html").write_text("<html><head><script>var x=1;</script></head><body></body></html>")
    arts, fails, _ = split(FileSource([tmp_path / "bad.html", tmp_path / "notext.html"]))
    assert "Envoys met" in arts[0].text
    assert "no text" in fails[0].reason


def test_same_text_in_two_files_gets_one_id(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Same words.")
    (tmp_path / "b.txt").write_text("Same words.")
    arts, _, _ = split(FileSource([tmp_path]))
    assert arts[0].id == arts[1].id


def test_check_date():
    assert check_date("2021-11-12") == "2021-11-12"
    assert check_date(None) is None
    for bad in ("2021-13-01", "yesterday", "2021-11-12T00:00"):
        with pytest.raises(UsageError, match="YYYY-MM-DD"):
            check_date(bad)
