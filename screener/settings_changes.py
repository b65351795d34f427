"""What a reviewer changed in the settings, in words for the decision log: each setting with its old and new value."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from screener.catalogue import Catalogue, Certification
from screener.profiles import RoleProfile
from screener.user_settings import UserSettings

__all__ = ["settings_change"]

MAX_CHANGES = 8  # named in one log entry; the rest are counted
_MAX_QUOTED = 40  # characters of a term or name quoted; a pasted paragraph would swamp the log


def settings_change(before: UserSettings, after: UserSettings) -> str:
    """The changes from `before` to `after`, e.g. "management threshold 40 → 90; added alias 'X' to PMP"; ""
    when nothing that scores, ranks or keeps candidates changed (a reset to the defaults already in use)."""
    changes = [
        *catalogue_changes(before.effective_catalogue(), after.effective_catalogue()),
        *_profile_changes(before.profiles, after.profiles),
        *_kept_changes(before, after),
    ]
    if before.active_profile != after.active_profile:
        changes.append(f"ranked by “{after.active_profile}”" if after.active_profile else "ranked by role fit")
    more = len(changes) - MAX_CHANGES
    said = "; ".join(changes[:MAX_CHANGES])
    return f"{said}; and {more} more change{'s' if more > 1 else ''}" if more > 0 else said


def catalogue_changes(before: Catalogue, after: Catalogue) -> list[str]:
    """Certifications, keyword lists, thresholds, caps and points changed, one phrase each."""
    changes = list(_certification_changes(before.certifications, after.certifications))
    changes += _numbers_changes(before.scoring.thresholds, after.scoring.thresholds, "{} threshold")
    changes += _numbers_changes(_flat(before.scoring.points), _flat(after.scoring.points), "{} points")
    for axis in sorted({*before.scoring.caps, *after.scoring.caps}):
        caps_before, caps_after = before.scoring.caps.get(axis, {}), after.scoring.caps.get(axis, {})
        changes += _numbers_changes(caps_before, caps_after, f"{axis} cap for {{}}")
    for axis, topics_before, topics_after in (
        ("management", before.management_keywords, after.management_keywords),
        ("technical", before.technical_keywords, after.technical_keywords),
    ):
        changes += _table_changes(topics_before, topics_after, f"{axis} keyword topic", "keyword")
    changes += _table_changes(before.role_titles, after.role_titles, "role title list", "role title")
    changes += _table_changes(before.degree_fields, after.degree_fields, "degree field list", "degree field")
    changes += _term_changes(before.technical_skills, after.technical_skills, "technical skill")
    changes += _term_changes(before.project_words, after.project_words, "project word")
    return changes


def _quoted(text: str) -> str:
    return f"'{text}'" if len(text) <= _MAX_QUOTED else f"'{text[: _MAX_QUOTED - 1]}…'"


def _number(value: Any) -> str:
    return "none" if value is None else f"{value:g}" if isinstance(value, int | float) else str(value)


def _number_change(what: str, old: Any, new: Any, unit: str = "") -> list[str]:
    return [] if old == new else [f"{what} {_number(old)} → {_number(new)}{unit}"]


def _numbers_changes(before: Mapping[str, Any], after: Mapping[str, Any], what: str) -> list[str]:
    changes: list[str] = []
    for key in sorted({*before, *after}, key=str):
        changes += _number_change(what.format(key.replace("_", " ")), before.get(key), after.get(key))
    return changes


def _flat(points: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """The points table with nested tables ("degree": {"master": 20}) as "degree master"."""
    flat: dict[str, Any] = {}
    for key, value in points.items():
        if isinstance(value, Mapping):
            flat.update(_flat(value, f"{prefix}{key} "))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def _term_changes(before: Iterable[str], after: Iterable[str], noun: str, where: str = "") -> list[str]:
    """Terms added and removed, in the order of the lists: "added alias 'X' to PMP", "removed keyword 'Y'"."""
    old, new = list(before), list(after)
    to, of = (f" to {where}", f" from {where}") if where else ("", "")
    added = [f"added {noun} {_quoted(term)}{to}" for term in new if term not in old]
    return added + [f"removed {noun} {_quoted(term)}{of}" for term in old if term not in new]


def _table_changes(
    before: Mapping[str, Iterable[str]], after: Mapping[str, Iterable[str]], table: str, noun: str
) -> list[str]:
    changes = _term_changes(before, after, table)
    for name in [name for name in after if name in before]:
        changes += _term_changes(before[name], after[name], noun, name)
    return changes


def _label(cert: Certification) -> str:
    """A certification as a reviewer calls it: "PMP" for "PMP (Project Management Professional)"."""
    return cert.name.split(" (")[0] or cert.id


def _certification_changes(before: Iterable[Certification], after: Iterable[Certification]) -> Iterator[str]:
    old, new = {c.id: c for c in before}, {c.id: c for c in after}
    for cert_id, cert in new.items():
        if cert_id not in old:
            yield f"added certification {_quoted(_label(cert))}"
            continue
        was, label = old[cert_id], _label(cert)
        if was.name != cert.name:
            yield f"renamed certification {_quoted(was.name)} to {_quoted(cert.name)}"
        yield from _number_change(f"{label} weight", was.weight, cert.weight)
        if was.category != cert.category:
            yield f"{label} category {was.category} → {cert.category}"
        if was.issuer != cert.issuer:
            yield f"{label} issuer {_quoted(was.issuer)} → {_quoted(cert.issuer)}"
        yield from _term_changes((*was.acronyms, *was.phrases), (*cert.acronyms, *cert.phrases), "alias", label)
        yield from _term_changes(was.not_when, cert.not_when, "exception", label)
    for cert_id, cert in old.items():
        if cert_id not in new:
            yield f"removed certification {_quoted(_label(cert))}"


def _profile_changes(before: Iterable[RoleProfile], after: Iterable[RoleProfile]) -> list[str]:
    old, new = {p.name: p for p in before}, {p.name: p for p in after}
    changes = [f"profiles: added {_quoted(name)}" for name in new if name not in old]
    changes += [f"profiles: removed {_quoted(name)}" for name in old if name not in new]
    for name in [name for name in new if name in old and new[name] != old[name]]:
        parts = [
            words
            for field, words in (("role", "role"), ("must_haves", "must-haves"), ("nice_to_haves", "nice-to-haves"))
            if getattr(old[name], field) != getattr(new[name], field)
        ]
        changes.append(f"profiles: changed {_quoted(name)} ({', '.join(parts) or 'version'})")
    return changes


def _kept_changes(before: UserSettings, after: UserSettings) -> list[str]:
    """The extraction cache's limits and how long a session keeps candidates."""
    retention = [f"{s.retention_days} days" if s.retention_days else "until deleted" for s in (before, after)]
    return [
        *_number_change("extraction cache size", before.cache_max_megabytes, after.cache_max_megabytes, " MB"),
        *_number_change("extraction cache age", before.cache_max_days, after.cache_max_days, " days"),
        *([f"candidates kept {retention[0]} → {retention[1]}"] if retention[0] != retention[1] else []),
    ]
