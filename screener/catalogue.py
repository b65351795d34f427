"""Load and validate the certification and keyword catalogue (certs.json)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, cast, get_args

from screener.errors import CatalogueError
from screener.models import CertCategory

SCHEMA_VERSION = 1
_CATEGORIES = get_args(CertCategory)


@dataclass(frozen=True)
class Certification:
    id: str
    name: str
    issuer: str
    category: CertCategory
    weight: float
    acronyms: tuple[str, ...]
    phrases: tuple[str, ...]
    not_when: tuple[str, ...]  # a line holding one of these uses the acronym for something else


@dataclass(frozen=True)
class ScoringRules:
    thresholds: Mapping[str, float]
    caps: Mapping[str, Mapping[str, float]]
    points: Mapping[str, Any]


@dataclass(frozen=True)
class Catalogue:
    schema_version: int
    certifications: tuple[Certification, ...]
    degree_fields: Mapping[str, tuple[str, ...]]
    role_titles: Mapping[str, tuple[str, ...]]
    management_keywords: Mapping[str, tuple[str, ...]]
    technical_keywords: Mapping[str, tuple[str, ...]]
    technical_skills: tuple[str, ...]
    scoring: ScoringRules
    source: str
    # Words of project work ("projects", "milestones", "Projekt"): how often the experience speaks of them.
    project_words: tuple[str, ...] = ()

    def by_id(self, cert_id: str) -> Certification:
        return next(c for c in self.certifications if c.id == cert_id)


def require_field(mapping: Mapping[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if key not in mapping:
        raise CatalogueError(f"{where}: missing field '{key}'")
    value = mapping[key]
    if not isinstance(value, kind) or isinstance(value, bool):
        raise CatalogueError(f"{where}: field '{key}' has the wrong type ({type(value).__name__})")
    return value


def _strings(mapping: Mapping[str, Any], key: str, where: str, required: bool = True) -> tuple[str, ...]:
    if not required and key not in mapping:
        return ()
    values = require_field(mapping, key, list, where)
    if not all(isinstance(v, str) and v.strip() for v in values):
        raise CatalogueError(f"{where}: field '{key}' must be a list of non-empty strings")
    return tuple(values)


def _certification(entry: Any, index: int) -> Certification:
    where = f"certifications[{index}]"
    if not isinstance(entry, dict):
        raise CatalogueError(f"{where}: must be an object")
    where = f"certification '{entry.get('id', index)}'"
    category = require_field(entry, "category", str, where)
    if category not in _CATEGORIES:
        raise CatalogueError(f"{where}: field 'category' must be one of {', '.join(_CATEGORIES)}, not '{category}'")
    weight = float(require_field(entry, "weight", (int, float), where))
    if not 0 <= weight <= 100:
        raise CatalogueError(f"{where}: field 'weight' must be between 0 and 100")
    cert = Certification(
        id=require_field(entry, "id", str, where),
        name=require_field(entry, "name", str, where),
        issuer=require_field(entry, "issuer", str, where),
        category=cast(CertCategory, category),
        weight=weight,
        acronyms=_strings(entry, "acronyms", where, required=False),
        phrases=_strings(entry, "phrases", where, required=False),
        not_when=_strings(entry, "not_when", where, required=False),
    )
    if not cert.acronyms and not cert.phrases:
        raise CatalogueError(f"{where}: needs at least one of 'acronyms' or 'phrases'")
    return cert


def _string_lists(data: Mapping[str, Any], key: str, where: str) -> dict[str, tuple[str, ...]]:
    table = require_field(data, key, dict, where)
    return {name: _strings(table, name, f"{where} '{key}'") for name in table}


def parse_catalogue(data: Any, source: str) -> Catalogue:
    """Validate a decoded catalogue; a CatalogueError names the entry and field at fault."""
    if not isinstance(data, dict):
        raise CatalogueError(f"{source}: the catalogue must be a JSON object")
    version = require_field(data, "schema_version", int, source)
    if version != SCHEMA_VERSION:
        raise CatalogueError(f"{source}: schema_version {version} is not supported (expected {SCHEMA_VERSION})")
    entries = require_field(data, "certifications", list, source)
    certifications = tuple(_certification(entry, i) for i, entry in enumerate(entries))
    ids = [c.id for c in certifications]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise CatalogueError(f"{source}: certification id '{duplicates[0]}' appears more than once")
    keywords = require_field(data, "keywords", dict, source)
    scoring = require_field(data, "scoring", dict, source)
    thresholds = require_field(scoring, "thresholds", dict, f"{source} 'scoring'")
    for axis in ("management", "technical"):
        value = require_field(thresholds, axis, (int, float), f"{source} 'scoring.thresholds'")
        if not 0 <= value <= 100:
            raise CatalogueError(f"{source}: field 'scoring.thresholds.{axis}' must be between 0 and 100")
    return Catalogue(
        schema_version=version,
        certifications=certifications,
        degree_fields=_string_lists(data, "degree_fields", source),
        role_titles=_string_lists(data, "role_titles", source),
        management_keywords=_string_lists(keywords, "management", f"{source} 'keywords'"),
        technical_keywords=_string_lists(keywords, "technical", f"{source} 'keywords'"),
        technical_skills=_strings(keywords, "technical_skills", f"{source} 'keywords'"),
        project_words=_strings(keywords, "project_work", f"{source} 'keywords'") if "project_work" in keywords else (),
        scoring=ScoringRules(
            thresholds=thresholds,
            caps=require_field(scoring, "caps", dict, f"{source} 'scoring'"),
            points=require_field(scoring, "points", dict, f"{source} 'scoring'"),
        ),
        source=source,
    )


def default_catalogue_path() -> Path:
    """The shipped certs.json: inside the installed package, or at the root of a source checkout."""
    packaged = resources.files("screener").joinpath("certs.json")
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "certs.json"


def read_json_file(path: Path, what: str, error: type[CatalogueError] = CatalogueError) -> Any:
    """A JSON file's content; an unreadable or malformed file raises `error` naming the file."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise error(f"{path}: cannot read the {what} ({exc.strerror or exc})") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise error(f"{path}: not valid JSON ({exc})") from exc


