"""Academic degrees: level, field, technical/management flags and status, read from the CV's lines."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, replace

from screener.experience import has_term, term_pattern
from screener.models import Degree, DegreeLevel, DegreeStatus, Line, Span

__all__ = ["extract_degrees"]


@dataclass(frozen=True)
class _DegreeForm:
    """One way of writing a degree."""

    level: DegreeLevel
    pattern: re.Pattern[str]
    # Bare letters such as "MS" or "BA" also mean other things ("MS Office", the airline).
    needs_subject: bool = False
    # Engineering diplomas are technical whatever field follows them.
    engineering: bool = False


def _form(level: DegreeLevel, source: str, *, needs_subject: bool = False, engineering: bool = False) -> _DegreeForm:
    flags = 0 if needs_subject else re.IGNORECASE
    return _DegreeForm(level, re.compile(rf"(?<![\w.])(?:{source})(?![\w])", flags), needs_subject, engineering)


_POSSESSIVE = r"(?:'s|’s|s)?"
# Earlier forms win where two overlap ("Master of Business Administration" is an MBA, not a master).
_FORMS = (
    _form("phd", r"Ph\.?\s?D\.?|D\.?Phil\.?|Doctor\s+of\s+Philosophy|Doctorate"),
    _form("phd", r"Dr\.?-Ing\.?", engineering=True),
    _form("mba", r"(?:Executive\s+)?M\.?B\.?A\.?|Master" + _POSSESSIVE + r"\s+of\s+Business\s+Administration"),
    _form("master", r"Dipl\.?\s?-?\s?Ing\.?|Diplom-Ingenieur", engineering=True),
    _form("master", r"M\.?\s?Eng\.?|M\.?\s?Tech\.?", engineering=True),
    _form("master", r"(?<!Scrum\s)Master" + _POSSESSIVE + r"(?:\s+degree)?\s+(?:of|in)|Master(?:'s|’s)\s+degree"),
    _form("master", r"M\.?\s?Sc\.?|M\.S\.|M\.A\.|M\.?\s?Phil\.?"),
    _form("master", r"MS|MA", needs_subject=True),
    _form("bachelor", r"B\.?\s?Eng\.?|B\.?\s?Tech\.?", engineering=True),
    _form("bachelor", r"Bachelor" + _POSSESSIVE + r"(?:\s+degree)?\s+(?:of|in)|Bachelor(?:'s|’s)\s+degree"),
    _form("bachelor", r"B\.?\s?Sc\.?|B\.S\.|B\.A\.|B\.?B\.?A\.?"),
    _form("bachelor", r"BS|BA", needs_subject=True),
    _form("associate", r"Associate" + _POSSESSIVE + r"(?:\s+degree)?\s+(?:of|in)|Associate(?:'s|’s)?\s+degree"),
    _form("associate", r"A\.A\.S\.|A\.S\.|A\.A\."),
    _form("associate", r"AAS", needs_subject=True),
    _form("other", r"Diploma\s+(?:of|in)|Degree\s+in"),
)

# Any form at all: most lines name no degree, and one search rules them out before the forms one by one.
_ANY_FORM = re.compile("|".join(f"(?{'' if form.needs_subject else 'i'}:{form.pattern.pattern})" for form in _FORMS))

_HONOURS = re.compile(r"^[\s,:(]*(?:\(?hons?\.?\)?|\(?honou?rs\)?)[\s,:)]*", re.IGNORECASE)
_LEADS_TO_SUBJECT = re.compile(r"^[\s,:–—-]*(?:in|of)\s+", re.IGNORECASE)
_SEGMENT_BREAK = re.compile(r"[,;|()•/]|\s[-–—]\s|[–—]")
# What follows a field of study: a date, a grade, the institution, the status.
_FIELD_STOP = re.compile(
    r"\d|\b(?:GPA|at|from|University|College|Institute|School|Academy|Polytechnic|expected|in\s+progress"
    r"|ongoing|pursuing|current|present|candidate|with\s+(?:first|honou?rs|distinction)|degree|program|programme)\b",
    re.IGNORECASE,
)
_IN = re.compile(r"\s+in\s+", re.IGNORECASE)
_CANDIDATE_PREFIX = re.compile(r"^\s*(?:candidate|student)\s+(?:in|of)?\s*", re.IGNORECASE)
# "Bachelor of Science, Computer Science": the qualifier alone says little, the next segment is the field.
_GENERIC_QUALIFIERS = {"science", "sciences", "arts", "art", "applied science", "applied sciences", "philosophy"}
_INSTITUTION = re.compile(r"\b(?:University|College|Institute|School|Academy|Polytechnic)\b", re.IGNORECASE)
_NOT_SUBJECTS = {"office", "excel", "word", "sql", "teams", "project", "access", "powerpoint", "windows", "azure"}
_MAX_FIELD_WORDS = 6
_IN_PROGRESS = re.compile(
    r"\b(?:in\s+progress|expected|anticipated|candidate|ongoing|pursuing|currently|present|to\s+date)\b"
    r"|\(current\)|[-–—]\s*current\b",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*[•·▪●◦‣∙*►➢✓-]?\s*")


@dataclass(frozen=True)
class _Mention:
    form: _DegreeForm
    match: re.Match[str]


@dataclass(frozen=True)
class _Fields:
    """The catalogue's field vocabularies, compiled once per call of extract_degrees."""

    technical: re.Pattern[str] | None
    management: re.Pattern[str] | None

    def known(self, text: str) -> bool:
        """Whether the text names a technical or management field."""
        return has_term(self.technical, text) or has_term(self.management, text)


