"""Settings: editing a weight re-ranks the open list at once from stored extractions; bad input is refused."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from screener.catalogue import load_catalogue
from screener.models import Box, Candidate, Document, Line, Section
from screener.profiles import default_profiles, load_profile
from screener.screening import Screener
from screener.settings import Settings
from screener.store import Session
from screener.user_settings import UserSettings, load_user_settings, user_settings_path
from ui.candidate_model import Column
from ui.engine import Engine, ProgressSink
from ui.main_window import MainWindow
from ui.profile_editor import ProfileEditor
from ui.settings_dialog import SettingsDialog


def _document(*texts: tuple[str, Section]) -> Document:
    # The first line is the name, set larger than the rest as CVs do.
    lines = tuple(
        Line(text, 1, Box(50, 40 + 20 * i, 400, 52 + 20 * i), 18.0 if i == 0 else 11.0, False, section)
        for i, (text, section) in enumerate(texts)
    )
    return Document(pages=1, lines=lines)


# Alice holds a PMP (30 points, 20 once capped); Bruno a CAPM (18): Alice leads until the PMP weighs less.
DOCUMENTS = {
    "alice.pdf": _document(
        ("Alice Archer", "header"), ("PMP, Project Management Professional, 2019", "certifications")
    ),
    "bruno.pdf": _document(
        ("Bruno Baker", "header"),
        ("CAPM, Certified Associate in Project Management, 2017", "certifications"),
    ),
}


class StoredScreening:
    """Screens the documents above as if read from PDFs, keeping each extraction in the session."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.screened = 0

    def find_pdfs(self, paths: Iterable[Path]) -> list[Path]:
        return sorted(paths)

    def screen_files(
        self,
        files: Sequence[Path],
        settings: Settings,
        *,
        workers: int | None = None,
        progress: ProgressSink | None = None,
        session: Session | None = None,
    ) -> list[Candidate]:
        assert session is self.session
        screener = Screener(settings)
        done = []
        for path in files:
            document = DOCUMENTS[path.name]
            candidate = screener.screen_document(document, str(path), f"sha-{path.name}")
            session.record(candidate, document)
            self.screened += 1
            done.append(candidate)
            if progress:
                progress.on_result(candidate, len(done), len(files))
        return done


@pytest.fixture
def screening(tmp_path: Path) -> StoredScreening:
    return StoredScreening(Session.open(tmp_path / "session.sqlite"))


@pytest.fixture
def window(qtbot: QtBot, screening: StoredScreening, tmp_path: Path) -> MainWindow:
    engine = Engine(
        settings=Settings(as_of=date(2025, 6, 1)),
        find_pdfs=screening.find_pdfs,
        screen_files=screening.screen_files,
        session=screening.session,
        user_settings=UserSettings(active_profile="Project Manager"),
    )
    main_window = MainWindow(engine_loader=lambda: engine)
    qtbot.addWidget(main_window)
    with qtbot.waitSignal(main_window.import_finished, timeout=10_000):
        main_window.import_paths([tmp_path / name for name in DOCUMENTS])
    return main_window


def ranked_names(window: MainWindow) -> list[str]:
    proxy, model = window.proxy(), window.model()
    return [model.candidate(proxy.source_row(row)).contact.name or "" for row in range(proxy.rowCount())]


def cert_row(dialog: SettingsDialog, cert_id: str) -> int:
    table = dialog.certifications
    return next(row for row in range(table.rowCount()) if table.item(row, 0).text() == cert_id)


def open_dialog(window: MainWindow, qtbot: QtBot) -> SettingsDialog:
    dialog = window.open_settings()
    assert dialog is not None
    qtbot.addWidget(dialog)
    return dialog


def test_editing_a_weight_re_ranks_the_open_list_without_reading_again(
    window: MainWindow, screening: StoredScreening, qtbot: QtBot
) -> None:
    assert ranked_names(window) == ["Alice Archer", "Bruno Baker"]
    dialog = open_dialog(window, qtbot)
    dialog.certifications.item(cert_row(dialog, "pmp"), 3).setText("10")
    with qtbot.waitSignal(window.scores_updated):
        dialog.ok_button.click()
    assert ranked_names(window) == ["Bruno Baker", "Alice Archer"]
    alice = window.model().candidate(window.proxy().source_row(1))
    assert alice.scores is not None and alice.scores.management == 10.0
    assert screening.screened == 2  # re-scored from the session, not screened again
    assert load_user_settings().effective_catalogue().by_id("pmp").weight == 10.0


def test_every_kind_of_role_points_is_editable_and_saved(window: MainWindow, qtbot: QtBot) -> None:
    dialog = open_dialog(window, qtbot)
    defaults = load_catalogue().scoring.points
    assert {key: spin.value() for key, spin in dialog.points.items()} == {key: defaults[key] for key in dialog.points}
    dialog.points["people_management_year"].setValue(3.5)
    dialog.points["recent_project_role"].setValue(5)
    dialog.ok_button.click()
    saved = load_user_settings().effective_catalogue().scoring.points
    assert (saved["people_management_year"], saved["recent_project_role"]) == (3.5, 5)


