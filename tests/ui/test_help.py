"""The Help menu: how scores are made, the window's keyboard shortcuts, and About."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot

from screener.catalogue import load_catalogue
from ui.help import app_version, scoring_html, show_about, show_data, show_scoring, show_shortcuts
from ui.main_window import MainWindow


def help_menu_items(window: MainWindow) -> list[str]:
    menus = {action.text(): action.menu() for action in window.menuBar().actions()}
    assert list(menus)[-1] == "&Help"  # last, where every desktop puts it
    return [action.text() for action in menus["&Help"].actions() if action.text()]


def page_text(qtbot: QtBot, dialog: object) -> str:
    browser = dialog.findChild(QTextBrowser, "Help text")  # type: ignore[attr-defined]
    qtbot.addWidget(dialog)
    return str(browser.toPlainText())


def test_the_help_menu_offers_scoring_shortcuts_and_about(window: MainWindow) -> None:
    assert help_menu_items(window) == [
        "&How Scores Are Made",
        "Your &Decisions and Data",
        "&Keyboard Shortcuts",
        "&About CV Screener",
    ]


def test_the_data_page_says_a_person_decides_what_is_stored_and_how_to_delete_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    text = page_text(qtbot, show_data(window))
    for words in (
        "does not decide",
        "Decision Log",
        "cannot be edited",
        "Nothing leaves this computer",
        "kept until you delete it",
        "Remove from Session",
        "deleted candidate",
    ):
        assert words in text


def test_how_scores_are_made_names_both_axes_their_evidence_and_the_role_fits(qtbot: QtBot, window: MainWindow) -> None:
    text = page_text(qtbot, show_scoring(window))
    for words in ("management skill", "technical depth", "evidence", "PMP", "TPM", "thresholds"):
        assert words in text


def test_the_shortcuts_page_lists_the_windows_own_keys(qtbot: QtBot, window: MainWindow) -> None:
    text = page_text(qtbot, show_shortcuts(window))
    for name, keys in (("Export List…", "Ctrl+E"), ("Undo", "Ctrl+Z"), ("Redo", "Ctrl+Shift+Z"), ("Shortlist", "1")):
        assert f"{name}\n{keys}" in text  # a row of the table: the action, then its keys


def test_about_gives_version_licence_and_says_nothing_leaves_the_computer(qtbot: QtBot, window: MainWindow) -> None:
    about = show_about(window)
    qtbot.addWidget(about)
    text = f"{about.text()} {about.informativeText()}"
    assert app_version() in text and "MIT" in text and "Nothing leaves this computer" in text


def test_the_scoring_page_says_the_caps_and_thresholds_of_the_catalogue_in_use() -> None:
    catalogue = load_catalogue()
    caps = {**catalogue.scoring.caps, "management": {**catalogue.scoring.caps["management"], "certifications": 27}}
    changed = dataclasses.replace(
        catalogue,
        scoring=dataclasses.replace(catalogue.scoring, caps=caps, thresholds={"management": 33, "technical": 44}),
    )
    text = scoring_html(changed)
    assert "PMP, PRINCE2, CSM, …; up to 27)" in text
    assert "(33 and\n44 unless changed in Settings)" in text
    assert "up to 0" not in scoring_html(catalogue)  # every cap the page names is in the shipped catalogue
