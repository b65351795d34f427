"""Which session file the app opens when none is named: the one open when it last ran, else the default."""

from __future__ import annotations

import logging
from pathlib import Path

import platformdirs
from PySide6.QtCore import QIODevice, QSaveFile

from screener.store import default_session_path

log = logging.getLogger(__name__)


def _pointer_path() -> Path:
    return Path(platformdirs.user_config_dir("cv-screener", appauthor=False)) / "last-session"


def last_session_path() -> Path:
    try:
        named = _pointer_path().read_text(encoding="utf-8").strip()
    except OSError:
        return default_session_path()
    return Path(named) if named else default_session_path()


def remember_session(path: Path) -> None:
    """Note the session in use, replacing the note in one step: a torn write would point at a wrong file."""
    pointer = _pointer_path()
    try:
        pointer.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        log.warning("the session in use cannot be remembered for the next start: %s", exc)
        return
    file = QSaveFile(str(pointer))
    if not (
        file.open(QIODevice.OpenModeFlag.WriteOnly) and file.write(str(path).encode("utf-8")) >= 0 and file.commit()
    ):
        log.warning("the session in use cannot be remembered for the next start: %s", file.errorString())
