"""Degrees: each written form, the field studied, the technical/management flags and the status."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from screener.catalogue import load_catalogue
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


SHIPPED_FIELDS = load_catalogue().degree_fields


def shipped_degrees(
    make_lines: MakeLines, *texts: str, section: Section = "education", as_of: date | None = None
) -> tuple[Degree, ...]:
    """Degrees read with the shipped catalogue's field lists, as the screener reads them."""
    lines = make_lines((text, section, 10.0, False) for text in texts)
    return extract_degrees(lines, SHIPPED_FIELDS["technical"], SHIPPED_FIELDS["management"], as_of)


def levels_fields_technical(degrees: tuple[Degree, ...]) -> list[tuple[str, str, bool]]:
    return [(d.level, d.field, d.technical) for d in degrees]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("B.S : Finance The University of Northbridge", ("bachelor", "Finance", False)),
        ("B .S : Computer Science B .S (Computer Science )", ("bachelor", "Computer Science", True)),
        (
            "M.S : Computer Science Riverside Institute of Technology City , State Computer Science",
            ("master", "Computer Science", True),
        ),
        (
            "Bachelor of Science : Industrial Technology 1992 Eastlake State University",
            ("bachelor", "Industrial Technology", True),
        ),
        (
            "Bachelor of Science : Professional Studies Kingsford-Hale Aeronautical University City , State "
            "Professional Studies",
            ("bachelor", "Professional Studies", False),
        ),
        ("Bachelor of Arts : History & Politics MARLOW COLLEGE", ("bachelor", "History & Politics", False)),
        ("BSN : Nursing , 2007 Eastlake State University", ("bachelor", "Nursing", False)),
        ("AA : General Studies , 1987 Brennock College", ("associate", "General Studies", False)),
        ("B.A : 1995 University of Castleford", ("bachelor", "", False)),
        ("M.B.A : 2002 Kingsford School of Management", ("mba", "Business Administration", False)),
    ],
)
def test_a_colon_between_degree_and_field(make_lines: MakeLines, text: str, expected: tuple[str, str, bool]) -> None:
    assert levels_fields_technical(shipped_degrees(make_lines, text)) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Bachelor of Technology (B.Tech.), Computer Science and Engineering · (2006 - 2010)",
            ("bachelor", "Computer Science and Engineering", True),
        ),
        (
            "Bachelor of Science (BS), Engineering Technology · (2009 - 2014)",
            ("bachelor", "Engineering Technology", True),
        ),
        ("Master's degree, Data Science · (2018 - 2021)", ("master", "Data Science", True)),
        ("Bachelor of Engineering - BE, Computer Science · (2013 - 2017)", ("bachelor", "Computer Science", True)),
        ("Master of Science - MS, Management Information Systems", ("master", "Management Information Systems", True)),
        ("Executive MBA, Digital Business · (2021 - 2023)", ("mba", "Business Administration", False)),
    ],
)
def test_linkedin_entries_name_the_field_after_the_degree(
    make_lines: MakeLines, text: str, expected: tuple[str, str, bool]
) -> None:
    assert levels_fields_technical(shipped_degrees(make_lines, "Kingsford University", text)) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MCA, Kingsford University", ("master", "Computer Applications", True)),
        ("BCA, Eastlake State University, 2012", ("bachelor", "Computer Applications", True)),
        ("Masters of Computer Applications India", ("master", "Computer Applications India", True)),
        ("B.Sc. (Computers), University of Castleford", ("bachelor", "Computers", True)),
        ("B.E. in Electrical and Computer Engineering", ("bachelor", "Electrical and Computer Engineering", True)),
        (
            "B.E : Electronics and Communication Engineering",
            ("bachelor", "Electronics and Communication Engineering", True),
        ),
        ("BSc (Hons) Accounting and Finance", ("bachelor", "Accounting and Finance", False)),
    ],
)
def test_indian_and_commonwealth_degrees(make_lines: MakeLines, text: str, expected: tuple[str, str, bool]) -> None:
    assert levels_fields_technical(shipped_degrees(make_lines, text)) == [expected]


