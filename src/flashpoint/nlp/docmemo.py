"""What several stages read off one parsed document, computed once per document.

spaCy rebuilds ``Doc.ents`` (a walk over every token) on each access, and
``Span.ents`` reads ``Doc.ents`` whole; the candidates, dates, places and the
back-off of one document asked for them hundreds of times (docs/PERFORMANCE.md,
"The coder"). The memo lives while one document is coded
(:func:`document_memo`, opened by ``pipeline.code_doc``), so a corpus that
repeats a text gains nothing from having seen it before: every new parse pays
once. Nothing here changes what the stages compute.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import namedtuple
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import repeat
from typing import Any

# id(doc) -> (doc, memo) for the documents being coded now. Not a weak mapping:
# a memo holds spans, which hold their document, so it would never let go.
_OPEN: dict[int, tuple[Any, dict[Any, Any]]] = {}


@contextmanager
def document_memo(doc) -> Iterator[None]:
    """Within the block, what the stages read off ``doc`` is read once; the memo
    is dropped when the block ends. Outside any block nothing is kept."""
    key = id(doc)
    if key in _OPEN:  # nested: the outer block owns the memo
        yield
        return
    _OPEN[key] = (doc, {})
    try:
        yield
    finally:
        _OPEN.pop(key, None)
        if _LAST[0] is doc:
            _LAST[0] = _LAST[1] = None


def memoized(doc, key: Any, compute: Callable[[], Any]) -> Any:
    """``compute()``, once per ``key`` while ``doc`` is in a :func:`document_memo` block."""
    entry = _OPEN.get(id(doc))
    if entry is None or entry[0] is not doc:
        return compute()
    memo = entry[1]
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def memo_of(doc) -> dict | None:
    """The memo of ``doc`` while it is in a :func:`document_memo` block, else None (for a caller
    that keeps its own keys there, as :func:`memoized` does, without making a function per question)."""
    entry = _OPEN.get(id(doc))
    return entry[1] if entry is not None and entry[0] is doc else None


def doc_ents(doc) -> tuple:
    """``doc.ents``, read once."""
    return memoized(doc, "ents", lambda: tuple(doc.ents))


def span_ents(span) -> list:
    """``span.ents`` (the entities wholly inside the span), from :func:`doc_ents`.

    The same walk as spaCy's ``Span.ents``, stopping at the first entity that
    starts inside the span and runs past its end; it starts at the first entity
    that starts inside the span (a bisection over the entities' starts, read once).
    """
    doc = span.doc
    ents = doc_ents(doc)
    if not ents:
        return []
    starts = memoized(doc, "ent_starts", lambda: [ent.start for ent in ents])
    out = []
    end = span.end
    for k in range(bisect_left(starts, span.start), len(ents)):
        ent = ents[k]
        if ent.end <= end:
            out.append(ent)
        else:
            break
    return out


def doc_sents(doc) -> list:
    """``list(doc.sents)``, read once (``Doc.sents`` walks the document on every call)."""
    return memoized(doc, "sents", lambda: list(doc.sents))


def doc_text(doc) -> str:
    """``doc.text``, read once (spaCy joins the tokens' text on every access)."""
    return memoized(doc, "text", lambda: doc.text)


_IOB = ("", "I", "O", "B")  # Token.ent_iob_ by Token.ent_iob


_WordFields = namedtuple("_WordFields", ("i", "doc", "table", "dep_", "lower_", "pos_", "tag_", "lemma_", "ent_type_",
                                         "ent_iob_", "text", "idx", "is_punct", "like_num", "whitespace_"))


class Word(_WordFields):
    """One word of a :class:`ParseTable`: what spaCy's ``Token`` gives, with the attributes
    candidate extraction reads most held as plain values (a ``Token`` looks each up in the
    string store on every read, and builds a new ``Token`` for every ``head`` or edge).

    The words' links (``head``, ``lefts``, ``rights``, ``children``, the edges, ``subtree``,
    ``conjuncts``) are the table's own words; any other attribute is the ``Token``'s
    (``sent``, ``nbor``, ``n_lefts``, ``vocab``, ...). Compare words by ``i``, as the extraction
    does (a word is a tuple underneath: made in one step, read without a function call).
    """

    __slots__ = ()

    @property
    def head(self) -> "Word":
        table = self.table
        return table.tokens[table.heads[self.i]]

    @property
    def lefts(self) -> Iterator["Word"]:
        tokens = self.table.tokens
        return iter([tokens[k] for k in self.table.lefts[self.i]])

    @property
    def rights(self) -> Iterator["Word"]:
        tokens = self.table.tokens
        return iter([tokens[k] for k in self.table.rights[self.i]])

    @property
    def children(self) -> Iterator["Word"]:
        return iter(self.table.children(self.i))

    @property
    def left_edge(self) -> "Word":
        table = self.table
        return table.tokens[table.left_edge[self.i]]

    @property
    def right_edge(self) -> "Word":
        table = self.table
        return table.tokens[table.right_edge[self.i]]

    @property
    def subtree(self) -> Iterator["Word"]:
        return iter(self.table.subtree(self.i))

    @property
    def conjuncts(self) -> tuple:
        """``Token.conjuncts``, spaCy's walk: up the "conj" arcs to the first conjunct, then
        down its right "conj" children, breadth first; without the word itself."""
        table = self.table
        tokens, heads, rights = table.tokens, table.heads, table.rights
        if self.doc.user_token_hooks:
            return tuple(tokens[t.i] for t in self.doc[self.i].conjuncts)
        start = self.i
        while heads[start] != start and tokens[start].dep_ == "conj":
            start = heads[start]
        queue = [start]
        for k in queue:
            queue.extend(j for j in rights[k] if tokens[j].dep_ == "conj")
        return tuple(tokens[k] for k in queue if k != self.i)

    def __getattr__(self, name: str) -> Any:  # the rest is the Token's
        return getattr(self.doc[self.i], name)

    def __len__(self) -> int:
        return len(self.text)

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text


# The string store's ids and their strings, for every document of the process: an id is the
# hash of its string (or a symbol's number), the same in every vocabulary. Bounded.
_NAMES: dict[int, str] = {}
_NAMES_LIMIT = 200_000


_SPACES = ("", " ")  # Token.whitespace_ by the SPACY column


def _words(doc, table: "ParseTable") -> list[Word]:
    """A :class:`Word` for every word of ``doc``, read off its arrays in one go (each column
    mapped in C: ``map`` over a dictionary's or tuple's ``__getitem__``, no Python call per word)."""
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, IDX, IS_PUNCT, LEMMA, LIKE_NUM, LOWER, ORTH, POS, SPACY, TAG

    n = len(doc)
    if not n:
        return []
    cols = doc.to_array([DEP, LOWER, POS, TAG, LEMMA, ENT_TYPE, ORTH, ENT_IOB, IDX, IS_PUNCT, LIKE_NUM, SPACY]).T.tolist()
    named = _NAMES
    name = named.__getitem__
    try:  # (most documents hold no string the process has not read before)
        strs = [list(map(name, col)) for col in cols[:7]]
    except KeyError:
        new_keys = set().union(*cols[:7]).difference(named)
        if len(named) > _NAMES_LIMIT:
            named.clear()
            new_keys = set().union(*cols[:7])
        strings = doc.vocab.strings
        named.update((key, strings[key] if key else "") for key in new_keys)
        strs = [list(map(name, col)) for col in cols[:7]]
    one = (1).__eq__  # (the flag columns hold 0 or 1)
    return list(map(tuple.__new__, repeat(Word), zip(
        range(n), repeat(doc), repeat(table), *strs[:6],
        map(_IOB.__getitem__, cols[7]), strs[6], cols[8], map(one, cols[9]), map(one, cols[10]),
        map(_SPACES.__getitem__, cols[11]),
    )))


class ParseTable:
    """A document's dependency tree read once off its head array: every word (a
    :class:`Word`), its children to the left and to the right, and its subtree's edges and size.

    spaCy walks ``Token.subtree`` with one generator per word and ``Token.children``
    by scanning the span of the word's subtree, building a Token per child on every
    walk; the candidates, dates and places walk the same phrases many times
    (docs/PERFORMANCE.md). The lists here are in spaCy's own orders: ``children`` the
    left children then the right ones, each in document order; ``subtree`` the left
    children's subtrees, the word, the right children's subtrees.
    """

    __slots__ = ("tokens", "heads", "lefts", "rights", "left_edge", "right_edge", "size", "in_order", "_kids")

    def __init__(self, doc) -> None:
        from spacy.attrs import HEAD

        n = len(doc)
        offsets = doc.to_array([HEAD]).astype("int64").tolist() if n else []  # relative, as uint64
        heads = [i + off for i, off in enumerate(offsets)]
        lefts: list[list[int]] = [[] for _ in range(n)]
        rights: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(heads):
            if h < i:
                rights[h].append(i)
            elif h > i:
                lefts[h].append(i)
        self.heads, self.lefts, self.rights = heads, lefts, rights
        left_edge, right_edge, size = list(range(n)), list(range(n)), [1] * n
        # in_order[i]: spaCy's walk of i's subtree is in document order, with no gap (a slice)
        in_order = [True] * n
        for i in self._bottom_up(heads):  # every child before its head
            if lefts[i] or rights[i]:
                last = -1
                ok = True
                for k in lefts[i]:
                    ok = ok and in_order[k] and left_edge[k] > last
                    last = right_edge[k]
                ok = ok and i > last
                last = i
                for k in rights[i]:
                    ok = ok and in_order[k] and left_edge[k] > last
                    last = right_edge[k]
                in_order[i] = ok and size[i] == right_edge[i] - left_edge[i] + 1
            h = heads[i]
            if h != i:
                size[h] += size[i]
                if left_edge[i] < left_edge[h]:
                    left_edge[h] = left_edge[i]
                if right_edge[i] > right_edge[h]:
                    right_edge[h] = right_edge[i]
        self.left_edge, self.right_edge, self.size, self.in_order = left_edge, right_edge, size, in_order
        self._kids: dict[int, tuple] = {}
        self.tokens: list[Word] = _words(doc, self)

    def _bottom_up(self, heads: list[int]) -> list[int]:
        order: list[int] = []
        stack = [i for i, h in enumerate(heads) if h == i]
        while stack:
            i = stack.pop()
            order.append(i)
            stack.extend(self.lefts[i])
            stack.extend(self.rights[i])
        order.reverse()  # a head was put before its children: reversed, every child comes first
        return order

    def children(self, i: int) -> tuple:
        """``tuple(doc[i].children)``."""
        kids = self._kids.get(i)
        if kids is None:
            tokens = self.tokens
            kids = self._kids[i] = tuple(map(tokens.__getitem__, self.lefts[i] + self.rights[i]))
        return kids

    def subtree(self, i: int) -> list:
        """``list(doc[i].subtree)``: a slice of the document where spaCy's walk is one."""
        if self.in_order[i]:
            return self.tokens[self.left_edge[i] : self.right_edge[i] + 1]
        order: list[int] = []
        lefts, rights = self.lefts, self.rights

        def walk(k: int) -> None:
            for j in lefts[k]:
                walk(j)
            order.append(k)
            for j in rights[k]:
                walk(j)

        walk(i)
        tokens = self.tokens
        return [tokens[k] for k in order]


# The document whose table was asked for last, and the table: most questions in a row are
# about one document (emptied when its block ends, so that no document is kept alive).
_LAST: list = [None, None]


def parse_table(doc) -> ParseTable | None:
    """``doc``'s :class:`ParseTable`, made once while ``doc`` is in a :func:`document_memo`
    block; None outside any block (the caller then reads the Tokens as spaCy gives them)."""
    if _LAST[0] is doc:
        return _LAST[1]
    entry = _OPEN.get(id(doc))
    if entry is None or entry[0] is not doc:
        return None
    memo = entry[1]
    table = memo.get(ParseTable)
    if table is None:
        table = memo[ParseTable] = ParseTable(doc)
    _LAST[0], _LAST[1] = doc, table
    return table


def subtree(tok) -> list:
    """``list(tok.subtree)``, off the document's :class:`ParseTable` when it has one."""
    if type(tok) is Word:
        return tok.table.subtree(tok.i)
    doc = tok.doc
    table = _LAST[1] if _LAST[0] is doc else parse_table(doc)
    return list(tok.subtree) if table is None else table.subtree(tok.i)


def children(tok) -> tuple:
    """``tuple(tok.children)``, off the document's :class:`ParseTable` when it has one."""
    if type(tok) is Word:  # (the table's kept tuple read here: no second call when it is made)
        table = tok.table
        kids = table._kids.get(tok.i)
        return kids if kids is not None else table.children(tok.i)
    doc = tok.doc
    table = _LAST[1] if _LAST[0] is doc else parse_table(doc)
    if table is None:
        return tuple(tok.children)
    i = tok.i
    kids = table._kids.get(i)
    return kids if kids is not None else table.children(i)
