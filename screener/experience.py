"""Work history: date ranges, the jobs they anchor, and years of experience with overlaps merged."""

from __future__ import annotations

import calendar
import dataclasses
import logging
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from screener.models import Job, Line, Span

__all__ = [
    "DateRange",
    "at_reference_date",
    "extract_jobs",
    "find_date_ranges",
    "has_term",
    "looks_like_job_title",
    "merged_years",
    "resolve_end",
    "term_pattern",
    "years_where",
]

logger = logging.getLogger(__name__)

_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_MONTH_BY_PREFIX = {name[:3]: number for number, name in enumerate(_MONTH_NAMES, start=1)}
# Academic calendars: a season names the months of a term within one year.
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (1, 2)}

_YEAR = r"(?<!\d)(?:19|20)\d{2}(?!\d)"
_MONTH = r"(?<![a-z])(?:sept|" + "|".join(f"{name[:3]}(?:{name[3:]})?" for name in _MONTH_NAMES) + r")(?![a-z])"
_SEASON = r"(?<![a-z])(?:" + "|".join(_SEASON_MONTHS) + r")(?![a-z])"
_NUMERIC_MONTH = r"(?:0?[1-9]|1[0-2])"
_POINT = (
    rf"(?:{_MONTH}\.?,?\s*{_YEAR}"
    rf"|{_SEASON}\s+{_YEAR}"
    rf"|(?<![\d/.]){_NUMERIC_MONTH}/{_YEAR}"
    rf"|{_YEAR}[./-]{_NUMERIC_MONTH}(?![\d./-])"
    rf"|{_YEAR})"
)
_PRESENT = r"(?<![a-z])(?:present|current|now|today|to\s+date|date|ongoing)(?![a-z])"
_DASH = r"\s*(?:[-–—‒−]|(?<![a-z])(?:to|until|till|through)(?![a-z]))\s*"
_DATE_RANGE = re.compile(
    rf"(?:(?P<since>(?<![a-z])since)\s+|(?<![a-z])from\s+)?(?P<start>{_POINT})"
    rf"(?:{_DASH}(?:(?P<present>{_PRESENT})|(?P<end>{_POINT}))|(?P<open>\s*[-–—]\s*$))?",
    re.IGNORECASE,
)
_NUMERIC_POINT = re.compile(r"(?:(?P<m1>\d{1,2})/\d{4}|\d{4}[./-](?P<m2>\d{1,2}))")
# moderncv and similar templates put the start and the end of a range on two lines.
_DANGLING_AT_START = re.compile(rf"^[\W_]*{_POINT}\s*[-–—]\s*(?!{_POINT}|{_PRESENT})", re.IGNORECASE)
_DANGLING_AT_END = re.compile(rf"{_POINT}\s*[-–—]\s*$", re.IGNORECASE)
_LEADING_END = re.compile(rf"^\s*(?P<end>{_PRESENT}|{_POINT})[\s,.;:]*", re.IGNORECASE)

_BULLET = re.compile(r"^\s*[•·▪●◦‣∙*►➢✓-]\s*")
_HEADER_SEPARATOR = re.compile(r"\s*(?:\||•|·|—|–|\s-\s|,|\t|\s{3,}|(?<!\w)(?:at|@)(?!\w))\s*")
_FRAME = " \t,;:|•·()[]–—-*"
_COMPANY_SUFFIX = re.compile(r"\b(?:Inc|Ltd|Corp|Co|LLC|plc|GmbH|AG|S\.A|N\.V|B\.V)\.$")
_SENTENCE_PREPOSITION = re.compile(r"\b(?:in|by|of|on|at|from|during|before|after|until|since|for)\s*$")
_MAX_HEADER_WORDS = 14
_MAX_NEIGHBOUR_WORDS = 8

