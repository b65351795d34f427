"""Removing a candidate from a session, and putting it back exactly (what the app's undo relies on)."""

from __future__ import annotations

from pathlib import Path

from screener.models import Candidate, Document
from screener.store import Review, Session

ONE_PAGE = Document(pages=1, lines=())


def stored(session: Session, file: str, sha256: str) -> Candidate:
    candidate = Candidate(file=file, sha256=sha256, pages=1)
    session.record(candidate, ONE_PAGE, scored_with="fingerprint")
    session.set_decision(sha256, "shortlist")
    session.set_note(sha256, f"note on {file}")
    return candidate


def test_a_removed_candidate_leaves_no_trace_after_a_reopen(tmp_path: Path) -> None:
    with Session.open(tmp_path / "s.sqlite") as session:
        stored(session, "/cvs/ada.pdf", "sha-ada")
        stored(session, "/cvs/alan.pdf", "sha-alan")
        assert session.remove_candidate("/cvs/ada.pdf") is not None
    with Session.open(tmp_path / "s.sqlite") as reopened:
        assert [c.file for c in reopened.candidates()] == ["/cvs/alan.pdf"]
        assert reopened.result("sha-ada") is None and reopened.document("sha-ada") is None
        assert "sha-ada" not in reopened.decisions()
        assert reopened.remove_candidate("/cvs/ada.pdf") is None


def test_a_copy_removed_keeps_the_content_the_other_file_still_shows(tmp_path: Path) -> None:
    with Session.open(tmp_path / "s.sqlite") as session:
        stored(session, "/cvs/ada.pdf", "sha-ada")
        session.record(Candidate(file="/cvs/copy/ada.pdf", sha256="sha-ada", pages=1), ONE_PAGE)
        session.remove_candidate("/cvs/copy/ada.pdf")
        assert [c.file for c in session.candidates()] == ["/cvs/ada.pdf"]
        assert session.decisions()["sha-ada"] == Review("shortlist", "note on /cvs/ada.pdf")


def test_restoring_a_removal_brings_back_the_row_its_extraction_and_review(tmp_path: Path) -> None:
    with Session.open(tmp_path / "s.sqlite") as session:
        stored(session, "/cvs/ada.pdf", "sha-ada")
        before = (session.candidates(), session.decisions(), session.document("sha-ada"))
        removed = session.remove_candidate("/cvs/ada.pdf")
        assert removed is not None
        session.restore_candidates([removed])
    with Session.open(tmp_path / "s.sqlite") as reopened:
        assert (reopened.candidates(), reopened.decisions(), reopened.document("sha-ada")) == before
