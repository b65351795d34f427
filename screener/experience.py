"""Work history: date ranges, the jobs they anchor, and years of experience with overlaps merged."""

from __future__ import annotations

import calendar
import dataclasses
import logging
import re
from collections import Counter
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

# Month words as CVs write them in English, German, French, Spanish, Portuguese, Dutch and Italian, with
# their usual abbreviations; each maps to its month number. Accents are listed with and without.
_MONTH_WORDS: dict[str, int] = {
    word: number
    for number, words in enumerate(
        (
            "january jan januar jänner jänner jän jan januari janvier janv enero ene janeiro gennaio gen",
            "february feb februar feber februari février fevrier févr fevr febrero fevereiro fev febbraio",
            "march mar märz marz maerz mrz maart mrt mars marzo março marco",
            "april apr avril avr abril abr aprile",
            "may mai mei mayo maio maggio mag",
            "june jun juni juin junio junho giugno giu",
            "july jul juli juillet juil julio julho luglio lug",
            "august aug augustus août aout agosto ago",
            "september sep sept septembre septiembre setiembre setembro settembre set",
            "october oct oktober okt octobre octubre outubro out ottobre ott",
            "november nov novembre noviembre novembro",
            "december dec dezember dez décembre decembre déc diciembre dic dezembro dicembre",
        ),
        start=1,
    )
    for word in words.split()
}
# Academic calendars: a season names the months of a term within one year.
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (1, 2)}