# Words that make a short line read as a job title rather than a name or an employer.
_ROLE_WORDS = re.compile(
    r"\b(?:manager|management|engineer|engineering|developer|director|head|lead|leader|architect|analyst"
    r"|consultant|administrator|specialist|coordinator|officer|owner|master|programmer|designer|scientist"
    r"|intern|assistant|associate|founder|co-founder|partner|president|vp|cto|ceo|cio|coo|sre|devops"
    r"|researcher|technician|teacher|tester|volunteer|member|executive|supervisor|trainee|contractor"
    r"|freelancer|principal|staff|senior|junior|pmo)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateRange:
    """A period read from text; start_index/end_index locate it in that text."""

    start: date
    end: date
    is_current: bool
    start_index: int
    end_index: int
    written_end: date | None = None  # before resolving against the reference date; None when current


def find_date_ranges(text: str, as_of: date) -> list[DateRange]:
    """Every date range in the text, endpoints resolved to days; 'Present' and its kin resolve to as_of."""
    return [_date_range(match, as_of) for match in _DATE_RANGE.finditer(text)]


def _date_range(match: re.Match[str], as_of: date) -> DateRange:
    start, start_last = _period(match["start"])
    is_current = bool(match["present"] or match["open"] or (match["since"] and not match["end"]))
    written_end = None if is_current else _range_end(match["end"], start) if match["end"] else start_last
    return DateRange(start, resolve_end(start, written_end, as_of), is_current, match.start(), match.end(), written_end)


def resolve_end(start: date, written_end: date | None, as_of: date) -> date:
    """The end a range counts to: the reference date for "Present"; a future or reversed end is clamped."""
    return max(start, min(written_end or as_of, as_of))


def at_reference_date(job: Job, as_of: date) -> Job:
    """The job with its end resolved again against another reference date ("Present" moves with it)."""
    if not job.open_ended and job.written_end is None:
        return job
    return dataclasses.replace(job, end=resolve_end(job.start, None if job.open_ended else job.written_end, as_of))


def _range_end(point: str, start: date) -> date:
    """A range's last day; a bare end year means the job ended early that year ("2015 – 2019" is 4 years)."""
    first, last = _period(point)
    has_month = first.month != 1 or last.month != 12
    return last if has_month or first.year == start.year else first


def _period(point: str) -> tuple[date, date]:
    """The first and last day a single date point covers."""
    year = int(re.findall(r"\d{4}", point)[0])
    words = point.lower()
    if season := next((name for name in _SEASON_MONTHS if name in words), None):
        first_month, last_month = _SEASON_MONTHS[season]
    elif month_name := re.match(r"[a-z]{3}", words):
        first_month = last_month = _MONTH_BY_PREFIX[month_name.group()]
    elif numeric := _NUMERIC_POINT.search(point):
        first_month = last_month = int(numeric["m1"] or numeric["m2"])
    else:
        first_month, last_month = 1, 12
    return date(year, first_month, 1), date(year, last_month, calendar.monthrange(year, last_month)[1])


def looks_like_job_title(text: str) -> bool:
    """True when a short text reads as a role ("Senior Software Engineer", "Head of Delivery")."""
    return _ROLE_WORDS.search(text) is not None


def extract_jobs(
    lines: Sequence[Line],
    as_of: date,
    management_title_terms: Collection[str],
    technical_title_terms: Collection[str],
    technical_duty_terms: Collection[str],
) -> tuple[Job, ...]:
    """The jobs listed in the experience section, each anchored on the line that carries its dates."""
    experience = [line for line in lines if line.section == "experience" and not line.is_heading]
    texts = _join_split_ranges([line.text for line in experience])
    anchors = [(index, found) for index, text in enumerate(texts) if (found := _job_dates(text))]
    headers: list[_JobHeader] = []
    for position, (anchor, found) in enumerate(anchors):
        floor = headers[-1].last_line if headers else -1
        ceiling = anchors[position + 1][0] if position + 1 < len(anchors) else len(texts)
        headers.append(_read_header(texts, anchor, found, floor, ceiling))
    management = term_pattern(management_title_terms)
    technical_title = term_pattern(technical_title_terms)
    technical_duty = term_pattern(technical_duty_terms)
    jobs = []
    for position, ((anchor, found), header) in enumerate(zip(anchors, headers, strict=True)):
        duties_end = headers[position + 1].first_line if position + 1 < len(headers) else len(texts)
        duties = tuple(duty for text in texts[header.last_line + 1 : duties_end] if (duty := _duty(text)))
        dates = _date_range(found, as_of)
        jobs.append(
            Job(
                title=header.title,
                employer=header.employer,
                start=dates.start,
                end=dates.end,
                management=has_term(management, header.title),
                technical=_is_technical(header.title, duties, technical_title, technical_duty),
                span=_span(experience[anchor]),
                duties=duties,
                written_end=dates.written_end,
                open_ended=dates.is_current,
            )
        )
    return tuple(jobs)


def _join_split_ranges(texts: list[str]) -> list[str]:
    """Move a range's end from the start of the next line to the dangling dash it belongs to."""
    joined = list(texts)
    for index in range(len(joined) - 1):
        ending = _LEADING_END.match(joined[index + 1])
        if ending is None:
            continue
        text = joined[index]
        if at_start := _DANGLING_AT_START.match(text):
            joined[index] = f"{text[: at_start.end()]}{ending['end']} {text[at_start.end() :]}".strip()
        elif _DANGLING_AT_END.search(text):
            joined[index] = f"{text.rstrip()} {ending['end']}"
        else:
            continue
        joined[index + 1] = joined[index + 1][ending.end() :]
    return joined


def _job_dates(text: str) -> re.Match[str] | None:
    """The range that makes this line a job's anchor: at the start or end of a short line."""
    is_bullet = _BULLET.match(text) is not None
    for found in _DATE_RANGE.finditer(text):
        before, after = text[: found.start()].strip(_FRAME), text[found.end() :].strip(_FRAME)
        is_range = any(found[group] for group in ("end", "present", "open", "since"))
        if (before and after) or (is_bullet and not is_range):
            continue
        if len(f"{before} {after}".split()) > _MAX_HEADER_WORDS:
            continue
        if not is_range and not after and _SENTENCE_PREPOSITION.search(text[: found.start()]):
            logger.debug("date ends a sentence, not a job: %r", text)
            continue
        return found
    return None


@dataclass(frozen=True)
class _JobHeader:
    title: str
    employer: str
    first_line: int
    last_line: int


def _read_header(texts: Sequence[str], anchor: int, found: re.Match[str], floor: int, ceiling: int) -> _JobHeader:
    """Title and employer from the anchor line, or from the short lines just above and below it."""
    text = texts[anchor]
    parts = [part for part in _header_parts(f"{text[: found.start()]} {text[found.end() :]}") if part]
    title_at = next((i for i, part in enumerate(parts) if looks_like_job_title(part)), None)
    if title_at is not None and len(parts) > 1:
        return _JobHeader(parts[title_at], parts[0] if title_at else parts[1], anchor, anchor)
    above = anchor - 1 if anchor - 1 > floor and _is_header_line(texts[anchor - 1]) else None
    below = anchor + 1 if anchor + 1 < ceiling and _is_header_line(texts[anchor + 1]) else None
    nearest = above if above is not None else below
    if title_at is not None:  # the anchor line holds only the role; the employer sits next to it
        return _header_with(texts, anchor, parts[0], None, "", nearest)
    # A role below an employer line is the common layout; above comes first only for a bare date line.
    order = (below, above) if parts else (above, below)
    titled = next((i for i in order if i is not None and looks_like_job_title(texts[i])), None)
    if parts and titled is not None:
        return _header_with(texts, anchor, "", titled, parts[0], None)
    if parts:
        employer = parts[1] if len(parts) > 1 else ""
        return _header_with(texts, anchor, parts[0], None, employer, None if employer else nearest)
    title_line = titled if titled is not None else above
    employer_line = next((i for i in (above, below) if i is not None and i != title_line), None)
    return _header_with(texts, anchor, "", title_line, "", employer_line)


def _header_with(
    texts: Sequence[str],
    anchor: int,
    title: str,
    title_line: int | None,
    employer: str,
    employer_line: int | None,
) -> _JobHeader:
    """A header whose missing title or employer is read from the given neighbouring line."""
    if title_line is not None:
        parts = _header_parts(texts[title_line])
        title = next((part for part in parts if looks_like_job_title(part)), parts[0])
    if employer_line is not None:
        employer = _header_parts(texts[employer_line])[0]
    used = [anchor, *(line for line in (title_line, employer_line) if line is not None)]
    return _JobHeader(title, employer, min(used), max(used))


def _header_parts(text: str) -> list[str]:
    return [part.strip(_FRAME) for part in _HEADER_SEPARATOR.split(text)]


def _is_header_line(text: str) -> bool:
    """A short, capitalised, non-bullet line that is not a sentence: a title or an employer."""
    stripped = text.strip()
    return (
        bool(stripped)
        and (stripped[0].isupper() or stripped[0].isdigit())
        and not _BULLET.match(text)
        and (not stripped.endswith(".") or _COMPANY_SUFFIX.search(stripped) is not None)
        and len(stripped.split()) <= _MAX_NEIGHBOUR_WORDS
    )


def _duty(text: str) -> str:
    return _BULLET.sub("", text).strip()


def term_pattern(terms: Collection[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern matching any of the terms as whole words; None when there are none."""
    return _compiled_terms(
        tuple(sorted({term.strip().lower() for term in terms if term.strip()}, key=len, reverse=True))
    )


@lru_cache(maxsize=32)
def _compiled_terms(alternatives: tuple[str, ...]) -> re.Pattern[str] | None:
    # Cached: the same catalogue lists are compiled for every CV of a batch.
    if not alternatives:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, alternatives)) + r")(?!\w)", re.IGNORECASE)


def has_term(pattern: re.Pattern[str] | None, text: str) -> bool:
    return pattern is not None and pattern.search(text) is not None


def _is_technical(
    title: str, duties: Sequence[str], technical_title: re.Pattern[str] | None, technical_duty: re.Pattern[str] | None
) -> bool:
    """A technical title, or at least two distinct technical duties."""
    if has_term(technical_title, title):
        return True
    if technical_duty is None:
        return False
    return len({found.group().lower() for found in technical_duty.finditer(" ".join(duties))}) >= 2


def _span(line: Line) -> Span:
    return Span(line.text, line.page, line.box, line.section)


def merged_years(jobs: Iterable[Job]) -> float:
    """Years covered by the jobs, overlapping and nested periods counted once, gaps left out."""
    blocks: list[list[date]] = []  # [start, end] of each stretch without a gap, in order
    for start, end in sorted((job.start, job.end) for job in jobs):
        if blocks and start <= blocks[-1][1] + timedelta(days=1):
            blocks[-1][1] = max(blocks[-1][1], end)
        else:
            blocks.append([start, end])
    return round(sum((end - start).days for start, end in blocks) / 365.25, 1)


def years_where(jobs: Iterable[Job], predicate: Callable[[Job], bool]) -> float:
    """Merged years over the jobs that satisfy the predicate (e.g. management or technical roles)."""
    return merged_years(job for job in jobs if predicate(job))
