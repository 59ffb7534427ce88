"""Build the generated lexicon: coding/data/patterns/NN-lexicon.yaml.

Inputs, all reviewable and committed:
  scripts/lexicon/seeds.yaml    hand-written seeds, code by code (verbs, verbs with a
                                preposition, phrasal verbs, light-verb constructions, nouns)
  scripts/lexicon/include.txt   extra entries, one a line: ``CODE verb|noun LEMMA``; these are kept
                                even where hand-written patterns already know the lemma
  scripts/lexicon/exclude.txt   lemmas never to add (``LEMMA`` or ``CODE LEMMA``): WordNet noise,
                                words too ambiguous in news
  WordNet 3.0 dictionary files  synonyms of the seeds' ``wn`` verbs (their first two senses) and
                                event nouns derived from the plain verbs (``nd``); read from
                                ``--wordnet DIR`` (Debian package ``wordnet-base``:
                                /usr/share/wordnet), at build time only

Every entry is then checked: a sentence of its own (``flashpoint.coding.lexicon``) is
coded with the new files in place, and an entry whose sentence does not yield its code
is dropped and listed in scripts/lexicon/unreachable.txt. Entries whose lemma already
has hand-written patterns of the same kind are left out (hand patterns say when such a
lemma is an event); the build prints how many.

    .venv/bin/python scripts/build_lexicon.py [--wordnet /usr/share/wordnet] [--no-check]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "scripts" / "lexicon"
OUT = ROOT / "src" / "flashpoint" / "coding" / "data" / "patterns"
PARTICLES = {"out", "down", "up", "over", "off", "back"}
PREPS = {"as", "for", "into", "in", "under", "on", "at", "to"}
ARTICLES = {"a", "an", "the", "its", "their", "any"}
EVENT_NOUN_FILES = {"noun.act", "noun.event", "noun.communication"}
# Modifiers that make an event noun another event ("a *chemical* attack", "a *hunger* strike",
# "a *phone* call"): the object constraint is the modifier, not the generic head.
SPECIFIC_MODIFIERS = {"chemical", "gas", "suicide", "nuclear", "hunger", "atomic", "biological", "cyber",
                      "ransomware", "hacking", "phone", "telephone", "video", "drone", "missile", "air", "car",
                      "roadside", "mortar", "ethnic", "mass", "corruption", "fraud", "martial"}


# -- WordNet: a small reader of the dictionary's index and data files --------------------

class WordNet:
    """Just enough of WordNet 3.0: senses of a lemma, their synonyms and derived forms."""

    LEXNAMES = ["adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal", "noun.artifact",
                "noun.attribute", "noun.body", "noun.cognition", "noun.communication", "noun.event",
                "noun.feeling", "noun.food", "noun.group", "noun.location", "noun.motive", "noun.object",
                "noun.person", "noun.phenomenon", "noun.plant", "noun.possession", "noun.process",
                "noun.quantity", "noun.relation", "noun.shape", "noun.state", "noun.substance", "noun.time",
                "verb.body", "verb.change", "verb.cognition", "verb.communication", "verb.competition",
                "verb.consumption", "verb.contact", "verb.creation", "verb.emotion", "verb.motion",
                "verb.perception", "verb.possession", "verb.social", "verb.stative", "verb.weather", "adj.ppl"]

    def __init__(self, folder: Path):
        self.index: dict[tuple[str, str], list[int]] = {}
        self.synsets: dict[tuple[str, int], tuple[str, list[str], list[tuple[str, str, int, int, int]]]] = {}
        for pos, name in (("v", "verb"), ("n", "noun")):
            for line in (folder / f"index.{name}").read_text(encoding="latin-1").splitlines():
                if line.startswith(" "):
                    continue
                f = line.split()
                n_ptr = int(f[3])
                n_sense = int(f[2])
                self.index[(f[0], pos)] = [int(x) for x in f[4 + n_ptr + 2: 4 + n_ptr + 2 + n_sense]]
            for line in (folder / f"data.{name}").read_text(encoding="latin-1").splitlines():
                if line.startswith(" "):
                    continue
                f = line.split(" | ")[0].split()
                offset, lex = int(f[0]), self.LEXNAMES[int(f[1])]
                w_cnt = int(f[3], 16)
                words = [f[4 + 2 * i].lower() for i in range(w_cnt)]
                k = 4 + 2 * w_cnt
                ptrs = []
                for i in range(int(f[k])):
                    sym, off, ppos, st = f[k + 1 + 4 * i: k + 5 + 4 * i]
                    ptrs.append((sym, ppos if ppos in "nv" else "x", int(off), int(st[:2], 16), int(st[2:], 16)))
                self.synsets[(pos, offset)] = (lex, words, ptrs)

    def synonyms(self, lemma: str, senses: int = 2) -> list[str]:
        out = []
        for off in self.index.get((lemma, "v"), [])[:senses]:
            out += [w for w in self.synsets[("v", off)][1] if w != lemma]
        return out

    def derived_nouns(self, lemma: str, senses: int = 2) -> list[str]:
        out = []
        for off in self.index.get((lemma, "v"), [])[:senses]:
            _, words, ptrs = self.synsets[("v", off)]
            for sym, pos, target, src, _dst in ptrs:
                if sym != "+" or pos != "n" or (src and words[src - 1] != lemma):
                    continue
                lex, nwords, _ = self.synsets[("n", target)]
                if lex in EVENT_NOUN_FILES:
                    out.append(nwords[_dst - 1] if _dst else nwords[0])
        return out


# -- seeds to pattern entries ---------------------------------------------------------------

def lemma_of(noun: str) -> str:
    from lemminflect import getLemma

    forms = getLemma(noun, upos="NOUN")
    return forms[0] if forms else noun


def parse_object(text: str) -> dict:
    """A light verb's complement as written ("a phone call", "into custody", "to comment",
    "out an assault") -> the constraint it needs."""
    words = text.split()
    out: dict = {}
    if words[0] == "to" and len(words) > 1:
        return {"xcomp": words[1]}
    if words[0] in PARTICLES:
        out["particle"], words = words[0], words[1:]
    elif words[0] in PREPS:
        out["prep"], words = words[0], words[1:]
    words = [w for w in words if w not in ARTICLES]
    if "of" in words:
        words = words[: words.index("of")]
    if not words:
        return out
    special = [w for w in words[:-1] if w in SPECIFIC_MODIFIERS]
    head = special[0] if special else lemma_of(words[-1])
    if "prep" in out:
        out["pobj"] = head
    else:
        out["object"] = head
    return out


def load_list(name: str) -> list[list[str]]:
    path = HERE / name
    if not path.is_file():
        return []
    return [line.split("#")[0].split() for line in path.read_text(encoding="utf-8").splitlines() if line.split("#")[0].strip()]


def build(seeds: dict, wordnet: WordNet | None, hand) -> tuple[dict[str, list[dict]], dict]:
    """Pattern dicts per root file, and a report."""
    exclude_any = {e[0] for e in load_list("exclude.txt") if len(e) == 1}
    exclude_code = {(e[0], e[1]) for e in load_list("exclude.txt") if len(e) == 2}
    include = defaultdict(list)
    for code, kind, *lemma in load_list("include.txt"):
        include[(code, kind)].append(" ".join(lemma))
    hand_verbs, hand_nouns = set(hand.verbs), set(hand.nouns)
    report = {"skipped_hand": [], "excluded": [], "wordnet_added": []}
    files: dict[str, list[dict]] = defaultdict(list)
    claimed: dict[tuple[str, str], str] = {}

    def keep(code: str, kind: str, lemma: str, from_wordnet: bool = False, forced: bool = False) -> bool:
        if lemma in exclude_any or f"{lemma}/{kind}" in exclude_any or (code, lemma) in exclude_code:
            report["excluded"].append(f"{code} {lemma}")
            return False
        if not re.fullmatch(r"[a-z][a-z-]*", lemma):
            return False
        if not forced and lemma in (hand_verbs if kind == "verb" else hand_nouns):
            report["skipped_hand"].append(f"{code} {kind} {lemma}")
            return False
        if (kind, lemma) in claimed and claimed[(kind, lemma)] != code:
            report["excluded"].append(f"{code} {lemma} (already {claimed[(kind, lemma)]})")
            return False
        claimed[(kind, lemma)] = code
        if from_wordnet:
            report["wordnet_added"].append(f"{code} {kind} {lemma}")
        return True

    for key, seed in seeds.items():
        code = re.match(r"\d+", key).group(0)
        root = code[:2]
        base = {"code": code, "priority": -1}
        if seed.get("statement"):
            base["statement"] = True
        roles = list(seed.get("t") or ["obj"])
        one = bool(seed.get("one"))
        tag = key.replace("-", "")

        def pattern(suffix: str, **fields) -> None:
            files[root].append({"id": f"lx-{tag}-{suffix}", **fields, **base,
                                **({"no_target": True} if one else {}), "confidence": fields.pop("confidence", 0.6)})

        plain = [v for v in seed.get("v") or [] if keep(code, "verb", v)]
        if wordnet is not None:
            for v in [*(seed.get("v") or []), *(seed.get("wn") or [])]:
                for syn in wordnet.synonyms(v, 1):
                    if syn not in plain and keep(code, "verb", syn, from_wordnet=True):
                        plain.append(syn)
        plain += [v for v in include[(code, "verb")] if keep(code, "verb", v, forced=True)]
        if plain:
            pattern("v", lemmas=plain, target=roles)
        by_prep = defaultdict(list)
        for vp in seed.get("vp") or []:
            verb, *rest = vp.split()
            by_prep[rest[-1]].append(verb)
        for prep, verbs in by_prep.items():
            pattern(f"vp-{prep}", lemmas=sorted(set(verbs)), prep=[prep], target=[f"prep:{prep}", *roles])
        for ph in seed.get("ph") or []:
            verb, particle = ph.split()
            pattern(f"ph-{verb}-{particle}", lemmas=[verb], particle=particle, target=roles)
        for n, (verbs, objects) in enumerate((seed.get("lv") or {}).items()):
            groups: dict[tuple, list[str]] = defaultdict(list)
            for obj in objects:
                c = parse_object(obj)
                shape = tuple(sorted((k, v) for k, v in c.items() if k not in ("object", "pobj")))
                groups[shape].append(c.get("object") or c.get("pobj") or "")
            if seed.get("no"):
                shape_extra = {"not_object": list(seed["no"])}
            else:
                shape_extra = {}
            for m, (shape, heads) in enumerate(groups.items()):
                fields: dict = {"lemmas": verbs.split("|"), **shape_extra}
                for k, v in shape:
                    fields[k] = [v] if k in ("prep", "xcomp") else v
                heads = sorted({h for h in heads if h})
                if "prep" in fields and heads:
                    fields["pobj"] = heads
                elif heads:
                    fields["object"] = heads
                pattern(f"lv{n}-{m}", **fields, target=roles)
        nouns = []
        for noun in include[(code, "noun")] + (seed.get("n") or []):  # a forced entry first, so it is kept
            forced = noun in include[(code, "noun")]
            *mods, head = noun.split()
            head = lemma_of(head) if head not in ("clashes", "hostilities") else head[:-2] if head == "clashes" else "hostility"
            if mods:
                if f"{mods[0]}-{head}" not in exclude_any and (code, head) not in exclude_code:
                    files[root].append({"_kind": "noun", "id": f"lx-{tag}-n-{mods[0]}-{head}", "lemmas": [head], "object": [lemma_of(mods[0])],
                                        "target": [*(seed.get("nt") or [])], **base, "confidence": 0.55,
                                        "not_governor": ["@unrealised"], **({"no_target": True} if one or not seed.get("nt") else {})})
                continue
            if head not in nouns and keep(code, "noun", head, forced=forced):
                nouns.append(head)
        if wordnet is not None and seed.get("nt") is not None or (wordnet is not None and one):
            for v in seed.get("v") or []:
                for noun in wordnet.derived_nouns(v, 1):
                    if noun not in nouns and keep(code, "noun", noun, from_wordnet=True):
                        nouns.append(noun)
        if nouns:
            files[root].append({"_kind": "noun", "id": f"lx-{tag}-n", "lemmas": nouns, **({"symmetric": True} if seed.get("sym") else {}), "target": [*(seed.get("nt") or [])], **base,
                                "confidence": 0.55, "not_governor": ["@unrealised", *(["@travel"] if root == "04" else [])],
                                **({"no_target": True} if one or not seed.get("nt") else {})})
    return files, report


def dump(files: dict[str, list[dict]], drop: set[tuple[str, str, str | None]] = frozenset()) -> int:
    """Write the root files, leaving out unreachable (pattern id, lemma, object) entries."""
    for old in OUT.glob("*-lexicon.yaml"):
        old.unlink()
    n = 0
    for root, patterns in sorted(files.items()):
        lines = [f"# Generated by scripts/build_lexicon.py from scripts/lexicon/ (seeds, include, exclude)",
                 "# and WordNet 3.0; do not edit by hand: edit the seeds and build again.", "", "verbs:"]
        kinds = {"verb": [], "noun": []}
        for p in patterns:
            p = dict(p)
            kind = p.pop("_kind", "verb")
            objects = p.get("object") or [None]
            # lemmas grouped by the objects they reach: one pattern per group
            groups: dict[tuple, list[str]] = defaultdict(list)
            for lem in p["lemmas"]:
                kept = tuple(o for o in objects if (p["id"], lem, o) not in drop)
                if kept:
                    groups[kept].append(lem)
            for g, (kept, lemmas) in enumerate(groups.items()):
                q = {**p, "id": p["id"] + (f"-{g}" if len(groups) > 1 else ""), "lemmas": lemmas}
                if kept != (None,):
                    q["object"] = list(kept)
                n += len(lemmas) * len(kept)
                kinds[kind].append(q)
        lines = lines[:3]
        for kind in ("verb", "noun"):
            if kinds[kind]:
                lines.append(f"{kind}s:")
                lines += ["  - " + yaml.safe_dump(p, default_flow_style=True, width=10_000, sort_keys=False).strip() for p in kinds[kind]]
        (OUT / f"{root}-lexicon.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return n


def check() -> set[tuple[str, str, str | None]]:
    """Code each generated entry's sentence; the entries that miss their code."""
    from flashpoint import Settings, code_many
    from flashpoint.coding.lexicon import example_sentence, reaches
    from flashpoint.coding.patterns import load_patterns
    from flashpoint.nlp.extract import extract_candidates
    from flashpoint.nlp.model import load_nlp

    load_patterns.cache_clear()
    ps = load_patterns()
    entries = [t for t in ps.triggers(by_object=True) if t.pattern.startswith("lx-")]
    events = [t for t in entries if not t.source.statement]
    missed = set()
    arts = [{"id": str(i), "text": example_sentence(t)} for i, t in enumerate(events)]
    for (art, evs, _err), t in zip(code_many(arts, Settings()), events):
        if not any(reaches(t.code, e.cameo) for e in evs):
            missed.add((t.pattern, t.lemma, t.object))
    statements = [t for t in entries if t.source.statement]
    table = ps.statement_patterns()
    nlp = load_nlp(Settings().model)
    for doc, t in zip(nlp.pipe(example_sentence(t) for t in statements), statements):
        if not statement_reached(doc, t, table):
            missed.add((t.pattern, t.lemma, t.object))
    return missed


