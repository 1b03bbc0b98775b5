"""The ``verify`` step: how likely a finished event is to be right, learned from labelled events.

After the classifier and the last rules, every draft is finished: type, source, target, modality,
date and place. Whether it is *right* (a real event, of that type, by that source) depends on
things neither the classifier nor any one rule sees alone: how sure the classifier is of the final
type, whether the classifier re-typed it, how far the source stands from the trigger and how the
rules found it, whether the event is a statement, whether the article tells the same act again. A
logistic regression
over those features (``model/verifier.json``, trained by ``training/train_verifier.py`` on events
labelled right or wrong in whole articles) gives each draft the probability that it is right. It
becomes the event's ``confidence``, and drafts below ``Policy.verify_below`` (or
``Options.min_event_confidence``) are dropped.

Runs only with the event model on; coded by the rules alone, ``confidence`` stays the rules' own
score (rules.py ``confidence``).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Sequence

from ..quotes.claims import claim_at
from .classifier import MODEL_DIR, Prediction, load_classifier
from .draft import EventDraft, Scene
from .learned import marked_text
from .modality import ASSERTED
from .relations import RELATION
from .statements import STATEMENT, only_says

PRONOUNS = {"he", "she", "they", "it", "him", "her", "them", "his", "its", "their", "we", "i", "you", "who", "which",
            "that"}
# rules whose presence in a draft's trace says how its roles or intention were read
TRACED = ("speaker", "asked_party_acts", "accused_party_acts", "officials_state_acts", "wanted_act",
          "demand_of_another", "own_intention", "named_agent", "mutual_meeting", "host_visit", "located_source")


def reading(draft: EventDraft) -> Prediction:
    """The classifier's reading of a finished draft: the one of the classify slot, or, for a draft the
    slot did not read (a forecast, a denial, a noun whose type the rules keep), one made now. It
    changes nothing of the draft, but the verifier learns from it: "Kaine's dangerous proposal" read
    as 0.01 of being an event is rarely right. Reading them raised the verifier's out-of-fold AUC
    from 0.793 to 0.804 (thirty-third session); they are about one finished draft in twenty."""
    return draft.reading or load_classifier().predict([marked_text(draft)])[0]


RETOLD_CAP = 3  # retellings counted


def retold(draft: EventDraft, drafts: Sequence[EventDraft]) -> int:
    """How many other drafts of the article tell an act of the same type by the same known actor (at
    most RETOLD_CAP): an act the article comes back to is its news more often than one it mentions
    once ("Clinton tweeted ..." and, lower down, "Clinton's attack on Sanders")."""
    actor = draft.sources[0].actor_id if draft.sources else None
    if not actor:
        return 0
    same = sum(1 for d in drafts if d.token.i != draft.token.i and d.type == draft.type
               and d.sources and d.sources[0].actor_id == actor)
    return min(same, RETOLD_CAP)


def features(draft: EventDraft, scene: Scene, drafts: Sequence[EventDraft]) -> dict[str, float]:
    """The verifier's features of a finished draft (``drafts``: all the article's finished drafts, the
    draft among them): numbers, and ``name=value`` indicators. Neither
    the event's type nor the kind of its source is one: the labelled events are mostly US political
    news, where a state acting or a protest is rarer than in the international news Tidings is for,
    and with them the verifier learned those priors (0.02 more out-of-fold precision on the dev
    splits) and dropped the seed articles' plain events ("Japan lodged a protest with North Korea")."""
    tok, sent, p = draft.token, draft.sentence, reading(draft)
    probs = sorted(p.probs.values(), reverse=True)
    src = draft.sources[0] if draft.sources else None
    kind = draft.trigger.type if draft.trigger.type in (STATEMENT, RELATION) else "rule"
    claim = claim_at(scene.article, tok.idx, tok.idx + len(tok.text))
    known = src is not None and src.actor_id in scene.kb.by_id
    f = {
        "read": float(draft.reading is not None),  # whether the classify slot could drop or re-type it
        "p_event": p.p_event,
        "p_type": p.p(draft.type),
        "margin": probs[0] - probs[1],
        f"origin={kind}": 1.0,
        # a statement only said ("Giuliani said ...") is an act far less often than one that
        # characterises ("called him a liar"): about half as often on the labelled events
        "stmt_says": float(kind == STATEMENT and only_says(tok)),
        f"modality={draft.modality}": 1.0,
        "has_source": float(src is not None),
        f"src_found={src.found if src is not None else 'none'}": 1.0,
        "src_actor": float(bool(src is not None and src.actor_id)),
        "src_kb": float(known),
        "src_role": float(bool(src is not None and src.sectors)),
        # a person Tidings never heard of and who holds no office the text names: often a private
        # person (a columnist, an actor), whose opinions are no events
        "src_private": float(src is not None and scene.private_person(src)),
        "src_pron": float(bool(src is not None and src.text and src.text.lower() in PRONOUNS)),
        "src_out": float(bool(src is not None and src.start is not None
                              and not sent.start_char <= src.start < sent.end_char)),
        "src_dist": min(abs(src.start - tok.idx) / 100, 5.0) if src is not None and src.start is not None else 0.0,
        "n_src": float(len(draft.sources)),
        "has_target": float(bool(draft.targets)),
        "tgt_known": float(any(t.known for t in draft.targets)),
        "nominal": float(draft.nominal),
        f"intent={draft.intent or 'none'}": 1.0,
        "retyped": float("classify" in draft.trace),
        "attributed": float(bool((claim is not None and claim.speaker) or draft.speaker.info)),
        "sent_len": len(sent) / 30,
        "has_date": float(draft.date is not None),
        "has_place": float(draft.place is not None),
        "rule_conf": draft.confidence,
        "retold": retold(draft, drafts) / RETOLD_CAP,
    }
    f.update({f"tr_{name}": 1.0 for name in TRACED if name in draft.trace})
    return f