_YEAR = r"(?:(?<!\d)(?:19|20)\d{2}(?!\d)|['’]\d{2}(?!\d)|(?<![\d.,/])\d{2}['’](?![a-z]))"
_MONTH = r"(?<![a-zà-ÿ])(?:" + "|".join(sorted(map(re.escape, _MONTH_WORDS), key=len, reverse=True)) + r")(?![a-zà-ÿ])"
_SEASON = r"(?<![a-z])(?:" + "|".join(_SEASON_MONTHS) + r")(?![a-z])"
_NUMERIC_MONTH = r"(?:0?[1-9]|1[0-2])"
_POINT = (
    # A day may stand before a month's name ("30 Septembre, 2019", "1. März 2019"); Spanish and Portuguese
    # join month and year with "de" ("dezembro de 2024").
    rf"(?:(?:(?<!\d)[0-3]?\d\.?\s+)?{_MONTH}\.?,?\s*(?:de\s+)?{_YEAR}"
    rf"|{_MONTH}\.?\s+[0-3]?\d(?:st|nd|rd|th)?,\s*{_YEAR}"
    rf"|{_SEASON}\s+{_YEAR}"
    # Day, month and year in figures read as day first ("08/02/2013" is February), as Europe writes them.
    rf"|(?<![\d/.])(?:[0-3]?\d[./])?{_NUMERIC_MONTH}[./-](?:19|20)\d{{2}}(?!\d|[./]\d)"
    rf"|(?:19|20)\d{{2}}[./-]{_NUMERIC_MONTH}(?![\d./-])"
    rf"|{_YEAR})"
)
# "Present" and its kin in the same languages; an ellipsis leaves a range open as well.
_PRESENT = (
    r"(?<![a-zà-ÿ])(?:present|presente|présent|current|currently|now|today|to\s+date|date|ongoing|heute|jetzt"
    r"|aktuell|derzeit|laufend|aujourd['’]hui|actuel|actuelle|actuellement|maintenant|en\s+cours|actualidad"
    r"|actualmente|actual|la\s+fecha|atual|atualmente|o\s+momento|heden|nu|huidig|oggi|attuale|in\s+corso"
    r"|bis\s+heute|bis\s+jetzt|à\s+ce\s+jour|ce\s+jour)"
    r"(?![a-zà-ÿ])|\.\.\.|…"
)
_CONNECTOR = (
    r"(?:[-–—‒−]|(?<![a-zà-ÿ])(?:to|until|till|through|bis|à|au|jusqu['’]à|a|al|hasta|até|tot|fino\s+a)"
    r"(?![a-zà-ÿ]))"
)
_DASH = rf"\s*{_CONNECTOR}\s*"
_SINCE = r"(?<![a-zà-ÿ])(?:since|seit|ab|depuis|desde|dal|sinds|a\s+partir\s+de)"
_FROM = r"(?<![a-zà-ÿ])(?:from|von|vom|du|de|del|van)"
# Where a range can start: a digit, an apostrophe ('19) or a letter opening a word. Checked first, it spares
# the many alternatives below at every other position of a line.
_RANGE_OPENING = r"(?:(?=[\d'’])|(?<![a-z])(?=[^\W\d_]))"
_DATE_RANGE = re.compile(
    rf"{_RANGE_OPENING}(?:(?P<since>{_SINCE})\s+|{_FROM}\s+)?(?P<start>{_POINT})"
    rf"(?:{_DASH}(?:(?P<present>{_PRESENT})|(?P<end>{_POINT}))|(?P<open>\s*[-–—]\s*$))?",
    re.IGNORECASE,
)
# Every date point holds a year, written with two digits in a row at least: a text without them has no dates,
# which one quick search tells before the date patterns run.
_TWO_DIGITS = re.compile(r"\d\d")
_NUMERIC_POINT = re.compile(r"(?:(?P<m1>\d{1,2})[./-](?:19|20)\d{2}|(?:19|20)\d{2}[./-](?P<m2>\d{1,2}))")
_MONTH_WORD = re.compile(_MONTH, re.IGNORECASE)
_FULL_YEAR = re.compile(r"(?:19|20)\d{2}")
_SHORT_YEAR = re.compile(r"\d{2}")
# moderncv and similar templates put the start and the end of a range on two lines.
_DANGLING_AT_START = re.compile(rf"^[\W_]*{_POINT}\s*[-–—]\s*(?!\s|{_POINT}|{_PRESENT})", re.IGNORECASE)
_DANGLING_AT_END = re.compile(rf"{_POINT}\s*{_CONNECTOR}\s*$", re.IGNORECASE)
# livecareer-style pages set "September 2015", "to" and "Current" on three lines.
_CONNECTOR_ALONE = re.compile(rf"^\s*{_CONNECTOR}\s*$", re.IGNORECASE)
_ENDS_WITH_POINT = re.compile(rf"{_POINT}\s*$", re.IGNORECASE)
_LEADING_END = re.compile(rf"^\s*(?P<end>{_PRESENT}|{_POINT})[\s,.;:]*", re.IGNORECASE)
# A table cell or a narrow column wraps a range anywhere: after its connector ("September 2020 to" over "October
# 2022"), before it ("Sep 2020" over "– Oct 2022") or inside the end ("October 2023 to June" over "2024"). The
# wrapped line sits under the cell's first line, closer than the next row or entry (as blocks.py has it).
_MAX_WRAP_PITCH_EM = 1.9
# Months of one year written once: "Jul–Aug 2018" and "2018, Jul-Aug" are "Jul 2018 – Aug 2018".
_MONTHS_THEN_YEAR = re.compile(rf"(?P<first>{_MONTH})\.?\s*[-–—]\s*(?P<last>{_MONTH})\.?,?\s+(?P<year>{_YEAR})", re.I)
_YEAR_THEN_MONTHS = re.compile(rf"(?P<year>{_YEAR}),?\s+(?P<first>{_MONTH})\.?\s*[-–—]\s*(?P<last>{_MONTH})\b\.?", re.I)
# UTF-8 dashes and bullets read as Windows-1252 ("â€“"), and a full-width bar read as Latin-1 ("ï¼"), as
# HTML-printed resumes often carry them.
_MOJIBAKE = (("â€“", "–"), ("â€”", "—"), ("â€¢", "•"), ("â—¦", "•"), ("ï1⁄4", "–"), ("ï¼", "–"))
_PAGE_MARK = re.compile(r"\b(?:page|seite|pagina|página|pag\.)\s*\d+\s*(?:/|of|von|de|di|sur|van)\s*\d+", re.I)
# LinkedIn and others print a job's length after its dates: "(5 years 6 months)", "(1 ano 4 meses)".
_DURATION = re.compile(
    r"\(\s*(?:less than\s+)?\d+\+?\s*(?:years?|yrs?|months?|mos?|anos?|meses|mois|ans?|jahre?|monate?|jaar"
    r"|maanden|maand|anni|anno|mesi|mese|años|año|mês|mes)\b[^)]*\)",
    re.IGNORECASE,
)
# Entries in a work history that are not work: study, training, certifications and volunteering.
_NOT_WORK = re.compile(
    r"(?<![^\W\d_])(?:volunteer\w*|voluntari\w*|volontari\w*|ehrenamt\w*|b[ée]n[ée]vol\w*|vrijwillig\w*"
    r"|certification|weiterbildung|fortbildung|umschulung|boot\s?camp|degree|bachelor\w*|master\s+of|master['’]s"
    r"|diploma|dipl[oô]me)(?![^\W\d_])",
    re.IGNORECASE,
)
# LaTeX sets some accents as a separate mark after a space ("M ̈arz"); the mark is dropped.
_LOOSE_ACCENT = re.compile(r"\s?[\u0300-\u036f]")

