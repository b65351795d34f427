"""Blind review in the engine: the personal-details pass, masking, and numbers kept by the session."""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import pytest
from fpdf import FPDF
from PIL import Image

from screener.blind import (
    MASK,
    blind_label,
    cover_boxes,
    first_page_images,
    masked_document,
    personal_spans,
    scrub,
)
from screener.cli import main
from screener.explain import read_in_a_worker
from screener.models import Box, Candidate, Contact, Document, Line
from screener.screening import Screener
from screener.settings import Settings
from screener.store import Session
from tests.personal_cv import PERSONAL, PHOTO_BOX, pdf_text, personal_cv

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def same_scores(one: Candidate, other: Candidate) -> bool:
    """The same scores, role fit and evidence (what each item counts and where it was read); an item's words
    quote its line, which masking changes."""
    assert one.scores is not None and other.scores is not None

    def counted(candidate: Candidate) -> Counter[tuple[object, ...]]:
        assert candidate.scores is not None
        return Counter((e.axis, e.component, e.points, e.span.page, e.span.box) for e in candidate.scores.evidence)

    return (one.scores.management, one.scores.technical, one.scores.role_fit) == (
        other.scores.management,
        other.scores.technical,
        other.scores.role_fit,
    ) and counted(one) == counted(other)


@pytest.fixture(scope="module")
def grace(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Document, Candidate]:
    path = personal_cv(tmp_path_factory.mktemp("cv") / "grace_okafor.pdf")
    document, candidate = read_in_a_worker(path, Settings())
    return path, document, candidate


def test_every_personal_detail_is_found_with_its_kind(grace: tuple[Path, Document, Candidate]) -> None:
    _path, document, candidate = grace
    found = {(span.kind, span.text) for span in personal_spans(document, candidate.contact)}
    for kind, text in PERSONAL.items():
        assert (kind, text) in found, kind
    # The name where the summary repeats it, and the pronoun that says the candidate's sex.
    assert ("name", "Grace") in found and ("gender", "She") in found


def test_nothing_scored_is_taken_for_a_personal_detail(grace: tuple[Path, Document, Candidate]) -> None:
    _path, document, candidate = grace
    spans = personal_spans(document, candidate.contact)
    covered = " ".join(span.text for span in spans)
    for word in ("PMP", "AWS", "Project Manager", "Scrum", "Kubernetes", "2018", "MSc", "Lagos"):
        assert word not in covered


def test_masking_every_personal_detail_changes_no_score(grace: tuple[Path, Document, Candidate]) -> None:
    """Scores and ranks never depend on a hidden field: the masked CV scores exactly as the CV."""
    _path, document, candidate = grace
    masked = masked_document(document, personal_spans(document, candidate.contact))
    assert MASK in masked.lines[0].text and "Okafor" not in masked.lines[0].text
    again = Screener(Settings()).screen_document(masked, candidate.file, candidate.sha256)
    assert same_scores(again, candidate)
    assert again.certifications == candidate.certifications and again.degrees == candidate.degrees


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("*.pdf")))
def test_masking_changes_no_score_of_any_sample(sample: str) -> None:
    document, candidate = read_in_a_worker(SAMPLES / sample, Settings())
    spans = personal_spans(document, candidate.contact)
    assert any(span.kind == "name" for span in spans), "every sample states a name"
    again = Screener(Settings()).screen_document(masked_document(document, spans), candidate.file, candidate.sha256)
    assert same_scores(again, candidate)


def test_the_photo_and_the_name_are_covered_on_page_one(grace: tuple[Path, Document, Candidate]) -> None:
    path, document, candidate = grace
    images = first_page_images(path)
    x0, top, x1, bottom = PHOTO_BOX
    assert [(round(b.x0), round(b.top), round(b.x1), round(b.bottom)) for b in images] == [(x0, top, x1, bottom)]
    boxes = cover_boxes(personal_spans(document, candidate.contact), 1, images)
    name_line = document.lines[0].box
    assert any(b.x0 <= name_line.x0 and b.x1 >= name_line.x1 and b.top <= name_line.top for b in boxes)
    assert any(b.x0 <= x0 and b.x1 >= x1 and b.top <= top and b.bottom >= bottom for b in boxes)
    assert cover_boxes(personal_spans(document, candidate.contact), 2, images) == []  # images: page 1 only


def line(text: str, section: str = "header", top: float = 100.0, x0: float = 50.0) -> Line:
    return Line(text, 1, Box(x0, top, x0 + 5.0 * len(text), top + 10.0), 10.0, False, section)  # type: ignore[arg-type]


def test_a_form_s_value_beside_its_label_is_covered() -> None:
    document = Document(pages=1, lines=(line("Date of birth", "other"), line("14.03.1984", "other", x0=200.0)))
    assert [(s.kind, s.text) for s in personal_spans(document)] == [
        ("birth", "Date of birth"),
        ("birth", "14.03.1984"),
    ]


def test_skills_and_dates_are_not_taken_for_personal_details() -> None:
    texts = [
        "Web | Mobile | Cloud | Single sign-on",
        "ASP.NET/C#, Node.js, 2018 Scrum Master",
        "Jan 2015 - Dec 2019 | 2019 - 2021",
        "Led the single source of truth programme for 4 teams",
    ]
    document = Document(pages=1, lines=tuple(line(text, "skills", 100.0 + 20 * i) for i, text in enumerate(texts)))
    assert personal_spans(document, Contact(name="Jane Doe")) == []


