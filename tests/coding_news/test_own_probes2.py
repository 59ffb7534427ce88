"""Our second blind probe set (tests/data/own_probes2.jsonl: 140 sentences, 20 per
kind S L N C P K W, 23 negative controls), labelled before the coder ran on it:
61.4% passed on that first run (63.6% once four labels were written in the family
notation they meant, 084x/112x/172x/183x). Its floor is in test_own_set_floors.py;
the sentences below are new ones (not in the set) for each fix, so that a fix is
checked on wording it was not written from.

Labels we keep though the coder disagrees: Q-W04 ("dismissed Morocco's allegations
as baseless") is labelled 12; the coder's 016 (deny an accusation) is as defensible.
"""

from __future__ import annotations

import pytest

from .tables import never_root_by_rules, reads, table


test_fixes_from_the_second_probe_set_hold_on_new_wording = table("text, want", [
    # statements and symbolic acts
    ("The Indian prime minister laid flowers at the memorial to the victims of the Mumbai attacks.", ("IND", "017", None)),
    ("Brazil said it agreed with Argentina that the bloc must lower its common tariff.", ("BRA", "019", "ARG")),
    ("Al-Shabaab claimed the attack on a Kenyan army base in Lamu.", ("SOM", "015", "KEN")),
    ("Nepal's prime minister said a deal with India was unlikely before the monsoon.", ("NPL", "012", "IND")),
    # visits and calls
    ("Bangladesh's foreign minister paid a courtesy call on the Indian prime minister in New Delhi.", ("BGD", "042", "IND")),
    ("The Turkish president spoke with his Iranian counterpart by telephone on Friday.", ("TUR", "041", "IRN")),
    # words that are not weapons: hit out at, fire back at, hit with tariffs
    ("Poland's prime minister hit out at Berlin over its gas deal with Moscow.", ("POL", "111", "DEU")),
    ("The Venezuelan foreign minister fired back at Bogota after the accusations.", ("VEN", "111", "COL")),
    ("Washington hit Caracas with new sanctions on its gold sector.", ("USA", "163", "VEN")),
    ("Iran's foreign minister called the new sanctions cruel.", ("IRN", "111", None)),
    ("South Korean troops fired warning shots at North Korean soldiers who crossed the border.", ("KOR", "150", "PRK")),
    # killed in a bombing is a bombing, killed in an air strike an air strike
    ("Three policemen were killed in a suicide bombing by militants in Quetta.", ("PAK", "1831", "PAK")),
    ("Five Hamas fighters were killed in an Israeli air strike in Gaza.", ("ISR", "195", "PSE")),
    # protest
    ("Nurses in Nigeria went on strike over unpaid allowances.", ("NGA", "143", "NGA")),
    ("Farmers in France blocked motorways around Paris with their tractors.", ("FRA", "144", "FRA")),
    ("Demonstrators in Lima threw fireworks at police guarding the Congress building.", ("PER", "145", "PER")),
    # acts told as nouns
    ("Russia's signing of a defence pact with North Korea alarmed Seoul.", ("RUS", "057", "PRK")),
    ("Germany's donation of ambulances to Moldova arrived on Monday.", ("DEU", "07", "MDA")),
    ("The release of two French hostages by Malian jihadists was confirmed by Paris.", ("MLI", "0841", "FRA")),
    ("Britain's easing of sanctions on Belarus angered Lithuania.", ("GBR", "085", "BLR")),
    ("Algeria's expulsion of hundreds of Nigerien migrants drew criticism.", ("DZA", "174", "NER")),
    ("Russia-Ukraine talks resumed in Istanbul on Monday.", ("RUS", "04", "UKR")),
    ("US-China talks in Geneva ended on Sunday.", ("CHN", "04", "USA")),
    ("China's ban on imports of Japanese seafood hit fishermen in Fukushima.", ("CHN", "163", "JPN")),
    # the state silencing media
    ("Zimbabwe's government closed two private radio stations.", ("ZWE", "172", "ZWE")),
    # targets the previous sentence gives
    ("Rebels kidnapped two Indian engineers in Afghanistan. New Delhi demanded their immediate release.", ("IND", "1053", "AFG")),
    ("Azerbaijan shelled Armenian positions overnight. Yerevan vowed to respond.", ("ARM", "13", "AZE")),
    ("Kenya proposed a ceasefire in South Sudan. Juba rejected it.", ("SSD", "12", "KEN")),
    ("The leaders of Ghana and Togo met in Lome. They signed a security pact.", ("TGO", "057", "GHA")),
], reads)


test_word_senses_that_are_no_such_event = table("text, not_root", [
    ("The new finance minister attacked inflation with spending cuts.", "19"),
    ("Nigeria released its unemployment figures on Monday.", "08"),
    ("Police arrested a man wanted in France for fraud.", "02"),
], never_root_by_rules)
