"""Finding the claims that hold an offset (used per event, so indexed) agrees with a walk over all."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tidings.model import Claim
from tidings.quotes.claims import _outermost, claim_at


def _claim(start: int, length: int, cue: int) -> Claim:
    return Claim(id="", article_id="a", sentence_index=0, start=min(start, cue), end=max(start + length, cue + 1),
                 speaker=None, cue="said", cue_start=cue, cue_end=cue + 4, content="x" * length,
                 content_start=start, content_end=start + length, kind="statement")


CLAIMS = st.lists(st.builds(_claim, st.integers(0, 300), st.integers(1, 80), st.integers(0, 400)), max_size=25)


class _Article:
    def __init__(self, claims):
        self.claims = claims


@given(CLAIMS, st.integers(0, 400), st.integers(0, 10))
@settings(max_examples=300, deadline=None)
def test_claim_at_is_the_innermost_claim_holding_the_offsets(claims, start, width):
    end = start + width
    holding = [c for c in claims if c.content_start <= start and end <= c.content_end]
    expected = min(holding, key=lambda c: c.content_end - c.content_start) if holding else None
    assert claim_at(_Article(claims), start, end) is expected


@given(CLAIMS)
@settings(max_examples=300, deadline=None)
def test_outermost_keeps_the_claims_whose_cue_no_other_claim_holds(claims):
    kept = []
    for c in claims:
        if any(o is not c and o.content_start <= c.cue_start < o.content_end for o in claims):
            continue
        if any(k.content_start == c.content_start and k.content_end == c.content_end for k in kept):
            continue
        kept.append(c)
    assert _outermost(claims) == sorted(kept, key=lambda c: (c.start, c.cue_start))
