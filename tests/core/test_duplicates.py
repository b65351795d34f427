"""Possible duplicates come in one group per person with a count, so thousands of copies stay cheap."""

from __future__ import annotations

from screener.duplicates import MAX_NAMED, flag_possible_duplicates
from screener.models import Candidate, Contact


def person(file: str, name: str, email: str | None = None, phone: str | None = None) -> Candidate:
    return Candidate(file=file, sha256=file, status="ok", contact=Contact(name, email, phone))


def test_many_copies_of_one_person_give_one_group_and_a_few_names_each() -> None:
    copies = [person(f"dana-{n:03}.pdf", "Dana Whitfield", "dana@example.com") for n in range(300)]
    flagged = flag_possible_duplicates([*copies, person("ravi.pdf", "Ravi Shah", "ravi@example.com")])
    assert all(len(c.warnings) == 1 + MAX_NAMED for c in flagged[:300])
    assert {c.warnings[0] for c in flagged[:300]} == {"duplicate group 1: 300 files seem to hold the same person"}
    assert flagged[-1].warnings == ()


def test_a_group_joins_files_linked_by_email_or_by_name_and_phone() -> None:
    flagged = flag_possible_duplicates(
        [
            person("2024.pdf", "Dana Whitfield", "dana@example.com", "+1 312 555 0384"),
            person("other.pdf", "Ravi Shah", "ravi@example.com"),
            person("2025.pdf", "Dana Whitfield", "dana@example.com"),
            person("no email.pdf", "Dana Whitfield", phone="+1 (312) 555-0384"),
            person("ravi again.pdf", "Ravi Shah", "RAVI@example.com"),
        ]
    )
    groups = [c.warnings[0] for c in flagged]
    assert groups[0] == groups[2] == groups[3] == "duplicate group 1: 3 files seem to hold the same person"
    assert groups[1] == groups[4] == "duplicate group 2: 2 files seem to hold the same person"
    assert "possible duplicate of 2024.pdf (same name and phone)" in flagged[3].warnings
