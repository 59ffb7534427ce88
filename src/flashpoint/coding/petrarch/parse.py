"""Parsers for the PETRARCH/TABARI dictionary formats (verbs, actors, agents, discards).

Each parser takes the file's text and a name for messages, and returns
frozen records (:mod:`.model`). Malformed input raises
:class:`~flashpoint.errors.DataFileError` naming the file and line.

What is read, in the files' own notation:

* ``<!-- ... -->`` blocks and ``#`` to the end of a line (outside ``[...]``) are comments.
* verbs: synsets (``&NAME`` then ``+PHRASE`` lines), blocks ``--- NAME [code] ---``,
  verb lines (``BAN {BANS BANNED}``, ``WIRE_+TAP``, ``DOWNPLAY [014]``) and patterns
  (``- SAID $ * [113]``) with ``*`` verb, ``$`` source, ``+`` target, ``^`` skip,
  ``%`` compound actor, ``&NAME`` synset, ``_`` glue (no words between).
* actors: ``NAME [CODE]``, ``+SYNONYM`` lines, code lines that may restrict a code to
  dates (``[HOB < 950601]``, ``[HOBGOV 19950601 - 19990815]``, ``[HOBREB > 990816]``).
* agents: ``NAME {PLURALS} [~CODE]`` (or ``[CODE~]``), ``{}`` for no plural,
  ``!SET! = A, B`` substitutions used as ``CONGRESS!SET!``.
* discards: a phrase per line; ``+`` marks a story-level discard.
"""

from __future__ import annotations

import re
from datetime import date as Date
from datetime import timedelta

from ...errors import DataFileError
from .model import (
    COMPOUND, SKIP, SOURCE, SYNSET, TARGET, VERB, WORD, ActorEntry, AgentEntry, Code, DatedCode,
    Discard, Pattern, Phrase, Term, Verb, VerbBlock, VerbDictionary,
)

MAX_SYNSET_ALTERNATIVES = 10_000
MAX_PATTERN_TERMS = 40  # real patterns have a handful; this bounds the matcher's work
_COMMENT_BLOCK = re.compile(r"<!\s*--.*?-->", re.S)
_CODE_TEXT = re.compile(r"^[A-Z0-9+#?\-/]+$")
_DATE = r"(\d{8}|\d{6})"
_DATED = re.compile(rf"^(?P<code>[^\s<>]+?)\s*(?:(?P<op>[<>])\s*{_DATE}|{_DATE}\s*-\s*{_DATE})?$")
_BLOCK = re.compile(r"^-{3}\s*(?P<body>.*?)\s*-{3}$")
_SUBST = re.compile(r"!([A-Z0-9_]+)!")


def _fail(where: str, line: int, message: str) -> DataFileError:
    return DataFileError(f"{where}: line {line}: {message}")


class Problems:
    """Where a parser's complaints go: raised at once (``strict``), or noted and the
    entry skipped, as PETRARCH itself goes on past a bad line of a big dictionary."""

    def __init__(self, strict: bool = True) -> None:
        self.strict = strict
        self.notes: list[str] = []

    def guard(self, fn, *args) -> bool:
        """Run ``fn``; False (and a note) when it found a problem and we are not strict."""
        try:
            fn(*args)
            return True
        except DataFileError as exc:
            if self.strict:
                raise
            self.notes.append(str(exc))
            return False


def strip_comments(text: str, where: str) -> list[str]:
    """The file's lines with comments blanked (line numbers are kept).

    Raises:
        DataFileError: an unterminated ``<!--`` comment.
    """

    def blank(m: re.Match) -> str:
        return "\n" * m.group(0).count("\n")

    text = _COMMENT_BLOCK.sub(blank, text)
    opened = re.search(r"<!\s*--", text)
    if opened:
        raise _fail(where, text.count("\n", 0, opened.start()) + 1, "a '<!--' comment is never closed with '-->'")
    return [_cut_hash(line) for line in text.split("\n")]


