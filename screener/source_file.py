"""A CV file on disk: its bytes read once, with the stamp that tells a later run whether it changed since."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["FileStamp", "file_stamp", "path_from_storage", "read_stamped", "readable_path", "storable_path"]

FileStamp = tuple[int, int]  # size and modification time (ns): an unchanged stamp means an unchanged file


def file_stamp(path: Path) -> FileStamp | None:
    """The file's stamp, or None when it cannot be looked at."""
    try:
        facts = path.stat()
    except OSError:
        return None
    return facts.st_size, facts.st_mtime_ns


def read_stamped(path: Path) -> tuple[bytes, FileStamp]:
    """The file's bytes and its stamp taken before they were read: if the file changes while it is read, its
    next stamp differs from this one and the next run reads it again."""
    with path.open("rb") as stream:
        facts = os.fstat(stream.fileno())
        return stream.read(), (facts.st_size, facts.st_mtime_ns)


def storable_path(path: str | Path) -> str | bytes:
    """A path as text where it is valid Unicode, else as its bytes on disk (a Linux file name in another
    encoding arrives with surrogate escapes, which a database or a UTF-8 file refuses)."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text)
    return text


def path_from_storage(value: object) -> str:
    """The path `storable_path` stored, exactly as the file system knows it."""
    return os.fsdecode(value) if isinstance(value, bytes) else str(value)


def readable_path(path: str | Path) -> str:
    """A path a person can read and any text output can hold: undecodable bytes shown as U+FFFD."""
    return os.fsencode(str(path)).decode("utf-8", "replace")
