"""Possible duplicates come in one group per person with a count, so thousands of copies stay cheap."""

from __future__ import annotations

import dataclasses
from datetime import date

from screener.duplicates import MAX_NAMED, flag_possible_duplicates, is_same_person_warning, possible_duplicate_text
from screener.models import Box, Candidate, Contact, Job, Span


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


def test_a_file_sharing_both_email_and_name_and_phone_is_named_once_and_its_warnings_are_known() -> None:
    both = [person(f"{year}.pdf", "Dana Whitfield", "dana@example.com", "+1 312 555 0384") for year in (2024, 2025)]
    flagged = flag_possible_duplicates([*both, person("other.pdf", "Ravi Shah", "ravi@example.com")])
    assert flagged[0].warnings[1:] == ("possible duplicate of 2025.pdf (same email)",)
    assert all(is_same_person_warning(w) for w in flagged[0].warnings)
    assert not is_same_person_warning("only the first 30 pages were read")


def test_the_names_of_the_other_files_say_each_reason_once() -> None:
    named = [("Candidate 2", "same email"), ("Candidate 7", "same name and phone"), ("Candidate 3", "same email")]
    assert possible_duplicate_text(named) == (
        "possible duplicate of Candidate 2, Candidate 3 (same email); Candidate 7 (same name and phone)"
    )
    assert possible_duplicate_text([]) == ""


def job(title: str, start: int, end: int) -> Job:
    span = Span("", 1, Box(0, 0, 1, 1), "experience")
    return Job(title, "Company Name", date(start, 1, 1), date(end, 1, 1), True, False, span)


def test_files_with_no_name_or_email_are_joined_by_the_same_dated_jobs_and_one_job_alike_is_not_enough() -> None:
    career = (job("Engineering Manager", 2015, 2024), job("Software Engineer", 2009, 2015))
    anonymous = [dataclasses.replace(person(f"cv-{n}.pdf", ""), contact=Contact(), jobs=career) for n in (1, 2)]
    other_dates = dataclasses.replace(
        anonymous[0], file="other.pdf", jobs=(career[0], job("Software Engineer", 2010, 2015))
    )
    one_job = [dataclasses.replace(anonymous[0], file=f"intern-{n}.pdf", jobs=career[1:]) for n in (1, 2)]
    flagged = flag_possible_duplicates([*anonymous, other_dates, *one_job])
    assert flagged[0].warnings[1:] == ("possible duplicate of cv-2.pdf (same work history)",)
    assert [c.warnings for c in flagged[2:]] == [(), (), ()]
