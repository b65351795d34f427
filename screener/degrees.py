"""Academic degrees: level, field, technical/management flags and status, read from the CV's blocks."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date

from screener.experience import DateRange, find_date_ranges, has_term, term_pattern
from screener.models import Degree, DegreeLevel, DegreeStatus, Line, Span

__all__ = ["extract_degrees"]


@dataclass(frozen=True)
class _DegreeForm:
    """One way of writing a degree."""

    level: DegreeLevel
    pattern: re.Pattern[str]
    # Bare letters such as "MS" or "BA" also mean other things ("MS Office", the airline).
    needs_subject: bool = False
    # A plain word ("Master", "Licence", "Associate") names a degree only where an education entry opens with it:
    # elsewhere it is a role ("Scrum Master"), a plan or a driving licence.
    opens_entry: bool = False
    # Engineering and computing diplomas are technical whatever field follows them.
    technical: bool = False
    # What the letters stand for when no field is written ("MBA", "MCA").
    implied_field: str = ""
    source: str = ""  # the pattern's alternatives without the word edges every form shares


# A degree's letters or words stand apart: not inside a word, nor after a dot ("www.ms").
_FORM_START, _FORM_END = r"(?<![\w.])", r"(?![\w])"


def _form(
    level: DegreeLevel,
    source: str,
    *,
    needs_subject: bool = False,
    opens_entry: bool = False,
    technical: bool = False,
    implied_field: str = "",
    exact_case: bool = False,
) -> _DegreeForm:
    flags = 0 if needs_subject or exact_case else re.IGNORECASE
    pattern = re.compile(rf"{_FORM_START}(?:{source}){_FORM_END}", flags)
    return _DegreeForm(level, pattern, needs_subject, opens_entry, technical, implied_field, source)


def _word_form(level: DegreeLevel, word: str, local_names: str = "") -> _DegreeForm:
    """The degree's English word: "Master of", "Bachelor's degree in", "Masters degree", "Master's"; and local names."""
    stating_subject = rf"{word}(?:'s|’s|s)?(?:\s+degree)?\s+(?:of|in|en|em)"
    alone = rf"{word}(?:(?:'s|’s)(?:\s+degree)?|s?\s+degree)"
    return _form(level, "|".join(filter(None, (stating_subject, alone, local_names))))


# Earlier forms win where two overlap ("Master of Business Administration" is an MBA, not a master).
_FORMS = (
    _form("phd", r"Ph\.?\s?D\.?|D\.?Phil\.?|Doctor\s+of\s+Philosophy|Doctorate|Doctorat|Dottorato|Doutorado|Doctorado"),
    _form("phd", r"Dr\.?-Ing\.?", technical=True),
    _form(
        "mba",
        r"(?:Executive\s+)?M\.?B\.?A\.?|EMBA|Master(?:'s|’s|s)?(?:\s+degree)?\s+(?:of|in)\s+Business\s+Administration",
        implied_field="Business Administration",
    ),
    _form(
        "master",
        r"Dipl\.?\s?-?\s?Ing\.?|Diplom-?\s?Ingenieur(?:in)?|Dipl\.?\s?-?\s?Inf\.?|Diplom-?\s?Informatiker(?:in)?"
        r"|Dipl[oô]me\s+d['’]\s?ing[ée]nieurs?|Ing[ée]nieur\s+dipl[ôo]m[ée]e?|M\.?\s?Eng\.?|M\.?\s?Tech\.?",
        technical=True,
    ),
    _form("master", r"M\.?C\.?A\.?", technical=True, implied_field="Computer Applications", exact_case=True),
    _word_form(
        "master", r"(?<!Scrum\s)Master", r"M[áa]ster\s+en|Laurea\s+(?:magistrale|specialistica)|Mestrado|Magister"
    ),
    _form("master", r"M\.?\s?Sc\.?|M\s?\.\s?S\.?|M\.A\.?|M\.?\s?Phil\.?"),
    _form("master", r"MS|MA|MSN|MSW|MPH|MPA|MFA", needs_subject=True),
    _form("master", r"Master|MASTER|M[áa]ster|MÁSTER", opens_entry=True, exact_case=True),
    _form("bachelor", r"B\.?\s?Eng\.?|B\.?\s?Tech\.?|B\s?\.\s?E\.?", technical=True),
    _form("bachelor", r"B\.?C\.?A\.?", technical=True, implied_field="Computer Applications", exact_case=True),
    _word_form("bachelor", "Bachelor", r"Laurea\s+triennale|Licenciatura|Bacharelado"),
    _form("bachelor", r"B\.?\s?Sc\.?|B\s?\.\s?S\.?|B\.A\.?|B\.?B\.?A\.?|B\.\s?Com\.?|BCom"),
    _form("bachelor", r"BS|BA|BE|BSN|BSW|BFA|BSEE|BSCS|HBO", needs_subject=True),
    _form("bachelor", r"Bachelor|BACHELOR|Licence|LICENCE", opens_entry=True, exact_case=True),
    _form("master", r"Laurea", exact_case=True),  # the single-cycle degree before Bologna
    _word_form("associate", "Associate"),
    _form("associate", r"A\.A\.S\.|A\.S\.|A\.A\."),
    _form("associate", r"AAS|AA|AS|ADN|ASN", needs_subject=True),
    # A bare "Associate" is also a rank or a membership: only "Associate : <field>" and "Associates, <field>" name the
    # degree. DUT and BTS: the French two-year diplomas after the baccalauréat.
    _form("associate", r"(?:Associates?|ASSOCIATES?)(?=\s*[:,])|DUT|BTS", opens_entry=True, exact_case=True),
    _form("other", r"Diploma\s+(?:of|in)|Degree\s+in"),
)

