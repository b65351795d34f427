"""Shared fixtures for engine tests: CV lines built from plain tuples, and generated CV PDFs."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from cvgen.corpus import eval_corpus
from cvgen.render import render
from screener.models import Box, Line, Section

LineSpec = tuple[str, Section, float, bool]  # text, section, font size, bold
LINE_GAP = 4.0


def lines_from(specs: Iterable[LineSpec], page: int = 1) -> tuple[Line, ...]:
    """Lines in reading order, each placed below the previous one on the page."""
    lines = []
    top = 40.0
    for text, section, size, bold in specs:
        lines.append(Line(text, page, Box(50.0, top, 50.0 + 5.0 * len(text), top + size), size, bold, section))
        top += size + LINE_GAP
    return tuple(lines)


@pytest.fixture
def make_lines() -> Callable[..., tuple[Line, ...]]:
    """Build Lines from (text, section, size, bold) tuples; pass page= for a later page."""
    return lines_from


def write_cvs(directory: Path, count: int, seed: int = 5) -> list[Path]:
    """Render `count` generated CVs into `directory`; their paths, sorted."""
    directory.mkdir(parents=True, exist_ok=True)
    specs = eval_corpus(count, seed)
    for name, spec in specs.items():
        render(spec, directory / name)
    return sorted(directory / name for name in specs)


@pytest.fixture(scope="session")
def cv_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Six generated CV PDFs, rendered once per test run; copy them before changing them."""
    return write_cvs(tmp_path_factory.mktemp("cvs"), 6)


@pytest.fixture
def make_cvs() -> Callable[..., list[Path]]:
    """Render generated CVs: make_cvs(directory, count, seed=5) -> their paths."""
    return write_cvs
