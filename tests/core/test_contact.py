"""Contact details: the candidate's name from the top of page 1, email and phone, and no guesses."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from screener.contact import extract_contact
from screener.models import Box, Contact, Line

MakeLines = Callable[..., tuple[Line, ...]]


def header(*texts: str, size: float = 10.0) -> list[tuple[str, str, float, bool]]:
    return [(text, "header", size, False) for text in texts]


def test_largest_name_like_line_at_the_top(make_lines: MakeLines) -> None:
    lines = make_lines(
        [
            *header("Silicon Valley, CA, USA"),
            ("Alfred Pennyworth", "header", 24.0, True),
            *header("(123) 456-7890", "alfred.pennyworth@email.com"),
            ("Product Manager", "header", 14.0, True),
        ]
    )
    assert extract_contact(lines) == Contact("Alfred Pennyworth", "alfred.pennyworth@email.com", "(123) 456-7890")


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("JOHN DOE", "John Doe"),
        ("JEAN-LUC O'NEIL", "Jean-Luc O'Neil"),
        ("María José García", "María José García"),
        ("Ludwig van Beethoven", "Ludwig van Beethoven"),
        ("John A. Smith", "John A. Smith"),
        ("DeShawn McDonald", "DeShawn McDonald"),
    ],
)
def test_name_casing(make_lines: MakeLines, written: str, expected: str) -> None:
    lines = make_lines([(written, "header", 20.0, True), *header("jd@example.com")])
    assert extract_contact(lines).name == expected


@pytest.mark.parametrize(
    "not_a_name",
    [
        "Curriculum Vitae",
        "Resume",
        "CV",
        "Senior Software Engineer",
        "Product Manager",
        "Professional Summary",
        "123 Main Street",
        "Gotham, USA",
        "jane@doe.com",
        "Jane Doe 2024",
    ],
)
def test_never_taken_for_a_name(make_lines: MakeLines, not_a_name: str) -> None:
    lines = make_lines([(not_a_name, "header", 28.0, True), ("Jane Doe", "header", 18.0, True)])
    assert extract_contact(lines).name == "Jane Doe"


def test_section_heading_is_not_a_name(make_lines: MakeLines) -> None:
    (heading, body) = make_lines([("Key Achievements", "other", 16.0, True), ("Led delivery.", "other", 10.0, False)])
    lines = (Line(heading.text, 1, heading.box, heading.size, True, "other", is_heading=True), body)
    assert extract_contact(lines).name is None


def test_name_label_is_the_fallback(make_lines: MakeLines) -> None:
    lines = make_lines(
        [
            ("Curriculum Vitae", "header", 20.0, True),
            ("Name: Priya Raman", "header", 10.0, False),
            ("Email: priya.raman@example.org", "header", 10.0, False),
        ]
    )
    assert extract_contact(lines).name == "Priya Raman"


def test_no_name_rather_than_a_guess_from_the_email(make_lines: MakeLines) -> None:
    lines = make_lines([*header("john.smith@email.com", "linkedin.com/in/johnsmith")])
    assert extract_contact(lines) == Contact(None, "john.smith@email.com", None)


def test_name_on_page_two_is_ignored() -> None:
    late = Line("Jane Doe", 2, Box(50, 40, 120, 60), 24.0, True, "other")
    assert extract_contact([late]).name is None


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("john.doe@email.com +1 (415) 555-0142 San Francisco, CA", "+1 (415) 555-0142"),
        ("Phone: (123) 456-7890", "(123) 456-7890"),
        ("hello@openresume.com 123-456-7890 NYC, NY", "123-456-7890"),
        ("Tel +44 20 7946 0958", "+44 20 7946 0958"),
        ("Mobile: 0171 555 1234", "0171 555 1234"),
        ("(909) 555--5555", "(909) 555--5555"),
    ],
)
def test_phone_forms(make_lines: MakeLines, text: str, phone: str) -> None:
    assert extract_contact(make_lines(header(text))).phone == phone


@pytest.mark.parametrize(
    "text",
    ["2015-2019", "2016.03 - 2018.11", "Jan 2015 - Dec 2019", "GPA 3.8 2019 2020", "ext. 555-014", "Order 1234567"],
)
def test_not_a_phone(make_lines: MakeLines, text: str) -> None:
    assert extract_contact(make_lines(header(text))).phone is None


def test_email_forms(make_lines: MakeLines) -> None:
    lines = make_lines(header("Jane Doe", "Email: jane.doe+cv@mail.example.co.uk. | github.com/jane"))
    assert extract_contact(lines).email == "jane.doe+cv@mail.example.co.uk"
