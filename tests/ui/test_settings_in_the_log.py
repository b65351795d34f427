"""Saving the settings logs which settings changed, from what to what, not a vague "changed ... weights"."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from screener.catalogue import catalogue_to_dict, load_catalogue, parse_catalogue
from screener.user_settings import UserSettings
from ui.main_window import MainWindow


def settings_entries(window: MainWindow) -> list[str]:
    session = window.session()
    assert session is not None
    return [entry.detail for entry in session.decision_log() if entry.action == "settings"]


def test_a_threshold_change_and_a_reset_are_logged_with_old_and_new_values(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    data = catalogue_to_dict(load_catalogue())
    data["scoring"]["thresholds"]["management"] = 90
    stricter = UserSettings(catalogue=parse_catalogue(data, "test"))
    window.apply_user_settings(stricter)
    qtbot.waitUntil(lambda: "re-scored" in window.statusBar().currentMessage(), timeout=10_000)
    window.apply_user_settings(UserSettings())  # Reset to defaults, then OK
    qtbot.waitUntil(lambda: len(settings_entries(window)) == 2, timeout=10_000)
    assert settings_entries(window) == ["management threshold 40 → 90", "management threshold 90 → 40"]
