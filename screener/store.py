"""A screening session in SQLite: each finished file, its extraction and result, and the reviewer's decisions."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import logging
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType
from typing import Literal, cast, get_args

import platformdirs

from screener.codec import candidate_from_json, candidate_to_json, document_from_json, document_to_json
from screener.decision_log import (
    DELETED_CANDIDATE,
    LogAction,
    LogEntry,
    Snapshot,
    candidate_label,
    current_user,
    snapshot_from_json,
    snapshot_of,
    snapshot_to_json,
)
from screener.duplicates import copy_of, flag_possible_duplicates
from screener.errors import SessionError
from screener.models import Candidate, Document, FileStatus
from screener.screening import Screener, matching_key
from screener.settings import Settings
from screener.source_file import FileStamp, file_stamp, path_from_storage, storable_path

__all__ = [
    "Decision",
    "RemovedCandidate",
    "Review",
    "Session",
    "StoredResult",
    "create_privately",
    "default_session_path",
    "delete_session_files",
    "erase_deleted",
    "next_session_path",
    "rescored_result",
    "scoring_fingerprint",
]

log = logging.getLogger(__name__)

Decision = Literal["none", "shortlist", "maybe", "reject"]

# Each entry moves the schema one version forward; PRAGMA user_version counts the entries applied.
# Append only: a released entry is never edited, so every older session file can still be brought up.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE extraction (
        sha256 TEXT PRIMARY KEY,
        document TEXT NOT NULL,
        candidate TEXT NOT NULL,
        scored_with TEXT NOT NULL,
        extracted_at TEXT NOT NULL,
        scored_at TEXT NOT NULL
    );
    CREATE TABLE file (
        path TEXT PRIMARY KEY,
        sha256 TEXT,
        size INTEGER,
        mtime_ns INTEGER,
        status TEXT NOT NULL CHECK (status IN ('ok', 'error', 'duplicate')),
        error TEXT,
        finished_at TEXT NOT NULL
    );
    CREATE INDEX file_by_sha256 ON file (sha256);
    CREATE TABLE review (
        sha256 TEXT PRIMARY KEY,
        decision TEXT NOT NULL DEFAULT 'none' CHECK (decision IN ('none', 'shortlist', 'maybe', 'reject')),
        note TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
    );
    """,
    # Files an import was asked to screen and has not finished: what the next start resumes after a crash.
    """
    CREATE TABLE queued (
        path TEXT PRIMARY KEY,
        queued_at TEXT NOT NULL
    );
    """,
    # The decision log: appended to, never edited, except that a deleted candidate's entries are emptied of the
    # person and the newest entry of a note being typed follows the typing.
    """
    CREATE TABLE decision_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        user TEXT NOT NULL,
        action TEXT NOT NULL,
        candidate TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        detail TEXT NOT NULL,
        snapshot TEXT NOT NULL
    );
    CREATE INDEX decision_log_by_sha256 ON decision_log (sha256);
    CREATE TRIGGER decision_log_not_deleted BEFORE DELETE ON decision_log
    BEGIN
        SELECT RAISE(ABORT, 'the decision log is never edited');
    END;
    CREATE TRIGGER decision_log_not_edited BEFORE UPDATE ON decision_log
    WHEN NOT (
        NEW.candidate = 'deleted candidate' AND NEW.sha256 = '' AND NEW.snapshot = ''
        AND NEW.at = OLD.at AND NEW.user = OLD.user AND NEW.action = OLD.action
    ) AND NOT (
        OLD.action = 'note' AND NEW.action = 'note' AND NEW.user = OLD.user AND NEW.sha256 = OLD.sha256
        AND NEW.candidate = OLD.candidate AND OLD.id = (SELECT max(id) FROM decision_log)
    )
    BEGIN
        SELECT RAISE(ABORT, 'the decision log is never edited');
    END;
    """,
    # Blind review: the session's own choices (whether it is shown blind), and each CV's number there
    # ("Candidate 17"), kept so a candidate keeps their number for the life of the session.
    """
    CREATE TABLE session_setting (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE blind_number (
        key TEXT PRIMARY KEY,
        number INTEGER NOT NULL UNIQUE
    );
    """,
)


@dataclass(frozen=True)
class Review:
    """What the reviewer decided about one CV (by content), and their note."""

    decision: Decision = "none"
    note: str = ""


