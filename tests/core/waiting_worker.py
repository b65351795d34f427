"""A reader that writes its worker's process id into $SCREENER_TEST_PID_FOLDER, then waits without computing."""

from __future__ import annotations

import os
import time
from pathlib import Path

from screener.models import Document
from screener.pdftext import Backend


def note_pid_and_wait(content: bytes, backend: Backend) -> Document:
    (Path(os.environ["SCREENER_TEST_PID_FOLDER"]) / str(os.getpid())).touch()
    time.sleep(600)
    raise AssertionError("the worker outlived its wait")