_BULLET = re.compile(r"^\s*[•·▪●◦‣∙*►➢✓-]\s*")
_HEADER_SEPARATOR = re.compile(r"\s*(?:\||•|·|—|–|\s-\s|,|\t|\s{3,}|(?<!\w)(?:at|@)(?!\w))\s*")
_FRAME = " \t,;:|•·()[]–—-*"
_COMPANY_SUFFIX = re.compile(r"\b(?:Inc|Ltd|Corp|Co|LLC|plc|GmbH|AG|S\.A|N\.V|B\.V)\.$")
# "Director, Supply Chain Systems" on a line of its own: a bare rank, then the department it heads, which is
# part of the role (the employer is written elsewhere); a company after the comma keeps the usual split.
_RANK_AND_DEPARTMENT = re.compile(
    r"(?:(?:senior|sr\.?|assistant|associate|deputy|executive|general|vice)\s+)?"
    r"(?:manager|director|head|lead|chief|officer|supervisor|coordinator|vice president|vp|president)"
    r"\s*,\s*(?P<department>[^,|•·–—]+)",
    re.IGNORECASE,
)
_COMPANY_WORD = re.compile(r"\b(?:Inc|Ltd|Corp|Corporation|Co|LLC|plc|GmbH|AG|S\.A|N\.V|B\.V|Company)\b\.?")
_SENTENCE_PREPOSITION = re.compile(r"\b(?:in|by|of|on|at|from|during|before|after|until|since|for)\s*$")
_MAX_HEADER_WORDS = 14
_MAX_LOWERCASE_TAIL = 4  # "2014 – 2016 bei Siemens AG": a short lower-case tail is still a header
# A point written with its day ("30. April 1981", "25/05/1990", "August 1, 2014").
_WITH_DAY = re.compile(r"^\s*[0-3]?\d(?:\.?\s+[^\W\d_]|[./]\d{1,2}[./])|^[^\W\d_]+\.?\s+[0-3]?\d\D", re.I)
_TWO_LETTERS = re.compile(r"[^\W_]{2}")
_SENTENCE_END = re.compile(r"(?:[a-z]{3}|\d{4})\.\s*$")
_MAX_NEIGHBOUR_WORDS = 8
# Two duty terms are often everyday words any trade uses ("developed a menu, implemented a rota"); three
# distinct ones make hands-on technical work.
_TECHNICAL_DUTIES = 3
_PARENTHETICAL = re.compile(r"\([^)]*\)?")  # "Engineer II (Managed Process and Automation Groups)"

# Words that make a short line read as a job title rather than a name or an employer, in the languages of
# the month words; occupations that are also common surnames (Cook, Driver, Mason) are left out.
_ROLE_WORDS = re.compile(
    r"\b(?:manager|management|engineer|engineering|developer|director|head|lead|leader|architect|analyst"
    r"|consultant|administrator|specialist|coordinator|officer|owner|master|programmer|designer|scientist"
    r"|intern|assistant|associate|founder|co-founder|partner|president|vp|cto|ceo|cio|coo|sre|devops"
    r"|researcher|technician|teacher|tester|volunteer|member|executive|supervisor|trainee|contractor"
    r"|freelancer|principal|staff|senior|junior|pmo"
    r"|representative|agent|advocate|clerk|nurse|instructor|tutor|lecturer|professor|accountant|controller"
    r"|auditor|advisor|adviser|attorney|paralegal|editor|writer|sergeant|dispatcher|estimator|superintendent"
    r"|foreman|mechanic|electrician|plumber|pipefitter|operator|cashier|receptionist|secretary|planner|buyer"
    r"|recruiter|student|apprentice|fellow|examiner|expert|strategist|therapist|pharmacist|technologist"
    r"|inspector|surveyor|drafter|machinist|translator|bookkeeper|underwriter|salesperson|chef"
    # French, German, Spanish, Portuguese, Italian and Dutch
    r"|ing[ée]nieure?|d[ée]veloppeur|d[ée]veloppeuse|responsable|directeur|directrice|charg[ée]e?|technicien"
    r"|technicienne|stagiaire|alternant|apprenti|enseignant|enseignante|architecte|administrateur|analyste"
    r"|concepteur|gestionnaire|conseill[eè]re?|g[ée]rante?|adjointe?"
    r"|\w*(?:entwickler|leiter|ingenieur|berater|architekt|informatiker|techniker|manager|referent)(?:in)?"
    r"|sachbearbeiter(?:in)?|mitarbeiter(?:in)?|werkstudent(?:in)?|praktikant(?:in)?|praktikum"
    r"|gesch[äa]ftsf[üu]hrer(?:in)?|desarrollador(?:a)?|ingeniero|ingeniera|jefe|jefa|gerente|coordinador(?:a)?"
    r"|analista|consultor(?:a)?|t[ée]cnico|t[ée]cnica|programador(?:a)?|administrador(?:a)?|becario|becaria"
    r"|practicante|desenvolvedor(?:a)?|engenheiro|engenheira|coordenador(?:a)?|estagi[áa]ri[oa]"
    r"|sviluppatore|sviluppatrice|ingegnere|responsabile|consulente|programmatore|stagista|tirocinante"
    r"|capo\s+progetto|\w*ontwikkelaar|\w*leider|adviseur|medewerker|beheerder|stagiair)\b",
    re.IGNORECASE,
)
# Resumes anonymised at their source (livecareer) write every employer as "Company Name" and its place as
# "City , State", often on one line with the title: the placeholder parts a header into title and employer.
# The place may stand on either side, and "City , State" alone is a place too ("City" alone may be a name).
_ANONYMISED_EMPLOYER = re.compile(
    r"(?:\bCity\s*,\s*State\s*[-–—|,/]?\s*|\bCity\s+)?\bCompany Name\b"
    r"(?:\s*[-–—|,/]?\s*City\b)?(?:\s*[-–—|,/]?\s*State\b)?"
)
_ANONYMISED_PLACE = re.compile(r"\bCity\s*,\s*State\b")
_EMPLOYER_PLACEHOLDER = "Company Name"


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
    if not _TWO_DIGITS.search(text):
        return []
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
    end = resolve_end(job.start, None if job.open_ended else job.written_end, as_of)
    return job if end == job.end else dataclasses.replace(job, end=end)  # a copy costs more than the check


