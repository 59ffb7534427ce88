"""HTML extraction: metadata, fallbacks, and hostile pages in bounded time."""

from __future__ import annotations

import time

import pytest

from flashpoint.errors import InputError
from flashpoint.ingest.html import extract_page, html_to_text

from ..timing import assert_scales_linearly
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


def _extract(html: str) -> None:
    try:
        extract_page(html)
    except InputError:
        pass


@pytest.mark.parametrize("page, n", [
    (lambda n: "<p " + " ".join(f"a{i}='x'" for i in range(n)) + ">hi</p>", 100_000),  # one tag, many attributes
    (lambda n: "<table>" + "<tr><td>cell</td>" * n + "</table>", 100_000),  # very many elements
    (lambda n: "<div>" * n + "deep" + "</div>" * n, 100_000),
    (lambda n: "<p>" + "&amp;" * n + "</p>", 1_000_000),
    (lambda n: "<!--" + "x" * n, 5_000_000),
], ids=["attributes", "elements", "nesting", "entities", "open-comment"])
def test_hostile_pages_cost_in_proportion_to_their_size(page, n):
    assert_scales_linearly(_extract, page, n)
