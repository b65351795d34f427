"""Find certifications in a CV's lines (exact acronyms, fuzzy phrases) and decide held, planned or expired.

Matching rules, per alias kind:
- Acronyms match as whole tokens only. Acronyms of up to five characters are case-sensitive as written in
  the catalogue ("PMP", "CSM", "SAFe": "safe" or "psm" in prose are words, not credentials); longer ones
  ("PRINCE2") ignore case. Dots and a space before a digit are tolerated ("P.M.P.", "PRINCE 2").
- Phrases match fuzzily (rapidfuzz, on lower-cased text without punctuation): the best window of the line
  must score at least PHRASE_MIN_SCORE, or SHORT_PHRASE_MIN_SCORE for phrases under SHORT_PHRASE_LENGTH
  characters, where a single typo weighs more.
- Where matches overlap, the longest alias wins: "Stanford Certified Project Manager" is not "Certified
  Project Manager", "PRINCE2 Practitioner" is not "PRINCE2 (level not stated)".
- A line naming the acronym's other meaning (a certification's `not_when`, e.g. "Customer Success Manager"
  for CSM) does not count; nor does a mention about other people or material ("required PMP certification
  for my team", "PMP-aligned training material"); in experience and project lines an acronym needs a word
  such as "certified" or "certification" beside it.
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
_CASE_SENSITIVE_MAX = 5
_WORD_MIN_SCORE = 75.0

_PLANNED = re.compile(
    r"\b(prep\w*|candidate|eligib\w*|application (?:in process|in progress|submitted|pending)|applied|"
    r"in process|in progress|pursu\w*|studying|"
    r"working towards?|towards?|expected|planned|planning|enrolled|scheduled|attended|course|bootcamp|"
    r"exam date|upcoming|target\w*|aspiring)\b",
    re.IGNORECASE,
)
_EXPIRED = re.compile(r"\b(expired|lapsed|not maintained|inactive|not renewed|no longer (?:active|valid))\b", re.I)
_NOT_A_CREDENTIAL = re.compile(
    r"\b(required|requires?|requiring|aligned|material|curriculum|for all|my team|team members|hired|"
    r"hiring|coached|mentored|taught|teaching|instructor|trainer|helped|sponsored)\b",
    re.IGNORECASE,
)
_HELD_CUE = re.compile(r"\b(certifi\w*|certificate|credential|accredited|holder|passed|obtained|earned)\b", re.I)
_CLAUSE_BREAK = re.compile(r"[;|•·]")
_YEAR = re.compile(r"\b(19|20)\d{2}\b")
# "valid through 2028" names a future year of a credential already held.
_VALIDITY = re.compile(r"\b(valid|expires?|expiring|renew\w*|good)\b[^;|,)]*", re.IGNORECASE)
_PROSE_SECTIONS = frozenset({"header", "summary", "experience", "projects", "other"})


@dataclass(frozen=True)
class _Hit:
    cert: Certification
    start: int
    end: int
    alias_length: int
    similarity: float
    is_acronym: bool


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


def _acronym_pattern(acronyms: Sequence[str]) -> re.Pattern[str]:
    """All acronyms as whole tokens in one pattern, group a<i> for the i-th acronym."""
    groups = "|".join(f"(?P<a{index}>{_acronym_body(acronym)})" for index, acronym in enumerate(acronyms))
    return re.compile(rf"(?<![A-Za-z0-9])(?:{groups})\.?(?![A-Za-z0-9])")


class CertificationMatcher:
    """Compiled once per catalogue; matches every line of a document."""

    def __init__(self, catalogue: Catalogue) -> None:
        # Longest first, so that "PSM I" is read whole rather than as "PSM".
        self._acronyms = sorted(
            ((c, a) for c in catalogue.certifications for a in c.acronyms), key=lambda pair: -len(pair[1])
        )
        self._acronym_pattern = _acronym_pattern([a for _, a in self._acronyms])
        self._phrases = [(c, utils.default_process(p)) for c in catalogue.certifications for p in c.phrases]
        self._phrases_by_word: dict[str, list[int]] = {}
        for index, (_, phrase) in enumerate(self._phrases):
            for word in set(phrase.split()):
                self._phrases_by_word.setdefault(word, []).append(index)
        self._not_when = {c.id: [w.lower() for w in c.not_when] for c in catalogue.certifications}

    def _acronym_hits(self, line: Line) -> list[_Hit]:
        hits = []
        for found in self._acronym_pattern.finditer(line.text):
            cert, acronym = self._acronyms[int(str(found.lastgroup)[1:])]
            hits.append(_Hit(cert, found.start(), found.end(), len(acronym), 100.0, True))
        return hits

    def _phrase_candidates(self, text: str) -> set[int]:
        """Phrases sharing a correctly spelled word with the text: only they can reach the cutoffs."""
        return {i for word in text.split() for i in self._phrases_by_word.get(word, ())}

    def _phrase_hits(self, text: str, candidates: Iterable[int]) -> list[_Hit]:
        """Fuzzy phrase matches in a text already passed through rapidfuzz's default_process."""
        hits = []
        for index in sorted(candidates):
            cert, phrase = self._phrases[index]
            cutoff = SHORT_PHRASE_MIN_SCORE if len(phrase) < SHORT_PHRASE_LENGTH else PHRASE_MIN_SCORE
            if len(text) < len(phrase) - 2:  # a short line inside a long phrase is not that phrase
                continue
            found = fuzz.partial_ratio_alignment(phrase, text, score_cutoff=cutoff)
            if found is None:
                continue
            # default_process keeps one character per character, so offsets map back onto the line.
            start, end = found.dest_start, found.dest_end
            on_word_edges = text[start - 1 : start].strip() == "" and text[end : end + 1].strip() == ""
            if on_word_edges and _every_word_present(phrase, text[start:end]):
                hits.append(_Hit(cert, start, end, len(phrase), found.score, False))
        return hits

    def find(self, lines: Sequence[Line], as_of: date) -> tuple[CertMatch, ...]:
        """Every certification mentioned as the candidate's own, one per certification (the best status)."""
        texts = [utils.default_process(line.text) for line in lines]
        candidates = [self._phrase_candidates(text) for text in texts]
        best: dict[str, CertMatch] = {}
        for index, line in enumerate(lines):
            if line.is_heading:
                continue
            previous = lines[index - 1] if index else None
            lead = previous.text + " " if previous and _sentence_runs_on(previous, line) else ""
            hits = self._acronym_hits(line) + self._phrase_hits(texts[index], candidates[index])
            joined = line
            following = lines[index + 1] if index + 1 < len(lines) else None
            # A phrase broken over two lines has a word on each: a phrase candidate of both lines. Its hit
            # competes with the line's own, so "PRINCE2 / Practitioner" is not also "PRINCE2" alone.
            if following is not None and _same_block(line, following):
                spanning = candidates[index] & candidates[index + 1]
                if spanning:
                    joined = replace(line, text=f"{line.text} {following.text}", box=line.box.union(following.box))
                    hits += self._wrapped_hits(joined, len(line.text), spanning)
            for hit in _longest_first(hits):
                match = self._judge(hit, joined if hit.end > len(line.text) else line, as_of, lead)
                if match is not None and _better(match, best.get(match.cert_id)):
                    best[match.cert_id] = match
        return tuple(best.values())

    def _wrapped_hits(self, joined: Line, break_at: int, spanning: set[int]) -> list[_Hit]:
        """Names broken over two lines ("Microsoft Certified: Azure Solutions / Architect Expert")."""
        hits = self._phrase_hits(utils.default_process(joined.text), spanning)
        return [hit for hit in hits if hit.start < break_at < hit.end]

    def _judge(self, hit: _Hit, line: Line, as_of: date, lead: str) -> CertMatch | None:
        lowered = line.text.lower()
        if any(phrase in lowered for phrase in self._not_when[hit.cert.id]):
            return None
        clause = _clause_around(lead + line.text, hit.start + len(lead), hit.end + len(lead))
        if _NOT_A_CREDENTIAL.search(clause):
            return None
        if line.section in ("experience", "projects") and hit.is_acronym and not _HELD_CUE.search(clause):
            return None
        return CertMatch(
            cert_id=hit.cert.id,
            name=hit.cert.name,
            category=hit.cert.category,
            status=_status(clause, as_of),
            matched_text=line.text[hit.start : hit.end],
            similarity=round(hit.similarity, 1),
            weight=hit.cert.weight,
            span=Span(line.text, line.page, line.box, line.section),
        )


