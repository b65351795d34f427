"""Reviewer decisions and notes, kept per CV by its SHA-256 so a renamed copy of a CV keeps its review."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

Verdict = Literal["none", "shortlist", "maybe", "reject"]

VERDICT_LABELS: dict[Verdict, str] = {"none": "", "shortlist": "Shortlist", "maybe": "Maybe", "reject": "Reject"}


@dataclass(frozen=True)
class Review:
    verdict: Verdict = "none"
    note: str = ""


NO_REVIEW = Review()


class DecisionStore(Protocol):
    """Where reviews live; the in-memory store below stands in until reviews are saved with the session."""

    def review(self, sha256: str) -> Review: ...

    def save(self, sha256: str, review: Review) -> None: ...


class InMemoryDecisionStore:
    """Reviews for this run of the app only."""

    def __init__(self) -> None:
        self._reviews: dict[str, Review] = {}

    def review(self, sha256: str) -> Review:
        return self._reviews.get(sha256, NO_REVIEW)

    def save(self, sha256: str, review: Review) -> None:
        if review == NO_REVIEW:
            self._reviews.pop(sha256, None)
        else:
            self._reviews[sha256] = review