@dataclass(frozen=True)
class Verifier:
    """A logistic regression over ``features``: one weight per feature name, and an intercept."""

    weights: dict[str, float]
    intercept: float
    precise_from: float | None = None  # the high-precision setting (training/train_verifier.py)
    strict_from: float | None = None  # the strict setting: recall held to the filed coder's (the same)

    def probability(self, feats: dict[str, float]) -> float:
        z = self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-z))

    @classmethod
    def load(cls, path: Path = MODEL_DIR / "verifier.json") -> Verifier | None:
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(weights=data["weights"], intercept=data["intercept"], precise_from=data.get("precise_from"),
                   strict_from=data.get("strict_from"))


def precise_from() -> float | None:
    """The shipped high-precision setting: the lowest confidence at which the verifier's out-of-fold
    strict precision on the dev splits reached 0.80 (``training/train_verifier.py``); None without one."""
    verifier = load_verifier()
    return verifier.precise_from if verifier is not None else None


def strict_from() -> float | None:
    """The shipped strict setting: the highest confidence at which the verifier's out-of-fold strict
    recall on the dev splits stays at the coder's when the events issue was filed (0.144), in 80% of
    bootstrap resamples (``training/train_verifier.py``); None without one."""
    verifier = load_verifier()
    return verifier.strict_from if verifier is not None else None


def confidence_help() -> str:
    """What a minimum confidence filters, for the CLI's and the API's help, with the shipped setting."""
    setting, strict = precise_from(), strict_from()
    told = (f" {setting:g} is the high-precision setting: about 0.8 strict precision on the dev data out of "
            "fold and 0.70 on unseen news, against 0.54 for all events, with fewer events "
            "(docs/model.md)."
            if setting is not None else "")
    if strict is not None:
        told += (f" {strict:g} is the strict setting: on the dev data as many right events as the coder found when "
                 "the events issue was filed; on unseen news 0.79 of those kept are right, at a little less recall.")
    return ("Only events whose confidence is at least this: the learned verifier's estimated probability that the "
            f"event is right (type and source).{told} Events coded without the event model carry the rules' own "
            "score (0.5 to 1.0) instead.")


@cache
def load_verifier() -> Verifier | None:
    """The shipped verifier, read once per process; None where none ships (every draft is kept)."""
    return Verifier.load()


def verify(drafts: list[EventDraft], scene: Scene, threshold: float) -> list[EventDraft]:
    """Each draft with its probability of being right as its confidence; those told as having
    happened (asserted) are dropped below ``threshold``. Forecasts and denials are kept whatever
    their probability: they are what a reader checks the modality of, never counted as
    happened, and they carry the low confidence for whoever filters on it."""
    verifier = load_verifier()
    if verifier is None:
        return drafts
    out = []
    for draft in drafts:
        p = verifier.probability(features(draft, scene, drafts))
        if p >= threshold or draft.modality != ASSERTED:
            out.append(replace(draft, confidence=round(p, 3), trace=draft.trace + ("verify",)))
    return out
