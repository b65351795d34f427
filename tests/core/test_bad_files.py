"""Broken and hostile files, screened through the whole batch: each gets its own clear row and nothing else happens."""

from __future__ import annotations

import os
import shutil
import sys
import zlib
from datetime import date
from pathlib import Path

import pytest
from fpdf import FPDF
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

from screener.batch import WorkerLimits, find_pdfs, screen_files
from screener.models import Candidate
from screener.settings import Settings
from screener.workers import DEFAULT_LIMITS

SETTINGS = Settings(as_of=date(2025, 6, 1))
TEXT = b"BT /F1 12 Tf 72 720 Td (Dana Whitfield, Technical Project Manager) Tj ET"
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
# macOS accepts an address-space limit but does not enforce it, and Windows has none: a bomb would really inflate.
ONLY_WHERE_MEMORY_IS_LIMITED = pytest.mark.skipif(sys.platform != "linux", reason="memory limit enforced on Linux")


def raw_pdf(*objects: bytes, xref: bool = True) -> bytes:
    """A PDF from numbered object bodies (object 1 is the catalogue), with or without a cross-reference table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    start = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, start)
    return bytes(out)


def stream(data: bytes, entries: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(data), entries, data)


def one_page(content: bytes = stream(TEXT), page_extra: bytes = b"") -> bytes:
    return raw_pdf(
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> " + page_extra + b">>",
        content,
        FONT,
    )


def text_in_nested_forms(depth: int) -> bytes:
    """One page whose only text is drawn by the innermost of `depth` form XObjects, each drawing the next."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R "
        b"/Resources << /XObject << /X 6 0 R >> >> >>",
        FONT,
        stream(b"/X Do"),
    ]
    form = b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources "
    for number in range(6, 6 + depth - 1):
        objects.append(stream(b"/X Do", form + b"<< /XObject << /X %d 0 R >> >>" % (number + 1)))
    objects.append(stream(TEXT, form + b"<< /Font << /F1 4 0 R >> >>"))
    return raw_pdf(*objects)


def inflating_to_gigabytes(gigabytes: int) -> bytes:
    """A Flate stream of a few MB that inflates to `gigabytes` of zeros: the same flushed block, repeated."""
    packer = zlib.compressobj(9)
    megabyte = b"\0" * (1 << 20)
    head = packer.compress(megabyte) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(megabyte) + packer.flush(zlib.Z_FULL_FLUSH)
    return head + block * ((gigabytes << 10) - 1) + packer.flush()


def encrypted(path: Path, user_password: str) -> Path:
    pdf = canvas.Canvas(str(path), encrypt=StandardEncryption(user_password, ownerPassword="agency-owner"))
    pdf.drawString(72, 720, "Dana Whitfield, Technical Project Manager")
    pdf.showPage()
    pdf.save()
    return path


def long_pdf(path: Path, pages: int) -> Path:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for number in range(pages):
        pdf.add_page()
        pdf.cell(100, 10, f"Page {number + 1}: project plan, milestones and risks")
    pdf.output(str(path))
    return path


