"""A reader that starts and reads slowly without using the processor, as a worker does on a busy machine."""

from __future__ import annotations

import time

from screener.models import Document
from screener.pdftext import Backend, read_document

time.sleep(3.0)  # each spawned worker imports this module before it takes its first file


def read_after_waiting(content: bytes, backend: Backend) -> Document:
    time.sleep(2.0)
    return read_document(content, backend)