def test_without_a_name_from_the_contact_extraction_the_large_top_line_is_covered() -> None:
    big = Line("Jane Doe", 1, Box(50, 40, 200, 64), 24.0, True, "header")
    body = [line(f"Did a thing number {i}", "experience", 100.0 + 14 * i) for i in range(10)]
    spans = personal_spans(Document(pages=1, lines=(big, *body)))
    assert [(s.kind, s.text) for s in spans] == [("name", "Jane Doe")]


def test_a_stretch_of_a_line_is_boxed_in_proportion() -> None:
    summary = line("Jane is a technical project manager. She has led migrations.", "summary")
    (pronoun,) = [s for s in personal_spans(Document(1, (summary,))) if s.kind == "gender"]
    assert summary.box.x0 + 0.4 * (summary.box.x1 - summary.box.x0) < pronoun.box.x0
    assert pronoun.box.x1 < summary.box.x0 + 0.8 * (summary.box.x1 - summary.box.x0)


def test_the_app_s_own_texts_are_scrubbed_of_who_the_candidate_is() -> None:
    candidate = Candidate(
        file="/cvs/grace_okafor_cv.pdf",
        sha256="x",
        contact=Contact("Grace Okafor", "grace@example.org", "+44 7700 900456"),
    )
    text = scrub("Cannot read /cvs/grace_okafor_cv.pdf: Grace Okafor, grace@example.org, www.grace.dev", candidate)
    assert "grace" not in text.lower() and "Okafor" not in text and "[hidden]" in text
    other = scrub("possible duplicate of /cvs/old/Jane Doe CV.pdf (same email); see jane_doe.docx", candidate)
    assert other == "possible duplicate of [hidden] (same email); see [hidden]"
    assert blind_label(17) == "Candidate 17"


def test_the_session_numbers_each_cv_once_and_remembers_blind_review(tmp_path: Path) -> None:
    with Session.open(tmp_path / "s.sqlite") as session:
        assert session.setting("blind") is None
        assert session.blind_numbers(["b", "a"]) == {"b": 1, "a": 2}
        assert session.blind_numbers(["a", "c"]) == {"b": 1, "a": 2, "c": 3}
        session.set_setting("blind", "on")
    with Session.open(tmp_path / "s.sqlite") as reopened:
        assert reopened.setting("blind") == "on"
        assert reopened.blind_numbers() == {"b": 1, "a": 2, "c": 3}


def test_a_cv_removed_from_the_session_loses_its_number_which_is_never_given_again(tmp_path: Path) -> None:
    with Session.open(tmp_path / "s.sqlite") as session:
        for name in ("ada", "alan"):
            session.record(Candidate(file=f"/cvs/{name}.pdf", sha256=f"sha-{name}", pages=1), Document(1, ()))
        session.blind_numbers(["sha-ada", "sha-alan"])
        session.remove_candidate("/cvs/alan.pdf")
        assert session.blind_numbers() == {"sha-ada": 1}
        assert session.blind_numbers(["sha-grace"]) == {"sha-ada": 1, "sha-grace": 3}


def test_masked_lines_keep_their_boxes_and_sections(grace: tuple[Path, Document, Candidate]) -> None:
    _path, document, candidate = grace
    masked = masked_document(document, personal_spans(document, candidate.contact))
    assert [dataclasses.replace(m, text=o.text) for m, o in zip(masked.lines, document.lines, strict=True)] == list(
        document.lines
    )


def test_the_report_command_writes_a_blind_report_with_the_pages_covered(
    grace: tuple[Path, Document, Candidate], tmp_path: Path
) -> None:
    path, _document, candidate = grace
    with Session.open(tmp_path / "s.sqlite") as session:
        session.blind_numbers(["another CV", candidate.sha256])
    out = tmp_path / "report.pdf"
    assert main(["report", str(path), "--out", str(out), "--blind", "--session", str(tmp_path / "s.sqlite")]) == 0
    _pages, text = pdf_text(out)
    assert "Candidate 2" in text and "covered in black for blind review" in text
    assert [value for value in (*PERSONAL.values(), "Okafor", path.name) if value in text] == []
    assert "Holds PMP (Project Management Professional)" in text


def test_a_name_styled_on_the_page_is_found_as_the_contact_extraction_read_it() -> None:
    for written in ("jane|doe", "JaneDoe", "JANE DOE"):
        big = Line(written, 1, Box(50, 40, 200, 64), 24.0, False, "skills")
        spans = personal_spans(Document(1, (big, line("Led delivery", "experience"))), Contact(name="Jane Doe"))
        assert [(s.kind, s.text) for s in spans] == [("name", written)]


def test_a_year_before_a_capitalised_word_is_no_post_code() -> None:
    document = Document(1, (line("Sustainable Monitoring Capacity 2014 Building", "other"),))
    assert personal_spans(document) == []


def test_a_page_sized_image_is_a_scan_not_a_photo_to_cover(tmp_path: Path) -> None:
    picture = tmp_path / "grey.png"
    Image.new("L", (40, 40), 200).save(picture)
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.image(str(picture), x=0, y=0, w=595, h=842)  # the scanned page
    pdf.image(str(picture), x=450, y=40, w=90, h=110)  # a photo on it
    pdf.output(str(tmp_path / "scan.pdf"))
    boxes = first_page_images(tmp_path / "scan.pdf")
    assert [(round(b.x0), round(b.top), round(b.x1), round(b.bottom)) for b in boxes] == [(450, 40, 540, 150)]
