"""The public sample CVs beside the project screen as labelled (skipped when ../shared is absent)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from screener.batch import screen_files
from screener.models import Candidate
from screener.settings import Settings

LABELS = Path(__file__).resolve().parents[2] / "bench" / "cv-samples.labels.json"


@pytest.fixture(scope="module")
def labels() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(LABELS.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture
def screened(shared_samples: Path, labels: dict[str, Any]) -> dict[str, Candidate]:
    files = [shared_samples / name for name in labels["files"]]
    results = screen_files(files, Settings(as_of=date.fromisoformat(labels["as_of"])), workers=2)
    return {Path(c.file).name: c for c in results}


def test_every_public_sample_screens_as_labelled(screened: dict[str, Candidate], labels: dict[str, Any]) -> None:
    for name, expected in labels["files"].items():
        candidate = screened[name]
        assert candidate.status == "ok", name
        assert candidate.scores is not None
        assert candidate.contact.name == expected["name"], name
        assert {c.cert_id for c in candidate.held_certifications} == set(expected["held"]), name
        assert sorted((d.level, d.technical) for d in candidate.degrees) == sorted(
            (d["level"], d["technical"]) for d in expected["degrees"]
        ), name
        assert candidate.scores.role_fit == expected["role_fit"], name
        if expected["years"] is not None:
            assert candidate.years_experience == pytest.approx(expected["years"], abs=1.5), name