def _cut_hash(line: str) -> str:
    s = line.strip()
    if len(s) > 6 and s.startswith("---") and s.endswith("---"):  # "--- TROUBLED [---] # NOUN ---"
        return f"--- {_cut_hash(s[3:-3])} ---"
    depth = 0
    for i, ch in enumerate(line):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif ch == "#" and depth == 0:
            return line[:i].rstrip()
    return line.rstrip()


def pieces(word: str) -> Phrase:
    """Split one dictionary word as spaCy splits text: ``STATE-OWNED`` -> STATE - OWNED,
    ``DON'T`` -> DO N'T, ``GONDOR'S`` -> GONDOR 'S."""
    word = word.upper().strip()
    if not word:
        return ()
    if len(word) > 3 and word.endswith("N'T"):
        return (*pieces(word[:-3]), "N'T")
    if len(word) > 2 and word.endswith("'S"):
        return (*pieces(word[:-2]), "'S")
    if "-" in word.strip("-"):
        out: list[str] = []
        for k, part in enumerate(word.split("-")):
            if k:
                out.append("-")
            if part:
                out.append(part)
        return tuple(out)
    return (word,)


def phrase(text: str) -> Phrase:
    """A name such as ``UNITED_NATIONS`` or ``HAMAS WING`` as a tuple of upper-case pieces."""
    return tuple(p for w in text.replace("_", " ").split() for p in pieces(w))


def parse_code(text: str, where: str, line: int) -> Code | None:
    """``064``, ``032:033`` or ``---`` (None: codes nothing)."""
    body = text.strip().upper()
    parts = [p.strip() for p in body.split(":")]
    if len(parts) == 2 and not parts[0] and parts[1]:  # "[:173]": only the target's event
        parts[0] = "---"
    if not body or len(parts) > 2 or not all(parts) or not all(_CODE_TEXT.match(p) for p in parts):
        raise _fail(where, line, f"bad event code [{text}]; expected [064], [032:033], [:033] or [---]")
    primary = None if parts[0] == "---" else parts[0]
    reverse = parts[1] if len(parts) == 2 and parts[1] != "---" else None
    return None if primary is None and reverse is None else Code(primary, reverse)


def _brackets(text: str, where: str, line: int) -> tuple[str, list[str]]:
    """Split ``NAME [A] [B]`` into the text outside brackets and the bracket contents."""
    if text.count("[") != text.count("]"):
        raise _fail(where, line, "unbalanced '[' ... ']'")
    inside = re.findall(r"\[([^\[\]]*)\]", text)
    outside = re.sub(r"\[[^\[\]]*\]", " ", text)
    return outside, inside


def _braces(text: str, what: str, where: str, line: int) -> tuple[str | None, str]:
    """Take one ``{...}`` group out of a line: (its contents or None, the rest)."""
    if "{" not in text and "}" not in text:
        return None, text
    m = re.search(r"\{([^{}]*)\}", text)
    if not m or text.count("{") != 1 or text.count("}") != 1:
        raise _fail(where, line, f"{what} must be one '{{...}}' group")
    return m.group(1), text[: m.start()] + " " + text[m.end():]


# ---------------------------------------------------------------- verbs