def _range_end(point: str, start: date) -> date:
    """A range's last day; a bare end year means the job ended early that year ("2015 – 2019" is 4 years)."""
    first, last = _period(point)
    has_month = first.month != 1 or last.month != 12
    return last if has_month or first.year == start.year else first


def _period(point: str) -> tuple[date, date]:
    """The first and last day a single date point covers."""
    year = _year(point)
    words = point.lower()
    if season := next((name for name in _SEASON_MONTHS if name in words), None):
        first_month, last_month = _SEASON_MONTHS[season]
    elif month_word := _MONTH_WORD.search(point):
        first_month = last_month = _MONTH_WORDS[month_word.group().lower()]
    elif numeric := _NUMERIC_POINT.search(point):
        first_month = last_month = int(numeric["m1"] or numeric["m2"])
    else:
        first_month, last_month = 1, 12
    return date(year, first_month, 1), date(year, last_month, calendar.monthrange(year, last_month)[1])


def _year(point: str) -> int:
    """The point's year; a two-digit year ("'19", "10’") is this century's up to 2040, else the last."""
    if full := _FULL_YEAR.search(point):
        return int(full.group())
    short = int(_SHORT_YEAR.findall(point)[-1])
    return 2000 + short if short <= 40 else 1900 + short


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
    """The jobs listed in the experience section, each anchored on the line that carries its dates.

    Entries that are study, training, certification or volunteering are left out: they are not
    professional experience. A job not begun by the reference date stays, covering no time.
    """
    in_section = [line for line in lines if line.section == "experience" and not line.is_heading]
    # Lines whose text was moved into a range above (or was a page footer) are left out.
    experience, texts = _kept(in_section, _readable_texts(in_section))
    anchors = [(index, found) for index, text in enumerate(texts) if (found := _job_dates(text))]
    headers = _headers(experience, texts, anchors)
    management = term_pattern(management_title_terms)
    technical_title = term_pattern(technical_title_terms)
    technical_duty = term_pattern(technical_duty_terms)
    ranges = _current_job_opened([_date_range(found, as_of) for _, found in anchors], anchors, as_of)
    jobs = []
    for position, ((anchor, _), header, dates) in enumerate(zip(anchors, headers, ranges, strict=True)):
        if _NOT_WORK.search(f"{header.title} {texts[anchor]}"):
            continue
        duties_end = headers[position + 1].first_line if position + 1 < len(headers) else len(texts)
        duties = tuple(duty for text in texts[header.last_line + 1 : duties_end] if (duty := _duty(text)))
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


