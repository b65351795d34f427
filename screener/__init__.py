"""CV Screener's engine: read CV PDFs, find PM certifications and technical evidence, score two axes.

Pure Python with no Qt: the command line and the desktop app are two faces of these functions.
"""

from screener.batch import ProgressSink, find_pdfs, screen_files
from screener.catalogue import Catalogue, load_catalogue
from screener.errors import CatalogueError, ScreenerError, UnreadablePdfError
from screener.models import Candidate, CertMatch, Degree, Document, Evidence, Job, Scores
from screener.screening import Screener
from screener.settings import Settings

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
