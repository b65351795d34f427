"""Turn what was found in a CV into two capped scores made of evidence items, and a role fit.

Every point is an Evidence item; a component's items are cut at the component's cap in the order they were
found, so the items always sum exactly to the score and stuffing a CV with keywords cannot max an axis.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from screener.catalogue import Catalogue
from screener.experience import has_term, term_pattern
from screener.models import Axis, CertMatch, Degree, Evidence, Job, Line, Mention, MentionKind, RoleFit, Scores, Span

# A candidate with no management side is technical from this share of the technical threshold, when the
# technical score is at least this many times the management score.
_SPECIALIST_SHARE = 0.5
_OUTWEIGHS = 1.5
# A project manager's management score holds at least this share of the threshold in evidence of running
# projects (PM certifications, project roles, project work); without it, it is managing people or operations.
_PROJECT_SHARE = 0.25
# A role a candidate has held this long or longer is their career, not a stopgap or a student job.
_CAREER_YEARS = 2.0
# A project role counts as the candidate's recent work when it lasted this long and ended this close to their
# latest job's end.
_RECENT_ROLE_YEARS = 1.0
_RECENT_ROLE_GAP_DAYS = 366
# Sections that tell what the candidate's work was about.
_PROJECT_SECTIONS = frozenset({"header", "summary", "experience", "projects"})
# Sections where a keyword describes what the candidate did, not a course or a credential.
_PRACTICE_SECTIONS = frozenset({"summary", "experience", "projects", "skills", "header", "other"})


@dataclass(frozen=True)
class Findings:
    """What was read from one CV: the input of scoring."""

    mentions: Sequence[Mention]
    certifications: Sequence[CertMatch]
    degrees: Sequence[Degree]
    jobs: Sequence[Job]


class _Claim(NamedTuple):
    """An evidence item before capping (a named tuple: a candidate makes dozens each time it is scored)."""

    component: str
    label: str
    points: float
    span: Span
    about_projects: bool = False  # evidence of running projects, which a project manager's score must hold


@dataclass(frozen=True)
class _Rate:
    """Points per year in a kind of job, and how the evidence names it."""

    points: float
    kind: str
    about_projects: bool = False


@dataclass(frozen=True)
class RoleSignals:
    """What role fit is decided on: both scores, the management points that show running projects, and
    whether the candidate's latest work is in neither field (a career that moved on)."""

    management: float
    technical: float
    projects: float
    latest_work_elsewhere: bool


def _capped(claims: Iterable[_Claim], caps: Mapping[str, float]) -> list[tuple[_Claim, float]]:
    """Each claim that still fits under its component's cap, with the points it keeps."""
    used: dict[str, float] = {}
    kept = []
    for claim in claims:
        room = caps.get(claim.component, 0.0) - used.get(claim.component, 0.0)
        points = round(min(claim.points, room), 1)
        if points > 0:
            used[claim.component] = used.get(claim.component, 0.0) + points
            kept.append((claim, points))
    return kept


def _evidence(axis: Axis, kept: Sequence[tuple[_Claim, float]]) -> list[Evidence]:
    return [Evidence(axis, claim.component, claim.label, points, claim.span) for claim, points in kept]


