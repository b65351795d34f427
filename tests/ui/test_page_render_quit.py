"""Quitting while a CV page renders: PDFium must not be called after the app quits or from two threads."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from fpdf import FPDF

_HERE = Path(__file__).parent


def _slow_to_render_cv(path: Path) -> Path:
    """A one-page CV under a mesh of thin lines, so that each render lasts long enough to quit during it."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    for i in range(3000):
        pdf.line(i % 595, (i * 7) % 842, (i * 13) % 595, (i * 17) % 842)
    pdf.set_font("Helvetica", size=12)
    pdf.set_xy(72, 72)
    pdf.cell(text="Ada Lovelace, PMP, Project Management Professional")
    pdf.output(str(path))
    return path


def test_quitting_during_a_render_50_times_never_crashes(tmp_path: Path) -> None:
    cv = _slow_to_render_cv(tmp_path / "mesh.pdf")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": os.pathsep.join([str(_HERE), os.getcwd()])}

    run = subprocess.run(
        [sys.executable, str(_HERE / "quit_during_render.py"), str(cv), "50"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )

    assert (run.returncode, run.stderr.count("Traceback"), run.stderr.count("Fatal")) == (0, 0, 0), run.stderr
