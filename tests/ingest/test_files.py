from pathlib import Path

from tidings.errors import InputError
from tidings.ingest.files import read_file, split_title
from tidings.ingest.sources import discover


def one(path: Path, encoding=None):
    items = list(read_file(path, encoding))
    assert len(items) == 1
    return items[0]


def test_plain_text_first_nonempty_line_is_title(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("\n\n  Seoul answers  \n\nBody one.\n\nBody two.\n", encoding="utf-8")
    doc = one(p)
    assert doc.title == "Seoul answers"
    assert doc.text.strip() == "Body one.\n\nBody two."
    assert doc.format == "txt"


def test_sidecar_supplies_metadata(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\nBody text here.", encoding="utf-8")
    (tmp_path / "a.json").write_text('{"published": "2024-11-01", "source": "Daily", "url": "https://x.org/a"}')
    doc = one(tmp_path / "a.txt")
    assert str(doc.published) == "2024-11-01" and doc.source == "Daily" and doc.url == "https://x.org/a"


def test_bad_sidecar_date_names_the_file(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\nBody.", encoding="utf-8")
    (tmp_path / "a.json").write_text('{"published": "not a date at all"}')
    item = one(tmp_path / "a.txt")
    assert isinstance(item, InputError) and "published" in item.reason and item.origin.endswith("a.txt")


def test_jsonl_reads_good_lines_and_reports_malformed_ones(tmp_path):
    p = tmp_path / "w.jsonl"
    p.write_text('{"title": "One", "text": "First body.", "published": "2024-10-31"}\n'
                 '{"title": "Two", "text": broken}\n'
                 '\n'
                 '["not", "an", "object"]\n'
                 '{"title": "Three"}\n'
                 '{"title": "Four", "html": "<p>Para</p>"}\n', encoding="utf-8")
    items = list(read_file(p))
    assert [type(i).__name__ for i in items] == ["RawDocument", "InputError", "InputError", "InputError", "RawDocument"]
    assert items[1].origin == f"{p}:2" and "invalid JSON" in items[1].reason
    assert items[2].origin == f"{p}:4"
    assert "neither" in items[3].reason
    assert items[4].html == "<p>Para</p>" and items[4].text is None


def test_binary_junk_is_rejected(tmp_path):
    p = tmp_path / "junk.txt"
    p.write_bytes(bytes(range(256)) * 20)
    item = one(p)
    assert isinstance(item, InputError) and "binary" in item.reason


def test_bad_encoding_is_named_and_encoding_option_reads_it(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Caf\u00e9 talks\n\nThe caf\u00e9 owner said talks resumed.".encode("cp1252"))
    item = one(p)
    assert isinstance(item, InputError) and "not UTF-8" in item.reason and "0xe9" in item.reason
    doc = one(p, encoding="cp1252")
    assert doc.title == "Caf\u00e9 talks"


def test_unsupported_suffix_lists_valid_ones(tmp_path):
    p = tmp_path / "a.pdf"
    p.write_bytes(b"%PDF-1.4")
    item = one(p)
    assert isinstance(item, InputError) and ".html" in item.reason and ".jsonl" in item.reason


def test_discover_recurses_skips_sidecars_and_reports_missing(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<p>x</p>")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "a.json").write_text("{}")
    found = discover([str(tmp_path), str(tmp_path / "missing.txt")])
    names = [f.name for f in found if isinstance(f, Path)]
    assert names == ["a.txt", "b.html"]
    assert isinstance(found[-1], InputError) and "no such file" in found[-1].reason


def test_split_title_of_empty_text():
    assert split_title("\n \n") == (None, "")
