"""Without --session the command line keeps only a bounded cache of extractions, and no review session."""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from refusing_reader import refuse_to_read

from screener.batch import screen_files
from screener.cache import EXTRACTION_VERSION, CacheLimits, ExtractionCache, default_cache_path
from screener.cli import main
from screener.codec import document_to_json
from screener.pdftext import read_document
from screener.screening import Screener, file_sha256
from screener.settings import Settings
from screener.store import Session, default_session_path
from screener.user_settings import UserSettings, load_user_settings, save_user_settings

SETTINGS = Settings(as_of=date(2025, 6, 1))


def test_screening_without_a_session_adds_no_candidates_anywhere(
    tmp_path: Path, cv_files: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "cvs"
    folder.mkdir()
    for path in cv_files[:3]:
        shutil.copy(path, folder / path.name)
    shutil.copy(cv_files[0], folder / "copy.pdf")
    assert main(["screen", str(folder), "--csv", str(tmp_path / "out.csv"), "--workers", "2"]) == 0
    capsys.readouterr()
    assert not default_session_path().exists()
    with ExtractionCache.open() as cache:
        assert len(cache) == 3  # one entry per content, the copy included
    with sqlite3.connect(default_cache_path()) as db:
        stored = b"".join(str(row).encode() for row in db.execute("SELECT * FROM extraction"))
    assert b"copy.pdf" not in stored and str(folder).encode() not in stored


def test_with_a_session_the_command_line_records_and_resumes(
    tmp_path: Path, cv_files: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    session_path = tmp_path / "review.sqlite"
    assert main(["screen", str(cv_files[0]), "--session", str(session_path), "--workers", "1"]) == 0
    capsys.readouterr()
    with Session.open(session_path) as session:
        assert [c.file for c in session.candidates()] == [str(cv_files[0])]
    assert not default_cache_path().exists()


def test_a_cached_content_is_not_read_again_and_is_scored_for_the_day_asked(cv_files: list[Path]) -> None:
    with ExtractionCache.open() as cache:
        first = screen_files(cv_files[:2], SETTINGS, workers=1, cache=cache)
    later = Settings(as_of=date(2026, 3, 1))
    with ExtractionCache.open() as cache:
        again = screen_files(cv_files[:2], later, workers=1, cache=cache, extract=refuse_to_read)
    assert [c.status for c in again] == ["ok", "ok"]
    assert [c.contact for c in again] == [c.contact for c in first]
    assert {c.as_of for c in again} == {date(2026, 3, 1)}


def test_the_cache_drops_entries_unused_too_long_then_the_least_recently_used_beyond_its_size(
    tmp_path: Path, cv_files: list[Path]
) -> None:
    document = read_document(cv_files[0])
    repeat = 900_000 // len(document_to_json(document))
    big = dataclasses.replace(document, lines=document.lines * repeat)  # about 0.9 MB as JSON: three fit in 3 MB
    candidate = Screener(SETTINGS).screen_document(document, str(cv_files[0]), file_sha256(cv_files[0]))
    path = tmp_path / "cache.sqlite"
    with ExtractionCache.open(path, CacheLimits(max_megabytes=3, max_days=30)) as cache:
        for name in ("stale", "oldest", "older", "recent", "newest"):
            cache.store(dataclasses.replace(candidate, sha256=name), big, "key")
        cache._db.execute("UPDATE extraction SET used_at = '2000-01-01' WHERE sha256 = 'stale'")
        cache._db.commit()
        assert cache.result("oldest") is not None  # used now: no longer the least recently used
    with sqlite3.connect(path) as db:
        kept = {sha256 for (sha256,) in db.execute("SELECT sha256 FROM extraction")}
    assert kept == {"oldest", "recent", "newest"}


def test_extractions_an_earlier_reader_made_are_read_again(tmp_path: Path, cv_files: list[Path]) -> None:
    path = tmp_path / "cache.sqlite"
    with ExtractionCache.open(path) as cache:
        screen_files(cv_files[:1], SETTINGS, workers=1, cache=cache)
        assert len(cache) == 1
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {EXTRACTION_VERSION - 1}")
    with ExtractionCache.open(path) as cache:
        assert len(cache) == 0


def test_the_cache_limits_are_settings(tmp_path: Path) -> None:
    save_user_settings(UserSettings(cache_max_megabytes=50, cache_max_days=7))
    assert load_user_settings().cache_limits() == CacheLimits(max_megabytes=50, max_days=7)
    assert UserSettings().retention_days is None  # purging by age is off until the user sets it


def test_the_cache_can_be_purged_whole(cv_files: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    with ExtractionCache.open() as cache:
        screen_files(cv_files[:1], SETTINGS, workers=1, cache=cache)
    assert main(["cache", "purge"]) == 0
    assert not default_cache_path().exists()
    assert not Path(f"{default_cache_path()}-wal").exists()