def _headers(
    experience: Sequence[Line], texts: Sequence[str], anchors: Sequence[tuple[int, re.Match[str]]]
) -> list[_JobHeader]:
    """Each anchor's title and employer, read in order so that no entry takes the lines of the one before."""
    headers: list[_JobHeader] = []
    anchor_lines = {anchor for anchor, _ in anchors}
    title_offset = _title_offset(texts, anchors)
    for position, (anchor, found) in enumerate(anchors):
        floor = headers[-1].last_line if headers else -1
        following = anchors[position + 1] if position + 1 < len(anchors) else None
        ceiling = _ceiling(texts, following, title_offset) if following else len(texts)
        partner = _row_partner(experience, texts, anchor, found)
        if partner is not None and partner not in anchor_lines:
            headers.append(_header_beside(texts, anchor, partner, anchor_lines))
        else:
            headers.append(_read_header(texts, anchor, found, (floor, ceiling), title_offset))
    return headers


def _kept(lines: Sequence[Line], texts: Sequence[str]) -> tuple[list[Line], list[str]]:
    kept = [(line, text) for line, text in zip(lines, texts, strict=True) if text.strip()]
    return [line for line, _ in kept], [text for _, text in kept]


def _current_job_opened(
    ranges: list[DateRange], anchors: Sequence[tuple[int, re.Match[str]]], as_of: date
) -> list[DateRange]:
    """The ranges, the first one running to the reference date when it is only a start month.

    A CV lists the current job first and often writes only when it began ("March 2015"); a lone month
    that is the latest start of all is that job, not a one-month job.
    """
    if not ranges:
        return ranges
    first, found = ranges[0], anchors[0][1]
    lone_month = not any(found[group] for group in ("end", "present", "open", "since"))
    has_month = _MONTH_WORD.search(found["start"]) or _NUMERIC_POINT.search(found["start"])
    if not lone_month or not has_month or first.start < max(r.start for r in ranges):
        return ranges
    opened = dataclasses.replace(first, end=resolve_end(first.start, None, as_of), is_current=True, written_end=None)
    return [opened, *ranges[1:]]


def _readable_texts(experience: Sequence[Line]) -> list[str]:
    """The lines' texts with each date range whole: months of one year spelled out, split ranges joined."""
    texts = [_spell_out_months(_repaired(line.text)) if _is_body(line.text) else "" for line in experience]
    return _join_split_ranges(_join_ranges_wrapped_in_cell(experience, _attach_lone_connectors(texts)))


def _repaired(text: str) -> str:
    """Dashes and bullets that a wrong text encoding turned into letters read as dashes and bullets again."""
    for garbled, meant in _MOJIBAKE:
        text = text.replace(garbled, meant)
    return _LOOSE_ACCENT.sub("", text)


def _is_body(text: str) -> bool:
    """False for a running page header or footer ("Page 1 / 3"), whose dates are the document's own."""
    return _PAGE_MARK.search(text) is None


def _spell_out_months(text: str) -> str:
    """ "Jul–Aug 2018" and "2018, Jul-Aug" become "Jul 2018 – Aug 2018", a range the date pattern reads."""
    if not _TWO_DIGITS.search(text):
        return text
    for pattern in (_MONTHS_THEN_YEAR, _YEAR_THEN_MONTHS):
        text = pattern.sub(lambda m: f"{m['first']} {m['year']} – {m['last']} {m['year']}", text)
    return text


def _attach_lone_connectors(texts: list[str]) -> list[str]:
    """A line that is only "to" or a dash joins the date above it, so the range's end can follow."""
    joined = list(texts)
    for index in range(1, len(joined)):
        if _CONNECTOR_ALONE.match(joined[index]) and _ENDS_WITH_POINT.search(joined[index - 1]):
            joined[index - 1] = f"{joined[index - 1].rstrip()} {joined[index].strip()}"
            joined[index] = ""
    return joined


def _join_ranges_wrapped_in_cell(experience: Sequence[Line], texts: list[str]) -> list[str]:
    """Move the rest of a range, wrapped onto the next line of its cell, back beside the range's start.

    The line below must be right under the cell, flush with it, and hold nothing else; the two parts must
    read as one whole range together, which two entries' dates ("March 2019" over "June 2016") or an open
    range over an earlier year ("2019 –" over "2015") do not.
    """
    joined = list(texts)
    for index, text in enumerate(joined):
        following = _next_text(joined, index)
        if following is None or not _wraps_under(experience[index], experience[following]):
            continue
        cell, separator, other_cells = text.partition(" | ")
        dates = f"{cell.strip()} {joined[following].strip()}"
        if _is_one_range(dates):
            joined[index], joined[following] = f"{dates}{separator}{other_cells}", ""
    return joined


def _is_one_range(text: str) -> bool:
    """True when the text is one date range from start to end (or "Present"), not running backwards."""
    found = _DATE_RANGE.fullmatch(text)
    return found is not None and bool(found["end"] or found["present"]) and not _runs_backwards(text)


