"""Shared by the quality gates: the benchmark scripts under bench/, imported as modules."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_bench(name: str) -> ModuleType:
    """A script of bench/ imported as a module (bench/ on the path for its own imports)."""
    if str(ROOT / "bench") not in sys.path:
        sys.path.insert(0, str(ROOT / "bench"))
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def bench_module() -> Callable[[str], ModuleType]:
    return load_bench


@pytest.fixture(scope="session")
def event_model_pipeline():
    """The pipeline up to the events stage with the learned event model on (bench/events.py's), once a session."""
    return load_bench("events").make_pipeline(True)
