"""What the app remembers between runs: the session open when it last ran, the folder of the last export."""

from __future__ import annotations

import logging
from pathlib import Path

import platformdirs
from PySide6.QtCore import QIODevice, QSaveFile

from screener.store import default_session_path

log = logging.getLogger(__name__)


def _pointer_path(name: str) -> Path:
    return Path(platformdirs.user_config_dir("cv-screener", appauthor=False)) / name


def _remembered(name: str, default: Path) -> Path:
    try:
        named = _pointer_path(name).read_text(encoding="utf-8").strip()
    except OSError:
        return default
    return Path(named) if named else default


def _remember(name: str, path: Path, what: str) -> None:
    """Replace the note in one step: a torn write would point at a wrong file."""
    pointer = _pointer_path(name)
    try:
        pointer.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        log.warning("%s cannot be remembered for the next start: %s", what, exc)
        return
    file = QSaveFile(str(pointer))
    if not (
        file.open(QIODevice.OpenModeFlag.WriteOnly) and file.write(str(path).encode("utf-8")) >= 0 and file.commit()
    ):
        log.warning("%s cannot be remembered for the next start: %s", what, file.errorString())


def last_session_path() -> Path:
    return _remembered("last-session", default_session_path())


def remember_session(path: Path) -> None:
    _remember("last-session", path, "the session in use")


def last_export_folder() -> Path:
    """Where the last export went, else the user's documents folder."""
    folder = _remembered("last-export-folder", Path(platformdirs.user_documents_dir()))
    return folder if folder.is_dir() else Path(platformdirs.user_documents_dir())


def remember_export_folder(folder: Path) -> None:
    _remember("last-export-folder", folder, "the export folder")
