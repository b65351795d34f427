"""Scores: evidence sums to each score, caps hold, and adding evidence moves scores the right way."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from screener.catalogue import load_catalogue
from screener.models import Box, CertMatch, CertStatus, Degree, Job, Line, Scores, Section, Span
from screener.scoring import Findings, RoleSignals, find_mentions, role_fit, score_candidate

CATALOGUE = load_catalogue()
BOX = Box(0, 0, 100, 10)
SPAN = Span("", 1, BOX, "experience")

LINE_TEXTS = [
    "Managed stakeholders and the risk register for a data-centre move",
    "Owned a 2M budget and the project plan with weekly milestones",
    "Developed Python microservices and wrote unit tests",
    "Designed the architecture and kept technical documentation",
    "Python, SQL, Kubernetes, Terraform",
    "Sold shoes and handled the till",
]


def line(text: str, section: Section = "experience") -> Line:
    return Line(text, 1, BOX, 10.0, False, section)


def cert(cert_id: str, status: CertStatus = "held") -> CertMatch:
    entry = CATALOGUE.by_id(cert_id)
    return CertMatch(entry.id, entry.name, entry.category, status, entry.id.upper(), 100.0, entry.weight, SPAN)


def job(start_year: int, years: int, *, management: bool = False, technical: bool = False, title: str = "Role") -> Job:
    return Job(title, "Employer", date(start_year, 1, 1), date(start_year + years, 1, 1), management, technical, SPAN)


TECH_DEGREE = Degree("master", "Computer Science", True, False, "completed", "MSc Computer Science", SPAN)

lines_st = st.lists(st.sampled_from(LINE_TEXTS).map(line), max_size=8)
certs_st = st.lists(st.sampled_from(["csm", "prince2", "ccna", "aws_developer", "capm"]).map(cert), max_size=4)
jobs_st = st.lists(
    st.builds(job, st.integers(1995, 2022), st.integers(1, 6), management=st.booleans(), technical=st.booleans()),
    max_size=5,
)


def scores(lines: list[Line], certs: list[CertMatch], jobs: list[Job], degrees: list[Degree] | None = None) -> Scores:
    return score_candidate(Findings(find_mentions(lines, CATALOGUE), certs, degrees or [], jobs), CATALOGUE)


@settings(max_examples=60, deadline=None)
@given(lines_st, certs_st, jobs_st)
def test_evidence_sums_exactly_to_each_score(lines: list[Line], certs: list[CertMatch], jobs: list[Job]) -> None:
    result = scores(lines, certs, jobs)
    for axis, total in (("management", result.management), ("technical", result.technical)):
        assert math.isclose(sum(e.points for e in result.evidence if e.axis == axis), total, abs_tol=1e-9)
        assert 0 <= total <= 100


@settings(max_examples=60, deadline=None)
@given(lines_st, certs_st, jobs_st)
def test_a_held_pmp_never_lowers_management(lines: list[Line], certs: list[CertMatch], jobs: list[Job]) -> None:
    assert scores(lines, [*certs, cert("pmp")], jobs).management >= scores(lines, certs, jobs).management


@settings(max_examples=60, deadline=None)
@given(lines_st, certs_st, jobs_st)
def test_a_planned_pmp_never_raises_management(lines: list[Line], certs: list[CertMatch], jobs: list[Job]) -> None:
    assert scores(lines, [*certs, cert("pmp", "planned")], jobs) == scores(lines, certs, jobs)


@settings(max_examples=60, deadline=None)
@given(lines_st, certs_st, jobs_st)
def test_a_technical_degree_never_lowers_technical(lines: list[Line], certs: list[CertMatch], jobs: list[Job]) -> None:
    with_degree = scores(lines, certs, jobs, [TECH_DEGREE])
    assert with_degree.technical >= scores(lines, certs, jobs).technical


@settings(max_examples=60, deadline=None)
@given(lines_st, certs_st, jobs_st, st.integers(2, 20))
def test_repeating_a_keyword_line_never_raises_a_component(
    lines: list[Line], certs: list[CertMatch], jobs: list[Job], repeats: int
) -> None:
    stuffed = [*lines, *[line("Project management, risk management, stakeholder management", "skills")] * repeats]
    once = [*lines, line("Project management, risk management, stakeholder management", "skills")]
    assert scores(stuffed, certs, jobs) == scores(once, certs, jobs)


def test_components_are_capped() -> None:
    many_certs = [cert(i) for i in ("pmp", "pgmp", "prince2_practitioner", "csm", "psm", "safe")]
    result = scores([], many_certs, [])
    assert result.management == CATALOGUE.scoring.caps["management"]["certifications"]


def test_overlapping_jobs_are_not_counted_twice() -> None:
    nested = scores([], [], [job(2010, 10, technical=True), job(2012, 3, technical=True)])
    single = scores([], [], [job(2010, 10, technical=True)])
    assert nested.technical == single.technical


def test_in_progress_degree_counts_half() -> None:
    done = scores([], [], [], [TECH_DEGREE]).technical
    ongoing = scores([], [], [], [replace(TECH_DEGREE, status="in_progress")]).technical
    assert ongoing == done / 2


def test_role_fit_quadrants() -> None:
    thresholds = {"management": 50, "technical": 50}
    fits = [
        role_fit(RoleSignals(m, t, projects=m, latest_work_elsewhere=False), thresholds)
        for m, t in ((60, 60), (60, 10), (10, 60), (10, 10), (50, 50))
    ]
    assert fits == ["tpm", "pm", "technical", "other", "tpm"]


def test_a_manager_of_people_without_projects_is_not_a_pm() -> None:
    thresholds = {"management": 40, "technical": 40}
    people_only = RoleSignals(management=60, technical=10, projects=5, latest_work_elsewhere=False)
    with_projects = replace(people_only, projects=10)
    assert (role_fit(people_only, thresholds), role_fit(with_projects, thresholds)) == ("other", "pm")
    # A technical manager stays a TPM: the technical side shows what the team builds.
    assert role_fit(replace(people_only, technical=45), thresholds) == "tpm"


def test_a_long_career_in_another_field_outweighs_an_old_technical_degree() -> None:
    thresholds = {"management": 40, "technical": 40}
    junior = RoleSignals(management=0, technical=20, projects=0, latest_work_elsewhere=False)
    assert role_fit(junior, thresholds) == "technical"
    assert role_fit(replace(junior, latest_work_elsewhere=True), thresholds) == "other"
    assert role_fit(replace(junior, technical=40, latest_work_elsewhere=True), thresholds) == "technical"


def test_the_finance_manager_scores_management_but_is_not_a_pm() -> None:
    finance_manager = job(2005, 15, management=True, title="Finance Manager")
    practice = [line(text) for text in LINE_TEXTS[:2]] * 1 + [
        line("Led budgeting, forecasting and resource allocation for the team"),
        line("Communicated with stakeholders and planned the schedule"),
    ]
    result = scores(practice, [], [finance_manager])
    project_manager = scores(practice, [], [replace(finance_manager, title="Project Manager")])
    assert result.role_fit == "other" and result.management > 0
    assert project_manager.role_fit == "pm"


def test_a_recent_project_role_counts_more_than_an_old_one() -> None:
    engineer = job(2008, 10, technical=True, title="Software Engineer")
    recent = [engineer, job(2018, 2, management=True, title="Project Manager")]
    old = [job(2008, 2, management=True, title="Project Manager"), job(2010, 10, technical=True)]
    recent_scores, old_scores = scores([], [], recent), scores([], [], old)
    labels = [e.label for e in recent_scores.evidence]
    assert "Recent role managing projects: Project Manager" in labels
    assert not any(e.label.startswith("Recent role") for e in old_scores.evidence)
    assert recent_scores.management > old_scores.management


def test_a_short_stint_is_not_a_recent_project_role() -> None:
    stint = Job("Project Manager", "Employer", date(2019, 1, 1), date(2019, 7, 1), True, False, SPAN)
    result = scores([], [], [job(2010, 9, technical=True), stint])
    assert not any(e.label.startswith("Recent role") for e in result.evidence)
