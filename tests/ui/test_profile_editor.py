"""The profile editor in plain words: sentences, a level drop-down, a years spin box, errors that say what to do."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QPushButton
from pytestqt.qtbot import QtBot

from screener.profiles import Requirement, RoleProfile, default_profiles
from ui.profile_editor import ProfileEditor


def editor_for(qtbot: QtBot, profile: RoleProfile) -> ProfileEditor:
    editor = ProfileEditor(profile)
    qtbot.addWidget(editor)
    return editor


def test_requirements_read_as_sentences_with_a_level_drop_down_and_a_years_spin_box(qtbot: QtBot) -> None:
    editor = editor_for(qtbot, default_profiles()[1])  # technical degree of at least bachelor's or 3 technical years
    table = editor.must_haves
    assert table.kind_box(0).currentText() == "Technical degree of at least …"
    level = table.value_widget(0)
    assert isinstance(level, QComboBox) and level.currentText() == "bachelor's"
    assert table.kind_box(1).currentText() == "At least … years in technical roles"
    years = table.value_widget(1)
    assert isinstance(years, QDoubleSpinBox) and years.value() == 3.0
    years.setValue(4.5)
    level.setCurrentIndex(level.findData("master"))
    technical = editor.edited_profile().must_haves[0].any_of
    assert technical == (
        Requirement("technical_degree_min_level", level="master"),
        Requirement("years_technical_min", years=4.5),
    )


def test_a_missing_level_is_named_in_words_and_its_row_selected(qtbot: QtBot) -> None:
    editor = editor_for(qtbot, default_profiles()[0])  # two must-haves
    table = editor.must_haves
    editor.findChild(QPushButton, "Add to must-haves").click()
    table.set_kind(2, "degree_min_level")
    table.selectRow(0)
    editor.accept()
    assert editor.result() == 0  # still open
    assert editor.error_label.text() == "Row 3: choose a degree level (must-haves)"
    assert [index.row() for index in table.selectionModel().selectedRows()] == [2]
    level = table.value_widget(2)
    assert isinstance(level, QComboBox)
    level.setCurrentIndex(level.findData("phd"))
    editor.accept()
    assert editor.profile().must_haves[2] == Requirement("degree_min_level", level="phd")


def test_a_missing_name_or_keyword_is_said_plainly(qtbot: QtBot) -> None:
    editor = editor_for(qtbot, default_profiles()[0])
    editor.nice_to_haves.set_kind(1, "keyword")
    editor.accept()
    assert editor.error_label.text() == "Row 2: type the words to look for (nice-to-haves)"
    editor.name_edit.clear()
    editor.accept()
    assert editor.error_label.text() == "Give the profile a name."


def test_add_puts_the_new_row_in_view_and_selected(qtbot: QtBot) -> None:
    many = tuple(Requirement("years_total_min", years=float(n)) for n in range(1, 16))
    editor = editor_for(qtbot, RoleProfile("Long", "pm", must_haves=many))
    editor.show()
    qtbot.waitExposed(editor)
    table = editor.must_haves
    table.selectRow(0)
    editor.findChild(QPushButton, "Add to must-haves").click()
    new_row = table.rowCount() - 1
    assert [index.row() for index in table.selectionModel().selectedRows()] == [new_row]
    cell = table.visualRect(table.model().index(new_row, table.KIND))
    assert table.viewport().rect().contains(cell)
