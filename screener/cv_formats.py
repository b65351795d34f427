"""Tell a CV file's format from its first bytes and read it with that format's reader, or say how to convert it.

The content decides, not the name: a Word file saved as "cv.pdf" is read as Word, and a PDF named "cv.docx"
as a PDF.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from screener.errors import UnreadablePdfError
from screener.models import Document
from screener.pdftext import Backend, PdfSource, read_document

__all__ = ["CV_SUFFIXES", "is_word_file", "read_cv"]

# What a folder is searched for: the formats read, and those refused with a way to convert them.
CV_SUFFIXES = (".pdf", ".docx", ".doc", ".odt", ".rtf", ".pages")
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of Word 97–2003 and of password-protected Word files
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_CONVERT = "save it as .docx or PDF and add it again"


def read_cv(source: PdfSource, backend: Backend = "pdfium") -> Document:
    """Extract a CV (a file, or its bytes) of any format read; raise UnreadablePdfError with a reason."""
    head = _head(source)
    if head.startswith(b"PK"):
        return _read_package(source)
    if head.startswith(_OLE2):
        raise UnreadablePdfError(_ole2_reason(source))
    if head.lstrip().startswith(b"{\\rtf"):
        raise UnreadablePdfError(f"RTF file: {_CONVERT}")
    return read_document(source, backend)


def is_word_file(path: Path) -> bool:
    """Whether a CV file is read as Word (a zip package), as read_cv decides; False when it cannot be opened."""
    try:
        with path.open("rb") as stream:
            return stream.read(2) == b"PK"
    except OSError:
        return False


def _head(source: PdfSource) -> bytes:
    if isinstance(source, bytes):
        return source[:1024]
    try:
        with source.open("rb") as stream:
            return stream.read(1024)
    except OSError as exc:
        raise UnreadablePdfError(f"cannot open the file: {exc.strerror or exc}") from exc


def _bytes(source: PdfSource) -> bytes:
    return source if isinstance(source, bytes) else Path(source).read_bytes()


def _read_package(source: PdfSource) -> Document:
    """A zip package: Word, or an OpenDocument or Pages file named for what it is."""
    content = _bytes(source)
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as package:
            names = set(package.namelist()[:1000])
            mimetype = package.read("mimetype")[:100] if "mimetype" in names else b""
    except zipfile.BadZipFile as exc:
        raise UnreadablePdfError(f"the Word file is damaged and cannot be read ({exc})") from exc
    if b"opendocument.text" in mimetype:
        raise UnreadablePdfError(f"OpenDocument text file: {_CONVERT}")
    if "Index/Document.iwa" in names or "index.xml" in names:
        raise UnreadablePdfError("Apple Pages file: export it as .docx or PDF and add it again")
    if not names & {"[Content_Types].xml", "word/document.xml"}:
        raise UnreadablePdfError("a ZIP archive, not a CV: add the PDF or Word file inside it")
    from screener.docx_reader import read_docx  # python-docx and lxml load only when a Word file comes

    return read_docx(content)


def _ole2_reason(source: PdfSource) -> str:
    if _ENCRYPTED_PACKAGE in _bytes(source):
        return "the Word file is password-protected; open it, save a copy without a password, then add that copy"
    return f"Word 97–2003 file: {_CONVERT}"
