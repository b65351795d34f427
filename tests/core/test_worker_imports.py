"""A worker process loads only what reading and screening need: each of its start-ups costs every batch."""

from __future__ import annotations

import subprocess
import sys

# The libraries of sessions, exports, reports, Word files and the window: none of them reads a PDF.
_NOT_IN_A_WORKER = ("openpyxl", "reportlab", "docx", "PySide6", "shiboken6", "numpy")


def test_a_worker_imports_no_export_report_word_or_window_library() -> None:
    # What a spawned worker imports: the script it was started from (the `screener` command) and its target.
    code = (
        "import sys, ui.launcher, screener.workers\n"
        f"loaded = sorted({{m.split('.')[0] for m in sys.modules}} & set({_NOT_IN_A_WORKER!r}))\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
