"""The engine's exceptions: one root, one subclass per thing a user can cause."""

from __future__ import annotations


class ScreenerError(Exception):
    """Root of every error the engine raises on purpose; its message is shown to the user as is."""


class CatalogueError(ScreenerError):
    """The certification catalogue or a settings file is invalid; the message names the entry and field."""


class UnreadablePdfError(ScreenerError):
    """A file could not be read as a CV (not a PDF, damaged, encrypted, no text layer, ...)."""


class OcrNeededError(UnreadablePdfError):
    """A scan, while OCR is not installed: once it is, the same file reads, so the verdict is not final."""


class Cancelled(ScreenerError):
    """The user cancelled a batch; never shown as an error."""


class SessionError(ScreenerError):
    """A session file cannot be opened or used; the message names the file and the way out."""
