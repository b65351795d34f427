"""The command line's cache of extractions by content hash: spares reading a CV twice, and holds no review.

`screener screen` without `--session` keeps only this: no file names, decisions or notes, nothing the desktop
app lists. It is bounded by size and age (user settings) and can be purged whole.
"""

from __future__ import annotations

import dataclasses
import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import TracebackType

import platformdirs

from screener.codec import candidate_from_json, candidate_to_json, document_from_json
from screener.errors import SessionError
from screener.models import Candidate, Document
from screener.store import StoredResult, create_privately, delete_session_files, erase_deleted, stored_form

__all__ = ["CacheLimits", "ExtractionCache", "default_cache_path"]

log = logging.getLogger(__name__)

# Raised whenever reading or extraction changes what a CV yields, so cached extractions are made again.
EXTRACTION_VERSION = 3

_SCHEMA = """
CREATE TABLE IF NOT EXISTS extraction (
    sha256 TEXT PRIMARY KEY,
    document TEXT NOT NULL,
    candidate TEXT NOT NULL,
    scored_with TEXT NOT NULL,
    used_at TEXT NOT NULL
)
"""


@dataclass(frozen=True)
class CacheLimits:
    """How much the cache keeps: entries unused for longer, and the least recently used beyond the size, go."""

    max_megabytes: int = 200
    max_days: int = 30


def default_cache_path() -> Path:
    return Path(platformdirs.user_cache_dir("cv-screener", appauthor=False)) / "extractions.sqlite"


def _now() -> datetime:
    return datetime.now(timezone.utc)


class ExtractionCache:
    """Extractions and results by content hash, in one SQLite file readable by its owner only."""

    def __init__(self, path: Path, connection: sqlite3.Connection, limits: CacheLimits) -> None:
        self.path = path
        self._db = connection
        self._limits = limits

    @classmethod
    def open(cls, path: Path | None = None, limits: CacheLimits | None = None) -> ExtractionCache:
        """Open or create the cache; one that cannot be read is started afresh, as it only saves time."""
        path = path or default_cache_path()
        try:
            create_privately(path)
            return cls(path, _connect(path), limits or CacheLimits())
        except sqlite3.DatabaseError as exc:
            log.warning("the extraction cache %s could not be read (%s); starting it afresh", path, exc)
            delete_session_files(path)
            return cls(path, _connect(path), limits or CacheLimits())
        except (OSError, sqlite3.Error) as exc:
            raise SessionError(f"The extraction cache {path} cannot be used ({exc}).") from exc

    def close(self) -> None:
        """Drop what is over the limits, then close."""
        try:
            self.prune()
        finally:
            self._db.close()

    def __enter__(self) -> ExtractionCache:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def result(self, sha256: str) -> tuple[StoredResult, Document] | None:
        """The result and extraction stored for a file content, marking it used now."""
        row = self._db.execute(
            "SELECT candidate, scored_with, document FROM extraction WHERE sha256 = ?", (sha256,)
        ).fetchone()
        if row is None:
            return None
        with self._db:
            self._db.execute("UPDATE extraction SET used_at = ? WHERE sha256 = ?", (_now().isoformat(), sha256))
        candidate, scored_with, document = row
        return StoredResult(candidate_from_json(candidate), scored_with), document_from_json(document)

    def store(self, candidate: Candidate, document: Document | str, scored_with: str) -> None:
        """Keep a content's extraction (or its stored form) and result, without the file it came from (a name can
        say whose it is)."""
        candidate = dataclasses.replace(candidate, file="")
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO extraction VALUES (?, ?, ?, ?, ?)",
                (
                    candidate.sha256,
                    stored_form(document),
                    candidate_to_json(candidate),
                    scored_with,
                    _now().isoformat(),
                ),
            )

    def forget(self, sha256: str) -> None:
        """Delete one content's entry, leaving nothing of it in the file."""
        with self._db:
            self._db.execute("DELETE FROM extraction WHERE sha256 = ?", (sha256,))
        erase_deleted(self._db)

    def prune(self) -> int:
        """Delete the entries unused for longer than the limit, then the least recently used until the cache
        fits its size; how many went."""
        cutoff = (_now() - timedelta(days=self._limits.max_days)).isoformat()
        budget = self._limits.max_megabytes << 20
        with self._db:
            removed = self._db.execute("DELETE FROM extraction WHERE used_at < ?", (cutoff,)).rowcount
            # Newest first, each entry with the size of itself and every newer one: what is over budget goes.
            removed += self._db.execute(
                "DELETE FROM extraction WHERE sha256 IN (SELECT sha256 FROM (SELECT sha256, sum("
                "length(document) + length(candidate)) OVER (ORDER BY used_at DESC, sha256) AS kept "
                "FROM extraction) WHERE kept > ?)",
                (budget,),
            ).rowcount
        if removed:
            erase_deleted(self._db)
            log.info("removed %d entries from the extraction cache", removed)
        return removed

    def __len__(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM extraction").fetchone()[0])


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=10.0)
    # Set before the table exists: every deletion then zeroes its pages and gives them back to the file system.
    connection.execute("PRAGMA secure_delete = ON")
    connection.execute("PRAGMA auto_vacuum = FULL")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute(_SCHEMA)
    connection.execute("SELECT count(*) FROM extraction").fetchone()  # a file that is no database fails here
    _forget_older_readings(connection)
    return connection


def _forget_older_readings(connection: sqlite3.Connection) -> None:
    """Entries an earlier version of the reader made would keep its findings: they go, read again on demand."""
    if connection.execute("PRAGMA user_version").fetchone()[0] != EXTRACTION_VERSION:
        with connection:
            connection.execute("DELETE FROM extraction")
        connection.execute(f"PRAGMA user_version = {EXTRACTION_VERSION}")
