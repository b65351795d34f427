"""Blind review in the app: each candidate is "Candidate N" and who they are is hidden in the list, the detail
pane, the score map, the page, the exports and the decision log, until one is revealed, which is logged."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from docx import Document as WordDocument
from openpyxl import load_workbook
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QToolBar
from pytestqt.qtbot import QtBot
from ui_factories import ONE_PAGE, FakeScreening, make_candidate, make_error, pdf_files, span

import screener.blind
from screener.blind import personal_spans, scrub
from screener.cv_formats import read_cv
from screener.models import Box, Candidate, Document, Evidence
from screener.screening import Screener
from screener.settings import Settings
from screener.store import Session, scoring_fingerprint
from tests.personal_cv import PERSONAL, PHOTO_BOX, pdf_text, personal_cv
from ui.blind import HIDDEN_FILE, _covers
from ui.candidate_model import Column
from ui.candidate_report_view import Blinding
from ui.decision_log_view import DecisionLogDialog
from ui.main_window import MainWindow

ADA = make_candidate("Ada Lovelace", sha256="a" * 64, management=72.0, technical=41.0, role_fit="pm")
ALAN = make_candidate("Alan Turing", sha256="b" * 64, management=20.0, technical=90.0, role_fit="technical")
PMP = Evidence("management", "certification", "Holds PMP (Project Management Professional)", 15.0, span("PMP"))


@pytest.fixture(scope="module")
def grace(tmp_path_factory: pytest.TempPathFactory) -> tuple[Document, Candidate]:
    """A PDF CV stating every personal detail, with a photo, read and screened (before any window renders)."""
    path = personal_cv(tmp_path_factory.mktemp("cv") / "grace_okafor.pdf")
    document = read_cv(path)
    return document, Screener(Settings()).screen_document(document, str(path), "c" * 64)


def hidden_fields(candidate: Candidate) -> list[str]:
    """What blind review must hide of a candidate, as the app or the CV writes it."""
    contact = candidate.contact
    words = [contact.name, contact.email, contact.phone, candidate.file, Path(candidate.file).name]
    return [word for word in words if word]


def shown_texts(window: MainWindow) -> str:
    """Every cell and tooltip of the list, as one text."""
    model = window.model()
    return "\n".join(
        str(model.index(row, column).data(role) or "")
        for row in range(model.rowCount())
        for column in range(model.columnCount())
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    )


def blind(window: MainWindow, on: bool = True) -> None:
    window.blind_review().set_on(on)
    assert window.blind_action.isChecked() == on


def show_window(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)


def row_of(window: MainWindow, sha256: str) -> int:
    model = window.model()
    return next(row for row in range(model.rowCount()) if model.candidate(row).sha256 == sha256)


def test_the_list_names_each_candidate_by_number_and_hides_who_they_are(window: MainWindow) -> None:
    window.model().append_candidates([ADA, ALAN])
    blind(window)
    model = window.model()
    names = {model.index(row, Column.NAME).data() for row in range(2)}
    assert names == {"Candidate 1", "Candidate 2"}
    assert {model.index(row, Column.FILE).data() for row in range(2)} == {HIDDEN_FILE}
    texts = shown_texts(window)
    for candidate in (ADA, ALAN):
        assert not [field for field in hidden_fields(candidate) if field in texts]
    assert "Lovelace" not in texts and "ada@" not in texts
    # Typing a name finds no one; typing a number finds that candidate.
    window.filter_bar().text_box().setText("lovelace")
    qtbot_wait_filter(window, 0)
    window.filter_bar().text_box().setText("candidate 2")
    qtbot_wait_filter(window, 1)
    window.filter_bar().text_box().setText("")
    blind(window, False)
    assert {model.index(row, Column.NAME).data() for row in range(2)} == {"Ada Lovelace", "Alan Turing"}


def qtbot_wait_filter(window: MainWindow, expected: int) -> None:
    """The filter bar applies typed text after a short pause; apply it now."""
    window.proxy().set_filter(window.filter_bar().current_filter())
    assert window.proxy().rowCount() == expected


def test_sorting_by_name_in_blind_review_sorts_by_number(window: MainWindow) -> None:
    window.model().append_candidates([ALAN, ADA])  # alphabetical order is Ada, Alan
    blind(window)
    window.table().sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
    order = [window.model().index(row, Column.NAME).data() for row in range(2)]
    assert order == ["Candidate 1", "Candidate 2"]
    window.model().append_candidates([make_error("/cvs/broken.pdf")])  # sorting by status still sorts by status
    window.table().sortByColumn(Column.STATUS, Qt.SortOrder.AscendingOrder)
    assert [window.model().candidate(row).status for row in range(3)] == ["error", "ok", "ok"]


def test_toggling_blind_review_changes_no_score_and_no_rank(window: MainWindow) -> None:
    candidates = [make_candidate(f"Person {i}", management=(i * 37) % 100, technical=(i * 53) % 100) for i in range(9)]
    window.model().append_candidates(candidates)
    window.table().sortByColumn(Column.ROLE_FIT, Qt.SortOrder.DescendingOrder)

    def ranking() -> list[tuple[object, ...]]:
        proxy = window.proxy()
        columns = (Column.ROLE_FIT, Column.MANAGEMENT, Column.TECHNICAL)
        return [
            (*(proxy.index(row, column).data() for column in columns), proxy.index(row, 0).row())
            for row in range(proxy.rowCount())
        ]

    def order() -> list[str]:
        proxy = window.proxy()
        return [window.model().candidate(proxy.source_row(row)).sha256 for row in range(proxy.rowCount())]

    before, ranked = ranking(), order()
    blind(window)
    assert ranking() == before and order() == ranked
    blind(window, False)
    assert ranking() == before and order() == ranked


def test_blind_review_and_the_numbers_are_kept_with_the_session(
    qtbot: QtBot, screening: FakeScreening, tmp_path: Path
) -> None:
    path = tmp_path / "kept.sqlite"
    with Session.open(path) as session:
        for candidate in (ADA, ALAN):
            session.record(candidate, ONE_PAGE, scored_with=scoring_fingerprint(Settings()))
    first = MainWindow(engine_loader=screening.engine, session_path=path)
    qtbot.addWidget(first)
    blind(first)
    numbers = {first.model().candidate(r).sha256: first.model().index(r, Column.NAME).data() for r in range(2)}
    first.close()
    again = MainWindow(engine_loader=screening.engine, session_path=path)
    qtbot.addWidget(again)
    assert again.blind_review().is_on() and again.blind_action.isChecked()
    assert {again.model().candidate(r).sha256: again.model().index(r, Column.NAME).data() for r in range(2)} == numbers


def test_the_detail_pane_and_the_map_hide_who_the_candidate_is(qtbot: QtBot, window: MainWindow) -> None:
    quoting = Evidence("management", "project work", "Project work: Ada Lovelace led the migration", 2.0, span("x"))
    ada = make_candidate("Ada Lovelace", sha256="a" * 64, evidence=[PMP, quoting])
    window.model().append_candidates([ada, ALAN])
    show_window(qtbot, window)
    blind(window)
    window.select_source_row(row_of(window, ada.sha256))
    detail = window.detail()
    label = window.model().name(row_of(window, ada.sha256))
    assert re.fullmatch(r"Candidate \d", label) and detail.title().text() == label
    profile = detail.profile().toPlainText()
    assert not [field for field in hidden_fields(ada) if field in profile]
    tree = detail.evidence_tree()
    evidence = [tree.topLevelItem(0).child(i) for i in range(tree.topLevelItem(0).childCount())]
    texts = " ".join(item.text(0) + item.toolTip(0) for item in evidence)
    assert "Holds PMP (Project Management Professional)" in texts  # evidence is never hidden
    assert "Lovelace" not in texts and "[hidden] led the migration" in texts
    window.views().setCurrentWidget(window.chart())
    qtbot.waitExposed(window.chart())
    where = window.chart().point_position(row_of(window, ada.sha256))
    assert where is not None
    tooltip = window.chart().tooltip_at(where)
    assert tooltip.startswith(f"{label}: PM") or tooltip.startswith(f"{label}: TPM")
    assert "Ada" not in tooltip and "Lovelace" not in tooltip


def lightest(image: QImage, area: QRect) -> int:
    ratio = image.devicePixelRatio()
    return max(
        image.pixelColor(round(x * ratio), round(y * ratio)).lightness()
        for x in range(area.left() + 1, area.right() - 1, 2)
        for y in range(area.top() + 1, area.bottom() - 1)
    )


def test_the_page_covers_the_name_every_personal_detail_and_the_photo(
    qtbot: QtBot, window: MainWindow, grace: tuple[Document, Candidate]
) -> None:
    document, candidate = grace
    window.model().append_candidates([candidate])
    show_window(qtbot, window)
    page_view = window.detail().page_view()
    with qtbot.waitSignal(page_view.page_rendered, timeout=10_000):
        window.select_source_row(0)
    canvas = page_view.canvas()
    spans = personal_spans(document, candidate.contact)
    name_box = next(s for s in spans if s.kind == "name" and s.text == PERSONAL["name"]).line.box
    name_area = canvas.box_rect(name_box).toRect()
    assert lightest(canvas.grab().toImage(), name_area) > 200  # shown: white paper around the letters
    with qtbot.waitSignal(page_view.page_rendered, timeout=10_000):
        blind(window)
    picture = canvas.grab().toImage()
    assert lightest(picture, name_area) < 60  # covered: nothing of the name shows
    for personal in spans:
        assert lightest(picture, canvas.box_rect(personal.box).toRect()) < 60, personal.text
    photo = canvas.box_rect(Box(*PHOTO_BOX)).toRect()
    assert lightest(picture, photo) < 60
    # The evidence stays in view: the PMP line is printed, not covered.
    pmp = next(e for e in candidate.scores.evidence if "PMP" in e.label) if candidate.scores else None
    assert pmp is not None and lightest(picture, canvas.box_rect(pmp.span.box).toRect()) > 200


def test_the_covers_are_found_in_the_session_s_extraction_without_reading_the_cv_again(
    qtbot: QtBot, window: MainWindow, grace: tuple[Document, Candidate], monkeypatch: pytest.MonkeyPatch
) -> None:
    document, candidate = grace
    session = window.session()
    assert session is not None
    session.record(candidate, document, scored_with=scoring_fingerprint(Settings()))
    window.model().append_candidates([candidate])
    reads: list[Path] = []
    monkeypatch.setattr(screener.blind, "read_cv", lambda path: reads.append(path) or document)  # a scan: OCR again
    _covers.cache_clear()
    show_window(qtbot, window)
    blind(window)
    page_view = window.detail().page_view()
    with qtbot.waitSignal(page_view.page_rendered, timeout=30_000):
        window.select_source_row(0)
    name_box = next(s for s in personal_spans(document, candidate.contact) if s.kind == "name").line.box
    assert lightest(page_view.canvas().grab().toImage(), page_view.canvas().box_rect(name_box).toRect()) < 60
    assert reads == []


def test_a_page_that_cannot_be_shown_says_why_without_the_file_s_name(qtbot: QtBot, window: MainWindow) -> None:
    window.model().append_candidates([ALAN])  # /cvs/alan_turing.pdf does not exist
    show_window(qtbot, window)
    blind(window)
    window.select_source_row(0)
    canvas = window.detail().page_view().canvas()
    qtbot.waitUntil(lambda: "no longer there" in canvas.placeholder(), timeout=5000)
    assert "alan" not in canvas.placeholder().lower()


def test_a_word_cv_s_text_is_masked_in_blind_review(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "grace.docx"
    word = WordDocument()
    for text in (
        "Grace Okafor",
        "grace.okafor@example.org | +44 7700 900456",
        "Date of birth: 14 March 1984 | Nationality: Nigerian",
        "Summary",
        "Grace is a technical project manager. She holds the PMP certification.",
    ):
        word.add_paragraph(text)
    word.save(str(path))
    candidate = Screener(Settings()).screen_document(read_cv(path), str(path), "d" * 64)
    window.model().append_candidates([candidate])
    show_window(qtbot, window)
    blind(window)
    page_view = window.detail().page_view()
    with qtbot.waitSignal(page_view.text_shown, timeout=10_000):
        window.select_source_row(0)
    text = page_view.text_view().toPlainText()
    assert "PMP certification" in text and "technical project manager" in text
    for hidden in ("Grace", "Okafor", "grace.okafor@example.org", "900456", "1984", "Nigerian", "She"):
        assert hidden not in text, hidden


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".json"])
def test_an_export_in_blind_review_leaves_who_they_are_out_and_says_blind(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, suffix: str
) -> None:
    window.model().append_candidates([ADA, ALAN])
    window.model().set_review(0, window.model().review(0).__class__("shortlist", "Strong"))
    blind(window)
    out = tmp_path / f"list{suffix}"
    with qtbot.waitSignal(window.export_finished, timeout=10_000):
        window.export_to(out)
    if suffix == ".xlsx":
        sheet = load_workbook(out).active
        assert sheet is not None
        text = sheet.title + "\n" + "\n".join(str(c.value) for row in sheet.iter_rows() for c in row)
    else:
        text = out.read_text(encoding="utf-8-sig")
    assert "blind" in text.lower() and "Candidate 1" in text and "Candidate 2" in text
    for candidate in (ADA, ALAN):
        assert not [field for field in hidden_fields(candidate) if field in text]
    assert "Lovelace" not in text and "Shortlist" in text and "72" in text
    if suffix == ".json":
        assert json.loads(text)["blind"] is True
    if suffix == ".csv":
        header = next(csv.reader(text.splitlines()))
        assert header[1] == "Candidate (blind review)" and "Email" not in header and "File" not in header


def test_revealing_is_one_action_for_one_candidate_and_is_logged(qtbot: QtBot, window: MainWindow) -> None:
    window.model().append_candidates([ADA, ALAN])
    assert not window.reveal_action.isEnabled()  # nothing is hidden
    blind(window)
    assert window.reveal_action.isEnabled()
    window.table().selectAll()
    window.reveal_action.trigger()  # several selected: no one is revealed
    assert "Ada Lovelace" not in shown_texts(window) and "Alan Turing" not in shown_texts(window)
    ada = row_of(window, ADA.sha256)
    window.select_source_row(ada)
    number = window.model().name(ada)
    window.reveal_action.trigger()
    assert window.model().index(ada, Column.NAME).data() == "Ada Lovelace"
    assert window.model().index(row_of(window, ALAN.sha256), Column.NAME).data().startswith("Candidate ")
    session = window.session()
    assert session is not None
    reveals = [e for e in session.decision_log() if e.action == "reveal"]
    assert [(e.sha256, e.detail) for e in reveals] == [(ADA.sha256, f"identity of {number} revealed in blind review")]
    window.reveal_action.trigger()  # already revealed: nothing more is logged
    assert len([e for e in session.decision_log() if e.action == "reveal"]) == 1


def test_every_action_in_blind_review_is_logged_with_its_snapshot_and_shown_by_number(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    session = window.session()
    assert session is not None
    for candidate in (ADA, ALAN):
        session.record(candidate, ONE_PAGE, scored_with=scoring_fingerprint(Settings()))
    window.model().append_candidates([ADA, ALAN])
    blind(window)
    ada, alan = row_of(window, ADA.sha256), row_of(window, ALAN.sha256)
    window.select_source_row(ada)
    window.set_verdict("shortlist")
    qtbot.keyClicks(window.detail().note_editor(), "Call")
    window.select_source_row(alan)
    window.set_verdict("reject")
    window.reveal_action.trigger()
    entries = session.decision_log()
    assert [(e.action, e.sha256) for e in entries] == [
        ("decision", ADA.sha256),
        ("note", ADA.sha256),
        ("decision", ALAN.sha256),
        ("reveal", ALAN.sha256),
    ]
    decisions = [e for e in entries if e.action == "decision"]
    assert [(e.snapshot.management, e.snapshot.role_fit) for e in decisions if e.snapshot] == [
        (72.0, "pm"),
        (20.0, "technical"),
    ]
    ada_label = window.model().name(row_of(window, ADA.sha256))
    dialog = DecisionLogDialog(session, window, window.blind_review())
    qtbot.addWidget(dialog)
    table = dialog.table()
    shown = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    assert [row[3] for row in shown] == [
        ada_label,
        ada_label,
        "Alan Turing (alan_turing.pdf)",
        "Alan Turing (alan_turing.pdf)",
    ]
    assert table.horizontalHeaderItem(3).text() == "Candidate (blind review)"
    assert shown[0][2] == "decision" and shown[0][6] == "72.0"  # the snapshot beside the decision
    out = tmp_path / "log.csv"
    dialog.export_to(out)
    exported = out.read_text(encoding="utf-8-sig")
    assert "Ada" not in exported and "Lovelace" not in exported and ada_label in exported and "blind" in exported


def test_a_blind_candidate_report_holds_every_evidence_label_and_no_hidden_field(
    qtbot: QtBot, window: MainWindow, grace: tuple[Document, Candidate], tmp_path: Path
) -> None:
    _document, candidate = grace
    window.model().append_candidates([candidate])
    blind(window)
    window.select_source_row(0)
    label = window.model().name(0)
    out = tmp_path / f"{label} report.pdf"
    with qtbot.waitSignal(window.candidate_report().written, timeout=30_000):
        window.candidate_report().export_to(out, candidate, window.model().review(0), Blinding(label, None))
    pages, text = pdf_text(out)
    assert pages == 2 and label in text and "blind review" in text.lower()
    assert candidate.scores is not None
    for evidence in candidate.scores.evidence:
        assert re.sub(r"\s+", " ", scrub(evidence.label, candidate)) in text
    leaked = [value for value in [*PERSONAL.values(), *hidden_fields(candidate), "Okafor"] if value in text]
    assert leaked == []
    assert "covered in black" in text  # the CV page is there, its personal details covered


def test_blind_review_is_in_the_toolbar_and_the_view_menu_and_on_ctrl_b(qtbot: QtBot, window: MainWindow) -> None:
    show_window(qtbot, window)
    toolbar = window.findChild(QToolBar, "main-toolbar")
    assert toolbar is not None and window.blind_action in toolbar.actions()
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert window.blind_action in view_menu.actions()
    assert window.blind_action.shortcut().toString() == "Ctrl+B"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts reach the active window only
    window.table().setFocus()
    qtbot.keyClick(window.table(), Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert window.blind_review().is_on()
    qtbot.keyClick(window.table(), Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert not window.blind_review().is_on()


def test_the_edit_menu_names_no_hidden_candidate(window: MainWindow) -> None:
    window.model().append_candidates([ADA, ALAN])
    window.select_source_row(row_of(window, ADA.sha256))
    window.set_verdict("shortlist")
    assert "Ada Lovelace" in window.undo_stack().undoText()
    blind(window)
    assert re.fullmatch(r"Shortlist Candidate \d", window.undo_stack().undoText())


def test_an_import_numbers_its_candidates_in_one_write_in_an_order_unrelated_to_who_they_are(
    qtbot: QtBot, window: MainWindow, screening: FakeScreening, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = window.session()
    assert session is not None
    writes: list[list[str]] = []
    numbers = session.blind_numbers
    monkeypatch.setattr(session, "blind_numbers", lambda keys=(): writes.append(list(keys)) or numbers(keys))
    screening.seconds_per_file = 0.15  # rows arrive over several batches of the list
    with qtbot.waitSignal(window.import_finished, timeout=20_000):
        window.import_paths(pdf_files(tmp_path / "cvs", 6))
    assert len([keys for keys in writes if keys]) == 1  # none while the rows arrived
    candidates = window.model().candidates()
    by_hash = sorted(candidates, key=lambda c: c.sha256)
    assert [window.blind_review().number_of(c) for c in by_hash] == [1, 2, 3, 4, 5, 6]
