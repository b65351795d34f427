"""Role profiles: gates read pass, fail or unknown from the CV; profiles survive export and import unchanged."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from screener.catalogue import load_catalogue
from screener.models import Box, Candidate, CertMatch, Degree, DegreeLevel, Job, Scores, Span
from screener.profiles import (
    ProfileError,
    Requirement,
    RoleProfile,
    apply_profile,
    default_profiles,
    evaluate_gates,
    gates_summary,
    load_profile,
    parse_profile,
    profile_to_dict,
    rank_by_profile,
    save_profile,
)

CATALOGUE = load_catalogue()
SPAN = Span("Senior Project Manager, Acme", 1, Box(0, 0, 100, 10), "experience")
TPM, PM = (next(p for p in default_profiles() if p.role == role) for role in ("tpm", "pm"))


def cert(cert_id: str, status: str = "held") -> CertMatch:
    entry = CATALOGUE.by_id(cert_id)
    return CertMatch(entry.id, entry.name, entry.category, status, entry.id, 100.0, entry.weight, SPAN)  # type: ignore[arg-type]


def degree(level: DegreeLevel, technical: bool, status: str = "completed") -> Degree:
    return Degree(level, "Computer Science" if technical else "History", technical, False, status, level, SPAN)  # type: ignore[arg-type]


def person(
    *,
    certs: tuple[CertMatch, ...] = (),
    degrees: tuple[Degree, ...] = (),
    management_years: float | None = None,
    technical_years: float | None = None,
    management: float = 50.0,
    technical: float = 50.0,
    file: str = "cv.pdf",
) -> Candidate:
    dated = management_years is not None or technical_years is not None
    jobs = (Job("Project Manager", "Acme", date(2010, 1, 1), date(2020, 1, 1), True, False, SPAN, ("Led migrations",)),)
    return Candidate(
        file=file,
        sha256=file,
        certifications=certs,
        degrees=degrees,
        jobs=jobs if dated else (),
        years_experience=max(management_years or 0, technical_years or 0) if dated else None,
        years_management=management_years,
        years_technical=technical_years,
        scores=Scores(management, technical, "tpm", ()),
    )


def outcomes(candidate: Candidate, profile: RoleProfile) -> list[str]:
    return [g.outcome for g in evaluate_gates(candidate, profile)]


def test_a_technical_degree_and_a_pmp_pass_both_tpm_gates() -> None:
    candidate = person(certs=(cert("pmp"),), degrees=(degree("bachelor", True),), management_years=0, technical_years=0)
    gates = evaluate_gates(candidate, TPM)
    assert [g.outcome for g in gates] == ["pass", "pass"]
    assert "PMP" in gates[1].evidence
    assert gates_summary(gates) == "✓ 2/2"


def test_years_stand_in_for_a_degree_and_a_certification() -> None:
    candidate = person(degrees=(degree("bachelor", False),), management_years=4, technical_years=3)
    assert outcomes(candidate, TPM) == ["pass", "pass"]


def test_too_few_years_and_no_credentials_fail_with_the_reason_named() -> None:
    candidate = person(degrees=(degree("bachelor", False),), management_years=1, technical_years=2)
    gates = evaluate_gates(candidate, TPM)
    assert [g.outcome for g in gates] == ["fail", "fail"]
    assert "2.0 years in technical roles" in gates[0].evidence
    assert gates_summary(gates).startswith("✗ failed: technical bachelor's degree or higher or ≥ 3 years")


def test_no_dates_and_no_degree_leave_the_gates_unknown() -> None:
    gates = evaluate_gates(person(), TPM)
    # No PM certification is a plain fail, but undated jobs leave "or 3 years managing" open.
    assert [g.outcome for g in gates] == ["unknown", "unknown"]
    assert "no dated jobs" in gates[0].evidence
    assert outcomes(person(certs=(cert("csm"),)), PM) == ["unknown", "unknown"]


def test_a_failed_file_is_unknown_on_every_gate() -> None:
    failed = Candidate(file="broken.pdf", sha256="", status="error", error="not a PDF")
    assert outcomes(failed, TPM) == ["unknown", "unknown"]


def test_planned_certifications_and_degrees_in_progress_do_not_pass() -> None:
    candidate = person(certs=(cert("pmp", "planned"),), degrees=(degree("bachelor", True, "in_progress"),))
    gates = evaluate_gates(candidate, RoleProfile("x", "tpm", (Requirement("held_pm_certification"),)))
    assert gates[0].outcome == "fail" and "(planned)" in gates[0].evidence
    assert outcomes(candidate, PM) == ["unknown", "fail"]


def test_keyword_gate_looks_in_job_titles_and_duties() -> None:
    profile = RoleProfile(
        "x", "pm", (Requirement("keyword", keyword="migrations"), Requirement("keyword", keyword="SAP"))
    )
    assert outcomes(person(management_years=3), profile) == ["pass", "fail"]


def test_a_failed_gate_ranks_below_a_weaker_candidate_who_passes() -> None:
    strong_but_failing = person(management_years=0, technical_years=0, management=90, technical=90, file="a.pdf")
    passing = person(
        certs=(cert("pmp"),), degrees=(degree("bachelor", True),), management=45, technical=45, file="b.pdf"
    )
    ranked = rank_by_profile([strong_but_failing, passing], TPM)
    assert [c.file for c in ranked] == ["b.pdf", "a.pdf"]
    assert ranked[1].profile_fit is not None and ranked[1].profile_fit.failed_gates


def test_a_cv_that_says_nothing_never_ranks_above_known_evidence() -> None:
    empty = replace(person(management=0, technical=0, file="a_retail.pdf"), scores=Scores(0.0, 0.0, "other", ()))
    pm = replace(
        person(certs=(cert("pmp"),), degrees=(degree("bachelor", False),), management_years=6, technical_years=0),
        file="b_pm.pdf",
        scores=Scores(90.0, 10.0, "pm", ()),
    )
    ranked = rank_by_profile([empty, pm], TPM)
    assert [c.file for c in ranked] == ["b_pm.pdf", "a_retail.pdf"]
    assert [outcomes(c, TPM) for c in ranked] == [["fail", "pass"], ["unknown", "unknown"]]
    assert gates_summary(evaluate_gates(empty, TPM)).startswith("0/2, ? unknown")  # still shown as unknown


def test_nice_to_haves_lift_a_candidate_but_never_change_the_scores() -> None:
    plain = person(degrees=(degree("bachelor", True),), management_years=3, technical_years=3, file="a.pdf")
    certified = replace(plain, certifications=(cert("pmp"),), file="b.pdf", scores=replace(plain.scores, management=45))  # type: ignore[type-var]
    ranked = rank_by_profile([plain, certified], TPM)
    assert [c.file for c in ranked] == ["b.pdf", "a.pdf"]  # 5 fewer points, 10 nice-to-have points
    assert ranked[0].scores == certified.scores
    assert apply_profile(ranked, None)[0].profile_fit is None


requirements = st.deferred(
    lambda: st.one_of(
        st.just(Requirement("held_pm_certification")),
        st.builds(Requirement, st.just("years_technical_min"), years=st.floats(0, 60).map(lambda y: round(y, 1))),
        st.builds(Requirement, st.just("degree_min_level"), level=st.sampled_from(["bachelor", "master", "phd"])),
        st.builds(Requirement, st.just("keyword"), keyword=st.text(min_size=1).filter(str.strip).map(str.strip)),
        st.builds(Requirement, st.just("held_certification"), certification=st.sampled_from(["pmp", "ccna"])),
    )
)


@given(
    st.text(min_size=1).filter(str.strip).map(str.strip),
    st.lists(
        st.one_of(
            requirements,
            st.lists(requirements, min_size=2, max_size=3).map(
                lambda options: Requirement("any_of", any_of=tuple(options))
            ),
        ),
        max_size=4,
    ),
    st.lists(st.tuples(requirements, st.integers(0, 100)), max_size=3),
)
def test_profiles_round_trip_through_export_and_import(
    name: str, musts: list[Requirement], nice: list[tuple[Requirement, int]]
) -> None:
    profile = RoleProfile(name, "tpm", tuple(musts), tuple(replace(r, weight=float(w)) for r, w in nice))
    assert parse_profile(json.loads(json.dumps(profile_to_dict(profile))), "test") == profile


@pytest.mark.parametrize("profile", default_profiles(), ids=lambda p: p.name)
def test_default_profiles_round_trip_through_a_file(profile: RoleProfile, tmp_path: Path) -> None:
    path = tmp_path / "profile.json"
    save_profile(profile, path)
    assert load_profile(path) == profile


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["must_haves"][0].update(weight=5), "must_haves[0]: field 'weight' does not belong"),
        (lambda d: d["must_haves"][0]["any_of"][1].update(years=-1), "must_haves[0].any_of[1]: field 'years'"),
        (lambda d: d["must_haves"][1].update(kind="astrology"), "must_haves[1]: field 'kind' must be one of"),
        (lambda d: d["nice_to_haves"][0].pop("weight"), "nice_to_haves[0]: missing field 'weight'"),
        (lambda d: d.update(role="ceo"), "field 'role' must be one of tpm, pm"),
        (lambda d: d["must_haves"][0]["any_of"][0].update(level="bsc"), "field 'level' must be one of"),
        (lambda d: d.update(schema_version=9), "schema_version 9 is not supported"),
    ],
)
def test_an_invalid_profile_is_refused_naming_the_entry_and_field(change: object, message: str) -> None:
    data = profile_to_dict(TPM)
    change(data)  # type: ignore[operator]
    with pytest.raises(ProfileError, match=re.escape(message)):
        parse_profile(data, "shared.json")
