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


class SamePersonIndex:
    """Files seen so far by what identifies their candidate; flags a candidate against the others."""

    def __init__(self) -> None:
        self._files: dict[tuple[str, str], list[str]] = defaultdict(list)

    def add(self, candidate: Candidate) -> None:
        if candidate.status == "ok":
            for key in _person_keys(candidate):
                self._files[key].append(candidate.file)

    def flagged(self, candidate: Candidate) -> Candidate:
        """The candidate with a warning per other file that seems to be the same person."""
        if candidate.status != "ok":
            return candidate
        warnings: dict[str, None] = {}
        for key in _person_keys(candidate):
            for file in self._files.get(key, ()):
                if file != candidate.file:
                    warnings.setdefault(f"possible duplicate of {readable_path(file)} ({key[0]})")
        fresh = [warning for warning in warnings if warning not in candidate.warnings]
        return dataclasses.replace(candidate, warnings=candidate.warnings + tuple(fresh)) if fresh else candidate


def flag_possible_duplicates(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Every candidate, each warned about every other file that seems to hold the same person."""
    listed = list(candidates)
    index = SamePersonIndex()
    for candidate in listed:
        index.add(candidate)
    return [index.flagged(candidate) for candidate in listed]
