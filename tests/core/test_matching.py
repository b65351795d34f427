"""Certification matching: spellings that must match, and traps that must never come out as held."""

from __future__ import annotations

from datetime import date

import pytest

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
    assert [(m.cert_id, m.status) for m in matcher.find(lines, AS_OF)] == [("pmp", "planned")]
