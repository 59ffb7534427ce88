"""Names that tell a civil-society organisation: "the Sahel Rights Observatory",
"Fundación Caminos", "the Sudan Peace Coalition".

An organisation the knowledge base does not know is still an actor (issue 9); its
sector then comes from the words of its own name, as a reader takes it. Some name
words say civil society by themselves (observatory, foundation, watch, rights,
association, institute, ...); others name a kind of body that may be anything
(coalition, alliance, council, centre, forum, committee, ...) and say civil society
only beside a cause word (rights, peace, liberties, humanitarian, ...): "the
Coalition for Peace" is a campaign, "the coalition" alone a military one, "the
National Security Council" a government's. A name that also holds a word of an
armed group, a party or a state body (army, forces, front, brigade, party,
ministry, police, ...) is not told civil by these words.

Only capitalised words count: they belong to a proper name, not to a description
("a rights coalition" is the knowledge base's own alias).
"""

from __future__ import annotations

from .text import fold

# Words that name a civil-society body on their own.
CIVIL_WORDS = frozenset({
    "observatory", "observatorio", "observatoire", "foundation", "foundations", "fundacion", "fondation", "fundacao",
    "stiftung", "fondazione", "watch", "rights", "monitor", "association", "asociacion", "associacao", "associazione",
    "institute", "instituto", "institut", "ngo", "charity", "trust", "network", "society", "initiative",
    "caritas", "relief", "advocates",
})
# Words of a kind of body that may be anything; civil beside a cause word.
BODY_WORDS = frozenset({
    "coalition", "alliance", "council", "centre", "center", "centro", "forum", "committee", "comite", "union",
    "league", "platform", "collective", "campaign", "group", "commission", "coordination", "federation",
    "organisation", "organization", "organizacion", "consortium", "board", "agency",
})
# Causes a civil body is named for.
CAUSE_WORDS = frozenset({
    "rights", "liberties", "liberty", "peace", "humanitarian", "freedom", "freedoms", "transparency", "accountability",
    "solidarity", "victims", "refugees", "migrants", "press", "journalists", "environment",
    "environmental", "climate", "dialogue", "reconciliation", "truth", "memory", "women", "children",
    "derechos", "paz", "droits", "paix", "citizens", "civil", "disarmament", "relief", "aid",
})
# Words that make a name an armed group's, a party's or a state body's, whatever else it says.
NOT_CIVIL_WORDS = frozenset({
    "army", "armed", "forces", "force", "front", "brigade", "brigades", "battalion", "militia", "militias", "liberation",
    "jihad", "mujahideen", "guard", "guards", "party", "ministry", "ministerio", "police", "military", "command",
    "government", "cabinet", "parliament", "assembly", "senate", "court", "tribunal", "bank", "corporation", "company",
    "airways", "airlines", "university", "school", "security", "defence", "defense", "intelligence", "sovereignty",
})
# Words that make an institute, council or commission a state's own.
STATE_WORDS = frozenset({"national", "state", "federal", "presidential", "supreme", "royal", "ministerial"})


def civil_name(text: str) -> bool:
    """Whether a name tells a civil-society organisation by its own words.

    >>> civil_name("the Sahel Rights Observatory"), civil_name("the Sudan Peace Coalition")
    (True, True)
    >>> civil_name("the coalition"), civil_name("the National Security Council")
    (False, False)
    """
    capitalised = [fold(w).strip(".,;:'\"()").lower().removesuffix("'s") for w in text.split() if w[:1].isupper()]
    words = set(capitalised)
    if not words or words & NOT_CIVIL_WORDS:
        return False
    cause = bool(words & CAUSE_WORDS)
    civil = words & CIVIL_WORDS
    if civil - {"institute", "instituto", "institut", "network", "society", "trust", "initiative", "monitor"}:
        return True  # "Observatory", "Foundation", "Watch", "Rights", "Association"
    if civil:
        # "the Institute for the Study of War" is a think tank, the "National Statistics Institute" a state's
        return cause or not words & STATE_WORDS
    return bool(words & BODY_WORDS) and cause