@pytest.mark.parametrize(
    ("text", "level", "technical"),
    [
        ("Diplom-Ingenieur Maschinenbau, TU Hallstadt", "master", True),
        ("Dipl.-Inf. (Univ.), Universität Hallstadt", "master", True),
        ("Diplôme d’ingénieur, spécialité informatique", "master", True),
        ("Master systèmes embarqués", "master", True),
        ("Bachelor systèmes embarqués & robotique", "bachelor", True),
        ("Licence Informatique, Université de Castleford", "bachelor", True),
        ("Licence Économie et gestion", "bachelor", False),
        ("Laurea magistrale in Ingegneria Informatica", "master", True),
        ("Laurea triennale in Economia", "bachelor", False),
        ("Máster en Dirección de Proyectos", "master", False),
        ("B.Sc. Wirtschaftsinformatik", "bachelor", True),
        ("B. Eng. Elektrotechnik und Informationstechnik", "bachelor", True),
        ("Master of Science in Lucht- en Ruimtevaarttechniek", "master", True),
        ("DUT Informatique Génie logiciel | IUT de Castleford", "associate", True),
    ],
)
def test_european_degrees(make_lines: MakeLines, text: str, level: str, technical: bool) -> None:
    (degree,) = shipped_degrees(make_lines, text)
    assert (degree.level, degree.technical) == (level, technical)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Associate : Electrical Engineer 1992 Brennock College", ("associate", "Electrical Engineer", True)),
        (
            "Associates , Science Pre-Engineering Brennock Community College City , State Science Pre-Engineering",
            ("associate", "Science Pre-Engineering", True),
        ),
        ("Bachelor's : engineering , 1993", ("bachelor", "engineering", True)),
        (
            "Master's : Business Management Kingsford Tech University Business Management",
            ("master", "Business Management", False),
        ),
        (
            "ASSOCIATE DEGREE : Software Development Brennock College City , State Software Development",
            ("associate", "Software Development", True),
        ),
    ],
)
def test_a_degree_word_alone_opening_an_entry(
    make_lines: MakeLines, text: str, expected: tuple[str, str, bool]
) -> None:
    assert levels_fields_technical(shipped_degrees(make_lines, text)) == [expected]


@pytest.mark.parametrize(
    "texts",
    [
        ["Master Class in Portrait Photography, 2019"],
        ["Master Certified Novell Engineer"],
        ["Associate General Contractors of America, member"],
        ["AWS Certified Solutions Architect - Associate Level, 2016"],
        ["High School Diploma, 2004"],
        ["Project Management Professional course, 2019"],
    ],
)
def test_words_that_name_no_degree_in_education(make_lines: MakeLines, texts: list[str]) -> None:
    assert shipped_degrees(make_lines, *texts) == ()


def test_role_names_and_plans_outside_education_are_not_degrees(make_lines: MakeLines) -> None:
    assert shipped_degrees(make_lines, "Scrum Master for three teams", section="experience") == ()
    assert shipped_degrees(make_lines, "Master Training Plan for the fleet", section="experience") == ()
    assert shipped_degrees(make_lines, "Master Team Chief", section="experience") == ()


def test_a_date_block_heads_the_degree_below_it(make_lines: MakeLines) -> None:
    degrees = shipped_degrees(
        make_lines,
        "Dec 2015",
        "MBA Eastlake State University City , State",
        "current",
        "Master of Science : Engineering Management Kingsford University City , State Engineering Management",
        "2016",
        "Bachelor of Technology : Chemical Engineering, Marlow Polytechnic",
    )
    assert [(d.level, d.field, d.status) for d in degrees] == [
        ("mba", "Business Administration", "completed"),
        ("master", "Engineering Management", "in_progress"),
        ("bachelor", "Chemical Engineering", "completed"),
    ]


def test_a_date_after_the_cv_was_written_is_an_expected_degree(make_lines: MakeLines) -> None:
    text = "Bachelor of Science : Management , Dec 2015 Eastlake State University"
    assert [d.status for d in shipped_degrees(make_lines, text, as_of=date(2014, 10, 31))] == ["in_progress"]
    assert [d.status for d in shipped_degrees(make_lines, text, as_of=date(2016, 6, 30))] == ["completed"]
    # A bare year in the CV's own year: degrees end mid-year, so it reads as done.
    assert [d.status for d in shipped_degrees(make_lines, "MSc Data Science, 2016", as_of=date(2016, 9, 30))] == [
        "completed"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "M. Eng. Elektrische Systeme HTWG Hallstadt | Ab März 2026",
        "Master Informatique, en cours",
        "Bachelor Wirtschaftsinformatik (laufend)",
        "Master of Professional Studies : Data Analytics , Present Eastlake State University",
        "BACHELOR DEGREE : Computer Engineering Technology, enrolled and will graduate in 2027",
    ],
)
def test_in_progress_in_other_words_and_languages(make_lines: MakeLines, text: str) -> None:
    assert [d.status for d in shipped_degrees(make_lines, text, as_of=date(2026, 2, 28))] == ["in_progress"]