def load_catalogue(path: Path | None = None) -> Catalogue:
    """Read and validate a catalogue file (the shipped one by default)."""
    path = path or default_catalogue_path()
    return parse_catalogue(read_json_file(path, "catalogue"), str(path))


def catalogue_to_dict(catalogue: Catalogue) -> dict[str, Any]:
    """The catalogue as JSON-ready data in the shape of certs.json; `parse_catalogue` reads it back unchanged."""

    def certification(cert: Certification) -> dict[str, Any]:
        entry: dict[str, Any] = {
            "id": cert.id,
            "name": cert.name,
            "issuer": cert.issuer,
            "category": cert.category,
            "weight": cert.weight,
        }
        for key in ("acronyms", "phrases", "not_when"):
            if getattr(cert, key):
                entry[key] = list(getattr(cert, key))
        return entry

    def lists(table: Mapping[str, tuple[str, ...]]) -> dict[str, list[str]]:
        return {name: list(values) for name, values in table.items()}

    scoring = catalogue.scoring
    return {
        "schema_version": catalogue.schema_version,
        "certifications": [certification(c) for c in catalogue.certifications],
        "degree_fields": lists(catalogue.degree_fields),
        "role_titles": lists(catalogue.role_titles),
        "keywords": {
            "management": lists(catalogue.management_keywords),
            "technical": lists(catalogue.technical_keywords),
            "technical_skills": list(catalogue.technical_skills),
            "project_work": list(catalogue.project_words),
        },
        "scoring": {
            "thresholds": dict(scoring.thresholds),
            "caps": {axis: dict(caps) for axis, caps in scoring.caps.items()},
            "points": json.loads(json.dumps(scoring.points)),  # a deep copy: the points table nests
        },
    }