@dataclass(frozen=True)
class StoredResult:
    """A file content already screened: its result and the settings it was scored with."""

    candidate: Candidate
    scored_with: str


StoredRow = dict[str, object]  # one row of a session table by column name


@dataclass(frozen=True)
class RemovedCandidate:
    """The rows a removal took out of the session, kept so it can be undone exactly."""

    file: StoredRow
    extraction: StoredRow | None = None
    review: StoredRow | None = None


def _take(db: sqlite3.Connection, table: str, key: str, value: object) -> StoredRow | None:
    """Delete the row of `table` whose `key` is `value`, returning it by column name."""
    cursor = db.execute(f"SELECT * FROM {table} WHERE {key} = ?", (value,))
    row = cursor.fetchone()
    if row is None:
        return None
    db.execute(f"DELETE FROM {table} WHERE {key} = ?", (value,))
    return {column[0]: cell for column, cell in zip(cursor.description, row, strict=True)}


def default_session_path() -> Path:
    return Path(platformdirs.user_data_dir("cv-screener", appauthor=False)) / "session.sqlite"


def next_session_path(path: Path) -> Path:
    """A file name beside `path` that no session uses yet: session.sqlite -> session-2.sqlite, -3, ..."""
    stem = path.stem
    base, _, number = stem.rpartition("-")
    if base and number.isdigit():
        stem = base
    count = 2
    while True:
        candidate = path.with_name(f"{stem}-{count}{path.suffix}")
        # A stray write-ahead log would be taken as part of a new database of the same name.
        if not candidate.exists() and not Path(f"{candidate}-wal").exists():
            return candidate
        count += 1


def scoring_fingerprint(settings: Settings) -> str:
    """'<matching key>/<scoring key>': changes whenever a stored extraction would score differently; its
    first part only when matching could find something else (then re-scoring must match again)."""
    catalogue = dataclasses.replace(settings.catalogue, source="")  # the same content from elsewhere scores the same
    scoring = hashlib.sha256(repr((catalogue, settings.reference_date())).encode()).hexdigest()[:16]
    return f"{matching_key(settings)}/{scoring}"


def rescored_result(screener: Screener, stored: StoredResult, document: Callable[[], Document], file: str) -> Candidate:
    """A stored result scored under the screener's settings, matched again from its document (loaded only
    then) as far as the change requires; either way without reading the PDF."""
    matched_with = stored.scored_with.split("/")[0]
    return screener.again(dataclasses.replace(stored.candidate, file=file), matched_with, document)


def stored_form(document: Document | str) -> str:
    """An extraction as a session or cache stores it: encoded here unless a worker has encoded it already."""
    return document if isinstance(document, str) else document_to_json(document)


# A file listed as screened whose result the session does not hold (a session written by two versions at once):
# `pending` offers it again.
_RESULT_NOT_KEPT = "its result is not in the session: add the file again to screen it"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def create_privately(path: Path) -> None:
    """Make the session's folder (0700) and file (0600) readable by their owner only: they hold every CV's text
    and the reviewer's notes. SQLite gives the -wal and -shm files the session file's permissions.

    On Windows the user's profile folder already keeps other users out.
    """
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if sys.platform == "win32":
        return
    with suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):  # a session an older version left readable
        with suppress(FileNotFoundError, PermissionError):  # another user's file stays as its owner set it
            mode = file.stat().st_mode & 0o777
            if mode & 0o077:
                file.chmod(mode & 0o700)


_SQLITE_FULL = 13  # SQLite's result code for a full disk (sqlite3 names it from Python 3.11 only)


def delete_session_files(path: Path) -> None:
    """Delete a closed SQLite file with its write-ahead log, shared-memory index and rollback journal."""
    for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        file.unlink(missing_ok=True)


def erase_deleted(connection: sqlite3.Connection) -> None:
    """Copy the write-ahead log into the file and empty it: with secure_delete on, deleted rows then survive
    in neither (the log would otherwise keep the pages as they were before the deletion)."""
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _disk_full(exc: sqlite3.Error) -> bool:
    # sqlite_errorcode arrived in Python 3.11; before it, SQLite's own message for SQLITE_FULL tells.
    code = getattr(exc, "sqlite_errorcode", None)
    return code == _SQLITE_FULL if code is not None else "disk is full" in str(exc)


def _unusable(path: Path, reason: object) -> SessionError:
    return SessionError(
        f"The session file {path} cannot be used ({reason}). Start a new session with another file; "
        "this one is left as it is."
    )