@lru_cache(maxsize=16)
def _topics_index(topics: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[re.Pattern[str], dict[str, int]]:
    """One pattern for every term of every topic, and the topic each term belongs to.

    A plain alternation over lower-cased text: named groups per topic make Python's matcher ~6x slower.
    """
    topic_of: dict[str, int] = {}
    for index, (_, terms) in enumerate(topics):
        for term in terms:
            topic_of.setdefault(term.lower(), index)
    alternatives = "|".join(re.escape(term) for term in sorted(topic_of, key=len, reverse=True))
    return re.compile(rf"(?<![\w+#.])(?:{alternatives})(?![\w+#])"), topic_of


def _first_mentions(
    kind: MentionKind, lines: Sequence[Line], topics: Mapping[str, tuple[str, ...]], sections: frozenset[str]
) -> Iterator[Mention]:
    """For each topic, the first line (in reading order) that mentions one of its terms."""
    key = tuple((topic, tuple(terms)) for topic, terms in topics.items())
    pattern, topic_of = _topics_index(key)
    # One search over the lines joined: a newline stops a term as a line's end does.
    read = [line for line in lines if line.section in sections]
    texts = [line.text.lower() for line in read]
    starts = list(accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
    first: dict[int, Line] = {}
    for found in pattern.finditer("\n".join(texts)):
        first.setdefault(topic_of[found.group()], read[bisect_right(starts, found.start()) - 1])
    for index, (topic, _) in enumerate(key):
        if index in first:
            yield Mention(kind, topic, _span(first[index]))


def _span(line: Line) -> Span:
    return Span(line.text, line.page, line.box, line.section)


def _fresh_years(jobs: Iterable[Job]) -> Iterator[tuple[Job, float]]:
    """Each job with the years it adds beyond the jobs before it, so overlaps are not counted twice."""
    covered_until = date.min
    for job in sorted(jobs, key=lambda j: j.start):
        start = max(job.start, covered_until)
        if job.end > start:
            yield job, (job.end - start).days / 365.25
        covered_until = max(covered_until, job.end)


def _cert_claims(
    certs: Iterable[CertMatch], categories: set[str], component: str, about_projects: bool = False
) -> Iterator[_Claim]:
    for cert in sorted(certs, key=lambda c: -c.weight):
        if cert.status == "held" and cert.category in categories:
            yield _Claim(component, f"Holds {cert.name}", cert.weight, cert.span, about_projects)


def _role_claims(jobs: Iterable[Job], component: str, rate_of: Callable[[Job], _Rate]) -> Iterator[_Claim]:
    for job, years in _fresh_years(jobs):
        rate = rate_of(job)
        label = f"{years:.1f} years as {job.title or 'a role'} ({rate.kind})"
        yield _Claim(component, label, years * rate.points, job.span, rate.about_projects)


def _project_role(catalogue: Catalogue) -> Callable[[Job], bool]:
    """Whether a management job is about running projects, programmes or delivery (by its title)."""
    project_titles = term_pattern(catalogue.role_titles.get("project", ()))
    return lambda job: job.management and has_term(project_titles, job.title)


def _management_rate(catalogue: Catalogue) -> Callable[[Job], _Rate]:
    """Points per year in a management job: full for running projects, programmes or delivery, less for
    managing people or operations (a store, a kitchen, sales), which a recruiter does not read as project
    management."""
    points = catalogue.scoring.points
    is_project_role = _project_role(catalogue)
    projects = _Rate(points["management_year"], "managing projects", about_projects=True)
    people = _Rate(points.get("people_management_year", points["management_year"]), "managing people")
    return lambda job: projects if is_project_role(job) else people


def _latest_end(jobs: Sequence[Job]) -> date | None:
    return max((job.end for job in jobs), default=None)


def _recent_project_role(jobs: Sequence[Job], catalogue: Catalogue) -> Job | None:
    """The latest project role of a year or more that ended near the candidate's latest job: what a
    recruiter reads first is what the candidate does now, however short the career before it."""
    latest = _latest_end(jobs)
    is_project_role = _project_role(catalogue)
    recent = [
        job
        for job in jobs
        if is_project_role(job)
        and job.years >= _RECENT_ROLE_YEARS
        and latest is not None
        and (latest - job.end).days <= _RECENT_ROLE_GAP_DAYS
    ]
    return max(recent, key=lambda job: job.end, default=None)


def _latest_work_elsewhere(jobs: Sequence[Job]) -> bool:
    """Whether the candidate's latest job, held for years, is neither management nor technical work: a
    technical degree from before a career in another field does not make a technical candidate."""
    latest = _latest_end(jobs)
    current = [job for job in jobs if job.end == latest]
    return bool(current) and all(
        not job.management and not job.technical and job.years >= _CAREER_YEARS for job in current
    )


def management_claims(found: Findings, catalogue: Catalogue) -> Iterator[_Claim]:
    points = catalogue.scoring.points
    yield from _cert_claims(found.certifications, {"management", "agile"}, "certifications", about_projects=True)
    for mention in _mentioned("practice", found):
        yield _Claim("practice areas", f"Practice: {mention.topic}", points["practice_area"], mention.span)
    for mention in _mentioned("project", found):
        label = f"Project work: {mention.topic}"
        yield _Claim("project work", label, points.get("project_line", 0.0), mention.span, True)
    yield from _role_claims([j for j in found.jobs if j.management], "management roles", _management_rate(catalogue))
    recent = _recent_project_role(found.jobs, catalogue)
    if recent is not None:
        label = f"Recent role managing projects: {recent.title}"
        yield _Claim("management roles", label, points.get("recent_project_role", 0.0), recent.span, True)
    for degree in found.degrees:
        if degree.management and degree.status == "completed":
            table = points["management_degree"]
            value = table["mba"] if degree.level == "mba" else table["other"]
            yield _Claim("management degree", f"Management degree: {degree.matched_text}", value, degree.span)


def _project_lines(lines: Sequence[Line], catalogue: Catalogue) -> Iterator[Mention]:
    """Each line of the work history or summary that speaks of projects, programmes or delivery: a project
    manager's CV is full of them, a sales or operations manager's is not."""
    pattern = term_pattern(catalogue.project_words)
    if pattern is None:
        return
    for line in lines:
        if line.section in _PROJECT_SECTIONS and not line.is_heading and pattern.search(line.text):
            yield Mention("project", _excerpt(line.text), _span(line))


def find_mentions(lines: Sequence[Line], catalogue: Catalogue) -> tuple[Mention, ...]:
    """The lines scoring counts for their words, in the order their claims are made."""
    skills = {s: (s,) for s in catalogue.technical_skills}
    return (
        *_first_mentions("practice", lines, catalogue.management_keywords, _PRACTICE_SECTIONS),
        *_project_lines(lines, catalogue),
        *_first_mentions("duty", lines, catalogue.technical_keywords, _PRACTICE_SECTIONS - {"skills"}),
        *_first_mentions("skill", lines, skills, _PRACTICE_SECTIONS),
    )


def _mentioned(kind: MentionKind, found: Findings) -> Iterator[Mention]:
    return (mention for mention in found.mentions if mention.kind == kind)


def _excerpt(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _degree_points(degree: Degree, level_points: Mapping[str, float]) -> float:
    """A degree still in progress counts half."""
    return level_points.get(degree.level, 0) * (1.0 if degree.status == "completed" else 0.5)


def technical_claims(found: Findings, catalogue: Catalogue) -> Iterator[_Claim]:
    points = catalogue.scoring.points
    level_points = points["degree"]
    # Only the highest technical degree counts: a master's includes the bachelor's before it.
    technical_degrees = [d for d in found.degrees if d.technical]
    if technical_degrees:
        degree = max(technical_degrees, key=lambda d: _degree_points(d, level_points))
        status = "" if degree.status == "completed" else " (in progress)"
        label = f"Technical degree: {degree.level} in {degree.field}{status}"
        yield _Claim("technical degree", label, _degree_points(degree, level_points), degree.span)
    technical_jobs = [j for j in found.jobs if j.technical]
    technical_rate = _Rate(points["technical_year"], "technical")
    yield from _role_claims(technical_jobs, "technical roles", lambda _job: technical_rate)
    yield from _cert_claims(found.certifications, {"technical"}, "technical certifications")
    for mention in _mentioned("duty", found):
        yield _Claim("technical duties", f"Technical work: {mention.topic}", points["technical_duty"], mention.span)
    for mention in _mentioned("skill", found):
        yield _Claim("technical skills", f"Skill: {mention.topic}", points["technical_skill"], mention.span)


def role_fit(axes: RoleSignals, thresholds: Mapping[str, float]) -> RoleFit:
    """tpm when both axes reach their thresholds; pm when only management does and enough of it shows
    running projects (managing people or operations alone is not project management).

    Without the management side, a specialist needs half the technical bar a TPM needs, as long as the
    technical evidence clearly outweighs the management and the candidate's latest work is not in another
    field (a junior engineer with a degree, skills and an internship is a technical candidate, not "other")."""
    if axes.management >= thresholds["management"]:
        if axes.technical >= thresholds["technical"]:
            return "tpm"
        if axes.projects >= _PROJECT_SHARE * thresholds["management"]:
            return "pm"
    if axes.technical >= thresholds["technical"]:
        return "technical"
    specialist = (
        axes.technical >= _SPECIALIST_SHARE * thresholds["technical"]
        and axes.technical >= _OUTWEIGHS * axes.management
        and not axes.latest_work_elsewhere
    )
    return "technical" if specialist else "other"


def score_candidate(found: Findings, catalogue: Catalogue) -> Scores:
    """Both axes as sums of capped evidence items, and the role fit they imply."""
    caps = catalogue.scoring.caps
    management = _capped(management_claims(found, catalogue), caps["management"])
    technical = _capped(technical_claims(found, catalogue), caps["technical"])
    axes = RoleSignals(
        management=round(sum(points for _, points in management), 1),
        technical=round(sum(points for _, points in technical), 1),
        projects=round(sum(points for claim, points in management if claim.about_projects), 1),
        latest_work_elsewhere=_latest_work_elsewhere(found.jobs),
    )
    evidence = _evidence("management", management) + _evidence("technical", technical)
    fit = role_fit(axes, catalogue.scoring.thresholds)
    return Scores(axes.management, axes.technical, fit, tuple(evidence))
