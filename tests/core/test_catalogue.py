"""The catalogue: the shipped file is valid and complete; a broken one is refused naming entry and field."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from screener.catalogue import default_catalogue_path, load_catalogue, parse_catalogue
from screener.errors import CatalogueError

REQUIRED_NAMES = [
    "PMP (Project Management Professional)",
    "CAPM (Certified Associate in Project Management)",
    "PRINCE2 Foundation",
    "PRINCE2 Practitioner",
    "PRINCE2 (level not stated)",
    "CSM (Certified ScrumMaster)",
    "CompTIA Project+",
    "Associate in Project Management",
    "BVOP Certified Project Manager",
    "Certified Project Director",
    "Certified Project Management Practitioner",
    "Certified Project Manager",
    "Master Project Manager",
    "Professional in Project Management",
    "Project Management in IT Security",
]


@pytest.fixture
def raw() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(default_catalogue_path().read_text(encoding="utf-8"))
    return data


def test_shipped_catalogue_has_every_domain_certification() -> None:
    names = {c.name for c in load_catalogue().certifications}
    assert set(REQUIRED_NAMES) <= names
    assert {"PgMP", "PMI-ACP", "PSM", "SAFe"} <= {n.split(" (")[0] for n in names}


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["certifications"][0].update(category="leadership"), "certification 'pmp': field 'category'"),
        (lambda d: d["certifications"][1].update(weight="high"), "certification 'capm': field 'weight'"),
        (lambda d: d["certifications"][2].pop("name"), "certification 'pgmp': missing field 'name'"),
        (lambda d: d["certifications"][0].update(weight=400), "field 'weight' must be between 0 and 100"),
        (lambda d: d.update(schema_version=99), "schema_version 99 is not supported"),
        (lambda d: d["scoring"]["thresholds"].update(technical=-5), "scoring.thresholds.technical"),
        (lambda d: d["certifications"].append(dict(d["certifications"][0])), "id 'pmp' appears more than once"),
    ],
)
def test_invalid_catalogue_names_entry_and_field(raw: dict[str, Any], mutate: Any, message: str) -> None:
    broken = copy.deepcopy(raw)
    mutate(broken)
    with pytest.raises(CatalogueError, match=re.escape(message)):
        parse_catalogue(broken, "my-certs.json")


def test_unreadable_catalogue_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "certs.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"certs\.json: not valid JSON"):
        load_catalogue(path)
