"""Our ninth blind probe set (tests/data/own_probes9.jsonl: 120 sentences, S, L, N, C, P and K
18 each and W 12; 18 negative controls), labelled and committed before the coder ran on it:
74.2% passed on that first run, controls silent 83.3%, sentence root F1 0.821
(tests/data/own_probes9_first_run.json).

It was written where the shared probes' held-aside failures are (a wrong event emitted, not
silence): the right event and no wrong one beside it. Statements whose content is another act,
nominal events with "by"/"of"/possessives, a target given only by the previous sentence,
headlines and captions ("in talks with", "attend a ceremony", "a joint news conference with"),
role phrases, local places and demonyms of two countries.

The floor lives in test_own_set_floors.py; the sentences below are new ones (in no probe set)
for each general construction fixed in session 16, so that a fix is checked on wording it was
not written from.
"""

from __future__ import annotations

import pytest

from .test_news_coding import coded, has, triples


@pytest.mark.slow
@pytest.mark.parametrize("text, want", [
    # being in talks with a party is negotiating with it (046), in a sentence or a verbless headline
    ("Egypt remains in talks with Sudan on the dam, officials said.", ("EGY", "046", "SDN")),
    ("Pakistan in talks with China over new loan", ("PAK", "046", "CHN")),
    ("Ghana in fresh talks with Nigeria over gas pipeline", ("GHA", "046", "NGA")),
    ("Colombia is in talks with Venezuela about reopening consulates.", ("COL", "046", "VEN")),
    # captions: two leaders at one ceremony or news conference meet (040), each way
    ("Kenyan President William Ruto and Ethiopian Prime Minister Abiy Ahmed attend a signing ceremony in Nairobi.",
     ("KEN", "040", "ETH")),
    ("Kenyan President William Ruto and Ethiopian Prime Minister Abiy Ahmed attend a signing ceremony in Nairobi.",
     ("ETH", "040", "KEN")),
    ("Polish President Andrzej Duda speaks during a joint press conference with Lithuanian President Gitanas Nauseda.",
     ("POL", "040", "LTU")),
    ("The Greek and Cypriot leaders held a joint news conference in Nicosia.", ("GRC", "040", "CYP")),
    # forcing fighters back is fighting; pushing them back is no appeal
    ("Ukraine pushed Russian troops back from Kharkiv.", ("UKR", "19", "RUS")),
    ("Somali forces drove al-Shabaab fighters back from the town.", ("SOM", "19", "SOM")),
    # a call told as "must be freed" after a capture is aimed at the captor
    ("Taiwan's coast guard detained eight Chinese fishermen near Kinmen. Beijing said they must be freed.",
     ("CHN", "1053", "TWN")),
    ("Russian border guards detained two Estonian fishermen on Lake Peipsi. Tallinn said the men should be released at once.",
     ("EST", "1053", "RUS")),
    # a bare refusal after an order to leave refuses the one who gave it
    ("Mali's junta told the Algerian ambassador to leave within 72 hours. Algiers refused.", ("DZA", "12", "MLI")),
    ("Burkina Faso ordered the French envoy out of the country. Paris refused, calling the order illegitimate.",
     ("FRA", "12", "BFA")),
])
def test_session16_constructions(text, want):
    assert has(triples(coded(text)), want), (text, triples(coded(text)))


@pytest.mark.slow
@pytest.mark.parametrize("text, wrong", [
    # a physical push is no appeal ("pushed the boat back" asked nothing of anyone)
    ("The Turkish coast guard pushed a migrant boat back into Greek waters.", "02"),
    ("Italian police pushed the migrants back across the border.", "02"),
    # a joint news conference is no joint military drill
    ("Armenian Prime Minister Nikol Pashinyan and French President Emmanuel Macron hold a joint news conference in Paris.", "06"),
    ("The Polish and Ukrainian foreign ministers held a joint press briefing in Lviv.", "06"),
    # a plain demand to leave is no call to free captives told just before
    ("Ukrainian troops captured twenty Russian soldiers near Kursk. Moscow said Kyiv's forces must withdraw.", "1053"),
])
def test_session16_no_wrong_reading(text, wrong):
    got = triples(coded(text))
    assert not any(c.startswith(wrong) for _, c, _ in got), (text, got)
