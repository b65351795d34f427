"""Blind review: what in a CV says who the candidate is, found so it can be covered, and how a candidate is
called instead ("Candidate 17").

The personal-details pass reads the lines of a Document and returns each stretch that identifies the person or
says their sex, age or origin: the name (from the contact extraction, else the large line at the top of page 1),
email addresses, phone numbers, addresses and locations, links, date and place of birth, age, gender markers
(titles such as Mr or Ms, he or she, "Gender:"), nationality and marital status. Each stretch keeps its line and
a box on the page, so a page image can be covered where it stands and a text masked where it reads.

None of this feeds the scores: scoring reads jobs, certifications and degrees, and a test masks every stretch
found here and checks that no score moves. What blind review cannot hide is said in the README: the way a CV
is written, and the names of universities and employers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal, cast

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from screener.contact import email_spans, phone_spans
from screener.cv_formats import read_cv
from screener.experience import looks_like_job_title
from screener.models import Box, Candidate, Contact, Document, Line

__all__ = [
    "MASK",
    "PersonalKind",
    "PersonalSpan",
    "blind_label",
    "cover_boxes",
    "covers_by_page",
    "first_page_images",
    "image_boxes",
    "masked_document",
    "masked_text",
    "personal_spans",
    "scrub",
]

PersonalKind = Literal[
    "name", "email", "phone", "address", "link", "birth", "age", "gender", "nationality", "marital"
]  # fmt: skip
MASK = "█"  # what a masked character reads as in a text view
HIDDEN = "[hidden]"  # what identifying words in the app's own texts (errors, tooltips) read as

# Labels before a personal value, in the languages the screener reads; the label goes with its value ("Gender:"
# is itself a gender marker) and the value runs to the next separator.
_LABELS: tuple[tuple[PersonalKind, str], ...] = (
    ("name", r"(?:full\s+|first\s+|last\s+|family\s+)?name|surname|nom|nome|naam|nombre|vorname|nachname|prénom"),
    (
        "birth",
        r"date\s+of\s+birth|birth\s*date|birthday|d\.?o\.?b\.?|born|place\s+of\s+birth|geburtsdatum|geburtsort"
        r"|geboren|date\s+de\s+naissance|né(?:e)?\s+le|fecha\s+de\s+nacimiento|data\s+di\s+nascita",
    ),
    ("age", r"age|alter|âge|edad|età"),
    ("gender", r"gender|sex|geschlecht|sexe|sexo|sesso"),
    (
        "nationality",
        r"nationality|citizenship|nationalité|staatsangehörigkeit|nationalität|nacionalidad|nazionalità"
        r"|work\s+permit|visa(?:\s+status)?|residency|ethnicity|religion",
    ),
    ("marital", r"marital\s+status|civil\s+status|family\s+status|familienstand|état\s+civil|estado\s+civil"),
    (
        "address",
        r"(?:home\s+|postal\s+|mailing\s+)?address|adresse|anschrift|wohnort|dirección|indirizzo|domicile|location"
        r"|residence|city|lives\s+in|based\s+in",
    ),
    (
        "link",
        r"linked\s*in|github|gitlab|website|web|homepage|portfolio|blog|xing|twitter|skype|url|profile\s+link",
    ),
    ("phone", r"phone|telephone|tel|mobile|mob|cell|handy|téléphone|teléfono|whatsapp"),
    ("email", r"e-?mail|courriel|correo"),
)
_LABEL_WORDS = "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _LABELS)
_LABEL = re.compile(rf"^\s*(?:{_LABEL_WORDS})\.?\s*:", re.IGNORECASE)  # "Nationality: British"
# A label alone in a form's cell, its value in the cell beside: a colon, or a label no skill list holds.
_LABEL_ALONE = re.compile(rf"^\s*(?:{_LABEL_WORDS})\.?\s*:?\s*$", re.IGNORECASE)
_UNMISTAKABLE: frozenset[PersonalKind] = frozenset(("birth", "gender", "nationality", "marital"))
# What parts one line into items: "jane@x.com | +44 20 ... | Leeds, UK".
_SEGMENT = re.compile(r"\s*[|•·▪◦●;]\s*|\s+[—–]\s+|\s{3,}|\t+")
_LINK = re.compile(
    r"(?i:(?:https?://|www\.)\S+"
    r"|(?<![\w@.])(?:[\w-]+\.)*(?:linkedin|github|gitlab|bitbucket|xing|twitter|x|behance|dribbble|medium"
    r"|stackoverflow|kaggle|about\.me|facebook|instagram)\.(?:com|me|io|de)(?:/\S*)?)"
    # Any other site only written in lower case with a path: "ASP.NET/C#" is a skill, "jane.dev/blog" a link.
    r"|(?<![\w@.])[a-z\d-]+(?:\.[a-z\d-]+)*\.(?:com|io|dev|me|net|org|co\.uk|de|fr|nl|eu)/\S+"
    r"|(?<!\w)/in/[\w-]+",
)
_PHONE = re.compile(r"(?<![\w+])(?:\+|\b00|\b0|\()[\d ()./-]{6,20}\d(?!\w)")
_PHONE_DIGITS = (8, 15)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_TITLE = re.compile(r"(?<![\w.])(?:Mr|Mrs|Ms|Miss|Mx|Mister|Madam|Herr|Frau|Mme|Mlle|Monsieur|Madame)\b\.?")
_PRONOUN = re.compile(r"\b(?:he|she|him|her|his|hers|himself|herself)\b", re.IGNORECASE)
_BORN = re.compile(r"\bborn\b(?:\s+(?:on|in))?\s+[^|•;,]{0,30}?\b(?:19|20)\d{2}\b", re.IGNORECASE)
_AGE = re.compile(r"\b\d{2}\s*(?:years?|yrs?)[\s-]*old\b|\baged\s+\d{2}\b|\bage\s*:?\s*\d{2}\b", re.IGNORECASE)
_MARITAL = re.compile(
    r"\b(?:married|single|divorced|widowed|unmarried|engaged|verheiratet|ledig|geschieden|verwitwet|mariée?"
    r"|célibataire|divorcée?|casad[oa]|solter[oa]|sposat[oa]|celibe|nubile)\b"
    r"|\b(?:\d+|one|two|three|four)\s+(?:children|kids|child)\b",
    re.IGNORECASE,
)
_MARITAL_SEGMENT_WORDS = 6  # "single" in "single sign-on" is no marital status: only short items count
_CITIZEN = re.compile(
    r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:citizen|national|passport\s+holder)\b|\bcitizen\s+of\s+[A-Z][\w ]+",
)
_STREET = re.compile(
    r"\b\d{1,5}[a-zA-Z]?,?\s+(?:[A-Z][\w'.-]*\s+){0,4}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard"
    r"|Blvd|Way|Court|Ct|Place|Pl|Square|Sq|Close|Crescent|Terrace|Gardens|Grove|Hill|Parkway|Highway)\b\.?"
    r"|\b[A-ZÄÖÜ][\wäöüß-]*(?:straße|strasse|str\.|weg|gasse|allee|platz|damm)\s*\d{1,3}[a-z]?\b"
    r"|\b(?:rue|avenue|boulevard|chemin|calle|via|viale|piazza|rua|avenida)\s+[^|•;,]{2,40}",
    re.IGNORECASE,
)
_POSTCODE = re.compile(
    r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b"  # UK
    r"|\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b"  # US state and ZIP
    r"|\b(?!(?:19|20)\d\d\b)\d{4,5}\s+[A-ZÄÖÜ][a-zäöüßéè]+(?:[ -][A-Z][a-zäöüßéè]+)?\b"  # DE, FR: code, town
)
_PERSONAL_SECTIONS = frozenset(("header", "other"))  # the top of a CV, and "Personal details" sections
_NAME_WORD_MIN = 2
_FILE_PATH = re.compile(
    r"(?:[A-Za-z]:)?[/\\][^\n()\"“”]*?\.(?:pdf|docx?|odt|rtf|pages)\b|[^\s/\\()]+\.(?:pdf|docx?|odt|rtf|pages)\b",
    re.IGNORECASE,
)
_CONTACT_ITEM_WORDS = 5  # a place on the contact line: "Leeds, UK", "Greater London Area"
_SAME_ROW = 3.0  # points: a label's value set in the cell beside it
_TOP_SHARE = 0.25  # of page 1: where a name the contact extraction missed is set
_PAD = 1.5  # points around a covered stretch: estimated widths must not leave a letter's edge showing
_ESTIMATE_FONT = "Helvetica"


@dataclass(frozen=True)
class PersonalSpan:
    """A stretch of one line that identifies the candidate: `line.text[start:end]`."""

    kind: PersonalKind
    line: Line
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.line.text[self.start : self.end]

    @property
    def page(self) -> int:
        return self.line.page

    @property
    def box(self) -> Box:
        """Where the stretch stands on its page: the line's box, cut in proportion to the text's width."""
        line, box = self.line, self.line.box
        if self.start <= 0 and self.end >= len(line.text.rstrip()):
            return _padded(box, _PAD)
        whole = _width(line.text) or 1.0
        scale = (box.x1 - box.x0) / whole
        left = box.x0 + _width(line.text[: self.start]) * scale
        right = box.x0 + _width(line.text[: self.end]) * scale
        slack = max(_PAD, 0.25 * line.size)  # widths are estimated from a standard font
        return Box(
            max(box.x0, left - slack) - _PAD, box.top - _PAD, min(box.x1, right + slack) + _PAD, box.bottom + _PAD
        )


# An image covering this share of its page is the page itself (a scan, a background), not a photo.
_PAGE_SIZED = 0.5


def _width(text: str) -> float:
    # Imported here: the command line loads this module, and only blind review needs reportlab's font metrics.
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(text, _ESTIMATE_FONT, 10.0))


def _padded(box: Box, pad: float) -> Box:
    return Box(box.x0 - pad, box.top - pad, box.x1 + pad, box.bottom + pad)


def blind_label(number: int) -> str:
    """How blind review names a candidate."""
    return f"Candidate {number}"


# The personal-details pass --------------------------------------------------------------------------------


def personal_spans(document: Document, contact: Contact | None = None) -> list[PersonalSpan]:
    """Every stretch of the document that identifies the candidate, in reading order, overlaps merged."""
    contact = contact or Contact()
    name_words = _name_patterns(contact.name)
    lines = list(document.lines)
    found: list[PersonalSpan] = []
    for line in lines:
        found += _merged(line, [*_beside_a_label(line, lines), *_stretches(line, name_words)])
    if not any(span.kind == "name" for span in found):  # no name read, or not as the page writes it
        found += _unnamed_name_line(lines, found)
    return sorted(found, key=lambda s: (s.page, s.line.box.top, s.line.box.x0, s.start))


def _name_patterns(name: str | None) -> list[re.Pattern[str]]:
    """The name in full, then each word of it as written or in capitals: a CV repeats a surname alone."""
    if not name:
        return []
    words = [word.strip(".,()") for word in name.split()]
    words = [word for word in words if len(word) >= _NAME_WORD_MIN]
    full = r"[\W_]{0,3}".join(re.escape(word) for word in name.split())  # "Jane Doe", "jane|doe", "JaneDoe"
    patterns = [re.compile(rf"(?<!\w){full}(?!\w)", re.IGNORECASE)]
    for word in words:
        spelt = "|".join(re.escape(form) for form in {word, word.upper(), word.capitalize()})
        patterns.append(re.compile(rf"(?<!\w)(?:{spelt})(?:['’]s)?(?!\w)"))
    return patterns


def _stretches(line: Line, name_words: Sequence[re.Pattern[str]]) -> Iterator[tuple[PersonalKind, int, int]]:
    text = line.text
    for pattern in name_words:
        for found in pattern.finditer(text):
            yield "name", *found.span()
    for start, end in email_spans(text):
        yield "email", start, end
    for start, end in phone_spans(text):
        yield "phone", start, end
    for found in _PHONE.finditer(text):  # the contact extraction reads fewer forms: "+44 7700 900456"
        digits = sum(char.isdigit() for char in found.group())
        if _PHONE_DIGITS[0] <= digits <= _PHONE_DIGITS[1] and len(_YEAR.findall(found.group())) < 2:
            yield "phone", *found.span()
    patterns: list[tuple[PersonalKind, re.Pattern[str]]] = [
        ("link", _LINK),
        ("gender", _TITLE),
        ("gender", _PRONOUN),
        ("birth", _BORN),
        ("age", _AGE),
        ("nationality", _CITIZEN),
    ]
    if line.section in _PERSONAL_SECTIONS:  # "2018 Scrum Master" reads like a post code and town elsewhere
        patterns += [("address", _STREET), ("address", _POSTCODE)]
    for kind, pattern in patterns:
        for found in pattern.finditer(text):
            yield kind, *found.span()
    segments = list(_segments(text))
    contact_line = any(
        _segment_is_contact(text[start:end]) or any(p.search(text[start:end]) for p in name_words)
        for start, end in segments
    )
    for start, end in segments:
        segment = text[start:end]
        labelled = _LABEL.match(segment)
        if labelled and labelled.lastgroup:
            yield cast(PersonalKind, labelled.lastgroup), start, end  # the groups are named by kind
            continue
        alone = _LABEL_ALONE.match(segment)
        if alone and alone.lastgroup in _UNMISTAKABLE:  # "Gender" set apart from its value
            yield alone.lastgroup, start, end
            continue
        personal = line.section in _PERSONAL_SECTIONS
        if personal and _MARITAL.search(segment) and len(segment.split()) <= _MARITAL_SEGMENT_WORDS:
            yield "marital", start, end
        if personal and (_STREET.search(segment) or _POSTCODE.search(segment)):
            yield "address", start, end  # the whole address, town and country with the street
        # On the line that gives the email or phone, a short item that is no job title is where they live.
        if (
            contact_line
            and len(segments) > 1
            and line.section == "header"
            and _looks_like_place(segment)
            and not _segment_is_contact(segment)
        ):
            yield "address", start, end


def _segments(text: str) -> Iterator[tuple[int, int]]:
    """The items of a line, as offsets, without the separators around them."""
    start = 0
    for separator in _SEGMENT.finditer(text):
        if separator.start() > start:
            yield start, separator.start()
        start = separator.end()
    if start < len(text):
        yield start, len(text.rstrip())


def _segment_is_contact(segment: str) -> bool:
    return bool(next(email_spans(segment), None) or next(phone_spans(segment), None) or _LINK.search(segment))


def _looks_like_place(segment: str) -> bool:
    words = segment.split()
    return (
        0 < len(words) <= _CONTACT_ITEM_WORDS
        and not looks_like_job_title(segment)
        and any(word[:1].isupper() for word in words)
        and not any(char.isdigit() for char in segment.replace(" ", "")[:1])
    )


def _beside_a_label(line: Line, lines: Sequence[Line]) -> list[tuple[PersonalKind, int, int]]:
    """A form's value cell: a label alone in the cell left of this line ("Date of birth") makes it personal."""
    found: list[tuple[PersonalKind, int, int]] = []
    for label in lines:
        if label is line or label.page != line.page or abs(label.box.top - line.box.top) >= _SAME_ROW:
            continue
        alone = _LABEL_ALONE.match(label.text)
        kind = alone.lastgroup if alone else None
        if kind is None or label.box.x0 >= line.box.x0 or (":" not in label.text and kind not in _UNMISTAKABLE):
            continue
        beside = [o for o in lines if o.page == label.page and o.box.x0 > label.box.x0 and _same_row(o, label)]
        if min(beside, key=lambda o: o.box.x0) is line:
            found.append((cast(PersonalKind, kind), 0, len(line.text)))
    return found


