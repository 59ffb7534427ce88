"""The records a knowledge base holds: countries, organisations, agents, people.

Every entry has a stable id of the form ``kind:key`` (``country:BLR``,
``org:NATO``, ``agent:military``, ``person:alexander-lukashenko``,
``block:seas``); the kind is the prefix. User files override package
entries by id.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

KINDS = ("country", "org", "agent", "person", "block")
SECTORS = (
    "GOV", "MIL", "POL", "JUD", "LEG", "OPP", "CVL", "REB", "IGO", "NGO",
    "MED", "BUS", "REF", "ELI", "EDU", "HLH", "LAB", "CRM", "SPY", "REL",
)
ROLE_SECTORS = {
    "head_of_state": "GOV",
    "head_of_government": "GOV",
    "foreign_minister": "GOV",
    # A defence ministry is coded MIL, so its minister is too.
    "defence_minister": "MIL",
    "org_leader": None,  # the organisation's own sector
    # Figures outside the four offices: a de facto or party leader of the state
    # (Deng Xiaoping, a Supreme Leader beside a president), an opposition leader,
    # a rebel or militia leader of a group the table does not list.
    "leader": "GOV",
    "opposition_leader": "OPP",
    "rebel_leader": "REB",
    # Offices outside the executive, last so that a minister who also sits in
    # parliament is coded by the ministry: speakers, congressional leaders and
    # prominent members of a legislature; chiefs of the armed forces and of the
    # intelligence services; judges and prosecutors; other officials of the
    # executive (central bank governors, national security advisers).
    "legislator": "LEG",
    "military_chief": "MIL",
    "intelligence_chief": "SPY",
    "judge": "JUD",
    "official": "GOV",
    # Heads of churches and religious authorities (the pope, patriarchs, grand imams,
    # marjas): in news they act as religious leaders, so the pope is VAT REL, not the
    # Vatican City state's government.
    "religious_leader": "REL",
}
# How an alias names its entry; the resolver treats each differently.
ALIAS_ROLES = ("name", "adjective", "capital", "metonym", "org", "seat", "agent", "person", "block")


@dataclass(frozen=True, slots=True)
class Alias:
    """One way of writing an entry.

    Attributes:
        text: the alias as written in the data file (without "=" or "~").
        role: one of :data:`ALIAS_ROLES`.
        sector: the sector this alias implies (metonyms: "Pentagon" -> MIL).
        exact: match only with exactly this case ("=US").
        shared: another entry may use the same alias on purpose ("~").
        contexts: ISO3 codes of the stories in which alone the alias names its entry
            ("North@KOR+PRK": "the North" is North Korea in a story about Korea);
            empty for an alias that always does.
    """

    text: str
    role: str
    sector: str | None = None
    exact: bool = False
    shared: bool = False
    contexts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Role:
    """One office a person held: in a country (ISO3) or an organisation (org id)."""

    country: str
    role: str
    start: date | None
    end: date | None  # None: still in office

    def covers(self, when: date) -> bool:
        """Whether the person held this office on ``when``."""
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)


@dataclass(frozen=True, slots=True)
class Period:
    """From ``start`` on, an organisation acts in another sector (Taliban -> GOV)."""

    start: date
    sector: str
    code: str | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """One knowledge-base entry; which fields matter depends on ``kind``.

    Attributes:
        id: ``kind:key``, stable across releases.
        kind: one of :data:`KINDS`.
        name: canonical name ("Belarus", "Ministry of Defence", "NATO").
        aliases: every way of writing it.
        source: ``file:line`` it came from, for messages.
        country: ISO3 of a country entry, or the home country of a group.
        cameo: CAMEO country code of a country entry (differs for ROU, TLS, XKX).
        org: organisation id actors are grouped under (UN bodies: "UN").
        sector: default sector.
        code: CAMEO-style actor code of an organisation.
        representative: agent words that take a neighbour's sector.
        roles: a person's offices.
        periods: an organisation's later sectors.
        homes: the countries a community of no one country lives in, its main one first.
    """

    id: str
    kind: str
    name: str
    aliases: tuple[Alias, ...]
    source: str
    country: str | None = None
    cameo: str | None = None
    org: str | None = None
    sector: str | None = None
    code: str | None = None
    representative: bool = False
    roles: tuple[Role, ...] = ()
    periods: tuple[Period, ...] = ()
    homes: tuple[str, ...] = ()

    def meaning(self, alias: Alias) -> tuple:
        """What an alias of this entry stands for; equal meanings never collide."""
        if self.kind == "person":
            return ("person", self.id)
        return (self.kind, self.country, self.org, alias.sector or self.sector, self.code)

    def org_state(self, when: date | None) -> tuple[str | None, str | None]:
        """The organisation's ``(sector, code)`` on ``when`` (latest period if None)."""
        sector, code = self.sector, self.code
        for period in self.periods:
            if when is None or period.start <= when:
                sector, code = period.sector, period.code or code
        return sector, code

    def role_on(self, when: date | None) -> tuple[Role | None, str]:
        """The office a person holds on ``when`` and the status it gives.

        Returns:
            ``(role, status)``: status "in_office", "former" (after some
            office, none now), "before" (before any office) or "none".
        """
        if not self.roles:
            return None, "none"
        latest = max(self.roles, key=lambda r: (r.start or date.min))
        if when is None:
            return latest, "in_office"
        current = [r for r in self.roles if r.covers(when)]
        if current:
            # Prefer the highest office when several overlap.
            order = tuple(ROLE_SECTORS)
            return min(current, key=lambda r: order.index(r.role) if r.role in order else 99), "in_office"
        past = [r for r in self.roles if r.end is not None and r.end <= when]
        if past:
            return max(past, key=lambda r: r.end or date.min), "former"
        first = min(self.roles, key=lambda r: (r.start or date.min))
        return first, "before"
