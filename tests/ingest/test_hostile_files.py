"""Hostile files: every bad input is one line naming it and the problem; the good ones are read."""

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tidings.errors import InputError
from tidings.ingest.files import read_file, read_jsonl

GOOD = "A good article\n\n" + "North Korea said on Friday it would hold talks with South Korea. " * 4


def read(path: Path, **kw) -> list:
    items = list(read_file(path, **kw))
    assert all(isinstance(i, InputError) or i.origin.startswith(str(path)) for i in items)
    return items


def only_error(path: Path, **kw) -> str:
    items = read(path, **kw)
    assert len(items) == 1 and isinstance(items[0], InputError), items
    assert str(items[0]).startswith(str(path)) and "\n" not in str(items[0])
    return str(items[0])


def test_utf16_with_an_odd_byte_is_an_error_line(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_bytes(b"\xff\xfe" + "Title\n\nBody text".encode("utf-16-le") + b"\x41")
    assert "not valid UTF-16" in only_error(path)


def test_utf16_with_a_lone_surrogate_is_an_error_line(tmp_path):
    path = tmp_path / "surrogate.txt"
    path.write_bytes(b"\xff\xfe" + "Title\n\n".encode("utf-16-le") + b"\x00\xd8" + "abc".encode("utf-16-le"))
    assert "not valid UTF-16" in only_error(path)


def test_deeply_nested_json_is_an_error_for_its_line_only(tmp_path):
    path = tmp_path / "wire.jsonl"
    good = json.dumps({"text": GOOD, "title": "ok"})
    path.write_text(good + "\n" + '{"text": ' + "[" * 100_000 + "\n" + good + "\n", encoding="utf-8")
    items = read(path)
    assert [type(i).__name__ for i in items] == ["RawDocument", "InputError", "RawDocument"]
    assert str(items[1]) == f"{path}:2: invalid JSON: nested too deeply"


def test_a_lone_surrogate_escape_in_json_is_an_error_line(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text('{"text": "abc \\ud800 def"}\n', encoding="utf-8")
    assert "lone UTF-16 surrogate" in only_error(path)


def test_a_deeply_nested_sidecar_is_an_error_line(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "a.json").write_text("[" * 100_000, encoding="utf-8")
    [error] = read_file(tmp_path / "a.txt")
    assert str(error) == f"{tmp_path / 'a.json'}: invalid JSON sidecar: nested too deeply"


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path):
    path = tmp_path / "big.html"
    path.write_text("<p>" + "x" * 2_000 + "</p>", encoding="utf-8")
    message = only_error(path, max_bytes=1_000)
    assert "larger than the limit of 0.001 MB" in message and "--max-file-mb" in message


def test_a_json_lines_line_over_the_limit_is_skipped_and_the_others_read(tmp_path):
    path = tmp_path / "wire.jsonl"
    good = json.dumps({"text": GOOD})
    path.write_text(good + "\n" + json.dumps({"text": "y" * 5_000}) + "\n" + good + "\n", encoding="utf-8")
    items = read(path, max_bytes=1_000)
    assert [type(i).__name__ for i in items] == ["RawDocument", "InputError", "RawDocument"]
    assert str(items[1]).startswith(f"{path}:2: line is longer than the limit")
    assert items[2].origin == f"{path}:3"


@given(st.binary(max_size=2_000), st.sampled_from([".txt", ".html", ".jsonl"]))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_bytes_give_documents_or_error_lines_never_an_exception(tmp_path, data, suffix):
    path = tmp_path / f"any{suffix}"
    path.write_bytes(data)
    for item in read_file(path, max_bytes=1_500):
        if isinstance(item, InputError):
            assert "\n" not in item.reason


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.floats(allow_nan=True) | st.integers() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(
        ["text", "html", "title", "url", "published", "source", "author", "x"]), inner, max_size=6),
    max_leaves=20)


@given(st.lists(JSON_VALUES.map(json.dumps) | st.text(max_size=60), max_size=8))
@settings(max_examples=300, deadline=None)
def test_json_lines_of_any_values_give_documents_or_error_lines(lines):
    items = list(read_jsonl("\n".join(lines), "wire.jsonl"))
    for item in items:
        if isinstance(item, InputError):
            assert item.origin.startswith("wire.jsonl:") and "\n" not in item.reason
        else:
            assert isinstance(item.text if item.text is not None else item.html, str)


@pytest.mark.slow
def test_a_run_over_hostile_files_stores_the_good_ones_and_names_each_bad_one(pipeline, store, tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "odd.txt").write_bytes(b"\xff\xfe" + "Title\n\nBody".encode("utf-16-le") + b"\x41")
    (tmp_path / "wire.jsonl").write_text(
        json.dumps({"text": GOOD.replace("Friday", "Monday")}) + "\n" + '{"a": ' + "[" * 50_000 + "\n"
        + '{"text": "bad \\udc00 text"}\n', encoding="utf-8")
    report = pipeline.run([str(tmp_path)], store)
    assert report.added == 2
    assert sorted(e.origin for e in report.failed) == sorted(
        [str(tmp_path / "odd.txt"), f"{tmp_path / 'wire.jsonl'}:2", f"{tmp_path / 'wire.jsonl'}:3"])


@pytest.mark.slow
def test_an_article_over_max_chars_is_refused_with_the_limit(store, tmp_path):
    from tidings import Options, Pipeline

    (tmp_path / "long.txt").write_text("Long\n\n" + "Talks went on in Seoul. " * 200, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    report = Pipeline(Options(max_chars=2_000, progress=False)).run([str(tmp_path)], store)
    assert report.added == 1
    [error] = report.failed
    assert error.origin == str(tmp_path / "long.txt")
    assert "over the limit of 2,000" in error.reason and "--max-chars" in error.reason
