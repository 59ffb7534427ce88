"""Actors and agents of a sentence, from the dictionaries and the dependency parse.

Dictionary phrases are found token by token (longest first, left to right).
Each hit is then attached to the head of its noun phrase, so "Arnor security
officials" is one group (actor ARN, agent GOV -> ``ARNGOV``), and an agent
with no actor of its own takes the actor of an "of"/"in"/"from" phrase
hanging on it ("soldiers from Gondor" -> ``GONMIL``). A group with agents
and no actor gets ``---`` for the actor, as PETRARCH writes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date as Date

from .model import ActorEntry, AgentEntry, DictionarySet, Discard, Phrase

# Dependencies that make a word part of a bigger noun phrase headed elsewhere.
NP_INNER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "det", "nummod", "flat", "quantmod"})
# "soldiers from Gondor", "the ambassadors of Arnor", "activists in Arnor".
AGENT_OF_PREPS = frozenset({"of", "in", "from"})
# Clause-like children not searched when a role's own words name no actor.
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis"})


@dataclass(frozen=True, slots=True)
class Hit:
    start: int  # token indices within the sentence, end exclusive
    end: int
    actor: ActorEntry | None
    agent: AgentEntry | None


@dataclass(frozen=True, slots=True)
class Group:
    """The actor codes one noun phrase stands for, and the tokens it spans."""

    head: int
    start: int
    end: int
    codes: tuple[str, ...]
    text: str
    roots: tuple[int, ...] = ()  # the head words of its dictionary phrases


class Lexicon:
    """Phrase indexes over a dictionary set: first word -> phrases, longest first."""

    def __init__(self, dicts: DictionarySet) -> None:
        index: dict[str, list[tuple[Phrase, ActorEntry | None, AgentEntry | None]]] = {}
        for actor in dicts.actors:
            for name in actor.names:
                index.setdefault(name[0], []).append((name, actor, None))
        for agent in dicts.agents:
            for name in agent.names:
                index.setdefault(name[0], []).append((name, None, agent))
        for entries in index.values():
            entries.sort(key=lambda e: -len(e[0]))  # stable: file order among equals
        self.index = index
        self.discards: dict[str, list[Discard]] = {}
        for d in dicts.discards:
            self.discards.setdefault(d.words[0], []).append(d)

    def hits(self, words: Sequence[str]) -> list[Hit]:
        """Non-overlapping dictionary phrases in ``words``, longest first, left to right."""
        out: list[Hit] = []
        i = 0
        while i < len(words):
            best = None
            for name, actor, agent in self.index.get(words[i], ()):
                if tuple(words[i:i + len(name)]) == name:
                    best = Hit(i, i + len(name), actor, agent)
                    break
            if best is None:
                i += 1
                continue
            out.append(best)
            i = best.end
        return out

    def discarded(self, words: Sequence[str], story: bool | None = None) -> bool:
        """Whether a discard phrase occurs in ``words`` (only story-level ones with ``story``)."""
        for i, w in enumerate(words):
            for d in self.discards.get(w, ()):
                if (story is None or d.story == story) and tuple(words[i:i + len(d.words)]) == d.words:
                    return True
        return False


def combine(base: str, agents: Sequence[AgentEntry]) -> str:
    """An actor code with its agents' codes: ``~GOV`` after, ``NGO~`` before; a code
    already inside (``USAGOV`` + ``GOV``) is not added twice."""
    code = base
    for agent in agents:
        have = {code[k:k + 3] for k in range(0, len(code), 3)}
        if {agent.code[k:k + 3] for k in range(0, len(agent.code), 3)} <= have:
            continue
        code = agent.code + code if agent.prefix else code + agent.code
    return code


def np_head(tok):
    """The head of the noun phrase a token belongs to."""
    for _ in range(8):
        if tok.dep_ in NP_INNER_DEPS and tok.head.i != tok.i:
            tok = tok.head
        else:
            break
    return tok


class SentenceActors:
    """Every actor group of one sentence, by head token (indices relative to the sentence)."""

    def __init__(self, sent, words: Sequence[str], lexicon: Lexicon, on: Date | None) -> None:
        self.sent = sent
        base = sent.start
        self.hits = lexicon.hits(words)
        found: dict[int, dict] = {}
        for hit in self.hits:
            head = np_head(sent.doc[base + hit.start: base + hit.end].root).i - base
            if not 0 <= head < len(sent):
                head = hit.end - 1
            g = found.setdefault(head, {"actors": [], "agents": [], "start": hit.start, "end": hit.end})
            (g["actors"] if hit.actor else g["agents"]).append(hit)
            g["start"], g["end"] = min(g["start"], hit.start), max(g["end"], hit.end)
        self.alias: dict[int, int] = {}  # absorbed head -> the agent head that took its actor
        bases: dict[int, list[int]] = {}
        for head, g in found.items():
            if g["actors"]:
                continue
            for prep in sent.doc[base + head].rights:
                if prep.dep_ != "prep" or prep.lower_ not in AGENT_OF_PREPS:
                    continue
                for pobj in prep.children:
                    if pobj.dep_ != "pobj":
                        continue
                    members = [pobj.i - base] + [c.i - base for c in pobj.conjuncts]
                    members = [m for m in members if m in found and found[m]["actors"] and not found[m]["agents"]]
                    if members:
                        bases[head] = members
                        for m in members:
                            self.alias[m] = head
                            g["end"] = max(g["end"], found[m]["end"])
                break
        self.groups: dict[int, Group] = {}
        for head, g in found.items():
            if head in self.alias:
                continue
            agents = [h.agent for h in sorted(g["agents"], key=lambda h: h.start)]
            if g["actors"]:
                actor_codes = [c for h in _coordinated_hits(sent, g["actors"]) for c in h.actor.codes_on(on)]
            elif head in bases:
                actor_codes = [c for m in bases[head] for h in found[m]["actors"][:1] for c in h.actor.codes_on(on)]
            else:
                actor_codes = ["---"]
            codes = tuple(dict.fromkeys(combine(c, agents) for c in actor_codes))
            if codes:
                text = sent[g["start"]:g["end"]].text
                roots = tuple(sent.doc[base + h.start: base + h.end].root.i - base for h in g["actors"] + g["agents"])
                self.groups[head] = Group(head, g["start"], g["end"], codes, text, roots)

    def group_at(self, i: int) -> Group | None:
        """The group whose head is token ``i`` (or that absorbed it)."""
        return self.groups.get(self.alias.get(i, i))

    def role(self, i: int, exclude: frozenset[int] = frozenset()) -> list[Group]:
        """The groups a role filled by token ``i`` stands for: its own group and its
        conjuncts' ("Gondor and Osgiliath"), else the first group inside its phrase."""
        tok = self.sent[i]
        out = [g for t in self._coordinated(tok) if (g := self.group_at(t.i - self.sent.start)) and g.head not in exclude]
        if out:
            return list(dict.fromkeys(out))
        for t in _phrase_tokens(tok):
            g = self.group_at(t.i - self.sent.start)
            if g is not None and g.head not in exclude:
                return self.role(t.i - self.sent.start, exclude)
        return []

    def _coordinated(self, tok) -> list:
        """``tok`` and the words coordinated with it, its own or its group's phrase heads'
        ("Gondor, Rohan and Bree"; "Rohani and Brean leaders"; lists parsed as appositions)."""
        base = self.sent.start
        start = [tok]
        g = self.group_at(tok.i - base)
        if g is not None:
            start.extend(self.sent[r] for r in g.roots)
        seen: dict[int, object] = {}
        stack = list(start)
        while stack:
            t = stack.pop()
            if t.i in seen or not self.sent.start <= t.i < self.sent.end:
                continue
            seen[t.i] = t
            stack.extend(t.conjuncts)
            stack.extend(c for c in t.children if c.dep_ == "appos")
        return [seen[k] for k in sorted(seen)]

    def spans(self) -> list[Group]:
        return sorted(self.groups.values(), key=lambda g: g.start)


def _coordinated_hits(sent, hits: list[Hit]) -> list[Hit]:
    """The actor hits of one noun phrase that stand for different actors: the first, and
    any later one set off by "and", "or" or a comma ("Rohan and the brave Bree" parsed as
    one phrase); "Bree Prime Minister Romendacil" stays one actor."""
    ordered = sorted(hits, key=lambda h: h.start)
    out = ordered[:1]
    for prev, hit in zip(ordered, ordered[1:]):
        between = sent[prev.end:hit.start]
        if any(t.dep_ == "cc" or t.lower_ in ("and", "or", ",") for t in between):
            out.append(hit)
    return out


def _phrase_tokens(tok):
    """The tokens of ``tok``'s subtree in order, leaving out clauses hanging on it."""
    stack = [tok]
    seen = []
    while stack:
        t = stack.pop()
        seen.append(t)
        stack.extend(c for c in t.children if c.dep_ not in CLAUSE_DEPS)
    return sorted(seen, key=lambda t: t.i)
