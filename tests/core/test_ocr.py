"""Scanned CVs: read by OCR when the extra is installed (upright or turned, skewed, mixed with text pages), marked
so, within their own time budget in the workers; without the extra, the file says how to install it."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from fpdf import FPDF
from PIL import Image

from screener import ocr, workers
from screener.batch import WorkerLimits, screen_files
from screener.cv_formats import read_cv
from screener.errors import UnreadablePdfError
from screener.export import candidate_to_dict
from screener.models import Box, Candidate, Document, Line
from screener.pdftext import read_document
from screener.screening import Screener
from screener.settings import Settings

SETTINGS = Settings()
LINES = (
    ("Margaret Hamilton", 20),
    ("margaret.hamilton@example.com", 11),
    ("Experience", 14),
    ("Senior Project Manager, Apollo Systems, Jan 2015 - Dec 2022", 11),
    ("Led a team of 12 engineers; managed budget, risks and stakeholders", 11),
    ("Certifications", 14),
    ("PMP, Project Management Professional (held since 2016)", 11),
)


def text_cv(
    path: Path, pages: int = 1, lines: tuple[tuple[str, int], ...] = LINES, letter_spacing: float = 0.0
) -> Path:
    """A one-column CV; text set larger than 20 pt (the name) is spaced out by `letter_spacing` points."""
    pdf = FPDF(unit="pt", format="A4")
    for _ in range(pages):
        pdf.add_page()
        y = 72.0
        for text, size in lines:
            pdf.set_font("Helvetica", style="B" if size > 11 else "", size=size)
            pdf.set_char_spacing(letter_spacing if size >= 20 else 0.0)
            pdf.set_xy(72, y)
            pdf.cell(text=text)
            y += size * (1.3 if size > 20 else 2.2)
    pdf.output(str(path))
    return path


def scanned(text_pdf: Path, path: Path, turn: float = 0.0, keep_text: tuple[int, ...] = ()) -> Path:
    """The PDF's pages as 150 dpi greyscale images (turned by `turn` degrees), but those in `keep_text`."""
    pdf = pdfium.PdfDocument(text_pdf)
    images = []
    for page in pdf:
        image = page.render(scale=150 / 72, grayscale=True).to_pil().convert("L")
        if turn:
            image = image.rotate(turn, expand=turn % 90 == 0, fillcolor=255, resample=Image.Resampling.BICUBIC)
        images.append(image)
    pdf.close()
    out = pdfium.PdfDocument.new()
    source = pdfium.PdfDocument(text_pdf)
    for index, image in enumerate(images):
        if index + 1 in keep_text:
            out.import_pages(source, [index])
            continue
        single = path.with_suffix(f".{index}.pdf")
        image.save(single, resolution=150)
        out.import_pages(pdfium.PdfDocument(single))
    out.save(path)
    return path


def screened(document: Document, path: Path) -> Candidate:
    return Screener(SETTINGS).screen_document(document, str(path), "0" * 64)


# --- without the extra ---------------------------------------------------------------------------------------


def test_without_the_extra_a_scan_says_how_to_install_ocr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)
    scan = scanned(text_cv(tmp_path / "cv.pdf"), tmp_path / "scan.pdf")
    with pytest.raises(UnreadablePdfError, match=r"install OCR: pip install 'cv-screener\[ocr\]'"):
        read_document(scan)


def test_without_the_extra_a_mixed_pdf_reads_its_text_pages_and_names_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)
    mixed = scanned(text_cv(tmp_path / "cv.pdf", pages=2), tmp_path / "mixed.pdf", keep_text=(1,))
    document = read_document(mixed)
    assert {line.page for line in document.lines} == {1} and not document.ocr_pages
    assert any("scanned page 2 not read" in w and "cv-screener[ocr]" in w for w in document.warnings)


WORD = Box(10, 10, 60, 22)  # where a word sits on its page


def box(left: float, right: float) -> list[list[float]]:
    """A word's box on the page as the engine gives it: corners clockwise from the top left, 30 px high."""
    return [[left, 100.0], [right, 100.0], [right, 130.0], [left, 130.0]]


