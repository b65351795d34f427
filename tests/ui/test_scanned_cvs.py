"""Scanned CVs in the app: the list marks those read by OCR, and a scan read turned is shown turned upright."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image
from pytestqt.qtbot import QtBot
from ui_factories import make_candidate, span

import ui.blind
from screener.models import Box, Evidence
from ui.candidate_model import Column
from ui.detail_pane import OCR_UNSURE_MARK
from ui.main_window import MainWindow
from ui.page_view import PageCanvas


def test_the_list_marks_a_cv_read_by_ocr_with_its_confidence(window: MainWindow) -> None:
    scanned = replace(make_candidate("Ada Lovelace"), ocr_pages=(1,), ocr_confidence=0.934)
    window.model().append_candidates([scanned, make_candidate("Alan Turing")])
    statuses = {window.model().index(row, Column.STATUS).data() for row in range(2)}
    assert statuses == {"ok · OCR 93%", "ok"}


def lying_scan(tmp_path: Path) -> Path:
    """A landscape page: a portrait scan lying on its side, which OCR reads turned 90°."""
    path = tmp_path / "scan.pdf"
    Image.new("L", (1754, 1240), 255).save(path, resolution=150)
    return path


def show_scan_read_turned(qtbot: QtBot, window: MainWindow, path: Path) -> PageCanvas:
    """The scan's page in the detail pane, as the app shows a CV that OCR read turned 90°."""
    window.model().append_candidates([replace(make_candidate(file=str(path)), ocr_pages=(1,), ocr_turns=((1, 90),))])
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    page_view = window.detail().page_view()
    with qtbot.waitSignal(page_view.page_rendered, timeout=10_000):
        window.select_source_row(0)
    return page_view.canvas()


def test_a_scan_read_turned_is_shown_upright(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = lying_scan(tmp_path)
    width, height = pdfium.PdfDocument(path)[0].get_size()
    assert width > height
    canvas = show_scan_read_turned(qtbot, window, path)
    assert canvas.height_for(100) > 100  # portrait: taller than wide


def test_in_blind_review_a_scan_read_turned_is_shown_upright_and_covered_where_it_was_read(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The covers are drawn where OCR read the details: on the page turned upright, as it was read."""
    name = Box(60, 700, 400, 730)  # near the foot of the upright page: off the page were it shown lying down
    monkeypatch.setattr(ui.blind, "_covers", lambda file, contact, extraction: {1: (name,)})
    window.blind_review().set_on(True)
    canvas = show_scan_read_turned(qtbot, window, lying_scan(tmp_path))
    assert canvas.height_for(100) > 100  # portrait, as read
    middle = canvas.box_rect(name).center().toPoint()
    picture = canvas.grab().toImage()
    ratio = picture.devicePixelRatio()
    assert picture.pixelColor(round(middle.x() * ratio), round(middle.y() * ratio)).lightness() < 60


def test_evidence_read_by_ocr_with_low_confidence_is_marked_in_the_breakdown(window: MainWindow) -> None:
    sure = Evidence("management", "certifications", "Holds PMP", 15.0, span("PMP certified"))
    unsure = Evidence("technical", "technical degree", "Technical degree: bachelor", 20.0, span("BSc"), ocr_unsure=True)
    scanned = replace(make_candidate("Ada Lovelace", evidence=[sure, unsure]), ocr_pages=(1,))
    window.model().append_candidates([scanned])
    window.select_source_row(0)
    tree = window.detail().evidence_tree()
    labels = {
        tree.topLevelItem(axis).child(row).text(0): tree.topLevelItem(axis).child(row).toolTip(0)
        for axis in range(tree.topLevelItemCount())
        for row in range(tree.topLevelItem(axis).childCount())
    }
    assert labels.keys() == {"Holds PMP", f"Technical degree: bachelor {OCR_UNSURE_MARK}"}
    assert "low confidence" in labels[f"Technical degree: bachelor {OCR_UNSURE_MARK}"]
    assert "low confidence" not in labels["Holds PMP"]
