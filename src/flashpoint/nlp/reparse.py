"""A second parse for headlines and captions the small model reads as noun phrases.

"Niger junta orders French ambassador out" and "Xi Jinping talks with Lula
during a meeting in Beijing" have no verb in the small model's parse: "orders"
and "talks" are read as plural nouns. An adverb before the word settles it
("Niger junta *now* orders ..."), so such a sentence is parsed once more with
"now " inserted, and its candidates are taken from that parse with every
character offset mapped back to the original text. Only verb-less sentences
holding a word that could be a trigger verb are parsed again, so ordinary prose
costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.symbols import VERB

from .docmemo import doc_sents
from .extract import _word_arrays

HINT = "now "  # an adverb that makes the next word a verb for the parser
# Words after which the next word is no verb ("of", "the") and so never gets the hint.
NO_VERB_AFTER = {"DET", "ADP", "CCONJ", "SCONJ", "PART", "PUNCT", "NUM", "PRON", "AUX", "VERB"}


@dataclass(frozen=True)
class Variant:
    """A sentence parsed again with :data:`HINT` inserted at ``insert_at`` (a
    character offset within the sentence, whose text starts at ``start`` in the
    original document and is ``length`` characters long)."""

    doc: object  # the spaCy Doc of the variant sentence
    start: int
    insert_at: int
    length: int
    # when blank runs were squeezed to one space: each variant offset's offset in the sentence
    squeezed: tuple[int, ...] = ()

    def char(self, offset: int) -> int:
        """A character offset in the variant as an offset in the original document."""
        if self.squeezed:
            return self.start + self.squeezed[min(offset, len(self.squeezed) - 1)]
        if offset >= self.insert_at + len(HINT):
            offset -= len(HINT)
        elif offset > self.insert_at:
            offset = self.insert_at
        return self.start + offset


def _verb_forms(word: str) -> tuple[str, ...]:
    """The lemmas a present-tense verb form could have: "orders" -> order, "accuses" -> accuse."""
    low = word.lower()
    forms = [low]
    if low.endswith("ies"):
        forms.append(low[:-3] + "y")
    if low.endswith("es"):
        forms.append(low[:-2])
    if low.endswith("s"):
        forms.append(low[:-1])
    return tuple(forms)


def doc_prev(tok):
    """The token before ``tok`` in its document."""
    return tok.doc[tok.i - 1]


def _past_forms(tok) -> tuple[str, ...]:
    """The lemmas a past form could have: "hosted" -> host, "received" -> receive (and the
    tagger's own lemma when it read the word as a verb)."""
    low = tok.lower_
    forms = [tok.lemma_.lower()] if tok.pos_ == "VERB" and tok.tag_ == "VBD" else []
    if low.endswith("ed"):
        forms += [low[:-2], low[:-1]]
        if len(low) > 4 and low[-3] == low[-4]:
            forms.append(low[:-3])  # "slammed" -> slam
        if low.endswith("ied"):
            forms.append(low[:-3] + "y")
    return tuple(forms)


def hint_position(sent, verb_lemmas: frozenset[str]) -> int | None:
    """Where to insert the hint in a verb-less sentence (a character offset within
    it), before the first word that could be a trigger verb and follows a name or
    noun ("Niger junta *orders*"), or before a past trigger verb read as part of a
    name in a sentence whose root is a name; None when the parse has a verb."""
    root = sent.root  # (spaCy finds it by a walk over the sentence on every read)
    named_root = root.pos_ in ("NOUN", "PROPN")
    if named_root:
        toks = list(sent)
        # "Ramaphosa hosted Zambia's Hichilema", "Hungary's Orban hosted Slovak PM Fico": a
        # past verb after a name read as part of one long name, the sentence's root a name
        for prev, tok in zip(toks, toks[1:]):
            if (tok.dep_ in ("compound", "amod", "nmod") and tok.pos_ in ("VERB", "ADJ")
                    and prev.text[:1].isupper() and prev.pos_ in ("PROPN", "ADJ")
                    and any(f in verb_lemmas for f in _past_forms(tok))):
                return tok.idx - sent.start_char
    if root.pos_ == "AUX":
        return None
    # "Kenya and Ethiopia *sign* deal on trade": the trigger read as a noun before a noun read
    # as the headline's verb, right after the names that act
    if root.pos_ == "VERB" and root.i > sent.start + 1 and root.lemma_.lower() not in verb_lemmas:
        prev = doc_prev(root)
        # ("Macron *hosts* Modi at the Elysee": the name after it read as the verb, the trigger as its subject)
        if ((prev.dep_ == "compound" or prev.dep_ == "nsubj" and root.ent_type_) and prev.pos_ == "NOUN" and not prev.ent_type_
                and (doc_prev(prev).pos_ == "PROPN" or doc_prev(prev).ent_type_ == "PERSON")
                and any(f in verb_lemmas for f in _verb_forms(prev.text))):
            return prev.idx - sent.start_char
    # (off the document's part-of-speech array: a Token per word otherwise, for every sentence)
    if VERB in _word_arrays(sent.doc)[0][sent.start : sent.end]:
        # a headline whose root is a plural noun after a name, with only a participle beside
        # it, is still verb-less at its head ("Chad *expels* German ambassador, citing disrespect")
        if not (named_root and root.tag_ == "NNS" and root.i > sent.start and not root.ent_type_
                and doc_prev(root).pos_ in ("PROPN", "NOUN") and doc_prev(root).text[:1].isupper()
                and all(t.tag_ in ("VBG", "VBN") and t.dep_ in ("advcl", "acl") for t in sent if t.pos_ == "VERB")
                and any(f in verb_lemmas for f in _verb_forms(root.text))):
            return None
        return root.idx - sent.start_char
    toks = list(sent)
    for prev, tok in zip(toks, toks[1:]):
        if tok.pos_ not in ("NOUN", "PROPN") or prev.pos_ in NO_VERB_AFTER or tok.ent_type_:
            continue
        if any(f in verb_lemmas for f in _verb_forms(tok.text)):
            return tok.idx - sent.start_char
    return None


# Short words a Title Case headline may or may not capitalise ("Talks *On* Trade", "Talks on Trade").
SMALL_WORDS = frozenset({"a", "an", "the", "and", "or", "but", "nor", "for", "to", "of", "in", "on", "at", "by",
                         "with", "from", "into", "over", "near", "after", "amid", "as", "against", "about", "off",
                         "out", "up", "down", "via", "per", "its", "his", "her", "their", "new", "more"})


def title_case_text(sent, verb_lemmas: frozenset[str]) -> str | None:
    """A Title Case headline ("Kenya Hosts Somali President For Border Talks") with its
    small words and the words that could be trigger verbs written in lower case, the
    same length as the original; None for a sentence that is not in Title Case. The
    small model reads a capitalised verb as part of a name ("Kenya Hosts Somali"), so
    such a headline has no verb; names and other words keep their capitals."""
    words, content = [], 0
    for t in sent:  # (every sentence passes here: prose leaves at its first lower-case word)
        if t.is_alpha:
            small = t.lower_ in SMALL_WORDS
            if not small and t.text[:1].islower():
                return None
            words.append(t)
            content += not small
    if len(words) < 4 or content < 3:
        return None
    chars = list(sent.text)
    changed = False
    for tok in words[1:]:
        if not tok.text[:1].isupper() or tok.text.isupper():
            continue
        if tok.lower_ in SMALL_WORDS or any(f in verb_lemmas for f in (*_verb_forms(tok.text), *_past_forms(tok))):
            at = tok.idx - sent.start_char
            chars[at] = chars[at].lower()
            changed = True
    return "".join(chars) if changed else None


def _title_case_variant(nlp, sent, text: str, verb_lemmas: frozenset[str]) -> Variant:
    """The variant of a Title Case headline: parsed in lower case, with the hint when even
    that parse has no verb."""
    vdoc = nlp(text)
    first = next(iter(vdoc.sents), None)
    at = hint_position(first, verb_lemmas) if first is not None and first.end == len(vdoc) else None
    if at is None:
        return Variant(vdoc, sent.start_char, len(text), len(text))
    return Variant(nlp(text[:at] + HINT + text[at:]), sent.start_char, at, len(text))


def reparse(nlp, doc, verb_lemmas: frozenset[str]) -> dict[int, Variant]:
    """Variants for the verb-less sentences of ``doc`` that may hide a verb, and for its
    Title Case headlines, by sentence index."""
    out: dict[int, Variant] = {}
    for s_i, sent in enumerate(doc_sents(doc)):
        lowered = title_case_text(sent, verb_lemmas) if "  " not in sent.text else None
        if lowered is not None:
            out[s_i] = _title_case_variant(nlp, sent, lowered, verb_lemmas)
            continue
        at = hint_position(sent, verb_lemmas)
        if at is None:
            continue
        text = sent.text
        hinted = text[:at] + HINT + text[at:]
        if "  " not in hinted:
            out[s_i] = Variant(nlp(hinted), sent.start_char, at, len(text))
            continue
        # A caption's blanked marks ("Faye (R) talks with ...") leave a blank run the parser reads as a
        # word of its own, which keeps "talks" a noun: the second parse reads the run as one space.
        where = [*range(at), *[at] * len(HINT), *range(at, len(text) + 1)]
        keep = [i for i in range(len(hinted)) if not (hinted[i] == " " and i and hinted[i - 1] == " ")]
        squeezed = (*(where[i] for i in keep), len(text))
        out[s_i] = Variant(nlp("".join(hinted[i] for i in keep)), sent.start_char, at, len(text), squeezed)
    return out