def _runs_backwards(dates: str) -> bool:
    """True when a range in the text ends before it starts: "2019 –" over "2015" are two entries' dates."""
    ranges = _DATE_RANGE.finditer(dates)
    return any(found["end"] and _period(found["end"])[1] < _period(found["start"])[0] for found in ranges)


def _wraps_under(upper: Line, lower: Line) -> bool:
    """True when `lower` is the next line of the same cell or column: flush left with `upper`, right below it."""
    pitch = lower.box.bottom - upper.box.bottom
    flush = abs(lower.box.x0 - upper.box.x0) <= max(upper.size, 1.0)
    return lower.page == upper.page and flush and 0 < pitch <= _MAX_WRAP_PITCH_EM * max(upper.size, 1.0)


def _next_text(texts: Sequence[str], index: int) -> int | None:
    """The index of the first non-empty text after `index`: lines moved into a range above are left empty."""
    return next((i for i in range(index + 1, len(texts)) if texts[i].strip()), None)


def _join_split_ranges(texts: list[str]) -> list[str]:
    """Move a range's end from the start of the next line to the dangling dash it belongs to."""
    joined = list(texts)
    for index in range(len(joined) - 1):
        following = _next_text(joined, index)
        ending = _LEADING_END.match(joined[following]) if following is not None else None
        if following is None or ending is None:
            continue
        if (completed := _completed_range(joined[index], ending["end"])) is not None:
            joined[index], joined[following] = completed, joined[following][ending.end() :]
    return joined


def _completed_range(text: str, end: str) -> str | None:
    """The text with `end` after its dangling dash; None without one, or when the range would run backwards."""
    if at_start := _DANGLING_AT_START.match(text):
        dates = f"{text[: at_start.end()]}{end}"
        completed = f"{dates} {text[at_start.end() :]}".strip()
    elif at_end := _DANGLING_AT_END.search(text):
        dates, completed = f"{at_end.group().rstrip()} {end}", f"{text.rstrip()} {end}"
    else:
        return None
    return None if _runs_backwards(dates) else completed


def _job_dates(text: str) -> re.Match[str] | None:
    """The range that makes this line a job's anchor: in a short line that is not a sentence.

    A range may stand between the title and the employer ("Analyst 06/2014 to Current Acme City, State"),
    and the duties may run on after it in the same line; a single date or a "since" stands only at the
    start or the end, and not where a sentence ends in it ("... in 2018", "... since 1999.").
    """
    if not _TWO_DIGITS.search(text):
        return None
    is_bullet = _BULLET.match(text) is not None
    for found in _DATE_RANGE.finditer(text):
        before, after = _beside(text[: found.start()]), _beside(text[found.end() :])
        is_span = any(found[group] for group in ("end", "present", "open"))
        if not is_span and (is_bullet or _WITH_DAY.match(found["start"])):
            continue  # a single full date is a birth date or a signature's date, not a job
        long_before = len(before.split()) > _MAX_NEIGHBOUR_WORDS
        if len(f"{before} {after}".split()) > _MAX_HEADER_WORDS and (long_before or not is_span):
            continue
        if after[:1].islower() and (not is_span or len(after.split()) > _MAX_LOWERCASE_TAIL):
            continue  # the line goes on with a sentence wrapped from above ("2000 - 2012 servers); managed")
        if before and ((after and not is_span) or _reads_as_sentence(text, found, after)):
            logger.debug("date within a sentence, not a job: %r", text)
            continue
        return found
    return None


def _reads_as_sentence(text: str, found: re.Match[str], after: str) -> bool:
    """A date after a preposition ("in 2018"), or in a line ending in a full stop after a word."""
    if _SENTENCE_PREPOSITION.search(text[: found.start()]) and (not after or found["since"] is None):
        return True
    return not found["end"] and not found["present"] and _SENTENCE_END.search(text) is not None


def _beside(text: str) -> str:
    """Text beside a date, without separators and icon glyphs (a lone letter or symbol of an icon font)."""
    stripped = text.strip(_FRAME)
    return stripped if _TWO_LETTERS.search(stripped) else ""


@dataclass(frozen=True)
class _JobHeader:
    title: str
    employer: str
    first_line: int
    last_line: int


