"""Killings by the police and security forces in the words of South Asian news.

Every sentence was written for these tests. Each pattern of the killing family in
``19.yaml`` and ``18.yaml`` (deaths in firing, exchanges of fire, custodial deaths,
armed men killed with no one named) gets sentences that reach it, and deaths that
are no killing by the police (a blaze, a road accident) stay apart from them.
"""

from __future__ import annotations

import pytest

from flashpoint.config import Settings
from flashpoint.pipeline import code_text

pytestmark = pytest.mark.slow


def coded(text: str):
    return code_text(text, date="2002-03-05", doc_id="k", settings=Settings(open_actors=True))


def police_acts(text: str) -> set[tuple[str, str]]:
    """(CAMEO code, rule) of every event the police or security forces do."""
    return {(e.cameo, e.rule) for e in coded(text) if e.source is not None and e.source.sector == "POL"}


@pytest.mark.parametrize("text, rule", [
    # "in which": the force the relative clause hangs on, also when the parser hangs it
    # on the last noun of the phrase or reads "firing" as a participle on "police"
    ("An inquiry was ordered into the police firing in which three villagers were killed.", None),
    ("The officer had ordered firing at the crowd in which two persons died.", "verb:die-in-firing"),
    ("The district officer ordered firing at the mob in which two persons were killed.", "verb:kill-passive"),
    ("The lathicharge in which a student was killed has been condemned.", "verb:kill-passive"),
    # an exchange of fire, cross-firing
    ("A looter was killed in the exchange that followed.", "verb:kill-passive"),
    ("A farmer was killed in cross-firing between the police and the gang.", None),
    ("Two youths died in the exchange near the bus stand.", "verb:die-in-firing"),
    # "fire" is force when a force names it
    ("Two looters were killed in police fire on Tuesday night.", None),
    ("A smuggler died in retaliatory fire at the border post.", "verb:die-in-force-fire"),
    # staged encounters
    ("The family says their son was killed in a fake encounter.", "verb:kill-fake-encounter"),
    # armed men killed with no one named: the security forces did it
    ("Two militants were shot dead near the temple on Sunday.", "verb:kill-armed-men"),
    ("Three terrorists were killed in the forest.", "verb:kill-armed-men"),
    ("Two dacoits were gunned down on the highway.", "verb:gun-down-armed-men"),
    ("A militant killed near the canal as his companions escaped.", "verb:kill-armed-men"),
    # wounds from the force, named in the phrase
    ("The youth died of bullet injuries sustained in police firing.", "verb:die-of-firing-wounds"),
    ("The injured man succumbed to wounds he received in the police lathicharge.", "verb:die-of-firing-wounds"),
    # custody
    ("A man died in police custody after his arrest.", "verb:die-in-custody"),
    ("The family blamed the custodial death of the youth on the station officer.", "noun:n-custodial-death"),
    # a headline gerund with its doer as a compound
    ("Two persons dead in police firing.", None),
    # the force phrase on the conjunct: "killed and five injured in police firing"
    ("Four persons were killed and five injured in police firing on Tuesday.", None),
    ("Five killed, 12 hurt in police firing.", None),
    # the victims as the head of a relative clause; a gerund read as a participle
    ("The police named the three gangsters who were shot dead on the highway.", "verb:kill-armed-men"),
    ("The twelve that succumbed to the police firing were buried on Friday.", "verb:succumb-to-firing"),
])
def test_a_killing_by_the_police(text, rule):
    acts = police_acts(text)
    assert any(code[:2] in ("18", "19", "20") or code == "175" for code, _ in acts), acts
    if rule is not None:
        assert any(r == rule for _, r in acts), acts


@pytest.mark.parametrize("text", [
    # a blaze is no firing, a mob no police
    "He died of burn injuries sustained in the fire.",
    "A woman died of injuries sustained in a mob attack.",
    "Five people were killed in a fire at a factory.",
    "Three workers died in a fire in the market.",
    "Two policemen were killed in a fire at the station.",
    "Two persons were killed and three injured in a road accident.",
    # a headline that drops "were": the policemen are the victims, not the killers
    "Two policemen killed in road accident.",
    "Three constables and two porters killed near the depot.",
    # a bare encounter is left to its "with" phrase
    "The smuggler was killed in an encounter last year.",
    # armed men who kill are the doers, not the victims
    "Militants killed two villagers in the night.",
])
def test_not_a_killing_by_the_police(text):
    acts = police_acts(text)
    assert not any(code[:2] in ("18", "19", "20") for code, _ in acts), acts


def test_a_headline_passive_takes_no_victim_for_source():
    events = coded("Three policemen injured in stone pelting.")
    assert events and all(e.source is None or e.source.sector != "POL" for e in events), events
