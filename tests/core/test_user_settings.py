"""User settings: saved in the user config folder, validated on load and save; re-scoring reads no PDF."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path

import platformdirs
import pytest

from screener.catalogue import catalogue_to_dict, load_catalogue, parse_catalogue
from screener.errors import CatalogueError
from screener.models import Document, Line
from screener.profiles import ProfileError, RoleProfile, default_profiles
from screener.screening import Screener, matching_key, only_certifications_differ, rescore
from screener.settings import Settings
from screener.user_settings import (
    UserSettings,
    load_user_settings,
    save_user_settings,
    user_settings_path,
    user_settings_to_dict,
)


def test_settings_live_in_the_user_config_folder_of_the_test() -> None:
    assert user_settings_path().is_relative_to(Path(platformdirs.user_config_dir("cv-screener", appauthor=False)))
    assert load_user_settings() == UserSettings()  # nothing saved yet: the shipped defaults


def test_an_edited_catalogue_and_profiles_survive_a_save() -> None:
    catalogue = load_catalogue()
    pmp = dataclasses.replace(catalogue.by_id("pmp"), weight=12.0, acronyms=("PMP", "P.M.P."))
    edited = dataclasses.replace(catalogue, certifications=(pmp, *catalogue.certifications[1:]))
    profiles = (*default_profiles(), RoleProfile("Agency PM", "pm", ()))
    settings = UserSettings(edited, profiles, "Agency PM")
    save_user_settings(settings)
    loaded = load_user_settings()
    assert loaded.active() == profiles[-1]
    assert loaded.effective_catalogue().by_id("pmp").weight == 12.0
    assert user_settings_to_dict(loaded) == user_settings_to_dict(settings)


def _with_bad_weight(data: dict[str, object]) -> None:
    data["catalogue"]["certifications"][0]["weight"] = "heavy"  # type: ignore[index]


def _with_bad_years(data: dict[str, object]) -> None:
    data["profiles"][1]["must_haves"][0]["any_of"][1]["years"] = -3  # type: ignore[index]


def _with_unknown_active(data: dict[str, object]) -> None:
    data["active_profile"] = "Chief Wizard"


@pytest.mark.parametrize(
    ("spoil", "error", "named"),
    [
        (_with_bad_weight, CatalogueError, "certification 'pmp': field 'weight' has the wrong type"),
        (_with_bad_years, ProfileError, "profile 'Technical Project Manager' must_haves[0].any_of[1]: field 'years'"),
        (_with_unknown_active, CatalogueError, "field 'active_profile' names 'Chief Wizard'"),
    ],
)
def test_an_invalid_settings_file_is_refused_and_nothing_is_saved(
    spoil: Callable[[dict[str, object]], None], error: type[Exception], named: str
) -> None:
    good = UserSettings(catalogue=load_catalogue())
    save_user_settings(good)
    before = user_settings_path().read_bytes()
    data = user_settings_to_dict(good)
    spoil(data)
    user_settings_path().with_name("edited.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(error, match=named.replace("[", ".").replace("]", ".")):
        load_user_settings(user_settings_path().with_name("edited.json"))
    assert user_settings_path().read_bytes() == before


def test_saving_invalid_settings_leaves_the_file_as_it_was() -> None:
    save_user_settings(UserSettings())
    before = user_settings_path().read_bytes()
    twice = UserSettings(profiles=(*default_profiles(), default_profiles()[0]))
    with pytest.raises(CatalogueError, match="profile name 'Project Manager' appears more than once"):
        save_user_settings(twice)
    assert user_settings_path().read_bytes() == before
    assert list(user_settings_path().parent.iterdir()) == [user_settings_path()]


def test_the_catalogue_round_trips_through_its_json_shape() -> None:
    catalogue = load_catalogue()
    assert parse_catalogue(json.loads(json.dumps(catalogue_to_dict(catalogue))), catalogue.source) == catalogue


def test_a_weight_change_scores_findings_again_without_their_documents(
    make_lines: Callable[..., tuple[Line, ...]],
) -> None:
    document = Document(
        1,
        make_lines(
            [
                ("Project Manager, Acme, 2015 - 2020", "experience", 10.0, True),
                ("Led the delivery of a data-centre migration project with a risk register", "experience", 10.0, False),
                ("Python, SQL, Kubernetes", "skills", 10.0, False),
            ]
        ),
    )
    catalogue = load_catalogue()
    before = Settings(catalogue)
    screened = Screener(before).screen_document(document, "a.pdf", "sha-a")
    points = {**catalogue.scoring.points, "project_line": 9.0, "technical_skill": 4.0}
    heavier = dataclasses.replace(catalogue, scoring=dataclasses.replace(catalogue.scoring, points=points))
    after = Screener(Settings(heavier))
    assert after.matching_key == matching_key(before)  # only scoring changed
    again = rescore([screened], {}, after, matching_key(before))  # no documents at hand
    assert again == [after.screen_document(document, "a.pdf", "sha-a")]
    assert again[0].scores != screened.scores


def test_a_new_alias_matches_only_certifications_again(make_lines: Callable[..., tuple[Line, ...]]) -> None:
    document = Document(
        1,
        make_lines(
            [
                ("Project Manager, Acme, 2015 - 2020", "experience", 10.0, True),
                ("Holder of the Project Steering Credential since 2019", "certifications", 10.0, False),
            ]
        ),
    )
    catalogue = load_catalogue()
    before = Settings(catalogue)
    screened = Screener(before).screen_document(document, "a.pdf", "sha-a")
    pmp = catalogue.by_id("pmp")
    aliased = dataclasses.replace(pmp, phrases=(*pmp.phrases, "Project Steering Credential"))
    after = Screener(Settings(dataclasses.replace(catalogue, certifications=(aliased, *catalogue.certifications[1:]))))
    assert only_certifications_differ(matching_key(before), after.matching_key)
    assert after.matching_key != matching_key(before)
    again = rescore([screened], {"sha-a": document}, after, matching_key(before))
    assert again == [after.screen_document(document, "a.pdf", "sha-a")]
    assert [c.cert_id for c in again[0].certifications] == ["pmp"] != [c.cert_id for c in screened.certifications]


@pytest.mark.parametrize("vocabulary", ["management_keywords", "technical_skills", "project_words"])
def test_a_keyword_change_matches_the_text_again(vocabulary: str) -> None:
    catalogue = load_catalogue()
    value = getattr(catalogue, vocabulary)
    changed = {**value, "budgets": ("cost control",)} if isinstance(value, dict) else (*value, "cost control")
    reworded = dataclasses.replace(catalogue, **{vocabulary: changed})
    assert not only_certifications_differ(matching_key(Settings(reworded)), matching_key(Settings(catalogue)))


def test_rescore_uses_the_stored_document_and_keeps_failed_rows(make_lines: Callable[..., tuple[Line, ...]]) -> None:
    document = Document(1, make_lines([("PMP certified, 2019", "certifications", 10.0, False)]))
    catalogue = load_catalogue()
    screened = Screener(Settings(catalogue)).screen_document(document, "a.pdf", "sha-a")
    failed = dataclasses.replace(screened, file="b.pdf", sha256="sha-b", status="error", scores=None)
    lighter = dataclasses.replace(catalogue.by_id("pmp"), weight=5.0)
    cheaper = dataclasses.replace(catalogue, certifications=(lighter, *catalogue.certifications[1:]))
    again = rescore([screened, failed], {"sha-a": document}, Screener(Settings(cheaper)))
    assert screened.scores is not None and again[0].scores is not None
    cap = catalogue.scoring.caps["management"]["certifications"]
    assert screened.scores.management - again[0].scores.management == min(catalogue.by_id("pmp").weight, cap) - 5.0
    assert again[1] is failed
