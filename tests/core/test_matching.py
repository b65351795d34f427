"""Certification matching: spellings that must match, and traps that must never come out as held."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from screener.blocks import join_wrapped
from screener.catalogue import load_catalogue
from screener.matching import CertificationMatcher
from screener.models import Box, CertMatch, Line, Section
from screener.normalize import normalize_text

AS_OF = date(2026, 11, 25)


@pytest.fixture(scope="module")
def matcher() -> CertificationMatcher:
    return CertificationMatcher(load_catalogue())


def find(matcher: CertificationMatcher, text: str, section: Section = "certifications") -> dict[str, CertMatch]:
    line = Line(normalize_text(text), 1, Box(0, 0, 100, 10), 10.0, False, section)
    return {m.cert_id: m for m in matcher.find([line], AS_OF)}


@pytest.mark.parametrize(
    ("text", "cert_id"),
    [
        ("PRINCE 2", "prince2"),
        ("Prince2®", "prince2"),
        ("CompTIA Project +", "comptia_project_plus"),
        ("Certified Scrum Master", "csm"),
        ("Certifed ScrumMaster", "csm"),
        ("P.M.P.", "pmp"),
        ("PMP®", "pmp"),
        ("PMI-PMP", "pmp"),
        ("P M P", "pmp"),
        ("Project Management Professional (PMP)", "pmp"),
        ("PRINCE2® Practitioner", "prince2_practitioner"),
        ("PRINCE2 Foundation", "prince2_foundation"),
        ("Certified Associate in Project Management (CAPM)", "capm"),
        ("PgMP", "pgmp"),
        ("PMI-ACP", "pmi_acp"),
        ("PSM I", "psm"),
        ("SAFe® 5 Agilist", "safe"),
        ("Associate in Project Management", "apm"),
        ("BVOP Certified Project Manager", "bvop_cpm"),
        ("Certified Project Director", "cpd"),
        ("Certified Project Management Practitioner", "cpmp"),
        ("Certified Project Manager (IAPM)", "cpm"),
        ("Master Project Manager", "mpm"),
        ("Professional in Project Management", "ppm"),
        ("Project Management in IT Security", "pmits"),
        ("AWS Certified Solutions Architect – Associate", "aws_solutions_architect"),
        ("Microsoft Certified: Azure Administrator Associate", "azure_administrator"),
        ("Certified Kubernetes Administrator (CKA)", "cka"),
        ("CompTIA Security+", "comptia_security_plus"),
        ("PMP-certified project manager with ten years of delivery", "pmp"),
        ("ITIL4 Foundation", "itil"),
        ("P . M . P . — issued Aug 2024", "pmp"),
        ("Certified Kubernetes Application Developer (CKAD) (valid through 2027)", "ckad"),
        ("CISSP — issued Apr 2023, renewed until 2029", "cissp"),
        ("PRINCE2® Foundation Certificate in Project Management, 2021", "prince2_foundation"),
        ("Security+", "comptia_security_plus"),
        ("PMP, valid until 2028", "pmp"),
        ("Certified ScrumMaster (CSM), Scrum Alliance – renewal in progress", "csm"),
    ],
)
def test_variants_are_held(matcher: CertificationMatcher, text: str, cert_id: str) -> None:
    found = find(matcher, text, "summary" if "ten years" in text else "certifications")
    assert cert_id in found
    assert found[cert_id].status == "held"


@pytest.mark.parametrize(
    ("text", "cert_id"),
    [
        ("Preparing for the PMP exam", "pmp"),
        ("PMP candidate", "pmp"),
        ("PMP eligible", "pmp"),
        ("PMP (application in process)", "pmp"),
        ("Pursuing PRINCE2", "prince2"),
        ("Studying towards CSM", "csm"),
        ("PMP – expected 2027", "pmp"),
        ("Attended a CAPM preparation course", "capm"),
        ("PMP exam prep bootcamp (2023)", "pmp"),
    ],
)
def test_planned_is_reported_not_held(matcher: CertificationMatcher, text: str, cert_id: str) -> None:
    assert find(matcher, text)[cert_id].status == "planned"


@pytest.mark.parametrize(
    ("text", "cert_ids"), [("CSM (expired)", {"csm"}), ("CSM, CSPO — not maintained", {"csm", "cspo"})]
)
def test_lapsed_is_expired(matcher: CertificationMatcher, text: str, cert_ids: set[str]) -> None:
    found = find(matcher, text)
    assert set(found) == cert_ids
    assert {m.status for m in found.values()} == {"expired"}


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("Customer Success Manager (CSM), Zendesk, 2019 – 2022", "experience"),
        ("CSM – Customer Success Manager", "summary"),
        ("Certified Software Manager (CSM)", "certifications"),
        ("Led PSM (Process Safety Management) audits at the Rotterdam plant", "experience"),
        ("Scrum Master, Acme Corp, 2019 – 2021", "experience"),
        ("Scrum Master", "summary"),
        ("Required PMP certification for all project managers on my team", "experience"),
        ("Developed PMI/PMP-aligned training material", "experience"),
        ("Project Management", "skills"),
        ("Project Manager", "header"),
        ("Ran the PMP study group", "experience"),
    ],
)
def test_traps_are_not_held(matcher: CertificationMatcher, text: str, section: Section) -> None:
    assert not [m for m in find(matcher, text, section).values() if m.status == "held"]


@pytest.mark.parametrize(
    ("text", "cert_id"),
    [
        ("Stanford Certified Project Manager", "stanford_cpm"),
        ("Google Project Management Certificate", "google_pm_certificate"),
    ],
)
def test_look_alikes_map_to_their_own_entries(matcher: CertificationMatcher, text: str, cert_id: str) -> None:
    assert set(find(matcher, text)) == {cert_id}


def test_two_certifications_on_one_line(matcher: CertificationMatcher) -> None:
    assert set(find(matcher, "Certified ScrumMaster (CSM), CSPO")) == {"csm", "cspo"}


def test_a_match_knows_where_it_is(matcher: CertificationMatcher) -> None:
    line = Line("PMP, Project Management Institute", 2, Box(10, 20, 200, 32), 10.0, False, "certifications")
    (match,) = matcher.find([line], AS_OF)
    assert (match.span.page, match.span.box, match.span.section) == (2, line.box, "certifications")
    assert match.matched_text == "PMP"


def test_a_name_broken_over_two_lines_is_read_whole(matcher: CertificationMatcher) -> None:
    lines = [
        Line("PgMP (valid through 2029), PRINCE2", 1, Box(40, 100, 200, 110), 10.0, False, "certifications"),
        Line("Practitioner – AXELOS, 2014", 1, Box(40, 112, 160, 122), 10.0, False, "certifications"),
    ]
    found = {m.cert_id: m for m in matcher.find(lines, AS_OF)}
    assert set(found) == {"pgmp", "prince2_practitioner"}  # not also "PRINCE2 (level not stated)"
    assert found["prince2_practitioner"].span.box == Box(40, 100, 200, 122)


def test_a_planned_cue_on_the_line_before_counts_in_running_text(matcher: CertificationMatcher) -> None:
    lines = [
        Line("Delivery lead, currently preparing for the", 1, Box(0, 0, 100, 10), 10.0, False, "summary"),
        Line("PMP exam.", 1, Box(0, 12, 100, 22), 10.0, False, "summary"),
    ]
    assert [(m.cert_id, m.status) for m in matcher.find(join_wrapped(lines), AS_OF)] == [("pmp", "planned")]


def test_a_name_wrapped_in_a_certifications_sidebar_is_read_whole(
    matcher: CertificationMatcher, make_lines: Callable[..., tuple[Line, ...]]
) -> None:
    lines = make_lines(
        [
            ("Certifications", "certifications", 12.0, True),
            ("Microsoft Certified: Azure Solutions", "certifications", 9.0, False),
            ("Architect Expert", "certifications", 9.0, False),
            ("PRINCE2", "certifications", 9.0, False),
            ("Practitioner", "certifications", 9.0, False),
        ]
    )
    found = {m.cert_id: m.status for m in matcher.find(join_wrapped(lines), AS_OF)}
    assert found == {"azure_solutions_architect": "held", "prince2_practitioner": "held"}


@pytest.mark.parametrize(
    ("text", "section", "cert_id", "status"),
    [
        ("Operations lead seeking PMP certification.", "summary", "pmp", "planned"),
        ("Currently pursuing PMP; PRINCE2 Practitioner certified.", "summary", "pmp", "planned"),
        ("Project coordinator on the CAPM track.", "summary", "capm", "planned"),
        ("PMP Exam Prep Camp, 2023", "certifications", "pmp", "planned"),
        ("PMP Boot Camp (35 contact hours)", "certifications", "pmp", "planned"),
        ("PMP training – 2022", "certifications", "pmp", "planned"),
        ("PMP® Certification Training Course", "certifications", "pmp", "planned"),
        ("Project Management Professional (In Process)", "certifications", "pmp", "planned"),
        ("Training Courses attended Professional Project Management Program-PMP, 2009", "other", "pmp", "planned"),
        ("Professional Project Management Program-PMP, Harbour Institute, 2009", "certifications", "pmp", "planned"),
        ("Working towards becoming PMP certified", "summary", "pmp", "planned"),
        ("Datacamp - Microsoft Azure Fundamentals (AZ-900)", "education", "azure_fundamentals", "planned"),
        ("PMP Certificate in Project Management Certificate in Digital Imaging", "education", "pmp", "planned"),
        ("Project Management Professional (PMP), 2019", "training", "pmp", "planned"),
        ("ITIL v3 certified; incident and problem management", "skills", "itil", "held"),
        ("PMP certified (2019), renewed 2022", "training", "pmp", "held"),
        ("Certified SAFe 6 Agilist and PRINCE2 certified delivery lead", "summary", "prince2", "held"),
        ("Earned the PMP certification while leading the ERP rollout", "experience", "pmp", "held"),
    ],
)
def test_the_words_around_a_name_give_its_status(
    matcher: CertificationMatcher, text: str, section: Section, cert_id: str, status: str
) -> None:
    """Pursuit, courses and training are planned; "certified" beside a method or course name is held."""
    assert find(matcher, text, section)[cert_id].status == status


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("Project Management Professional Kingsford University", "education"),
        ("Experienced project management professional | Operations", "header"),
        ("Project Management Professional at Northbridge Logistics", "header"),
        ("Results-driven Project Management Professional with 10 years of delivery.", "summary"),
        ("Process safety: PSM, OSHA, HAZOP, PHA, RMP", "skills"),
        ("HSE lead: PSM audits and permit to work", "summary"),
        ("Arts 12th Grade PSM Public School", "education"),
        ("PMC/PSM/ Sales Manager/ Sales Associate", "header"),
        ("Adopted Scrum (ScrumMaster) for a team of six", "experience"),
        ("Jane Doe | Scrum Master | Agile Coach", "header"),
        ("Agile Methodologies: Scrum, Kanban, SAFe.", "skills"),
        ("Delivery lead working in a SAFe environment; SAFe PI planning facilitator.", "summary"),
        ("Hands-on experience in: Lean, SDLC, Waterfall, ITIL, UAT", "skills"),
        ("Requirements: PMP or CAPM certification preferred", "experience"),
        ("Valuations using WACC and CAPM and comparables", "education"),
        ("Professional Project Manager BootCamp 2008 PMP Institute", "education"),
        ("CCNA, Cisco, LAN, VPN, Windows 7", "skills"),
    ],
)
def test_mentions_that_are_not_the_credential_are_not_held(
    matcher: CertificationMatcher, text: str, section: Section
) -> None:
    assert not [m for m in find(matcher, text, section).values() if m.status == "held"]


@pytest.mark.parametrize(
    ("text", "section", "cert_ids"),
    [
        ("Certified Associate in Project Management (PMP)", "certifications", {"capm"}),
        ("Certified Project Manager Professional (PMP)", "summary", {"pmp"}),
        ("I am a PMP certified project manager", "summary", {"pmp"}),
        ("Google Project Management Professional Certificate", "certifications", {"google_pm_certificate"}),
        ("Google Project Management: Professional Certificate", "certifications", {"google_pm_certificate"}),
        ("SAFe 6 Certified", "certifications", {"safe"}),
        ("Certified SAFe 5 Agilist and PMP.", "summary", {"safe", "pmp"}),
        (
            "ITIL v3 Foundation · Security+ · Cisco Certified Network Associate",
            "education",
            {"itil", "ccna", "comptia_security_plus"},
        ),
        (
            "BVOP Certified Project Manager | Certified Project Manager (CPM) – IAPPM",
            "certifications",
            {"bvop_cpm", "cpm"},
        ),
    ],
)
def test_the_name_decides_which_credential_is_held(
    matcher: CertificationMatcher, text: str, section: Section, cert_ids: set[str]
) -> None:
    assert {cert_id for cert_id, m in find(matcher, text, section).items() if m.status == "held"} == cert_ids


def test_each_credential_in_a_run_on_list_has_its_own_status(matcher: CertificationMatcher) -> None:
    text = (
        "Trainings and Certifications Six Sigma Green Belt - certified ITIL V3 Foundation certified Oracle DBA "
        "Admin Workshop I and II PMP - Project Management Professional Training Pursuing AWS Solutions "
        "Architect - Associate certification"
    )
    found = {cert_id: m.status for cert_id, m in find(matcher, text, "education").items()}
    assert found == {"itil": "held", "pmp": "planned", "aws_solutions_architect": "planned"}


def test_a_trailing_status_covers_every_credential_of_its_item(matcher: CertificationMatcher) -> None:
    found = find(matcher, "PMP and SAFe Project Management – In Progress")
    assert {cert_id: m.status for cert_id, m in found.items()} == {"pmp": "planned", "safe": "planned"}
