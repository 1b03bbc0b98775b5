"""Curated data files shipped inside a stage's package (``<package>/data/*.tsv``): a header row, then
tab-separated rows; blank lines and lines starting with ``#`` are comments."""

from __future__ import annotations

import csv
from importlib import resources


def package_rows(package: str, name: str) -> list[dict[str, str]]:
    """The rows of ``data/<name>`` in ``package`` ("tidings.events") as dicts keyed by its header."""
    text = resources.files(package).joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