def parse_verbs(text: str, where: str = "verbs", problems: Problems | None = None) -> VerbDictionary:
    """Parse a PETRARCH verbs dictionary.

    Raises:
        DataFileError: malformed block header, pattern, code or synset (with the line);
            with a non-strict ``problems``, only an unterminated comment (the rest is noted
            and the line, pattern, block or synset skipped).
    """
    problems = problems or Problems()
    raw_synsets: dict[str, list[tuple[str, int]]] = {}
    bare: set[str] = set()  # synsets named with a final '_': no plurals for their words
    blocks: list[VerbBlock] = []
    state: dict = {"synset": None, "block": None, "skipping": False}

    def close_block() -> None:
        block, state["block"] = state["block"], None
        if block is not None:
            if not block["verbs"]:
                raise _fail(where, block["line"], f"verb block {block['name']!r} lists no verb")
            blocks.append(VerbBlock(block["name"], block["code"], tuple(block["verbs"]), tuple(block["patterns"]), block["line"]))

    def header(n: int, body: str) -> None:
        state["skipping"] = True  # until the header is read: a bad block's lines go with it
        outside, codes = _brackets(body, where, n)
        name = " ".join(outside.split())
        if not name or not codes:
            raise _fail(where, n, "a verb block header needs a name and a code: --- NAME [code] ---")
        state["block"] = {"name": name.upper(), "code": parse_code(codes[0], where, n), "verbs": [], "patterns": [], "line": n}
        state["skipping"] = False

    def line_of(n: int, s: str) -> None:
        if s.startswith("&"):
            state["synset"] = None
            name = s[1:].strip().rstrip("_").upper()
            if s.strip().endswith("_"):
                bare.add(name)
            if not name or not re.fullmatch(r"[A-Z0-9_]+", name):
                raise _fail(where, n, f"bad synset name {s!r}")
            if name in raw_synsets:
                raise _fail(where, n, f"synset &{name} is defined twice")
            raw_synsets[name], state["synset"] = [], name
            return
        if state["synset"] is not None and s.startswith("+"):
            raw_synsets[state["synset"]].append((s[1:].strip(), n))
            return
        state["synset"] = None
        m = _BLOCK.match(s)
        if m:
            problems.guard(close_block)
            header(n, m.group("body"))
            return
        if s.startswith("---"):
            state["skipping"] = True
            problems.guard(close_block)
            raise _fail(where, n, "a verb block header must end with '---'")
        if state["skipping"]:
            return
        block = state["block"]
        if block is None:
            raise _fail(where, n, f"{s[:40]!r} is outside any '--- VERB [code] ---' block")
        if s.startswith("-"):
            block["patterns"].append(_parse_pattern(s[1:], block["code"], where, n))
        else:
            block["verbs"].append(_parse_verb(s, block["code"], where, n))

    for n, line in enumerate(strip_comments(text, where), 1):
        s = line.strip()
        if not s:
            state["synset"] = None
            continue
        problems.guard(line_of, n, s)
    problems.guard(close_block)
    synsets = _expand_synsets(raw_synsets, bare, where, problems)
    kept: list[VerbBlock] = []
    for b in blocks:
        patterns = []
        for p in b.patterns:
            missing = [t.name for t in (*p.before, *p.after) if t.kind == SYNSET and t.name not in synsets]
            if missing:
                problems.guard(_raise, _fail(where, p.line, f"pattern uses synset &{missing[0]}, which is not defined"))
                continue
            patterns.append(p)
        kept.append(VerbBlock(b.name, b.code, b.verbs, tuple(patterns), b.line) if len(patterns) != len(b.patterns) else b)
    return VerbDictionary(tuple(kept), synsets)


def _raise(exc: Exception) -> None:
    raise exc


def _expand_synsets(raw: dict[str, list[tuple[str, int]]], bare: set[str], where: str,
                    problems: Problems) -> dict[str, tuple[Phrase, ...]]:
    """Synsets with nested sets expanded; a word entry also stands for its plural unless the
    set's name or the entry ends with '_' (``&CURRENCY`` +DOLLAR matches "dollars")."""
    done: dict[str, tuple[Phrase, ...]] = {}

    def expand(name: str, stack: tuple[str, ...], line: int) -> tuple[Phrase, ...]:
        if name in done:
            return done[name]
        if name in stack:
            raise _fail(where, line, f"synset &{name} refers to itself through {' -> '.join('&' + s for s in stack)}")
        if name not in raw:
            raise _fail(where, line, f"synset &{name} is used but never defined")
        alts: list[Phrase] = []
        for text, n in raw[name]:
            options: list[Phrase] = [()]
            for chunk in text.replace("_", " ").split():
                if chunk.startswith("&"):
                    sub = expand(chunk[1:].rstrip("_").upper(), (*stack, name), n)
                    options = [o + s for o in options for s in sub]
                else:
                    options = [o + pieces(chunk) for o in options]
                if len(alts) + len(options) > MAX_SYNSET_ALTERNATIVES:
                    raise _fail(where, n, f"synset &{name} expands to more than {MAX_SYNSET_ALTERNATIVES} phrases")
            alts.extend(o for o in options if o)
            words_only = "&" not in text
            if words_only and name not in bare and not text.rstrip().endswith("_"):
                alts.extend(plural(o) for o in options if o and not o[-1].endswith("S"))
        if not alts:
            raise _fail(where, raw[name][0][1] - 1 if raw[name] else line, f"synset &{name} has no '+' entries")
        done[name] = tuple(dict.fromkeys(alts))
        return done[name]

    for name, entries in raw.items():
        if name not in done:
            problems.guard(expand, name, (), entries[0][1] if entries else 1)
    return done


