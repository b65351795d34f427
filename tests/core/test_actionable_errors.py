"""Errors a user can act on: each names what went wrong and what to do, before work is wasted where it can."""

from __future__ import annotations

import os
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest

from screener.cli import main
from screener.errors import SessionError
from screener.pdftext import read_document
from screener.screening import Screener, file_sha256
from screener.settings import Settings
from screener.store import Session, scoring_fingerprint

SETTINGS = Settings(as_of=date(2025, 6, 1))
ONLY_WHERE_PERMISSIONS_HOLD = pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root (and Windows ACLs) ignore a folder's mode bits"
)


def _never_screen(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("screening started although an output could not be written")


@pytest.mark.parametrize("option", ["--json", "--csv"])
def test_an_output_in_a_missing_folder_is_refused_before_screening(
    tmp_path: Path,
    cv_files: list[Path],
    option: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("screener.cli.screen_files", _never_screen)
    target = tmp_path / "no such folder" / "out"
    assert main(["screen", str(cv_files[0]), option, str(target)]) == 2
    error = capsys.readouterr().err
    assert f"cannot write {target} (No such file or directory)" in error
    assert "Traceback" not in error


@ONLY_WHERE_PERMISSIONS_HOLD
def test_an_output_in_a_read_only_folder_is_refused_and_nothing_is_left_behind(
    tmp_path: Path, cv_files: list[Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("screener.cli.screen_files", _never_screen)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        assert main(["screen", str(cv_files[0]), "--csv", str(locked / "out.csv")]) == 2
    finally:
        locked.chmod(0o700)
    assert "(Permission denied); choose another file" in capsys.readouterr().err
    assert not list(locked.iterdir())


def test_a_writable_output_is_not_left_empty_when_screening_finds_nothing(tmp_path: Path) -> None:
    (tmp_path / "cvs").mkdir()
    assert main(["screen", str(tmp_path / "cvs"), "--csv", str(tmp_path / "out.csv")]) == 2
    assert not (tmp_path / "out.csv").exists()


def test_a_full_disk_asks_for_free_space_not_a_new_session(tmp_path: Path, cv_files: list[Path]) -> None:
    path = shutil.copy(cv_files[0], tmp_path / "cv.pdf")
    document = read_document(Path(path))
    candidate = Screener(SETTINGS).screen_document(document, str(path), file_sha256(Path(path)))
    with Session.open(tmp_path / "session.sqlite") as session:
        pages = session._db.execute("PRAGMA page_count").fetchone()[0]
        session._db.execute(f"PRAGMA max_page_count = {pages}")  # as if the disk filled up now
        with pytest.raises(SessionError) as raised:
            session.record(candidate, document, scored_with=scoring_fingerprint(SETTINGS))
    message = str(raised.value)
    assert f"Free space on {tmp_path}" in message
    assert "new session" not in message


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs a device that is always full")
def test_an_output_the_disk_has_no_room_for_asks_for_free_space(
    cv_files: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["screen", str(cv_files[0]), "--csv", "/dev/full", "--workers", "1"]) == 1
    error = capsys.readouterr().err
    assert "cannot write /dev/full (No space left on device); free space on /dev and run again" in error
