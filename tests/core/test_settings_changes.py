"""The decision log's words for a settings change: which setting, from what to what, and no more than a line."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from screener.catalogue import catalogue_to_dict, load_catalogue, parse_catalogue
from screener.profiles import default_profiles
from screener.settings_changes import MAX_CHANGES, settings_change
from screener.user_settings import UserSettings


def edited(change: Callable[[dict[str, Any]], None]) -> UserSettings:
    """The shipped settings with the catalogue changed as `change` does to its JSON shape."""
    data = catalogue_to_dict(load_catalogue())
    change(data)
    return UserSettings(catalogue=parse_catalogue(data, "test"))


def pmp(data: dict[str, Any]) -> dict[str, Any]:
    return next(entry for entry in data["certifications"] if entry["id"] == "pmp")


def test_a_threshold_change_says_which_threshold_from_what_to_what() -> None:
    stricter = edited(lambda data: data["scoring"]["thresholds"].update(management=90))
    assert settings_change(UserSettings(), stricter) == "management threshold 40 → 90"


def test_resetting_to_the_defaults_says_what_went_back() -> None:
    stricter = edited(lambda data: data["scoring"]["thresholds"].update(management=90))
    assert settings_change(stricter, UserSettings()) == "management threshold 90 → 40"


def test_an_unchanged_catalogue_saved_as_a_copy_is_no_change() -> None:
    assert settings_change(UserSettings(), edited(lambda data: None)) == ""


def test_a_weight_and_an_alias_are_named_with_the_certification() -> None:
    def change(data: dict[str, Any]) -> None:
        pmp(data)["weight"] = 5
        pmp(data)["phrases"].append("Project Mgmt Professional")

    assert settings_change(UserSettings(), edited(change)) == (
        "PMP weight 30 → 5; added alias 'Project Mgmt Professional' to PMP"
    )


def test_profiles_added_removed_and_edited_are_named() -> None:
    shipped = default_profiles()
    copy = dataclasses.replace(shipped[0], name="Cloud TPM")
    edited_pm = dataclasses.replace(shipped[1], nice_to_haves=())
    after = UserSettings(profiles=(shipped[0], edited_pm, copy))
    assert settings_change(UserSettings(), after) == (
        f"profiles: added 'Cloud TPM'; profiles: changed '{shipped[1].name}' (nice-to-haves)"
    )


def test_many_changes_are_counted_past_the_first_few() -> None:
    def change(data: dict[str, Any]) -> None:
        data["keywords"]["technical_skills"] += [f"skill {n}" for n in range(20)]

    said = settings_change(UserSettings(), edited(change))
    assert said.count("added technical skill") == MAX_CHANGES
    assert said.endswith("; and 12 more changes") and len(said) < 400