def screen(*files: Path, limits: WorkerLimits = DEFAULT_LIMITS) -> dict[str, Candidate]:
    return {Path(c.file).name: c for c in screen_files(list(files), SETTINGS, workers=2, limits=limits)}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory, cv_files: list[Path]) -> dict[str, Candidate]:
    """One batch over every kind of broken PDF, so the workers start once."""
    folder = tmp_path_factory.mktemp("hostile")
    cv = cv_files[0].read_bytes()
    contents = {
        "truncated.pdf": cv[:300],
        "zero pages.pdf": raw_pdf(b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"),
        "broken xref.pdf": one_page().replace(b" 00000 n ", b" 00000 x "),
        "no xref.pdf": one_page()[: one_page().index(b"xref")] + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n",
        "circular page tree.pdf": raw_pdf(
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
        ),
        "deeply nested.pdf": one_page(page_extra=b"/Nest " + b"[" * 200_000 + b"]" * 200_000 + b" "),
        "no page tree.pdf": raw_pdf(b"<< /Type /Catalog >>"),
        "text in forms nested 60 deep.pdf": text_in_nested_forms(60),
        "text in forms nested 40 deep.pdf": text_in_nested_forms(40),
    }
    if sys.platform == "linux":
        contents["bomb.pdf"] = one_page(stream(inflating_to_gigabytes(4), b"/Filter /FlateDecode"))
    for name, data in contents.items():
        (folder / name).write_bytes(data)
    encrypted(folder / "password.pdf", user_password="s3cret")
    encrypted(folder / "owner password only.pdf", user_password="")
    long_pdf(folder / "400 pages.pdf", 400)
    limits = WorkerLimits(seconds=20.0, memory_bytes=768 << 20)
    return screen(*sorted(folder.iterdir()), limits=limits)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("truncated.pdf", "the PDF is damaged and cannot be read"),
        ("zero pages.pdf", "the PDF has no pages"),
        ("no page tree.pdf", "the PDF has no pages"),
        ("text in forms nested 60 deep.pdf", "the PDF is damaged and cannot be read (its text is nested too deeply)"),
        ("circular page tree.pdf", "the PDF is damaged and cannot be read (page 1: Failed to load page.)"),
        ("password.pdf", "the PDF is password-protected; open it, save a copy without a password"),
        pytest.param("bomb.pdf", "the reader used too much memory (over 768 MB)", marks=ONLY_WHERE_MEMORY_IS_LIMITED),
    ],
)
def test_a_broken_file_fails_with_its_reason(hostile: dict[str, Candidate], name: str, reason: str) -> None:
    candidate = hostile[name]
    assert candidate.status == "error"
    assert candidate.error is not None and candidate.error.startswith(reason)


@pytest.mark.parametrize(
    "name",
    [
        "broken xref.pdf",
        "no xref.pdf",
        "deeply nested.pdf",
        "owner password only.pdf",
        "400 pages.pdf",
        "text in forms nested 40 deep.pdf",
    ],
)
def test_a_repairable_file_is_screened(hostile: dict[str, Candidate], name: str) -> None:
    candidate = hostile[name]
    assert (candidate.status, candidate.error) == ("ok", None)
    assert candidate.scores is not None


def test_a_long_file_is_read_in_part_and_says_so(hostile: dict[str, Candidate]) -> None:
    assert hostile["400 pages.pdf"].pages == 400
    assert hostile["400 pages.pdf"].warnings == ("only the first 30 of 400 pages were read",)


def test_the_batch_has_a_row_for_every_hostile_file(hostile: dict[str, Candidate]) -> None:
    assert len(hostile) == (13 if sys.platform == "linux" else 12)


def test_unreadable_paths_fail_with_the_reason(tmp_path: Path, cv_files: list[Path]) -> None:
    folder_named_pdf = tmp_path / "x.pdf"
    folder_named_pdf.mkdir()
    locked = Path(shutil.copy(cv_files[0], tmp_path / "locked.pdf"))
    locked.chmod(0)
    results = screen(folder_named_pdf, locked, tmp_path / "gone.pdf")
    assert results["x.pdf"].error == "cannot read the file: Is a directory"
    assert results["gone.pdf"].error == "cannot read the file: No such file or directory"
    if os.geteuid() != 0:  # root reads any file whatever its permissions
        assert results["locked.pdf"].error == "cannot read the file: Permission denied"


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_a_folder_with_symlink_loops_is_walked_once(tmp_path: Path, cv_files: list[Path]) -> None:
    folder = tmp_path / "cvs"
    (folder / "inner").mkdir(parents=True)
    shutil.copy(cv_files[0], folder / "inner" / "cv.pdf")
    (folder / "inner" / "back up").symlink_to(folder, target_is_directory=True)
    (folder / "loop a.pdf").symlink_to(folder / "loop b.pdf")
    (folder / "loop b.pdf").symlink_to(folder / "loop a.pdf")
    files = find_pdfs([folder])
    assert [path.relative_to(folder).as_posix() for path in files] == ["inner/cv.pdf", "loop a.pdf", "loop b.pdf"]
    results = screen(*files)
    assert results["cv.pdf"].status == "ok"
    assert results["loop a.pdf"].error == "cannot read the file: Too many levels of symbolic links"


def test_names_with_accents_and_spaces_are_screened(tmp_path: Path, cv_files: list[Path]) -> None:
    names = ["Zoë Ångström — CV (final) .pdf", "履歴書 山田.PDF", " leading space.pdf"]
    for name, source in zip(names, cv_files, strict=False):
        shutil.copy(source, tmp_path / name)
    results = screen(*find_pdfs([tmp_path]))
    assert sorted(results) == sorted(names)
    assert {c.status for c in results.values()} == {"ok"}
