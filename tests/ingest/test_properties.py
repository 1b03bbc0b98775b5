"""Property-based tests: readers and the JSON Lines parser turn any input into documents or one-line
errors, never a traceback; dates, URLs and printed text obey their rules whatever they are given."""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tidings.cli.safe import CONTROL, plain
from tidings.errors import InputError
from tidings.ingest.dates import EARLIEST, parse_date
from tidings.ingest.files import decode, read_file, read_jsonl
from tidings.ingest.raw import RawDocument
from tidings.ingest.urlpolicy import Refused, address_problem, check_url

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)
article_objects = st.fixed_dictionaries(
    {},
    optional={"text": st.text(max_size=200) | json_values, "html": st.text(max_size=200) | json_values,
              "title": st.text(max_size=30) | json_values, "url": st.text(max_size=30) | json_values,
              "published": st.text(max_size=30) | json_values, "source": st.text(max_size=30) | json_values,
              "author": json_values},
)


def one_line_error(item: InputError) -> None:
    assert "\n" not in item.reason or item.reason.count("\n") == 0, item.reason
    assert item.origin


@SETTINGS
@given(st.lists(st.one_of(article_objects.map(json.dumps), json_values.map(json.dumps), st.text(max_size=80)),
                max_size=8))
def test_jsonl_lines_become_documents_or_one_line_errors(lines: list[str]) -> None:
    text = "\n".join(line.replace("\n", " ").replace("\r", " ") for line in lines)
    for item in read_jsonl(text, "wire.jsonl"):
        assert isinstance(item, (RawDocument, InputError))
        if isinstance(item, InputError):
            assert item.origin.startswith("wire.jsonl:")
        else:
            assert (item.text is None) != (item.html is None)
            assert item.published is None or EARLIEST <= item.published


@SETTINGS
@given(st.binary(max_size=600))
def test_decode_gives_text_or_an_input_error(data: bytes) -> None:
    try:
        assert isinstance(decode(data, "x.txt"), str)
    except InputError as exc:
        one_line_error(exc)


@SETTINGS
@given(st.binary(max_size=400), st.sampled_from([".txt", ".html", ".jsonl", ".md"]),
       st.sampled_from([None, "latin-1", "cp1252"]))
def test_read_file_never_raises(data: bytes, suffix: str, encoding: str | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        for item in read_file(path, encoding):
            assert isinstance(item, (RawDocument, InputError))


@SETTINGS
@given(st.text(max_size=300))
def test_utf8_files_stay_utf8_whatever_the_fallback_encoding(text: str) -> None:
    data = text.encode("utf-8")
    if b"\x00" in data or data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return
    assert decode(data, "x.txt", "latin-1") == text.removeprefix("\ufeff")


@SETTINGS
@given(st.one_of(st.text(max_size=40), st.floats(), st.integers(), st.dates(), st.none()))
def test_published_is_a_plausible_date_or_refused(value) -> None:
    try:
        parsed = parse_date(value)
    except ValueError as exc:
        assert "\n" not in str(exc)
        return
    assert parsed is None or (isinstance(parsed, date) and parsed >= EARLIEST)


@SETTINGS
@given(st.text(max_size=80))
def test_url_check_accepts_only_http_and_https_with_a_host(url: str) -> None:
    try:
        target = check_url(url)
    except Refused:
        return
    assert target.scheme in ("http", "https") and target.host and 0 < target.port < 65536


@SETTINGS
@given(st.ip_addresses())
def test_only_global_addresses_pass_the_policy(ip) -> None:
    if address_problem(ip) is None:
        assert ip.is_global and not ip.is_loopback and not ip.is_private and not ip.is_multicast


@SETTINGS
@given(st.text())
def test_plain_text_holds_no_control_characters(value: str) -> None:
    shown = plain(value)
    assert not CONTROL.search(shown) and "\n" not in shown