def _same_row(one: Line, other: Line) -> bool:
    return abs(one.box.top - other.box.top) < _SAME_ROW


def _merged(line: Line, stretches: Iterable[tuple[PersonalKind, int, int]]) -> list[PersonalSpan]:
    """Overlapping stretches of one line made one, keeping the kind of the first."""
    merged: list[PersonalSpan] = []
    for kind, start, end in sorted(stretches, key=lambda s: (s[1], -s[2])):
        if end <= start:
            continue
        if merged and start <= merged[-1].end:
            last = merged[-1]
            merged[-1] = replace(last, end=max(last.end, end))
        else:
            merged.append(PersonalSpan(kind, line, start, end))
    return merged


def _unnamed_name_line(lines: Sequence[Line], found: Sequence[PersonalSpan]) -> list[PersonalSpan]:
    """When the contact extraction found no name, the largest line at the top of page 1 that is no heading,
    job title, email or number is covered as the name: blind review errs on the side of hiding."""
    page_one = [line for line in lines if line.page == 1 and line.text.strip()]
    if not page_one:
        return []
    bottom = max(line.box.bottom for line in page_one)
    top = [
        line
        for line in page_one
        if line.box.top <= _TOP_SHARE * bottom
        and not line.is_heading
        and not looks_like_job_title(line.text)
        and not any(char.isdigit() or char == "@" for char in line.text)
    ]
    if not top:
        return []
    body = sorted(line.size for line in page_one)[len(page_one) // 2]
    largest = max(top, key=lambda line: line.size)
    covered = {id(span.line) for span in found if span.start == 0 and span.end >= len(span.line.text.rstrip())}
    if largest.size <= body or id(largest) in covered:
        return []
    return [PersonalSpan("name", largest, 0, len(largest.text))]


# Masking ---------------------------------------------------------------------------------------------------


def masked_text(text: str, stretches: Iterable[tuple[int, int]], mask: str = MASK) -> str:
    """The text with each (start, end) stretch replaced by as many mask characters: offsets stay put."""
    characters = list(text)
    for start, end in stretches:
        for at in range(max(start, 0), min(end, len(characters))):
            if not characters[at].isspace():
                characters[at] = mask
    return "".join(characters)


def masked_document(document: Document, spans: Iterable[PersonalSpan], mask: str = MASK) -> Document:
    """The document with every personal stretch masked in its line's text; boxes, sections and order kept."""
    by_line: dict[int, list[tuple[int, int]]] = {}
    for span in spans:
        by_line.setdefault(id(span.line), []).append((span.start, span.end))
    lines = tuple(
        replace(line, text=masked_text(line.text, by_line[id(line)], mask)) if id(line) in by_line else line
        for line in document.lines
    )
    return replace(document, lines=lines)


def image_boxes(page: pdfium.PdfPage) -> list[Box]:
    """Where the page's embedded images (a photo, a logo) are drawn, in points from the top-left corner.

    An image over half the page or more is left out: it is a scanned page or a background, whose personal
    details are covered as text where OCR read them, not a photo to paint over whole."""
    width, height = page.get_size()
    boxes = []
    for image in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3):
        bounds = image.get_bounds() if hasattr(image, "get_bounds") else image.get_pos()  # pypdfium2 5, 4
        left, bottom, right, top = bounds
        box = Box(float(left), float(height - top), float(right), float(height - bottom))
        if (box.x1 - box.x0) * (box.bottom - box.top) < _PAGE_SIZED * width * height:
            boxes.append(box)
    return boxes


