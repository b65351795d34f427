"""Test-wide set-up: Qt renders offscreen, and no test touches the user's real config or data folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Set before any Qt import: the suite runs with no display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHARED_SAMPLES = Path(__file__).resolve().parent.parent.parent / "shared" / "cv-samples"


@pytest.fixture(autouse=True)
def _private_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point config, data and cache folders at a temporary place for every test.

    The cache too: a screen without a session keeps its extractions there, and a cache shared with the user or
    another test run would answer for files this test never read.
    """
    folders = (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache"), ("HOME", "home"))
    for variable, folder in folders:
        monkeypatch.setenv(variable, str(tmp_path / folder))


@pytest.fixture
def shared_samples() -> Path:
    """The public sample CVs beside the project; tests using them skip when the folder is absent."""
    if not SHARED_SAMPLES.is_dir():
        pytest.skip("../shared/cv-samples is not present")
    return SHARED_SAMPLES
