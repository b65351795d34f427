"""Screen one CV: from its extraction (a Document) to a Candidate with findings and scores."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TypedDict

from screener.blocks import join_wrapped
from screener.catalogue import Catalogue, Certification
from screener.contact import extract_contact
from screener.cv_date import ReferenceDate, cv_dates, reference_date
from screener.degrees import extract_degrees
from screener.experience import at_reference_date, extract_jobs, merged_years, years_where
from screener.matching import CertificationMatcher
from screener.models import Box, Candidate, CvDates, Document, Job, Scores
from screener.scoring import Findings, find_mentions, score_candidate
from screener.settings import Settings

log = logging.getLogger(__name__)


# Raised whenever the rules that turn a document into findings and scores change (not the catalogue, which is
# part of the key already), so results stored by an earlier version are matched and scored again.
SCREENING_VERSION = 3
_DIGEST_LENGTH = 16  # hex digits of each half of the matching key


def matching_key(settings: Settings) -> str:
    """Changes whenever matching could find something else in the same text: the screening rules' version,
    aliases, field, title and keyword vocabularies, or the year of the reference date (a certification
    "expected 2027" is planned until then). Weights, caps, thresholds and the day within the year do not
    count: a job's end is resolved again for another day without matching (experience.at_reference_date).

    Two halves: what every finding but the certifications is read with, then what certifications are; when
    only the second changed (a new alias), only certifications are matched again."""
    catalogue = settings.catalogue
    year = settings.reference_date().year
    reading = (
        SCREENING_VERSION,
        sorted(catalogue.degree_fields.items()),
        sorted(catalogue.role_titles.items()),
        sorted(catalogue.technical_keywords.items()),
        sorted(catalogue.management_keywords.items()),
        catalogue.technical_skills,
        catalogue.project_words,
        year,
    )
    certifications = (
        SCREENING_VERSION,
        [(c.id, c.acronyms, c.phrases, c.not_when) for c in catalogue.certifications],
        year,
    )
    return _digest(reading) + _digest(certifications)


def _digest(material: object) -> str:
    return hashlib.sha256(repr(material).encode()).hexdigest()[:_DIGEST_LENGTH]


def only_certifications_differ(key: str, other: str) -> bool:
    """Whether findings matched under the two keys differ at most in their certifications."""
    return key[:_DIGEST_LENGTH] == other[:_DIGEST_LENGTH]


class Screener:
    """Holds what is compiled once per catalogue; screens documents and files with it."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @functools.cached_property
    def _certifications_by_id(self) -> dict[str, Certification]:
        return {c.id: c for c in self.catalogue.certifications}

    @functools.cached_property
    def _matcher(self) -> CertificationMatcher:
        # Built on first use: scoring stored findings again needs none, and building one takes a while.
        return CertificationMatcher(self.settings.catalogue)

    @property
    def catalogue(self) -> Catalogue:
        return self.settings.catalogue

    @functools.cached_property
    def matching_key(self) -> str:
        """matching_key of the settings, worked out once: it hashes the whole catalogue."""
        return matching_key(self.settings)

    def screen_document(self, document: Document, file: str, sha256: str) -> Candidate:
        """Findings keep everything scoring needs (mentions, the CV's dates), so they can be scored again alone."""
        dates = cv_dates(document, date.today())
        reference = self._reference(dates)
        as_of = reference.day
        lines = document.lines
        titles = self.catalogue.role_titles
        duty_terms = [t for terms in self.catalogue.technical_keywords.values() for t in terms]
        jobs = extract_jobs(lines, as_of, titles["management"], titles["technical"], duty_terms)
        blocks = join_wrapped(lines)
        certs = self._matcher.find(blocks, as_of)
        fields = self.catalogue.degree_fields
        degrees = extract_degrees(blocks, fields["technical"], fields["management"], as_of)
        mentions = find_mentions(lines, self.catalogue)
        return Candidate(
            file=file,
            sha256=sha256,
            pages=document.pages,
            contact=extract_contact(lines),
            certifications=certs,
            degrees=degrees,
            jobs=jobs,
            scores=_checked(
                score_candidate(Findings(mentions, certs, degrees, jobs), self.catalogue), document.ocr_unsure
            ),
            warnings=document.warnings,
            as_of=as_of,
            as_of_source=reference.source,
            ocr_pages=document.ocr_pages,
            ocr_confidence=document.ocr_confidence,
            ocr_turns=document.ocr_turns,
            ocr_unsure=document.ocr_unsure,
            mentions=mentions,
            cv_dates=dates,
            **_years(jobs),
        )

    def _reference(self, dates: CvDates) -> ReferenceDate:
        return reference_date(dates, self.settings.as_of, date.today())

    def again(self, candidate: Candidate, matched_with: str, document: Callable[[], Document]) -> Candidate:
        """A screened candidate under this screener's settings, redoing only what changed requires: scoring its
        findings, matching its certifications, or matching everything, from its `document` (loaded only then).
        `matched_with` is the matching_key its findings were found under."""
        if matched_with == self.matching_key:
            return self.rescore_findings(candidate)
        if only_certifications_differ(matched_with, self.matching_key):
            as_of = self._reference(candidate.cv_dates).day
            certifications = self._matcher.find(join_wrapped(document().lines), as_of)
            return self.rescore_findings(dataclasses.replace(candidate, certifications=certifications))
        return self.screen_document(document(), candidate.file, candidate.sha256)

    def rescore_findings(self, candidate: Candidate) -> Candidate:
        """Score a candidate's stored findings again under new weights, caps or thresholds, or for another day.

        Only valid when the findings were matched under the same matching_key; certification names,
        categories and weights are refreshed from the catalogue, and those it no longer lists are dropped.
        """
        known = self._certifications_by_id
        certs = tuple(
            match
            if (match.name, match.category, match.weight) == (entry.name, entry.category, entry.weight)
            else dataclasses.replace(match, name=entry.name, category=entry.category, weight=entry.weight)
            for match in candidate.certifications
            if (entry := known.get(match.cert_id)) is not None
        )
        reference = self._reference(candidate.cv_dates)
        jobs = tuple(at_reference_date(job, reference.day) for job in candidate.jobs)
        found = Findings(candidate.mentions, certs, candidate.degrees, jobs)
        scores = _checked(score_candidate(found, self.catalogue), candidate.ocr_unsure)
        return dataclasses.replace(
            candidate,
            certifications=certs,
            jobs=jobs,
            scores=scores,
            as_of=reference.day,
            as_of_source=reference.source,
            **_years(jobs),
        )