def _read_header(
    texts: Sequence[str], anchor: int, found: re.Match[str], bounds: tuple[int, int], title_offset: int | None
) -> _JobHeader:
    """Title and employer from the anchor line, or from the short lines just above and below it.

    bounds are the lines the neighbouring entries hold; title_offset is where this CV sets its titles
    relative to the dates, when its entries agree on one.
    """
    parts = _anchor_parts(texts[anchor], found)
    title_at = _title_index(parts)
    if title_at is not None and len(parts) > 1:
        return _JobHeader(parts[title_at], _employer_part(parts, title_at), anchor, anchor)
    above, below = _header_run(texts, anchor, -1, bounds[0]), _header_run(texts, anchor, 1, bounds[1])
    nearest = next(iter(above + below), None)
    if title_at is not None:  # the anchor line holds only the role; the employer sits next to it
        return _header_with(texts, anchor, parts[0], None, "", nearest)
    # A role below an employer line is the common layout; above comes first only for a bare date line.
    order = [*below, *above] if parts else [*above, *below]
    order.sort(key=lambda index: index - anchor != title_offset)
    titled = next((i for i in order if _title_index(_header_parts(texts[i])) is not None), None)
    employers = [part for part in parts if part == _EMPLOYER_PLACEHOLDER]
    others = [part for part in parts if part != _EMPLOYER_PLACEHOLDER]
    if parts and titled is not None:
        return _header_with(texts, anchor, "", titled, (employers or parts)[0], None)
    if others:
        employer = (employers or others[1:] or [""])[0]
        return _header_with(texts, anchor, others[0], None, employer, None if employer else nearest)
    title_line = titled if titled is not None else next(iter(above or below), None)
    employer_line = None if employers else next((i for i in (*above[:1], *below[:1]) if i != title_line), None)
    return _header_with(texts, anchor, "", title_line, (employers or [""])[0], employer_line)


def _anchor_parts(text: str, found: re.Match[str]) -> list[str]:
    """The header parts written on the anchor line beside its dates, without the job's written length."""
    after = _DURATION.sub("", text[found.end() :])
    return [part for part in _header_parts(f"{_beside(text[: found.start()])} | {after}") if _TWO_LETTERS.search(part)]


def _title_index(parts: Sequence[str]) -> int | None:
    """The part naming the role: one with a role word, else the part beside an anonymised employer."""
    named = next((i for i, part in enumerate(parts) if _is_named_role(part)), None)
    if named is not None or _EMPLOYER_PLACEHOLDER not in parts:
        return named
    return next((i for i, part in enumerate(parts) if part and part != _EMPLOYER_PLACEHOLDER), None)


def _is_named_role(part: str) -> bool:
    return part != _EMPLOYER_PLACEHOLDER and looks_like_job_title(part)


def _employer_part(parts: Sequence[str], title_at: int) -> str:
    """The anonymised employer when there is one, else the part before the title or, first, after it."""
    if _EMPLOYER_PLACEHOLDER in parts:
        return _EMPLOYER_PLACEHOLDER
    return parts[0] if title_at else parts[1]


def _header_run(texts: Sequence[str], anchor: int, step: int, bound: int) -> list[int]:
    """Up to two header lines next to the anchor going one way, nearest first, short of the bound."""
    run: list[int] = []
    lower, upper = sorted((anchor, bound))
    index = anchor + step
    while len(run) < 2 and lower < index < upper:
        if not _is_header_line(texts[index]):
            break
        run.append(index)
        index += step
    return run


def _title_offset(texts: Sequence[str], anchors: Sequence[tuple[int, re.Match[str]]]) -> int | None:
    """Where this CV sets a title relative to its dates (-2: two lines above), when most entries agree.

    A CV sets every entry alike; going by the majority keeps the title of the next entry, set just below
    this entry's dates, from being read as this entry's title.
    """
    votes: Counter[int] = Counter()
    lines = [anchor for anchor, _ in anchors]
    for position, (anchor, found) in enumerate(anchors):
        if _title_index(_anchor_parts(texts[anchor], found)) is not None:
            continue
        floor = lines[position - 1] if position else -1
        ceiling = lines[position + 1] if position + 1 < len(lines) else len(texts)
        for index in (*_header_run(texts, anchor, -1, floor), *_header_run(texts, anchor, 1, ceiling)):
            if _title_index(_header_parts(texts[index])) is not None:
                votes[index - anchor] += 1
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _ceiling(texts: Sequence[str], following: tuple[int, re.Match[str]], title_offset: int | None) -> int:
    """Where the next job's header begins: at its dates, or the line above when the dates stand alone.

    A CV that sets its titles below the dates starts each entry at its dates.
    """
    index, found = following
    text = texts[index]
    dates_alone = not _beside(text[: found.start()]) and not _beside(_DURATION.sub("", text[found.end() :]))
    return index - 1 if dates_alone and (title_offset is None or title_offset < 0) else index


