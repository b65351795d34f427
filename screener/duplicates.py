"""Possibly the same person twice: the same email, or the same name and phone, in different files."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Iterator

from screener.models import Candidate
from screener.source_file import readable_path

__all__ = ["SamePersonIndex", "copy_of", "flag_possible_duplicates"]


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


MAX_NAMED = 3  # other files named per candidate; the group's count tells how many more there are


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

    def flagged(self, candidate: Candidate) -> Candidate:
        """The candidate with its duplicate group and count, and the first few other files of the same person."""
        if candidate.status != "ok" or candidate.file not in self._parent:
            return candidate
        root = self._root(candidate.file)
        count = self._size[root]
        if count < 2:
            return candidate
        number = self._numbers.setdefault(root, len(self._numbers) + 1)
        warnings = {f"duplicate group {number}: {count} files seem to hold the same person": None}
        for key in _person_keys(candidate):
            for file in self._named.get(key, ()):
                if file != candidate.file and len(warnings) <= MAX_NAMED:
                    warnings.setdefault(f"possible duplicate of {readable_path(file)} ({key[0]})")
        fresh = [warning for warning in warnings if warning not in candidate.warnings]
        return dataclasses.replace(candidate, warnings=candidate.warnings + tuple(fresh)) if fresh else candidate


def flag_possible_duplicates(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Every candidate, each with its duplicate group when other files seem to hold the same person."""
    listed = list(candidates)
    index = SamePersonIndex()
    for candidate in listed:
        index.add(candidate)
    return [index.flagged(candidate) for candidate in listed]
