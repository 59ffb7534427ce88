"""The stock pipeline's attribute ruler and rule lemmatizer, their answers kept in tables.

Both components of ``en_core_web_sm`` give each word what a pure function of a few of
its attributes gives, and they spend most of their time asking again for words seen
before (about 12% and 3% of the parse; docs/PERFORMANCE.md, "The coder", twenty-first
session):

- the attribute ruler runs a ``Matcher`` of 179 patterns over every word. All but a
  handful are one-word patterns that read only the word's TAG, LOWER, DEP and IS_SPACE;
  for them the matching rules are worked out once per distinct combination of the
  values they mention (every other LOWER or DEP value behaves alike) and kept. The
  patterns of two words or with a regular expression are left to a ``Matcher`` of
  their own. What is set, and in which order, is the ruler's own: the matched
  patterns' attributes applied in the order of the patterns, later ones winning.
- the rule lemmatizer's answer depends on the word's text, part of speech and
  morphology only (spaCy keys its own cache on the same three); the answer is kept
  per three and written back in one step, for the words that have no lemma yet.

The components stay the model's own objects (patterns, tables, configuration and
serialisation unchanged); only how they are called differs. Their output is the same
word for word, checked against the stock pipeline by tests/nlp/test_tables.py.
"""

from __future__ import annotations

import re
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler

# What the tables read of a word, and what the ruler may set on it.
_READ = ("TAG", "LOWER", "DEP", "IS_SPACE")
_SET = (POS, TAG, MORPH, LEMMA, DEP)
_OTHER = -1  # any value no one-word pattern names: such values all match alike
_MAX_KEPT = 500_000  # bound on the kept answers (emptied when full)


def _one_word(pattern_list: list) -> bool:
    """Whether a pattern's alternatives are each one word whose conditions the table can read."""
    for alt in pattern_list:
        if len(alt) != 1:
            return False
        for attr, cond in alt[0].items():
            if attr not in _READ:
                return False
            if isinstance(cond, dict):
                if set(cond) - {"IN", "NOT_IN"} or not all(isinstance(v, str) for vs in cond.values() for v in vs):
                    return False
            elif not isinstance(cond, (str, bool)):
                return False
            if attr == "IS_SPACE" and not isinstance(cond, bool):
                return False
    return True


def _holds(cond: Any, value: Any) -> bool:
    if isinstance(cond, dict):
        if "IN" in cond and value not in cond["IN"]:
            return False
        return not ("NOT_IN" in cond and value in cond["NOT_IN"])
    return value == cond


def _may_hold(cond: Any, value: Any) -> bool:
    """Whether ``cond`` may hold for ``value``: False only when it surely fails (an operator
    not read here may hold)."""
    if not isinstance(cond, dict):
        return value == cond
    for op, arg in cond.items():
        if op == "IN" and value not in arg or op == "NOT_IN" and value in arg:
            return False
        if op == "REGEX" and isinstance(value, str) and not re.search(arg, value):
            return False
    return True


