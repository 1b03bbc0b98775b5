"""The labelled articles written to train the event classifier (training/data/unshipped/articles):
sound offsets, known labels, and no sentence shared with the dev set's written articles, which
judge the model."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tidings.events.lexicon import TYPES

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "training" / "data" / "unshipped"
LABELS = {*TYPES, "NONE"}
ARTICLES = {p.name: p for p in (DATA / "articles").rglob("*.txt")}
LABELLED = [json.loads(line) for path in sorted(DATA.glob("written_candidates_*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _sentences(text: str) -> set[str]:
    return {" ".join(s.lower().split()) for s in re.split(r"(?<=[.!?])\s+|\n+", text) if len(s.split()) >= 6}


def test_every_labelled_candidate_points_into_its_article() -> None:
    assert LABELLED, f"no labelled candidates under {DATA}"
    for c in LABELLED:
        assert c["label"] in LABELS, (c["doc"], c["trigger"], c["label"])
        raw = ARTICLES[c["doc"]].read_text(encoding="utf-8")
        lo, hi = c["sent"]
        assert 0 <= lo <= c["trigger"][0] < c["trigger"][1] <= hi <= len(raw), (c["doc"], c["trigger"])
        assert raw[c["trigger"][0]:c["trigger"][1]] == c["trigger_text"], (c["doc"], c["trigger"])
        for role in ("source", "target"):
            if c.get(role):
                assert lo <= c[role][0] < c[role][1] <= hi, (c["doc"], role, c[role])


def test_no_training_article_shares_a_sentence_with_the_dev_sets_written_articles() -> None:
    judged = ROOT / "bench" / "devset" / "written"
    if not judged.is_dir():
        pytest.skip(f"{judged} not found")
    seen = set().union(*(_sentences(p.read_text(encoding="utf-8")) for p in judged.glob("*.txt")))
    for name, path in ARTICLES.items():
        shared = _sentences(path.read_text(encoding="utf-8")) & seen
        assert not shared, (name, sorted(shared)[:3])


def test_the_written_errors_tool_sorts_a_candidate_by_type_and_judged_source(monkeypatch) -> None:
    import sys
    from types import SimpleNamespace

    monkeypatch.syspath_prepend(str(ROOT / "bench"))
    monkeypatch.syspath_prepend(str(ROOT / "training"))
    sys.modules.pop("written_errors", None)
    import written_errors

    label = {"label": "ACCUSE", "source_name": "Iran", "source_ok": True}
    by_iran = SimpleNamespace(type="ACCUSE", cameo="112", sources=[{"name": "Iran"}])
    assert written_errors.outcome(label, by_iran) == "coded-right"
    assert written_errors.outcome(label, SimpleNamespace(type="ACCUSE", cameo="112", sources=[{"name": "Iraq"}])) \
        == "coded-right?src"
    assert written_errors.outcome(label, SimpleNamespace(type="REJECT", cameo="120", sources=[])) == "coded-wrongtype"
    # "Iran said it would meet ...": labelled as the deed (CONSULT), coded as the promise (AGREE 036)
    meeting = {**label, "label": "CONSULT"}
    assert written_errors.outcome(meeting, SimpleNamespace(type="AGREE", cameo="036", sources=[{"name": "Iran"}])) \
        == "coded-right"
    assert written_errors.outcome(meeting, SimpleNamespace(type="AGREE", cameo="057", sources=[{"name": "Iran"}])) \
        == "coded-wrongtype"
    assert written_errors.outcome(label, None) == "dropped-event"
    assert written_errors.outcome({**label, "label": "NONE"}, by_iran) == "coded-NONE"
    assert written_errors.outcome({**label, "label": "NONE"}, None) == "dropped-NONE"
    assert sum(len(v) for v in written_errors.labelled().values()) == len(LABELLED)


def test_an_untargeted_copy_loses_only_its_target_mark_and_keeps_its_held_out_fate() -> None:
    import sys

    sys.path.insert(0, str(ROOT / "training"))
    import dataset

    event = dataset.Row("<s>Russia</s> <e>attacked</e> <t>Ukraine</t> on Monday.", "ASSAULT", 4, 1.0, "plv")
    untargeted = dataset.Row("<s>Russia</s> <e>attacked</e> a depot on Monday.", "ASSAULT", 4, 1.0, "plv")
    none = dataset.Row("<s>Trump</s> <e>met</e> <t>donors</t> for lunch.", "NONE", None, 1.0, "candidates")
    copies = dataset.untargeted_copies([event, untargeted, none], 0.5)
    assert [(c.text, c.type, c.weight) for c in copies] == [
        ("<s>Russia</s> <e>attacked</e> Ukraine on Monday.", "ASSAULT", 0.5)]
    assert copies[0].held_out == event.held_out


@pytest.mark.skipif(not (ROOT.parent / "shared" / "data" / "polnear").is_dir(), reason="needs ../shared/data/polnear")
def test_a_wrong_source_row_marks_the_judged_wrong_source_as_no_event() -> None:
    import sys

    sys.path.insert(0, str(ROOT / "training"))
    import dataset

    rows = dataset.wrong_sources(0.5)
    assert rows and all(r.type == "NONE" and r.weight == 0.5 and "<s>" in r.text for r in rows)
    # each is a candidate the classifier also reads with its type and no source marked, held out alike
    def key(text: str) -> tuple[str, str | None]:
        trigger = re.search(r"<e>(.*?)</e>", text)
        return dataset.normalise(text), trigger.group(1) if trigger else None

    typed = {key(r.text): r for r in dataset.candidates() if r.type != "NONE" and "<s>" not in r.text}
    for row in (r for r in rows if "<e>" in r.text):  # a relation's row marks its parties alone
        original = typed[key(row.text)]
        assert original.held_out == row.held_out
