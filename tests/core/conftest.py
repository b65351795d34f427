"""Shared fixtures for engine tests: CV lines built from plain tuples."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest

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