# Any form at all: most blocks name no degree, and one search rules them out before the forms one by one. The
# shared word edges stand once around the alternatives, so most positions fail at the first check, not one per form.
_ANY_FORM = re.compile(
    _FORM_START
    + "(?:"
    + "|".join(f"(?{'i' if form.pattern.flags & re.IGNORECASE else ''}:{form.source})" for form in _FORMS)
    + ")"
    + _FORM_END
)

_HONOURS = re.compile(r"^[\s,:(]*(?:\(?hons?\.?\)?|\(?honou?rs\)?)[\s,:)]*", re.IGNORECASE)
_LEADS_TO_SUBJECT = re.compile(r"^[\s,:–—-]*(?:in|of)\s+", re.IGNORECASE)
_COLON = re.compile(r"^\s*:")
# Separators that list things (institution, place, dates) rather than introduce a field as a colon does.
_LISTING = frozenset({",", ";", "-", "–", "—", "|", "·", "•", "(", ")", "/"})
_SEGMENT_BREAK = re.compile(r"([,;|()•/·]|\s[-–—]\s|[–—]|\s?:\s)")
_MONTH_BEFORE_YEAR = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*(?=\d)|(?:spring|summer|fall|autumn|winter)"
)
_INSTITUTION_WORD = (
    r"Universi[a-zäéàt]*|College|Institute|Institut|School|Academy|Polytechnic|Politecnico|Hochschule"
    r"|Fachhochschule|Hogeschool|Lycée|Gymnasium|[ÉE]cole|IUT|INSA"
)
_AT_INSTITUTION = re.compile(rf"^\s+(?:at|from)\s+(?:the\s+)?(?:[A-Z][\w.&'-]*\s+){{0,4}}(?:{_INSTITUTION_WORD})\b")
_INSTITUTION = re.compile(rf"\b(?:{_INSTITUTION_WORD})\b", re.IGNORECASE)
# What follows a field of study: a date, a grade, the institution, the status.
_FIELD_STOP = re.compile(
    rf"\d|ï|\b(?:GPA|CGPA|at|from|{_INSTITUTION_WORD}|expected|in\s+progress|ongoing|pursuing|current|present"
    r"|candidate|with\s+(?:first|honou?rs|distinction)|program|programme|cum\s+laude|magna|summa|graduated"
    rf"|minor|concentration|thesis|relevant|coursework|courses|grade|EQF|{_MONTH_BEFORE_YEAR})\b",
    re.IGNORECASE,
)
_DEGREE_WORD = re.compile(r"^\s*degree\b|\s*\bdegree\s*$", re.IGNORECASE)
_IN = re.compile(r"\s+in\s+", re.IGNORECASE)
_SHARED_WITH_NEXT = re.compile(rf"^\s*(?i:&|and|/)\s*(?:{_ANY_FORM.pattern})")
_CANDIDATE_PREFIX = re.compile(r"^\s*(?:candidate|student)\s+(?:in|of)?\s*", re.IGNORECASE)
# "Bachelor of Science, Computer Science": the qualifier alone says little, the next segment is the field.
_GENERIC_QUALIFIERS = frozenset(
    {"science", "sciences", "arts", "art", "applied science", "applied sciences", "philosophy", "technology"}
    | {"engineering", "science research"}
)
_NOT_SUBJECTS = {"office", "excel", "word", "sql", "teams", "project", "access", "powerpoint", "windows", "azure"}
# A word that follows "Master" or "Bachelor" when they name something else ("Master Class", "Master Plan").
_NOT_A_DEGREE_AFTER = re.compile(
    r"^\s*(?:class|certified|certificate|certification|course|black\s+belt|plan|schedule|file|record|key|trainer"
    r"|training|craftsman|electrician|plumber|mechanic|carpenter|gardener|diver|chef|sergeant|technician|practitioner"
    r"|chief|team|party|suite|de\s+conduire|driving)\b",
    re.IGNORECASE,
)
# Before an entry's opening word: nothing, dates, or a separator after the institution ("Ghent University, ").
_ENTRY_PREFIX = re.compile(
    rf"^(?:[\s\d/.,|·•–—:()'’*-]|\b(?:{_MONTH_BEFORE_YEAR}|to|till|until|since|present)\b)*$"
    r"|[,|·•–—]\s*$|\s-\s*$",
    re.IGNORECASE,
)
_MAX_FIELD_WORDS = 6
_NEAR_BEFORE, _NEAR_AFTER = 60, 140
_CUT_TAIL = re.compile(r"[\s\-–—]*\S*$")
_IN_PROGRESS = re.compile(
    r"\b(?:in\s+progress|expected|anticipated|candidate|ongoing|pursuing|currently|enrolled|to\s+date"
    r"|will\s+graduate|graduating|going\s+to\s+(?:receive|graduate|complete)|to\s+be\s+(?:completed|awarded|conferred)|en\s+cours|laufend|in\s+corso"
    r"|em\s+andamento|en\s+curso|lopend)\b"
    # "Present" standing where an entry's end date goes, not "net present value".
    r"|(?:^|[,(|–—-])\s*(?:present|current|now|heute|heden|attuale|atual|actualidad)\b",
    re.IGNORECASE,
)
_STUDENT_OF = re.compile(r"^\s*(?:student|candidate)\b", re.IGNORECASE)
_BULLET = re.compile(r"^\s*[•·▪●◦‣∙*►➢✓-]?\s*")
# A block of dates alone: in date-first layouts it heads the entry below it.
_DATES_ONLY = re.compile(
    rf"^(?:[\s\d/.,|·•–—:()'’-]|\b(?:{_MONTH_BEFORE_YEAR}|to|till|until|since|present|current|now|graduate)\b)+$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W_]+")
