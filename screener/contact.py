"""The candidate's name, email address and phone number, read from the top of the CV."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from screener.experience import looks_like_job_title
from screener.models import Contact, Line

__all__ = ["email_spans", "extract_contact", "phone_spans"]

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
# A leading "+country" or "(area)", then digit groups joined by short runs of spaces, dots or hyphens.
_PHONE = re.compile(r"(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d{1,5}(?:[\s.-]{1,3}\d{1,5}){0,5}(?![\w])")
# Two years in one digit run are a period ("2015-2019", "2016.03 - 2018.11"), not a phone number.
_YEAR_GROUP = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_MIN_PHONE_DIGITS = 7
_MAX_PHONE_DIGITS = 15  # ITU E.164

# A name word: letters joined by hyphens or apostrophes ("Jean-Luc", "O'Neil"), optionally closed by a full stop
# ("Jr."), or initials ("K.", "J.R."); a dot inside a word ("Studio.Net") belongs to a product, not a person.
_NAME_WORD = re.compile(r"^(?:(?:[^\W\d_]\.)+|[^\W\d_]+(?:['’-][^\W\d_]+)*\.?)$")
_NAME_PARTICLES = {"van", "von", "der", "den", "de", "da", "di", "del", "della", "la", "le", "du", "bin", "al", "el"}
# Words people use for CV headings, labels, places, organisations, trades and connectives, and never in a
# person's name; plausible surnames (Page, Key, Cook, Carpenter, Born, ...) and bare initials are left out.
_NOT_NAME_WORDS = {
    # headings and labels
    "curriculum", "vitae", "resume", "résumé", "cv", "lebenslauf", "profile", "profil", "contact", "contacts",
    "summary", "experience", "experiences", "education", "skills", "skill", "projects", "certifications",
    "certification", "certificates", "certificate", "licenses", "languages", "language", "references",
    "personal", "persönliche", "information", "informations", "personnelles", "details", "data", "daten",
    "dati", "personali", "professional", "work", "employment", "career", "focus", "objective", "objectives",
    "overview", "highlights", "accomplishments", "achievements", "qualifications", "core", "competencies",
    "competences", "expertise", "interests", "hobbies", "awards", "honors", "honours", "publications",
    "activities", "training", "courses", "portfolio", "top", "additional", "relevant", "selected", "strengths",
    "abilities", "company", "name", "address", "phone", "mobile", "telephone", "email", "e-mail", "website",
    "nationality", "gender", "sex", "birth", "marital", "citizenship", "city", "state", "country",
    # headings in French, German, Italian, Dutch, Spanish, Portuguese
    "expériences", "expérience", "formation", "compétences", "langues", "loisirs", "diplômes", "ausbildung",
    "berufserfahrung", "kenntnisse", "sprachen", "fähigkeiten", "akademische", "beruflicher", "werdegang",
    "studium", "interessen", "istruzione", "esperienza", "esperienze", "competenze", "lingue", "lavorativa",
    "professionale", "ervaring", "werkervaring", "opleiding", "vaardigheden", "talen", "profiel", "experiencia",
    "formación", "educación", "habilidades", "idiomas", "experiência", "formação", "educação", "competências",
    # fields, skills and organisations
    "business", "development", "sales", "support", "management", "technology", "technologies", "technical",
    "systems", "software", "hardware", "services", "customer", "marketing", "finance", "financial",
    "accounting", "analysis", "analytics", "strategic", "planning", "operations", "office", "microsoft",
    "excel", "studio", "network", "security", "cloud", "mechanical", "electrical", "troubleshooting",
    "estimating", "construction", "maintenance", "quality", "safety", "research", "design", "digital", "health",
    "healthcare", "medical", "international", "institute", "university", "college", "school", "academy",
    "department", "center", "centre", "group", "inc", "ltd", "llc", "gmbh", "corp", "corporation", "limited",
    "solutions", "consulting",
    # trades the job-title check does not know
    "nurse", "instructor", "laborer", "labourer", "advocate", "person", "agent", "clerk", "representative",
    "accountant", "attorney", "lawyer", "operator", "worker", "chef", "cashier", "therapist",
    "pharmacist", "physician", "auditor", "planner", "estimator", "inspector", "mechanic", "electrician",
    "trainer", "tutor", "professor", "lecturer", "student", "graduate", "writer",
    "editor", "journalist", "photographer", "recruiter", "buyer", "broker", "adviser", "advisor", "counselor",
    "counsellor", "receptionist", "secretary", "motivator", "expert",
    # places
    "via", "rue", "avenue", "strasse", "straße", "platz", "weg", "chemin", "calle", "rua", "straat", "allee",
    "boulevard", "greater", "area", "metropolitan", "region",
    # connectives
    "of", "and", "for", "in", "at", "with", "to", "on", "the", "by", "from", "as", "or", "und", "et", "en",
}  # fmt: skip
# Credentials written after a name ("Jane Doe, MBA, PMP"); they follow the name, they are not part of it.
_POST_NOMINALS = {
    "mba", "pmp", "phd", "ph.d.", "msc", "m.sc.", "bsc", "b.sc.", "ms", "ma", "ba", "bs", "meng", "beng",
    "mphil", "cpa", "cfa", "pe", "csm", "capm", "prince2", "itil", "cissp", "ccna", "ccnp", "rn", "md", "esq",
    "acca", "cma", "pgmp", "psm", "safe",
}  # fmt: skip
# Labels written before the name: "Name:", "Full name -", Europass's "PERSONAL INFORMATION" column, the
# personal-data headings of French, German, Italian, Dutch and Spanish CVs.
_NAME_LABEL = re.compile(
    r"^\s*(?:(?:full|first\s+and\s+last)\s+)?(?:name|nom|nome|naam|nombre)"
    r"(?P<surname_first>\s*,\s*(?:vorname|first\s+name|prénom|nome|voornaam))?\s*[:\-–]\s*(?P<name>.*?)\s*$"
    r"|^\s*(?:personal\s+(?:information|details|data)|persönliche\s+daten|informations\s+personnelles"
    r"|informazioni\s+personali|dati\s+personali|persoonlijke\s+gegevens|datos\s+personales)\s*:?\s+(?P<after>.+?)\s*$",
    re.IGNORECASE,
)
# "Name" inside running text ("... Name Jane Doe Address ..."); the name ends where the next label or the text
# ends. Not "Father's Name", nor "Project Name", nor the "Company Name" anonymised CVs put for employers.
_INLINE_NAME = re.compile(
    r"(?:^|(?<=\s))(?P<before>\S+\s+)?\bname\s*[:\-–]?\s+(?P<name>(?:\S+\s+){0,3}?\S+?)"
    r"(?=\s*(?:$|[,;|(]|\s(?:address|date|e-?mail|phone|mobile|contact|gender|sex|nationality|father|mother|age"
    r"|dob|marital|place)\b))",
    re.IGNORECASE,
)
# A profile written in the third person opens with the name: "Jane Doe is a project manager with ...".
_THIRD_PERSON = re.compile(r"(?:^|[.!?]\s+)(?P<name>[^\W\d_]\S*(?:\s+[^\W\d_]\S*){1,2})\s+(?:is|has\s+been)\s+an?\b")
_NOT_THE_CANDIDATES = {
    "company", "employer", "project", "product", "client", "course", "school", "university", "institution",
    "organisation", "organization", "business", "brand", "user", "host", "domain", "file", "team", "reference",
    "referee", "supervisor", "manager", "father", "mother", "spouse",
}  # fmt: skip
_PERSONAL_PRONOUN = re.compile(r"\b(?:he|she|his|her|him)\b", re.IGNORECASE)
_PRONOUN_REACH = 3  # lines: the sentence that names the candidate and the next one or two
_NAME_SEPARATORS = re.compile(r"\s*[|•·]\s*|\s+[–—-]\s+")
_CAMEL_BOUNDARY = re.compile(r"(?<=[^\W\d_A-Z])(?=[A-Z])")
_UNCLOSED_BRACKET = re.compile(r"\s*\([^)]*$")
_BRACKETED = re.compile(r"\s*\((?P<inside>[^)]*)\)")
# The name sits in the upper part of page 1 (below a photo or a headline at most), in the largest text there.
_TOP_SHARE = 0.4
_TOP_LINES = 15  # however short the page
_DISPLAY_SHARE = 0.75  # of the largest text's size: a name is not set smaller than that
_SIZE_STEP = 0.5  # points above the body text that set a line apart
_DISPLAY_SIZE = 2.0  # times the body text: a display name may be set in lower case ("jane doe")
_SAME_SIZE = 0.5
_CONTACT_REACH = 2  # lines under a plainly set name that hold its email or phone
_SAME_ROW = 3.0
_MAX_NAME_LINES = 3
_MAX_NAME_WORDS = 4


def extract_contact(lines: Sequence[Line]) -> Contact:
    """Name, email and phone; None for any of them the CV does not state plainly."""
    ordered = sorted(lines, key=lambda line: (line.section != "header", line.page))
    return Contact(name=_name(lines), email=_first_email(ordered), phone=_first_phone(ordered))


def _first_email(lines: Iterable[Line]) -> str | None:
    return next((found.group() for line in lines if (found := _EMAIL.search(line.text))), None)


def _first_phone(lines: Iterable[Line]) -> str | None:
    return next((phone for line in lines for phone in _phones(line.text)), None)


def email_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where email addresses sit in a text, as (start, end) offsets."""
    for found in _EMAIL.finditer(text):
        yield found.span()