def test_a_word_the_engine_read_in_pieces_is_one_word_as_unsure_as_its_least_sure_letter() -> None:
    pieces = [("ADA", 0.99, box(0, 60)), ("M", 0.99, box(66, 90)), ("SCH", 0.99, box(110, 170))]
    letters = [0.99, 0.98, 0.97, 0.4, 0.99, 0.95, 0.99, 0.99]  # one a letter of "ADAM SCH", the space too
    words = ocr._spaced_words("ADAM SCH", pieces, letters)
    assert [(word, confidence) for word, confidence, _ in words] == [("ADAM", 0.4), ("SCH", 0.95)]
    assert words[0][2] == box(0, 90)  # from the first piece's left edge to the last one's right edge


def test_words_read_with_low_confidence_are_named_in_the_notes() -> None:
    unsure = [(1, "Projcet", WORD), (1, "Managment", WORD), (2, "2O19", WORD)]
    scans = ocr.Scans(pages=[1, 2], confidences=[(0.97, 900)], unsure=unsure)
    assert "read by OCR with low confidence: page 1 “Projcet”, “Managment”; page 2 “2O19”" in scans.warnings()
    many = ocr.Scans(pages=[1], confidences=[(0.9, 900)], unsure=[(1, f"word{n}", WORD) for n in range(11)])
    assert any(note.endswith("“word7” and 3 more") for note in many.warnings())
    assert not any("low confidence" in note for note in ocr.Scans(pages=[1], confidences=[(0.99, 900)]).warnings())


def test_evidence_resting_on_a_word_read_with_low_confidence_says_so(
    make_lines: Callable[..., tuple[Line, ...]],
) -> None:
    lines = make_lines(
        [("Certifications", "certifications", 12.0, True), ("PMP certified, 2019", "certifications", 10.0, False)]
    )
    pmp_line = lines[1]
    unsure_word = Box(pmp_line.box.x0, pmp_line.box.top, pmp_line.box.x0 + 20, pmp_line.box.bottom)
    document = Document(1, lines, ocr_pages=(1,), ocr_unsure=((1, unsure_word),))
    screener = Screener(Settings())
    candidate = screener.screen_document(document, "scan.pdf", "sha")
    assert candidate.scores is not None
    flagged = [e.label for e in candidate.scores.evidence if e.ocr_unsure]
    assert flagged and all("PMP" in label for label in flagged)
    assert screener.rescore_findings(candidate) == candidate  # scored again, the mark stays
    exported = candidate_to_dict(candidate)["evidence"]
    assert [e["label"] for e in exported if e.get("ocr_low_confidence")] == flagged
    elsewhere = Document(1, lines, ocr_pages=(1,), ocr_unsure=((2, unsure_word),))  # the same spot, page 2
    unflagged = screener.screen_document(elsewhere, "scan.pdf", "sha").scores
    assert unflagged is not None and not any(e.ocr_unsure for e in unflagged.evidence)


def test_a_blank_page_is_not_taken_for_a_scan(tmp_path: Path) -> None:
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.set_xy(72, 72)
    pdf.cell(text="Margaret Hamilton, Senior Project Manager, PMP")
    pdf.add_page()  # nothing on it
    pdf.output(str(tmp_path / "cv.pdf"))
    document = read_document(tmp_path / "cv.pdf")
    assert not document.ocr_pages and not document.warnings


# --- with the extra ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def engine() -> None:
    pytest.importorskip("rapidocr", reason="the OCR extra is not installed: pip install 'cv-screener[ocr]'")
    pytest.importorskip("onnxruntime", reason="the OCR extra is not installed: pip install 'cv-screener[ocr]'")


@pytest.fixture(scope="module")
def text_version(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Candidate]:
    path = text_cv(tmp_path_factory.mktemp("text") / "cv.pdf")
    return path, screened(read_document(path), path)


def same_findings(candidate: Candidate, reference: Candidate) -> None:
    assert candidate.contact.name == reference.contact.name == "Margaret Hamilton"
    assert candidate.contact.email == reference.contact.email
    assert [(c.cert_id, c.status) for c in candidate.certifications] == [("pmp", "held")]
    assert [(j.start, j.end) for j in candidate.jobs] == [(j.start, j.end) for j in reference.jobs]
    assert candidate.scores is not None and reference.scores is not None
    assert candidate.scores.role_fit == reference.scores.role_fit