def _row_partner(experience: Sequence[Line], texts: Sequence[str], anchor: int, found: re.Match[str]) -> int | None:
    """The line to the right of a line holding only dates, in the same table row (a date column).

    Only when reading order has put it elsewhere: a partner just above or below is read as usual.
    """
    if _beside(texts[anchor][: found.start()]) or _beside(texts[anchor][found.end() :]):
        return None
    dates = experience[anchor]
    middle = (dates.box.top + dates.box.bottom) / 2
    for index, line in enumerate(experience):
        beside = line.page == dates.page and line.box.x0 >= dates.box.x1 and line.box.top <= middle <= line.box.bottom
        if beside and abs(index - anchor) > 1 and texts[index].strip():
            return index
    return None


def _header_beside(texts: Sequence[str], anchor: int, partner: int, anchor_lines: Collection[int]) -> _JobHeader:
    """Title from the cell beside the dates; the employer from the line under it, when that is a header."""
    parts = [part for part in _header_parts(texts[partner]) if part]
    title = next((part for part in parts if looks_like_job_title(part)), parts[0] if parts else "")
    below = partner + 1
    has_employer = below < len(texts) and below not in anchor_lines and _is_header_line(texts[below])
    employer = _header_parts(texts[below])[0] if has_employer else (parts[1] if len(parts) > 1 else "")
    return _JobHeader(title, employer, anchor, anchor)


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
        parts = [part for part in _header_parts(texts[title_line]) if part]
        title_at = _title_index(parts)
        title = _rank_and_department(texts[title_line]) or parts[title_at if title_at is not None else 0]
        employer = _EMPLOYER_PLACEHOLDER if _EMPLOYER_PLACEHOLDER in parts else employer
    if employer_line is not None:
        employer = _header_parts(texts[employer_line])[0]
    used = [anchor, *(line for line in (title_line, employer_line) if line is not None)]
    return _JobHeader(title, employer, min(used), max(used))


def _rank_and_department(text: str) -> str | None:
    """The whole line when it is a rank and the department it heads ("Manager, Client Services Systems")."""
    line = text.strip(_FRAME)
    found = _RANK_AND_DEPARTMENT.fullmatch(line)
    if found is None or _COMPANY_WORD.search(found.group("department")):
        return None
    return line


def _header_parts(text: str) -> list[str]:
    text = _ANONYMISED_PLACE.sub(" | ", _ANONYMISED_EMPLOYER.sub(f" | {_EMPLOYER_PLACEHOLDER} | ", text))
    return [_closed(part.strip(_FRAME)) for part in _HEADER_SEPARATOR.split(text)]


def _closed(part: str) -> str:
    """The part with the closing bracket that stripping its frame took off ("Developer (C++)")."""
    return f"{part})" if part.count("(") > part.count(")") else part


def _is_header_line(text: str) -> bool:
    """A capitalised, non-bullet line that is not a sentence: a title or an employer.

    Short, or made of short parts ("Senior Scrum Master - International Bank of Somewhere"); a line
    naming the anonymised employer is always a header, whatever runs on after it.
    """
    stripped = text.strip()
    if not stripped or _BULLET.match(text) or not (stripped[0].isupper() or stripped[0].isdigit()):
        return False
    parts = _header_parts(stripped)
    if _EMPLOYER_PLACEHOLDER in parts:
        return True
    return (
        (not stripped.endswith(".") or _COMPANY_SUFFIX.search(stripped) is not None)
        and len(stripped.split()) <= _MAX_HEADER_WORDS
        and max(len(_PARENTHETICAL.sub("", part).split()) for part in parts) <= _MAX_NEIGHBOUR_WORDS
    )


def _duty(text: str) -> str:
    return _BULLET.sub("", text).strip()


def term_pattern(terms: Collection[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern matching any of the terms as whole words; None when there are none."""
    return _compiled_terms(tuple(terms))


@lru_cache(maxsize=32)
def _compiled_terms(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    # Cached by the terms as given: the same catalogue lists are asked for on every CV of a batch.
    alternatives = sorted({term.strip().lower() for term in terms if term.strip()}, key=len, reverse=True)
    if not alternatives:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, alternatives)) + r")(?!\w)", re.IGNORECASE)


def has_term(pattern: re.Pattern[str] | None, text: str) -> bool:
    return pattern is not None and pattern.search(text) is not None


def _is_technical(
    title: str, duties: Sequence[str], technical_title: re.Pattern[str] | None, technical_duty: re.Pattern[str] | None
) -> bool:
    """A technical title, or at least three distinct technical duties."""
    if has_term(technical_title, title):
        return True
    if technical_duty is None:
        return False
    return len({found.group().lower() for found in technical_duty.finditer(" ".join(duties))}) >= _TECHNICAL_DUTIES


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
