"""The learned event classifier: is a candidate an event, and of which PLOVER type.

A fine-tuned MiniLM-L6 (``training/train.py``; provenance and figures in docs/model.md), shipped as
int8 ONNX with its tokenizer in ``events/model/``, run with onnxruntime and tokenizers only. Its
input is the candidate's sentence with the source marked ``<s>...</s>`` and the target
``<t>...</t>``, as the PLV data marks them, and the trigger word ``<e>...</e>``, which tells apart the
candidates of one sentence.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from ..store.formats import quad_code

MODEL_DIR = Path(__file__).resolve().parent / "model"
# CAMEO's five coarse classes (ConfliBERT's set): 0 statement or appeal, 1 verbal cooperation,
# 2 material cooperation, 3 verbal conflict, 4 material conflict
PENTA_OF_TYPE = {"REQUEST": 0, "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "COOPERATE": 2, "AID": 2,
                 "CONCEDE": 2, "RETREAT": 2, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "SANCTION": 3,
                 "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}


def penta_of_type(type_: str) -> int | None:
    """The coarse CAMEO class a PLOVER type falls in (REQUEST as appeal), None for NONE."""
    return PENTA_OF_TYPE.get(type_)


def quad_of_type(type_: str) -> int | None:
    """The PLOVER quad code (1-4) of a type."""
    return quad_code(type_)


@dataclass(frozen=True)
class Prediction:
    """The classifier's reading of one candidate."""

    label: str  # the most likely of the 16 types and NONE
    best_type: str  # the most likely of the 16 types
    p_event: float  # 1 - P(NONE)
    p_type: float  # P(best_type), over all 17 labels
    probs: dict[str, float]
    penta: int

    def p(self, type_: str) -> float:
        return self.probs.get(type_, 0.0)


Span = tuple[int, int]


def mark(sentence: str, offset: int, source: Span | None, target: Span | None, trigger: Span | None = None) -> str:
    """The sentence (which starts at character ``offset``) with the source, target and trigger spans
    marked; a span outside the sentence, or overlapping one marked before it, is left unmarked."""
    marks: list[tuple[int, int, str]] = []
    taken: list[Span] = []
    for span, tag in ((source, "s"), (target, "t"), (trigger, "e")):
        if span is None or not offset <= span[0] < span[1] <= offset + len(sentence):
            continue
        if any(span[0] < b and a < span[1] for a, b in taken):
            continue
        taken.append(span)
        marks += [(span[0] - offset, 1, f"<{tag}>"), (span[1] - offset, 0, f"</{tag}>")]
    out, at = [], 0
    for pos, _, tag in sorted(marks):
        out += [sentence[at:pos], tag]
        at = pos
    out.append(sentence[at:])
    return "".join(out)


CACHE_SIZE = 8192  # marked texts whose answers a process remembers (oldest forgotten first)
MARKS = ("<s>", "</s>", "<t>", "</t>", "<e>", "</e>")  # one token each in the trained tokenizer


def trigger_index(ids: np.ndarray, mark: tuple[int, ...]) -> np.ndarray:
    """For each row of word-piece ids, the position of the first piece after the trigger mark (the
    pieces ``mark``), or 0, the [CLS] piece, where no trigger is marked."""
    n, width = len(mark), ids.shape[1]
    hits = np.ones((ids.shape[0], max(width - n, 0)), dtype=bool)
    for k, piece in enumerate(mark):
        hits &= ids[:, k:width - n + k] == piece
    found = hits.any(axis=1)
    return np.where(found, hits.argmax(axis=1) + n, 0).astype(np.int64)


def clip(ids: list[int], budget: int | None, marks: frozenset[int], trigger: int) -> list[int]:
    """A candidate's word pieces cut to ``budget`` (its first and last special pieces kept): the
    window that centres the marked span (from the first mark to the last), or, where the marks lie
    further apart than the budget, the trigger's mark. The model's cost grows with the pieces it
    reads, and the words far from the marks seldom decide a candidate's type; training cuts its rows
    the same way (``training/train.py``). ``budget`` None keeps every piece."""
    if budget is None or len(ids) <= budget:
        return ids
    inner, room = ids[1:-1], budget - 2
    at = [i for i, piece in enumerate(inner) if piece in marks]
    lo, hi = (at[0], at[-1]) if at else (0, 0)
    if hi - lo + 1 > room:
        lo = hi = next((i for i, piece in enumerate(inner) if piece == trigger), lo)
    start = min(max(0, lo - (room - (hi - lo + 1)) // 2), len(inner) - room)
    return [ids[0], *inner[start:start + room], ids[-1]]


class EventClassifier:
    """An int8 ONNX MiniLM with a 17-way type head (16 PLOVER types and NONE) and a 5-way CAMEO head."""

    def __init__(self, folder: Path = MODEL_DIR, threads: int = 1) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        model = folder / "event-classifier.onnx"
        if not model.exists():
            raise FileNotFoundError(f"{model}: the event model is missing; rebuild it with 'make model'")
        meta = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
        self.labels: list[str] = meta["types"]
        self.none = self.labels.index("NONE")
        self.pool = meta.get("pool", "mean")
        self._cache: dict[str, Prediction] = {}
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(meta["max_length"])
        self.trigger_mark = tuple(self.tokenizer.encode("<e>", add_special_tokens=False).ids)
        self.budget: int | None = meta.get("budget")  # word pieces read (models since the 21st session)
        self.marks = frozenset(i for m in MARKS if (i := self.tokenizer.token_to_id(m)) is not None)
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(model), opts, providers=["CPUExecutionProvider"])

    def predict(self, texts: list[str]) -> list[Prediction]:
        """One prediction per marked text, in order. Each text runs alone: the int8 model quantises
        its activations with one scale per run, so a text batched with others (and padded to their
        length) would get a slightly different answer depending on its company; alone, the same
        sentence always gets the same answer, and without padding it is no slower. Answers are
        remembered (``CACHE_SIZE`` texts), so a reprinted article costs no second reading."""
        out = []
        for text in texts:
            found = self._cache.get(text)
            if found is None:
                found = self._run(text)
                if CACHE_SIZE > 0:
                    if len(self._cache) >= CACHE_SIZE:
                        self._cache.pop(next(iter(self._cache)))
                    self._cache[text] = found
            out.append(found)
        return out

    def _run(self, text: str) -> Prediction:
        pieces = clip(self.tokenizer.encode(text).ids, self.budget, self.marks, self.trigger_mark[0])
        ids = np.array([pieces], dtype=np.int64)
        feed = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
        if self.pool == "trigger":
            feed["trigger_index"] = trigger_index(ids, self.trigger_mark)
        type_logits, penta_logits = self.session.run(None, feed)
        return self._prediction(_softmax(type_logits)[0], int(np.argmax(penta_logits[0])))

    def _prediction(self, probs: np.ndarray, penta: int) -> Prediction:
        label = self.labels[int(np.argmax(probs))]
        typed = probs.copy()
        typed[self.none] = -1.0
        best = int(np.argmax(typed))
        return Prediction(label, self.labels[best], float(1.0 - probs[self.none]), float(probs[best]),
                          {name: float(p) for name, p in zip(self.labels, probs)}, penta)


def _softmax(x: np.ndarray) -> np.ndarray:
    z = np.exp(x - x.max(axis=-1, keepdims=True))
    return z / z.sum(axis=-1, keepdims=True)


@cache
def load_classifier(folder: str = str(MODEL_DIR)) -> EventClassifier:
    """The shipped classifier, loaded once per process."""
    return EventClassifier(Path(folder))
