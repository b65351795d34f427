"""The candidate's name, email address and phone number, read from the top of the CV."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from screener.experience import looks_like_job_title
from screener.models import Contact, Line

__all__ = ["extract_contact"]

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
# A leading "+country" or "(area)", then digit groups joined by short runs of spaces, dots or hyphens.
_PHONE = re.compile(r"(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d{1,5}(?:[\s.-]{1,3}\d{1,5}){0,5}(?![\w])")
# Two years in one digit run are a period ("2015-2019", "2016.03 - 2018.11"), not a phone number.
_YEAR_GROUP = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_MIN_PHONE_DIGITS = 7
_MAX_PHONE_DIGITS = 15  # ITU E.164

_NAME_LABEL = re.compile(r"^\s*(?:full\s+)?name\s*[:\-–]\s*(?P<name>.+?)\s*$", re.IGNORECASE)
_NAME_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’.-])*$")
_NAME_PARTICLES = {"van", "von", "der", "den", "de", "da", "di", "del", "della", "la", "le", "du", "bin", "al", "el"}
_NOT_NAMES = {
    "curriculum vitae", "resume", "résumé", "cv", "profile", "contact", "summary", "experience", "education",
    "skills", "projects", "certifications", "languages", "references", "personal details", "work experience",
    "professional experience", "professional summary", "contact information", "personal information",
}  # fmt: skip
# The name sits near the top of the first page; further down, large lines are headings.
_TOP_LINES = 15


def extract_contact(lines: Sequence[Line]) -> Contact:
    """Name, email and phone; None for any of them the CV does not state plainly."""
    ordered = sorted(lines, key=lambda line: (line.section != "header", line.page))
    return Contact(name=_name(lines), email=_first_email(ordered), phone=_first_phone(ordered))


def _first_email(lines: Iterable[Line]) -> str | None:
    return next((found.group() for line in lines if (found := _EMAIL.search(line.text))), None)


def _first_phone(lines: Iterable[Line]) -> str | None:
    return next((phone for line in lines for phone in _phones(line.text)), None)


def _phones(text: str) -> Iterator[str]:
    """Digit runs that read as phone numbers: 7 to 15 digits, grouped or international, not a period."""
    for found in _PHONE.finditer(_EMAIL.sub(" ", text)):
        candidate = found.group().strip()
        digits = sum(char.isdigit() for char in candidate)
        grouped = candidate.startswith(("+", "(")) or any(separator in candidate for separator in " .-")
        if _MIN_PHONE_DIGITS <= digits <= _MAX_PHONE_DIGITS and grouped and len(_YEAR_GROUP.findall(candidate)) < 2:
            yield candidate


def _name(lines: Sequence[Line]) -> str | None:
    """The largest name-like line at the top of page 1, else a 'Name: ...' line; never a guess."""
    top = sorted((line for line in lines if line.page == 1), key=lambda line: line.box.top)[:_TOP_LINES]
    candidates = [line for line in top if _is_name_line(line)]
    if candidates:
        best = max(candidates, key=lambda line: (line.size, -line.box.top))
        return _display_name(best.text.strip())
    for line in lines:
        labelled = _NAME_LABEL.match(line.text)
        if labelled and _looks_like_name(labelled["name"]):
            return _display_name(labelled["name"])
    return None


def _is_name_line(line: Line) -> bool:
    if line.is_heading and line.section != "header":
        return False
    return _looks_like_name(line.text)


def _looks_like_name(text: str) -> bool:
    """Two to four words of letters (hyphens, apostrophes, initials allowed), capitalised, not a title."""
    words = text.split()
    if not 2 <= len(words) <= 4 or text.strip().lower() in _NOT_NAMES or looks_like_job_title(text):
        return False
    capitalised = [word for word in words if word.lower() not in _NAME_PARTICLES]
    return (
        all(_NAME_WORD.match(word) for word in words)
        and len(capitalised) >= 2
        and all(word[0].isupper() for word in capitalised)
    )


def _display_name(text: str) -> str:
    """The name as written, except that ALL CAPS becomes Title Case."""
    return " ".join(text.title().split()) if text.isupper() else " ".join(text.split())
