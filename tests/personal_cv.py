"""A one-page CV that states every personal detail blind review hides, with a photo, written with fpdf2."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
from fpdf import FPDF
from PIL import Image

NAME = "Grace Okafor"
# Each personal detail as printed, and the kind the personal-details pass must give it.
PERSONAL = {
    "name": "Mrs Grace Okafor",
    "email": "grace.okafor@example.org",
    "phone": "+44 7700 900456",
    "address": "12 Baker Street, London NW1 6XE",
    "link": "linkedin.com/in/graceokafor",
    "birth": "Date of birth: 14 March 1984",
    "age": "Age: 41",
    "gender": "Gender: Female",
    "nationality": "Nationality: Nigerian",
    "marital": "Marital status: Married, two children",
}
PHOTO_BOX = (480.0, 40.0, 540.0, 120.0)  # x0, top, x1, bottom in points
NAME_TOP = 50.0  # where the name's line is set, in points from the top


def personal_cv(path: Path) -> Path:
    photo = path.with_suffix(".png")
    Image.new("RGB", (60, 80), (200, 120, 90)).save(photo)
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    x0, top, x1, bottom = PHOTO_BOX
    pdf.image(str(photo), x=x0, y=top, w=x1 - x0, h=bottom - top)

    def write(y: float, text: str, size: float = 10, style: str = "") -> None:
        pdf.set_font("Helvetica", style, size=size)
        pdf.set_xy(50, y)
        pdf.cell(text=text)

    write(NAME_TOP, PERSONAL["name"], 22, "B")
    write(80, f"{PERSONAL['email']} | {PERSONAL['phone']} | {PERSONAL['address']}")
    write(94, PERSONAL["link"])
    write(108, f"{PERSONAL['birth']} | {PERSONAL['age']} | {PERSONAL['gender']}")
    write(122, f"{PERSONAL['nationality']} | {PERSONAL['marital']}")
    write(150, "SUMMARY", 12, "B")
    write(168, "Grace is a technical project manager. She has led cloud migrations for twelve years.")
    write(196, "EXPERIENCE", 12, "B")
    for index, text in enumerate(
        (
            "Senior Technical Project Manager - Bluefin Software | Jan 2018 - Present",
            "- Led a migration of 60 applications to AWS; managed budget, schedule and risk register",
            "- Ran Scrum ceremonies for five teams and owned stakeholder reporting",
            "Software Engineer - Quantel Systems | Mar 2010 - Dec 2017",
            "- Built Java microservices, Kubernetes deployments and CI/CD pipelines",
        )
    ):
        write(214 + 14 * index, text)
    write(300, "CERTIFICATIONS", 12, "B")
    write(318, "PMP, Project Management Professional (2019)")
    write(332, "AWS Certified Solutions Architect - Associate")
    write(360, "EDUCATION", 12, "B")
    write(378, "MSc Computer Science, University of Lagos, 2009")
    pdf.output(str(path))
    return path


def pdf_text(path: Path) -> tuple[int, str]:
    """A PDF's page count and its text with every run of white space made one space, as a reader copies it."""
    pdf = pdfium.PdfDocument(path)
    try:
        texts = []
        for page in pdf:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_bounded())
            textpage.close()
            page.close()
        return len(pdf), re.sub(r"\s+", " ", " ".join(texts))
    finally:
        pdf.close()
