"""CV Screener's engine: read CV PDFs, find PM certifications and technical evidence, score two axes.

Pure Python with no Qt: the command line and the desktop app are two faces of these functions.

The names below are imported on first use: a worker process imports only the reading and screening modules it
runs, not the session, export and report modules (and their libraries) that importing this package would pull in.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from screener.batch import ProgressSink, find_pdfs, screen_files
    from screener.catalogue import Catalogue, load_catalogue
    from screener.errors import CatalogueError, ScreenerError, UnreadablePdfError
    from screener.models import Candidate, CertMatch, Degree, Document, Evidence, Job, Scores
    from screener.screening import Screener
    from screener.settings import Settings

_HOMES = {
    "ProgressSink": "batch",
    "find_pdfs": "batch",
    "screen_files": "batch",
    "Catalogue": "catalogue",
    "load_catalogue": "catalogue",
    "CatalogueError": "errors",
    "ScreenerError": "errors",
    "UnreadablePdfError": "errors",
    "Candidate": "models",
    "CertMatch": "models",
    "Degree": "models",
    "Document": "models",
    "Evidence": "models",
    "Job": "models",
    "Scores": "models",
    "Screener": "screening",
    "Settings": "settings",
}
__all__ = [
    "Candidate",
    "Catalogue",
    "CatalogueError",
    "CertMatch",
    "Degree",
    "Document",
    "Evidence",
    "Job",
    "ProgressSink",
    "Scores",
    "Screener",
    "ScreenerError",
    "Settings",
    "UnreadablePdfError",
    "find_pdfs",
    "load_catalogue",
    "screen_files",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'screener' has no attribute {name!r}")
    return getattr(importlib.import_module(f"screener.{home}"), name)
