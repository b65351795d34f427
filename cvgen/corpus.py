"""Builds varied, labelled CV specs from a seed: four archetypes, many spellings, and deliberate traps."""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from cvgen.spec import (
    AS_OF,
    LAYOUTS,
    PRODUCERS,
    CVSpec,
    DegreeLevel,
    EducationSpec,
    ExtraSection,
    Headings,
    JobSpec,
    Layout,
    Producer,
    RoleFit,
    Style,
)

Archetype = RoleFit
ARCHETYPES: tuple[Archetype, ...] = ("tpm", "pm", "technical", "other")
Placement = Literal["certifications", "summary", "bullet", "skills", "title"]

FIRST_NAMES = (
    "Amelia", "Oliver", "Priya", "Daniel", "Sofia", "Liam", "Chen", "Fatima", "Lucas", "Hannah", "Mateo",
    "Aisha", "Noah", "Ingrid", "Kwame", "Elena", "Tomás", "Zoë", "François", "Björn", "José", "Ana",
    "Marta", "Rahul", "Yuki", "Grace", "Samuel", "Leila", "Owen", "Nadia",
)
LAST_NAMES = (
    "Whitfield", "Okafor", "Sharma", "Lindqvist", "Moreau", "Haddad", "Novak", "Fischer", "Brennan",
    "Kowalski", "Núñez", "Müller", "O'Connor", "García", "Tanaka", "Petrov", "Mensah", "Rossi", "Campbell",
    "Dubois", "Andersen", "Ibrahim", "Park", "Silva", "Hughes", "Jensen", "Ferreira", "Walsh", "Søndergaard",
    "Ortiz",
)
LOCATIONS = (
    "Leeds, UK", "Austin, TX", "Berlin, Germany", "Toronto, ON", "Dublin, Ireland", "Manchester, UK",
    "Denver, CO", "Amsterdam, NL", "Melbourne, VIC", "Lisbon, Portugal",
)
MAIL_DOMAINS = ("example.com", "example.org", "example.net", "mail.example")

TECH_EMPLOYERS = (
    "Bluefin Software", "Northwind Cloud Services", "Quantel Systems", "Helix Data Labs", "Arcstone IT",
    "Corvid Networks", "Brightpath Digital", "Ostrander Fintech", "Lumen Grid Technologies", "Vantora Health IT",
)
GENERAL_EMPLOYERS = (
    "Harbour & Finch Construction", "St Aldric Hospital Trust", "Meridian Events", "Calloway Retail Group",
    "Greenway Housing Association", "Ridgeway Chemicals", "Oakmere Council", "Pellham Marketing Partners",
    "Trentside Logistics", "Avonlea Manufacturing",
)
WEAK_EMPLOYERS = (
    "Bramble & Co. Café", "HomeStyle Stores", "QuickShip Warehousing", "City Dental Practice",
    "Sunny Days Nursery", "Pellham Marketing Partners", "The Corner Bookshop", "Metro Call Centre",
)

TPM_TITLES = (
    "Technical Project Manager", "IT Project Manager", "Senior Technical Project Manager",
    "Technical Program Manager", "Project Manager, Cloud Infrastructure", "Software Delivery Manager",
    "Infrastructure Project Manager",
)
TECH_TITLES = (
    "Software Engineer", "Senior Software Engineer", "DevOps Engineer", "Systems Administrator",
    "Network Engineer", "Cloud Engineer", "Data Engineer", "Site Reliability Engineer", "Full-Stack Developer",
    "QA Automation Engineer", "Systems Engineer",
)
PM_TITLES = (
    "Project Manager", "Senior Project Manager", "Programme Manager", "Construction Project Manager",
    "Marketing Project Manager", "Events Project Manager", "Project Manager, Facilities",
    "Healthcare Project Manager",
)
WEAK_TITLES = (
    "Retail Sales Assistant", "Junior Marketing Coordinator", "Barista", "Customer Service Representative",
    "Administrative Assistant", "Warehouse Operative", "Receptionist",
)

