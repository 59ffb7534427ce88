"""Article structure: headline, dateline, bylines, captions and boilerplate.

News text carries parts that are not reports of events: the dateline says
where the story was filed ("NAIROBI, Kenya —", "MANILA (Reuters) -",
"SRINAGAR:"), a byline who wrote it, a photo caption what a picture shows
(often an older one), and the page's furniture (copyright, "Subscribe",
"Related:"). :func:`read_structure` finds them on the raw text before any
parsing; :func:`mask` blanks everything but the headline and the body with
spaces of the same length, so character offsets (evidence) still refer to
the original text. The dateline is kept as a weak prior for place and
country; it is never an actor.

The headline stays in the text and is coded; the pipeline then folds a
headline event into the lead's restatement of it (see
:func:`flashpoint.coding.headline.fold_headline`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# A dateline opens the lead: a city in capitals (or Title Case when a
# country or agency follows; two cities filed from joined by "/": "COLOMBO/CHENNAI"),
# an optional ", Country" or ", Month Day",
# an optional "(Agency)", then a dash or a colon.
_DATELINE = re.compile(
    r"""^(?P<city>[A-Z][A-Z'.\- ]{1,38}[A-Z.](?:/[A-Z][A-Z'.\- ]{1,38}[A-Z.])?|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}(?=,|\s*\())
        (?:,\s*(?P<country>[A-Z][A-Za-z.\- ]{1,30}?))?
        (?:,\s*(?P<when>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}))?
        \s*(?:\((?P<agency>[A-Za-z.&\- ]{1,30})\))?
        \s*(?P<sep>—|–|-{1,2}|:)\s+(?=\S)""",
    re.VERBOSE,
)
_BYLINE = re.compile(r"^\s*(?:By|BY)\s+[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3}\s*(?:$|[,|/]|\s+and\s+|\s+in\s+)")
_CAPTION = re.compile(
    r"^\s*(?:Photo caption|Caption|Photo|Pictured|Image|Picture)\s*:|File Photo|\bREUTERS/|\bAP Photo\b|Getty Images|\bAFP via\b|/AFP\b|\(Photo:",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(
    r"^\s*(?:Copyright\b|©|\(c\)\s*\d{4}|Related\s*:|Read more\s*:|Also read\s*:|Share this|Follow us|Sign up|Subscribe\b|"
    r"Click here|Advertisement$|\(Reporting by|Reporting by|Editing by|Additional reporting)"
    r"|All rights reserved\.?\s*$",
    re.IGNORECASE,
)
_HEADLINE_MAX = 200


@dataclass(frozen=True, slots=True)
class Dateline:
    """Where the story was filed: never an actor, at most a weak prior for place."""

    city: str
    country: str | None
    agency: str | None
    start: int
    end: int  # end of the dateline prefix, separator and spaces included


@dataclass(frozen=True, slots=True)
class Part:
    """A span of the text that is not body: ``byline``, ``caption``, ``boilerplate`` or a caption's position ``mark``."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Structure:
    """What :func:`read_structure` found in one article's text."""

    headline: tuple[int, int] | None = None
    dateline: Dateline | None = None
    parts: tuple[Part, ...] = ()

    def in_headline(self, offset: int) -> bool:
        return self.headline is not None and self.headline[0] <= offset < self.headline[1]

    @property
    def lead_start(self) -> int | None:
        """Where the lead's own words begin (after the dateline), when known."""
        return self.dateline.end if self.dateline else None


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, stripped of outer spaces."""
    out = []
    pos = 0
    for raw in text.split("\n"):
        s = len(raw) - len(raw.lstrip())
        e = len(raw.rstrip())
        if e > s:
            out.append((pos + s, pos + e))
        pos += len(raw) + 1
    return out


def find_dateline(line: str) -> re.Match[str] | None:
    """The dateline at the start of a line, if any ("KYIV, Ukraine (AP) — ...")."""
    m = _DATELINE.match(line)
    if m is None:
        return None
    city = m.group("city").strip()
    if m.group("sep") == ":" and not city.isupper():
        return None  # "Photo caption: ..." and "Officials said: ..." are not datelines
    if len(city.split()) > 4 or city.upper() in ("BY", "UPDATE", "WATCH", "EXCLUSIVE", "BREAKING", "ANALYSIS"):
        return None
    return m


def read_structure(text: str) -> Structure:
    """Find the headline, the dateline and the non-body lines of an article's text."""
    lines = _lines(text)
    parts: list[Part] = []
    dateline = None
    headline = None
    body_seen = False
    for n, (s, e) in enumerate(lines):
        line = text[s:e]
        if _BYLINE.match(line) and len(line) < 120:
            parts.append(Part("byline", s, e))
            continue
        if _BOILERPLATE.search(line) and len(line) < 300:
            parts.append(Part("boilerplate", s, e))
            continue
        if _CAPTION.search(line) and len(line) < 300 and not (dateline is None and find_dateline(line)):
            parts.extend(_caption_parts(line, s, e))
            continue
        if dateline is None and n < 6:
            m = find_dateline(line)
            if m is not None:
                city = m.group("city").split("/")[0].strip()  # "COLOMBO/CHENNAI": filed from the first
                dateline = Dateline(
                    city=city.title() if city.isupper() else city,
                    country=(m.group("country") or "").strip() or None,
                    agency=(m.group("agency") or "").strip() or None,
                    start=s,
                    end=s + m.end(),
                )
                body_seen = True
                continue
        if not body_seen and headline is None and n == 0 and _looks_like_headline(line, lines, text):
            headline = (s, e)
            continue
        body_seen = True
    parts.extend(_position_marks(text, lines, parts))
    return Structure(headline=headline, dateline=dateline, parts=tuple(parts))