def test_the_must_haves_column_and_detail_pane_show_the_gates(window: MainWindow) -> None:
    model = window.model()
    row = window.proxy().source_row(0)
    cell = model.data(model.index(row, Column.GATES))
    # No dated jobs and no degree: the PM gates cannot be decided from these CVs.
    assert cell == "0/2, ? unknown: ≥ 1 years managing; bachelor's degree or higher"
    window.select_source_row(row)
    summary = window.detail()._summary
    assert "Must-haves for Project Manager: 0/2, ? unknown" in summary.text()
    assert "? ≥ 1 years managing: no dated jobs in the CV" in summary.toolTip()


def test_an_invalid_weight_is_refused_naming_the_entry_and_field(window: MainWindow, qtbot: QtBot) -> None:
    dialog = open_dialog(window, qtbot)
    dialog.certifications.item(cert_row(dialog, "pmp"), 3).setText("heavy")
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert "certification 'pmp': field 'weight' has the wrong type" in dialog.error_label.text()
    assert not user_settings_path().exists()
    assert ranked_names(window) == ["Alice Archer", "Bruno Baker"]


def test_cancel_discards_every_change(window: MainWindow, qtbot: QtBot) -> None:
    dialog = open_dialog(window, qtbot)
    dialog.certifications.item(cert_row(dialog, "pmp"), 3).setText("10")
    dialog.reject()
    assert not user_settings_path().exists()
    assert ranked_names(window) == ["Alice Archer", "Bruno Baker"]


def test_choosing_another_profile_ranks_by_it(window: MainWindow, qtbot: QtBot) -> None:
    dialog = open_dialog(window, qtbot)
    names = [p.name for p in dialog.profiles()]
    dialog.profile_list.setCurrentRow(names.index("Technical Project Manager"))
    dialog._activate_profile()
    with qtbot.waitSignal(window.scores_updated):
        dialog.ok_button.click()
    assert window.table().horizontalHeader().sortIndicatorSection() == Column.GATES
    fit = window.model().candidate(0).profile_fit
    assert fit is not None and fit.profile == "Technical Project Manager"


def test_a_profile_exported_and_imported_comes_back_unchanged(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    dialog = open_dialog(window, qtbot)
    dialog.profile_list.setCurrentRow(0)
    shared = tmp_path / "shared.json"
    dialog.export_profile(shared)
    assert load_profile(shared) == default_profiles()[0]
    dialog.import_profile(shared)
    imported = dialog.profiles()[-1]
    assert imported.name == f"{default_profiles()[0].name} (2)"
    assert imported.must_haves == default_profiles()[0].must_haves


def test_an_invalid_profile_file_is_refused_with_the_field_named(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[BaseException] = []
    monkeypatch.setattr("ui.settings_dialog.show_exception", lambda parent, exc: shown.append(exc))
    dialog = open_dialog(window, qtbot)
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "schema_version": 1,
                "name": "X",
                "role": "pm",
                "must_haves": [{"kind": "years_total_min"}],
                "nice_to_haves": [],
            }
        )
    )
    dialog.import_profile(bad)
    assert "profile 'X' must_haves[0]: missing field 'years'" in str(shown[0])
    assert len(dialog.profiles()) == len(default_profiles())


def test_profile_editor_groups_rows_ticked_or(qtbot: QtBot) -> None:
    tpm = default_profiles()[1]
    editor = ProfileEditor(tpm)
    qtbot.addWidget(editor)
    assert editor.edited_profile() == tpm  # two "A or B" gates shown as four rows, read back the same
    editor.must_haves.item(1, 0).setCheckState(Qt.CheckState.Unchecked)
    assert len(editor.edited_profile().must_haves) == 3


def test_the_filter_bar_picks_the_profile_that_ranks_the_list(window: MainWindow, qtbot: QtBot) -> None:
    picker = window.filter_bar().findChild(QComboBox, "Rank by profile")
    assert [picker.itemText(i) for i in range(picker.count())] == [
        "No profile (role fit)",
        "Project Manager",
        "Technical Project Manager",
    ]
    assert picker.currentText() == "Project Manager"
    picker.setCurrentIndex(picker.findText("Technical Project Manager"))
    fit = window.model().candidate(0).profile_fit
    assert fit is not None and fit.profile == "Technical Project Manager"
    assert window.table().horizontalHeader().sortIndicatorSection() == Column.GATES
    assert not window.table().isColumnHidden(Column.GATES)
    assert load_user_settings().active_profile == "Technical Project Manager"  # kept for the next start
    picker.setCurrentIndex(0)
    assert window.model().candidate(0).profile_fit is None
    assert window.table().horizontalHeader().sortIndicatorSection() == Column.ROLE_FIT
    assert window.table().isColumnHidden(Column.GATES)  # empty without a profile


def test_the_picker_follows_profiles_renamed_in_settings(window: MainWindow, qtbot: QtBot) -> None:
    dialog = open_dialog(window, qtbot)
    dialog.profile_list.setCurrentRow(0)
    dialog._duplicate_profile()
    with qtbot.waitSignal(window.scores_updated):
        dialog.ok_button.click()
    picker = window.filter_bar().findChild(QComboBox, "Rank by profile")
    assert picker.findText("Project Manager (2)") >= 0
