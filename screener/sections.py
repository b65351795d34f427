"""Find section headings by wording and layout, and tag every line with the section it belongs to."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from statistics import median

from screener.models import Line, Section

# Checked in order: the first phrase contained in a heading decides, so specific phrases come first
# ("volunteer experience" is not work experience, "project management" is not a projects section).
_HEADING_PHRASES: tuple[tuple[str, Section], ...] = (
    ("volunteer", "other"),
    ("honors", "other"),
    ("honours", "other"),
    ("awards", "other"),
    ("interests", "other"),
    ("hobbies", "other"),
    ("references", "other"),
    ("publications", "other"),
    ("involvement", "other"),
    ("activities", "other"),
    ("links", "other"),
    ("achievements", "other"),
    ("certification", "certifications"),
    ("certificates", "certifications"),
    ("licenses", "certifications"),
    ("licences", "certifications"),
    ("credentials", "certifications"),
    ("accreditations", "certifications"),
    ("education", "education"),
    ("academic", "education"),
    ("qualifications", "education"),
    ("experience", "experience"),
    ("employment", "experience"),
    ("work history", "experience"),
    ("career history", "experience"),
    ("professional history", "experience"),
    ("career", "experience"),
    ("skills", "skills"),
    ("competencies", "skills"),
    ("expertise", "skills"),
    ("technologies", "skills"),
    ("technical proficiencies", "skills"),
    ("tools", "skills"),
    ("summary", "summary"),
    ("profile", "summary"),
    ("objective", "summary"),
    ("about me", "summary"),
    ("personal statement", "summary"),
    ("projects", "projects"),
    ("project", "projects"),
    ("training", "training"),
    ("courses", "training"),
    ("coursework", "training"),
    ("professional development", "training"),
    ("languages", "languages"),
)
# Words that may stand beside a heading phrase in a line that is nothing but a heading.
_QUALIFIERS = frozenset(
    {"professional", "work", "relevant", "technical", "key", "core", "selected", "additional", "other", "and", "my"}
    | {"personal", "history", "background", "highlights", "overview", "details", "information"}
)
_HEADING_WORDS = _QUALIFIERS | {word for phrase, _ in _HEADING_PHRASES for word in phrase.split()}
_MAX_HEADING_WORDS = 5
_WORD = re.compile(r"[a-z]+")


def heading_section(text: str) -> Section | None:
    """The section a heading names, when the text is nothing but heading words ("Work History")."""
    words = _WORD.findall(text.lower())
    if not words or len(words) > _MAX_HEADING_WORDS or any(ch.isdigit() for ch in text):
        return None
    # A plural or singular form of a heading word is a heading word too.
    if not all(word in _HEADING_WORDS or word.rstrip("s") in _HEADING_WORDS for word in words):
        return None
    joined = " ".join(words)
    return next((section for phrase, section in _HEADING_PHRASES if re.search(rf"\b{phrase}s?\b", joined)), None)


def _looks_like_heading(line: Line, body_size: float) -> bool:
    """Layout cues: larger or bolder than the body, capitals, a colon, or a capitalised line on its own."""
    letters = [c for c in line.text if c.isalpha()]
    all_caps = bool(letters) and all(c.isupper() for c in letters)
    stands_alone = line.text[:1].isupper() and not line.text.rstrip().endswith((".", ","))
    return line.size > body_size + 0.5 or line.bold or all_caps or line.text.endswith(":") or stands_alone


def _body_size(lines: Sequence[Line]) -> float:
    sizes = [line.size for line in lines for _ in range(len(line.text))]
    return median(sizes) if sizes else 0.0


def _section_carried_over(tagged: Sequence[Line], line: Line, current: Section) -> Section:
    """The section a new page opens in: that of the column it continues, not of the sidebar read last."""
    previous_page = [t for t in tagged if t.page == line.page - 1]
    same_column = [t for t in previous_page if t.box.x0 < line.box.x1 and line.box.x0 < t.box.x1]
    return same_column[-1].section if same_column else current


def assign_sections(lines: Sequence[Line]) -> list[Line]:
    """Mark heading lines and give every line the section of the heading above it in reading order."""
    body_size = _body_size(lines)
    current: Section = "header"
    tagged: list[Line] = []
    for line in lines:
        section = heading_section(line.text)
        if section is not None and _looks_like_heading(line, body_size):
            current = section
            tagged.append(replace(line, section=current, is_heading=True))
            continue
        if tagged and line.page != tagged[-1].page:
            current = _section_carried_over(tagged, line, current)
        tagged.append(replace(line, section=current))
    return tagged