# Certification names ("Certified Associate in Project Management") are not degrees.
_CREDENTIAL_SECTIONS = frozenset({"certifications", "training"})


@dataclass(frozen=True)
class _Field:
    name: str
    follows: bool  # read after the degree token rather than before it


def extract_degrees(
    lines: Sequence[Line], technical_fields: Collection[str], management_fields: Collection[str]
) -> tuple[Degree, ...]:
    """One Degree per distinct degree the candidate holds or is studying for, education section first.

    Outside the education section a line counts only when it states a degree "in/of <field>"; in the
    experience section that statement must open the line, so "hired engineers with a BSc" is not a degree.
    """
    fields = _Fields(term_pattern(technical_fields), term_pattern(management_fields))
    ordered = sorted(range(len(lines)), key=lambda index: lines[index].section != "education")
    degrees: dict[tuple[DegreeLevel, str], Degree] = {}
    levels_by_line: set[tuple[int, DegreeLevel]] = set()
    for index in ordered:
        if lines[index].is_heading or lines[index].section in _CREDENTIAL_SECTIONS:
            continue
        for mention in _mentions(lines[index].text):
            line, field = _line_and_field(lines, index, mention, fields)
            # "Master of Business Administration (MBA)" names one degree twice.
            if (index, mention.form.level) in levels_by_line or not _counts(line, mention, field, fields):
                continue
            levels_by_line.add((index, mention.form.level))
            degree = _degree(line, mention, field, _status(lines, index), fields)
            degrees.setdefault((degree.level, degree.field.lower()), degree)
    return tuple(degrees.values())


def _line_and_field(
    lines: Sequence[Line],
    index: int,
    mention: _Mention,
    fields: _Fields,
) -> tuple[Line, _Field]:
    """The degree's line and field; the next line joins when it completes a field cut by wrapping."""
    line = lines[index]
    field = _field(line.text, mention, fields)
    following = lines[index + 1] if index + 1 < len(lines) else None
    if fields.known(field.name) or following is None:
        return line, field
    if following.section != line.section or following.is_heading or _mentions(following.text):
        return line, field
    joined = replace(line, text=f"{line.text} {following.text}", box=line.box.union(following.box))
    wider = _field(joined.text, mention, fields)
    if fields.known(wider.name):
        return joined, wider
    return line, field


def _mentions(text: str) -> list[_Mention]:
    """Degree tokens in a line, left to right, the earlier form winning where two overlap."""
    if not _ANY_FORM.search(text):
        return []
    taken: list[range] = []
    found = []
    for form in _FORMS:
        for match in form.pattern.finditer(text):
            if any(match.start() in span or match.end() - 1 in span for span in taken):
                continue
            taken.append(range(match.start(), match.end()))
            found.append(_Mention(form, match))
    return sorted(found, key=lambda mention: mention.match.start())