MANAGEMENT_BULLETS = (
    "Managed a portfolio of {n} projects with budgets up to ${m}M, delivering {pct}% on time",
    "Ran weekly stakeholder meetings and steering committee reporting for executive sponsors",
    "Built and maintained the risk register; mitigated supplier and schedule risks early",
    "Planned schedules, milestones and deadlines in MS Project and tracked progress against the baseline",
    "Allocated resources across {n} cross-functional teams and resolved capacity conflicts",
    "Controlled a ${m}M budget and cut cost overruns by {pct}% through monthly forecasting",
    "Led a team of {n} through scope definition, change control and lessons-learned reviews",
    "Coordinated vendors and contractors, negotiated contracts and managed procurement",
    "Wrote project charters, status reports and communication plans for senior stakeholders",
    "Introduced a more efficient workflow for change requests, cutting approval time by {pct}%",
    "Kept delivery flexible when priorities shifted, re-planning with the client and finance office",
)
PM_DOMAIN_BULLETS = (
    "Delivered the refurbishment of a {n}-bed hospital wing on schedule and within budget",
    "Managed the rollout of a brand campaign across {n} regional markets",
    "Planned and delivered a {n}00-attendee industry conference with a ${m}M budget",
    "Oversaw construction of a 40,000 sq ft distribution centre from tender to handover",
    "Managed the relocation of {n}0 staff to a new head office without loss of service",
    "Directed a ${m}M social housing retrofit programme across {n} estates",
)
TECH_BULLETS = (
    "Designed and built microservices in Java and Spring Boot serving {n}k requests per minute",
    "Migrated on-premises workloads to AWS (EC2, S3, RDS) using Terraform",
    "Maintained CI/CD pipelines in GitLab and Jenkins, cutting release time from days to hours",
    "Administered Linux and Windows servers, storage arrays and VMware clusters",
    "Configured Cisco switches, firewalls and site-to-site VPNs across {n} offices",
    "Wrote Python and SQL data pipelines feeding the analytics warehouse",
    "Drew architecture diagrams and wrote user manuals and runbooks for operations",
    "Built automated test suites (pytest, Selenium), raising coverage to {pct}%",
    "Deployed and operated Kubernetes clusters with Helm and Prometheus monitoring",
    "Developed React and TypeScript front ends against REST APIs",
    "Performed quality assurance and load testing before each quarterly release",
    "Profiled and tuned database queries, making nightly jobs {pct}% more efficient",
    "Configured traffic filtering and firewall rules for the office network",
)
TPM_BULLETS = (
    "Led the technical delivery of a cloud migration programme for {n} applications, owning scope, "
    "budget and risks",
    "Coordinated architects, developers and QA engineers across {n} Scrum teams",
    "Owned release planning, dependency tracking and go-live readiness for an ERP integration",
    "Translated business requirements into technical specifications and acceptance criteria",
    "Reported schedule, budget and risk status to stakeholders and the CIO every fortnight",
    "Managed vendor delivery of a data-centre consolidation, finishing {pct}% under budget",
)
WEAK_BULLETS = (
    "Served customers at the till and handled returns and exchanges",
    "Restocked shelves and kept the shop floor clean and tidy",
    "Scheduled social media posts and updated the company blog",
    "Answered customer calls and logged enquiries in the CRM",
    "Prepared hot drinks and food orders during busy shifts",
    "Helped the marketing team with mail-outs and event set-up",
    "Filed documents, greeted visitors and kept the office calendar",
    "Picked and packed up to {n}0 orders per shift",
)
CUSTOMER_SUCCESS_BULLETS = (
    "Looked after {n}0 small-business accounts and their renewals",
    "Ran onboarding calls and product demos for new customers",
)

HEADLINES: dict[Archetype, tuple[str, ...]] = {
    "tpm": ("Technical Project Manager", "IT Project Manager | Cloud & Infrastructure",
            "Technical Program Manager — software delivery"),
    "pm": ("Project Manager", "Senior Project Manager | Construction & Facilities", "Programme Manager"),
    "technical": ("Software Engineer", "DevOps & Cloud Engineer", "Network and Systems Engineer"),
    "other": ("Retail professional", "Marketing Coordinator", "Customer service and administration"),
}
SUMMARIES: dict[Archetype, tuple[str, ...]] = {
    "tpm": (
        "Technical project manager with a background in software engineering. I plan and deliver cloud, "
        "infrastructure and application projects, keep stakeholders informed and manage risk and budget.",
        "Engineer turned project manager who bridges development teams and the business: architecture "
        "reviews, release planning, vendor management and clear reporting.",
    ),
    "pm": (
        "Dependable project manager who delivers on time and on budget. Strong in stakeholder management, "
        "scheduling, risk management and leading cross-functional teams; flexible and efficient.",
        "Organised and calm programme manager with a record of complex construction and facilities "
        "projects; I plan carefully, communicate clearly and control cost.",
    ),
    "technical": (
        "Hands-on engineer who enjoys building reliable systems: cloud infrastructure, automation and "
        "clean code. Happiest close to the keyboard.",
        "Systems and network engineer focused on uptime, security and automation across hybrid estates.",
    ),
    "other": (
        "Friendly and reliable team member with experience in customer-facing roles, looking for a new "
        "challenge.",
        "Enthusiastic early-career marketer with a good eye for social media content and events.",
    ),
}
SKILLS: dict[Archetype, tuple[str, ...]] = {
    "tpm": ("Stakeholder management", "Risk management", "Budgeting", "Jira", "Confluence", "AWS", "Azure",
            "Agile / Scrum", "SQL", "Python", "Release management", "Vendor management", "Kubernetes"),
    "pm": ("Stakeholder management", "Risk management", "Budget control", "MS Project", "Scheduling",
           "Change control", "Vendor management", "Contract negotiation", "Reporting", "Team leadership"),
    "technical": ("Python", "Java", "AWS", "Azure", "Kubernetes", "Docker", "Terraform", "Linux", "SQL",
                  "Networking (TCP/IP, BGP)", "CI/CD", "Git", "Bash"),
    "other": ("Customer service", "Cash handling", "Microsoft Office", "Canva", "Social media", "Teamwork",
              "Time keeping"),
}
HEADING_CHOICES = {
    "summary": ("Summary", "Profile", "Professional Summary", "About Me"),
    "experience": ("Experience", "Professional Experience", "Work History", "Employment History"),
    "education": ("Education", "Education & Qualifications", "Academic Background"),
    "certifications": ("Certifications", "Licenses & Certifications", "Certificates",
                       "Professional Certifications", "Training & Certifications"),
    "skills": ("Skills", "Core Skills", "Key Competencies"),
    "contact": ("Contact", "Contact Details"),
}

CERT_VARIANTS: dict[str, tuple[str, ...]] = {
    "pmp": ("PMP®", "P.M.P.", "PMI-PMP", "Project Management Professional (PMP)", "PMP – Project Management "
            "Institute", "Project Management Professional (PMP)®"),
    "capm": ("CAPM", "Certified Associate in Project Management (CAPM)"),
    "pgmp": ("PgMP", "Program Management Professional (PgMP)"),
    "pmi_acp": ("PMI-ACP", "PMI Agile Certified Practitioner (PMI-ACP)"),
    "prince2_foundation": ("PRINCE2 Foundation", "PRINCE2® Foundation Certificate in Project Management"),
    "prince2_practitioner": ("PRINCE2 Practitioner", "PRINCE2® Practitioner – AXELOS"),
    "prince2": ("PRINCE 2", "Prince2®", "PRINCE2 certified"),
    "csm": ("Certified Scrum Master", "Certifed ScrumMaster", "CSM", "Certified ScrumMaster® (CSM)"),
    "cspo": ("Certified Scrum Product Owner (CSPO)", "CSPO"),
    "psm": ("PSM I", "Professional Scrum Master I (PSM I)", "PSM II – Scrum.org"),
    "safe": ("SAFe Agilist", "Certified SAFe® 6 Agilist"),
    "comptia_project_plus": ("CompTIA Project +", "CompTIA Project+"),
    "apm": ("Associate in Project Management (APM)",),
    "bvop_cpm": ("BVOP Certified Project Manager",),
    "cpd": ("Certified Project Director (CPD)",),
    "cpmp": ("Certified Project Management Practitioner (CPMP)",),
    "cpm": ("Certified Project Manager (CPM) – IAPPM",),
    "mpm": ("Master Project Manager (MPM)",),
    "ppm": ("Professional in Project Management (PPM)",),
    "pmits": ("Project Management in IT Security (PMITS)",),
    "aws_solutions_architect": ("AWS Certified Solutions Architect – Associate",
                                "AWS Solutions Architect Professional"),
    "aws_developer": ("AWS Certified Developer – Associate",),
    "aws_cloud_practitioner": ("AWS Certified Cloud Practitioner",),
    "azure_administrator": ("Microsoft Certified: Azure Administrator Associate", "AZ-104 Azure Administrator"),
    "azure_fundamentals": ("Microsoft Certified: Azure Fundamentals (AZ-900)",),
    "azure_solutions_architect": ("Microsoft Certified: Azure Solutions Architect Expert",),
    "gcp_cloud_architect": ("Google Cloud Professional Cloud Architect",),
    "gcp_associate_engineer": ("Google Cloud Associate Cloud Engineer",),
    "salesforce_admin": ("Salesforce Certified Administrator",),
    "salesforce_developer": ("Salesforce Certified Platform Developer I",),
    "ccna": ("CCNA", "Cisco Certified Network Associate (CCNA)"),
    "ccnp": ("CCNP Enterprise",),
    "cissp": ("CISSP", "(ISC)² CISSP"),
    "comptia_a_plus": ("CompTIA A+",),
    "comptia_network_plus": ("CompTIA Network+",),
    "comptia_security_plus": ("CompTIA Security+",),
    "cka": ("Certified Kubernetes Administrator (CKA)",),
    "ckad": ("Certified Kubernetes Application Developer (CKAD)",),
    "itil": ("ITIL 4 Foundation", "ITIL® v3 Foundation"),
    "oracle_java": ("Oracle Certified Professional, Java SE 11 Developer",),
    "terraform_associate": ("HashiCorp Certified: Terraform Associate",),
}
# The usual credentials come up far more often than the rare ones, as in real CVs.
MANAGEMENT_CERT_WEIGHTS = {
    "pmp": 10, "prince2_practitioner": 4, "prince2_foundation": 4, "prince2": 3, "csm": 6, "cspo": 2,
    "psm": 3, "safe": 3, "capm": 2, "pgmp": 1, "pmi_acp": 2, "comptia_project_plus": 2, "apm": 1,
    "bvop_cpm": 1, "cpd": 1, "cpmp": 1, "cpm": 1, "mpm": 1, "ppm": 1, "pmits": 1,
}
TECHNICAL_CERT_IDS = tuple(cert_id for cert_id in CERT_VARIANTS if cert_id not in MANAGEMENT_CERT_WEIGHTS)
UNLISTED_CERTIFICATES = ("First Aid at Work (2022)", "Food Hygiene Level 2", "HubSpot Content Marketing",
                         "Google Analytics Individual Qualification")

TECH_FIELDS = ("Computer Science", "Software Engineering", "Information Technology", "Information Systems",
               "Electrical Engineering", "Mechanical Engineering", "Civil Engineering", "Data Science",
               "Informatics")
OTHER_FIELDS = ("History", "Business Administration", "English Literature", "Psychology", "Marketing")
DEGREE_FORMS: dict[DegreeLevel, tuple[str, ...]] = {
    "associate": ("Associate of Applied Science in {f}", "Associate Degree in {f}"),
    "bachelor": ("B.Sc. {f}", "BSc {f}", "B.S. in {f}", "Bachelor of Science in {f}", "BSc (Hons) {f}"),
    "master": ("M.Sc. {f}", "MSc in {f}", "MS {f}", "Master of Science in {f}"),
    "phd": ("Ph.D. in {f}", "PhD {f}", "Doctor of Philosophy in {f}"),
    "mba": ("MBA", "Master of Business Administration (MBA)", "Executive MBA"),
    "other": ("Higher National Diploma in {f}",),
}
ENGINEERING_FORMS: dict[DegreeLevel, tuple[str, ...]] = {
    "bachelor": ("B.Eng. {f}", "Bachelor of Engineering in {f}"),
    "master": ("M.Eng. {f}", "Dipl.-Ing. {f}"),
}
ARTS_FORMS: dict[DegreeLevel, tuple[str, ...]] = {
    "bachelor": ("BA {f}", "Bachelor of Arts in {f}", "BA (Hons) {f}"),
    "master": ("MA {f}", "Master of Arts in {f}"),
}
UNIVERSITIES = (
    "University of Northbridge", "Technical University of Hallstadt", "Kingsford University",
    "Eastlake State University", "University of Castleford", "Riverside Institute of Technology",
    "Brennock College", "Marlow Polytechnic",
)

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
DASHES = (" – ", " - ", "–", " — ", " to ")
ONGOING_WORDS = ("Present", "Current", "now", "today", "to date")
DATE_FORMATS = ("abbreviated", "full", "numeric", "dotted", "words", "years")


@dataclass(frozen=True)
class Trap:
    """A line that tempts a naive matcher into a wrong answer, and what it really means."""

    description: str
    text: str
    place: Placement
    archetypes: tuple[Archetype, ...] = ARCHETYPES
    planned: tuple[str, ...] = ()
    expired: tuple[str, ...] = ()
    held: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()  # certifications the CV must not hold for the trap to mean what it says

    @property
    def not_held(self) -> frozenset[str]:
        return frozenset(self.planned + self.expired + self.excludes)


MANAGERS: tuple[Archetype, ...] = ("tpm", "pm")
TRAPS: tuple[Trap, ...] = (
    Trap("planned: preparing for the PMP exam", "Currently preparing for the PMP exam.", "summary",
         planned=("pmp",)),
    Trap("planned: PMP candidate", "PMP candidate", "certifications", planned=("pmp",)),
    Trap("planned: PMP eligible", "PMP eligible (35 contact hours completed)", "certifications",
         planned=("pmp",)),
    Trap("planned: PMP (application in process)", "PMP (application in process)", "certifications",
         planned=("pmp",)),
    Trap("planned: pursuing PRINCE2", "Pursuing PRINCE2", "certifications", planned=("prince2",),
         excludes=("prince2_foundation", "prince2_practitioner")),
    Trap("planned: studying towards CSM", "Studying towards CSM (Scrum Alliance)", "certifications",
         planned=("csm",)),
    Trap("planned: PMP – expected 2027", "PMP – expected 2027", "certifications", planned=("pmp",)),
    Trap("planned: attended CAPM preparation course", "Attended CAPM preparation course", "certifications",
         planned=("capm",)),
    Trap("planned: PMP exam prep bootcamp (2023)", "PMP exam prep bootcamp (2023)", "certifications",
         planned=("pmp",)),
    Trap("expired: CSM (expired)", "CSM (expired)", "certifications", ("tpm", "pm", "technical"),
         expired=("csm",)),
    Trap("expired: CSM, CSPO — not maintained", "CSM, CSPO — not maintained", "certifications",
         ("tpm", "pm", "technical"), expired=("csm", "cspo")),
    Trap("collision: Customer Success Manager (CSM) job title", "Customer Success Manager (CSM)", "title",
         ("pm", "other"), excludes=("csm",)),
    Trap("collision: Certified Software Manager", "Certified Software Manager", "certifications", MANAGERS,
         excludes=("csm",)),
    Trap("collision: PSM (Process Safety Management) audits",
         "Led PSM (Process Safety Management) audits at the Ridgeway chemical plant", "bullet", MANAGERS,
         excludes=("psm",)),
    Trap("collision: Scrum Master job title without certification", "Scrum Master", "title", MANAGERS,
         excludes=("csm", "psm")),
    Trap("not held: required PMP certification for the team",
         "Required PMP certification for all project managers on my team", "bullet", MANAGERS),
    Trap("not held: developed PMI/PMP-aligned training material",
         "Developed PMI/PMP-aligned training material for new starters", "bullet", ("tpm", "pm", "other")),
    Trap("not held: 'Project Management' listed as a skill", "Project Management", "skills"),
    Trap("look-alike: Stanford Certified Project Manager", "Stanford Certified Project Manager",
         "certifications", MANAGERS, held=("stanford_cpm",), excludes=("cpm",)),
    Trap("look-alike: Google Project Management Certificate", "Google Project Management Certificate",
         "certifications", MANAGERS, held=("google_pm_certificate",)),
)


@dataclass(frozen=True)
class Period:
    """A job's span in months since year 0 (January = 0); `end` None means it is still going on."""

    start: int
    end: int | None

    def months(self) -> int:
        return (self.end if self.end is not None else _month_index(AS_OF)) - self.start + 1


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _first_day(month_index: int) -> date:
    return date(month_index // 12, month_index % 12 + 1, 1)


def _month_text(style: str, month_index: int) -> str:
    year, month = divmod(month_index, 12)
    forms = {
        "abbreviated": f"{MONTHS[month][:3]} {year}",
        "full": f"{MONTHS[month]} {year}",
        "numeric": f"{month + 1:02d}/{year}",
        "dotted": f"{year}.{month + 1:02d}",
        "words": f"{MONTHS[month]} {year}",
    }
    return forms[style]


def period_text(rng: random.Random, period: Period, style: str) -> tuple[str, date, date | None]:
    """The printed dates of a job and the start and end they stand for (see JobSpec)."""
    dash = " to " if style == "words" else rng.choice(DASHES[:4])
    if style == "years":
        return _years_text(rng, period, dash)
    start_text, start = _month_text(style, period.start), _first_day(period.start)
    if period.end is None:
        return f"{start_text}{dash}{rng.choice(ONGOING_WORDS)}", start, None
    return f"{start_text}{dash}{_month_text(style, period.end)}", start, _first_day(period.end + 1)


def _years_text(rng: random.Random, period: Period, dash: str) -> tuple[str, date, date | None]:
    first_year = period.start // 12
    start = date(first_year, 1, 1)
    if period.end is None:
        text = rng.choice((f"Since {first_year}", f"{first_year}{dash}now", f"{first_year}{dash}Present"))
        return text, start, None
    last_year = max(period.end // 12, first_year + 1)  # "2019-2019" would read as no time at all
    return f"{first_year}{dash.strip() if rng.random() < 0.5 else dash}{last_year}", start, date(last_year, 1, 1)


@dataclass(frozen=True)
class RoleDraft:
    title: str
    employer: str
    bullets: tuple[str, ...]
    months: tuple[int, int]  # shortest and longest tenure


def _fill(rng: random.Random, template: str) -> str:
    return template.format(n=rng.randint(3, 14), m=rng.randint(2, 40), pct=rng.randint(8, 97))


def _bullets(rng: random.Random, pools: Sequence[tuple[tuple[str, ...], int]]) -> tuple[str, ...]:
    chosen: list[str] = []
    for pool, count in pools:
        chosen += [_fill(rng, template) for template in rng.sample(pool, count)]
    return tuple(chosen)


def _role(rng: random.Random, kind: str) -> RoleDraft:
    """One job of a kind: 'tpm', 'pm', 'technical' or 'other', with bullets to match."""
    pools: tuple[tuple[tuple[str, ...], int], ...]
    if kind == "tpm":
        pools = ((TPM_BULLETS, rng.randint(2, 3)), (MANAGEMENT_BULLETS, rng.randint(1, 2)), (TECH_BULLETS, 1))
        return RoleDraft(rng.choice(TPM_TITLES), rng.choice(TECH_EMPLOYERS), _bullets(rng, pools), (20, 60))
    if kind == "pm":
        pools = ((MANAGEMENT_BULLETS, rng.randint(2, 3)), (PM_DOMAIN_BULLETS, rng.randint(1, 2)))
        return RoleDraft(rng.choice(PM_TITLES), rng.choice(GENERAL_EMPLOYERS), _bullets(rng, pools), (24, 60))
    if kind == "technical":
        pools = ((TECH_BULLETS, rng.randint(2, 4)),)
        return RoleDraft(rng.choice(TECH_TITLES), rng.choice(TECH_EMPLOYERS), _bullets(rng, pools), (20, 54))
    pools = ((WEAK_BULLETS, rng.randint(2, 3)),)
    return RoleDraft(rng.choice(WEAK_TITLES), rng.choice(WEAK_EMPLOYERS), _bullets(rng, pools), (6, 30))


CAREER_PLANS: dict[Archetype, tuple[tuple[str, int, int], ...]] = {
    # (kind of role, fewest, most), newest first: a TPM came up through engineering.
    "tpm": (("tpm", 1, 3), ("technical", 1, 2)),
    "pm": (("pm", 2, 4),),
    "technical": (("technical", 2, 4),),
    "other": (("other", 1, 3),),
}


def _career(rng: random.Random, archetype: Archetype, extra_jobs: int) -> list[RoleDraft]:
    roles: list[RoleDraft] = []
    for kind, fewest, most in CAREER_PLANS[archetype]:
        roles += [_role(rng, kind) for _ in range(rng.randint(fewest, most) + extra_jobs)]
        extra_jobs = 0  # the extra jobs are recent ones
    if archetype == "tpm":
        # The engineering years must be enough on their own for the technical axis.
        roles[-1] = replace(roles[-1], months=(36, 60))
    return roles


def _periods(rng: random.Random, roles: Sequence[RoleDraft]) -> list[Period]:
    """Consecutive periods backwards from now, with small gaps; the newest job is often ongoing."""
    end: int | None = None if rng.random() < 0.65 else _month_index(AS_OF) - rng.randint(1, 10)
    periods: list[Period] = []
    for role in roles:
        last = end if end is not None else _month_index(AS_OF)
        start = last - rng.randint(*role.months) + 1
        periods.append(Period(start, end))
        end = start - 1 - rng.choice((0, 0, 0, 1, 2, 4))
    return periods


def _side_job(rng: random.Random, archetype: Archetype, main: Period) -> tuple[RoleDraft, Period]:
    """A part-time or freelance job overlapping a main one, so total experience must merge overlaps."""
    kind = {"tpm": "technical", "pm": "pm", "technical": "technical", "other": "other"}[archetype]
    role = _role(rng, kind)
    role = replace(role, title=f"{role.title} (part-time)", bullets=role.bullets[:2])
    start = main.start + rng.randint(2, 8)
    return role, Period(start, start + rng.randint(6, 18))


def _jobs(rng: random.Random, roles: list[RoleDraft], archetype: Archetype) -> tuple[JobSpec, ...]:
    periods = _periods(rng, roles)
    pairs = list(zip(roles, periods, strict=True))
    if rng.random() < 0.25 and len(pairs) > 1 and pairs[1][1].months() > 12:
        pairs.insert(1, _side_job(rng, archetype, pairs[1][1]))
    house_style = rng.choice(DATE_FORMATS)
    jobs = []
    for role, period in pairs:
        style = house_style if rng.random() < 0.85 else rng.choice(DATE_FORMATS)
        text, start, end = period_text(rng, period, style)
        jobs.append(JobSpec(role.title, role.employer, text, role.bullets, start, end))
    return tuple(jobs)


# --- degrees -------------------------------------------------------------------------------------


def degree_text(rng: random.Random, level: DegreeLevel, field: str) -> str:
    forms = DEGREE_FORMS[level]
    if "Engineering" in field:
        forms += ENGINEERING_FORMS.get(level, ())
    if field in OTHER_FIELDS:
        forms += ARTS_FORMS.get(level, ())
    return rng.choice(forms).format(f=field)


def education_entry(
    rng: random.Random, level: DegreeLevel, technical: bool, finished: int | None
) -> EducationSpec:
    """One printed degree; `finished` None means it is still in progress."""
    field = rng.choice(TECH_FIELDS if technical else OTHER_FIELDS)
    degree = degree_text(rng, level, field)
    school = rng.choice(UNIVERSITIES)
    if finished is None:
        text = rng.choice((f"{degree} (in progress) — {school}", f"{degree}, {school} — expected 2027",
                           f"{school}: {degree}, ongoing"))
        return EducationSpec(text, level, technical, "in_progress")
    text = rng.choice((f"{degree} — {school}, {finished - 3}–{finished}", f"{degree}, {school} ({finished})",
                       f"{school}\n{degree}, {finished}"))
    return EducationSpec(text, level, technical, "completed")


EDUCATION_PLANS: dict[Archetype, tuple[tuple[tuple[DegreeLevel, bool, float], ...], ...]] = {
    # Alternatives of (level, technical field, chance the degree is listed), newest first.
    "tpm": ((("master", True, 0.3), ("bachelor", True, 1.0)), (("mba", False, 1.0), ("bachelor", True, 1.0)),
            (("bachelor", False, 1.0),)),
    "pm": ((("bachelor", False, 1.0),), (("mba", False, 1.0), ("bachelor", False, 1.0)),
           (("master", False, 1.0), ("bachelor", False, 1.0))),
    "technical": ((("bachelor", True, 1.0),), (("master", True, 1.0), ("bachelor", True, 1.0)),
                  (("phd", True, 1.0), ("master", True, 0.5), ("bachelor", True, 1.0)),
                  (("associate", True, 1.0),), (("other", True, 1.0),)),
    "other": ((), (("associate", False, 1.0),), (("bachelor", False, 1.0),)),
}
SCHOOL_LINES = ("A-Levels: English, History, Art", "High School Diploma", "GCSEs (9 subjects)")


def _education(rng: random.Random, archetype: Archetype, career_start: int) -> tuple[EducationSpec, ...]:
    plan = rng.choice(EDUCATION_PLANS[archetype])
    finished = career_start // 12
    entries = []
    for level, technical, chance in plan:
        if rng.random() < chance:
            entries.append(education_entry(rng, level, technical, finished))
        finished -= 2
    if archetype == "other" and (not entries or rng.random() < 0.3):
        studying_computing = rng.random() < 0.5
        entries.insert(0, education_entry(rng, "bachelor", studying_computing, None))
    elif rng.random() < 0.08:
        entries.insert(0, education_entry(rng, "master", archetype != "pm", None))
    if not entries or rng.random() < 0.15:
        entries.append(EducationSpec(rng.choice(SCHOOL_LINES)))
    return tuple(entries)


# --- certifications ------------------------------------------------------------------------------


def _certificate_line(rng: random.Random, cert_id: str) -> str:
    year = rng.randint(2012, 2026)
    suffix = rng.choice(("", "", f" ({year})", f", {year}", f" — issued {MONTHS[rng.randrange(12)][:3]} {year}",
                         f" (valid through {rng.randint(2027, 2029)})"))
    return rng.choice(CERT_VARIANTS[cert_id]) + suffix


def _held_certifications(rng: random.Random, archetype: Archetype, forbidden: frozenset[str]) -> list[str]:
    management = [cert for cert in MANAGEMENT_CERT_WEIGHTS if cert not in forbidden]
    weights = [MANAGEMENT_CERT_WEIGHTS[cert] for cert in management]
    counts = {"tpm": (rng.randint(0, 3), rng.randint(0, 3)), "pm": (rng.randint(0, 3), 0),
              "technical": (0, rng.randint(0, 4)), "other": (0, 0)}[archetype]
    chosen = {rng.choices(management, weights)[0] for _ in range(counts[0])}
    chosen |= set(rng.sample(TECHNICAL_CERT_IDS, counts[1]))
    return sorted(chosen - forbidden)


def _certification_lines(rng: random.Random, held: list[str]) -> list[str]:
    """Printed lines for the held certifications; now and then two share a line."""
    scrum_pair = {"csm", "cspo"} <= set(held) and rng.random() < 0.5
    singles = [cert_id for cert_id in held if not (scrum_pair and cert_id in ("csm", "cspo"))]
    lines = [_certificate_line(rng, cert_id) for cert_id in rng.sample(singles, len(singles))]
    if scrum_pair:
        lines.append("Certified ScrumMaster (CSM), CSPO")
    elif len(lines) >= 3 and rng.random() < 0.2:
        lines[:2] = [f"{lines[0]}, {lines[1]}"]
    return lines


# --- contact and names ---------------------------------------------------------------------------


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("ø", "o").replace("Ø", "O"))
    return "".join(char for char in decomposed if char.isascii() and (char.isalnum() or char in " -."))


def _email(rng: random.Random, first: str, last: str) -> str:
    first, last = ascii_fold(first).lower(), ascii_fold(last).lower().replace(" ", "")
    local = rng.choice((f"{first}.{last}", f"{first[0]}{last}", f"{first}{last}{rng.randint(1, 99)}"))
    return f"{local}@{rng.choice(MAIL_DOMAINS)}"


def _phone(rng: random.Random) -> str:
    digits = rng.randint(100, 999)
    return rng.choice((f"+44 7700 900{digits}", f"+1 (415) 555-0{digits}", f"07700 900{digits}",
                       f"+49 30 5550{digits}", f"+1 312.555.0{digits}"))


def _style(rng: random.Random) -> Style:
    headings = Headings(**{section: rng.choice(names) for section, names in HEADING_CHOICES.items()})
    return Style(
        page=rng.choice(("A4", "Letter")),
        typeface=rng.choice(("sans", "serif")),
        caps_headings=rng.random() < 0.7,
        sidebar_side=rng.choice(("left", "right")),
        dates_right=rng.random() < 0.6,
        skills_inline=rng.random() < 0.4,
        headings=headings,
    )


def _extras(rng: random.Random) -> tuple[ExtraSection, ...]:
    candidates = (
        ExtraSection("Languages", ("English (native)", rng.choice(("German (B2)", "Spanish – conversational",
                                                                    "French (C1)")))),
        ExtraSection("Interests", (rng.choice(("Trail running, chess and cooking", "Choir, hiking, sailing")),)),
        ExtraSection("Volunteering", ("Treasurer, Northbridge Community Garden (2019–2023)",)),
    )
    return tuple(rng.sample(candidates, rng.randint(0, 2)))


# --- putting a CV together -----------------------------------------------------------------------


@dataclass(frozen=True)
class Draft:
    """The choices that shape one generated CV; everything else comes from the random generator."""

    archetype: Archetype
    layout: Layout
    producer: Producer
    traps: tuple[Trap, ...] = ()
    extra_jobs: int = 0  # more jobs than usual, for long (two-page) CVs


def _apply_traps(rng: random.Random, spec: CVSpec, traps: Sequence[Trap]) -> CVSpec:
    """Prints each trap where it belongs and records what it means."""
    summary, jobs, certs, skills = spec.summary, list(spec.jobs), list(spec.certifications), list(spec.skills)
    for trap in traps:
        if trap.place == "summary":
            summary = f"{summary} {trap.text}"
        elif trap.place == "certifications":
            certs.insert(rng.randint(0, len(certs)), trap.text)
        elif trap.place == "skills":
            skills.insert(rng.randint(0, len(skills)), trap.text)
        elif trap.place == "bullet":
            jobs[0] = replace(jobs[0], bullets=(*jobs[0].bullets, trap.text))
        else:
            jobs.append(_trap_job(rng, trap, jobs[-1]))
    return replace(
        spec, summary=summary, jobs=tuple(jobs), certifications=tuple(certs), skills=tuple(skills),
        held=spec.held + sum((trap.held for trap in traps), ()),
        planned=sum((trap.planned for trap in traps), ()),
        expired=sum((trap.expired for trap in traps), ()),
        traps=tuple(trap.description for trap in traps),
    )


def _trap_job(rng: random.Random, trap: Trap, next_newer: JobSpec) -> JobSpec:
    """A job before `next_newer` whose title is the trap."""
    bullets = CUSTOMER_SUCCESS_BULLETS if "Customer" in trap.text else (
        "Facilitated sprint planning, daily stand-ups and retrospectives for two teams",
    )
    employer = rng.choice(TECH_EMPLOYERS)
    if next_newer.start is None:
        return JobSpec(trap.text, employer, "", tuple(_fill(rng, b) for b in bullets))
    end = _month_index(next_newer.start) - 1
    text, start, stop = period_text(rng, Period(end - rng.randint(14, 30), end), rng.choice(DATE_FORMATS))
    return JobSpec(trap.text, employer, text, tuple(_fill(rng, b) for b in bullets), start, stop)


def build_spec(rng: random.Random, draft: Draft) -> CVSpec:
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    archetype = draft.archetype
    jobs = _jobs(rng, _career(rng, archetype, draft.extra_jobs), archetype)
    career_start = min(_month_index(job.start) for job in jobs if job.start is not None)
    forbidden = frozenset().union(*(trap.not_held for trap in draft.traps))
    held = _held_certifications(rng, archetype, forbidden)
    certifications = _certification_lines(rng, held)
    if archetype == "other" and rng.random() < 0.4:
        certifications.append(rng.choice(UNLISTED_CERTIFICATES))
    spec = CVSpec(
        name=f"{first} {last}",
        email=_email(rng, first, last) if rng.random() < 0.95 else None,
        phone=_phone(rng) if rng.random() < 0.9 else None,
        headline=rng.choice(HEADLINES[archetype]),
        summary=rng.choice(SUMMARIES[archetype]),
        jobs=jobs,
        education=_education(rng, archetype, career_start),
        certifications=tuple(certifications),
        skills=tuple(rng.sample(SKILLS[archetype], rng.randint(4, 7))),
        role_fit=archetype,
        location=rng.choice(LOCATIONS) if rng.random() < 0.7 else None,
        extras=_extras(rng),
        layout=draft.layout,
        producer=draft.producer,
        style=_style(rng),
        held=tuple(held),
    )
    return _apply_traps(rng, spec, draft.traps)


def _traps_for(rng: random.Random, archetype: Archetype, required: Trap | None) -> tuple[Trap, ...]:
    """The required trap plus, sometimes, another one that does not contradict it."""
    chosen = [required] if required else []
    fitting = [trap for trap in TRAPS if archetype in trap.archetypes and trap not in chosen]
    if rng.random() < 0.45:
        extra = rng.choice(fitting)
        labelled = {cert for trap in chosen for cert in (*trap.planned, *trap.expired, *trap.held)}
        if not labelled & (extra.not_held | set(extra.held)):
            chosen.append(extra)
    return tuple(chosen)


def eval_drafts(count: int, seed: int) -> list[Draft]:
    """A mix of every archetype, layout and producer; the first len(TRAPS) CVs carry one trap each."""
    rng = random.Random(seed)
    drafts = []
    for index in range(count):
        required = TRAPS[index] if index < len(TRAPS) else None
        archetype = rng.choice(required.archetypes if required else ARCHETYPES)
        traps = _traps_for(rng, archetype, required)
        extra_jobs = 2 if rng.random() < 0.1 else 0
        drafts.append(Draft(archetype, LAYOUTS[index % 4], PRODUCERS[index // 4 % 2], traps, extra_jobs))
    rng.shuffle(drafts)
    return drafts


def file_name(rng: random.Random, name: str) -> str:
    """A file name such as people give their CVs; about one in ten keeps spaces and accents."""
    if rng.random() < 0.1:
        return rng.choice((f"{name} CV.pdf", f"Resume - {name}.pdf"))
    first, _, last = ascii_fold(name).partition(" ")
    last = last.replace(" ", "")
    return rng.choice((
        f"{first}_{last}_CV.pdf", f"{first.lower()}-{last.lower()}-resume.pdf", f"CV_{last}_{first}.pdf",
        f"{first}{last}Resume.pdf", f"resume_{last.lower()}.pdf",
    ))


def eval_corpus(count: int, seed: int) -> dict[str, CVSpec]:
    """`count` labelled CVs keyed by unique file name, the same for the same seed."""
    rng = random.Random(seed)
    corpus: dict[str, CVSpec] = {}
    for draft in eval_drafts(count, rng.randrange(2**32)):
        spec = build_spec(rng, draft)
        name = file_name(rng, spec.name)
        while name in corpus:
            name = name.removesuffix(".pdf") + f" ({len(corpus)}).pdf"
        corpus[name] = spec
    return corpus
