"""Word CVs: the structures people build in Word read as the same CV printed to PDF, and hostile Word files
each get a clear row of their own."""

from __future__ import annotations

import io
import json
import struct
import sys
import zipfile
import zlib
from dataclasses import replace
from pathlib import Path

import docx
import pytest

from cvgen.render import render
from cvgen.samples import sample_specs
from cvgen.spec import AS_OF, CVSpec, Layout
from cvgen.word import write_docx
from screener.batch import WorkerLimits, find_cv_files, screen_files
from screener.cli import main
from screener.cv_formats import read_cv
from screener.models import Candidate
from screener.screening import Screener
from screener.settings import Settings

SETTINGS = Settings(as_of=AS_OF)
WORD_STRUCTURES: tuple[Layout, ...] = ("single", "table", "sidebar", "ligature")
SAMPLES = ("amelia_whitfield_tpm.pdf", "daniel_brennan_pm.pdf", "priya_sharma_pmp_candidate.pdf")
ONLY_WHERE_MEMORY_IS_LIMITED = pytest.mark.skipif(sys.platform != "linux", reason="memory limit enforced on Linux")


def screened(path: Path) -> Candidate:
    return Screener(SETTINGS).screen_document(read_cv(path), str(path), "")


def findings(candidate: Candidate) -> tuple[object, ...]:
    """What a recruiter reads off a CV: who, how to reach them, credentials, jobs and years."""
    return (
        candidate.contact.name,
        candidate.contact.email,
        sorted((match.cert_id, match.status) for match in candidate.certifications),
        sorted((degree.level, degree.technical, degree.status) for degree in candidate.degrees),
        sorted((job.start, job.end) for job in candidate.jobs),
        candidate.years_experience,
    )


@pytest.fixture(scope="module")
def samples() -> dict[str, CVSpec]:
    return sample_specs()


@pytest.mark.parametrize("structure", WORD_STRUCTURES)
@pytest.mark.parametrize("sample", SAMPLES)
def test_a_word_cv_reads_as_the_same_cv_in_pdf(
    tmp_path: Path, samples: dict[str, CVSpec], sample: str, structure: Layout
) -> None:
    spec = replace(samples[sample], layout=structure)
    render(replace(spec, layout="single"), tmp_path / "cv.pdf")
    write_docx(spec, tmp_path / "cv.docx")
    from_word, from_pdf = screened(tmp_path / "cv.docx"), screened(tmp_path / "cv.pdf")
    assert findings(from_word) == findings(from_pdf)
    assert (from_word.contact.name, from_word.contact.email) == (spec.name, spec.email)
    assert from_word.scores is not None and from_word.scores.role_fit == spec.role_fit


def test_a_sidebar_text_box_is_read_once(tmp_path: Path, samples: dict[str, CVSpec]) -> None:
    """Word writes a text box twice (the shape and an older copy for old readers): its lines appear once."""
    spec = replace(samples["amelia_whitfield_tpm.pdf"], layout="sidebar")
    write_docx(spec, tmp_path / "cv.docx")
    texts = [line.text for line in read_cv(tmp_path / "cv.docx").lines]
    assert texts.count(spec.certifications[0]) == 1
    assert spec.email in texts


