"""Role profiles: must-have gates (pass, fail or unknown per candidate) and weighted nice-to-haves.

A gate never adds points: the two axis scores stay pure evidence sums. A profile changes only the order
of the list: rows rank first by how many must-haves they are known to meet, and each nice-to-have a
candidate meets adds its weight to the score the profile's opening ranks by (see `standing`).
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast, get_args

from screener.catalogue import read_json_file, require_field
from screener.errors import CatalogueError
from screener.models import Candidate, DegreeLevel, GateOutcome, GateResult, ProfileFit
from screener.ranking import TargetRole, rank_key

__all__ = [
    "DEGREE_RANK",
    "PROFILE_SCHEMA_VERSION",
    "ProfileError",
    "Requirement",
    "RequirementKind",
    "RoleProfile",
    "apply_profile",
    "default_profiles",
    "describe",
    "evaluate_gates",
    "gates_summary",
    "load_profile",
    "parse_profile",
    "profile_to_dict",
    "rank_by_profile",
    "save_profile",
    "standing",
]

PROFILE_SCHEMA_VERSION = 1
RequirementKind = Literal[
    "held_pm_certification",
    "held_certification",
    "degree_min_level",
    "technical_degree_min_level",
    "years_total_min",
    "years_management_min",
    "years_technical_min",
    "keyword",
    "any_of",
]
REQUIREMENT_KINDS: tuple[RequirementKind, ...] = get_args(RequirementKind)
# The one field each kind reads besides `kind`; the others keep their defaults and are not written.
KIND_FIELD: dict[RequirementKind, str | None] = {
    "held_pm_certification": None,
    "held_certification": "certification",
    "degree_min_level": "level",
    "technical_degree_min_level": "level",
    "years_total_min": "years",
    "years_management_min": "years",
    "years_technical_min": "years",
    "keyword": "keyword",
    "any_of": "any_of",
}
DEGREE_RANK: dict[DegreeLevel, int] = {"other": 0, "associate": 1, "bachelor": 2, "mba": 3, "master": 3, "phd": 4}
_PM_CATEGORIES = frozenset({"management", "agile"})
_MAX_YEARS = 60.0
_MAX_WEIGHT = 100.0
_ROLES: tuple[TargetRole, ...] = get_args(TargetRole)


class ProfileError(CatalogueError):
    """A role profile is invalid; the message names the profile, the entry and the field."""


@dataclass(frozen=True)
class Requirement:
    """One thing a role asks for; `any_of` is met when one of its options is."""

    kind: RequirementKind
    years: float = 0.0
    level: DegreeLevel = "bachelor"
    certification: str = ""
    keyword: str = ""
    any_of: tuple[Requirement, ...] = ()
    weight: float = 0.0  # nice-to-haves only: points added to the ranking when met


@dataclass(frozen=True)
class RoleProfile:
    """What an agency asks of one role: gates that must hold, and extras that lift a candidate in the list."""

    name: str
    role: TargetRole  # the opening whose ranking the profile refines
    must_haves: tuple[Requirement, ...]
    nice_to_haves: tuple[Requirement, ...] = ()
    schema_version: int = PROFILE_SCHEMA_VERSION


# Describing ------------------------------------------------------------------------------------------


def _level_text(level: DegreeLevel) -> str:
    return {"mba": "MBA", "phd": "PhD", "other": "any degree"}.get(level, f"{level}'s")


def describe(requirement: Requirement) -> str:
    """The requirement in words, as the table and the detail pane show it."""
    kind = requirement.kind
    if kind == "any_of":
        return " or ".join(describe(option) for option in requirement.any_of)
    texts: dict[RequirementKind, Callable[[], str]] = {
        "held_pm_certification": lambda: "a PM certification held",
        "held_certification": lambda: f"holds {requirement.certification}",
        "degree_min_level": lambda: f"{_level_text(requirement.level)} degree or higher",
        "technical_degree_min_level": lambda: f"technical {_level_text(requirement.level)} degree or higher",
        "years_total_min": lambda: f"≥ {requirement.years:g} years of experience",
        "years_management_min": lambda: f"≥ {requirement.years:g} years managing",
        "years_technical_min": lambda: f"≥ {requirement.years:g} years in technical roles",
        "keyword": lambda: f"mentions “{requirement.keyword}”",
    }
    return texts[kind]()


# Evaluating ------------------------------------------------------------------------------------------


def _result(requirement: Requirement, outcome: GateOutcome, evidence: str) -> GateResult:
    return GateResult(describe(requirement), outcome, evidence)


def _pm_certification(candidate: Candidate, requirement: Requirement) -> GateResult:
    held = [c for c in candidate.held_certifications if c.category in _PM_CATEGORIES]
    if held:
        return _result(requirement, "pass", "holds " + ", ".join(c.name for c in held))
    return _result(requirement, "fail", _not_held_text(candidate, lambda c: c.category in _PM_CATEGORIES))


def _not_held_text(candidate: Candidate, wanted: Callable[[Any], bool]) -> str:
    others = [f"{c.name} ({c.status})" for c in candidate.certifications if wanted(c)]
    return "none held" + (": " + ", ".join(others) if others else "")


def _certification(candidate: Candidate, requirement: Requirement) -> GateResult:
    held = [c for c in candidate.held_certifications if c.cert_id == requirement.certification]
    if held:
        return _result(requirement, "pass", f"holds {held[0].name}")
    return _result(requirement, "fail", _not_held_text(candidate, lambda c: c.cert_id == requirement.certification))


def _degree(candidate: Candidate, requirement: Requirement, technical_only: bool) -> GateResult:
    # A CV that lists no degree at all says nothing either way: the reviewer should look, not the gate decide.
    if not candidate.degrees:
        return _result(requirement, "unknown", "no degree found in the CV")
    needed = DEGREE_RANK[requirement.level]
    relevant = [d for d in candidate.degrees if d.technical or not technical_only]
    meeting = [d for d in relevant if d.status == "completed" and DEGREE_RANK[d.level] >= needed]
    if meeting:
        best = max(meeting, key=lambda d: DEGREE_RANK[d.level])
        return _result(requirement, "pass", best.matched_text)
    found = "; ".join(f"{d.matched_text} ({d.status.replace('_', ' ')})" for d in candidate.degrees)
    return _result(requirement, "fail", f"found only: {found}")


def _years(candidate: Candidate, requirement: Requirement, years: float | None, what: str) -> GateResult:
    if years is None:
        return _result(requirement, "unknown", "no dated jobs in the CV")
    outcome: GateOutcome = "pass" if years >= requirement.years else "fail"
    return _result(requirement, outcome, f"{years:.1f} years {what}")


def _keyword(candidate: Candidate, requirement: Requirement) -> GateResult:
    pattern = re.compile(rf"(?<![\w+#.]){re.escape(requirement.keyword)}(?![\w+#])", re.IGNORECASE)
    for text in _candidate_texts(candidate):
        if pattern.search(text):
            return _result(requirement, "pass", text.strip())
    return _result(requirement, "fail", "not found in job titles, duties or evidence")


def _candidate_texts(candidate: Candidate) -> Iterable[str]:
    """What a keyword is looked for in: job titles and duties, and every line evidence points at."""
    for job in candidate.jobs:
        yield job.title
        yield from job.duties
    if candidate.scores:
        yield from (e.span.text for e in candidate.scores.evidence)
    yield from (c.span.text for c in candidate.certifications)
    yield from (d.span.text for d in candidate.degrees)


def _any_of(candidate: Candidate, requirement: Requirement) -> GateResult:
    results = [_evaluate(candidate, option) for option in requirement.any_of]
    passed = [r for r in results if r.outcome == "pass"]
    if passed:
        return _result(requirement, "pass", f"{passed[0].requirement}: {passed[0].evidence}")
    outcome: GateOutcome = "unknown" if any(r.outcome == "unknown" for r in results) else "fail"
    return _result(requirement, outcome, "; ".join(f"{r.requirement}: {r.evidence}" for r in results))


_EVALUATORS: dict[RequirementKind, Callable[[Candidate, Requirement], GateResult]] = {
    "held_pm_certification": _pm_certification,
    "held_certification": _certification,
    "degree_min_level": lambda c, r: _degree(c, r, technical_only=False),
    "technical_degree_min_level": lambda c, r: _degree(c, r, technical_only=True),
    "years_total_min": lambda c, r: _years(c, r, c.years_experience, "of experience"),
    "years_management_min": lambda c, r: _years(c, r, c.years_management, "in management roles"),
    "years_technical_min": lambda c, r: _years(c, r, c.years_technical, "in technical roles"),
    "keyword": _keyword,
    "any_of": _any_of,
}


def _evaluate(candidate: Candidate, requirement: Requirement) -> GateResult:
    if candidate.status != "ok" or candidate.scores is None:
        return _result(requirement, "unknown", "the file could not be screened")
    return _EVALUATORS[requirement.kind](candidate, requirement)


def evaluate_gates(candidate: Candidate, profile: RoleProfile) -> tuple[GateResult, ...]:
    """Each must-have of the profile as pass, fail or unknown, with the text that decided it."""
    return tuple(_evaluate(candidate, requirement) for requirement in profile.must_haves)


def nice_to_have_points(candidate: Candidate, profile: RoleProfile) -> float:
    return sum(r.weight for r in profile.nice_to_haves if _evaluate(candidate, r).outcome == "pass")


def standing(candidate: Candidate, profile: RoleProfile, gates: Sequence[GateResult], points: float) -> float:
    """One number, higher ranks first: must-haves met, then fit for the role, then its score plus nice-to-haves.

    An unknown gate counts as not met: a CV that says nothing (no dates, no degree) must never rank above
    one whose evidence is known, even known to fall short; the gate is still shown as unknown. The score is
    the one `screener.ranking` ranks the profile's opening by (management for a PM; both axes for a TPM);
    the other axis breaks ties. Unscored rows (failed files) come last.
    """
    if candidate.scores is None:
        return -1.0
    fit, negative_score, negative_other = rank_key(candidate, profile.role)
    gates_met = sum(g.outcome == "pass" for g in gates)
    return gates_met * 1e7 + (fit == 0) * 1e5 + (points - negative_score) - negative_other / 10_000


def apply_profile(candidates: Iterable[Candidate], profile: RoleProfile | None) -> list[Candidate]:
    """The candidates with their fit to the profile attached (or removed, with no profile)."""
    if profile is None:
        return [c if c.profile_fit is None else dataclasses.replace(c, profile_fit=None) for c in candidates]
    measured = []
    for candidate in candidates:
        gates = evaluate_gates(candidate, profile)
        points = nice_to_have_points(candidate, profile)
        fit = ProfileFit(profile.name, gates, points, standing(candidate, profile, gates, points))
        measured.append(dataclasses.replace(candidate, profile_fit=fit))
    return measured


def rank_by_profile(candidates: Iterable[Candidate], profile: RoleProfile) -> list[Candidate]:
    """The candidates measured against the profile, best first (ties by file name)."""
    measured = apply_profile(candidates, profile)
    return sorted(measured, key=lambda c: (-(c.profile_fit.standing if c.profile_fit else -1.0), c.file))


def gates_summary(gates: Sequence[GateResult]) -> str:
    """A short cell under a 'Must-haves' heading: '✓ 3/3', '✗ failed: …' or '2/3, ? unknown: …'."""
    if not gates:
        return ""
    failed = [g.requirement for g in gates if g.outcome == "fail"]
    if failed:
        return "✗ failed: " + "; ".join(failed)
    passed = sum(g.outcome == "pass" for g in gates)
    unknown = [g.requirement for g in gates if g.outcome == "unknown"]
    if unknown:
        return f"{passed}/{len(gates)}, ? unknown: " + "; ".join(unknown)
    return f"✓ {passed}/{len(gates)}"


# Defaults --------------------------------------------------------------------------------------------


def default_profiles() -> tuple[RoleProfile, ...]:
    """The two profiles the app ships with, drawn from what the roles usually ask for."""
    technical_depth = Requirement(
        "any_of",
        any_of=(
            Requirement("technical_degree_min_level", level="bachelor"),
            Requirement("years_technical_min", years=3.0),
        ),
    )
    management_depth = Requirement(
        "any_of", any_of=(Requirement("held_pm_certification"), Requirement("years_management_min", years=3.0))
    )
    technical_pm = RoleProfile(
        "Technical Project Manager",
        "tpm",
        must_haves=(technical_depth, management_depth),
        nice_to_haves=(
            Requirement("held_pm_certification", weight=10.0),
            Requirement("technical_degree_min_level", level="master", weight=5.0),
            Requirement("years_technical_min", years=5.0, weight=5.0),
        ),
    )
    project_manager = RoleProfile(
        "Project Manager",
        "pm",
        must_haves=(Requirement("years_management_min", years=1.0), Requirement("degree_min_level", level="bachelor")),
        nice_to_haves=(
            Requirement("held_pm_certification", weight=10.0),
            Requirement("years_management_min", years=5.0, weight=5.0),
        ),
    )
    return (project_manager, technical_pm)


# JSON ------------------------------------------------------------------------------------------------


def _requirement_to_dict(requirement: Requirement, with_weight: bool) -> dict[str, Any]:
    entry: dict[str, Any] = {"kind": requirement.kind}
    field_name = KIND_FIELD[requirement.kind]
    if field_name == "any_of":
        entry["any_of"] = [_requirement_to_dict(option, with_weight=False) for option in requirement.any_of]
    elif field_name is not None:
        entry[field_name] = getattr(requirement, field_name)
    if with_weight:
        entry["weight"] = requirement.weight
    return entry


def profile_to_dict(profile: RoleProfile) -> dict[str, Any]:
    """The profile as JSON-ready data, the shape `parse_profile` reads back unchanged."""
    return {
        "schema_version": profile.schema_version,
        "name": profile.name,
        "role": profile.role,
        "must_haves": [_requirement_to_dict(r, with_weight=False) for r in profile.must_haves],
        "nice_to_haves": [_requirement_to_dict(r, with_weight=True) for r in profile.nice_to_haves],
    }


def _number(entry: Mapping[str, Any], key: str, where: str, ceiling: float) -> float:
    value = float(require_field(entry, key, (int, float), where))
    if not 0 <= value <= ceiling:
        raise ProfileError(f"{where}: field '{key}' must be between 0 and {ceiling:g}")
    return value


def _text(entry: Mapping[str, Any], key: str, where: str) -> str:
    value = str(require_field(entry, key, str, where)).strip()
    if not value:
        raise ProfileError(f"{where}: field '{key}' must not be empty")
    return value


def _level(entry: Mapping[str, Any], where: str) -> DegreeLevel:
    level = require_field(entry, "level", str, where)
    if level not in DEGREE_RANK:
        raise ProfileError(f"{where}: field 'level' must be one of {', '.join(DEGREE_RANK)}, not '{level}'")
    return cast(DegreeLevel, level)


def _parse_requirement(entry: Any, where: str, nice_to_have: bool, nested: bool = False) -> Requirement:
    if not isinstance(entry, dict):
        raise ProfileError(f"{where}: must be an object")
    kind = require_field(entry, "kind", str, where)
    if kind not in REQUIREMENT_KINDS or (nested and kind == "any_of"):
        allowed = [k for k in REQUIREMENT_KINDS if not (nested and k == "any_of")]
        raise ProfileError(f"{where}: field 'kind' must be one of {', '.join(allowed)}, not '{kind}'")
    allowed_fields = {"kind", KIND_FIELD[kind]} | ({"weight"} if nice_to_have and not nested else set())
    unexpected = sorted(set(entry) - allowed_fields)
    if unexpected:
        reason = " (must-haves are gates and carry no weight)" if unexpected == ["weight"] else ""
        raise ProfileError(f"{where}: field '{unexpected[0]}' does not belong to a '{kind}' requirement{reason}")
    values: dict[str, Any] = {}
    field_name = KIND_FIELD[kind]
    if field_name == "years":
        values["years"] = _number(entry, "years", where, _MAX_YEARS)
    elif field_name == "level":
        values["level"] = _level(entry, where)
    elif field_name in ("certification", "keyword"):
        values[field_name] = _text(entry, field_name, where)
    elif field_name == "any_of":
        options = require_field(entry, "any_of", list, where)
        if len(options) < 2:
            raise ProfileError(f"{where}: field 'any_of' needs at least two options")
        values["any_of"] = tuple(
            _parse_requirement(option, f"{where}.any_of[{i}]", nice_to_have, nested=True)
            for i, option in enumerate(options)
        )
    if nice_to_have and not nested:
        values["weight"] = _number(entry, "weight", where, _MAX_WEIGHT)
    return Requirement(cast(RequirementKind, kind), **values)


def _requirements(data: Mapping[str, Any], key: str, where: str) -> tuple[Requirement, ...]:
    entries = require_field(data, key, list, where)
    return tuple(
        _parse_requirement(entry, f"{where} {key}[{i}]", nice_to_have=key == "nice_to_haves")
        for i, entry in enumerate(entries)
    )


def parse_profile(data: Any, source: str) -> RoleProfile:
    """Validate decoded profile data; a ProfileError names the profile, the entry and the field at fault."""
    if not isinstance(data, dict):
        raise ProfileError(f"{source}: a profile must be a JSON object")
    try:
        version = require_field(data, "schema_version", int, source)
        if version != PROFILE_SCHEMA_VERSION:
            raise ProfileError(
                f"{source}: schema_version {version} is not supported (expected {PROFILE_SCHEMA_VERSION})"
            )
        name = _text(data, "name", source)
        where = f"{source}: profile '{name}'"
        role = require_field(data, "role", str, where)
        if role not in _ROLES:
            raise ProfileError(f"{where}: field 'role' must be one of {', '.join(_ROLES)}, not '{role}'")
        return RoleProfile(
            name=name,
            role=cast(TargetRole, role),
            must_haves=_requirements(data, "must_haves", where),
            nice_to_haves=_requirements(data, "nice_to_haves", where),
            schema_version=version,
        )
    except ProfileError:
        raise
    except CatalogueError as exc:  # the shared field checks raise the catalogue's error; say it is a profile
        raise ProfileError(str(exc)) from exc


def load_profile(path: Path) -> RoleProfile:
    """Read a profile a colleague exported."""
    return parse_profile(read_json_file(path, "profile", ProfileError), str(path))


def save_profile(profile: RoleProfile, path: Path) -> None:
    """Write a profile to share; `load_profile` reads it back unchanged."""
    try:
        path.write_text(json.dumps(profile_to_dict(profile), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise ProfileError(f"{path}: cannot write the profile ({exc.strerror or exc})") from exc
