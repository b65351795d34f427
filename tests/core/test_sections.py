"""Section headings: the wordings CVs use in English and other European languages, and layout cues."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest

from screener.models import Box, Line, Section
from screener.sections import assign_sections, heading_section

MakeLines = Callable[..., tuple[Line, ...]]


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("Work History", "experience"),
        ("Career History", "experience"),
        ("PROFESSIONAL EXPERIENCE", "experience"),
        ("Experience and Accomplishments", "experience"),
        ("Accomplishments", "other"),
        ("Core Accomplishments", "other"),
        ("Highlights", "skills"),
        ("Skill Highlights", "skills"),
        ("Core Qualifications", "skills"),
        ("Summary of Qualifications", "summary"),
        ("Education and Training", "education"),
        ("Top Skills", "skills"),
        ("Hard Skills", "skills"),
        ("Additional Information", "other"),
        ("Professional Affiliations", "other"),
        ("Internships", "experience"),
    ],
)
def test_english_headings(heading: str, section: Section) -> None:
    assert heading_section(heading) == section


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("Berufserfahrung", "experience"),
        ("Berufliche Erfahrung", "experience"),
        ("Beruflicher Werdegang", "experience"),
        ("Ausbildung", "education"),
        ("Sprachkenntnisse", "languages"),
        ("Expérience professionnelle", "experience"),
        ("EXPÉRIENCES", "experience"),
        ("Formation", "education"),
        ("Compétences", "skills"),
        ("Centres d’intérêt", "other"),
        ("Experiencia laboral", "experience"),
        ("Formación académica", "education"),
        ("Educación", "education"),
        ("Esperienza lavorativa", "experience"),
        ("Istruzione e formazione", "education"),
        ("Experiência profissional", "experience"),
        ("Formação", "education"),
        ("Principais competências", "skills"),
        ("Werkervaring", "experience"),
        ("Opleiding", "education"),
        ("Vaardigheden", "skills"),
        ("Projets personnels", "projects"),
    ],
)
def test_headings_in_other_languages(heading: str, section: Section) -> None:
    assert heading_section(heading) == section


@pytest.mark.parametrize("text", ["Stage", "Project Management", "Software Engineer", "Company Name"])
def test_roles_and_skills_are_not_headings(text: str) -> None:
    assert heading_section(text) is None


def test_an_icon_glyph_before_a_heading_does_not_hide_it(make_lines: MakeLines) -> None:
    lines = assign_sections(
        make_lines(
            [
                ("\ue096 WERKERVARING", "header", 11.0, True),
                ("Adviseur | 10/2020 - 10/2025", "header", 10.0, False),
                ("\ue09e ONDERWIJS", "header", 11.0, True),
            ]
        )
    )
    assert [(line.section, line.is_heading) for line in lines] == [
        ("experience", True),
        ("experience", False),
        ("education", True),
    ]


def _placed(rows: Iterable[tuple[str, float]], size: float = 10.0) -> list[Line]:
    """Lines one below the other, each starting at its own left edge (x0)."""
    return [
        Line(text, 1, Box(x0, 40.0 + 14 * row, x0 + 6.0 * len(text), 50.0 + 14 * row), size, False)
        for row, (text, x0) in enumerate(rows)
    ]


def test_a_heading_word_wrapped_from_a_long_duty_is_not_a_heading() -> None:
    lines = assign_sections(
        _placed(
            [
                ("Experience", 33.0),
                ("Plant Manager 01/2012 to 08/2013 Company Name City , State", 33.0),
                ("Directed all operations including Safety, HACCP Team, Food Safety and Employee", 57.0),
                ("Training", 57.0),
                ("Director of Operations 11/2010 to 11/2011 Company Name City , State", 33.0),
                ("Education", 33.0),
            ]
        )
    )
    assert [line.section for line in lines] == ["experience"] * 5 + ["education"]
    assert [line.text for line in lines if line.is_heading] == ["Experience", "Education"]


def test_linkedin_sidebar_headings_and_main_column(make_lines: MakeLines) -> None:
    lines = assign_sections(
        make_lines(
            [
                ("Contact", "header", 13.0, False),
                ("Top Skills", "header", 13.0, False),
                ("Kubernetes", "header", 10.5, False),
                ("Languages", "header", 13.0, False),
                ("English (Native or Bilingual)", "header", 10.5, False),
                ("Certifications", "header", 13.0, False),
                ("AWS Certified Solutions Architect", "header", 10.5, False),
                ("Experience", "header", 15.8, False),
                ("Acme", "header", 12.0, False),
                ("Site Reliability Engineer", "header", 11.5, False),
                ("Education", "header", 15.8, False),
            ]
        )
    )
    sections = {line.text: line.section for line in lines}
    assert sections["Kubernetes"] == "skills"
    assert sections["English (Native or Bilingual)"] == "languages"
    assert sections["AWS Certified Solutions Architect"] == "certifications"
    assert sections["Site Reliability Engineer"] == "experience"
    assert sections["Education"] == "education"


def test_a_heading_wrapped_after_an_ampersand_names_one_section(make_lines: MakeLines) -> None:
    lines = assign_sections(
        make_lines(
            [
                ("EDUCATION &", "header", 10.5, True),
                ("QUALIFICATIONS", "header", 10.5, True),
                ("MBA, Riverside Institute of Technology", "header", 9.0, False),
            ]
        )
    )
    assert [(line.section, line.is_heading) for line in lines] == [
        ("education", True),
        ("education", True),
        ("education", False),
    ]