class TableAttributeRuler(AttributeRuler):
    """The attribute ruler with its one-word patterns answered from a table (see above)."""

    def clear(self) -> None:
        super().clear()
        self.__dict__.pop("_simple", None)  # prepared again on the next call

    def add(self, *args, **kwargs) -> None:
        super().add(*args, **kwargs)
        self.__dict__.pop("_simple", None)

    def _prepare(self) -> None:
        strings = self.vocab.strings
        simple: list[tuple[int, list[dict]]] = []
        rest = Matcher(self.vocab)
        starts: list[dict] = []
        fixed = True
        longest = 1
        named: dict[str, set[str]] = {"TAG": set(), "LOWER": set(), "DEP": set()}
        for attr_id, pat in enumerate(self.patterns):
            pats = pat["patterns"]
            if _one_word(pats) and self.indices[attr_id] == 0:
                simple.append((attr_id, [alt[0] for alt in pats]))
                for alt in pats:
                    for attr, cond in alt[0].items():
                        if attr in named:
                            values = [v for vs in cond.values() for v in vs] if isinstance(cond, dict) else [cond]
                            named[attr].update(values)
            else:
                rest.add(str(attr_id), pats)
                starts.extend(alt[0] for alt in pats)
                fixed = fixed and all("OP" not in spec for alt in pats for spec in alt)
                longest = max([longest, *(len(alt) for alt in pats)])
        self._simple = simple
        self._rest = rest if len(rest) else None
        # Patterns of a fixed length are matched only where a word may start one: on the few
        # words of the document that may, over as many words as the longest pattern holds.
        self._starts = starts if fixed else None
        self._longest = longest
        # the hashes of the named values, each read back as its string; any other value is _OTHER
        self._named = {attr: {strings.add(v) if v else 0: v for v in values} for attr, values in named.items()}
        self._kept: dict[tuple, tuple[tuple[int, ...], tuple, bool]] = {}
        self._alike: dict[tuple, tuple[tuple[int, ...], tuple]] = {}
        self._folded: dict[tuple[int, ...], tuple] = {}
        self._starts_by_lower: dict[int, list[dict]] = {}

    def _fold(self, attr_ids: tuple[int, ...]) -> tuple:
        """What the patterns ``attr_ids`` (in order) set: a value or None for each of _SET."""
        got = self._folded.get(attr_ids)
        if got is None:
            merged: dict[int, int] = {}
            for attr_id in attr_ids:
                merged.update(self.attrs[attr_id])
            unknown = set(merged) - set(_SET)
            if unknown:
                raise ValueError(f"attribute ruler sets attributes the table does not carry: {unknown}")
            got = self._folded[attr_ids] = tuple(merged.get(a) for a in _SET)
        return got

    def _word(self, key: tuple) -> tuple[tuple[int, ...], tuple, bool]:
        """For a word of ``key`` (TAG, LOWER, DEP, IS_SPACE): the one-word patterns that match it
        (in order), what they set (:meth:`_fold`), and whether it may start a pattern left to
        the ``Matcher`` (False only where a condition of each such pattern's first word fails)."""
        got = self._kept.get(key)
        if got is None:
            tag, lower, dep, space = key
            named = self._named
            word = (named["TAG"].get(tag, _OTHER), named["LOWER"].get(lower, _OTHER),
                    named["DEP"].get(dep, _OTHER), bool(space))
            matched = self._alike.get(word)  # every value no one-word pattern names matches alike
            if matched is None:
                values = dict(zip(_READ, word))
                ids = tuple(attr_id for attr_id, alts in self._simple
                            if any(all(_holds(cond, values[attr]) for attr, cond in alt.items()) for alt in alts))
                matched = self._alike[word] = (ids, self._fold(ids))
            starts = self._rest is not None
            if starts and self._starts is not None:
                strings = self.vocab.strings
                # the first words whose LOWER condition (if any) may hold, kept per lower form
                specs = self._starts_by_lower.get(lower)
                if specs is None:
                    low = strings[lower]
                    specs = self._starts_by_lower[lower] = [
                        spec for spec in self._starts if "LOWER" not in spec or _may_hold(spec["LOWER"], low)]
                text = {"TAG": strings[tag], "DEP": strings[dep], "IS_SPACE": bool(space)}
                starts = any(all(_may_hold(cond, text[attr]) if attr in text else True
                                 for attr, cond in spec.items() if attr != "LOWER") for spec in specs)
            if len(self._kept) >= _MAX_KEPT:
                self._kept.clear()
                self._starts_by_lower.clear()
            got = self._kept[key] = (*matched, starts)
        return got

    def _rest_matches(self, doc, words: list) -> dict[int, list[int]]:
        """The patterns left to the ``Matcher``: the word each match sets -> the patterns, in order."""
        if self._rest is None:
            return {}
        if self._starts is None:
            found = self._rest(doc, allow_missing=True)
        else:
            found = []
            longest = self._longest
            for i, word in enumerate(words):
                if word[2]:
                    found.extend((match_id, i, i + end) for match_id, start, end
                                 in self._rest(doc[i:i + longest], allow_missing=True) if start == 0)
        extra: dict[int, list[int]] = {}
        strings = self.vocab.strings
        for match_id, start, end in found:
            attr_id = int(strings[match_id])
            index = self.indices[attr_id]
            extra.setdefault(start + index if index >= 0 else end + index, []).append(attr_id)
        return extra

    def __call__(self, doc):
        if not hasattr(self, "_simple"):
            self._prepare()
        if not len(doc):
            return doc
        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE, POS, MORPH, LEMMA]).tolist()
        kept = self._kept
        words = [kept.get(key) or self._word(key) for key in [(r[0], r[1], r[2], r[3]) for r in rows]]
        extra = self._rest_matches(doc, words)
        out = []
        for i, ((tag, _lower, dep, _space, pos, morph, lemma), (ids, setting, _)) in enumerate(zip(rows, words)):
            if i in extra:
                setting = self._fold(tuple(sorted(ids + tuple(extra[i]))))
            new_pos, new_tag, new_morph, new_lemma, new_dep = setting
            out.append((pos if new_pos is None else new_pos, tag if new_tag is None else new_tag,
                        morph if new_morph is None else new_morph, lemma if new_lemma is None else new_lemma,
                        dep if new_dep is None else new_dep))
        doc.from_array(list(_SET), numpy.array(out, dtype=numpy.uint64))
        return doc


