"""Sessions: results, extractions, decisions and notes survive a reopen; a damaged file is refused and kept."""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from screener import screening
from screener.codec import candidate_from_json, candidate_to_json, document_from_json, document_to_json
from screener.errors import SessionError
from screener.models import Candidate, Document
from screener.pdftext import read_document
from screener.screening import Screener, file_sha256
from screener.settings import Settings
from screener.store import (
    MIGRATIONS,
    Review,
    Session,
    default_session_path,
    next_session_path,
    scoring_fingerprint,
)

SETTINGS = Settings(as_of=date(2025, 6, 1))


@pytest.fixture(scope="module")
def screened(cv_files: list[Path]) -> list[tuple[Candidate, Document]]:
    screener = Screener(SETTINGS)
    pairs = []
    for path in cv_files:
        document = read_document(path)
        pairs.append((screener.screen_document(document, str(path), file_sha256(path)), document))
    return pairs


def filled_session(path: Path, screened: list[tuple[Candidate, Document]]) -> Session:
    session = Session.open(path)
    for candidate, document in screened:
        session.record(candidate, document, scored_with=scoring_fingerprint(SETTINGS))
    return session


def test_documents_and_candidates_round_trip_through_json(screened: list[tuple[Candidate, Document]]) -> None:
    for candidate, document in screened:
        assert candidate_from_json(candidate_to_json(candidate)) == candidate
        assert document_from_json(document_to_json(document)) == document


def test_a_reopened_session_holds_every_result_and_extraction(
    tmp_path: Path, screened: list[tuple[Candidate, Document]]
) -> None:
    filled_session(tmp_path / "s.sqlite", screened).close()
    with Session.open(tmp_path / "s.sqlite") as session:
        assert session.candidates() == sorted((c for c, _ in screened), key=lambda c: c.file)
        assert session.documents() == {c.sha256: d for c, d in screened}
        first = screened[0][0]
        assert session.document(first.sha256) == screened[0][1]
        assert session.document("0" * 64) is None


def test_decisions_and_notes_are_kept_per_content(tmp_path: Path) -> None:
    with Session.open(tmp_path / "s.sqlite") as session:
        session.set_decision("a" * 64, "shortlist")
        session.set_note("a" * 64, "call on Monday")
        session.set_note("b" * 64, "ask about the PMP date")
        session.set_decision("a" * 64, "maybe")
        with pytest.raises(ValueError, match="unknown decision"):
            session.set_decision("a" * 64, "hire")  # type: ignore[arg-type]
    with Session.open(tmp_path / "s.sqlite") as session:
        assert session.decisions() == {
            "a" * 64: Review("maybe", "call on Monday"),
            "b" * 64: Review("none", "ask about the PMP date"),
        }


def test_pending_lists_files_not_finished_or_changed_since(
    tmp_path: Path, cv_files: list[Path], screened: list[tuple[Candidate, Document]]
) -> None:
    copies = [Path(shutil.copy(path, tmp_path / path.name)) for path in cv_files]
    with Session.open(tmp_path / "s.sqlite") as session:
        for copy, (candidate, document) in zip(copies[:3], screened, strict=False):
            session.record(dataclasses.replace(candidate, file=str(copy)), document)
        session.record(Candidate(file=str(copies[3]), sha256="", status="error", error="not a PDF file"))
        assert session.pending(copies) == copies[4:]
        copies[0].write_bytes(copies[0].read_bytes() + b"\n% edited\n")
        assert session.pending(copies) == [copies[0], *copies[4:]]


def test_a_file_listed_as_screened_without_its_result_says_so_and_is_offered_again(
    tmp_path: Path, cv_files: list[Path], screened: list[tuple[Candidate, Document]]
) -> None:
    copy = Path(shutil.copy(cv_files[0], tmp_path / cv_files[0].name))
    candidate, _document = screened[0]
    with Session.open(tmp_path / "s.sqlite") as session:
        session.record(dataclasses.replace(candidate, file=str(copy)))  # "ok", its extraction not kept
        (listed,) = session.candidates()
        assert listed.status == "error" and listed.error is not None and "add the file again" in listed.error
        assert session.pending([copy]) == [copy]


def test_a_second_copy_of_the_same_content_is_listed_as_its_duplicate(
    tmp_path: Path, screened: list[tuple[Candidate, Document]]
) -> None:
    candidate, document = screened[0]
    with Session.open(tmp_path / "s.sqlite") as session:
        session.record(dataclasses.replace(candidate, file="/cvs/a.pdf"), document)
        session.record(dataclasses.replace(candidate, file="/cvs/b.pdf"), document)
        rows = session.candidates()
    assert [(c.file, c.status, c.error) for c in rows] == [
        ("/cvs/a.pdf", "ok", None),
        ("/cvs/b.pdf", "duplicate", "duplicate of /cvs/a.pdf"),
    ]