def _verb_words(text: str, where: str, line: int) -> tuple[str, Phrase, Phrase]:
    """``WIRE_+TAP`` -> ("TAP", ("WIRE",), ()); ``BREAK_DOWN`` -> ("BREAK", (), ("DOWN",))."""
    words = text.replace("_", " ").split()
    if not words:
        raise _fail(where, line, "empty verb")
    marked = [i for i, w in enumerate(words) if w.startswith("+")]
    if len(marked) > 1:
        raise _fail(where, line, f"verb {text!r} marks more than one head word with '+'")
    at = marked[0] if marked else 0
    words = [w.lstrip("+") for w in words]
    if not all(words):
        raise _fail(where, line, f"verb {text!r} has an empty word")
    head = pieces(words[at])
    if len(head) != 1:
        raise _fail(where, line, f"verb head {words[at]!r} must be one word")
    before = tuple(p for w in words[:at] for p in pieces(w))
    after = tuple(p for w in words[at + 1:] for p in pieces(w))
    return head[0], before, after


def regular_forms(verb: str) -> set[str]:
    """The regular inflections of a verb: ``DEPART`` -> DEPARTS, DEPARTED, DEPARTING;
    ``SEIZE`` -> SEIZES, SEIZED, SEIZING (irregular ones are listed in ``{...}``)."""
    third = verb + ("ES" if verb.endswith(("S", "X", "Z", "CH", "SH")) else "S")
    if verb.endswith("E"):
        return {third, verb + "D", verb[:-1] + "ING"}
    return {third, verb + "ED", verb + "ING"}


def _parse_verb(s: str, block_code: Code | None, where: str, line: int) -> Verb:
    forms_text, s = _braces(s, "verb forms", where, line)
    outside, codes = _brackets(s, where, line)
    head, before, after = _verb_words(outside, where, line)
    forms = {head} if forms_text is not None else {head, *regular_forms(head)}
    for form in (forms_text or "").split():
        forms.add(_verb_words(form, where, line)[0])
    code = parse_code(codes[0], where, line) if codes else block_code
    return Verb(head, frozenset(forms), before, after, code, bool(codes), line)


def _parse_pattern(s: str, block_code: Code | None, where: str, line: int) -> Pattern:
    outside, codes = _brackets(s, where, line)
    if len(codes) > 1:
        raise _fail(where, line, "a pattern takes one [code]")
    code = parse_code(codes[0], where, line) if codes else block_code
    # PETRARCH 2 marks phrases, "(TO BORDER)" and "{ARMS SHIPMENT}"; read here as their words.
    outside = re.sub(r"[(){}]", " ", outside)
    terms: list[Term] = []
    for chunk in outside.split():
        parts = chunk.split("_")
        for k, part in enumerate(parts):
            if not part:
                continue
            glued = k > 0  # a '_' comes before it inside the chunk
            terms.append(_term(part, glued, where, line))
    if len(terms) > MAX_PATTERN_TERMS:
        raise _fail(where, line, f"a pattern of {len(terms)} elements; at most {MAX_PATTERN_TERMS} are read")
    verbs = [i for i, t in enumerate(terms) if t.kind == VERB]
    if len(verbs) != 1:
        raise _fail(where, line, f"a pattern needs exactly one '*' (the verb); found {len(verbs)}")
    v = verbs[0]
    return Pattern(tuple(terms[:v]), tuple(terms[v + 1:]), terms[v].glued, code, line, " ".join(outside.split()))


_SYMBOLS = {"*": VERB, "$": SOURCE, "+": TARGET, "^": SKIP, "%": COMPOUND}