_LOOSE_ACCENT = re.compile(r"\s?[\u0300-\u036f]")
_SENTENCE_END = re.compile(r"(?<=[a-z]{3}[.!?])\s+(?=[A-Z])")
# Germanic compounds carry the technical stem inside one word ("Elektrotechnik", "Wirtschaftsinformatik").
_TECHNICAL_COMPOUND = re.compile(
    r"\w*(?:informatik|informatica|technik|techniek|elektronik|ingenieurwesen|ingenieurwissenschaft)\w*\b",
    re.IGNORECASE,
)
# Technology studied in a life science or a service is not an engineering field ("Bio Technology").
_NON_TECHNICAL_TECHNOLOGY = re.compile(
    r"\b(?:bio|medical|food|educational|library|laboratory|radiologic(?:al)?|surgical|pharmaceutical|dental"
    r"|veterinary|culinary)\s*-?\s*technolog(?:y|ies)\b",
    re.IGNORECASE,
)
# An institution's name around a field word ("Institute of Technology", "School of Engineering").
_INSTITUTION_NAME = re.compile(
    rf"(?:[A-Z][\w.&'-]*\s+){{0,4}}(?:{_INSTITUTION_WORD})\b(?:\s+(?:of|for)\s+(?:(?:and|&)\s+|[A-Z][\w.&'-]*\s*)+)?"
)
_ENDS_WITH_SEPARATOR = re.compile(r"(?:[,;|(•/·:–—]|\s-)\s*$")
# The start of an institution's name left at a field's end: "Finance The", "Physics COLBY" (of "COLBY COLLEGE").
_INSTITUTION_OPENING = re.compile(r"(?:\s+(?:the|The|THE)|(?:\s+[A-Z][A-Z&.'-]+)+)$")
_COURSE_LIST = re.compile(r"\b(?:relevant|coursework|courses|modules|thesis|minor)\b", re.IGNORECASE)
# Certification names ("Certified Associate in Project Management") are not degrees.
_CREDENTIAL_SECTIONS = frozenset({"certifications", "training"})


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
        return self.is_technical(text) or has_term(self.management, text)

    def is_technical(self, text: str) -> bool:
        text = _NON_TECHNICAL_TECHNOLOGY.sub(" ", text)
        return has_term(self.technical, text) or _TECHNICAL_COMPOUND.search(text) is not None


