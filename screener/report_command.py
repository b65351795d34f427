"""The `screener report` command: one CV's candidate report as a PDF, with the decision and note of a session."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from screener.blind import blind_label, covers_by_page
from screener.catalogue import load_catalogue
from screener.explain import read_in_a_worker
from screener.models import Candidate
from screener.profiles import apply_profile, load_profile
from screener.settings import Settings
from screener.store import Session

if TYPE_CHECKING:
    from screener.candidate_report import ReportReview

__all__ = ["add_report_command", "run_report_command"]

EXIT_OK, EXIT_USAGE = 0, 2


def add_report_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = commands.add_parser(
        "report",
        help="write one CV's candidate report (PDF): role fit, scores with their evidence, must-haves, the "
        "decision and note, and the CV pages with the evidence framed",
    )
    report.add_argument("file", type=Path, metavar="FILE", help="the CV (PDF)")
    report.add_argument("--out", type=Path, required=True, metavar="REPORT", help="the report to write (PDF)")
    report.add_argument("--profile", type=Path, metavar="FILE", help="role profile (JSON) whose must-haves to check")
    report.add_argument("--session", type=Path, metavar="FILE", help="session file holding the decision and note")
    report.add_argument(
        "--certs", type=Path, metavar="FILE", help="certification catalogue to use instead of the bundled certs.json"
    )
    report.add_argument(
        "--blind",
        action="store_true",
        help="blind review: name the candidate by number (the session's, with --session), leave out contact "
        "details and file name, and cover personal details and photos on the CV pages",
    )


def run_report_command(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        sys.stderr.write(f"screener: no such file: {args.file}\n")
        return EXIT_USAGE
    # reportlab and Pillow load only for this command, not with every other one.
    from screener.candidate_report import cv_pages_to_show, render_cv_pages, write_candidate_report

    settings = Settings(catalogue=load_catalogue(args.certs))
    document, candidate = read_in_a_worker(args.file, settings)
    if args.profile:
        (candidate,) = apply_profile([candidate], load_profile(args.profile))
    review, shown = _review(candidate, args.session), cv_pages_to_show(candidate)
    if args.blind:
        review = dataclasses.replace(review, blind_label=_blind_label(candidate, args.session))
        pages = render_cv_pages(args.file, shown, covers=covers_by_page(args.file, candidate.contact, document))
    else:
        pages = render_cv_pages(args.file, shown)
    write_candidate_report(args.out, candidate, review, pages)
    sys.stdout.write(f"wrote the candidate report {args.out}\n")
    return EXIT_OK


def _blind_label(candidate: Candidate, session_path: Path | None) -> str:
    """The candidate's number in the session, as the app shows it in blind review; without one, no number."""
    if session_path is None or not session_path.is_file():
        return "A candidate in blind review"
    with Session.open(session_path) as session:
        return blind_label(session.blind_numbers([candidate.sha256])[candidate.sha256])


def _review(candidate: Candidate, session_path: Path | None) -> ReportReview:
    from screener.candidate_report import ReportReview

    if session_path is None or not session_path.is_file():
        return ReportReview()
    with Session.open(session_path) as session:
        saved = session.decisions().get(candidate.sha256)
    return ReportReview(saved.decision, saved.note) if saved else ReportReview()