def phone_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where the phone numbers `extract_contact` would read sit in a text, as (start, end) offsets."""
    start = 0
    for phone in _phones(text):
        at = text.find(phone, start)
        if at >= 0:  # not a number joined across an email address the search blanked out
            start = at + len(phone)
            yield at, start


def _phones(text: str) -> Iterator[str]:
    """Digit runs that read as phone numbers: 7 to 15 digits, grouped or international, not a period."""
    for found in _PHONE.finditer(_EMAIL.sub(" ", text)):
        candidate = found.group().strip()
        digits = sum(char.isdigit() for char in candidate)
        grouped = candidate.startswith(("+", "(")) or any(separator in candidate for separator in " .-")
        if _MIN_PHONE_DIGITS <= digits <= _MAX_PHONE_DIGITS and grouped and len(_YEAR_GROUP.findall(candidate)) < 2:
            yield candidate


def _name(lines: Sequence[Line]) -> str | None:
    """The name set apart at the top of page 1, else a labelled or third-person name; never a guess."""
    top = _top_of_first_page(lines)
    return (
        _labelled_name(top)
        or _name_from_layout(top, _body_size(lines))
        or _name_over_contact_details(top)
        or _labelled_name(lines)
        or _third_person_name(lines)
    )


def _name_from_layout(top: Sequence[Line], body_size: float) -> str | None:
    """The largest name-like text at the top of page 1 that stands out from the body text."""
    largest = max((line.size for line in top if _could_be_display(line)), default=0.0)
    for line in sorted(top, key=lambda line: (-line.size, line.box.top)):
        # The name is the largest text there: smaller ones are headlines, places and section headings.
        if line.size < _DISPLAY_SHARE * largest:
            break
        # A name in body text is no different from the job titles and headings of a plain CV: no guess there.
        if not (line.bold or line.size > body_size + _SIZE_STEP):
            continue
        name = _name_at(line, top, lowercase_allowed=line.size >= _DISPLAY_SIZE * body_size)
        if name:
            return name
    return None


def _could_be_display(line: Line) -> bool:
    """Text that may be the name's line, unlike a heading, job title, address, number or email set larger."""
    text = line.text
    return not (_is_heading_text(text) or looks_like_job_title(text) or "@" in text or any(c.isdigit() for c in text))