@dataclass(frozen=True)
class _Field:
    name: str
    follows: bool  # read after the degree token rather than before it


@dataclass(frozen=True)
class _Segment:
    """A piece of the text after a degree token, up to a separator."""

    text: str
    separator: str  # the separator before it: "" right after the token
    at_institution: bool  # cut where an institution's name starts


def extract_degrees(
    lines: Sequence[Line],
    technical_fields: Collection[str],
    management_fields: Collection[str],
    as_of: date | None = None,
) -> tuple[Degree, ...]:
    """One Degree per distinct degree the candidate holds or is studying for, education section first.

    Outside the education section a block counts only when it states a degree "in/of <field>"; in the
    experience section that statement must open the block, so "hired engineers with a BSc" is not a degree.
    A degree dated after `as_of` (the day the CV was written) is in progress.
    """
    fields = _Fields(term_pattern(technical_fields), term_pattern(management_fields))
    blocks = [_without_loose_accents(line) for line in lines]
    ordered = sorted(range(len(blocks)), key=lambda index: blocks[index].section != "education")
    found: list[Degree] = []
    for index in ordered:
        if blocks[index].is_heading or blocks[index].section in _CREDENTIAL_SECTIONS:
            continue
        found += _degrees_in_block(blocks, index, fields, as_of)
    return _merged(found)


def _without_loose_accents(line: Line) -> Line:
    """The block without accents LaTeX set apart from their letters; most blocks are plain ASCII and have none."""
    return line if line.text.isascii() else replace(line, text=_LOOSE_ACCENT.sub("", line.text))


def _degrees_in_block(blocks: Sequence[Line], index: int, fields: _Fields, as_of: date | None) -> Iterator[Degree]:
    mentions = _mentions(blocks[index].text)
    levels: set[DegreeLevel] = set()
    for position, mention in enumerate(mentions):
        block, field = _block_and_field(blocks, index, mention, fields)
        # "Master of Business Administration (MBA)" names one degree twice.
        if mention.form.level in levels or not _counts(block, mention, field, fields):
            continue
        levels.add(mention.form.level)
        context = _status_context(blocks, index, mentions, position)
        yield _degree(block, mention, field, _status(context, mention, as_of), fields)


def _block_and_field(blocks: Sequence[Line], index: int, mention: _Mention, fields: _Fields) -> tuple[Line, _Field]:
    """The degree's block and field; the next block joins when the field is only written there."""
    block = blocks[index]
    field = _field(block.text, mention, fields)
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    if fields.known(field.name) or following is None or block.section != "education":
        return block, field
    if following.section != block.section or following.is_heading or _mentions(following.text):
        return block, field
    joined = replace(block, text=f"{block.text} {following.text}", box=block.box.union(following.box))
    wider = _field(joined.text, mention, fields)
    if fields.known(wider.name):
        return joined, wider
    return block, field


def _mentions(text: str) -> list[_Mention]:
    """Degree tokens in a block, left to right, the earlier form winning where two overlap."""
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
    after = text[mention.match.end() :]
    if shared := _SHARED_WITH_NEXT.match(after):  # "BA & MA in International Relations": one field for both
        after = after[shared.end() :]
    segments = [segment for segment in _segments(after) if not _names_degree(segment.text)]
    named = _named_field(segments, after, fields, mention.form)
    if named:
        return _Field(named, True)
    preceding = _preceding_field(text[: mention.match.start()])
    if fields.known(preceding) or (preceding and not segments):
        return _Field(preceding, False)
    if qualifier := _qualifier(segments):
        if term := _field_term_in(after, fields):
            return _Field(term, True)
        return _Field(qualifier, True)
    if mention.form.implied_field:
        return _Field(mention.form.implied_field, True)
    if term := _field_term_in(after, fields):
        return _Field(term, True)
    return _Field(preceding, False)


