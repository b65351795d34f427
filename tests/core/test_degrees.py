"""Degrees: each written form, the field studied, the technical/management flags and the status."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from screener.degrees import extract_degrees
from screener.models import Degree, Line, Section, Span

TECHNICAL_FIELDS = [
    "computer science", "software engineering", "computer engineering", "electrical engineering",
    "electronic engineering", "mechanical engineering", "civil engineering", "engineering",
    "information technology", "information systems", "MIS", "data science", "informatics",
]  # fmt: skip
MANAGEMENT_FIELDS = ["business administration", "project management", "management"]

MakeLines = Callable[..., tuple[Line, ...]]


def degrees_in(make_lines: MakeLines, *texts: str, section: Section = "education") -> tuple[Degree, ...]:
    lines = make_lines((text, section, 10.0, False) for text in texts)
    return extract_degrees(lines, TECHNICAL_FIELDS, MANAGEMENT_FIELDS)


def only_degree(make_lines: MakeLines, *texts: str, section: Section = "education") -> Degree:
    (degree,) = degrees_in(make_lines, *texts, section=section)
    return degree


@pytest.mark.parametrize(
    ("text", "level", "field"),
    [
        ("Associate of Applied Science in Network Administration", "associate", "Network Administration"),
        ("A.A.S. in Computer Information Systems", "associate", "Computer Information Systems"),
        ("Associate degree in Information Technology", "associate", "Information Technology"),
        ("Bachelor of Science in Computer Science", "bachelor", "Computer Science"),
        ("Bachelor of Science, Computer Science", "bachelor", "Computer Science"),
        ("Bachelor in Business Administration", "bachelor", "Business Administration"),
        ("Bachelor's degree in Information Technology", "bachelor", "Information Technology"),
        ("B.Sc. Computer Science", "bachelor", "Computer Science"),
        ("BSc Computer Science", "bachelor", "Computer Science"),
        ("BSc (Hons) Software Engineering", "bachelor", "Software Engineering"),
        ("B.S. Electrical Engineering", "bachelor", "Electrical Engineering"),
        ("BS in Information Systems", "bachelor", "Information Systems"),
        ("BS, Computer Science", "bachelor", "Computer Science"),
        ("B.A. Economics", "bachelor", "Economics"),
        ("BA History", "bachelor", "History"),
        ("B.Eng. Civil Engineering", "bachelor", "Civil Engineering"),
        ("BEng Mechanical Engineering", "bachelor", "Mechanical Engineering"),
        ("Bachelor of Engineering in Computer Science, ABC University, 2015", "bachelor", "Computer Science"),
        ("M.Sc. Data Science", "master", "Data Science"),
        ("MSc in Informatics", "master", "Informatics"),
        ("M.S. Computer Engineering", "master", "Computer Engineering"),
        ("MS in Computer Science", "master", "Computer Science"),
        ("MS Electrical Engineering", "master", "Electrical Engineering"),
        ("M.Eng. Software Engineering", "master", "Software Engineering"),
        ("MEng Electronic Engineering", "master", "Electronic Engineering"),
        ("Master of Science in Computer Science, Specialization in AI, MIT", "master", "Computer Science"),
        ("Master's in Project Management", "master", "Project Management"),
        ("M.A. in Economics", "master", "Economics"),
        ("Dipl.-Ing. Maschinenbau, TU München", "master", "Maschinenbau"),
        ("MBA, Harvard Business School", "mba", "Business Administration"),
        ("Master of Business Administration, Stanford University", "mba", "Business Administration"),
        ("Ph.D. in Physics", "phd", "Physics"),
        ("PhD in Computer Science, CalTech, Pasadena, USA", "phd", "Computer Science"),
        ("Doctor of Philosophy in Electrical Engineering", "phd", "Electrical Engineering"),
        ("Doctorate in Information Systems", "phd", "Information Systems"),
        ("Diploma in Project Management", "other", "Project Management"),
        (
            "1994 – 1997 Bachelor of Science in Computer Science, University of California",
            "bachelor",
            "Computer Science",
        ),
        ("Bachelor of Science in Computer Science - 3.8 GPA Sep 2019 - May 2023", "bachelor", "Computer Science"),
        ("Computer Science, BSc", "bachelor", "Computer Science"),
    ],
)
def test_written_forms(make_lines: MakeLines, text: str, level: str, field: str) -> None:
    degree = only_degree(make_lines, text)
    assert (degree.level, degree.field) == (level, field)


@pytest.mark.parametrize(
    ("text", "technical", "management"),
    [
        ("BSc Computer Science", True, False),
        ("Bachelor of Engineering", True, False),
        ("MSc Management Information Systems", True, True),
        ("MIS, Bachelor of Science", True, False),
        ("Dipl.-Ing. Maschinenbau", True, False),
        ("BA History", False, False),
        ("MBA", False, True),
        ("Bachelor of Arts, Business Administration", False, True),
        ("Master of Science in Project Management", False, True),
    ],
)
def test_technical_and_management_flags(make_lines: MakeLines, text: str, technical: bool, management: bool) -> None:
    degree = only_degree(make_lines, text)
    assert (degree.technical, degree.management) == (technical, management)


@pytest.mark.parametrize(
    "texts",
    [
        ["BSc Computer Science (in progress)"],
        ["MSc Data Science, expected 2027"],
        ["PhD candidate in Computer Science"],
        ["MBA (ongoing)"],
        ["Master of Science in Informatics (current)"],
        ["Pursuing a Bachelor of Science in Information Technology"],
        ["BSc Computer Science, 2023 – Present"],
        ["BSc Computer Science", "University of Leeds, expected June 2027"],
    ],
)
def test_in_progress(make_lines: MakeLines, texts: list[str]) -> None:
    assert only_degree(make_lines, *texts).status == "in_progress"


def test_completed_and_the_next_degree_keeps_its_own_status(make_lines: MakeLines) -> None:
    degrees = degrees_in(make_lines, "MSc Data Science (in progress)", "BSc Computer Science, 2015 – 2018")
    assert [(d.level, d.status) for d in degrees] == [("master", "in_progress"), ("bachelor", "completed")]


def test_ambiguous_letters_are_not_degrees(make_lines: MakeLines) -> None:
    assert degrees_in(make_lines, "MS Office, MS Excel", section="skills") == ()
    assert degrees_in(make_lines, "Cambridge, MA, USA", "Boston, MA 02115") == ()
    assert degrees_in(make_lines, "Certified Scrum Master in 2019", section="certifications") == ()


def test_outside_education_only_a_clear_statement_counts(make_lines: MakeLines) -> None:
    assert only_degree(make_lines, "Master of Science in Data Science, MIT", section="summary").field == "Data Science"
    assert degrees_in(make_lines, "BSc Computer Science", section="summary") == ()


def test_outside_education_the_next_line_does_not_set_the_status(make_lines: MakeLines) -> None:
    lines = make_lines(
        [
            ("Master of Science in Computer Science from MIT.", "summary", 10.0, False),
            ("Currently leading a platform team.", "summary", 10.0, False),
        ]
    )
    (degree,) = extract_degrees(lines, TECHNICAL_FIELDS, MANAGEMENT_FIELDS)
    assert degree.status == "completed"


def test_experience_lines_about_other_people_are_not_degrees(make_lines: MakeLines) -> None:
    assert degrees_in(make_lines, "Hired engineers with a BSc in Computer Science", section="experience") == ()
    assert degrees_in(make_lines, "• Mentored students pursuing an MSc in Data Science", section="experience") == ()


def test_one_degree_per_distinct_mention(make_lines: MakeLines) -> None:
    degrees = degrees_in(
        make_lines,
        "Bachelor of Science in Computer Science",
        "BSc Computer Science",
        "MSc Computer Science",
    )
    assert [(d.level, d.field) for d in degrees] == [("bachelor", "Computer Science"), ("master", "Computer Science")]


def test_education_section_comes_first_and_span_is_the_line(make_lines: MakeLines) -> None:
    lines = make_lines(
        [
            ("Holds a Master of Science in Computer Science", "summary", 10.0, False),
            ("MSc Computer Science, MIT, 2012", "education", 10.0, False),
        ]
    )
    (degree,) = extract_degrees(lines, TECHNICAL_FIELDS, MANAGEMENT_FIELDS)
    assert degree.span == Span(lines[1].text, 1, lines[1].box, "education")
    assert degree.matched_text == "MSc Computer Science"
