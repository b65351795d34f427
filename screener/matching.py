"""Find certifications in a CV's blocks (exact acronyms, fuzzy phrases) and decide held, planned or expired.

Matching rules, per alias kind:
- Acronyms match as whole tokens only. Acronyms of up to five characters are case-sensitive as written in
  the catalogue ("PMP", "CSM", "SAFe": "safe" or "psm" in prose are words, not credentials); longer ones
  ("PRINCE2") ignore case. Dots and a space before a digit are tolerated ("P.M.P.", "PRINCE 2").
- Phrases match fuzzily (rapidfuzz, on lower-cased text without punctuation): a window of the block must
  score at least PHRASE_MIN_SCORE, or SHORT_PHRASE_MIN_SCORE for phrases under SHORT_PHRASE_LENGTH
  characters, where a single typo weighs more.
- Where matches overlap, the longest alias wins: "Stanford Certified Project Manager" is not "Certified
  Project Manager", "PRINCE2 Practitioner" is not "PRINCE2 (level not stated)". A bracketed acronym right
  after another credential's full name is a mix-up the name decides ("Certified Associate in Project
  Management (PMP)" is the CAPM); a name running on past a phrase is not that phrase's credential.

Judging a mention: its cues are the words around it, up to CONTEXT_WORDS either side within its clause
(between list separators and sentences), since run-on lists name several credentials with a status each.
- A block naming the acronym's other meaning (a certification's `not_when`, whole words: "Customer Success
  Manager" for CSM) does not count; nor does an acronym inside an organisation's name ("PSM Public School")
  or a slash-joined job title ("PSM/Sales Manager"), nor a mention about other people or material
  ("required PMP certification for my team", "PMP-aligned training material").
- Pursuit, courses and training make it planned ("seeking", "PMP training", "boot camp", "<University>",
  "Coursera"), lapse words expired, a future year planned unless it is a validity date.
- Some mentions are a claim only beside a word such as "certified" or "exam": in experience, projects and
  skills lists, every mention but a name that says it is a credential ("AWS Certified ...", "ITIL
  Foundation"); elsewhere outside a certifications list, an acronym the catalogue also spells out with a
  level ("ITIL" beside "ITIL 4 Foundation", "SAFe" beside "SAFe Agilist": the bare acronym names the
  method) and a phrase that also describes a person ("Project Management Professional", "SAFe Scrum
  Master", "Salesforce Administrator"). "PMP certified project manager" is PMP-certified, not a CPM.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from rapidfuzz import fuzz, utils

from screener.catalogue import Catalogue, Certification
from screener.models import CertMatch, CertStatus, Line, Span

PHRASE_MIN_SCORE = 90.0
SHORT_PHRASE_MIN_SCORE = 94.0
SHORT_PHRASE_LENGTH = 20
CONTEXT_WORDS = 6
_CASE_SENSITIVE_MAX = 5
_WORD_MIN_SCORE = 75.0

_PLANNED = re.compile(
    r"\b(?:prep\w*|candidate|eligib\w*|applied|application (?:in process|in progress|submitted|pending)|"
    r"in (?:the )?process|in progress|pursu\w*|seek\w*|studying|study for|working (?:towards?|on)|towards?|"
    r"obtaining|expected|anticipated|planned|planning to|intend\w*|enrolled|scheduled|attend\w*|upcoming|target\w*|"
    r"aspiring|exam date|courses?|coursework|workshops?|seminars?|classes|(?:boot|prep) ?camps?|"
    r"train(?:ing|ings|ed)|track(?! record)|not (?:yet )?certified)\b",
    re.IGNORECASE,
)
# Where a credential's name is the name of a course: universities and e-learning platforms.
_COURSE_PROVIDER = re.compile(
    r"\b(?:universit\w*|college|school|academy|polytechnic|hochschule|coursera|udemy|edx|datacamp|pluralsight|"
    r"udacity|linkedin learning|simplilearn|futurelearn|codecademy)\b",
    re.IGNORECASE,
)
# "Professional Project Management Program-PMP", "PMP Program": a training programme named after the exam.
_PROGRAMME_BEFORE = re.compile(r"\bprogram(?:me)?\s*[-–:]?\s*$", re.IGNORECASE)
_PROGRAMME_AFTER = re.compile(r"^\s*[-–]?\s*program(?:me)?\b", re.IGNORECASE)
_EXPIRED = re.compile(
    r"\b(?:expired|lapsed|not maintained|inactive|not renewed|no longer (?:active|valid)|not (?:active|current)|"
    r"formerly)\b",
    re.IGNORECASE,
)
_NOT_A_CREDENTIAL = re.compile(
    r"\b(?:required|requires?|requiring|requirements?|preferred|desired|desirable|a plus|must have|mandatory|"
    r"aligned|material|materials|curriculum|for all|my team|team members|hired|hiring|coached|mentored|taught|"
    r"teaching|instructor|trainer|helped|sponsored|conducted|delivered|facilitated)\b",
    re.IGNORECASE,
)
# Words that make a mention about the credential itself: "PMP certified", "passed the PMP exam".
_CREDENTIAL_CUE = re.compile(
    r"\b(?:certif\w*|exams?|credential|accredited|holder|holds?|holding|passed|obtained|earned|awarded|achieved)\b",
    re.IGNORECASE,
)
# A claimed "certified" closes its item: status words beyond it belong to the next credential in a run-on list.
_CERTIFIED = re.compile(r"\bcertifi?ed\b", re.IGNORECASE)
# Words by which a name says it is a credential (a level, or "certified"), not a method or a person.
_CREDENTIAL_WORD = re.compile(
    r"\b(?:certif\w*|foundations?|practitioner|agilist|fundamentals|expert|intermediate|spc\d*|popm|ssm|rte)\b",
    re.IGNORECASE,
)
_PERSON_NOUN = re.compile(
    r"\b(?:professional|manager|master|administrator|architect|engineer|developer|programmer|consultant|director|"
    r"owner)$"
)
_ROLE_NOUN = re.compile(
    r"\b(?:manager|associate|director|supervisor|lead|officer|coordinator|consultant|engineer|analyst|specialist|"
    r"representative|assistant|executive)\b",
    re.IGNORECASE,
)
_ORGANISATION_AFTER = re.compile(r"^\s+(?:[A-Z][a-z]+\s+)?(?:School|College|University|Academy|Institute)\b")
_INLINE_HEADING = (
    r"\b(?:trainings?|courses?|education)\s*(?:and|&|/)\s*certif\w*|\bcertif\w*\s*(?:and|&|/)\s*trainings?"
)
_CLAUSE_BREAK = re.compile(rf"[;|•·]|\s\*|(?<=[a-z]{{3}})\.\s+(?=[A-Z])|(?i:{_INLINE_HEADING})")
_CERTIFICATE = re.compile(r"\bcertificate\b", re.IGNORECASE)
# One or two more words between a phrase and a bracket: the name goes on past the phrase.
_NAME_RUNS_ON = re.compile(r"(?:\s+[A-Za-z]+){1,2}\s*")
_WORD = re.compile(r"[^\W_]+")
_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_VALIDITY = re.compile(r"\b(valid|expires?|expiring|renew\w*|good)\b[^;|,)]*", re.IGNORECASE)

# How plainly an alias names a credential, and how plainly a section must name one to count as a claim.
_AMBIGUOUS, _PLAIN, _SELF_EVIDENT = 0, 1, 2
# A skills list names what someone knows ("ITIL, CCNA, SQL"): a credential there is said to be held in words.
_CLAIM_NEEDS = {
    "certifications": _AMBIGUOUS,
    "experience": _SELF_EVIDENT,
    "projects": _SELF_EVIDENT,
    "skills": _SELF_EVIDENT,
}
# Sections of courses: a credential's name there is the course that prepares for it, unless called certified.
_COURSE_SECTIONS = frozenset({"training"})
# In education, "Certificate in <subject>" is a school's course certificate, not the credential beside it.
_COURSE_CERTIFICATE = re.compile(r"\bcertificate (?:in|of completion)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Hit:
    cert: Certification
    start: int
    end: int
    alias_length: int
    similarity: float
    is_acronym: bool
    plainness: int

    def overlaps(self, other: _Hit) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class _Context:
    """The words around a mention within its clause."""

    before: str
    after: str

    @property
    def text(self) -> str:
        return f"{self.before} {self.after}"

    def up_to_a_claim(self) -> str:
        """The words before and after, each side cut at its nearest "certified"."""
        claims_before = list(_CERTIFIED.finditer(self.before))
        before = self.before[claims_before[-1].start() :] if claims_before else self.before
        claim_after = _CERTIFIED.search(self.after)
        after = self.after[: claim_after.end()] if claim_after else self.after
        return f"{before} {after}"


def _acronym_body(acronym: str) -> str:
    parts: list[str] = []
    for previous, char in zip(" " + acronym, acronym, strict=False):
        if char in " -":
            parts.append(r"[\s-]?")
            continue
        if previous.isalpha() and char.isdigit():
            parts.append(r"\s?")
        elif previous.isalnum():
            parts.append(r"(?: ?\. ?)?")  # "P.M.P." and letter-spaced "P . M . P ."
        parts.append(re.escape(char))
    body = "".join(parts)
    return body if len(acronym) <= _CASE_SENSITIVE_MAX else f"(?i:{body})"


def _acronym_pattern(acronyms: Sequence[str], *, grouped: bool = True) -> re.Pattern[str]:
    """All acronyms as whole tokens in one pattern, group a<i> for the i-th acronym unless not `grouped`."""
    bodies = (_acronym_body(acronym) for acronym in acronyms)
    groups = "|".join(f"(?P<a{index}>{body})" if grouped else body for index, body in enumerate(bodies))
    return re.compile(rf"(?<![A-Za-z0-9])(?:{groups})\.?(?![A-Za-z0-9])")


def _whole_words(phrases: Sequence[str]) -> re.Pattern[str] | None:
    """Any of the phrases as whole words: "pha" (process hazard analysis) is not in "alpha"."""
    if not phrases:
        return None
    edges = [
        ("(?<![a-z0-9])" if p[0].isalnum() else "") + re.escape(p) + ("(?![a-z0-9])" if p[-1].isalnum() else "")
        for p in phrases
    ]
    return re.compile("|".join(edges))


def _acronym_plainness(cert: Certification, acronym: str) -> int:
    """An acronym the catalogue also spells out with a level ("ITIL" beside "ITIL 4 Foundation") names a method."""
    squeezed = utils.default_process(acronym).replace(" ", "")
    for phrase in cert.phrases:
        words = utils.default_process(phrase).split()
        if any("".join(words[:count]) == squeezed for count in range(1, len(words))):
            return _AMBIGUOUS
    return _PLAIN


def _phrase_plainness(phrase: str) -> int:
    if _CREDENTIAL_WORD.search(phrase):
        return _SELF_EVIDENT
    return _AMBIGUOUS if _PERSON_NOUN.search(utils.default_process(phrase)) else _PLAIN


class CertificationMatcher:
    """Compiled once per catalogue; matches every block of a document."""

    def __init__(self, catalogue: Catalogue) -> None:
        # Longest first, so that "PSM I" is read whole rather than as "PSM".
        self._acronyms = sorted(
            ((c, a, _acronym_plainness(c, a)) for c in catalogue.certifications for a in c.acronyms),
            key=lambda entry: -len(entry[1]),
        )
        self._acronym_pattern = _acronym_pattern([a for _, a, _ in self._acronyms])
        # The same without a group per acronym, several times faster: it tells first that a block names none,
        # as almost every block does.
        self._any_acronym = _acronym_pattern([a for _, a, _ in self._acronyms], grouped=False)
        self._phrases = [
            (c, utils.default_process(p), _phrase_plainness(p)) for c in catalogue.certifications for p in c.phrases
        ]
        self._phrases_by_word: dict[str, list[int]] = {}
        for index, (_, phrase, _) in enumerate(self._phrases):
            for word in set(phrase.split()):
                self._phrases_by_word.setdefault(word, []).append(index)
        self._not_when = {c.id: _whole_words([w.lower() for w in c.not_when]) for c in catalogue.certifications}

    def _acronym_hits(self, text: str) -> list[_Hit]:
        if not self._any_acronym.search(text):
            return []
        hits = []
        for found in self._acronym_pattern.finditer(text):
            cert, acronym, plainness = self._acronyms[int(str(found.lastgroup)[1:])]
            hits.append(_Hit(cert, found.start(), found.end(), len(acronym), 100.0, True, plainness))
        return hits

    def _phrase_candidates(self, text: str) -> set[int]:
        """Phrases sharing a correctly spelled word with the text: only they can reach the cutoffs."""
        return {i for word in text.split() for i in self._phrases_by_word.get(word, ())}

    def _phrase_hits(self, text: str, candidates: Iterable[int]) -> list[_Hit]:
        """Fuzzy phrase matches in a text already passed through rapidfuzz's default_process."""
        hits = []
        for index in sorted(candidates):
            cert, phrase, plainness = self._phrases[index]
            hits += [
                _Hit(cert, start, end, len(phrase), score, False, plainness)
                for start, end, score in _fuzzy_occurrences(phrase, text)
            ]
        return hits

    def find(self, blocks: Sequence[Line], as_of: date) -> tuple[CertMatch, ...]:
        """Every certification mentioned as the candidate's own, one per certification (the best status)."""
        texts = [utils.default_process(block.text) for block in blocks]
        candidates = [self._phrase_candidates(text) for text in texts]
        best: dict[str, CertMatch] = {}
        for index, block in enumerate(blocks):
            if block.is_heading:
                continue
            hits = self._acronym_hits(block.text) + self._phrase_hits(texts[index], candidates[index])
            joined = block
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            # List items are separate blocks, but a name may still wrap onto the next item's line ("PRINCE2 /
            # Practitioner"): a phrase with a word in both competes with each block's own hits.
            if following is not None and _next_list_line(block, following):
                spanning = candidates[index] & candidates[index + 1]
                if spanning:
                    text = f"{block.text} {following.text}"
                    joined = replace(block, text=text, box=block.box.union(following.box))
                    hits += self._wrapped_hits(joined, len(block.text), spanning)
            if not hits:  # as almost every block
                continue
            for hit in _resolved(_longest_first(hits), joined.text):
                match = self._judge(hit, joined if hit.end > len(block.text) else block, as_of)
                if match is not None and _better(match, best.get(match.cert_id)):
                    best[match.cert_id] = match
        return tuple(best.values())

    def _wrapped_hits(self, joined: Line, break_at: int, spanning: set[int]) -> list[_Hit]:
        """Names broken over two lines ("Microsoft Certified: Azure Solutions / Architect Expert")."""
        hits = self._phrase_hits(utils.default_process(joined.text), spanning)
        return [hit for hit in hits if hit.start < break_at < hit.end]

    def _judge(self, hit: _Hit, block: Line, as_of: date) -> CertMatch | None:
        text = block.text
        not_when = self._not_when[hit.cert.id]
        if not_when is not None and not_when.search(text.lower()):
            return None
        context = _context(text, hit.start, hit.end)
        if _NOT_A_CREDENTIAL.search(context.text) or (hit.is_acronym and _names_something_else(text, hit, context)):
            return None
        if hit.plainness < _CLAIM_NEEDS.get(block.section, _PLAIN) and not _CREDENTIAL_CUE.search(context.text):
            return None
        status = _status(block, hit, context, as_of)
        return CertMatch(
            cert_id=hit.cert.id,
            name=hit.cert.name,
            category=hit.cert.category,
            status=status,
            matched_text=text[hit.start : hit.end],
            similarity=round(hit.similarity, 1),
            weight=hit.cert.weight,
            span=Span(text, block.page, block.box, block.section),
        )