def _field(text: str, mention: _Mention, fields: _Fields) -> _Field:
    """The subject studied: after the token ("BSc Computer Science"), or just before it ("Physics, BSc")."""
    rest = _CANDIDATE_PREFIX.sub("", _LEADS_TO_SUBJECT.sub("", _HONOURS.sub("", text[mention.match.end() :])))
    segments = [_CANDIDATE_PREFIX.sub("", _LEADS_TO_SUBJECT.sub("", segment)) for segment in _segments(rest)]
    named = segments[0] if segments else ""
    if _IN.search(named):  # "Science in Computer Science"
        return _Field(_plausible(_IN.split(named)[-1]), True)
    before = [_tidy(part) for part in _SEGMENT_BREAK.split(text[: mention.match.start()])]
    preceding = next((part for part in reversed(before) if part), "")
    preceding = "" if _FIELD_STOP.search(preceding) else _plausible(preceding)
    if named.lower() in _GENERIC_QUALIFIERS or not named:
        # "Bachelor of Science, Computer Science", "BS, Computer Science", "MIS, Bachelor of Science"
        if len(segments) > 1 and fields.known(segments[1]):
            return _Field(segments[1], True)
        if fields.known(preceding):
            return _Field(preceding, False)
    if _plausible(named):
        return _Field(named, True)
    if mention.form.level == "mba":
        return _Field("Business Administration", True)
    return _Field(preceding, False)


def _plausible(field: str) -> str:
    """The field, or nothing when it reads as an institution or runs on like a sentence."""
    return field if len(field.split()) <= _MAX_FIELD_WORDS and not _INSTITUTION.search(field) else ""


def _segments(text: str) -> Iterator[str]:
    """The text cut into segments at commas and dashes, ending where a date, grade or institution starts."""
    for segment in _SEGMENT_BREAK.split(text):
        stop = _FIELD_STOP.search(segment)
        yield _tidy(segment[: stop.start()] if stop else segment)
        if stop:
            return


def _tidy(text: str) -> str:
    return text.strip(" \t,;:.-–—()").strip()


def _counts(
    line: Line,
    mention: _Mention,
    field: _Field,
    fields: _Fields,
) -> bool:
    """Whether this mention is a degree of the candidate rather than a stray token."""
    after = _HONOURS.sub("", line.text[mention.match.end() :])
    states_subject = mention.match.group().rstrip().lower().endswith((" of", " in")) or bool(
        _LEADS_TO_SUBJECT.match(after)
    )
    if mention.form.needs_subject and not (
        field.follows and (states_subject or _bare_subject(line, mention, field, fields))
    ):
        return False
    if line.section == "education":
        return True
    if not (states_subject and field.name):
        return False
    return line.section != "experience" or not _BULLET.sub("", line.text[: mention.match.start()], count=1)


def _bare_subject(
    line: Line,
    mention: _Mention,
    field: _Field,
    fields: _Fields,
) -> bool:
    """'BS Computer Science' or 'BA History', but not 'MS Office' nor the state in 'Cambridge, MA'."""
    if fields.known(field.name):
        return True
    after_comma = line.text[: mention.match.start()].rstrip().endswith(",")
    return (
        line.section == "education"
        and field.name[:1].isupper()
        and field.name.lower() not in _NOT_SUBJECTS
        and not after_comma
    )


def _status(lines: Sequence[Line], index: int) -> DegreeStatus:
    """In progress when the degree's line, or a line continuing it, says so."""
    context = [lines[index].text, *_continuation(lines, index)]
    return "in_progress" if any(_IN_PROGRESS.search(text) for text in context) else "completed"


def _continuation(lines: Sequence[Line], index: int) -> Iterator[str]:
    """Education lines beside the degree's line that describe it too: no degree of their own."""
    if lines[index].section != "education":
        return
    for neighbour in (index + 1, index - 1):
        if not 0 <= neighbour < len(lines) or lines[neighbour].section != "education" or lines[neighbour].is_heading:
            continue
        if _mentions(lines[neighbour].text):
            continue
        # A line above that already continues an earlier degree belongs to that degree.
        if neighbour == index - 1 and neighbour > 0 and _mentions(lines[neighbour - 1].text):
            continue
        yield lines[neighbour].text


def _degree(
    line: Line,
    mention: _Mention,
    field: _Field,
    status: DegreeStatus,
    fields: _Fields,
) -> Degree:
    start, end = mention.match.span()
    at = line.text.find(field.name, end) if field.follows else line.text.rfind(field.name, 0, start)
    if field.name and at >= 0:
        start, end = min(start, at), max(end, at + len(field.name))
    return Degree(
        level=mention.form.level,
        field=field.name,
        technical=mention.form.engineering or has_term(fields.technical, field.name),
        management=mention.form.level == "mba" or has_term(fields.management, field.name),
        status=status,
        matched_text=line.text[start:end].strip(),
        span=Span(line.text, line.page, line.box, line.section),
    )
