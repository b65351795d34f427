"""Possibly the same person twice: the same email, the same name and phone, or the same work history, in
different files."""

from __future__ import annotations

import dataclasses
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from screener.models import Candidate
from screener.source_file import readable_path

__all__ = [
    "PossibleDuplicate",
    "SamePersonIndex",
    "copy_of",
    "flag_possible_duplicates",
    "is_same_person_warning",
    "possible_duplicate_text",
]

# How the warnings this module writes begin: the app names the other files its own way (by blind number).
_GROUP_WARNING = "duplicate group "
_OTHER_WARNING = "possible duplicate of "


def copy_of(file: str, sha256: str, original: str) -> Candidate:
    """The row of a file whose content another file already holds."""
    return Candidate(file=file, sha256=sha256, status="duplicate", error=f"duplicate of {readable_path(original)}")


def _person_keys(candidate: Candidate) -> Iterator[tuple[str, str]]:
    """What identifies a person across files, with the reason a match on it is given."""
    contact = candidate.contact
    if contact.email:
        yield "same email", contact.email.casefold()
    digits = "".join(char for char in contact.phone or "" if char.isdigit())
    if contact.name and digits:
        yield "same name and phone", f"{contact.name.casefold()}|{digits}"
    if len(candidate.jobs) >= MIN_JOBS_ALIKE:
        # Many CVs give no name or email a reader can find (anonymised, or in an image); the same dated jobs at
        # the same employers are as telling, and a copy re-saved or with a line added reads them alike.
        history = [(job.title.casefold(), job.employer.casefold(), job.start, job.end) for job in candidate.jobs]
        yield "same work history", hashlib.sha256(repr(history).encode()).hexdigest()


MIN_JOBS_ALIKE = 2  # one job alike (a graduate's internship) is not enough to say two files are one person
MAX_NAMED = 3  # other files named per candidate; the group's count tells how many more there are


class PossibleDuplicate(NamedTuple):
    """Another file that seems to hold the same person, and why ("same email")."""

    file: str
    reason: str


def possible_duplicate_text(named: Sequence[tuple[str, str]]) -> str:
    """The warning for (name, reason) pairs, a reason said once for the names it applies to: "possible duplicate
    of Candidate 51, Candidate 52 (same email)"; "" for none."""
    by_reason: dict[str, list[str]] = {}
    for name, reason in named:
        by_reason.setdefault(reason, []).append(name)
    said = [f"{', '.join(names)} ({reason})" for reason, names in by_reason.items()]
    return f"{_OTHER_WARNING}{'; '.join(said)}" if said else ""


def is_same_person_warning(warning: str) -> bool:
    """Whether a warning is one `SamePersonIndex.flagged` wrote (a duplicate group, a file named as the other)."""
    return warning.startswith((_GROUP_WARNING, _OTHER_WARNING))


class SamePersonIndex:
    """Files seen so far grouped by person (files sharing an email, or a name and phone, transitively).

    Memory grows with the number of files, not with the pairs among them: each key keeps only the first few
    files holding it, and a group is one set in a union-find forest.
    """

    def __init__(self) -> None:
        self._named: dict[tuple[str, str], list[str]] = defaultdict(list)  # key -> its first files
        self._first: dict[tuple[str, str], str] = {}  # key -> the first file holding it
        self._parent: dict[str, str] = {}
        self._size: dict[str, int] = {}
        self._numbers: dict[str, int] = {}  # group root -> the number shown to the user

    def _root(self, file: str) -> str:
        while self._parent[file] != file:
            self._parent[file] = self._parent[self._parent[file]]  # path halving keeps the trees shallow
            file = self._parent[file]
        return file

    def _join(self, one: str, other: str) -> None:
        first, second = sorted((self._root(one), self._root(other)), key=lambda root: -self._size[root])
        if first != second:
            self._parent[second] = first
            self._size[first] += self._size.pop(second)

    def add(self, candidate: Candidate) -> None:
        if candidate.status != "ok" or candidate.file in self._parent:
            return
        self._parent[candidate.file] = candidate.file
        self._size[candidate.file] = 1
        for key in _person_keys(candidate):
            if len(self._named[key]) <= MAX_NAMED:
                self._named[key].append(candidate.file)
            self._join(candidate.file, self._first.setdefault(key, candidate.file))

    def group_size(self, candidate: Candidate) -> int:
        """How many files seem to hold this candidate's person, theirs included (1: no other)."""
        return self._size[self._root(candidate.file)] if candidate.file in self._parent else 1

    def others(self, candidate: Candidate) -> list[PossibleDuplicate]:
        """The first few other files sharing the candidate's email, or name and phone (not the whole group)."""
        if candidate.file not in self._parent:
            return []
        named: dict[str, PossibleDuplicate] = {}
        for key in _person_keys(candidate):
            for file in self._named.get(key, ()):
                if file != candidate.file and len(named) < MAX_NAMED:
                    named.setdefault(file, PossibleDuplicate(file, key[0]))
        return list(named.values())

    def flagged(self, candidate: Candidate) -> Candidate:
        """The candidate with its duplicate group and count, and the first few other files of the same person."""
        if candidate.status != "ok" or candidate.file not in self._parent:
            return candidate
        root = self._root(candidate.file)
        count = self._size[root]
        if count < 2:
            return candidate
        number = self._numbers.setdefault(root, len(self._numbers) + 1)
        warnings = [f"{_GROUP_WARNING}{number}: {count} files seem to hold the same person"]
        warnings += [possible_duplicate_text([(readable_path(file), why)]) for file, why in self.others(candidate)]
        fresh = [warning for warning in warnings if warning not in candidate.warnings]
        return dataclasses.replace(candidate, warnings=candidate.warnings + tuple(fresh)) if fresh else candidate


def flag_possible_duplicates(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Every candidate, each with its duplicate group when other files seem to hold the same person."""
    listed = list(candidates)
    index = SamePersonIndex()
    for candidate in listed:
        index.add(candidate)
    return [index.flagged(candidate) for candidate in listed]