def _fuzzy_occurrences(phrase: str, text: str) -> list[tuple[int, int, float]]:
    """Every place the phrase matches on word edges with every word present, as (start, end, score)."""
    cutoff = SHORT_PHRASE_MIN_SCORE if len(phrase) < SHORT_PHRASE_LENGTH else PHRASE_MIN_SCORE
    found_at: list[tuple[int, int, float]] = []
    offset = 0
    # A short rest of the text inside a long phrase is not that phrase.
    while len(text) - offset >= len(phrase) - 2:
        found = fuzz.partial_ratio_alignment(phrase, text[offset:], score_cutoff=cutoff)
        if found is None:
            break
        # default_process keeps one character per character, so offsets map back onto the block.
        start, end = _word_edges(text, offset + found.dest_start, offset + found.dest_end)
        on_word_edges = text[start - 1 : start].strip() == "" and text[end : end + 1].strip() == ""
        if on_word_edges and _every_word_present(phrase, text[start:end]):
            found_at.append((start, end, found.score))
        offset = max(end, offset + 1)
    return found_at


def _word_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """The phrase-long window of a match, fitted to the words it covers.

    Punctuation read as spaces ("Management: Professional") makes the text longer than the phrase, so the
    window stops that many letters short; a word shorter than the phrase's ("Solution Architect") lets
    it take in the space after the name.
    """
    for _ in range(text.count("  ", start, end)):
        if end < len(text) and text[end] != " ":
            end += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    while start < end and text[start] == " ":
        start += 1
    return start, end