def test_rescoring_reads_stored_extractions_not_the_pdfs(
    tmp_path: Path, cv_files: list[Path], screened: list[tuple[Candidate, Document]]
) -> None:
    copies = [Path(shutil.copy(path, tmp_path / path.name)) for path in cv_files]
    session = Session.open(tmp_path / "s.sqlite")
    for copy, (candidate, document) in zip(copies, screened, strict=True):
        session.record(dataclasses.replace(candidate, file=str(copy)), document, scored_with="old settings")
    for copy in copies:
        copy.unlink()
    later = Settings(catalogue=SETTINGS.catalogue, as_of=date(2040, 1, 1))
    rescored = session.rescore(Screener(later))
    expected = [
        Screener(later).screen_document(d, str(copy), c.sha256) for copy, (c, d) in zip(copies, screened, strict=True)
    ]
    assert rescored == sorted(expected, key=lambda c: c.file)
    before = sorted((c for c, _ in screened), key=lambda c: c.file)
    assert [c.years_experience for c in rescored] != [c.years_experience for c in before]  # "Present" is 2040 now
    assert session.rescore(Screener(later)) == rescored  # nothing stale the second time
    session.close()


def test_the_schema_is_at_the_latest_version_and_new_sessions_go_to_the_user_data_folder(tmp_path: Path) -> None:
    assert default_session_path().is_relative_to(tmp_path / "data")  # XDG_DATA_HOME of the test
    Session.open().close()
    with sqlite3.connect(default_session_path()) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"this is my shopping list, not a session\n" * 200, "file is not a database"),
        (b"SQLite format 3\x00" + b"\xff" * 4000, "cannot be used"),
    ],
)
def test_a_damaged_session_file_is_refused_and_kept(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "week 12.sqlite"
    path.write_bytes(content)
    with pytest.raises(SessionError, match=reason) as raised:
        Session.open(path)
    assert str(path) in str(raised.value) and "Start a new session" in str(raised.value)
    assert path.read_bytes() == content


def test_a_truncated_session_file_is_refused(tmp_path: Path, screened: list[tuple[Candidate, Document]]) -> None:
    path = tmp_path / "s.sqlite"
    filled_session(path, screened).close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(SessionError, match="Start a new session"):
        Session.open(path).candidates()
    assert path.stat().st_size == len(data) // 2


def test_a_session_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(SessionError, match="newer version"):
        Session.open(path)


def test_a_weight_change_rescores_stored_findings_exactly_as_a_full_screening(
    tmp_path: Path, screened: list[tuple[Candidate, Document]]
) -> None:
    with filled_session(tmp_path / "s.sqlite", screened) as session:
        catalogue = SETTINGS.catalogue
        reweighted = dataclasses.replace(
            catalogue,
            certifications=tuple(dataclasses.replace(c, weight=c.weight / 2) for c in catalogue.certifications),
            scoring=dataclasses.replace(catalogue.scoring, thresholds={"management": 70, "technical": 20}),
        )
        later = dataclasses.replace(SETTINGS, catalogue=reweighted)
        assert scoring_fingerprint(later).split("/")[0] == scoring_fingerprint(SETTINGS).split("/")[0]
        rescored = session.rescore(Screener(later))
    expected = [Screener(later).screen_document(d, c.file, c.sha256) for c, d in screened]
    assert rescored == sorted(expected, key=lambda c: c.file)
    before = sorted((c for c, _ in screened), key=lambda c: c.file)
    assert [c.scores for c in rescored] != [c.scores for c in before]  # the new weights did change scores


def test_queued_files_are_the_ones_not_finished_yet(tmp_path: Path, screened: list[tuple[Candidate, Document]]) -> None:
    files = [Path(f"/cvs/{name}.pdf") for name in ("ada", "bob", "cy", "di")]
    candidate, document = screened[0]
    with Session.open(tmp_path / "s.sqlite") as session:
        session.queue(files)
        session.queue(files[:1])  # asked for again by a second import: still once
        session.record(dataclasses.replace(candidate, file=str(files[0])), document)
        session.record(Candidate(file=str(files[1]), sha256="", status="error", error="not a PDF file"))
    with Session.open(tmp_path / "s.sqlite") as session:
        assert session.queued() == files[2:]
        session.forget_queued()
        assert session.queued() == []


def test_a_session_from_before_the_queue_opens_with_its_work_and_gains_one(
    tmp_path: Path, screened: list[tuple[Candidate, Document]]
) -> None:
    path = tmp_path / "old.sqlite"
    candidate, document = screened[0]
    with sqlite3.connect(path) as db:  # a file as the first released version wrote it
        db.executescript(f"{MIGRATIONS[0]} PRAGMA user_version = 1;")
        db.execute(
            "INSERT INTO extraction VALUES (?, ?, ?, '', 'then', 'then')",
            (candidate.sha256, document_to_json(document), candidate_to_json(candidate)),
        )
        db.execute("INSERT INTO file VALUES (?, ?, NULL, NULL, 'ok', NULL, 'then')", (candidate.file, candidate.sha256))
        db.execute("INSERT INTO review VALUES (?, 'shortlist', 'call back', 'then')", (candidate.sha256,))
    with Session.open(path) as session:
        assert session.candidates() == [candidate]
        assert session.decisions() == {candidate.sha256: Review("shortlist", "call back")}
        session.queue([Path("/cvs/new.pdf")])
        assert session.queued() == [Path("/cvs/new.pdf")]
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_a_new_session_file_is_named_beside_the_old_one_without_reusing_a_name(tmp_path: Path) -> None:
    old = tmp_path / "week 12.sqlite"
    assert next_session_path(old) == tmp_path / "week 12-2.sqlite"
    (tmp_path / "week 12-2.sqlite").write_bytes(b"")
    (tmp_path / "week 12-3.sqlite-wal").write_bytes(b"")  # a log left behind would join a new file of its name
    assert next_session_path(old) == tmp_path / "week 12-4.sqlite"
    assert next_session_path(tmp_path / "week 12-2.sqlite") == tmp_path / "week 12-4.sqlite"


def test_a_later_day_rescores_stored_findings_exactly_as_a_full_screening(
    tmp_path: Path, screened: list[tuple[Candidate, Document]]
) -> None:
    later = dataclasses.replace(SETTINGS, as_of=date(2025, 11, 30))  # the same year: no matching needed
    assert scoring_fingerprint(later).split("/")[0] == scoring_fingerprint(SETTINGS).split("/")[0]
    with filled_session(tmp_path / "s.sqlite", screened) as session:
        rescored = session.rescore(Screener(later))
    expected = [Screener(later).screen_document(d, c.file, c.sha256) for c, d in screened]
    assert rescored == sorted(expected, key=lambda c: c.file)
    before = sorted((c for c, _ in screened), key=lambda c: c.file)
    assert [c.years_experience for c in rescored] != [c.years_experience for c in before]  # "Present" moved


OPEN_WHEN_TOLD = """
import sys, time
from pathlib import Path
from screener.store import Session
go = Path(sys.argv[2])
Path(sys.argv[3]).touch()  # ready: imported, about to open
while not go.exists():
    time.sleep(0.001)
Session.open(Path(sys.argv[1])).close()
"""


def test_two_processes_creating_one_new_session_both_open_it(tmp_path: Path) -> None:
    for attempt in range(6):  # the race was lost about one time in three
        path, go = tmp_path / f"new {attempt}.sqlite", tmp_path / f"go {attempt}"
        ready = [tmp_path / f"ready {attempt} {opener}" for opener in range(2)]
        openers = [
            subprocess.Popen(
                [sys.executable, "-c", OPEN_WHEN_TOLD, str(path), str(go), str(mark)], stderr=subprocess.PIPE
            )
            for mark in ready
        ]
        while not all(mark.exists() for mark in ready) and all(opener.poll() is None for opener in openers):
            time.sleep(0.01)
        go.touch()
        errors = [opener.communicate()[1].decode() for opener in openers]
        assert [opener.returncode for opener in openers] == [0, 0], errors
        with sqlite3.connect(path) as db:
            assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions; Windows keeps profiles private")
def test_a_session_and_its_folder_are_readable_by_their_owner_only(
    tmp_path: Path, screened: list[tuple[Candidate, Document]]
) -> None:
    path = tmp_path / "new folder" / "s.sqlite"
    with filled_session(path, screened):  # open: the write-ahead log and shared memory files exist
        files = [path, Path(f"{path}-wal"), Path(f"{path}-shm")]
        assert [oct(file.stat().st_mode & 0o777) for file in files] == ["0o600"] * 3
    assert oct(path.parent.stat().st_mode & 0o777) == "0o700"
    older = tmp_path / "older.sqlite"
    shutil.copy(path, older)
    older.chmod(0o644)  # as sessions were created before
    Session.open(older).close()
    assert oct(older.stat().st_mode & 0o777) == "0o600"


def test_results_stored_by_earlier_screening_rules_are_screened_again_from_their_documents(
    tmp_path: Path, screened: list[tuple[Candidate, Document]], monkeypatch: pytest.MonkeyPatch
) -> None:
    with filled_session(tmp_path / "s.sqlite", screened) as session:
        assert session.stale_count(SETTINGS) == 0
        monkeypatch.setattr("screener.screening.SCREENING_VERSION", screening.SCREENING_VERSION + 1)
        assert session.stale_count(SETTINGS) == len(screened)
        assert len(session.rescore(Screener(SETTINGS))) == len(screened)
        assert session.stale_count(SETTINGS) == 0