def _named_field(segments: Sequence[_Segment], after: str, fields: _Fields, form: _DegreeForm) -> str:
    """The field written after the token: directly, after a colon, or after a generic "of Science"."""
    if not segments:
        return ""
    first, implied = segments[0], bool(form.implied_field)
    if form.opens_entry:  # "Associates, Arts": what follows the word alone is its field, as after a colon
        segments = [replace(first, separator=":"), *segments[1:]]
    if _IN.search(first.text) and not first.separator:  # "Science in Computer Science"
        return _plausible(_IN.split(first.text)[-1])
    # "Master of Professional Studies : Data Analytics": a field after a colon is the field, whatever came before.
    by_colon = len(segments) > 1 and segments[1].separator.strip() == ":"
    candidates = segments[1:2] if _qualifier(segments) or by_colon else segments[:1]
    for segment in candidates:
        name = _without_institution(segment, after, implied)
        # After a comma a segment is as likely the institution ("MBA, Harvard"): only a known field counts.
        if segment.separator.strip() in _LISTING and not fields.known(name):
            continue
        return _plausible(name)
    return ""


def _qualifier(segments: Sequence[_Segment]) -> str:
    """The generic word of "Bachelor of Science" when it opens the text after the token, else nothing."""
    if segments and not segments[0].separator and segments[0].text.lower() in _GENERIC_QUALIFIERS:
        return segments[0].text
    return ""


def _preceding_field(before: str) -> str:
    """The segment just before the token: "Computer Science, BSc", "Computer Engineer - Bachelor of Science"."""
    if not _ENDS_WITH_SEPARATOR.search(before):
        return ""
    parts = [_tidy(part) for part in _SEGMENT_BREAK.split(before)]
    preceding = next((part for part in reversed(parts) if part), "")
    return "" if _FIELD_STOP.search(preceding) else _plausible(preceding)


def _segments(after: str) -> Iterator[_Segment]:
    """The text cut into segments at separators, ending where a date, grade or institution starts."""
    rest = _CANDIDATE_PREFIX.sub("", _LEADS_TO_SUBJECT.sub("", _HONOURS.sub("", after)))
    pieces = _SEGMENT_BREAK.split(rest)
    separator = ""
    for position, piece in enumerate(pieces):
        if position % 2:
            separator = piece
            continue
        piece = _CANDIDATE_PREFIX.sub("", _LEADS_TO_SUBJECT.sub("", piece))
        stop = _FIELD_STOP.search(piece) or _next_degree(piece)
        text = _DEGREE_WORD.sub("", _tidy(piece[: stop.start()] if stop else piece)).strip()
        if text or stop:
            yield _Segment(text, separator, bool(stop and _INSTITUTION.match(piece, stop.start())))
        if stop:
            return


def _next_degree(piece: str) -> re.Match[str] | None:
    """Another degree written inside the piece ("Math BSc Math", "... Technology ASSOCIATE DEGREE : ...")."""
    return next((found for found in _ANY_FORM.finditer(piece) if found.start() > 0), None)


def _names_degree(text: str) -> bool:
    """A segment that only repeats the degree's letters: "(B.Sc.)", "- BTech", "MS"."""
    return any(form.pattern.fullmatch(text) for form in _FORMS)


def _without_institution(segment: _Segment, after: str, implied: bool) -> str:
    """The field alone when the institution's name runs on from it ("Computer Science Illinois Institute").

    Exports such as livecareer's write the field again after the institution, so the longest opening of the
    segment written again later is the field. Else a segment after a comma, or after letters that imply their
    field ("MBA Eastlake State University"), is the institution's name.
    """
    text = _undoubled(segment.text)
    if not segment.at_institution:
        return text
    text = _INSTITUTION_OPENING.sub("", text) or text
    words = text.split()
    rest = after[after.find(text) + len(text) :]
    for size in range(len(words), 0, -1):
        opening = " ".join(words[:size])
        if re.search(rf"(?<!\w){re.escape(opening)}(?!\w)", rest):
            return opening
    return "" if (implied and not segment.separator) or segment.separator.strip() in _LISTING else text


def _undoubled(text: str) -> str:
    """'Computer Science Computer Science' written twice over by an export reads once."""
    words = text.split()
    half = len(words) // 2
    if half and len(words) % 2 == 0 and words[:half] == words[half:]:
        return " ".join(words[:half])
    return text