# A one-line caption with no credit keeps AP's position marks ("Ruto, right, talks with Abiy in Addis Ababa"),
# which the small model reads as the verb ("right", "left") or as a clause of its own: blanked after a name
# or an office ("The Kenyan president, left, ..."). Such a caption looks like any paragraph, so every body line
# not blanked already is read, running text too: there a comma-set "left" after a name is a verb ("the envoy,
# who had flown to Moscow, left, ..."), rare in news and not told apart here.
_COMMA_MARK = re.compile(r",\s(?:(?:second|third|fourth|2nd|3rd|4th)\s(?:from\s)?)?(?:left|right|centre|center|front)\s?,")
_MARKED = re.compile(r"(?:\b[A-Z][\w'.-]*|\b(?:president|minister|premier|chancellor|leader|king|counterpart|envoy|secretary))\s*$")


def _position_marks(text: str, lines: Sequence[tuple[int, int]], parts: Sequence[Part]) -> list[Part]:
    """Parts (kind ``mark``) for the comma-set position marks of body lines not blanked already."""
    out = []
    for s, e in lines:
        if any(p.start <= s and e <= p.end for p in parts):
            continue
        line = text[s:e]
        for m in _COMMA_MARK.finditer(line):
            if _MARKED.search(line[:m.start()]):
                # ("Ruto, right, talks" reads "Ruto talks")
                out.append(Part("mark", s + m.start(), s + m.end()))
    return out


# A wire photo's caption tells a dated scene with where each person stands ("Faye (C)
# speaks with Macron (R) ..., June 20, 2024. REUTERS/Name"), or a scene with its place and
# day; only its markers and the credit are blanked, so the meeting it shows is coded. File
# photos stay blanked whole.
# (AP's style sets the place off by commas: "Tinubu, left, speaks with Mahama"; "Ruto, second right, ...")
_POSITION_MARK = re.compile(r"\((?:\d(?:st|nd|rd|th) )?(?:L|R|C|left|right|centre|center|front|back)\)|" + _COMMA_MARK.pattern)
_CREDIT = re.compile(r"\bREUTERS/|\bAP Photo\b|Getty Images|\bAFP via\b|/AFP\b|\(Photo:")
# ... or a scene told with its place and day ("Protesters clash with police in Nairobi, Kenya, June 25, 2024.")
_SCENE_DATE = re.compile(r",\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}\.\s*$")
_FILE_PHOTO = re.compile(r"\bfile (?:photo|picture|image)\b|^\s*(?:Photo caption|Caption|Photo|Pictured|Image|Picture)\s*:",
                         re.IGNORECASE)


def _caption_parts(line: str, s: int, e: int) -> list[Part]:
    """The spans of a caption line to blank: all of it, or a wire photo's markers and credit."""
    credit = _CREDIT.search(line)
    cut = line.rfind(". ", 0, credit.start()) if credit is not None else -1
    if credit is None or cut < 0 or _FILE_PHOTO.search(line) or not (
            _POSITION_MARK.search(line[:cut]) or _SCENE_DATE.search(line[:cut + 1])):
        return [Part("caption", s, e)]
    marks = [Part("caption", s + m.start(), s + m.end()) for m in _POSITION_MARK.finditer(line[:cut])]
    return marks + [Part("caption", s + cut + 1, e)]


def _looks_like_headline(line: str, lines: Sequence[tuple[int, int]], text: str) -> bool:
    """A short first line without a closing full stop, followed by more text."""
    if len(lines) < 2 or len(line) > _HEADLINE_MAX or line.rstrip().endswith((".", "?\"", ".\"", ".'", ":")):
        return False
    return len(line.split()) >= 3


def mask(text: str, structure: Structure) -> str:
    """The text with the dateline prefix, bylines, captions and boilerplate blanked
    (same length, so offsets still hold); newlines are kept."""
    spans = [(p.start, p.end) for p in structure.parts]
    if structure.dateline is not None:
        spans.append((structure.dateline.start, structure.dateline.end))
    if not spans:
        return text
    chars = list(text)
    for s, e in spans:
        for i in range(s, e):
            if chars[i] != "\n":
                chars[i] = " "
    if structure.dateline is not None and chars[structure.dateline.end - 1] == " ":
        # A line break where the dateline ends: the lead starts a sentence of its own,
        # and no blank run is glued to its first word ("          Police").
        chars[structure.dateline.end - 1] = "\n"
    return "".join(chars)


def dateline_place(structure: Structure) -> str | None:
    """The dateline's place name ("Nairobi"), for the weak place prior."""
    return structure.dateline.city if structure.dateline else None
