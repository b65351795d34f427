"""Word CVs in the app: screened beside PDFs, their text shown with the evidence highlighted, and the original
opened in the user's own application."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from cvgen.render import render
from cvgen.samples import sample_specs
from cvgen.spec import AS_OF
from cvgen.word import write_docx
from screener.cv_formats import read_cv
from screener.models import Candidate, Evidence
from screener.screening import Screener
from screener.settings import Settings
from ui.engine import Engine
from ui.main_window import MainWindow

SETTINGS = Settings(as_of=AS_OF)


def words(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()


@pytest.fixture
def word_cv(tmp_path: Path) -> Path:
    path = tmp_path / "amelia_whitfield.docx"
    write_docx(sample_specs()["amelia_whitfield_tpm.pdf"], path)
    return path


def screened(path: Path) -> Candidate:
    return Screener(SETTINGS).screen_document(read_cv(path), str(path), "0" * 64)


def show(qtbot: QtBot, window: MainWindow, candidate: Candidate) -> None:
    window.model().append_candidates([candidate])
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.detail().page_view().text_shown, timeout=10_000):
        window.select_source_row(0)


def test_a_word_cvs_evidence_is_highlighted_in_its_text(qtbot: QtBot, window: MainWindow, word_cv: Path) -> None:
    candidate = screened(word_cv)
    assert candidate.scores is not None and candidate.held_certifications
    show(qtbot, window, candidate)
    page_view = window.detail().page_view()
    text = page_view.text_view()
    assert page_view.showing_text() and "Amelia Whitfield" in text.toPlainText()
    highlighted = text.highlighted_texts()
    assert highlighted
    # Every piece of evidence is highlighted where it was read, and only text that is evidence is.
    for evidence in candidate.scores.evidence:
        assert words(evidence.span.text) in words(" ".join(highlighted)), evidence
    assert "Amelia Whitfield" not in highlighted
    # Choosing a piece of evidence in the breakdown focuses the lines it rests on.
    management = window.detail().evidence_tree().topLevelItem(0)
    assert management is not None
    items = [item for i in range(management.childCount()) if (item := management.child(i)) is not None]
    pmp = next(item for item in items if item.data(0, Qt.ItemDataRole.UserRole).component == "certifications")
    window.detail().evidence_tree().setCurrentItem(pmp)
    chosen = pmp.data(0, Qt.ItemDataRole.UserRole)
    assert isinstance(chosen, Evidence)
    assert text.focused() == chosen
    focused = text.focused_texts()
    assert focused and words(chosen.span.text) in words(" ".join(focused))


def test_open_original_hands_the_file_to_the_users_application(
    qtbot: QtBot, window: MainWindow, word_cv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", opened.append)  # the test opens no application
    show(qtbot, window, screened(word_cv))
    button = window.detail().page_view().open_original_button()
    assert button.isEnabled()
    button.click()
    assert [url.toLocalFile() for url in opened] == [str(word_cv)]


def test_a_folder_of_pdfs_and_word_files_is_screened_in_the_app(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "cvs"
    folder.mkdir()
    specs = sample_specs()
    render(specs["daniel_brennan_pm.pdf"], folder / "daniel_brennan_pm.pdf")
    write_docx(specs["amelia_whitfield_tpm.pdf"], folder / "amelia_whitfield_tpm.docx")
    write_docx(specs["kwame_mensah_sre.pdf"], folder / "kwame_mensah_sre.docx")
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    window = MainWindow(engine_loader=lambda: Engine(settings=SETTINGS), session_path=tmp_path / "session.sqlite")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.import_finished, timeout=60_000):
        window.import_paths([folder])
    model = window.model()
    rows = {Path(model.candidate(row).file).name: model.candidate(row) for row in range(model.rowCount())}
    assert set(rows) == {"daniel_brennan_pm.pdf", "amelia_whitfield_tpm.docx", "kwame_mensah_sre.docx", "old.doc"}
    assert rows["amelia_whitfield_tpm.docx"].scores is not None
    assert rows["amelia_whitfield_tpm.docx"].scores.role_fit == "tpm"
    assert rows["daniel_brennan_pm.pdf"].scores is not None
    assert rows["daniel_brennan_pm.pdf"].scores.role_fit == "pm"
    assert rows["kwame_mensah_sre.docx"].status == "ok"
    assert rows["old.doc"].status == "error" and "save it as .docx or PDF" in (rows["old.doc"].error or "")
