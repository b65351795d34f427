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
        "Top Skills",
        "Skill Highlights",
        "Core Accomplishments",
        "Career Focus",
        "Construction Laborer",
        "RN Staff Nurse",
        "Director of Finance",
        "Yoga Instructor",
        "Company Name",
        "Microsoft Project",
        "Visual Studio.Net",
        "Persönliche Daten",
        "Nationality Italian",
        "Greater Boston Area",
        "Science, MBA, PMP",
    ],
)
def test_never_taken_for_a_name(make_lines: MakeLines, not_a_name: str) -> None:
    lines = make_lines([(not_a_name, "header", 20.0, True), ("Jane Doe", "header", 18.0, True)])
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


def at(text: str, x: float, top: float, size: float = 10.0, bold: bool = False) -> Line:
    """A page-1 line placed at (x, top): for layouts in columns."""
    return Line(text, 1, Box(x, top, x + 0.5 * size * len(text), top + size), size, bold, "header")


@pytest.mark.parametrize(
    "top_line", ["SOFTWARE ENGINEERING MANAGER", "Construction Laborer", "Strategic Planning", "Core Accomplishments"]
)
def test_anonymised_cv_in_one_plain_font_has_no_name(make_lines: MakeLines, top_line: str) -> None:
    """CVs with the name redacted set everything in one font: their job titles and headings are no names."""
    lines = make_lines(
        [
            (top_line, "header", 11.0, False),
            ("Summary", "summary", 11.0, False),
            ("Seasoned professional with ten years in the trade.", "summary", 11.0, False),
            ("Skill Highlights", "skills", 11.0, False),
            ("Sales Support", "skills", 11.0, False),
            ("Hard Dollar Estimating", "skills", 11.0, False),
            ("Company Name City , State", "experience", 11.0, False),
        ]
    )
    assert extract_contact(lines).name is None


def test_linkedin_export_name_heads_the_main_column() -> None:
    """The sidebar's 'Contact' and 'Top Skills' are headings; the name is the large text of the main column,
    its credentials wrapped onto a second line."""
    lines = [
        at("Priya K. Raman, MS Data", 224, 38, 26.0),
        at("Contact", 22, 40, 13.0),
        at("priya.raman@example.org", 21, 63, 10.5),
        at("Analytics, MBA, PMP", 224, 69, 26.0),
        at("Head of Delivery at Example Labs", 224, 105, 12.0),
        at("Top Skills", 22, 134, 13.0),
        at("Springfield, Oregon, United States", 224, 135, 12.0),
        at("Stakeholder Relations", 22, 156, 10.5),
    ]
    assert extract_contact(lines).name == "Priya K. Raman"


def test_degree_in_brackets_wrapped_off_the_name_is_dropped() -> None:
    lines = [
        at("Mira A. B. Castell (Elect.", 224, 38, 26.0),
        at("Eng.)", 224, 69, 26.0),
        at("Top Skills", 22, 134, 13.0),
        at("Leads power-grid automation programmes across three regions for a national utility.", 224, 200, 10.5),
    ]
    assert extract_contact(lines).name == "Mira A. B. Castell"


def test_no_name_rather_than_smaller_text_below_a_larger_line() -> None:
    """When the largest line at the top is no name (a slogan here), smaller places and headings are not taken."""
    lines = [
        at("Building reliable systems for people", 224, 38, 26.0),
        at("Top Skills", 22, 134, 13.0),
        at("Stakeholder Relations", 22, 156, 10.5),
        at("Springfield Oregon", 224, 135, 12.0),
    ]
    assert extract_contact(lines).name is None


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Jane Doe, MBA, PMP", "Jane Doe"),
        ("Jane Doe PMP", "Jane Doe"),
        ("Jane Doe | Delivery Lead", "Jane Doe"),
        ("Alan (AJ) Fenwick", "Alan (AJ) Fenwick"),
        ("Tomas K. Brandt", "Tomas K. Brandt"),
        ("Lina A. M. Haddad", "Lina A. M. Haddad"),
        ("Frédéric Lemaire", "Frédéric Lemaire"),
        ("JaneDoe", "Jane Doe"),
    ],
)
def test_name_without_credentials_or_headline(make_lines: MakeLines, written: str, expected: str) -> None:
    lines = make_lines([(written, "header", 24.0, True), ("Berlin | jane@example.com", "header", 10.0, False)])
    assert extract_contact(lines).name == expected