def _checked(scores: Scores, unsure: Sequence[tuple[int, Box]]) -> Scores:
    """The scores with each evidence item resting on a word OCR read with low confidence marked so."""
    if not unsure:
        return scores
    evidence = tuple(
        dataclasses.replace(e, ocr_unsure=True)
        if any(page == e.span.page and box.overlaps(e.span.box) for page, box in unsure)
        else e
        for e in scores.evidence
    )
    return dataclasses.replace(scores, evidence=evidence)


class _Years(TypedDict):
    years_experience: float | None
    years_management: float | None
    years_technical: float | None


def _years(jobs: Sequence[Job]) -> _Years:
    """Total, management and technical years, overlaps merged; None each when the CV dates no job."""
    if not jobs:
        return {"years_experience": None, "years_management": None, "years_technical": None}
    return {
        "years_experience": merged_years(jobs),
        "years_management": years_where(jobs, lambda j: j.management),
        "years_technical": years_where(jobs, lambda j: j.technical),
    }


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def rescore(
    candidates: Iterable[Candidate], documents: Mapping[str, Document], screener: Screener, matched_with: str = ""
) -> list[Candidate]:
    """Score the candidates again, reading no PDF, from their findings and, where matching must be done again
    (see Screener.again), their stored extractions (by content hash) in `documents`. `matched_with` is the
    matching_key the candidates' findings were found under.

    A row without findings (a file that failed), or that must be matched again without an extraction, comes
    back as it was. Warnings are kept: they hold the document's own and the possible-duplicate flags, which
    scoring does not change.
    """
    must_match = matched_with != screener.matching_key
    rescored = []
    for candidate in candidates:
        if candidate.status != "ok" or (must_match and candidate.sha256 not in documents):
            rescored.append(candidate)
        else:
            document = functools.partial(documents.__getitem__, candidate.sha256)
            again = screener.again(candidate, matched_with, document)
            same_warnings = again.warnings == candidate.warnings  # as scoring findings again leaves them
            rescored.append(again if same_warnings else dataclasses.replace(again, warnings=candidate.warnings))
    return rescored
