"""Work history: every written date form, the job layouts CVs use, and merged years of experience."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cvgen.render import render
from cvgen.samples import sample_specs
from cvgen.spec import AS_OF as CV_AS_OF
from cvgen.spec import labels_for
from screener.catalogue import load_catalogue
from screener.cv_formats import read_cv
from screener.experience import extract_jobs, find_date_ranges, merged_years, years_where
from screener.models import Box, Job, Line, Span

AS_OF = date(2025, 6, 30)
MANAGEMENT_TITLES = [
    "project manager", "program manager", "product manager", "head of", "director", "delivery manager",
    "scrum master", "pmo", "engagement manager",
]  # fmt: skip
TECHNICAL_TITLES = [
    "engineer", "developer", "architect", "administrator", "devops", "sre", "programmer", "analyst", "technical",
]  # fmt: skip
TECHNICAL_DUTIES = ["kubernetes", "aws", "python", "architecture diagrams", "quality assurance", "networking"]

MakeLines = Callable[..., tuple[Line, ...]]


def jobs_in(make_lines: MakeLines, *texts: str, as_of: date = AS_OF) -> tuple[Job, ...]:
    lines = make_lines((text, "experience", 10.0, False) for text in texts)
    return extract_jobs(lines, as_of, MANAGEMENT_TITLES, TECHNICAL_TITLES, TECHNICAL_DUTIES)


@pytest.mark.parametrize(
    ("text", "start", "end", "is_current"),
    [
        ("Jan 2015 – Present", date(2015, 1, 1), AS_OF, True),
        ("January 2015 - Current", date(2015, 1, 1), AS_OF, True),
        ("2015-2019", date(2015, 1, 1), date(2019, 1, 1), False),
        ("2015 – 2019", date(2015, 1, 1), date(2019, 1, 1), False),
        ("2015 — 2019", date(2015, 1, 1), date(2019, 1, 1), False),
        ("03/2016 - 11/2018", date(2016, 3, 1), date(2018, 11, 30), False),
        ("2016.03 – 2018.11", date(2016, 3, 1), date(2018, 11, 30), False),
        ("March 2012 to June 2014", date(2012, 3, 1), date(2014, 6, 30), False),
        ("Sep 2019 - May 2023", date(2019, 9, 1), date(2023, 5, 31), False),
        ("Sept 2019 until Feb 2020", date(2019, 9, 1), date(2020, 2, 29), False),
        ("Since 2020", date(2020, 1, 1), AS_OF, True),
        ("2019 – now", date(2019, 1, 1), AS_OF, True),
        ("2017 – Present", date(2017, 1, 1), AS_OF, True),
        ("2018 – Today", date(2018, 1, 1), AS_OF, True),
        ("2018 to date", date(2018, 1, 1), AS_OF, True),
        ("2019", date(2019, 1, 1), date(2019, 12, 31), False),
        ("2025", date(2025, 1, 1), AS_OF, False),
        ("Summer 2022", date(2022, 6, 1), date(2022, 8, 31), False),
        ("Fall 2013 – Spring 2014", date(2013, 9, 1), date(2014, 5, 31), False),
        ("Jan. 2015 – Dec. 2016", date(2015, 1, 1), date(2016, 12, 31), False),
    ],
)
def test_date_forms(text: str, start: date, end: date, is_current: bool) -> None:
    (found,) = find_date_ranges(text, AS_OF)
    assert (found.start, found.end, found.is_current) == (start, end, is_current)
    assert text[found.start_index : found.end_index] == text


def test_present_resolves_against_the_date_passed_in() -> None:
    (found,) = find_date_ranges("Jan 2015 – Present", date(2020, 1, 1))
    assert found.end == date(2020, 1, 1)


def test_indexes_locate_the_range_inside_a_longer_line() -> None:
    text = "Senior Software Engineer, Stripe, San Francisco, Jan 2023 - Present"
    (found,) = find_date_ranges(text, AS_OF)
    assert text[found.start_index : found.end_index] == "Jan 2023 - Present"


@pytest.mark.parametrize("text", ["Mobile +1 (415) 555-0142", "Marketing budget of 3 million", "Maryland"])
def test_no_date_in_phone_numbers_or_month_lookalikes(text: str) -> None:
    assert find_date_ranges(text, AS_OF) == []


@pytest.mark.parametrize(
    ("texts", "title", "employer"),
    [
        (["Senior Software Engineer, Stripe, San Francisco, Jan 2023 - Present"], "Senior Software Engineer", "Stripe"),
        (["Technical Project Manager | Acme Corp | 2019 – 2021"], "Technical Project Manager", "Acme Corp"),
        (["Acme Corp", "Project Manager    Mar 2018 – Jun 2020"], "Project Manager", "Acme Corp"),
        (["2017 – Product Manager, Google, Mountain View"], "Product Manager", "Google"),
        (
            ["Senior Software Engineer", "Jan 2023 - Present", "Stripe • San Francisco, CA"],
            "Senior Software Engineer",
            "Stripe",
        ),
        (["Enactus, University of La Verne August 2013 – Present", "Member"], "Member", "Enactus"),
        (["ABC Company", "Senior Python Developer, 2021 - Present"], "Senior Python Developer", "ABC Company"),
        (["DEF Inc.", "Software Engineer, 2017 - 2019"], "Software Engineer", "DEF Inc."),
        # Anonymised resumes write every employer "Company Name" and its place "City , State".
        (
            ["09/2016 to Current", "Customer Service Representative Company Name – City , State"],
            "Customer Service Representative",
            "Company Name",
        ),
        (
            ["Company Name City , State Senior Supply Sergeant 04/2012 to Current"],
            "Senior Supply Sergeant",
            "Company Name",
        ),
        (
            ["Business Development Consultant", "September 2014 to Current Company Name – City , State"],
            "Business Development Consultant",
            "Company Name",
        ),
        (
            ["Graduate Teaching Assistant", "City , State Company Name / Jun 2015 to Current"],
            "Graduate Teaching Assistant",
            "Company Name",
        ),
        (
            ["Senior Scrum Master - First Bank of Nowhere (Bank FBN)", "05/2025 - Present | Springfield (Remote)"],
            "Senior Scrum Master",
            "Springfield (Remote)",
        ),
        (
            ["Softwareentwickler – Muster GmbH", "2020, Jul-Okt. Die Muster GmbH baut Kassensoftware"],
            "Softwareentwickler",
            "Die Muster GmbH baut Kassensoftware",
        ),
        # A rank and the department it heads make the role; a company after the comma does not.
        (
            ["Director, Supply Chain Systems", "January 2002 to May 2005 Company Name - City , State"],
            "Director, Supply Chain Systems",
            "Company Name",
        ),
        (
            ["Juin 2021 - Décembre 2021", "Mission - Exemple Conseil, Bordeaux", "Développeur (C++)"],
            "Développeur (C++)",
            "Mission",
        ),
    ],
)
def test_title_and_employer_layouts(make_lines: MakeLines, texts: list[str], title: str, employer: str) -> None:
    (job,) = jobs_in(make_lines, *texts)
    assert (job.title, job.employer) == (title, employer)


def test_a_company_after_a_rank_is_not_part_of_the_role(make_lines: MakeLines) -> None:
    (job,) = jobs_in(make_lines, "Manager, Acme Corp.", "2002 - 2005")
    assert job.title == "Manager"


def test_every_entry_read_in_the_layout_the_cv_keeps(make_lines: MakeLines) -> None:
    # Title, employer, then dates: the next entry's title just below these dates is not this entry's.
    jobs = jobs_in(
        make_lines,
        "Director",
        "Initech Ltd.",
        "July 2013 – Ongoing | Oxford, UK",
        "• Sold the video wall",
        "Senior Software Engineer",
        "Pelican Software",
        "1999 – 2012 | Culham, UK",
        "Summer Student",
        "Acme Research Centre",
        "Jun 1998 - Sep 1998 | Geneva, Switzerland",
    )
    assert [job.title for job in jobs] == ["Director", "Senior Software Engineer", "Summer Student"]


def test_titles_below_their_dates_stay_with_them(make_lines: MakeLines) -> None:
    jobs = jobs_in(
        make_lines,
        "09/2013 to Current",
        "Assistant Project Manager Company Name – City , State",
        "06/2011 to 09/2013",
        "Contract Administration Manager Company Name – City , State",
        "Negotiated change orders",
    )
    assert [job.title for job in jobs] == ["Assistant Project Manager", "Contract Administration Manager"]


def test_range_split_over_two_lines_is_joined(make_lines: MakeLines) -> None:
    (job,) = jobs_in(
        make_lines,
        "June 2020 – MERN Stack Developer, OpenAI, San Francisco, USA",
        "Present Working on the development of the ChatGPT project.",
    )
    assert (job.title, job.employer, job.start, job.end) == ("MERN Stack Developer", "OpenAI", date(2020, 6, 1), AS_OF)
    assert job.duties == ("Working on the development of the ChatGPT project.",)


def test_range_split_with_the_dash_ending_the_line(make_lines: MakeLines) -> None:
    (job,) = jobs_in(make_lines, "Delivery Manager, Initech, Jan 2016 –", "Mar 2019", "• Ran the PMO")
    assert (job.start, job.end, job.duties) == (date(2016, 1, 1), date(2019, 3, 31), ("Ran the PMO",))


def table_rows(*rows: tuple[str, float, float]) -> tuple[Line, ...]:
    """Experience lines of a table: (text, left edge, top), cells of one row apart with " | "."""
    return tuple(
        Line(text, 1, Box(x0, top, x0 + 5.0 * len(text), top + 9.5), 9.5, False, "experience") for text, x0, top in rows
    )


def table_jobs(*rows: tuple[str, float, float]) -> tuple[Job, ...]:
    return extract_jobs(table_rows(*rows), AS_OF, MANAGEMENT_TITLES, TECHNICAL_TITLES, TECHNICAL_DUTIES)


@pytest.mark.parametrize(
    ("start", "end", "last_day"),
    [
        ("September 2020 to", "October 2022", date(2022, 10, 31)),
        ("September 2020 –", "October 2022", date(2022, 10, 31)),
        ("09/2020 -", "Present", AS_OF),
        ("September 2020", "until October 2022", date(2022, 10, 31)),
        ("Sep 2020", "– Oct 2022", date(2022, 10, 31)),
        ("2020", "through 2022", date(2022, 1, 1)),  # a bare end year ends early that year
        ("September 2020 to October", "2022", date(2022, 10, 31)),
    ],
)
def test_range_wrapped_inside_its_table_cell(start: str, end: str, last_day: date) -> None:
    """The date cell wraps: the rest of the range stands alone under its start, in the same cell."""
    jobs = table_jobs(
        (f"{start} | Senior Project Manager | Trentside Logistics", 50.0, 296.6),
        (end, 50.0, 309.1),
        ("• Managed the relocation of 60 staff to a new head office", 50.0, 329.7),
        ("June 2018 to June 2020 | Project Manager | Meridian Events", 50.0, 350.2),
    )
    assert [(job.title, job.employer, job.start.year, job.end) for job in jobs] == [
        ("Senior Project Manager", "Trentside Logistics", 2020, last_day),
        ("Project Manager", "Meridian Events", 2018, date(2020, 6, 30)),
    ]


def test_table_cell_wrapping_its_dates_keeps_the_job_whole(tmp_path: Path) -> None:
    """Regression: a date cell wrapped "September 2020 to" over "October 2022" was read as one month."""
    spec = sample_specs()["table_pm.pdf"]
    render(spec, tmp_path / "cv.pdf")
    jobs = extract_jobs(read_cv(tmp_path / "cv.pdf").lines, CV_AS_OF, MANAGEMENT_TITLES, TECHNICAL_TITLES, [])
    assert ("Senior Project Manager", date(2020, 9, 1), date(2022, 10, 31)) in [(j.title, j.start, j.end) for j in jobs]
    assert merged_years(jobs) == pytest.approx(labels_for(spec).years, abs=0.05)


ROW = "Senior Project Manager | Trentside Logistics"


@pytest.mark.parametrize(
    ("row", "below", "below_x0", "below_top", "joined"),
    [
        # No connector on either part: two entries' dates.
        (f"March 2019 | {ROW}", "June 2016", 50.0, 309.1, (2019, 2016)),
        # An open range ("2019 –", still running) over the next entry's earlier year.
        (f"2019 – | {ROW}", "2015", 50.0, 309.1, (2019, 2015)),
        (f"2019 to | {ROW}", "2015", 50.0, 309.1, (2019, 2015)),
        (f"{ROW} | 2019 –", "2015 | Analyst | Initech", 50.0, 309.1, (2019, 2015)),
        # A date in the column beside, not under the start; a date a row further down.
        (f"September 2020 to | {ROW}", "October 2022", 300.0, 309.1, (2020, 2022)),
        (f"September 2020 to | {ROW}", "October 2022", 50.0, 340.0, (2020, 2022)),
    ],
)
def test_dates_that_are_not_one_wrapped_range_stay_apart(
    row: str, below: str, below_x0: float, below_top: float, joined: tuple[int, int]
) -> None:
    """No job runs from the upper date to the lower one, which still dates an entry of its own."""
    jobs = table_jobs((row, 50.0, 296.6), (below, below_x0, below_top))
    assert joined not in [(job.start.year, job.end.year) for job in jobs]
    assert joined[1] in [job.start.year for job in jobs]


def test_a_year_alone_is_that_whole_year(make_lines: MakeLines) -> None:
    (job,) = jobs_in(make_lines, "Software Engineer, Acme, 2019")
    assert (job.start, job.end) == (date(2019, 1, 1), date(2019, 12, 31))


def test_duties_belong_to_the_job_above_them(make_lines: MakeLines) -> None:
    jobs = jobs_in(
        make_lines,
        "ABC Company",
        "Software Engineer May 2023 - Present",
        "• Built a search bar",
        "• Wrote tests",
        "DEF Organization",
        "Software Engineer Intern Summer 2022",
        "• Fixed 5 bugs",
    )
    assert [(job.employer, job.duties) for job in jobs] == [
        ("ABC Company", ("Built a search bar", "Wrote tests")),
        ("DEF Organization", ("Fixed 5 bugs",)),
    ]


def test_a_sentence_ending_in_a_year_is_a_duty_not_a_job(make_lines: MakeLines) -> None:
    (job,) = jobs_in(make_lines, "Project Manager, Acme, 2015 – 2019", "Migrated billing to the cloud in 2018")
    assert job.duties == ("Migrated billing to the cloud in 2018",)


@pytest.mark.parametrize(
    ("text", "management", "technical"),
    [
        ("Technical Project Manager, Acme, 2019 – 2021", True, True),
        ("IT Project Manager, Acme, 2019 – 2021", True, False),
        ("Senior Program Manager, Acme, 2019 – 2021", True, False),
        ("Head of Delivery, Acme, 2019 – 2021", True, False),
        ("Scrum Master, Acme, 2019 – 2021", True, False),
        ("Site Reliability Engineer (SRE), Acme, 2019 – 2021", False, True),
        ("Systems Administrator, Acme, 2019 – 2021", False, True),
        ("Sales Representative, Acme, 2019 – 2021", False, False),
        ("Director of Engineering, Acme, 2019 – 2021", True, False),
    ],
)
def test_title_flags(make_lines: MakeLines, text: str, management: bool, technical: bool) -> None:
    (job,) = jobs_in(make_lines, text)
    assert (job.management, job.technical) == (management, technical)


@pytest.mark.parametrize(
    ("title", "management", "technical"),
    [
        ("Underwriting Supervisor", True, False),
        ("Software Engineer Team Lead", True, True),
        ("Lead Software Developer", False, True),
        ("Budget Analyst", False, False),
        ("Business Analyst", False, True),
        ("Change Management Consultant", False, False),
        ("IT Consultant", False, True),
        ("Chef de projet", True, False),
        ("Teamleiter Softwareentwicklung", True, False),
        ("Softwareentwickler", False, True),
        ("Desarrollador web", False, True),
        ("Projectleider", True, False),
        ("Capo progetto", True, False),
        ("Ingénieur logiciel", False, True),
        ("Engineering Intern", False, True),
        ("Director of Engineering", True, True),
    ],
)
def test_catalogue_titles_in_several_languages(
    make_lines: MakeLines, title: str, management: bool, technical: bool
) -> None:
    titles = load_catalogue().role_titles
    lines = make_lines([(f"{title}, Acme, 2019 – 2021", "experience", 10.0, False)])
    (job,) = extract_jobs(lines, AS_OF, titles["management"], titles["technical"], TECHNICAL_DUTIES)
    assert (job.management, job.technical) == (management, technical)


def test_three_technical_duties_make_a_job_technical(make_lines: MakeLines) -> None:
    duties = ("• Ran Kubernetes upgrades", "• Drew architecture diagrams", "• Set up quality assurance")
    (two_duties,) = jobs_in(make_lines, "Project Manager, Acme, 2019 – 2021", *duties[:2])
    (three_duties,) = jobs_in(make_lines, "Project Manager, Acme, 2019 – 2021", *duties)
    assert (two_duties.technical, three_duties.technical) == (False, True)


def test_only_the_experience_section_holds_jobs(make_lines: MakeLines) -> None:
    lines = make_lines(
        [
            ("Software Engineer, Acme, 2020 – 2021", "experience", 10.0, False),
            ("BSc Computer Science, 2010 – 2014", "education", 10.0, False),
            ("Home Automation System, 2015 – 2018", "projects", 10.0, False),
            ("PRINCE2 course, 2016 – 2017", "training", 10.0, False),
            ("PMP, 2017 – 2020", "certifications", 10.0, False),
        ]
    )
    jobs = extract_jobs(lines, AS_OF, MANAGEMENT_TITLES, TECHNICAL_TITLES, TECHNICAL_DUTIES)
    assert [job.title for job in jobs] == ["Software Engineer"]
    assert merged_years(jobs) == 1.0  # "2020 – 2021" ends early in 2021


def test_job_span_is_the_dated_line(make_lines: MakeLines) -> None:
    lines = make_lines(
        [("Acme Corp", "experience", 10.0, True), ("Project Manager  2018 – 2020", "experience", 10.0, False)]
    )
    (job,) = extract_jobs(lines, AS_OF, MANAGEMENT_TITLES, TECHNICAL_TITLES, TECHNICAL_DUTIES)
    assert job.span == Span(lines[1].text, lines[1].page, lines[1].box, "experience")


def job(start: date, end: date, *, management: bool = False, technical: bool = False) -> Job:
    span = Span("", 1, Box(0, 0, 1, 1), "experience")
    return Job("Role", "Employer", start, end, management, technical, span)


def test_overlapping_and_nested_jobs_count_once() -> None:
    jobs = [
        job(date(2010, 1, 1), date(2015, 1, 1)),
        job(date(2012, 1, 1), date(2013, 1, 1)),  # nested
        job(date(2014, 1, 1), date(2016, 1, 1)),  # overlapping
    ]
    assert merged_years(jobs) == 6.0


def test_gaps_are_left_out() -> None:
    jobs = [job(date(2010, 1, 1), date(2012, 1, 1)), job(date(2015, 1, 1), date(2017, 1, 1))]
    assert merged_years(jobs) == 4.0


def test_years_where_merges_only_the_matching_roles() -> None:
    jobs = [
        job(date(2010, 1, 1), date(2014, 1, 1), technical=True),
        job(date(2012, 1, 1), date(2016, 1, 1), management=True),
        job(date(2015, 1, 1), date(2018, 1, 1), management=True, technical=True),
    ]
    assert years_where(jobs, lambda j: j.management) == 6.0
    assert years_where(jobs, lambda j: j.technical) == 7.0
    assert merged_years(jobs) == 8.0


def test_no_jobs_is_zero_years() -> None:
    assert merged_years([]) == 0.0


periods = st.tuples(st.dates(date(1990, 1, 1), date(2024, 12, 31)), st.integers(0, 3650)).map(
    lambda period: job(period[0], period[0] + timedelta(days=period[1]))
)


@given(st.lists(periods, max_size=8), st.randoms())
def test_job_order_does_not_change_years(jobs: list[Job], shuffler: random.Random) -> None:
    shuffled = list(jobs)
    shuffler.shuffle(shuffled)
    assert merged_years(shuffled) == merged_years(jobs)


@given(st.lists(periods, min_size=1, max_size=8))
def test_merged_years_lie_between_the_longest_job_and_the_sum(jobs: list[Job]) -> None:
    assert round(max(j.years for j in jobs), 1) <= merged_years(jobs) <= round(sum(j.years for j in jobs), 1) + 0.1


@pytest.mark.parametrize(
    ("text", "start", "end", "is_current"),
    [
        ("janv. 2019 – juil. 2020", date(2019, 1, 1), date(2020, 7, 31), False),
        ("févr. 2016 - déc. 2017", date(2016, 2, 1), date(2017, 12, 31), False),
        ("Juin 2019 - en cours", date(2019, 6, 1), AS_OF, True),
        ("2015 - aujourd’hui", date(2015, 1, 1), AS_OF, True),
        ("Depuis 10/2024", date(2024, 10, 1), AS_OF, True),
        ("30 Septembre, 2019 - 31 Mars, 2023", date(2019, 9, 1), date(2023, 3, 31), False),
        ("Jän. 2018 – Okt. 2019", date(2018, 1, 1), date(2019, 10, 31), False),
        ("März 2018 – heute", date(2018, 3, 1), AS_OF, True),
        ("02.2022 – bis heute", date(2022, 2, 1), AS_OF, True),
        ("seit 03/2020", date(2020, 3, 1), AS_OF, True),
        ("enero de 2017 - actualidad", date(2017, 1, 1), AS_OF, True),
        ("sept 2015 – dic 2016", date(2015, 9, 1), date(2016, 12, 31), False),
        ("desde 2018", date(2018, 1, 1), AS_OF, True),
        ("dezembro de 2024 - atual", date(2024, 12, 1), AS_OF, True),
        ("out 2020 - fev 2021", date(2020, 10, 1), date(2021, 2, 28), False),
        ("mrt 2015 - heden", date(2015, 3, 1), AS_OF, True),
        ("mei 2012 - okt 2014", date(2012, 5, 1), date(2014, 10, 31), False),
        ("gen 2016 – oggi", date(2016, 1, 1), AS_OF, True),
        ("mag 2014 - lug 2015", date(2014, 5, 1), date(2015, 7, 31), False),
        ("dal 2017", date(2017, 1, 1), AS_OF, True),
        ("2020 – ATTUALE", date(2020, 1, 1), AS_OF, True),
        ("Jan '19 – Mar '21", date(2019, 1, 1), date(2021, 3, 31), False),
        ("10’–Now", date(2010, 1, 1), AS_OF, True),
        ("08/02/2013–Present", date(2013, 2, 1), AS_OF, True),
        ("06/2003-10/2005", date(2003, 6, 1), date(2005, 10, 31), False),
        ("2018-03 – 2019-11", date(2018, 3, 1), date(2019, 11, 30), False),
    ],
)
def test_date_forms_in_other_languages_and_notations(text: str, start: date, end: date, is_current: bool) -> None:
    (found,) = find_date_ranges(text, AS_OF)
    assert (found.start, found.end, found.is_current) == (start, end, is_current)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Praktikum – Acme GmbH, Jul–Aug 2018", date(2018, 7, 1), date(2018, 8, 31)),
        ("Praktikum – Acme GmbH, 2018, Jul-Okt.", date(2018, 7, 1), date(2018, 10, 31)),
    ],
)
def test_months_of_one_year_written_once(make_lines: MakeLines, text: str, start: date, end: date) -> None:
    (job,) = jobs_in(make_lines, text)
    assert (job.start, job.end) == (start, end)


def test_title_dates_and_employer_on_one_line(make_lines: MakeLines) -> None:
    jobs = jobs_in(
        make_lines,
        "Project Coordinator 06/2014 to Current Company Name City , State",
        "Tracked budgets for 600 sites.",
        "Company Name March 2003 to June 2005 Finance Manager",
        "City , State",
    )
    assert [(job.title, job.start, job.end) for job in jobs] == [
        ("Project Coordinator", date(2014, 6, 1), AS_OF),
        ("Finance Manager", date(2003, 3, 1), date(2005, 6, 30)),
    ]


def test_duties_run_on_after_the_dates_in_one_line(make_lines: MakeLines) -> None:
    (job,) = jobs_in(
        make_lines,
        "Company Name City , State Dispatcher 10/2005 to 10/2008 Provided support to the sales and service teams"
        " ensuring all objectives were met and dispatched technicians as needed.",
    )
    assert (job.start, job.end) == (date(2005, 10, 1), date(2008, 10, 31))


def test_range_spread_over_three_lines(make_lines: MakeLines) -> None:
    jobs = jobs_in(
        make_lines,
        "September 2015",
        "to",
        "Current",
        "Company Name City , State Project Coordinator",
        "Processed purchase orders.",
        "April 2013",
        "to",
        "March 2015",
        "Company Name City , State Construction Coordinator II",
    )
    assert [(job.start, job.end) for job in jobs] == [(date(2015, 9, 1), AS_OF), (date(2013, 4, 1), date(2015, 3, 31))]
    assert ["Coordinator" in job.title for job in jobs] == [True, True]


def test_dates_on_their_own_line_above_the_title(make_lines: MakeLines) -> None:
    (job,) = jobs_in(make_lines, "09/2009 to Current", "Project Manager Company Name City , State", "Ran the PMO.")
    assert (job.management, job.start, job.end) == (True, date(2009, 9, 1), AS_OF)


def test_linkedin_entries_keep_each_title_with_its_dates(make_lines: MakeLines) -> None:
    jobs = jobs_in(
        make_lines,
        "Acme",
        "Site Reliability Engineer",
        "June 2019 - Present (6 years 1 month)",
        "Zurich, Switzerland",
        "Technical Solutions Engineer",
        "March 2017 - May 2019 (2 years 3 months)",
        "Zurich, Switzerland",
    )
    assert [(job.title, job.start) for job in jobs] == [
        ("Site Reliability Engineer", date(2019, 6, 1)),
        ("Technical Solutions Engineer", date(2017, 3, 1)),
    ]


def test_date_column_read_apart_from_the_titles_beside_it() -> None:
    """A two-column table: reading order gives the date column first, then the cells to its right."""
    cells = [
        ("02/2022 – heute", 57.0, 100.0),
        ("09/2019 – 01/2022", 57.0, 200.0),
        ("Software Specialist", 200.0, 100.0),
        ("Acme GmbH", 200.0, 114.0),
        ("Platform Engineer", 200.0, 200.0),
        ("Initech GmbH", 200.0, 214.0),
    ]
    lines = [Line(text, 1, Box(x0, top, x0 + 90.0, top + 10.0), 10.0, False, "experience") for text, x0, top in cells]
    jobs = extract_jobs(lines, AS_OF, MANAGEMENT_TITLES, TECHNICAL_TITLES, TECHNICAL_DUTIES)
    assert [(job.title, job.employer, job.start) for job in jobs] == [
        ("Software Specialist", "Acme GmbH", date(2022, 2, 1)),
        ("Platform Engineer", "Initech GmbH", date(2019, 9, 1)),
    ]


def test_study_training_certification_and_volunteering_are_not_jobs(make_lines: MakeLines) -> None:
    jobs = jobs_in(
        make_lines,
        "Software Engineering Intern, Acme, Jun 2018 – Aug 2018",
        "Volunteer Mentor, Code Club, 2015 – 2019",
        "PMP Certification, 2016 – 2017",
        "03/2023 – 05/2024 Weiterbildung Fullstack-Webentwickler, DCI",
        "Bachelor of Science in Computing, 2010 – 2014",
    )
    assert [job.title for job in jobs] == ["Software Engineering Intern"]


def test_a_job_not_yet_begun_adds_no_years(make_lines: MakeLines) -> None:
    jobs = jobs_in(make_lines, "Project Manager, Acme, 01/2024 – 12/2024", "Engineer, Initech, 09/2025 – Present")
    assert merged_years(jobs) == 1.0


def test_current_job_written_with_its_start_month_only(make_lines: MakeLines) -> None:
    jobs = jobs_in(
        make_lines,
        "Head of Information Technology",
        "March 2015 Company Name - City , State",
        "Director of Supply Chain Systems",
        "October 2010 to March 2015 Company Name - City , State",
    )
    assert [(job.start, job.end, job.open_ended) for job in jobs] == [
        (date(2015, 3, 1), AS_OF, True),
        (date(2010, 10, 1), date(2015, 3, 31), False),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "September 3, 2018 | European Union, 2002-2018 | Page 1 / 3",  # a running footer
        "Geburtsdatum: 30. April 1981",
        "Job Availability Date: August 1, 2014",
        "I've been using the Adobe Suite of tools since 1999.",
        "Created database schema and objects in SQL Server 2008 R2.",
        "2000 - 2012 servers); managed MS Exchange, MS SQL and the backups of all sites",
    ],
)
def test_dates_that_do_not_date_a_job(make_lines: MakeLines, text: str) -> None:
    assert jobs_in(make_lines, "Software Engineer, Acme, 2015 – 2019", text)[1:] == ()


def test_dashes_garbled_by_a_wrong_encoding_still_join_a_range(make_lines: MakeLines) -> None:
    (job,) = jobs_in(make_lines, "Java Intern , 06/2013 ï1⁄4 05/2015 Company Name ï1⁄4 City , State")
    assert (job.title, job.start, job.end) == ("Java Intern", date(2013, 6, 1), date(2015, 5, 31))


def test_icon_glyph_before_the_dates_leaves_them_a_header(make_lines: MakeLines) -> None:
    (job,) = jobs_in(make_lines, "Data Quality Analyst", "IAG Cargo", "\x11 October 2020 – Ongoing | \x16 Aviation")
    assert (job.start, job.open_ended) == (date(2020, 10, 1), True)