def _name_over_contact_details(top: Sequence[Line]) -> str | None:
    """A plain CV's first line, when the lines right under it give an email or phone: the name, set plainly."""
    if not top:
        return None
    first, below = top[0], top[1 : 1 + _CONTACT_REACH]
    if not any(_EMAIL.search(line.text) or next(_phones(line.text), None) for line in below):
        return None
    return _person_name(first.text)


def _top_of_first_page(lines: Sequence[Line]) -> list[Line]:
    """Page-1 lines in its upper part, or its first lines when it holds little text; headings left out."""
    page_one = sorted((line for line in lines if line.page == 1 and line.text.strip()), key=lambda line: line.box.top)
    if not page_one:
        return []
    text_bottom = max(line.box.bottom for line in page_one)
    limit = max(_TOP_SHARE * text_bottom, page_one[min(_TOP_LINES, len(page_one)) - 1].box.top)
    return [line for line in page_one if line.box.top <= limit and not (line.is_heading and line.section != "header")]


def _body_size(lines: Sequence[Line]) -> float:
    """The font size most of the text is set in."""
    weights = Counter[float]()
    for line in lines:
        weights[round(line.size, 1)] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 0.0


def _name_at(line: Line, window: Sequence[Line], lowercase_allowed: bool) -> str | None:
    """The name a display line holds, or starts and wraps onto the lines below ("JAN VAN" / "DER BERG")."""
    stacked = [line, *_continuations(line, window)]
    for count in range(1, len(stacked) + 1):
        name = _person_name(" ".join(part.text for part in stacked[:count]), lowercase_allowed)
        if name:
            return name
    return None


