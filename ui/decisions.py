"""Reviewer decisions and notes, kept per CV by its SHA-256 so a renamed copy of a CV keeps its review."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from screener.models import Candidate
from screener.store import Decision, Session

Verdict = Decision

VERDICT_LABELS: dict[Verdict, str] = {"none": "", "shortlist": "Shortlist", "maybe": "Maybe", "reject": "Reject"}


@dataclass(frozen=True)
class Review:
    verdict: Verdict = "none"
    note: str = ""


NO_REVIEW = Review()


class DecisionStore(Protocol):
    """Where reviews live: the open session, or memory when no session could be opened."""

    def review(self, sha256: str) -> Review: ...

    def save(self, sha256: str, review: Review, shown: Candidate | None = None) -> None:
        """Save a review; `shown` is the candidate as the list shows them, for the decision log."""

    def forget(self, sha256: str) -> None:
        """Drop a review without saving anything: its CV was removed from the session, which removed the review."""


class InMemoryDecisionStore:
    """Reviews for this run of the app only: what the window uses while no session is open."""

    def __init__(self) -> None:
        self._reviews: dict[str, Review] = {}

    def review(self, sha256: str) -> Review:
        return self._reviews.get(sha256, NO_REVIEW)

    def save(self, sha256: str, review: Review, shown: Candidate | None = None) -> None:
        if review == NO_REVIEW:
            self._reviews.pop(sha256, None)
        else:
            self._reviews[sha256] = review

    def forget(self, sha256: str) -> None:
        self._reviews.pop(sha256, None)


class SessionDecisionStore:
    """Reviews saved in the session as they are made, each change its own transaction, so a crash keeps it.

    The list reads a review for every row it paints and sorts; those reads come from a copy in memory.
    """

    def __init__(self, session: Session) -> None:
        self._session = session
        self._reviews = {sha256: Review(saved.decision, saved.note) for sha256, saved in session.decisions().items()}

    def review(self, sha256: str) -> Review:
        return self._reviews.get(sha256, NO_REVIEW)

    def save(self, sha256: str, review: Review, shown: Candidate | None = None) -> None:
        before = self.review(sha256)
        if review.verdict != before.verdict:
            self._session.set_decision(sha256, review.verdict, shown)
        if review.note != before.note:
            self._session.set_note(sha256, review.note, shown)
        self._reviews[sha256] = review

    def forget(self, sha256: str) -> None:
        self._reviews.pop(sha256, None)
