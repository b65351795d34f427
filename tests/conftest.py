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
    """Point config and data folders at a temporary place for every test."""
    for variable, folder in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"), ("HOME", "home")):
        monkeypatch.setenv(variable, str(tmp_path / folder))


@pytest.fixture
def shared_samples() -> Path:
    """The public sample CVs beside the project; tests using them skip when the folder is absent."""
    if not SHARED_SAMPLES.is_dir():
        pytest.skip("../shared/cv-samples is not present")
    return SHARED_SAMPLES