class _Index(list):
    """A list of words whose membership test is a set's: the rule lemmatizer asks ``form in
    index`` of its lemma index, a list of up to 57,528 nouns scanned word by word (about 50 us a
    new word). Everything else about the list is the list's."""

    __slots__ = ("_words",)

    def __init__(self, words) -> None:
        super().__init__(words)
        self._words = frozenset(self)

    def __contains__(self, word) -> bool:
        return word in self._words


class TableLemmatizer(EnglishLemmatizer):
    """The English rule lemmatizer with its answers kept per (text, part of speech, morphology),
    and its lemma index read as a set."""

    def initialize(self, *args, **kwargs) -> None:
        super().initialize(*args, **kwargs)
        self._forget()  # the tables may have changed

    def from_disk(self, *args, **kwargs):
        self._forget()
        return super().from_disk(*args, **kwargs)

    def from_bytes(self, *args, **kwargs):
        self._forget()
        return super().from_bytes(*args, **kwargs)

    def _forget(self) -> None:
        self.__dict__.pop("_kept", None)
        self.__dict__.pop("_indexed", None)

    def _index_as_sets(self) -> None:
        if "lemma_index" in self.lookups.tables:
            table = self.lookups.get_table("lemma_index")
            for key, words in list(table.items()):
                if type(words) is list and all(type(w) is str for w in words):
                    table[key] = _Index(words)
        self._indexed = True

    def __call__(self, doc):
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        if not len(doc):
            return doc
        if not self.__dict__.get("_indexed"):
            self._index_as_sets()
        kept = self.__dict__.setdefault("_kept", {})
        overwrite = self.overwrite
        out = []
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
            if overwrite or lemma == 0:
                key = (orth, pos, morph)
                got = kept.get(key)
                if got is None:
                    if len(kept) >= _MAX_KEPT:
                        kept.clear()
                    got = kept[key] = self.vocab.strings.add(self.lemmatize(doc[i])[0])
                out.append(got)
                changed = True
            else:
                out.append(lemma)
        if changed:
            doc.from_array([LEMMA], numpy.array(out, dtype=numpy.uint64))
        return doc


def use_tables(nlp) -> None:
    """Answer the stock attribute ruler and rule lemmatizer of ``nlp`` from tables (same output)."""
    for name, stock, fast in (("attribute_ruler", AttributeRuler, TableAttributeRuler),
                              ("lemmatizer", EnglishLemmatizer, TableLemmatizer)):
        if name in nlp.component_names:
            pipe = nlp.get_pipe(name)
            if type(pipe) is stock and (stock is not AttributeRuler or all(set(a) <= set(_SET) for a in pipe.attrs)):
                pipe.__class__ = fast