def test_the_email_behind_a_mail_link_is_found(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_paragraph("Dana Whitfield").runs[0].bold = True
    paragraph = word.add_paragraph("Contact: ")
    relationship = paragraph.part.relate_to(
        "mailto:dana.w@example.org", docx.opc.constants.RELATIONSHIP_TYPE.HYPERLINK, True
    )
    link = docx.oxml.parse_xml(
        '<w:hyperlink xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        f'r:id="{relationship}"><w:r><w:t>write to me</w:t></w:r></w:hyperlink>'
    )
    paragraph._p.append(link)
    word.save(str(tmp_path / "cv.docx"))
    assert screened(tmp_path / "cv.docx").contact.email == "dana.w@example.org"


def test_a_word_file_named_pdf_is_read_as_word(tmp_path: Path, samples: dict[str, CVSpec]) -> None:
    spec = samples["daniel_brennan_pm.pdf"]
    write_docx(spec, tmp_path / "cv.pdf")
    assert screened(tmp_path / "cv.pdf").contact.name == spec.name


def test_a_folder_gives_word_files_and_those_to_convert(tmp_path: Path) -> None:
    names = ["a.pdf", "b.docx", "c.DOCX", "d.doc", "e.odt", "f.rtf", "g.pages", "notes.txt", "photo.jpg"]
    for name in names:
        (tmp_path / name).write_bytes(b"")
    assert [path.name for path in find_cv_files([tmp_path])] == names[:7]


def test_the_command_line_screens_a_folder_of_pdfs_and_word_files(
    tmp_path: Path, samples: dict[str, CVSpec], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "cvs"
    folder.mkdir()
    render(samples["daniel_brennan_pm.pdf"], folder / "daniel_brennan_pm.pdf")
    write_docx(samples["amelia_whitfield_tpm.pdf"], folder / "amelia_whitfield_tpm.docx")
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    out = tmp_path / "results.json"
    argv = ["screen", str(folder), "--json", str(out), "--as-of", AS_OF.isoformat(), "--workers", "2"]
    assert main(argv) in (0, 1)  # 1: a file could not be read (the .doc), which the table says
    table = capsys.readouterr().out
    assert "Amelia Whitfield" in table and "Daniel Brennan" in table
    found = {Path(c["file"]).name: c for c in json.loads(out.read_text(encoding="utf-8"))["candidates"]}
    assert found["amelia_whitfield_tpm.docx"]["role_fit"] == "tpm"
    assert found["daniel_brennan_pm.pdf"]["role_fit"] == "pm"
    assert found["old.doc"]["status"] == "error" and "save it as .docx or PDF" in found["old.doc"]["error"]


# --- hostile Word files --------------------------------------------------------------------------------------


def word_package(document_xml: bytes | None, extra: dict[str, bytes] | None = None) -> bytes:
    """A Word package from python-docx's blank one, with its document part replaced (or left out)."""
    blank = io.BytesIO()
    docx.Document().save(blank)
    out = io.BytesIO()
    with zipfile.ZipFile(blank) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            if member.filename == "word/document.xml":
                if document_xml is not None:
                    target.writestr(member.filename, document_xml)
            else:
                target.writestr(member, source.read(member))
        for name, data in (extra or {}).items():
            target.writestr(name, data)
    return out.getvalue()


def body(inner: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        f"{inner}</w:body></w:document>"
    ).encode()


def entity_bomb() -> bytes:
    entities = '<!ENTITY a0 "lol">' + "".join(f'<!ENTITY a{n} "{f"&a{n - 1};" * 10}">' for n in range(1, 10))
    document = body("<w:p><w:r><w:t>&a9;</w:t></w:r></w:p>").decode()
    head, _, rest = document.partition("?>")
    return f"{head}?><!DOCTYPE w:document [{entities}]>{rest}".encode()


def zip_bomb(gigabytes: int) -> bytes:
    """A Word package whose document part inflates to `gigabytes` of spaces: one flushed block, repeated."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    megabyte = b" " * (1 << 20)
    block = packer.compress(megabyte) + packer.flush(zlib.Z_FULL_FLUSH)
    data = block * (gigabytes << 10) + packer.flush()
    crc = 0
    for _ in range(gigabytes << 10):
        crc = zlib.crc32(megabyte, crc)
    size = gigabytes << 30
    name = b"word/document.xml"
    local = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(data), size & 0xFFFFFFFF, len(name), 0)
    central = struct.pack(
        "<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc, len(data), size & 0xFFFFFFFF, len(name), 0, 0, 0, 0, 0, 0
    )
    directory = central + name
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 1, 1, len(directory), len(local) + len(name) + len(data), 0)
    return local + name + data + directory + end


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Candidate]:
    """One batch over every kind of broken Word file, so the workers start once."""
    folder = tmp_path_factory.mktemp("hostile word")
    table = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>PMP</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    contents = {
        "not a zip.docx": b"PK\x03\x04" + b"\x00 not really a zip" * 50,
        "no document.docx": word_package(None),
        "10000 tables.docx": word_package(body(table * 10_000)),
        "entity bomb.docx": word_package(entity_bomb()),
        "Word 97.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000,
        "letter.rtf": b"{\\rtf1\\ansi Dana Whitfield}",
        "bomb.docx": zip_bomb(1) if sys.platform == "linux" else b"",
    }
    for name, data in contents.items():
        (folder / name).write_bytes(data)
    limits = WorkerLimits(seconds=20.0, memory_bytes=768 << 20)
    results = screen_files(sorted(folder.iterdir()), SETTINGS, workers=2, limits=limits)
    return {Path(c.file).name: c for c in results}


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("not a zip.docx", "the Word file is damaged and cannot be read"),
        ("no document.docx", "the Word file is damaged (it has no document part)"),
        ("entity bomb.docx", "the Word file is damaged or hostile (it declares XML entities)"),
        ("Word 97.doc", "Word 97–2003 file: save it as .docx or PDF and add it again"),
        ("letter.rtf", "RTF file: save it as .docx or PDF and add it again"),
        pytest.param(
            "bomb.docx", "the Word file unpacks to more than a CV could hold", marks=ONLY_WHERE_MEMORY_IS_LIMITED
        ),
    ],
)
def test_a_broken_word_file_fails_with_its_reason(hostile: dict[str, Candidate], name: str, reason: str) -> None:
    candidate = hostile[name]
    assert candidate.status == "error"
    assert candidate.error is not None and candidate.error.startswith(reason)


def test_a_word_file_of_10000_tables_is_read_in_part_and_says_so(hostile: dict[str, Candidate]) -> None:
    candidate = hostile["10000 tables.docx"]
    assert candidate.status == "ok"
    assert candidate.warnings == ("only the first 3000 paragraphs were read",)
