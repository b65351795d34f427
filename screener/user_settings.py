"""The user's own catalogue, role profiles and active profile, kept as JSON in the user config folder.

The shipped certs.json stays the default: a user catalogue is saved only once the user changes it, and
"Reset to defaults" drops it again. A file that does not validate is refused whole; nothing is half-saved.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from screener.cache import CacheLimits
from screener.catalogue import (
    Catalogue,
    catalogue_to_dict,
    load_catalogue,
    parse_catalogue,
    read_json_file,
    require_field,
)
from screener.errors import CatalogueError
from screener.profiles import RoleProfile, default_profiles, parse_profile, profile_to_dict

__all__ = [
    "SETTINGS_SCHEMA_VERSION",
    "UserSettings",
    "load_user_settings",
    "parse_user_settings",
    "save_user_settings",
    "user_settings_path",
    "user_settings_to_dict",
]

log = logging.getLogger(__name__)

SETTINGS_SCHEMA_VERSION = 1
_DEFAULT_ACTIVE = "Technical Project Manager"


@dataclass(frozen=True)
class UserSettings:
    """What the user changed from the shipped defaults, and which profile the list is ranked by."""

    catalogue: Catalogue | None = None  # None: the shipped certs.json
    profiles: tuple[RoleProfile, ...] = field(default_factory=default_profiles)
    active_profile: str = _DEFAULT_ACTIVE  # "" ranks by role fit alone, with no gates
    schema_version: int = SETTINGS_SCHEMA_VERSION
    cache_max_megabytes: int = CacheLimits.max_megabytes  # the command line's extraction cache
    cache_max_days: int = CacheLimits.max_days
    retention_days: int | None = None  # candidates screened longer ago are purged from a session; None: kept

    def effective_catalogue(self) -> Catalogue:
        return self.catalogue or load_catalogue()

    def active(self) -> RoleProfile | None:
        return next((p for p in self.profiles if p.name == self.active_profile), None)

    def cache_limits(self) -> CacheLimits:
        return CacheLimits(self.cache_max_megabytes, self.cache_max_days)


def user_settings_path() -> Path:
    return Path(platformdirs.user_config_dir("cv-screener", appauthor=False)) / "settings.json"


def user_settings_to_dict(settings: UserSettings) -> dict[str, Any]:
    return {
        "schema_version": settings.schema_version,
        "catalogue": None if settings.catalogue is None else catalogue_to_dict(settings.catalogue),
        "profiles": [profile_to_dict(p) for p in settings.profiles],
        "active_profile": settings.active_profile,
        "cache_max_megabytes": settings.cache_max_megabytes,
        "cache_max_days": settings.cache_max_days,
        "retention_days": settings.retention_days,
    }


def _whole_number(data: dict[str, Any], key: str, source: str, default: int) -> int:
    """An optional field of at least 1; absent in files saved before it existed."""
    value = data.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise CatalogueError(f"{source}: field '{key}' must be a whole number of at least 1")
    return value


def parse_user_settings(data: Any, source: str) -> UserSettings:
    """Validate decoded settings; a CatalogueError (or ProfileError) names the entry and field at fault."""
    if not isinstance(data, dict):
        raise CatalogueError(f"{source}: the settings must be a JSON object")
    version = require_field(data, "schema_version", int, source)
    if version != SETTINGS_SCHEMA_VERSION:
        raise CatalogueError(
            f"{source}: schema_version {version} is not supported (expected {SETTINGS_SCHEMA_VERSION})"
        )
    catalogue_data = data.get("catalogue")
    catalogue = None if catalogue_data is None else parse_catalogue(catalogue_data, f"{source} 'catalogue'")
    entries = require_field(data, "profiles", list, source)
    profiles = tuple(parse_profile(entry, f"{source} profiles[{i}]") for i, entry in enumerate(entries))
    names = [p.name for p in profiles]
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise CatalogueError(f"{source}: profile name '{repeated[0]}' appears more than once")
    active = require_field(data, "active_profile", str, source)
    if active and active not in names:
        raise CatalogueError(f"{source}: field 'active_profile' names '{active}', which is not among the profiles")
    return UserSettings(
        catalogue,
        profiles,
        active,
        version,
        cache_max_megabytes=_whole_number(data, "cache_max_megabytes", source, CacheLimits.max_megabytes),
        cache_max_days=_whole_number(data, "cache_max_days", source, CacheLimits.max_days),
        # null or absent: kept until deleted by hand
        retention_days=None if data.get("retention_days") is None else _whole_number(data, "retention_days", source, 0),
    )


def load_user_settings(path: Path | None = None) -> UserSettings:
    """The saved settings, or the defaults when none were saved; an invalid file raises, naming the field."""
    path = path or user_settings_path()
    if not path.exists():
        return UserSettings()
    return parse_user_settings(read_json_file(path, "settings"), str(path))


def save_user_settings(settings: UserSettings, path: Path | None = None) -> None:
    """Validate, then replace the file in one step, so a refused or interrupted save leaves the old one."""
    path = path or user_settings_path()
    data = user_settings_to_dict(settings)
    parse_user_settings(data, "the settings to save")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp") as out:
            json.dump(data, out, indent=1, ensure_ascii=False)
        os.replace(out.name, path)
    except OSError as exc:
        raise CatalogueError(f"{path}: cannot save the settings ({exc.strerror or exc})") from exc
    log.info("settings saved to %s", path)