def _continuations(line: Line, window: Sequence[Line]) -> list[Line]:
    """Lines right below in the same font size and column: a name set over two or three lines."""
    stacked = [line]
    for below in window:
        last = stacked[-1]
        if below.box.top <= last.box.top or abs(below.size - line.size) > _SAME_SIZE or not _same_column(below, line):
            continue  # above, beside, or in another font: a contact column or a headline
        if below.box.top - last.box.bottom > line.size or len(stacked) == _MAX_NAME_LINES:
            break
        stacked.append(below)
    return stacked[1:]


def _same_column(one: Line, other: Line) -> bool:
    return one.box.x0 < other.box.x1 and other.box.x0 < one.box.x1


def _person_name(text: str, lowercase_allowed: bool = False) -> str | None:
    """The person's name a text holds, without labels, post-nominals or headline; None when it is no name.

    What follows a comma is credentials, a headline or a place ("Jane Doe, PMP"); pipes and bullets either
    part the name from a headline ("Jane Doe | Engineer") or, between single words, style it ("jane|doe").
    """
    before_comma = _without_brackets(_without_label(text)).split(",")[0]
    segments = [segment for segment in _NAME_SEPARATORS.split(before_comma) if segment]
    if not segments:
        return None
    candidates = [segments[0]]
    if all(len(segment.split()) == 1 for segment in segments) and len(segments) <= _MAX_NAME_WORDS:
        candidates.insert(0, " ".join(segments))
    for candidate in candidates:
        candidate = _without_post_nominals(_split_joined_words(candidate))
        if lowercase_allowed and candidate.islower():
            candidate = candidate.title()
        if _looks_like_name(candidate):
            return _display_name(candidate)
    return None


def _without_label(text: str) -> str:
    labelled = _NAME_LABEL.match(text)
    if not labelled:
        return text
    return labelled["name"] if labelled["name"] is not None else labelled["after"]


def _without_brackets(text: str) -> str:
    """A nickname in brackets stays ("Alan (AJ) Doe"); degrees in brackets and a wrapped-off bracket go."""
    text = _UNCLOSED_BRACKET.sub("", text)
    return _BRACKETED.sub(lambda found: found[0] if _is_nickname(found["inside"]) else "", text)