def test_status_words_far_from_the_degree_do_not_set_its_status(make_lines: MakeLines) -> None:
    text = "MCA, Kingsford University " + "Oracle Database Administration Workshop; " * 6 + "PMP (pursuing)"
    assert [d.status for d in shipped_degrees(make_lines, text)] == ["completed"]


def test_the_same_degree_written_twice_keeps_its_field_and_its_status(make_lines: MakeLines) -> None:
    lines = make_lines(
        [
            ("Bachelor's degree", "education", 10.0, False),
            ("Kingsford University", "education", 10.0, False),
            ("Next year I am going to receive a Bachelor's Degree in Computer Science.", "skills", 10.0, False),
        ]
    )
    (degree,) = extract_degrees(lines, SHIPPED_FIELDS["technical"], SHIPPED_FIELDS["management"])
    assert (degree.level, degree.field, degree.status) == ("bachelor", "Computer Science", "in_progress")


def test_in_a_paragraph_only_the_degrees_sentence_gives_its_status(make_lines: MakeLines) -> None:
    text = "Ten years in IT with a Masters degree in computer applications. Currently pursuing cloud certifications."
    (degree,) = shipped_degrees(make_lines, text, section="summary")
    assert (degree.level, degree.technical, degree.status) == ("master", True, "completed")


def test_a_degree_stated_with_its_institution_in_a_summary(make_lines: MakeLines) -> None:
    text = "A financial background through my Master's at Kingsford University."
    assert [d.level for d in shipped_degrees(make_lines, text, section="summary")] == ["master"]


def test_a_field_written_in_the_entrys_next_block(make_lines: MakeLines) -> None:
    degrees = shipped_degrees(
        make_lines,
        "Bachelor of Science May 2014 Kingsford University City , State GPA: 3.4",
        "Management Information Systems GPA: 3.4",
    )
    assert levels_fields_technical(degrees) == [("bachelor", "Management Information Systems", True)]


def test_an_institution_of_technology_does_not_make_the_degree_technical(make_lines: MakeLines) -> None:
    degrees = shipped_degrees(make_lines, "Bachelor of Science, 2010, Riverside Institute of Technology")
    assert levels_fields_technical(degrees) == [("bachelor", "Science", False)]


def test_one_field_for_two_degrees_joined_by_and(make_lines: MakeLines) -> None:
    degrees = shipped_degrees(make_lines, "BA & MA in International Relations, University of Castleford, 2007 – 2014")
    assert [(d.level, d.field) for d in degrees] == [
        ("bachelor", "International Relations"),
        ("master", "International Relations"),
    ]


@pytest.mark.parametrize(
    ("field", "technical"),
    [
        ("Industrial Technology", True),
        ("Computer Technology", True),
        ("Airframe & Power Plant Technology", True),
        ("Network and Communication Management", True),
        ("Computer Information Systems", True),
        ("Petroleum Engineering", True),
        ("Bio Technology", False),
        ("Physics", False),
        ("Mathematics", False),
        ("Nursing", False),
        ("Economics & Finance", False),
    ],
)
def test_which_fields_the_catalogue_counts_as_technical(make_lines: MakeLines, field: str, technical: bool) -> None:
    (degree,) = shipped_degrees(make_lines, f"Bachelor of Science : {field} , 2001 Eastlake State University")
    assert (degree.field, degree.technical) == (field, technical)


def test_a_long_entry_cut_near_its_degree_does_not_leave_a_range_open(make_lines: MakeLines) -> None:
    for padding in range(100, 160):
        text = f"BSc Economics, Kingsford University {'x' * padding} 2010 - 2014"
        assert [d.status for d in shipped_degrees(make_lines, text)] == ["completed"], padding


def test_a_bare_master_followed_by_a_trade_is_not_a_degree(make_lines: MakeLines) -> None:
    assert shipped_degrees(make_lines, "Master Electrician, State Licence 2015") == ()
    assert shipped_degrees(make_lines, "Licence de conduire B") == ()


def test_to_be_completed_is_in_progress(make_lines: MakeLines) -> None:
    assert [d.status for d in shipped_degrees(make_lines, "MBA to be completed in 2027")] == ["in_progress"]
