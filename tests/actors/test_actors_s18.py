"""Knowledge-base data and rules of session 18 (issue 9): newspapers and agencies by
their names, armed men of a community, Sudan's army chief. Every phrase here was
written for this project."""

from __future__ import annotations

import pytest

from flashpoint.actors import KnowledgeBase


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def code(kb, text, context=None, when="2025-06-01"):
    res = kb.resolve(text, when, context)
    return None if res is None else res.actor.code


# -- a newspaper is its country's media, never its government ------------------------------
@pytest.mark.parametrize("text, expected", [
    ("The Jerusalem Post", "ISRMED"),
    ("a Jerusalem Post columnist", "ISRMED"),
    ("Haaretz", "ISRMED"),
    ("the Israeli daily Haaretz", "ISRMED"),
    ("The Straits Times", "SGPMED"),
    ("The Korea Herald", "KORMED"),
    ("The Globe and Mail", "CANMED"),
    ("Le Monde", "FRAMED"),
    ("The Sydney Morning Herald", "AUSMED"),
    ("Der Spiegel", "DEUMED"),
    ("Nigeria's Premium Times", "NGAMED"),
    ("the Asahi Shimbun", "JPNMED"),
])
def test_outlets_are_media(kb, text, expected):
    assert code(kb, text) == expected


# -- armed men of a community are rebels of its country -----------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Karen rebels", "MMRREB"),            # the KNLA: a prefix, its own letters follow
    ("Karen insurgents", "MMRREB"),
    ("Kachin fighters", "MMRREB"),
    ("Kuki militants", "INDREB"),
    ("Kuki gunmen", "IND"),
    ("Papuan separatists", "IDNREB"),
    ("Moro guerrillas", "PHLREB"),
    ("Anglophone separatists", "CMRREB"),
    ("Anglophone fighters", "CMRREB"),
])
def test_armed_men_of_a_community(kb, text, expected):
    assert (code(kb, text) or "").startswith(expected)


def test_civilians_of_a_community_stay_civilians(kb):
    assert code(kb, "Kachin villagers").startswith("MMRCVL")   # MMRCVLKAC since session 20
    assert code(kb, "ethnic Karen").startswith("MMRCVL")
    assert code(kb, "anglophone Quebecers") != "CMRCVL"   # lower case: not Cameroon's minority
    assert code(kb, "Sergio Moro") is None or not code(kb, "Sergio Moro").startswith("PHL")


def test_sudans_army_chief_is_its_head_of_state(kb):
    # session 19: al-Burhan commands the army and chairs the Sovereign Council (Sudan's head of
    # state) since April 2019; the highest office held on the date codes a person (as for
    # Goita, Traore, Tchiani, Sisi): SDNGOV. "Sudan's army chief" told without his name is SDNMIL.
    assert code(kb, "Abdel Fattah al-Burhan") == "SDNGOV"
    assert code(kb, "General al-Burhan") == "SDNGOV"
    assert code(kb, "Burhan") == "SDNGOV"
    assert code(kb, "Sudan's army chief") == "SDNMIL"


# -- rule 12: a capital with a country after a comma is a town and its holder ---------------
@pytest.mark.parametrize("text, context, expected", [
    ("Police in Athens, Georgia", "USA", "USAPOL"),     # the context (the coder's gazetteer) decides
    ("Police in Athens, Georgia", None, "USAPOL"),      # none: the gazetteer's town of the pair (session 19)
    ("the mayor of Tripoli, Lebanon", "LBN", "LBNGOV"),
    ("a court in Valletta, Malta", "MLT", "MLTJUD"),
])
def test_a_town_and_its_holder(kb, text, context, expected):
    assert (code(kb, text, context) or "").startswith(expected)
    assert kb.resolve(text, "2025-06-01", context).contextual


def test_a_capital_alone_or_with_no_holder_stays(kb):
    assert code(kb, "Police in Athens") == "GRCPOL"
    assert code(kb, "Georgian police") == "GEOPOL"


# -- who leads a protest speaks for the protesters ---------------------------------------------
@pytest.mark.parametrize("text", ["Protest leaders", "the protest organisers", "a protest group", "protest leaders in Lagos"])
def test_protest_leaders_are_the_opposition(kb, text):
    assert (code(kb, text, "NGA") or "").endswith("OPP")


