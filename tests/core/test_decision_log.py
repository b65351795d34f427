"""The session's decision log: every review action with who, when and what the tool showed; never edited, and
a deleted candidate's entries keep nothing about them."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from screener.cli import main
from screener.decision_log import DELETED_CANDIDATE, Snapshot, format_log
from screener.models import Candidate, Contact, Document, GateResult, ProfileFit, Scores
from screener.store import Session

ONE_PAGE = Document(pages=1, lines=())
GATES = (GateResult("PMP", "pass", "PMP, 2019"), GateResult("Degree", "fail", "no degree found"))


def ada(file: str = "/cvs/ada.pdf") -> Candidate:
    return Candidate(
        file=file,
        sha256="sha-ada",
        pages=1,
        contact=Contact(name="Ada Lovelace", email="ada@example.org"),
        scores=Scores(71.66, 40.0, "pm", ()),
        profile_fit=ProfileFit("Project Manager", GATES, 0.0, 1.0),
    )


@pytest.fixture
def session(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Session:
    monkeypatch.setattr("getpass.getuser", lambda: "rita")
    opened = Session.open(tmp_path / "s.sqlite")
    opened.record(replace(ada(), profile_fit=None), ONE_PAGE, scored_with="fingerprint")  # as screening stores it
    return opened


def test_a_decision_is_logged_with_who_and_the_scores_fit_gates_and_profile_shown(session: Session) -> None:
    session.set_decision("sha-ada", "shortlist", ada())
    (entry,) = session.decision_log()
    assert (entry.user, entry.action, entry.candidate, entry.detail) == (
        "rita",
        "decision",
        "Ada Lovelace (ada.pdf)",
        "shortlist",
    )
    assert entry.snapshot == Snapshot(71.7, 40.0, "pm", "Project Manager", GATES)
    assert entry.at.endswith("+00:00")


def test_without_the_candidate_shown_a_decision_logs_the_stored_scores(session: Session) -> None:
    session.set_decision("sha-ada", "reject")
    (entry,) = session.decision_log()
    assert entry.snapshot == Snapshot(71.7, 40.0, "pm")  # stored results carry no profile


def test_a_note_typed_key_by_key_is_one_entry_holding_the_note_as_it_stands(session: Session) -> None:
    for typed in ("G", "Go", "Good"):
        session.set_note("sha-ada", typed, ada())
    session.set_decision("sha-ada", "maybe", ada())
    session.set_note("sha-ada", "Good fit", ada())
    assert [(e.action, e.detail) for e in session.decision_log()] == [
        ("note", "Good"),
        ("decision", "maybe"),
        ("note", "Good fit"),
    ]


def test_reveals_and_profile_changes_are_logged(session: Session) -> None:
    session.log_event("reveal", "identity shown", ada())
    session.log_event("profile", "ranked by the profile “Project Manager”")
    assert [(e.action, e.candidate, e.sha256) for e in session.decision_log()] == [
        ("reveal", "Ada Lovelace (ada.pdf)", "sha-ada"),
        ("profile", "", ""),
    ]
    assert [e.action for e in session.decision_log("sha-ada")] == ["reveal"]


def test_the_log_cannot_be_edited_or_emptied(session: Session) -> None:
    session.set_decision("sha-ada", "shortlist", ada())
    with sqlite3.connect(session.path) as db:
        with pytest.raises(sqlite3.IntegrityError, match="never edited"):
            db.execute("UPDATE decision_log SET detail = 'reject'")
        with pytest.raises(sqlite3.IntegrityError, match="never edited"):
            db.execute("DELETE FROM decision_log")


def test_removing_a_candidate_keeps_what_was_done_but_nothing_about_them(session: Session) -> None:
    session.set_decision("sha-ada", "reject", ada())
    session.set_note("sha-ada", "weak on budgets, ask Grace", ada())
    session.remove_candidate("/cvs/ada.pdf")
    entries = session.decision_log()
    assert [(e.action, e.candidate, e.sha256, e.detail, e.snapshot) for e in entries] == [
        ("decision", DELETED_CANDIDATE, "", "reject", None),
        ("note", DELETED_CANDIDATE, "", "", None),
        ("removal", DELETED_CANDIDATE, "", "", None),
    ]
    session.close()
    stored = b"".join(p.read_bytes() for p in session.path.parent.glob("s.sqlite*"))
    assert b"weak on budgets" not in stored and b"Ada Lovelace" not in stored and b"sha-ada" not in stored


def test_removing_one_copy_names_the_file_and_keeps_the_candidate_s_entries(session: Session) -> None:
    session.record(ada("/cvs/copy.pdf"), ONE_PAGE)
    session.set_decision("sha-ada", "maybe", ada())
    session.remove_candidate("/cvs/copy.pdf")
    assert [(e.action, e.candidate) for e in session.decision_log("sha-ada")] == [
        ("decision", "Ada Lovelace (ada.pdf)"),
        ("removal", "copy.pdf"),
    ]


def test_purging_by_age_forgets_the_candidates_in_the_log_too(session: Session) -> None:
    session.set_note("sha-ada", "call back", ada())
    session.purge_older_than(datetime.now(timezone.utc) + timedelta(days=1))
    assert {e.candidate for e in session.decision_log()} == {DELETED_CANDIDATE}


def test_undoing_a_removal_is_logged(session: Session) -> None:
    removed = session.remove_candidate("/cvs/ada.pdf")
    assert removed is not None
    session.restore_candidates([removed])
    assert [e.action for e in session.decision_log()][-1] == "restore"


def test_session_log_prints_every_entry(session: Session, capsys: pytest.CaptureFixture[str]) -> None:
    session.set_decision("sha-ada", "shortlist", ada())
    session.log_event("settings", "weights changed")
    session.close()
    assert main(["session", "log", str(session.path)]) == 0
    printed = capsys.readouterr().out
    assert printed == format_log(Session.open(session.path).decision_log()) + "\n"
    assert "rita  decision  Ada Lovelace (ada.pdf): shortlist  [PM, management 71.7, technical 40.0" in printed
    assert "PMP: pass (PMP, 2019); Degree: fail (no degree found)" in printed
    assert "settings  (session): weights changed" in printed


def test_session_log_of_a_missing_file_creates_nothing(tmp_path: Path) -> None:
    assert main(["session", "log", str(tmp_path / "none.sqlite")]) == 2
    assert not (tmp_path / "none.sqlite").exists()


def test_session_log_in_blind_review_names_candidates_by_number(
    session: Session, capsys: pytest.CaptureFixture[str]
) -> None:
    session.set_decision("sha-ada", "shortlist", ada())
    session.log_event("settings", "weights changed")
    session.close()
    assert main(["session", "log", str(session.path), "--blind"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("Decision log (blind review)\n")
    assert "decision  Candidate 1: shortlist  [PM" in printed and "settings  (session): weights changed" in printed
    assert "Ada" not in printed and "ada.pdf" not in printed