def _next_list_line(block: Line, following: Line) -> bool:
    return (
        following.section == block.section
        and following.page == block.page
        and not following.is_heading
        and abs(following.box.x0 - block.box.x0) < 2 * block.size
    )


def _every_word_present(phrase: str, window: str) -> bool:
    """Typos are forgiven inside words, but no word may be missing or swapped ("BVOP" is not "PMP")."""
    squeezed = window.replace(" ", "")
    for word in phrase.split():
        if len(word) <= 3:
            if word not in squeezed:
                return False
        elif fuzz.partial_ratio(word, squeezed) < _WORD_MIN_SCORE:
            return False
    return True


def _longest_first(hits: list[_Hit]) -> list[_Hit]:
    """Drop hits that overlap a longer alias's hit of another certification."""
    kept: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (-h.alias_length, -h.similarity)):
        if not any(hit.overlaps(other) for other in kept if other.cert != hit.cert):
            kept.append(hit)
    return kept


def _resolved(hits: list[_Hit], text: str) -> list[_Hit]:
    """The hits left once names and acronyms that contradict each other are settled."""
    dropped = _bracket_mixups(hits, text) | _certified_by_an_acronym(hits, text)
    return [hit for hit in hits if hit not in dropped]


def _bracket_mixups(hits: list[_Hit], text: str) -> set[_Hit]:
    """A bracketed acronym after another credential's name: the whole name decides.

    "Certified Associate in Project Management (PMP)": the name ends at the bracket, so it is the CAPM.
    "Certified Project Manager Professional (PMP)": the name runs on past "Certified Project Manager",
    so that phrase is only part of a name the acronym spells out.
    """
    dropped: set[_Hit] = set()
    for acronym in (hit for hit in hits if hit.is_acronym and text[: hit.start].rstrip().endswith("(")):
        bracket = text.rindex("(", 0, acronym.start)
        for name in (h for h in hits if not h.is_acronym and h.cert != acronym.cert and h.end <= bracket):
            between = text[name.end : bracket]
            if not between.strip():
                dropped.add(acronym)
            elif _NAME_RUNS_ON.fullmatch(between):
                dropped.add(name)
    return dropped


