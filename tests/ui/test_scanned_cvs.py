"""Scanned CVs in the app: the list marks those read by OCR, and a scan read turned is shown turned upright."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image
from pytestqt.qtbot import QtBot
from ui_factories import make_candidate

import ui.blind
from screener.models import Box
from ui.candidate_model import Column
from ui.main_window import MainWindow


def test_the_list_marks_a_cv_read_by_ocr_with_its_confidence(window: MainWindow) -> None:
    scanned = replace(make_candidate("Ada Lovelace"), ocr_pages=(1,), ocr_confidence=0.934)
    window.model().append_candidates([scanned, make_candidate("Alan Turing")])
    statuses = {window.model().index(row, Column.STATUS).data() for row in range(2)}
    assert statuses == {"ok · OCR 93%", "ok"}


def test_a_scan_read_turned_is_shown_upright(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    """A landscape page (a portrait scan lying on its side) that OCR read turned 90° is drawn portrait."""
    path = tmp_path / "scan.pdf"
    Image.new("L", (1754, 1240), 255).save(path, resolution=150)
    width, height = pdfium.PdfDocument(path)[0].get_size()
    assert width > height
    window.model().append_candidates([replace(make_candidate(file=str(path)), ocr_pages=(1,), ocr_turns=((1, 90),))])
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    page_view = window.detail().page_view()
    with qtbot.waitSignal(page_view.page_rendered, timeout=10_000):
        window.select_source_row(0)
    canvas = page_view.canvas()
    assert canvas.height_for(100) > 100  # portrait: taller than wide


def test_in_blind_review_a_scan_read_turned_is_shown_upright_and_covered_where_it_was_read(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The covers are drawn where OCR read the details: on the page turned upright, as it was read."""
    path = tmp_path / "scan.pdf"
    Image.new("L", (1754, 1240), 255).save(path, resolution=150)
    name = Box(60, 700, 400, 730)  # near the foot of the upright page: off the page were it shown lying down
    monkeypatch.setattr(ui.blind, "_covers", lambda file, contact: {1: (name,)})
    window.model().append_candidates([replace(make_candidate(file=str(path)), ocr_pages=(1,), ocr_turns=((1, 90),))])
    window.blind_review().set_on(True)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    page_view = window.detail().page_view()
    with qtbot.waitSignal(page_view.page_rendered, timeout=10_000):
        window.select_source_row(0)
    canvas = page_view.canvas()
    assert canvas.height_for(100) > 100  # portrait, as read
    middle = canvas.box_rect(name).center().toPoint()
    picture = canvas.grab().toImage()
    ratio = picture.devicePixelRatio()
    assert picture.pixelColor(round(middle.x() * ratio), round(middle.y() * ratio)).lightness() < 60
