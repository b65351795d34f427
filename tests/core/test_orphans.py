"""Workers end when the process that started them is killed, instead of running on as orphans."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
HERE = Path(__file__).resolve().parent
PROJECT = HERE.parents[1]
BATCH = """
import sys
from pathlib import Path
from screener.batch import screen_files
from screener.settings import Settings
from waiting_worker import note_pid_and_wait
screen_files([Path(p) for p in sys.argv[1:]], Settings(), workers=2, extract=note_pid_and_wait)
"""


def is_running(pid: int) -> bool:
    """Whether the process runs; a zombie (dead, not yet reaped by PID 1 in a container) does not."""
    if sys.platform.startswith("linux"):
        try:
            return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
        except FileNotFoundError:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def wait_until(condition: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return True
        time.sleep(0.1)
    return False


def test_killing_the_batch_ends_its_workers(tmp_path: Path, cv_files: list[Path]) -> None:
    pids = tmp_path / "pids"
    pids.mkdir()
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(PROJECT), str(HERE)]),
                   "SCREENER_TEST_PID_FOLDER": str(pids)}  # fmt: skip
    # Four files: each worker holds two, so both workers start on one whatever order they take them in.
    parent = subprocess.Popen([sys.executable, "-c", BATCH, *map(str, cv_files[:4])], cwd=PROJECT, env=environment)
    workers: list[int] = []
    try:
        assert wait_until(lambda: len(list(pids.iterdir())) == 2, 120), "the workers did not start"
        workers = [int(path.name) for path in pids.iterdir()]
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        # Generous: a loaded machine may take a while to schedule the ending; an orphan would wait 600 s.
        assert wait_until(lambda: not any(map(is_running, workers)), 60), "workers outlived their parent"
    finally:
        parent.kill()
        parent.wait()
        for pid in filter(is_running, workers):
            os.kill(pid, signal.SIGKILL)
