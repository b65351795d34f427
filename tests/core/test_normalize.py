"""Text normalisation: what PDF producers do to words is undone before matching."""

from __future__ import annotations

import pytest

from screener.normalize import normalize_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Certiﬁed ﬂexible eﬃcient", "Certified flexible efficient"),
        ("PMP\u00a0certified", "PMP certified"),
        ("Scrum\u200bMaster", "ScrumMaster"),
        ("manage\u00adment", "management"),
        ("P M P", "PMP"),
        ("Leo\t  Leopard\t  ", "Leo Leopard"),
        ("PRINCE2® Practitioner", "PRINCE2 Practitioner"),
        ("ITIL™ 4", "ITIL 4"),
        ("on\u2010campus", "on-campus"),
        ("Jan 2015 – Present", "Jan 2015 – Present"),
    ],
)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected
