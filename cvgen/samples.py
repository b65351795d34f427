"""The bundled sample CVs: hand-written profiles that show each case, plus seeded ones for variety."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from cvgen.corpus import TRAPS, Draft, Trap, build_spec
from cvgen.spec import CVSpec, EducationSpec, ExtraSection, Headings, JobSpec, Style

PRESENT = None  # a JobSpec end of None: the job runs until the labels' as-of date

STRONG_TPM = CVSpec(
    name="Amelia Whitfield",
    email="amelia.whitfield@example.com",
    phone="+44 7700 900123",
    location="Leeds, UK",
    headline="Technical Project Manager — Cloud & Infrastructure",
    summary=(
        "Technical project manager with twelve years in software delivery. I started as a Java developer, "
        "moved into systems engineering and now run cloud migration and platform projects end to end: "
        "scope, schedule, budget, risk and stakeholder communication."
    ),
    jobs=(
        JobSpec("Senior Technical Project Manager", "Bluefin Software", "Jan 2020 – Present", (
            "Led a $4M migration of 60 applications from on-premises data centres to AWS",
            "Ran steering committees with the CIO and business stakeholders; owned the risk register",
            "Planned releases, milestones and cut-over schedules across five Scrum teams",
            "Reviewed architecture diagrams and test plans with solution architects and QA leads",
        ), date(2020, 1, 1), PRESENT),
        JobSpec("IT Project Manager", "Quantel Systems", "Mar 2016 – Dec 2019", (
            "Delivered a data-centre consolidation 6% under budget",
            "Managed vendors, contracts and a team of 12 engineers",
        ), date(2016, 3, 1), date(2020, 1, 1)),
        JobSpec("Software Engineer", "Helix Data Labs", "Sep 2012 – Feb 2016", (
            "Built Java and Spring Boot services and the CI/CD pipeline in Jenkins",
            "Administered Linux servers and PostgreSQL databases",
        ), date(2012, 9, 1), date(2016, 3, 1)),
    ),
    education=(
        EducationSpec("M.Sc. Computer Science — University of Northbridge, 2012", "master", True),
        EducationSpec("B.Sc. Software Engineering — Kingsford University, 2011", "bachelor", True),
    ),
    certifications=(
        "Project Management Professional (PMP)®, 2018",
        "AWS Certified Solutions Architect – Associate",
        "Certified ScrumMaster (CSM), CSPO",
        "ITIL 4 Foundation",
    ),
    skills=("Stakeholder management", "Risk management", "AWS", "Terraform", "Jira", "Java", "SQL"),
    role_fit="tpm",
    held=("pmp", "aws_solutions_architect", "csm", "cspo", "itil"),
)

STRONG_PM = CVSpec(
    name="Daniel Brennan",
    email="d.brennan@example.org",
    phone="+1 (415) 555-0147",
    location="Denver, CO",
    headline="Senior Project Manager | Construction",
    summary=(
        "Project manager with a decade of commercial construction projects. I plan programmes, control "
        "budgets up to $40M, manage subcontractors and keep clients and stakeholders informed."
    ),
    jobs=(
        JobSpec("Senior Project Manager", "Harbour & Finch Construction", "January 2018 - Current", (
            "Managed the delivery of a $38M hospital extension on schedule",
            "Controlled budgets, change orders and monthly cost forecasts",
            "Chaired weekly progress meetings with the client, architects and subcontractors",
        ), date(2018, 1, 1), PRESENT),
        JobSpec("Project Manager", "Avonlea Manufacturing", "June 2013 - December 2017", (
            "Planned and delivered a new 40,000 sq ft production hall",
            "Maintained the risk register and the master schedule in MS Project",
        ), date(2013, 6, 1), date(2018, 1, 1)),
        JobSpec("Project Coordinator", "Oakmere Council", "August 2011 - May 2013", (
            "Coordinated tenders, minutes and resource plans for the capital works programme",
        ), date(2011, 8, 1), date(2013, 6, 1)),
    ),
    education=(
        EducationSpec("Master of Business Administration (MBA), Eastlake State University (2016)", "mba"),
        EducationSpec("BA (Hons) History, University of Castleford (2011)", "bachelor"),
    ),
    certifications=("PMP®", "PRINCE2® Practitioner – AXELOS", "CompTIA Project+"),
    skills=("Budget control", "Scheduling", "Contract negotiation", "MS Project", "Team leadership"),
    role_fit="pm",
    style=Style(typeface="serif", dates_right=False,
                headings=Headings(summary="Profile", experience="Employment History")),
    producer="reportlab",
    held=("pmp", "prince2_practitioner", "comptia_project_plus"),
)

TECHNICAL_SPECIALIST = CVSpec(
    name="Kwame Mensah",
    email="kwame.mensah@example.net",
    phone="+49 30 5550199",
    location="Berlin, Germany",
    headline="Site Reliability Engineer",
    summary="Hands-on engineer who keeps large Kubernetes platforms fast, secure and boring.",
    jobs=(
        JobSpec("Site Reliability Engineer", "Corvid Networks", "03/2019 - present", (
            "Operated Kubernetes clusters serving 40k requests per second",
            "Automated infrastructure with Terraform and Ansible",
        ), date(2019, 3, 1), PRESENT),
        JobSpec("Systems Administrator", "Lumen Grid Technologies", "09/2014 - 02/2019", (
            "Administered Linux servers, storage and VMware clusters",
            "Configured Cisco switches and firewalls across 14 sites",
        ), date(2014, 9, 1), date(2019, 3, 1)),
    ),
    education=(EducationSpec("Dipl.-Ing. Electrical Engineering, Technical University of Hallstadt (2014)",
                             "master", True),),
    certifications=("Certified Kubernetes Administrator (CKA)", "CCNA", "CompTIA Security+",
                    "HashiCorp Certified: Terraform Associate"),
    skills=("Kubernetes", "Terraform", "Linux", "Go", "Python", "Prometheus"),
    role_fit="technical",
    layout="table",
    producer="reportlab",
    held=("cka", "ccna", "comptia_security_plus", "terraform_associate"),
)

WEAK_PROFILE = CVSpec(
    name="Zoë Hughes",
    email="zoe.hughes@example.com",
    phone="07700 900456",
    headline="Retail Sales Assistant",
    summary="Friendly and reliable team member with experience in busy shops, looking for a new challenge.",
    jobs=(
        JobSpec("Retail Sales Assistant", "HomeStyle Stores", "", (
            "Served customers at the till and handled returns",
            "Restocked shelves and kept the shop floor tidy",
        )),
        JobSpec("Barista", "Bramble & Co. Café", "", ("Prepared hot drinks and food orders",)),
    ),
    education=(EducationSpec("A-Levels: English, History, Art"),),
    certifications=("Food Hygiene Level 2",),
    skills=("Customer service", "Cash handling", "Microsoft Office"),
    role_fit="other",
    style=Style(skills_inline=True),
)

PLANNED_NOT_HELD = CVSpec(
    name="Priya Sharma",
    email="priya.sharma@example.org",
    phone=None,
    location="Toronto, ON",
    headline="Software Engineer",
    summary="Backend developer moving towards delivery leadership. Currently preparing for the PMP exam.",
    jobs=(
        JobSpec("Senior Software Engineer", "Ostrander Fintech", "2019 – now", (
            "Designed payment microservices in Java and Kotlin",
            "Mentored four junior developers and ran code reviews",
        ), date(2019, 1, 1), PRESENT),
        JobSpec("Software Engineer", "Brightpath Digital", "2015-2019", (
            "Built React front ends and REST APIs",
        ), date(2015, 1, 1), date(2019, 1, 1)),
    ),
    education=(EducationSpec("BSc Computer Science, Kingsford University (2015)", "bachelor", True),
               EducationSpec("MSc Data Science (in progress) — University of Northbridge", "master", True,
                             "in_progress")),
    certifications=("PMP candidate", "Pursuing PRINCE2", "AWS Certified Developer – Associate"),
    skills=("Java", "Kotlin", "React", "PostgreSQL", "Project Management"),
    role_fit="technical",
    layout="sidebar",
    style=Style(sidebar_side="right"),
    held=("aws_developer",),
    planned=("pmp", "prince2"),
    traps=("planned: preparing for the PMP exam", "planned: PMP candidate", "planned: pursuing PRINCE2",
           "not held: 'Project Management' listed as a skill"),
)

LIGATURE_TPM = CVSpec(
    name="José Núñez",
    email="jose.nunez@example.com",
    phone="+1 312.555.0188",
    location="Austin, TX",
    headline="IT Project Manager",
    summary=(
        "Flexible and efficient IT project manager: infrastructure refreshes, office moves "
        "and software rollouts, with a background in network engineering."
    ),
    jobs=(
        JobSpec("IT Project Manager", "Vantora Health IT", "Feb 2017 — Present", (
            "Managed an efficient rollout of a new clinical records system to 14 hospitals",
            "Owned the budget, schedule and risk log; reported to the steering committee",
            "Required PMP certification for all project managers on my team",
        ), date(2017, 2, 1), PRESENT),
        JobSpec("Network Engineer", "Arcstone IT", "Jun 2011 — Jan 2017", (
            "Configured firewalls, traffic shaping and VPNs for 30 offices",
            "Wrote network runbooks and user manuals",
        ), date(2011, 6, 1), date(2017, 2, 1)),
    ),
    education=(EducationSpec("B.S. in Information Technology, Eastlake State University, 2011", "bachelor",
                             True),),
    certifications=("PMP – Project Management Institute", "Certifed ScrumMaster", "CCNA", "ITIL 4 Foundation"),
    skills=("Stakeholder management", "Budgeting", "Cisco", "ServiceNow", "Jira"),
    role_fit="tpm",
    layout="ligature",
    producer="reportlab",
    extras=(ExtraSection("Languages", ("Spanish (native)", "English (C2)")),),
    held=("pmp", "csm", "ccna", "itil"),
    traps=("not held: required PMP certification for the team",),
)


def _seeded(seed: int, draft: Draft) -> CVSpec:
    return build_spec(random.Random(seed), draft)


def _trap(description_start: str) -> tuple[Trap, ...]:
    return tuple(trap for trap in TRAPS if trap.description.startswith(description_start))


def sample_specs() -> dict[str, CVSpec]:
    """The sample CVs by file name."""
    return {
        "amelia_whitfield_tpm.pdf": STRONG_TPM,
        "daniel_brennan_pm.pdf": STRONG_PM,
        "kwame_mensah_sre.pdf": TECHNICAL_SPECIALIST,
        "zoe_hughes_retail.pdf": WEAK_PROFILE,
        "priya_sharma_pmp_candidate.pdf": PLANNED_NOT_HELD,
        "José Núñez CV.pdf": LIGATURE_TPM,
        "two_column_tpm.pdf": _seeded(11, Draft("tpm", "sidebar", "fpdf2")),
        "table_pm.pdf": _seeded(12, Draft("pm", "table", "fpdf2", _trap("look-alike: Stanford"))),
        "two_page_tpm.pdf": _seeded(13, Draft("tpm", "single", "reportlab", extra_jobs=3)),
        "customer_success_manager.pdf": _seeded(14, Draft("other", "single", "fpdf2", _trap("collision: Cust"))),
        "expired_scrum_engineer.pdf": _seeded(15, Draft("technical", "ligature", "fpdf2", _trap("expired: CSM,"))),
        "scrum_master_pm.pdf": replace(
            _seeded(16, Draft("pm", "sidebar", "reportlab", _trap("collision: Scrum Master"))),
            style=Style(sidebar_side="right", caps_headings=False),
        ),
    }