def test_first_use_downloads_nothing(engine: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The models come inside the package: a fresh engine reads a scan with every network connection refused."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network blocked by the test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(ocr, "_engine", None)
    document = read_document(scanned(text_cv(tmp_path / "cv.pdf"), tmp_path / "scan.pdf"))
    assert document.ocr_pages == (1,)


def test_a_scanned_cv_reads_as_its_text_version_with_evidence_where_it_is_printed(
    engine: None, tmp_path: Path, text_version: tuple[Path, Candidate]
) -> None:
    path, reference = text_version
    scan = scanned(path, tmp_path / "scan.pdf")
    document = read_document(scan)
    candidate = screened(document, scan)
    same_findings(candidate, reference)
    assert candidate.read_by_ocr and candidate.ocr_pages == (1,)
    assert candidate.ocr_confidence is not None and candidate.ocr_confidence > 0.8
    assert any("read by OCR" in warning for warning in candidate.warnings)
    # The PMP line is highlighted where it is printed on the scanned page.
    printed, read = reference.certifications[0].span.box, candidate.certifications[0].span.box
    assert abs(read.top - printed.top) < 6 and abs(read.x0 - printed.x0) < 10
    exported = candidate_to_dict(candidate)
    assert exported["ocr"] is True and exported["ocr_pages"] == [1] and 0.8 < exported["ocr_confidence"] <= 1
    assert json.loads(json.dumps(exported))["ocr"] is True


@pytest.mark.parametrize("turn", [90.0, 180.0, 4.0, -3.0])
def test_a_turned_or_skewed_scan_reads_upright(
    engine: None, tmp_path: Path, text_version: tuple[Path, Candidate], turn: float
) -> None:
    path, reference = text_version
    scan = scanned(path, tmp_path / "scan.pdf", turn=turn)
    document = read_document(scan)
    same_findings(screened(document, scan), reference)
    # The page was turned (anticlockwise) by `turn`: it is read, and shown, turned back clockwise.
    assert document.ocr_turns == (((1, int(turn)),) if turn % 90 == 0 else ())


def test_a_name_in_spaced_out_capitals_reads_as_one_name(engine: None, tmp_path: Path) -> None:
    """The engine breaks words where letters stand far apart (wide letters, spaced-out display type): the
    recognised text's spaces say where words end."""
    lines = (("MARGARET HAMILTON", 24), *LINES[1:])
    scan = scanned(text_cv(tmp_path / "cv.pdf", lines=lines, letter_spacing=5.0), tmp_path / "scan.pdf")
    candidate = screened(read_document(scan), scan)
    assert candidate.contact.name == "Margaret Hamilton"


def test_a_name_set_large_over_two_lines_reads_whole(engine: None, tmp_path: Path) -> None:
    """Two lines of one display size read as one size, however their letters (descenders or none) set the
    height of what the engine finds."""
    lines = (("Margaret", 40), ("Hamilton", 40), *LINES[1:])
    scan = scanned(text_cv(tmp_path / "cv.pdf", lines=lines), tmp_path / "scan.pdf")
    candidate = screened(read_document(scan), scan)
    assert candidate.contact.name == "Margaret Hamilton"


def test_a_pdf_of_text_and_scanned_pages_gets_both(engine: None, tmp_path: Path) -> None:
    mixed = scanned(text_cv(tmp_path / "cv.pdf", pages=2), tmp_path / "mixed.pdf", keep_text=(1,))
    document = read_document(mixed)
    assert document.ocr_pages == (2,)
    for page in (1, 2):
        assert any("Margaret Hamilton" in line.text for line in document.lines if line.page == page)


def test_ocr_pages_have_their_own_time_budget_in_the_workers(engine: None, tmp_path: Path) -> None:
    """A file's processor time would not cover OCR; each scanned page adds its own."""
    (tmp_path / "cvs").mkdir()
    scan = scanned(text_cv(tmp_path / "cv.pdf", pages=2), tmp_path / "cvs" / "scan.pdf")
    limits = WorkerLimits(seconds=1.5, ocr_page_seconds=120.0)
    (candidate,) = screen_files([scan], SETTINGS, workers=1, limits=limits)
    assert candidate.status == "ok", candidate.error
    assert candidate.read_by_ocr and candidate.ocr_pages == (1, 2)


def test_without_the_extra_a_scan_is_read_again_by_the_next_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)
    scan = scanned(text_cv(tmp_path / "cv.pdf"), tmp_path / "scan.pdf")
    outcome = workers._screen(workers.Job(scan, ""), Screener(SETTINGS), read_cv, None)
    assert outcome.candidate is None and "install OCR" in outcome.reason
    assert outcome.retry  # once OCR is installed the same file reads: no final verdict is stored
