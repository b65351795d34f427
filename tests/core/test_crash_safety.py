"""Killing the command line midway through an import loses no finished file, decision or note."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from screener.store import Review, Session

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
PROJECT = Path(__file__).resolve().parents[2]
CV_COUNT = 150


def screen_command(session: Path, folder: Path) -> list[str]:
    return [sys.executable, "-m", "screener.cli", "screen", "--session", str(session), "--workers", "2", "--json", "-",
            "--as-of", "2025-06-01", str(folder)]  # fmt: skip


def finished_rows(session: Path) -> dict[str, str]:
    """Path -> extraction time of every finished file, read as another program would."""
    with sqlite3.connect(f"file:{session}?mode=ro", uri=True, timeout=10) as db:
        rows = db.execute("SELECT f.path, e.extracted_at FROM file AS f JOIN extraction AS e USING (sha256)")
        return dict(rows.fetchall())


def wait_for_rows(session: Path, count: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if session.exists() and len(finished_rows(session)) >= count:
            return
        time.sleep(0.05)
    pytest.fail(f"the import did not reach {count} finished files (exit status {process.poll()})")


def test_sigkill_midway_loses_nothing_and_the_rerun_reads_only_the_rest(
    tmp_path: Path, make_cvs: Callable[..., list[Path]]
) -> None:
    folder = tmp_path / "cvs"
    files = make_cvs(folder, CV_COUNT, seed=9)
    session_path = tmp_path / "week 12.sqlite"
    with Session.open(session_path) as session:
        session.set_decision("f" * 64, "shortlist")
        session.set_note("f" * 64, "strong PRINCE2 background")
    environment = {**os.environ, "PYTHONPATH": str(PROJECT)}
    # Its own process group, so one kill ends the command and its workers at once.
    process = subprocess.Popen(
        screen_command(session_path, folder), cwd=PROJECT, env=environment, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_for_rows(session_path, 20, process)
        seen_before_kill = finished_rows(session_path)
        os.killpg(process.pid, signal.SIGKILL)
    finally:
        process.wait()
    after_kill = finished_rows(session_path)
    assert seen_before_kill.items() <= after_kill.items()
    assert len(after_kill) < CV_COUNT, "the import finished before it was killed; nothing was tested"
    with Session.open(session_path) as session:
        assert session.decisions() == {"f" * 64: Review("shortlist", "strong PRINCE2 background")}
        assert len(session.candidates()) == len(after_kill)
        assert len(session.pending(files)) == CV_COUNT - len(after_kill)
        assert session.queued() == session.pending(files), "the next start knows what is left"

    rerun = subprocess.run(screen_command(session_path, folder), cwd=PROJECT, env=environment,
                           capture_output=True, check=True)  # fmt: skip
    assert rerun.stdout.count(b'"sha256"') == CV_COUNT
    completed = finished_rows(session_path)
    assert len(completed) == CV_COUNT
    assert after_kill.items() <= completed.items(), "a file finished before the kill was read again"
    with Session.open(session_path) as session:
        assert session.queued() == []


def test_a_damaged_session_file_stops_the_command_with_a_way_out(tmp_path: Path, cv_files: list[Path]) -> None:
    session_path = tmp_path / "old.sqlite"
    session_path.write_bytes(b"not a database at all\n" * 100)
    result = subprocess.run(screen_command(session_path, cv_files[0].parent), cwd=PROJECT, capture_output=True,
                            text=True, env={**os.environ, "PYTHONPATH": str(PROJECT)})  # fmt: skip
    assert result.returncode == 2
    assert str(session_path) in result.stderr and "Start a new session" in result.stderr
    assert session_path.read_bytes() == b"not a database at all\n" * 100
