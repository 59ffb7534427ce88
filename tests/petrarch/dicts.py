"""A small dictionary set of our own, in PETRARCH's formats, for the tests."""

from __future__ import annotations

from pathlib import Path

VERBS = """<!-- test verbs: the codes are CAMEO's -->
&MONEY
+DOLLARS
+EUROS
+SWISS FRANCS

&GIFTS   # nested synset
+&MONEY
+FOOD AID

--- PLEDGE  [050] ---
PLEDGE
- * &GIFTS  [071]   # economic aid
- * FOOD_AID TO +  [073]

--- CRITICIZE  [111] ---
CRITICIZE {CRITICISED CRITICIZED}
- SHARPLY *  [112]
- NOTED + *  [113]
- NOT_*  [---]

--- TALK [031:031] ---
TALK
- % HELD *  [036]

--- ARREST [173] ---
ARREST
- + WAS * BY $  [173]

--- SEAL  [---] ---
SEAL
+SEAL_OFF { +SEALED_OFF +SEALING_OFF }  [1921]
- * BORDER  [192]

--- SAID [---] ---
SAID
- * + WAS_TO_BLAME  [112]
"""

ACTORS = """# countries invented for the tests
VELMORA [VLM]
+VELMORAN
KASTOR  [KST]   # comment after the code
+KASTORIAN
RED_DELTA_FRONT [KSTREB]
PEOPLE'S_GUARD [VLMMIL]
OLD_REPUBLIC
\t[ORP < 900101]
\t[NRP 19900101 - 19991231]
\t[MOD]
"""

AGENTS = """!PERSON! = MAN, MEN, WOMAN, WOMEN
POLICE {} [~COP]
MINISTER [~GOV]
FOREIGN_MINISTER [~GOVFRM]
AID_AGENCY {AID_AGENCIES} [NGO~]
SPOKES!PERSON! [~SPK]
"""

DISCARDS = """# sport is not politics
FOOTBALL MATCH
+HOROSCOPE
"""


def write_dicts(directory: Path, **override: str) -> Path:
    """Write the test dictionaries (or overrides by kind) into ``directory``."""
    texts = {"verbs": VERBS, "actors": ACTORS, "agents": AGENTS, "discards": DISCARDS, **override}
    directory.mkdir(parents=True, exist_ok=True)
    for kind, text in texts.items():
        if text is not None:
            (directory / f"Test.{kind}.txt").write_text(text, encoding="utf-8")
    return directory