def _field_term_in(text: str, fields: _Fields) -> str:
    """A known field named later in the entry ("Bachelor of Science, May 2014 ... Information Systems")."""
    text = _SENTENCE_END.split(_COURSE_LIST.split(text, maxsplit=1)[0], maxsplit=1)[0]
    text = _INSTITUTION_NAME.sub(" ", text)
    for pattern in (fields.technical, fields.management):
        if pattern and (term := pattern.search(text)):
            return term.group()
    return ""


def _plausible(field: str) -> str:
    """The field, or nothing when it reads as an institution or runs on like a sentence."""
    return field if len(field.split()) <= _MAX_FIELD_WORDS and not _INSTITUTION.search(field) else ""


def _tidy(text: str) -> str:
    return text.strip(' \t,;:.-–—()"“”').strip()


def _counts(block: Line, mention: _Mention, field: _Field, fields: _Fields) -> bool:
    """Whether this mention is a degree of the candidate rather than a stray token."""
    after = _HONOURS.sub("", block.text[mention.match.end() :])
    token = mention.match.group()
    if _NOT_A_DEGREE_AFTER.match(after) or (field.follows and field.name.lower() in _NOT_SUBJECTS):
        return False
    if mention.form.opens_entry and not _opens_entry(block, mention, field, fields):
        return False
    states_subject = token.rstrip().lower().endswith((" of", " in", " en", " em")) or bool(
        _LEADS_TO_SUBJECT.match(after) or _COLON.match(after)
    )
    if mention.form.needs_subject and not (
        field.follows and (states_subject or _bare_subject(block, mention, field, fields))
    ):
        return False
    if block.section == "education":
        return True
    # "a financial background through my Master's at <Name> University" states a degree without its field.
    if not ((states_subject and field.name) or _AT_INSTITUTION.match(after)):
        return False
    return block.section != "experience" or not _BULLET.sub("", block.text[: mention.match.start()], count=1)


def _opens_entry(block: Line, mention: _Mention, field: _Field, fields: _Fields) -> bool:
    """'Master systèmes embarqués' opening an education entry; outside education only 'Bachelor: <field>'."""
    if not _ENTRY_PREFIX.search(block.text[: mention.match.start()]) or not field.follows:
        return False
    return block.section == "education" or (
        bool(_COLON.match(block.text[mention.match.end() :])) and fields.known(field.name)
    )


def _bare_subject(block: Line, mention: _Mention, field: _Field, fields: _Fields) -> bool:
    """'BS Computer Science' or 'BA History', but not 'MS Office' nor the state in 'Cambridge, MA'."""
    if fields.known(field.name):
        return True
    after_comma = block.text[: mention.match.start()].rstrip().endswith(",")
    return block.section == "education" and field.name[:1].isupper() and not after_comma


def _status_context(blocks: Sequence[Line], index: int, mentions: Sequence[_Mention], position: int) -> list[str]:
    """The text that describes one degree: its part of the block, and the entry's date block beside it."""
    text = blocks[index].text
    start = 0 if position == 0 else mentions[position].match.start()
    end = mentions[position + 1].match.start() if position + 1 < len(mentions) else len(text)
    own = _near(text, start, end, mentions[position].match)
    if blocks[index].section != "education":
        # In a paragraph only the sentence that names the degree speaks of it.
        return [sentence for sentence in _SENTENCE_END.split(text) if mentions[position].match.group() in sentence][:1]
    neighbours = _entry_neighbours(blocks, index)
    first, last = position == 0, position == len(mentions) - 1
    return [own, *(neighbour for neighbour, above in neighbours if (above and first) or (not above and last))]


def _near(text: str, start: int, end: int, match: re.Match[str]) -> str:
    """The degree's part of the block near its token: a block may hold a whole section run together."""
    left, right = max(start, match.start() - _NEAR_BEFORE), match.end() + _NEAR_AFTER
    if right >= end:
        return text[left:end]
    # Cut at a word, never after a range's dash: "2010 -" alone would read as a range still open.
    return _CUT_TAIL.sub("", text[left:right])