def test_leaders_alone_stay_officials(kb):
    assert code(kb, "the leaders", "NGA") == "NGAGOV"


# -- a community of several countries: a context country it does not live in is not its own ------
@pytest.mark.parametrize("text, context, expected", [
    ("Baloch separatists", "CHN", "PAKREB"),      # the Chinese engineers they attacked are not theirs
    ("Baloch militants", "PAK", "PAKREB"),
    ("Baloch gunmen", "IRN", "IRN"),              # Iran's Baloch, in an Iranian story
    ("Kurdish fighters", "SYR", "SYRREB"),
    ("Kurdish fighters", "USA", "IRQREB"),        # "US-backed": not American, the main home
    ("Tuareg rebels", "FRA", "MLIREB"),
    ("Druze militiamen", "LBN", "LBN"),
])
def test_a_community_of_several_countries(kb, text, context, expected):
    assert (code(kb, text, context) or "").startswith(expected)


def test_a_community_with_no_context_stays_without_a_country(kb):
    assert code(kb, "Kurdish fighters") == "REB"
    assert code(kb, "Iraqi Kurds") == "IRQCVL"  # a country named beside it still decides


# -- Georgia the US state's offices ---------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("The governor of Georgia", "USAGOV"),
    ("Georgia Governor Brian Kemp", "USAGOV"),
    ("the Georgia secretary of state", "USAGOV"),
    ("Georgia state senators", "USALEG"),
    ("Georgia's president", "GEOGOV"),            # the country's offices stay the country's
    ("the Georgian prime minister", "GEOGOV"),
    ("Georgia's parliament", "GEOLEG"),
])
def test_the_us_states_offices_and_the_countrys(kb, text, expected):
    assert code(kb, text) == expected


# -- the coder: hackers of no country, the Baloch and the Chinese -------------------------------
def _events(text):
    from flashpoint.pipeline import code_text

    return code_text(text, "2025-03-03")


@pytest.mark.slow
@pytest.mark.parametrize("text, victim", [
    ("Hackers breached the servers of Japan's space agency.", "JPN"),
    ("Hackers attacked the websites of several Polish ministries on Tuesday.", "POL"),
    ("Unknown hackers broke into the email accounts of Kenyan officials.", "KEN"),
])
def test_hackers_the_text_gives_no_country_are_not_the_victims(text, victim):
    evs = _events(text)
    assert not any(e.source is not None and e.source.country == victim for e in evs), evs


@pytest.mark.slow
@pytest.mark.parametrize("text, country", [
    ("Russian hackers attacked the websites of several Polish ministries.", "RUS"),
    ("North Korean hackers attacked a Japanese bank.", "PRK"),
])
def test_hackers_the_text_places_keep_their_country(text, country):
    assert any(e.source is not None and e.source.country == country for e in _events(text))


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Baloch separatists attacked Chinese engineers.",
    "Baloch insurgents ambushed a convoy of Chinese workers near the port.",
])
def test_separatists_are_not_of_the_foreigners_they_attack(text):
    sources = {e.source.country for e in _events(text) if e.source is not None}
    assert "CHN" not in sources and "PAK" in sources


# -- a generic subject reacting to a state's act is not that state ---------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("text, reactor, author", [
    ("Pakistan carried out air strikes in Afghanistan. The government condemned the strikes as a violation of its territory.",
     "AFG", "PAK"),
    ("Azerbaijan accused Armenia of shelling its positions. Officials denied the charge.", "ARM", "AZE"),
    ("Iran seized a British tanker. The government condemned the seizure.", "GBR", "IRN"),
])
def test_a_generic_subject_reacting_to_a_states_act_is_not_that_state(text, reactor, author):
    pairs = {(e.source.country if e.source else None, e.target.country if e.target else None) for e in _events(text)}
    assert (reactor, author) in pairs and (author, author) not in pairs, pairs


@pytest.mark.slow
def test_a_generic_subject_reacting_to_its_own_rebels_stays_their_state():
    pairs = {(e.source.code if e.source else None, e.cameo[:2]) for e in _events(
        "Rebels attacked an army base in northern Mali. The government condemned the attack.")}
    assert ("MLIGOV", "11") in pairs, pairs
