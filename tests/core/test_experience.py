"""Work history: every written date form, the job layouts CVs use, and merged years of experience."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

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
    ],
)
def test_title_and_employer_layouts(make_lines: MakeLines, texts: list[str], title: str, employer: str) -> None:
    (job,) = jobs_in(make_lines, *texts)
    assert (job.title, job.employer) == (title, employer)


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


def test_two_technical_duties_make_a_job_technical(make_lines: MakeLines) -> None:
    (one_duty,) = jobs_in(make_lines, "Project Manager, Acme, 2019 – 2021", "• Ran Kubernetes upgrades")
    (two_duties,) = jobs_in(
        make_lines, "Project Manager, Acme, 2019 – 2021", "• Ran Kubernetes upgrades", "• Drew architecture diagrams"
    )
    assert (one_duty.technical, two_duties.technical) == (False, True)


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