def statement_reached(doc, t, table) -> bool:
    """Whether a statement entry's sentence gives a candidate its pattern matches."""
    from flashpoint.nlp.extract import extract_candidates

    for c in extract_candidates(doc, table.verb_lemmas, table.noun_lemmas, frozenset(), []):
        p = table.match(c.kind, c.lemma, c.obj_lemmas, c.prep_lemmas, c.pobj_lemmas, c.xcomp, c.particle,
                        c.governor, c.comp_lemmas, c.ccomp_aux)
        if p is not None and p.id == t.pattern:
            return True
    return False


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wordnet", default="/usr/share/wordnet", help="WordNet 3.0 dict folder (none: seeds only)")
    ap.add_argument("--no-check", action="store_true", help="skip coding the entries' sentences")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from flashpoint.coding.patterns import load_patterns
    from flashpoint.yamlio import load_yaml

    for old in OUT.glob("*-lexicon.yaml"):
        old.unlink()
    hand = load_patterns.__wrapped__(None)
    wn_dir = Path(args.wordnet)
    wordnet = WordNet(wn_dir) if (wn_dir / "index.verb").is_file() else None
    if wordnet is None:
        print(f"no WordNet at {wn_dir}: seeds only", file=sys.stderr)
    seeds = load_yaml((HERE / "seeds.yaml").read_text(encoding="utf-8"))
    files, report = build(seeds, wordnet, hand)
    n = dump(files)
    print(f"{n} entries generated; {len(report['wordnet_added'])} from WordNet; "
          f"{len(report['skipped_hand'])} left to hand patterns; {len(report['excluded'])} excluded", file=sys.stderr)
    (HERE / "wordnet_added.txt").write_text("\n".join(sorted(report["wordnet_added"])) + "\n", encoding="utf-8")
    if args.no_check:
        return 0
    missed = check()
    n = dump(files, missed)
    (HERE / "unreachable.txt").write_text(
        "# entries whose own sentence did not reach their code (dropped)\n"
        + "\n".join(f"{p} {lem} {o or ''}".strip() for p, lem, o in sorted(missed, key=str)) + "\n", encoding="utf-8")
    print(f"{len(missed)} unreachable entries dropped; {n} entries kept", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