def first_page_images(file: Path) -> list[Box]:
    """The embedded images of a PDF's first page; none for a file PDFium cannot open (a Word CV)."""
    try:
        pdf = pdfium.PdfDocument(file)
    except pdfium.PdfiumError:
        return []
    try:
        page = pdf[0]
        try:
            return image_boxes(page)
        finally:
            page.close()
    finally:
        pdf.close()


def covers_by_page(file: Path, contact: Contact, document: Document | None = None) -> dict[int, tuple[Box, ...]]:
    """What blind review covers on each page of a CV, read from the file unless its extraction is given.

    Reads the file with PDFium: call it where PDFium may be called (the app's PDFium thread)."""
    document = document or read_cv(file)
    spans = personal_spans(document, contact)
    images = first_page_images(file)
    return {page: tuple(cover_boxes(spans, page, images)) for page in {span.page for span in spans} | {1}}


def cover_boxes(spans: Iterable[PersonalSpan], page: int, images: Iterable[Box] = ()) -> list[Box]:
    """What to cover on one page: its personal stretches, and on page 1 every image (photos are embedded)."""
    boxes = [span.box for span in spans if span.page == page]
    if page == 1:
        boxes += [_padded(box, _PAD) for box in images]
    return boxes


# The app's own words about a candidate ----------------------------------------------------------------------