def _certified_by_an_acronym(hits: list[_Hit], text: str) -> set[_Hit]:
    """ "PMP certified project manager" is PMP-certified, not a "Certified Project Manager"."""
    acronym_ends = {hit.end for hit in hits if hit.is_acronym}
    return {
        hit
        for hit in hits
        if not hit.is_acronym
        and _CERTIFIED.match(text, hit.start)
        and any(text[end : hit.start] in ("", " ", "-") for end in acronym_ends if end <= hit.start)
    }


def _context(text: str, start: int, end: int) -> _Context:
    """Up to CONTEXT_WORDS words either side of text[start:end], within its clause."""
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in _CLAUSE_BREAK.finditer(text, end)), len(text))
    starts = [m.start() for m in _WORD.finditer(text, left, start)]
    ends = [m.end() for m in _WORD.finditer(text, end, right)]
    before = text[starts[-CONTEXT_WORDS] if len(starts) >= CONTEXT_WORDS else left : start]
    after = text[end : ends[CONTEXT_WORDS - 1] if len(ends) >= CONTEXT_WORDS else right]
    return _Context(before, after)


def _names_something_else(text: str, hit: _Hit, context: _Context) -> bool:
    """An acronym inside an organisation's name ("PSM Public School") or a slash-joined job title."""
    if _ORGANISATION_AFTER.match(text[hit.end :]):
        return True
    slashed = text[: hit.start].rstrip().endswith("/") or text[hit.end :].lstrip().startswith("/")
    return slashed and bool(_ROLE_NOUN.search(context.text)) and not _CREDENTIAL_CUE.search(context.text)