def _entry_neighbours(blocks: Sequence[Line], index: int) -> Iterator[tuple[str, bool]]:
    """Education blocks beside the degree's block that belong to its entry, each with whether it is above.

    Where the section's entries open with a date block ("Dec 2015" over "MBA ..."), the date block above is the
    entry's and the one below the next entry's; elsewhere the block below continues the entry.
    """
    above, below = _plain_neighbour(blocks, index - 1), _plain_neighbour(blocks, index + 1)
    if _dates_lead(blocks, index):
        if above is not None and _opens_with_date(above):
            yield above, True
        if below is not None and not _opens_with_date(below):
            yield below, False
        return
    if below is not None:
        yield below, False
    # A block above that already continues an earlier degree belongs to that degree.
    if above is not None and _plain_neighbour(blocks, index - 2) is not None:
        yield above, True


def _plain_neighbour(blocks: Sequence[Line], index: int) -> str | None:
    """The text of an education block with no degree of its own, or None."""
    if not 0 <= index < len(blocks) or blocks[index].section != "education" or blocks[index].is_heading:
        return None
    return None if _mentions(blocks[index].text) else blocks[index].text


def _dates_lead(blocks: Sequence[Line], index: int) -> bool:
    """Whether the education section this block is in opens its entries with a block of dates."""
    first = index
    while first > 0 and blocks[first - 1].section == blocks[index].section and not blocks[first - 1].is_heading:
        first -= 1
    return _opens_with_date(blocks[first].text)


def _opens_with_date(text: str) -> bool:
    """ "Dec 2015", "current", "10/2019 – CURRENT – Ilmenau": a block that an entry's dates open."""
    ranges = find_date_ranges(text, date.max)
    return bool(_DATES_ONLY.match(text)) or (bool(ranges) and not _tidy(text[: ranges[0].start_index]))


def _status(context: Sequence[str], mention: _Mention, as_of: date | None) -> DegreeStatus:
    """In progress when the entry says so, when its dates run on to the present or past the CV's own date."""
    if any(_IN_PROGRESS.search(text) for text in context):
        return "in_progress"
    if _STUDENT_OF.match(mention.match.string[mention.match.end() :]):
        return "in_progress"
    day = as_of or date.max
    for text in context:
        for found in find_date_ranges(text, day):
            if found.is_current or (as_of is not None and _ends_after(found, as_of)):
                return "in_progress"
    return "completed"


def _ends_after(found: DateRange, as_of: date) -> bool:
    """A range ending after the CV's date, or a single date after it: "May 2017" on a CV of 2016.

    A single year in the CV's own year ("2016" on a CV of 2016) reads as completed: degrees end mid-year.
    """
    if found.start > as_of:
        return True
    end = found.written_end
    single = end is not None and end.year == found.start.year and end.month in {found.start.month, 12}
    return end is not None and not single and end > as_of


def _degree(block: Line, mention: _Mention, field: _Field, status: DegreeStatus, fields: _Fields) -> Degree:
    start, end = mention.match.span()
    text = block.text
    at = text.find(field.name, end) if field.follows else text.rfind(field.name, 0, start)
    if field.name and at >= 0:
        start, end = min(start, at), max(end, at + len(field.name))
    return Degree(
        level=mention.form.level,
        field=field.name,
        technical=mention.form.technical or fields.is_technical(field.name),
        management=mention.form.level == "mba" or has_term(fields.management, field.name),
        status=status,
        matched_text=text[start:end].strip(),
        span=Span(text, block.page, block.box, block.section),
    )


def _merged(found: Sequence[Degree]) -> tuple[Degree, ...]:
    """One degree per distinct degree: a mention without a field, or with a shorter one, joins its kin.

    The same degree written twice ("Bachelor's degree" in Education, "Bachelor's Degree in Computer Science,
    graduating next year" in the summary) keeps the field and is in progress when either mention says so.
    """
    kept: list[Degree] = []
    for degree in found:
        same = next((at for at, other in enumerate(kept) if _same_degree(other, degree)), None)
        if same is None:
            kept.append(degree)
            continue
        base = kept[same] if kept[same].field or not degree.field else degree
        in_progress = "in_progress" in (kept[same].status, degree.status)
        kept[same] = replace(base, status="in_progress" if in_progress else "completed")
    return tuple(kept)


def _same_degree(a: Degree, b: Degree) -> bool:
    if a.level != b.level:
        return False
    shorter, longer = sorted((_words(a.field), _words(b.field)), key=len)
    return any(longer[at : at + len(shorter)] == shorter for at in range(len(longer) - len(shorter) + 1))


def _words(field: str) -> list[str]:
    return _WORD.findall(field.lower())