def identifying_words(candidate: Candidate) -> list[str]:
    """What names the candidate in texts the app writes itself: path, file name, name, email, phone."""
    contact = candidate.contact
    path = Path(candidate.file)
    words = [candidate.file, path.name, path.stem if len(path.stem) >= 4 else ""]
    words += [contact.name or "", contact.email or "", contact.phone or ""]
    words += [word for word in (contact.name or "").split() if len(word) > _NAME_WORD_MIN]
    return sorted({word for word in words if word}, key=len, reverse=True)


def scrub(text: str, candidate: Candidate, hidden: str = HIDDEN) -> str:
    """A text the app shows about a candidate (an error, a warning, a line read from the CV) with whatever
    identifies them replaced by `hidden`, and any other email address, phone number or link too."""
    if not text:
        return text
    for word in identifying_words(candidate):
        if word.casefold() in text.casefold():  # most texts hold none: no pattern is compiled for them
            text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", hidden, text, flags=re.IGNORECASE)
    text = _FILE_PATH.sub(hidden, text)  # another candidate's file: "possible duplicate of /cvs/jane.pdf"
    stretches = sorted([*email_spans(text), *phone_spans(text), *(m.span() for m in _LINK.finditer(text))])
    for start, end in reversed(stretches):
        text = text[:start] + hidden + text[end:]
    return text