def _status(block: Line, hit: _Hit, context: _Context, as_of: date) -> CertStatus:
    if _EXPIRED.search(context.text):
        return "expired"
    # The validity of a credential held ("valid until 2028", "renewal in progress") is no pursuit of it.
    nearby = _VALIDITY.sub("", context.up_to_a_claim())
    future_year = any(int(m.group(0)) > as_of.year for m in _YEAR.finditer(nearby))
    if future_year or _PLANNED.search(nearby) or _is_a_course(block, hit, nearby):
        return "planned"
    return "held"


def _is_a_course(block: Line, hit: _Hit, nearby: str) -> bool:
    """Named as a course: in a training section, by its provider, or as a programme or course certificate."""
    text = block.text
    programme = hit.is_acronym and (
        _PROGRAMME_BEFORE.search(text[: hit.start]) is not None or _PROGRAMME_AFTER.match(text[hit.end :]) is not None
    )
    return (
        programme
        or (block.section in _COURSE_SECTIONS and not _CERTIFIED.search(nearby))
        # A certificate from a course platform is that course's own ("Google ... Certificate" on Coursera).
        or (_COURSE_PROVIDER.search(nearby) is not None and not _CERTIFICATE.search(text[hit.start : hit.end]))
        or (block.section == "education" and _COURSE_CERTIFICATE.search(nearby) is not None)
    )


_STATUS_RANK = {"held": 2, "expired": 1, "planned": 0}


def _better(match: CertMatch, current: CertMatch | None) -> bool:
    if current is None:
        return True
    return (_STATUS_RANK[match.status], match.similarity) > (_STATUS_RANK[current.status], current.similarity)