class Session:
    """One screening session; every change is its own committed transaction, so a crash loses nothing finished.

    Safe to share between threads (the app's window and its import thread); calls take turns.
    """

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._db = connection
        self._lock = threading.Lock()

    @classmethod
    def open(cls, path: Path | None = None) -> Session:
        """Open or create a session file (default: in the user data folder), bringing its schema up to date."""
        path = path or default_session_path()
        try:
            create_privately(path)
            connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=10.0)
        except (OSError, sqlite3.Error) as exc:
            raise _unusable(path, exc) from exc
        try:
            _prepare_when_free(connection, path)
        except sqlite3.Error as exc:
            connection.close()
            raise _unusable(path, exc) from exc
        except SessionError:
            connection.close()
            raise
        return cls(path, connection)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock, self._reported():
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:  # SQLite has already rolled back after a full disk
                    self._db.execute("ROLLBACK")
                raise

    def _query(self, sql: str, parameters: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        with self._lock, self._reported():
            return self._db.execute(sql, parameters).fetchall()

    @contextmanager
    def _reported(self) -> Iterator[None]:
        """A full disk, a lock held too long or a file damaged since it was opened, in words naming the file."""
        try:
            yield
        except sqlite3.Error as exc:
            if _disk_full(exc):  # the session is fine: what was saved stays, and saving resumes once there is room
                raise SessionError(
                    f"The session {self.path} could not be saved: the disk is full. Free space on "
                    f"{self.path.parent} and try again; what was saved before is kept."
                ) from exc
            raise _unusable(self.path, exc) from exc

    def queue(self, paths: Iterable[Path]) -> None:
        """Note, in one transaction, the files an import is about to screen, so a crash midway can be resumed."""
        now = _now()
        with self._transaction() as db:
            db.executemany("INSERT OR IGNORE INTO queued VALUES (?, ?)", [(storable_path(p), now) for p in paths])

    def queued(self) -> list[Path]:
        """Files an import was asked to screen and did not finish (it crashed, or the app was closed)."""
        # A queued file that is already listed is one the app does not screen again; resuming it would never end.
        rows = self._query(
            "SELECT path FROM queued WHERE NOT EXISTS (SELECT 1 FROM file WHERE file.path = queued.path) ORDER BY path"
        )
        return [Path(path_from_storage(path)) for (path,) in rows]

    def forget_queued(self) -> None:
        """Drop the files still queued: the user cancelled the import and does not want them resumed."""
        with self._transaction() as db:
            db.execute("DELETE FROM queued")

    def record(
        self,
        candidate: Candidate,
        document: Document | str | None = None,
        *,
        scored_with: str = "",
        stamp: FileStamp | None = None,
        retry: bool = False,
        stored_candidate: str | None = None,
    ) -> None:
        """Save one finished file in one transaction, taking it off the queue; a known extraction is kept.

        `document` is the extraction, or its stored form as `document_to_json` writes it (a worker encodes it);
        `stored_candidate`, when a worker encoded it, is `candidate_to_json(candidate)`.

        `stamp` is the file's as it was read (default: as it is now); a failure to `retry` is saved without one,
        so `pending` offers the file again whatever its stamp.
        """
        saved_stamp = (None, None) if retry else stamp or file_stamp(Path(candidate.file)) or (None, None)
        file = storable_path(candidate.file)
        now = _now()
        with self._transaction() as db:
            if document is not None and candidate.status == "ok":
                db.execute(
                    "INSERT INTO extraction VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO UPDATE SET candidate = "
                    "excluded.candidate, scored_with = excluded.scored_with, scored_at = excluded.scored_at",
                    (
                        candidate.sha256,
                        stored_form(document),
                        stored_candidate or candidate_to_json(candidate),
                        scored_with,
                        now,
                        now,
                    ),
                )
            db.execute(
                "INSERT OR REPLACE INTO file VALUES (?, ?, ?, ?, ?, ?, ?)",
                (file, candidate.sha256 or None, *saved_stamp, candidate.status, candidate.error, now),
            )
            db.execute("DELETE FROM queued WHERE path = ?", (file,))

    def result(self, sha256: str) -> StoredResult | None:
        """The stored result for a file content, if it was screened before."""
        rows = self._query("SELECT candidate, scored_with FROM extraction WHERE sha256 = ?", (sha256,))
        if not rows:
            return None
        text, scored_with = rows[0]
        return StoredResult(candidate_from_json(str(text)), str(scored_with))

    def document(self, sha256: str) -> Document | None:
        rows = self._query("SELECT document FROM extraction WHERE sha256 = ?", (sha256,))
        return document_from_json(str(rows[0][0])) if rows else None

    def documents(self) -> dict[str, Document]:
        """Every stored extraction by content hash: what the app highlights and what re-scoring reads."""
        rows = self._query("SELECT sha256, document FROM extraction")
        return {str(sha256): document_from_json(str(text)) for sha256, text in rows}

    def candidates(self, known: Mapping[str, Candidate] | None = None) -> list[Candidate]:
        """One row per finished file, by path; every other file with the content of one listed is its copy.

        The original of a content is the file first recorded as screened ("ok"), as the batch that imported
        it decided; a copy whose original has left the session stands in for it. `known` holds candidates
        already in memory by content hash, which need not be decoded again.
        """
        known = known or {}
        rows = self._query(
            "SELECT f.path, f.sha256, f.status, f.error, e.candidate FROM file AS f "
            "LEFT JOIN extraction AS e ON e.sha256 = f.sha256 AND f.status != 'error' "
            "ORDER BY f.status != 'ok', f.rowid"
        )
        owners: dict[str, str] = {}
        candidates: list[Candidate] = []
        for path, sha256, status, error, text in rows:
            file, digest = path_from_storage(path), str(sha256 or "")
            if text is not None and digest not in owners:
                owners[digest] = file
                stored = known.get(digest) or candidate_from_json(str(text))
                candidates.append(dataclasses.replace(stored, file=file))
            elif text is not None:
                candidates.append(copy_of(file, digest, owners[digest]))
            else:
                failed: FileStatus = "duplicate" if status == "duplicate" else "error"
                reason = str(error) if error is not None else _RESULT_NOT_KEPT
                candidates.append(Candidate(file=file, sha256=digest, status=failed, error=reason))
        return flag_possible_duplicates(sorted(candidates, key=lambda candidate: candidate.file))

    def pending(self, paths: Iterable[Path]) -> list[Path]:
        """The paths not yet finished in this session, or changed on disk since they were.

        A copy is finished once its content is: a copy of a file whose reading was cancelled is read again.
        """
        rows = self._query(
            "SELECT f.path, f.size, f.mtime_ns FROM file AS f WHERE f.status = 'error' "
            "OR EXISTS (SELECT 1 FROM extraction AS e WHERE e.sha256 = f.sha256)"
        )
        finished = {path_from_storage(path): (size, mtime) for path, size, mtime in rows}
        return [path for path in paths if finished.get(str(path)) != file_stamp(path)]

    def rescore(self, screener: Screener) -> list[Candidate]:
        """Score again, from stored extractions and without reading any PDF, what other settings scored."""
        fingerprint = scoring_fingerprint(screener.settings)
        stale = self._query(
            "SELECT e.sha256, e.document, e.candidate, e.scored_with, "
            "(SELECT min(path) FROM file WHERE file.sha256 = e.sha256) "
            "FROM extraction AS e WHERE e.scored_with != ?",
            (fingerprint,),
        )
        rescored = [
            rescored_result(
                screener,
                StoredResult(candidate_from_json(str(candidate_text)), str(scored_with)),
                functools.partial(document_from_json, str(document_text)),
                path_from_storage(path or ""),
            )
            for _sha256, document_text, candidate_text, scored_with, path in stale
        ]
        now = _now()
        with self._transaction() as db:
            db.executemany(
                "UPDATE extraction SET candidate = ?, scored_with = ?, scored_at = ? WHERE sha256 = ?",
                [(candidate_to_json(c), fingerprint, now, c.sha256) for c in rescored],
            )
        log.info("re-scored %d stored extractions", len(rescored))
        return self.candidates({c.sha256: c for c in rescored})

    def stale_count(self, settings: Settings) -> int:
        """How many stored results other settings scored: what `rescore` would score again."""
        rows = self._query("SELECT count(*) FROM extraction WHERE scored_with != ?", (scoring_fingerprint(settings),))
        return cast(int, rows[0][0])

    def set_decision(self, sha256: str, decision: Decision, candidate: Candidate | None = None) -> None:
        """Save a decision and log it with what the tool showed: `candidate` as the reviewer saw it (with the
        profile applied), else as stored."""
        if decision not in get_args(Decision):
            raise ValueError(f"unknown decision {decision!r}")
        with self._transaction() as db:
            _save_review(db, sha256, "decision", decision)
            shown = candidate or _stored_candidate(db, sha256)
            snapshot = snapshot_of(shown) if shown else None
            _append_log(db, "decision", _label(db, sha256, shown), sha256, decision, snapshot)

    def set_note(self, sha256: str, text: str, candidate: Candidate | None = None) -> None:
        """Save a note and log it; a note typed key by key is one entry holding the note as it stands."""
        with self._transaction() as db:
            _save_review(db, sha256, "note", text)
            _log_note(db, _label(db, sha256, candidate), sha256, text)

    def log_event(self, action: LogAction, detail: str, candidate: Candidate | None = None) -> None:
        """Log a change that saves nothing else here: a reveal of a candidate, or a profile or settings change."""
        sha256 = candidate.sha256 if candidate else ""
        with self._transaction() as db:
            _append_log(db, action, candidate_label(candidate) if candidate else "", sha256, detail)

    def decision_log(self, sha256: str | None = None) -> list[LogEntry]:
        """The log oldest first: every entry, or one candidate's by content."""
        where, parameters = ("WHERE sha256 = ?", (sha256,)) if sha256 is not None else ("", ())
        rows = self._query(
            f"SELECT at, user, action, candidate, sha256, detail, snapshot FROM decision_log {where} ORDER BY id",
            parameters,
        )
        return [
            LogEntry(
                str(at),
                str(user),
                cast(LogAction, action),
                str(label),
                str(digest),
                str(detail),
                snapshot_from_json(str(shot)),
            )
            for at, user, action, label, digest, detail, shot in rows
        ]

    def setting(self, name: str) -> str | None:
        """A choice kept with this session (such as blind review), or None when it was never made."""
        rows = self._query("SELECT value FROM session_setting WHERE name = ?", (name,))
        return str(rows[0][0]) if rows else None

    def set_setting(self, name: str, value: str) -> None:
        with self._transaction() as db:
            db.execute("INSERT OR REPLACE INTO session_setting VALUES (?, ?)", (name, value))

    def blind_numbers(self, keys: Iterable[str] = ()) -> dict[str, int]:
        """Every candidate's number in blind review by key (content hash); `keys` without one are numbered
        next, in the order given. A number is never given twice in a session, even after its CV left."""
        wanted = list(dict.fromkeys(keys))
        with self._transaction() as db:
            numbers = {str(key): int(number) for key, number in db.execute("SELECT key, number FROM blind_number")}
            new = [key for key in wanted if key not in numbers]
            if new:
                stored = db.execute("SELECT value FROM session_setting WHERE name = ?", (_LAST_NUMBER,)).fetchone()
                last = max([int(stored[0]) if stored else 0, *numbers.values()])
                for offset, key in enumerate(new, 1):
                    numbers[key] = last + offset
                db.executemany("INSERT INTO blind_number VALUES (?, ?)", [(key, numbers[key]) for key in new])
                db.execute("INSERT OR REPLACE INTO session_setting VALUES (?, ?)", (_LAST_NUMBER, last + len(new)))
        return numbers

    def decisions(self) -> dict[str, Review]:
        rows = self._query("SELECT sha256, decision, note FROM review")
        return {str(sha256): Review(cast(Decision, decision), str(note)) for sha256, decision, note in rows}

    def remove_candidate(self, file: str) -> RemovedCandidate | None:
        """Take one file off the session (see `remove_candidates`); None if it was not listed."""
        removed = self.remove_candidates([file])
        return removed[0] if removed else None

    def remove_candidates(self, files: Iterable[str]) -> list[RemovedCandidate]:
        """Take these files off the session in one transaction; each one's extraction and review go too unless
        another file holds the same content. Returns what was taken, for `restore_candidates`; a file that was
        not listed is skipped.

        What is taken is no longer in the file (only an undo held in memory can bring it back)."""
        with self._transaction() as db:
            taken = (_remove(db, storable_path(file)) for file in files)
            removed = [candidate for candidate in taken if candidate is not None]
        self._erase_deleted()
        return removed

    def screened_before(self, cutoff: datetime) -> list[str]:
        """The files screened before `cutoff`, as `Candidate.file` names them: what a purge would remove."""
        rows = self._query("SELECT path FROM file WHERE finished_at < ?", (cutoff.isoformat(timespec="seconds"),))
        return [path_from_storage(path) for (path,) in rows]

    def purge_older_than(self, cutoff: datetime) -> list[RemovedCandidate]:
        """Remove, in one transaction, every file screened before `cutoff` with what only it holds."""
        removed = self.remove_candidates(self.screened_before(cutoff))
        log.info("purged %d files screened before %s from %s", len(removed), cutoff, self.path)
        return removed

    def image(self) -> bytes:
        """The whole session as one file's bytes, write-ahead log included: what undoing its deletion writes back."""
        with self._lock, self._reported():
            erase_deleted(self._db)  # the log copied into the file, which then holds everything
            return self.path.read_bytes()

    def _erase_deleted(self) -> None:
        with self._lock, self._reported():
            erase_deleted(self._db)

    @staticmethod
    def delete(path: Path) -> None:
        """Delete a session file and its companions, after checking it is one: a mistyped name deletes nothing."""
        try:
            with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
                tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.Error as exc:
            raise SessionError(f"{path} is not a session file ({exc}); nothing was deleted.") from exc
        if not {"file", "extraction", "review"} <= tables:
            raise SessionError(f"{path} is not a session file; nothing was deleted.")
        try:
            delete_session_files(path)
        except OSError as exc:  # Windows refuses to delete a file another program has open
            raise SessionError(
                f"{path} could not be deleted ({exc.strerror or exc}); close the app and retry."
            ) from exc

    def restore_candidates(self, removed: Iterable[RemovedCandidate]) -> None:
        """Put back, in one transaction, exactly what `remove_candidates` took (the reviewer undid a removal)."""
        with self._transaction() as db:
            for candidate in removed:
                _restore(db, candidate)

    @staticmethod
    def restore_image(path: Path, image: bytes) -> None:
        """Write a deleted session back from its `image`, readable by its owner only, where it was; a file that
        has taken its name since is left as it is."""
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except OSError as exc:
            raise SessionError(f"The session {path} could not be restored ({exc.strerror or exc}).") from exc
        with os.fdopen(descriptor, "wb") as file:
            file.write(image)


def _restore(db: sqlite3.Connection, removed: RemovedCandidate) -> None:
    for table, row in (("file", removed.file), ("extraction", removed.extraction), ("review", removed.review)):
        if row is not None:
            names = ", ".join(row)
            db.execute(
                f"INSERT OR REPLACE INTO {table} ({names}) VALUES ({', '.join('?' * len(row))})", tuple(row.values())
            )
    _append_log(db, "restore", _file_name(removed.file["path"]), str(removed.file["sha256"] or ""), "")


def _remove(db: sqlite3.Connection, stored_path: str | bytes) -> RemovedCandidate | None:
    """Delete one file's row, and its content's extraction and review when no other file holds that content."""
    listed = _take(db, "file", "path", stored_path)
    if listed is None:
        return None
    db.execute("DELETE FROM queued WHERE path = ?", (stored_path,))
    sha256 = listed["sha256"]
    _append_log(db, "removal", _file_name(stored_path), str(sha256 or ""), "")
    if sha256 is None or db.execute("SELECT 1 FROM file WHERE sha256 = ?", (sha256,)).fetchone():
        return RemovedCandidate(listed)
    _forget_in_log(db, str(sha256))
    db.execute("DELETE FROM blind_number WHERE key = ?", (sha256,))
    return RemovedCandidate(listed, _take(db, "extraction", "sha256", sha256), _take(db, "review", "sha256", sha256))


# The decision log ---------------------------------------------------------------------------------------

_LAST_NUMBER = "blind_last_number"  # the highest number given in blind review, so none is given twice
_NOTE_TYPING_SECONDS = 600  # a note changed again this soon after its last entry is still being typed


def _save_review(db: sqlite3.Connection, sha256: str, column: Literal["decision", "note"], value: str) -> None:
    db.execute(
        f"INSERT INTO review (sha256, {column}, updated_at) VALUES (?, ?, ?) "
        f"ON CONFLICT (sha256) DO UPDATE SET {column} = excluded.{column}, updated_at = excluded.updated_at",
        (sha256, value, _now()),
    )


def _append_log(
    db: sqlite3.Connection, action: LogAction, label: str, sha256: str, detail: str, snapshot: Snapshot | None = None
) -> None:
    db.execute(
        "INSERT INTO decision_log (at, user, action, candidate, sha256, detail, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (_now(), current_user(), action, label, sha256, detail, snapshot_to_json(snapshot)),
    )


def _log_note(db: sqlite3.Connection, label: str, sha256: str, text: str) -> None:
    """Append the note, or update the newest entry when it is this user typing this candidate's note."""
    last = db.execute("SELECT id, action, user, sha256, candidate, at FROM decision_log ORDER BY id DESC LIMIT 1")
    row = last.fetchone()
    now = _now()
    if row is not None and tuple(row[1:5]) == ("note", current_user(), sha256, label):
        typed_since = datetime.fromisoformat(now) - datetime.fromisoformat(str(row[5]))
        if typed_since.total_seconds() < _NOTE_TYPING_SECONDS:
            db.execute("UPDATE decision_log SET detail = ?, at = ? WHERE id = ?", (text, now, row[0]))
            return
    _append_log(db, "note", label, sha256, text)


def _forget_in_log(db: sqlite3.Connection, sha256: str) -> None:
    """Keep a deleted candidate's entries as "deleted candidate": what was done and when, nothing about them."""
    db.execute(
        "UPDATE decision_log SET candidate = ?, sha256 = '', snapshot = '', "
        "detail = CASE WHEN action = 'decision' THEN detail ELSE '' END WHERE sha256 = ?",
        (DELETED_CANDIDATE, sha256),
    )


def _stored_candidate(db: sqlite3.Connection, sha256: str) -> Candidate | None:
    row = db.execute("SELECT candidate FROM extraction WHERE sha256 = ?", (sha256,)).fetchone()
    return candidate_from_json(str(row[0])) if row else None


def _file_name(stored_path: object) -> str:
    return Path(path_from_storage(stored_path)).name


def _label(db: sqlite3.Connection, sha256: str, candidate: Candidate | None) -> str:
    """The candidate as the log names them; without a candidate at hand, the first file holding the content."""
    if candidate is not None:
        return candidate_label(candidate)
    row = db.execute("SELECT min(path) FROM file WHERE sha256 = ?", (sha256,)).fetchone()
    return _file_name(row[0]) if row and row[0] is not None else ""


_LOCKED_WAIT_SECONDS = 10.0


def _prepare_when_free(connection: sqlite3.Connection, path: Path) -> None:
    """Prepare the file, waiting while another process holds it: switching a new file to WAL can be refused
    at once (without SQLite's busy wait) while another process is creating the same session."""
    deadline = time.monotonic() + _LOCKED_WAIT_SECONDS
    while True:
        try:
            _prepare(connection, path)
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _prepare(connection: sqlite3.Connection, path: Path) -> None:
    """Refuse a damaged or newer file before writing to it, then switch to WAL and migrate forward."""
    # quick_check reads every page, so a torn or foreign file is refused here rather than midway through a batch.
    verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
    if verdict != "ok":
        raise _unusable(path, f"the database is damaged: {verdict}")
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise _unusable(path, "it was written by a newer version of CV Screener")
    if not os.access(path, os.W_OK):
        raise _unusable(path, "the file is read-only")
    # A deleted candidate's text is overwritten, not left in free pages where a file viewer would find it.
    connection.execute("PRAGMA secure_delete = ON")
    connection.execute("PRAGMA journal_mode = WAL")
    # FULL: a committed file or decision survives a power cut too, not only a crash of the program.
    connection.execute("PRAGMA synchronous = FULL")
    if version < len(MIGRATIONS):
        _migrate(connection, path)


def _migrate(connection: sqlite3.Connection, path: Path) -> None:
    """Bring the schema up to date in one write transaction, reading its version inside it: another process
    opening the same new session waits for this one and then finds nothing left to do."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        for number in range(version, len(MIGRATIONS)):
            for statement in _statements(MIGRATIONS[number]):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number + 1}")
            log.info("session %s migrated to schema version %d", path, number + 1)
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _statements(script: str) -> Iterator[str]:
    """The statements of a migration one by one (executescript would commit the transaction around them)."""
    statement = ""
    for piece in script.split(";"):
        statement += piece + ";"
        if sqlite3.complete_statement(statement):  # not a ";" inside a string or a trigger's body
            if statement.strip(" \n;"):
                yield statement
            statement = ""
