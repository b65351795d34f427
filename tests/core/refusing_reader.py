"""A reader that reads nothing: a batch using it can only finish a file from what it already holds."""

from __future__ import annotations

from screener.errors import UnreadablePdfError
from screener.models import Document
from screener.pdftext import Backend


def refuse_to_read(content: bytes, backend: Backend) -> Document:
    raise UnreadablePdfError("the file was read although its content was known")
