"""The list's possible duplicates: which rows seem to hold the same person as a row, kept up as rows come and go.

The engine flags a file when it finishes, knowing only the files before it; the list knows every row, so the
first file of a person is flagged too once a second one arrives, and a removed row names no one any more.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from screener.duplicates import SamePersonIndex, possible_duplicate_text
from screener.models import Candidate

DUPLICATE_MARK = "possible duplicate"  # what the Status column adds ("ok · possible duplicate")


def sentence(text: str) -> str:
    """A text that starts in lower case ("possible duplicate of …") as a sentence of its own."""
    return text[:1].upper() + text[1:]


class SamePersonRows:
    """The rows' candidates grouped by person (same email, or same name and phone), by file."""

    def __init__(self) -> None:
        self._index = SamePersonIndex()
        self._by_file: dict[str, Candidate] = {}
        self._marked: set[str] = set()  # files with another row of their person: asked on every paint and sort

    def reset(self, candidates: Iterable[Candidate]) -> None:
        """Group these rows afresh: the rows were replaced or some removed (the index only grows)."""
        self._index, self._by_file, self._marked = SamePersonIndex(), {}, set()
        self.add(candidates)

    def add(self, candidates: Iterable[Candidate]) -> list[Candidate]:
        """Group arriving rows; returns the rows marked now that were not before (the new ones and those they
        name), so the list repaints those alone."""
        changed: dict[str, Candidate] = {}
        for candidate in candidates:
            if candidate.status != "ok":
                continue
            self._index.add(candidate)
            self._by_file[candidate.file] = candidate
            others = self.others(candidate)
            if others:
                changed[candidate.file] = candidate
                changed.update((other.file, other) for other, _ in others)
        newly = [candidate for file, candidate in changed.items() if file not in self._marked]
        self._marked.update(changed)
        return newly

    def is_marked(self, candidate: Candidate) -> bool:
        """Whether another row seems to hold this candidate's person."""
        return candidate.file in self._marked

    def others(self, candidate: Candidate) -> list[tuple[Candidate, str]]:
        """The first few other rows that seem to hold the same person, each with the reason."""
        found = [(self._by_file.get(file), reason) for file, reason in self._index.others(candidate)]
        return [(other, reason) for other, reason in found if other is not None]

    def group_size(self, candidate: Candidate) -> int:
        return self._index.group_size(candidate) if candidate.file in self._by_file else 1

    def text(self, candidate: Candidate, name: Callable[[Candidate], str]) -> str:
        """The other rows of this person, each called `name`: "possible duplicate of Candidate 51, Candidate 52
        (same email)"; "" when no other row seems to hold this person."""
        others = self.others(candidate)
        said = possible_duplicate_text([(name(other), reason) for other, reason in others])
        more = self.group_size(candidate) - 1 - len(others)
        return f"{said} and {more} more" if said and more > 0 else said