def _is_nickname(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 3 and all(_NAME_WORD.match(word) and not word.endswith(".") for word in words)


def _without_post_nominals(text: str) -> str:
    words = text.split()
    # Credentials are written in capitals ("MBA", "PhD"); a surname that spells one ("Ma") is in title case.
    while len(words) > 2 and words[-1].lower() in _POST_NOMINALS and not words[-1].istitle():
        words.pop()
    return " ".join(words)


def _split_joined_words(text: str) -> str:
    """'JaneDoe' is 'Jane Doe' run together by the reader: a single word with an inner capital splits."""
    if len(text.split()) != 1:
        return text
    parts = _CAMEL_BOUNDARY.split(text)
    return " ".join(parts) if 2 <= len(parts) <= 3 and all(len(part) >= 3 for part in parts) else text


def _is_heading_text(text: str) -> bool:
    words = re.findall(r"[^\W\d_]+", text.lower())
    return bool(words) and all(word in _NOT_NAME_WORDS for word in words)


def _labelled_name(lines: Sequence[Line]) -> str | None:
    """A name after a 'Name' label: on its line, in the cell beside the label, or inside running text."""
    for line in lines:
        labelled = _NAME_LABEL.match(line.text)
        if labelled:
            value = labelled["name"] if labelled["name"] is not None else labelled["after"]
            value = value or _value_beside(line, lines)
            name = _labelled_value(value, surname_first=bool(labelled["surname_first"]))
            if name:
                return name
    for line in lines:
        for found in _INLINE_NAME.finditer(line.text):
            owner = re.sub(r"['’]s$|[\W_]", "", (found["before"] or "").strip().lower())
            name = None if owner in _NOT_THE_CANDIDATES else _person_name(found["name"])
            if name:
                return name
    return None


def _value_beside(label: Line, lines: Sequence[Line]) -> str:
    """The text on the label's row, right of it: forms set labels and values in two columns."""
    row = [
        line
        for line in lines
        if line.page == label.page and line.box.x0 > label.box.x0 and abs(line.box.top - label.box.top) < _SAME_ROW
    ]
    return min(row, key=lambda line: line.box.x0).text if row else ""


def _labelled_value(value: str, surname_first: bool) -> str | None:
    """'Doe, Jane' after a 'Name, first name' label, or any 'Surname, Given' pair, reads 'Jane Doe'."""
    parts = [part.strip() for part in value.split(",")]
    if len(parts) == 2 and (surname_first or parts[1].lower() not in _POST_NOMINALS):
        reordered = _person_name(f"{parts[1]} {parts[0]}")
        if surname_first or (reordered and len(parts[0].split()) == 1):
            return reordered
    return _person_name(value)


def _third_person_name(lines: Sequence[Line]) -> str | None:
    """A profile in the third person names the candidate first: 'Jane Doe is a project manager ...'.

    A person is 'he' or 'she' in the sentences that follow; an employer described the same way is 'it'.
    """
    page_one = [line.text for line in lines if line.page == 1]
    for index, text in enumerate(page_one):
        following = " ".join(page_one[index : index + _PRONOUN_REACH])
        if not _PERSONAL_PRONOUN.search(following):
            continue
        for found in _THIRD_PERSON.finditer(text):
            name = _person_name(found["name"])
            if name:
                return name
    return None


def _looks_like_name(text: str) -> bool:
    """Two to four capitalised words of letters (particles, initials, a nickname in brackets allowed).

    No job title, heading, label or connective: those words are in no one's name.
    """
    words = _BRACKETED.sub("", text).split()
    if not 2 <= len(words) <= _MAX_NAME_WORDS or looks_like_job_title(text):
        return False
    if any(word.lower().strip(".") in _NOT_NAME_WORDS for word in words) or words[-1].lower() in _NAME_PARTICLES:
        return False
    if not text.isupper() and any(word.isupper() and word.lower() in _POST_NOMINALS for word in words):
        return False  # "Data Science MBA": credentials in capitals among ordinary words
    capitalised = [word for word in words if word.lower() not in _NAME_PARTICLES]
    return (
        all(_NAME_WORD.match(word) for word in words)
        and len(capitalised) >= 2
        and all(word[0].isupper() for word in capitalised)
    )


def _display_name(text: str) -> str:
    """The name as written, except that ALL CAPS becomes Title Case."""
    return " ".join(text.title().split()) if text.isupper() else " ".join(text.split())
