"""`python -m screener.eval`: generated sets keep their report; real-CV labels are scored as the reference scorer."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from cvgen.__main__ import write_set
from cvgen.corpus import eval_corpus
from cvgen.render import render
from cvgen.spec import labels_for
from screener import eval as screener_eval
from screener.catalogue import load_catalogue
from screener.eval import (
    LabelledFile,
    ReferenceTally,
    evaluate,
    last_day,
    reference_report,
    screen_labelled,
    tally_reference,
)
from screener.models import Box, Candidate, CertMatch, Contact, Degree, Scores, Span

SPAN = Span("", 1, Box(0, 0, 1, 1), "other")


def _cert(cert_id: str, status: str = "held") -> CertMatch:
    return CertMatch(cert_id, cert_id, "management", status, cert_id, 100.0, 1.0, SPAN)  # type: ignore[arg-type]


def _degree(level: str, technical: bool, status: str = "completed") -> Degree:
    return Degree(level, "", technical, False, status, "", SPAN)  # type: ignore[arg-type]


def _candidate(**found: Any) -> Candidate:
    scores = Scores(10.0, 20.0, found.pop("role_fit", "technical"), ())
    return Candidate("cv.pdf", "0" * 64, contact=Contact(name=found.pop("name", None)), scores=scores, **found)


def _label(**labelled: Any) -> dict[str, Any]:
    empty: dict[str, Any] = {"held": [], "planned": [], "expired": [], "traps": [], "degrees": []}
    return {**empty, "name": None, "years": None, "role_fit": "technical", **labelled}


def _tally(candidate: Candidate, label: dict[str, Any]) -> ReferenceTally:
    tally = ReferenceTally()
    tally_reference(tally, candidate, label, "cv.pdf")
    return tally


def test_present_is_the_last_day_of_the_month_the_cv_was_written() -> None:
    assert last_day("2024-02") == date(2024, 2, 29)
    assert last_day("2023-11") == date(2023, 11, 30)
    assert last_day(None) is None


def test_variants_of_one_credential_count_once() -> None:
    tally = _tally(_candidate(certifications=(_cert("prince2_practitioner"),)), _label(held=["prince2_foundation"]))
    assert (tally.right, tally.wrong, tally.missed) == (1, 0, 0)
    assert tally.disagreements == []


def test_a_pursued_credential_reported_as_held_is_wrong_and_a_leak() -> None:
    tally = _tally(_candidate(certifications=(_cert("pmp"), _cert("aws_saa"))), _label(planned=["pmp"]))
    assert (tally.right, tally.wrong, tally.missed, tally.not_held_as_held) == (0, 1, 0, 1)
    assert tally.disagreements == ["cv.pdf: held PM certifications: want [], got ['PMP']"]


def test_planned_findings_are_not_held() -> None:
    tally = _tally(_candidate(certifications=(_cert("pmp", "planned"),)), _label(held=["pmp"]))
    assert (tally.right, tally.missed) == (0, 1)


def test_degrees_in_progress_and_diplomas_are_left_out() -> None:
    label = _label(degrees=[{"level": "diploma", "technical": True, "status": "completed"}])
    assert _tally(_candidate(), label).counted["technical degree"] == 0
    label = _label(
        degrees=[
            {"level": "bachelor", "technical": False, "status": "completed"},
            {"level": "master", "technical": True, "status": "in_progress"},
        ]
    )
    found = (_degree("bachelor", False), _degree("phd", True, "in_progress"))
    tally = _tally(_candidate(degrees=found), label)
    assert tally.agreed["technical degree"] == tally.agreed["top degree level"] == 1
    tally = _tally(_candidate(degrees=(_degree("master", True),)), label)
    assert tally.disagreements == [
        "cv.pdf: technical degree: want False, got True",
        "cv.pdf: top degree level: want 2, got 3",
    ]


def test_years_within_tolerance_and_none_is_a_miss() -> None:
    assert _tally(_candidate(years_experience=11.4), _label(years=10.0)).agreed["years"] == 1
    assert _tally(_candidate(years_experience=11.6), _label(years=10.0)).agreed["years"] == 0
    tally = _tally(_candidate(), _label(years=0.0))
    assert tally.disagreements == ["cv.pdf: years: want 0.0, got None"]
    assert _tally(_candidate(), _label()).counted["years"] == 0  # no dated job in the labels: not counted


def test_role_fit_and_name_disagreements_read_as_the_reference_scorer_writes_them() -> None:
    tally = _tally(_candidate(role_fit="pm", name="Dana  WHITFIELD"), _label(role_fit="tpm", name="Dana Whitfield"))
    assert tally.disagreements == ["cv.pdf: role fit: want tpm, got pm (management 10.0, technical 20.0)"]
    assert tally.agreed["name"] == 1
    unread = Candidate("cv.pdf", "", status="error", error="damaged")
    tally = _tally(unread, _label(name="Dana"))
    assert tally.disagreements == [
        "cv.pdf: not read: damaged",
        "cv.pdf: role fit: want technical, got None (management None, technical None)",
        "cv.pdf: name: want 'Dana', got None",
    ]


def test_the_report_prints_the_reference_scorer_figures() -> None:
    tally = _tally(_candidate(certifications=(_cert("pmp"),), name="Dana"), _label(held=["pmp", "csm"], name="Ann"))
    assert reference_report(tally, errors=1).splitlines() == [
        "  cv.pdf: held PM certifications: want ['CSM', 'PMP'], got ['PMP']",
        "held PM certifications: F1 0.667 (right 1, wrong 0, missed 1); planned/expired/trap reported as held: 0",
        "technical-degree flag: 0/0 (0%); top degree level: 0/0 (0%)",
        "years within 1.5: 0/0 (0%); role fit: 1/1 (100%); name: 0/1 (0%)",
    ]


@pytest.fixture(scope="module")
def real_format_set(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three generated CVs labelled in the real CVs' format, two of them written in a later month."""
    root = tmp_path_factory.mktemp("real")
    (root / "pdfs").mkdir()
    labels = []
    for index, (name, spec) in enumerate(eval_corpus(3, seed=5).items()):
        render(spec, root / "pdfs" / name)
        labels.append({**labels_for(spec).to_json(), "file": name, "cv_date": "2027-03" if index else "2026-11"})
    (root / "labels.json").write_text(json.dumps(labels), encoding="utf-8")
    return root