def test_display_name_in_lower_case_with_a_separator() -> None:
    lines = [at("jane|doe", 190, 35, 40.0), at("expert java", 237, 80, 14.0), at("Born in Lyon", 28, 150, 10.0)]
    assert extract_contact(lines).name == "Jane Doe"


def test_name_set_over_two_lines() -> None:
    """First name and surname stacked in one large font; the contact column beside them is not part of it."""
    lines = [
        at("IT MANAGER & SUPPORT SPECIALIST", 165, 57, 16.0, bold=True),
        at("JAN VAN", 54, 103, 48.0, bold=True),
        at("12 Example Road, Springfield", 393, 106),
        at("jan@example.com", 438, 142),
        at("DER MEULEN", 54, 150, 48.0, bold=True),
        at("About me", 54, 221, 18.0, bold=True),
    ]
    assert extract_contact(lines).name == "Jan Van Der Meulen"


def test_name_in_a_sidebar_beside_the_first_section() -> None:
    lines = [
        *(at(f"Line {index} of the experience column", 239, 36 + 18 * index, 12.0) for index in range(12)),
        at("Ravi", 66, 152, 20.2),
        at("Menon", 68, 177, 20.2),
        at("CONTACT", 14, 232, 18.0),
        *(at(f"More text {index}", 239, 400 + 18 * index, 12.0) for index in range(20)),
    ]
    assert extract_contact(lines).name == "Ravi Menon"


def test_europass_label_column_is_not_part_of_the_name() -> None:
    lines = [
        at("Curriculum vitae", 187, 58),
        at("PERSONAL INFORMATION Giulia Ferraro", 64, 97, 9.0),
        at("Via Roma, 17 - 00100 Roma (RM) - Italy", 202, 120),
        at("giulia.ferraro@example.it", 202, 160),
        at("Nationality Italian", 187, 240),
        at("POSITION Tutor Big Data", 134, 271, 12.0),
    ]
    assert extract_contact(lines).name == "Giulia Ferraro"


def test_surname_first_form_beside_its_label() -> None:
    lines = [
        at("Persönliche Daten", 57, 146, 14.0),
        at("Name, Vorname:", 57, 178),
        at("Mustermann, Erika", 234, 178),
        at("Geburtsort:", 57, 201),
        at("Musterstadt", 234, 201),
    ]
    assert extract_contact(lines).name == "Erika Mustermann"


def test_name_label_inside_running_text(make_lines: MakeLines) -> None:
    lines = make_lines(
        [
            ("NOC ENGINEER", "header", 11.0, False),
            ("Company Name City , State", "experience", 11.0, False),
            ("Father's Name : Mr. Arun Kumar Mehta Mother's Name : Mrs. Leela Devi", "other", 11.0, False),
            ("Personal profile Name Vikram Mehta Address 12 Example Nagar, Delhi", "other", 11.0, False),
        ]
    )
    assert extract_contact(lines).name == "Vikram Mehta"


def test_third_person_profile_names_the_candidate(make_lines: MakeLines) -> None:
    lines = make_lines(
        [
            ("CONSULTANT", "header", 11.0, False),
            ("Anil Varma is a senior infrastructure specialist looking for a new role.", "summary", 11.0, False),
            ("He has a master's degree in computer applications.", "summary", 11.0, False),
        ]
    )
    assert extract_contact(lines).name == "Anil Varma"


def test_employer_described_in_the_third_person_is_no_name(make_lines: MakeLines) -> None:
    lines = make_lines(
        [
            ("SOLUTIONS ARCHITECT", "header", 11.0, False),
            ("Northwind Blue Shield is a not-for-profit insurer in the state of Oregon.", "experience", 11.0, False),
            ("Its architecture team designs the systems used across the company.", "experience", 11.0, False),
        ]
    )
    assert extract_contact(lines).name is None


def test_plain_cv_name_in_body_font_over_its_contact_line(make_lines: MakeLines) -> None:
    """A plain CV sets its name like the rest; the address, phone and email right under it tell it apart."""
    lines = make_lines(
        [
            ("OLIVIA HARTE", "header", 10.0, False),
            ("12 Example Road, Springfield — (555) 010-0199 — olivia.harte@example.com", "header", 10.0, False),
            ("Summary", "summary", 10.0, False),
            ("Delivery lead for payment platforms, eight years in banking.", "summary", 10.0, False),
        ]
    )
    assert extract_contact(lines).name == "Olivia Harte"
