"""HTML extraction: metadata, fallbacks, and hostile pages in bounded time."""

from __future__ import annotations

import time

import pytest

from flashpoint.errors import InputError
from flashpoint.ingest.html import extract_page, html_to_text

from .conftest import ARTICLE_HTML


def test_main_text_and_metadata():
    page = extract_page(ARTICLE_HTML, url="https://gazette.example/a")
    assert page.title == "Envoys meet at the border" and page.outlet == "The Test Gazette"
    assert page.date == "2021-11-12" and "fishing rights" in page.text and "Sport" not in page.text


def test_fragment_falls_back_to_visible_text():
    assert extract_page("<p>Short <b>note</b>.</p><script>alert(1)</script>").text == "Short note."


@pytest.mark.parametrize("html", ["", "   ", "<html></html>", "<script>x()</script>", "<!-- only -->"])
def test_no_text_is_an_input_error(html):
    with pytest.raises(InputError):
        extract_page(html)


def test_html_to_text_keeps_blocks_and_drops_code():
    html = "<div>One<p>Two <i>three</i></p><style>p{}</style>four<ul><li>five</li></ul></div>"
    assert html_to_text(html) == "One\nTwo three\nfour\nfive"
    assert html_to_text("") == "" and html_to_text("<<<>>>") in ("", "<<<>>>")


@pytest.mark.parametrize("html", [
    "<p " + " ".join(f"a{i}='x'" for i in range(100_000)) + ">hi</p>",  # one tag, many attributes
    "<table>" + "<tr><td>cell</td>" * 100_000 + "</table>",  # very many elements
    "<div>" * 100_000 + "deep" + "</div>" * 100_000,
    "<p>" + "&amp;" * 1_000_000 + "</p>",
    "<!--" + "x" * 5_000_000,
])
def test_hostile_pages_finish_quickly(html):
    start = time.monotonic()
    try:
        extract_page(html)
    except InputError:
        pass
    assert time.monotonic() - start < 5
