"""Writes a CVSpec as a Word (.docx) file with python-docx, in the ways people build CVs in Word.

The spec's layout picks the Word structure: "single" is one column of styled paragraphs, "table" a two-column
layout table (sidebar cell, main cell), "sidebar" a floating text box holding the sidebar, and "ligature" the
name and contact in the page header and footer (the email behind a "mailto:" link).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import docx
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from cvgen.spec import CVSpec

__all__ = ["write_docx"]

SAVED = datetime(2026, 11, 25, 9, 0)  # the generated PDFs' date, so both read against the same day
_SIDEBAR_WIDTH_EMU = 2_100_000  # about 165 pt
_NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
# A floating text box as Word 2010 and later write it: the shape, and a VML copy for older readers.
_TEXT_BOX = f"""<mc:AlternateContent {_NAMESPACES}><mc:Choice Requires="wps"><w:drawing>
<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0"
 layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>
<wp:positionH relativeFrom="page"><wp:posOffset>457200</wp:posOffset></wp:positionH>
<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>
<wp:extent cx="{_SIDEBAR_WIDTH_EMU}" cy="8000000"/><wp:effectExtent l="0" t="0" r="0" b="0"/>
<wp:wrapSquare wrapText="right"/>
<wp:docPr id="1" name="Sidebar"/><wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{_SIDEBAR_WIDTH_EMU}" cy="8000000"/>
</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>
<wps:txbx><w:txbxContent/></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor>
</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape style="width:165pt;height:630pt"><v:textbox/></v:shape>
</w:pict></mc:Fallback></mc:AlternateContent>"""


def write_docx(spec: CVSpec, path: Path) -> None:
    """Writes `spec` to `path` as a Word file in the structure its layout stands for."""
    document = docx.Document()
    document.core_properties.modified = document.core_properties.created = SAVED
    body: Callable[[Any, CVSpec], None] = _WRITERS.get(spec.layout, _one_column)
    body(document, spec)
    document.save(str(path))


def _one_column(document: Any, spec: CVSpec) -> None:
    _name_and_contact(document, spec)
    _main_sections(document, spec)
    _side_sections(document, spec)


def _layout_table(document: Any, spec: CVSpec) -> None:
    document.add_paragraph(spec.name, style="Title")
    document.add_paragraph(spec.headline)
    table = document.add_table(rows=1, cols=2)
    side, main = table.rows[0].cells
    side.width, main.width = Pt(165), Pt(300)
    _contact_lines(side, spec)
    _side_sections(side, spec)
    _main_sections(main, spec)
    for cell in (side, main):  # a new cell starts with one empty paragraph
        first = cell.paragraphs[0]
        if not first.text:
            first._p.getparent().remove(first._p)


def _text_box_sidebar(document: Any, spec: CVSpec) -> None:
    anchor = document.add_paragraph()
    anchor.add_run()._r.append(parse_xml(_TEXT_BOX))
    content = anchor._p.find(f".//{qn('w:txbxContent')}")
    _contact_lines(document, spec)
    _side_sections(document, spec)
    for paragraph in document.paragraphs[1:]:  # written at the end of the body, moved into the text box
        content.append(paragraph._p)
    fallback = anchor._p.find(".//{urn:schemas-microsoft-com:vml}textbox")
    fallback.append(copy.deepcopy(content))
    _name_paragraph(document, spec)
    document.add_paragraph(spec.headline)
    _main_sections(document, spec)


def _name_in_header(document: Any, spec: CVSpec) -> None:
    section = document.sections[0]
    name = section.header.paragraphs[0]
    name.add_run(spec.name).bold = True
    name.runs[0].font.size = Pt(20)
    footer = section.footer.paragraphs[0]
    if spec.phone:
        footer.add_run(f"{spec.phone}  ")
    if spec.email:
        _mail_link(footer, spec.email, "Email me")
    document.add_paragraph(spec.headline)
    _main_sections(document, spec)
    _side_sections(document, spec)


def _name_paragraph(container: Any, spec: CVSpec) -> None:
    run = container.add_paragraph().add_run(spec.name)
    run.bold, run.font.size = True, Pt(22)


def _name_and_contact(document: Any, spec: CVSpec) -> None:
    _name_paragraph(document, spec)
    document.add_paragraph(spec.headline)
    document.add_paragraph("  |  ".join(item for item in (spec.email, spec.phone, spec.location) if item))


def _contact_lines(container: Any, spec: CVSpec) -> None:
    container.add_paragraph(spec.style.headings.contact, style="Heading 2")
    for item in (spec.email, spec.phone, spec.location):
        if item:
            container.add_paragraph(item)


def _main_sections(container: Any, spec: CVSpec) -> None:
    headings = spec.style.headings
    container.add_paragraph(headings.summary, style="Heading 1")
    container.add_paragraph(spec.summary)
    container.add_paragraph(headings.experience, style="Heading 1")
    for job in spec.jobs:
        title = container.add_paragraph()
        title.paragraph_format.tab_stops.add_tab_stop(Pt(450), WD_TAB_ALIGNMENT.RIGHT)
        title.add_run(f"{job.title} — {job.employer}").bold = True
        title.add_run(f"\t{job.dates_text}")
        for bullet in job.bullets:
            container.add_paragraph(bullet, style="List Bullet")


def _side_sections(container: Any, spec: CVSpec) -> None:
    headings = spec.style.headings
    for heading, lines in (
        (headings.education, [entry.text for entry in spec.education]),
        (headings.certifications, list(spec.certifications)),
        (headings.skills, list(spec.skills)),
        *((extra.heading, list(extra.lines)) for extra in spec.extras),
    ):
        if lines:
            container.add_paragraph(heading, style="Heading 2")
            for line in lines:
                container.add_paragraph(line, style="List Bullet" if heading == headings.skills else None)


def _mail_link(paragraph: Paragraph, address: str, text: str) -> None:
    relationship = paragraph.part.relate_to(f"mailto:{address}", RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relationship)
    run = OxmlElement("w:r")
    label = OxmlElement("w:t")
    label.text = text
    run.append(label)
    link.append(run)
    paragraph._p.append(link)


_WRITERS: dict[str, Callable[[Any, CVSpec], None]] = {
    "single": _one_column,
    "table": _layout_table,
    "sidebar": _text_box_sidebar,
    "ligature": _name_in_header,
}