def _term(part: str, glued: bool, where: str, line: int) -> Term:
    if part in _SYMBOLS:
        return Term(_SYMBOLS[part], glued=glued)
    if part.startswith("&"):
        name = part[1:].upper()
        if not re.fullmatch(r"[A-Z0-9]+", name):
            raise _fail(where, line, f"bad synset reference {part!r}")
        return Term(SYNSET, name=name, glued=glued)
    if any(c in part for c in "*$%^&") or part.startswith("+"):
        raise _fail(where, line, f"cannot read pattern word {part!r}")
    return Term(WORD, words=pieces(part), glued=glued)


# ---------------------------------------------------------------- actors


def _date(text: str, where: str, line: int) -> Date:
    try:
        if len(text) == 6:
            yy = int(text[:2])
            return Date(2000 + yy if yy < 30 else 1900 + yy, int(text[2:4]), int(text[4:6]))
        return Date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError as exc:
        raise _fail(where, line, f"bad date {text!r} in an actor code ({exc})") from exc


def parse_dated_code(text: str, where: str, line: int) -> DatedCode:
    """``HOB``, ``HOB < 950601``, ``HOBGOV 19950601 - 19990815``, ``HOBREB > 990816``."""
    m = _DATED.match(" ".join(text.split()))
    code = m.group("code").upper() if m else ""
    if not m or not _CODE_TEXT.match(code) or not re.search(r"[A-Z+#]|---", code):
        raise _fail(where, line, f"bad actor code [{text}]; expected [CODE], [CODE < YYMMDD], [CODE > YYMMDD] or [CODE YYMMDD - YYMMDD]")
    op, one, lo, hi = m.group("op"), m.group(3), m.group(4), m.group(5)
    if op == "<":
        return DatedCode(code, None, _date(one, where, line) - timedelta(days=1))
    if op == ">":
        return DatedCode(code, _date(one, where, line) + timedelta(days=1), None)
    if lo:
        start, end = _date(lo, where, line), _date(hi, where, line)
        if end < start:
            raise _fail(where, line, f"date range {lo}-{hi} ends before it starts")
        return DatedCode(code, start, end)
    return DatedCode(code)


def parse_actors(text: str, where: str = "actors", problems: Problems | None = None) -> tuple[ActorEntry, ...]:
    """Parse a PETRARCH/TABARI actors dictionary.

    Raises:
        DataFileError: a code line with no actor, an actor without a code, a bad code
            (with a non-strict ``problems``: noted, and the line or actor skipped).
    """
    problems = problems or Problems()
    entries: list[ActorEntry] = []
    state: dict = {"current": None}

    def close() -> None:
        current, state["current"] = state["current"], None
        if current is not None:
            if not current["codes"]:
                raise _fail(where, current["line"], f"actor {' '.join(current['names'][0])!r} has no [code]")
            entries.append(ActorEntry(tuple(current["names"]), tuple(current["codes"]), current["line"]))

    def line_of(n: int, s: str) -> None:
        outside, codes = _brackets(s, where, n)
        name = phrase(outside.lstrip().lstrip("+"))
        current = state["current"]
        if s.startswith("["):
            if current is None:
                raise _fail(where, n, "a code line comes before any actor name")
        elif s.startswith("+"):
            if current is None:
                raise _fail(where, n, "a '+' synonym comes before any actor name")
            if not name:
                raise _fail(where, n, "empty '+' synonym")
            current["names"].append(name)
        else:
            problems.guard(close)
            if not name:
                raise _fail(where, n, f"cannot read an actor name in {s[:40]!r}")
            current = state["current"] = {"names": [name], "codes": [], "line": n}
        current["codes"].extend(parse_dated_code(c, where, n) for c in codes)

    for n, line in enumerate(strip_comments(text, where), 1):
        s = line.strip()
        if s:
            problems.guard(line_of, n, s)
    problems.guard(close)
    return tuple(entries)


# ---------------------------------------------------------------- agents


