"""Find section headings by wording and layout, and tag every line with the section it belongs to."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from screener.models import Line, Section

# Checked in order: the first phrase contained in a heading decides, so specific phrases come first
# ("volunteer experience" is not work experience, "project management" is not a projects section).
# Phrases are written without accents (headings are folded before matching) and in the languages CVs
# in Europe are written in: English, German, French, Spanish, Italian, Portuguese, Dutch.
_HEADING_PHRASES: tuple[tuple[str, Section], ...] = (
    ("volunteer", "other"),
    ("volunteering", "other"),
    ("ehrenamt", "other"),
    ("benevolat", "other"),
    ("voluntariado", "other"),
    ("volontariato", "other"),
    ("vrijwilligerswerk", "other"),
    ("honors", "other"),
    ("honours", "other"),
    ("awards", "other"),
    ("interests", "other"),
    ("hobbies", "other"),
    ("hobbys", "other"),
    ("references", "other"),
    ("referenzen", "other"),
    ("publications", "other"),
    ("involvement", "other"),
    ("activities", "other"),
    ("activiteiten", "other"),
    ("affiliations", "other"),
    ("memberships", "other"),
    ("links", "other"),
    ("achievements", "other"),
    ("additional information", "other"),
    ("personal information", "other"),
    ("personal details", "other"),
    ("personliche daten", "other"),
    ("stammdaten", "other"),
    ("informations personnelles", "other"),
    ("datos personales", "other"),
    ("dati personali", "other"),
    ("informacoes pessoais", "other"),
    ("persoonlijke gegevens", "other"),
    ("interessen", "other"),
    ("interets", "other"),
    ("loisirs", "other"),
    ("intereses", "other"),
    ("interesses", "other"),
    ("interessi", "other"),
    ("passies", "other"),
    ("sonstiges", "other"),
    ("divers", "other"),
    ("certification", "certifications"),
    ("certificates", "certifications"),
    ("licenses", "certifications"),
    ("licences", "certifications"),
    ("credentials", "certifications"),
    ("accreditations", "certifications"),
    ("zertifikate", "certifications"),
    ("zertifizierungen", "certifications"),
    ("certificats", "certifications"),
    ("certificaciones", "certifications"),
    ("certificazioni", "certifications"),
    ("certificacoes", "certifications"),
    ("certificaten", "certifications"),
    ("education", "education"),
    ("academic", "education"),
    ("educational qualifications", "education"),
    ("ausbildung", "education"),
    ("berufsausbildung", "education"),
    ("schulbildung", "education"),
    ("bildungsweg", "education"),
    ("studium", "education"),
    ("formation", "education"),
    ("formations", "education"),
    ("etudes", "education"),
    ("cursus", "education"),
    ("formacion", "education"),
    ("educacion", "education"),
    ("estudios", "education"),
    ("istruzione", "education"),
    ("formazione", "education"),
    ("formacao", "education"),
    ("educacao", "education"),
    ("opleiding", "education"),
    ("opleidingen", "education"),
    ("onderwijs", "education"),
    ("experience", "experience"),
    ("employment", "experience"),
    ("work history", "experience"),
    ("career history", "experience"),
    ("professional history", "experience"),
    ("career", "experience"),
    ("berufserfahrung", "experience"),
    ("arbeitserfahrung", "experience"),
    ("praxiserfahrung", "experience"),
    ("erfahrung", "experience"),
    ("werdegang", "experience"),
    ("experiencia", "experience"),
    ("trayectoria profesional", "experience"),
    ("esperienza", "experience"),
    ("esperienze", "experience"),
    ("werkervaring", "experience"),
    ("loopbaan", "experience"),
    ("parcours professionnel", "experience"),
    ("internships", "experience"),
    ("emplois", "experience"),
    ("praktika", "experience"),
    ("skills", "skills"),
    ("competencies", "skills"),
    ("expertise", "skills"),
    ("technologies", "skills"),
    ("technical proficiencies", "skills"),
    ("tools", "skills"),
    ("kenntnisse", "skills"),
    ("fahigkeiten", "skills"),
    ("kompetenzen", "skills"),
    ("competences", "skills"),
    ("competencias", "skills"),
    ("competenze", "skills"),
    ("habilidades", "skills"),
    ("vaardigheden", "skills"),
    ("summary", "summary"),
    ("profile", "summary"),
    ("objective", "summary"),
    ("about me", "summary"),
    ("personal statement", "summary"),
    ("profil", "summary"),
    ("kurzprofil", "summary"),
    ("uber mich", "summary"),
    ("perfil", "summary"),
    ("profilo", "summary"),
    ("profiel", "summary"),
    ("resumo", "summary"),
    ("a propos", "summary"),
    ("qualifications", "skills"),
    ("accomplishments", "other"),
    ("projects", "projects"),
    ("project", "projects"),
    ("projekte", "projects"),
    ("projets", "projects"),
    ("proyectos", "projects"),
    ("progetti", "projects"),
    ("projetos", "projects"),
    ("projecten", "projects"),
    ("training", "training"),
    ("courses", "training"),
    ("coursework", "training"),
    ("professional development", "training"),
    ("weiterbildung", "training"),
    ("fortbildung", "training"),
    ("cursos", "training"),
    ("languages", "languages"),
    ("sprachen", "languages"),
    ("sprachkenntnisse", "languages"),
    ("langues", "languages"),
    ("idiomas", "languages"),
    ("lingue", "languages"),
    ("talen", "languages"),
    ("highlights", "skills"),
)
# Words that may stand beside a heading phrase in a line that is nothing but a heading.
_QUALIFIERS = frozenset(
    {"professional", "work", "relevant", "technical", "key", "core", "selected", "additional", "other", "and", "my"}
    | {"personal", "history", "background", "highlights", "overview", "details", "information", "of", "top"}
    | {"executive", "hard", "soft", "main", "summary", "recent", "previous", "industry", "military"}
    # The same roles in other languages: "Expériences professionnelles", "Berufliche Erfahrung", ...
    | {"berufliche", "beruflicher", "praktische", "und", "professionnelle", "professionnelles", "principales"}
    | {"et", "laboral", "laborales", "profesional", "y", "e", "lavorativa", "lavorative", "professionale"}
    | {"profissional", "profissionais", "principais", "academica", "academico", "en", "andere", "autres"}
    | {"otras", "altre", "outras", "technische", "techniques", "tecnicas", "digitali", "linguistiche", "pro"}
    | {
        "akademische",
        "scolaires",
        "ecole",
        "universitaires",
        "personnels",
        "personal",
        "personnelles",
        "perso",
        "stages",
    }
    | {"centres", "centros", "d", "de", "del", "di", "des", "der", "van"}
)
_HEADING_WORDS = _QUALIFIERS | {word for phrase, _ in _HEADING_PHRASES for word in phrase.split()}
_HEADING_CONNECTOR = re.compile(r"(?:&|\band|\bund|\bet|\by|/|,)\s*$", re.IGNORECASE)
_MAX_HEADING_WORDS = 5
_WRAPPED_LINE_WORDS = 8  # a line this long may go on in the next line
_INDENT_TOLERANCE = 3.0  # points
_WORD = re.compile(r"[a-z]+")
# A phrase matches in the singular or the plural ("Skill Highlights", "Certification").
_PHRASE_PATTERNS = tuple(
    (re.compile(rf"\b{phrase.removesuffix('s')}s?\b"), section) for phrase, section in _HEADING_PHRASES
)


def _folded_words(text: str) -> list[str]:
    """The text's words in lower case without accents ("Expériences" reads "experiences")."""
    lower = text.lower()
    if lower.isascii():  # most lines: nothing to decompose, no accent to drop
        return _WORD.findall(lower)
    decomposed = unicodedata.normalize("NFKD", lower)
    return _WORD.findall("".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def _is_heading_word(word: str) -> bool:
    return word in _HEADING_WORDS or word.removesuffix("s") in _HEADING_WORDS or f"{word}s" in _HEADING_WORDS


def heading_section(text: str) -> Section | None:
    """The section a heading names, when the text is nothing but heading words ("Work History")."""
    words = _folded_words(text)
    if not words or len(words) > _MAX_HEADING_WORDS or any(ch.isdigit() for ch in text):
        return None
    if not all(_is_heading_word(word) for word in words):
        return None
    joined = " ".join(words)
    return next((section for pattern, section in _PHRASE_PATTERNS if pattern.search(joined)), None)


def _looks_like_heading(line: Line, body_size: float) -> bool:
    """Layout cues: larger or bolder than the body, capitals, a colon, or a capitalised line on its own."""
    text = line.text.strip()
    letters = [c for c in text if c.isalpha()]
    all_caps = bool(letters) and all(c.isupper() for c in letters)
    # An icon glyph may stand before the heading word, so the first letter counts, not the first character.
    stands_alone = bool(letters) and letters[0].isupper() and not text.endswith((".", ","))
    return line.size > body_size + 0.5 or line.bold or all_caps or text.endswith(":") or stands_alone


def _body_size(lines: Sequence[Line]) -> float:
    """The median size over the text's characters: each line's size counted once per character.

    Taken from the lines sorted by size with their lengths, not from a list of every character's size.
    """
    by_size = sorted((line.size, len(line.text)) for line in lines)
    count = sum(length for _, length in by_size)
    if not count:
        return 0.0
    # The middle character, or the two middle ones of an even count, as statistics.median takes them.
    return (_size_at(by_size, (count - 1) // 2) + _size_at(by_size, count // 2)) / 2


def _size_at(by_size: Sequence[tuple[float, int]], position: int) -> float:
    """The size of the character at `position` in the text's characters ordered by size."""
    for size, length in by_size:
        if position < length:
            return size
        position -= length
    raise IndexError(position)


def _section_carried_over(tagged: Sequence[Line], line: Line, current: Section) -> Section:
    """The section a new page opens in: that of the column it continues, not of the sidebar read last."""
    previous_page = [t for t in tagged if t.page == line.page - 1]
    same_column = [t for t in previous_page if t.box.x0 < line.box.x1 and line.box.x0 < t.box.x1]
    return same_column[-1].section if same_column else current


def _wraps_from(tagged: Sequence[Line], line: Line, body_size: float) -> bool:
    """True when a plain line is the end of a sentence wrapped from the long line above it.

    Such a line sits at the indent of the text it continues, deeper than the headings found so far;
    a heading word there ("... and Employee" / "Training") is the end of a sentence, not a heading.
    """
    previous = tagged[-1] if tagged else None
    if previous is None or previous.page != line.page or line.size > body_size + 0.5 or line.bold:
        return False
    heading_indents = [t.box.x0 for t in tagged if t.is_heading]
    deeper = bool(heading_indents) and line.box.x0 > min(heading_indents) + _INDENT_TOLERANCE
    same_indent = abs(previous.box.x0 - line.box.x0) <= _INDENT_TOLERANCE
    return deeper and same_indent and len(previous.text.split()) >= _WRAPPED_LINE_WORDS


def _continues_heading(tagged: Sequence[Line], line: Line) -> bool:
    previous = tagged[-1] if tagged else None
    return (
        previous is not None
        and previous.is_heading
        and previous.page == line.page
        and _HEADING_CONNECTOR.search(previous.text) is not None
    )


def assign_sections(lines: Sequence[Line]) -> list[Line]:
    """Mark heading lines and give every line the section of the heading above it in reading order."""
    body_size = _body_size(lines)
    current: Section = "header"
    tagged: list[Line] = []
    for line in lines:
        section = heading_section(line.text)
        if section is not None and _looks_like_heading(line, body_size) and not _wraps_from(tagged, line, body_size):
            # A heading wrapped after "&" or "and" ("EDUCATION & / QUALIFICATIONS") names one section: its start.
            if not _continues_heading(tagged, line):
                current = section
            tagged.append(replace(line, section=current, is_heading=True))
            continue
        if tagged and line.page != tagged[-1].page:
            current = _section_carried_over(tagged, line, current)
        tagged.append(replace(line, section=current))
    return tagged
