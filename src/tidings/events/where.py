"""Where an event happened: a place named in the trigger's clause, resolved to coordinates."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from ..actors.evidence import entity_of, phrase_tokens
from ..actors.kb import KnowledgeBase
from ..actors.names import norm

LOCATION_PREPS = {"in", "at", "near", "outside", "inside", "across", "along", "off", "within", "around", "into",
                  "over", "on"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
INNER_DEPS = {"prep", "pobj", "appos", "compound", "poss", "conj"}
NESTING = 3  # edges followed inside a locative phrase


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    text: str | None = None  # as written in the sentence, with character offsets
    start: int | None = None
    end: int | None = None

    def as_dict(self) -> dict:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon}


@lru_cache(maxsize=1)
def landmarks() -> dict[str, Place]:
    """Borders, zones, seas and regions from data/places.tsv, by normalised name."""
    text = resources.files("tidings.events").joinpath("data", "places.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    out = {}
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE, restval=""):
        place = Place(row["name"], row["country"] or None, float(row["lat"]), float(row["lon"]))
        for name in [row["name"], *row["aliases"].split("|")]:
            if name.strip():
                out[norm(name)] = place
    return out


def resolve_place(texts: list[str], kb: KnowledgeBase, landmarks_only: Sequence[str] = ()) -> Place | None:
    """A landmark, city, region or country named by one of the texts, or a landmark named by one of
    ``landmarks_only`` (the tails of a noun phrase: "the demilitarized zone")."""
    for text in landmarks_only:
        if norm(text) in landmarks():
            return landmarks()[norm(text)]
    for text in texts:
        key = norm(text)
        if key in landmarks():
            return landmarks()[key]
        country = next((e.actor for e in kb.lookup(text) if e.kind == "country"), None)
        if country is not None:
            lat, lon = kb.country_coords.get(country.id, (None, None))
            return Place(country.name, country.id, lat, lon)
        city = kb.place(text)
        if city is not None and city.lat is not None:
            return Place(city.name, city.country, city.lat, city.lon)
    return None


def _phrases(obj: Token) -> tuple[list[str], list[str]]:
    """Candidate names for a prepositional object: the place entity it is part of, and the
    tails of its noun phrase, longest first, to be matched against landmarks only."""
    ent = entity_of(obj)
    # the small model tags some towns as peoples ("Samarra"); a place name still has to resolve
    names = [ent.text] if ent is not None and (ent.label_ in PLACE_LABELS or obj.pos_ == "PROPN") else []
    words = [t for t in obj.doc[obj.left_edge.i:obj.i + 1] if t.dep_ != "det"]
    tails = [" ".join(t.text for t in words[i:]) for i in range(len(words))]
    return names, tails


def _place_in(obj: Token, kb: KnowledgeBase) -> Place | None:
    """The place a locative object names, itself or further in its phrase: "near the town of
    Samarra", "in the capital Kabul", "at a jail in East Timor's capital Dili"."""
    for tok in phrase_tokens([obj], INNER_DEPS, LOCATION_PREPS | {"of"}, NESTING):
        if tok.pos_ not in ("PROPN", "NOUN"):
            continue
        names, tails = _phrases(tok)
        place = resolve_place(names, kb, tails)
        if place is not None:
            ent = entity_of(tok)
            span = ent if ent is not None else tok.doc[tok.i:tok.i + 1]
            return replace(place, text=span.text, start=span.start_char, end=span.end_char)
    return None


def event_location(trigger: Token, sentence: Span, kb: KnowledgeBase) -> Place | None:
    """A place attached by a locative preposition to the trigger, the verb it depends on, or the
    noun that is the trigger's subject ("a bombing near Samarra killed ...")."""
    heads = [trigger] + ([trigger.head] if trigger.head.i != trigger.i else [])
    heads += [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"]
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in LOCATION_PREPS:
                continue
            # "outside of the city of Basra": the object may hang on a second preposition
            objects = [g for c in prep.children for g in ([c] if c.dep_ == "pobj" else c.children if c.dep_ == "prep" else [])
                       if g.dep_ == "pobj"]
            for obj in objects:
                if obj.dep_ == "pobj":
                    place = _place_in(obj, kb)
                    if place is not None:
                        return place
    return None


def call_origin(trigger: Token, kb: KnowledgeBase) -> Place | None:
    """Where a telephone call was made from ("she said, speaking by phone from Nice"): a place, not
    the party on the other end of the line."""
    for prep in trigger.children:
        if prep.dep_ == "prep" and prep.lower_ == "from":
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                place = _place_in(obj, kb)
                if place is not None:
                    return place
    return None