def test_each_real_cv_is_screened_as_of_its_own_date(real_format_set: Path) -> None:
    labels = json.loads((real_format_set / "labels.json").read_text(encoding="utf-8"))
    files = [LabelledFile(real_format_set / "pdfs" / e["file"], e, last_day(e["cv_date"])) for e in labels]
    candidates = screen_labelled(files, load_catalogue(), workers=2)
    assert [Path(c.file).name for c in candidates] == [e["file"] for e in labels]
    present = {
        (labelled.as_of, job.end)
        for labelled, c in zip(files, candidates, strict=True)
        for job in c.jobs
        if job.open_ended
    }
    assert present == {(date(2026, 11, 30), date(2026, 11, 30)), (date(2027, 3, 31), date(2027, 3, 31))}


def test_real_format_labels_get_the_reference_report(real_format_set: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert screener_eval.main([str(real_format_set), "--workers", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-3].startswith("held PM certifications: F1 ")
    assert lines[-1].endswith("name: 3/3 (100%)")


def test_generated_sets_keep_their_report(tmp_path: Path) -> None:
    write_set(eval_corpus(3, seed=5), tmp_path)
    evaluation = evaluate([tmp_path], workers=2)
    assert evaluation.generated.files == 3 and evaluation.real.files == 0
    assert evaluation.generated.names_right == 3


def test_without_labels_the_real_cvs_are_the_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(screener_eval, "REAL_CV_LABELS", tmp_path / "absent" / "labels.json")
    with pytest.raises(SystemExit) as exit_info:
        screener_eval.main([])
    assert exit_info.value.code == 2