def plural(words: Phrase) -> Phrase:
    """English plural of a phrase's last word (``OFFICIAL`` -> ``OFFICIALS``, ``AUTHORITY`` -> ``AUTHORITIES``)."""
    if not words:
        return words
    w = words[-1]
    if w.endswith("MAN"):
        p = w[:-3] + "MEN"
    elif len(w) > 1 and w.endswith("Y") and w[-2] not in "AEIOU":
        p = w[:-1] + "IES"
    elif w.endswith(("S", "X", "Z", "CH", "SH")):
        p = w + "ES"
    else:
        p = w + "S"
    return (*words[:-1], p)


def parse_agents(text: str, where: str = "agents", problems: Problems | None = None) -> tuple[AgentEntry, ...]:
    """Parse a PETRARCH agents dictionary.

    Raises:
        DataFileError: a bad ``!SET!`` line, an unknown substitution, a code without '~'
            (with a non-strict ``problems``: noted, and the line skipped).
    """
    problems = problems or Problems()
    subst: dict[str, list[str]] = {}
    entries: list[AgentEntry] = []
    for n, line in enumerate(strip_comments(text, where), 1):
        s = line.strip()
        if s:
            problems.guard(_agent_line, s, n, where, subst, entries)
    return tuple(entries)


def _agent_line(s: str, n: int, where: str, subst: dict[str, list[str]], entries: list[AgentEntry]) -> None:
    """One line of an agents file: a ``!SET!`` definition or an agent."""
    m = re.match(r"^!([A-Z0-9_]+)!\s*=\s*(.*)$", s, re.I)
    if m:
        words = [w.strip() for w in m.group(2).split(",") if w.strip()]
        if not words:
            raise _fail(where, n, f"substitution !{m.group(1)}! lists no words")
        subst[m.group(1).upper()] = words
        return
    plurals_text, s = _braces(s, "plurals", where, n)
    outside, codes = _brackets(s, where, n)
    if len(codes) != 1:
        raise _fail(where, n, "an agent needs exactly one [~CODE] or [CODE~]")
    code = "".join(codes[0].split()).upper()
    if code.count("~") != 1 or not (code.startswith("~") or code.endswith("~")) or not _CODE_TEXT.match(code.strip("~")):
        raise _fail(where, n, f"bad agent code [{codes[0]}]; expected [~XXX] or [XXX~]")
    names = [_substitute(outside.strip(), subst, where, n)]
    forms: list[Phrase] = []
    for variant in names[0]:
        forms.append(phrase(variant))
        if plurals_text is None:
            forms.append(plural(phrase(variant)))
    for extra in (plurals_text or "").split():
        forms.extend(phrase(v) for v in _substitute(extra.lstrip("+"), subst, where, n))
    forms = [f for f in dict.fromkeys(forms) if f]
    if not forms:
        raise _fail(where, n, f"cannot read an agent name in {s[:40]!r}")
    entries.append(AgentEntry(tuple(forms), code.strip("~"), code.endswith("~"), n))


def _substitute(text: str, subst: dict[str, list[str]], where: str, line: int) -> list[str]:
    """Expand ``!SET!`` markers: ``CONGRESS!PERSON!`` -> CONGRESSMAN, CONGRESSWOMAN, ..."""
    m = _SUBST.search(text.upper())
    if not m:
        return [text]
    if m.group(1) not in subst:
        raise _fail(where, line, f"substitution !{m.group(1)}! is not defined above this line")
    out: list[str] = []
    for word in subst[m.group(1)]:
        out.extend(_substitute(text[: m.start()] + word + text[m.end():], subst, where, line))
    return out


# ---------------------------------------------------------------- discards


def parse_discards(text: str, where: str = "discards", problems: Problems | None = None) -> tuple[Discard, ...]:
    """Parse a discards list: one phrase a line, ``+`` for story-level discards."""
    problems = problems or Problems()
    out: list[Discard] = []

    def line_of(n: int, s: str) -> None:
        words = phrase(s.lstrip("+").split(";")[0])
        if not words:
            raise _fail(where, n, "empty discard phrase")
        out.append(Discard(words, s.startswith("+"), n))

    for n, line in enumerate(strip_comments(text, where), 1):
        if line.strip():
            problems.guard(line_of, n, line.strip())
    return tuple(out)