def _sentence_runs_on(previous: Line, line: Line) -> bool:
    """In running prose a line ending in a lower-case word continues into the next one."""
    return (
        line.section in _PROSE_SECTIONS
        and previous.section == line.section
        and not previous.is_heading
        and previous.text[-1:].islower()
    )


def _same_block(line: Line, following: Line) -> bool:
    return (
        following.section == line.section
        and following.page == line.page
        and not following.is_heading
        and abs(following.box.x0 - line.box.x0) < 2 * line.size
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
    """Drop hits that overlap a longer alias's hit on the same line."""
    kept: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (-h.alias_length, -h.similarity)):
        if all(hit.end <= other.start or hit.start >= other.end for other in kept if other.cert != hit.cert):
            kept.append(hit)
    return kept


def _clause_around(text: str, start: int, end: int) -> str:
    """The part of a line between list separators that holds the match: cues apply within it."""
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in _CLAUSE_BREAK.finditer(text, end)), len(text))
    return text[left:right]


def _status(clause: str, as_of: date) -> CertStatus:
    if _EXPIRED.search(clause):
        return "expired"
    future_year = any(int(m.group(0)) > as_of.year for m in _YEAR.finditer(_VALIDITY.sub("", clause)))
    if future_year or _PLANNED.search(clause):
        return "planned"
    return "held"


_STATUS_RANK = {"held": 2, "expired": 1, "planned": 0}


def _better(match: CertMatch, current: CertMatch | None) -> bool:
    if current is None:
        return True
    return (_STATUS_RANK[match.status], match.similarity) > (_STATUS_RANK[current.status], current.similarity)
