"""Deleting personal data: a candidate, old candidates, a whole session; nothing deleted stays in the file."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from screener.cli import main
from screener.models import Candidate
from screener.session_commands import apply_retention
from screener.settings import Settings
from screener.store import Session
from screener.user_settings import UserSettings, save_user_settings

SETTINGS = Settings(as_of=date(2025, 6, 1))


def file_bytes(session_path: Path) -> bytes:
    """Everything a file viewer would find on disk for the session: the file and its write-ahead log."""
    companions = (session_path, Path(f"{session_path}-wal"))
    return b"".join(path.read_bytes() for path in companions if path.exists())


@pytest.fixture
def reviewed(tmp_path: Path, cv_files: list[Path], capsys: pytest.CaptureFixture[str]) -> tuple[Path, list[Candidate]]:
    """A session holding three screened CVs, each with a decision and a note naming the candidate."""
    folder = tmp_path / "cvs"
    folder.mkdir()
    for path in cv_files[:3]:
        shutil.copy(path, folder / path.name)
    session_path = tmp_path / "review.sqlite"
    assert main(["screen", str(folder), "--session", str(session_path), "--workers", "2"]) == 0
    capsys.readouterr()
    with Session.open(session_path) as session:
        candidates = session.candidates()
        for candidate in candidates:
            session.set_decision(candidate.sha256, "shortlist")
            session.set_note(candidate.sha256, f"call {candidate.contact.name} back")
    assert all(c.contact.name for c in candidates)
    return session_path, candidates


def traces(candidate: Candidate) -> list[bytes]:
    """What would give the candidate away: their name, email and the file name."""
    return [
        text.encode() for text in (candidate.contact.name, candidate.contact.email, Path(candidate.file).name) if text
    ]


def test_a_removed_candidate_leaves_no_trace_in_the_session_file(
    reviewed: tuple[Path, list[Candidate]], capsys: pytest.CaptureFixture[str]
) -> None:
    session_path, (gone, *kept) = reviewed
    assert all(trace in file_bytes(session_path) for trace in traces(gone))
    assert main(["session", "remove", str(session_path), gone.file]) == 0
    left = file_bytes(session_path)
    assert [trace for trace in traces(gone) if trace in left] == []
    assert all(trace in left for candidate in kept for trace in traces(candidate))
    with Session.open(session_path) as session:
        assert sorted(c.file for c in session.candidates()) == sorted(c.file for c in kept)
        assert gone.sha256 not in session.decisions()


def _screened_days_ago(session_path: Path, candidate: Candidate, days: int) -> None:
    when = (datetime.now(timezone.utc) - timedelta(days=days)).isoformat(timespec="seconds")
    with sqlite3.connect(session_path) as db:
        db.execute("UPDATE file SET finished_at = ? WHERE path = ?", (when, candidate.file))
    db.close()


def test_purging_removes_the_candidates_screened_longer_ago_and_their_traces(
    reviewed: tuple[Path, list[Candidate]], capsys: pytest.CaptureFixture[str]
) -> None:
    session_path, (old, *recent) = reviewed
    _screened_days_ago(session_path, old, 200)
    _screened_days_ago(session_path, recent[0], 170)
    assert main(["session", "purge", "--older-than", "180d", str(session_path)]) == 0
    assert "removed 1 files screened more than 180 days ago" in capsys.readouterr().out
    left = file_bytes(session_path)
    assert [trace for trace in traces(old) if trace in left] == []
    with Session.open(session_path) as session:
        assert sorted(c.file for c in session.candidates()) == sorted(c.file for c in recent)


def test_the_retention_setting_purges_when_a_session_is_used(reviewed: tuple[Path, list[Candidate]]) -> None:
    session_path, (old, *recent) = reviewed
    _screened_days_ago(session_path, old, 31)
    with Session.open(session_path) as session:
        assert apply_retention(session) == 0  # off by default
        save_user_settings(UserSettings(retention_days=30))
        assert apply_retention(session) == 1
        assert sorted(c.file for c in session.candidates()) == sorted(c.file for c in recent)


def test_a_whole_session_is_deleted_with_its_companions(
    reviewed: tuple[Path, list[Candidate]], capsys: pytest.CaptureFixture[str]
) -> None:
    session_path, _ = reviewed
    assert main(["session", "delete", str(session_path)]) == 0
    assert not [path for path in session_path.parent.iterdir() if path.name.startswith(session_path.name)]


def test_a_file_that_is_no_session_is_not_deleted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.sqlite"
    notes.write_text("my own notes, not a session", encoding="utf-8")
    assert main(["session", "delete", str(notes)]) == 2
    error = capsys.readouterr().err
    assert "is not a session file" in error and "nothing was deleted" in error
    assert notes.exists()
