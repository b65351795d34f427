"""The `screener` command: `screen` ranks CVs in the terminal, `inspect` shows how one CV was read, `gui` (the
default) opens the desktop app."""

from __future__ import annotations

import argparse
import errno
import logging
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from screener.batch import find_pdfs, screen_files
from screener.cache import ExtractionCache
from screener.catalogue import load_catalogue
from screener.errors import ScreenerError, UnreadablePdfError
from screener.explain import explain_file
from screener.export import results_json, table_row, write_csv_file
from screener.models import Candidate
from screener.profiles import load_profile, rank_by_profile
from screener.ranking import rank_candidates
from screener.report_command import add_report_command, run_report_command
from screener.session_commands import add_session_commands, apply_retention, run_cache_command, run_session_command
from screener.settings import Settings
from screener.source_file import readable_path
from screener.store import Session
from screener.user_settings import load_user_settings

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
# The commands this module runs itself, with no display; any other opens the desktop app (ui.launcher).
ENGINE_COMMANDS = ("screen", "inspect", "session", "cache", "report")


class TerminalProgress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._enabled = stream.isatty()
        self._started = time.monotonic()

    def on_started(self, total: int) -> None:
        self._started = time.monotonic()

    def on_result(self, candidate: Candidate, done: int, total: int) -> None:
        if not self._enabled:
            return
        width = 30
        filled = width * done // max(total, 1)
        rate = done / max(time.monotonic() - self._started, 1e-6)
        self._stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {rate:.0f} CV/s")
        if done == total:
            self._stream.write("\n")
        self._stream.flush()

    def is_cancelled(self) -> bool:
        return False


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date in the form YYYY-MM-DD") from None


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of at least 1")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="screener",
        description="Screen CV PDFs for project-management and technical evidence, offline.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = commands.add_parser("gui", help="open the desktop app (the default when no command is given)")
    gui.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="PDF files or folders to screen at start")
    gui.add_argument(
        "--session",
        type=Path,
        metavar="FILE",
        help="open this session file, creating it if need be (default: the session open when the app last closed)",
    )
    screen = commands.add_parser(
        "screen",
        help="screen PDF files or folders and print a ranked table",
        description="Screen PDF files (folders are searched for *.pdf) and print a ranked table. "
        "Exit status: 0 all files screened, 1 some could not be read, 2 usage error.",
    )
    screen.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="PDF files or folders of PDFs")
    screen.add_argument("--json", metavar="FILE", help="write the full results as JSON to FILE ('-' for stdout)")
    screen.add_argument("--csv", type=Path, metavar="FILE", help="write one row per candidate to FILE (CSV)")
    screen.add_argument(
        "--certs", type=Path, metavar="FILE", help="certification catalogue to use instead of the bundled certs.json"
    )
    screen.add_argument("--workers", type=_positive, metavar="N", help="worker processes (default: all cores)")
    screen.add_argument(
        "--session",
        type=Path,
        metavar="FILE",
        help="keep every result in this review session file as it finishes, so a rerun after a crash or with "
        "more files reads only what is new (default: no session; only a cache of extractions by content)",
    )
    screen.add_argument(
        "--profile",
        type=Path,
        metavar="FILE",
        help="role profile (JSON, as exported from the app) whose must-haves are checked for every candidate; "
        "the table ranks by it instead of --role",
    )
    screen.add_argument(
        "--role",
        choices=("tpm", "pm"),
        default="tpm",
        help="rank for a technical project manager (default) or a project manager opening",
    )
    inspect = commands.add_parser(
        "inspect",
        help="show how one CV was read: its blocks and sections, jobs, degrees, certifications, contact and scores",
        description="Show how one PDF was read: every block with its page and section (headings marked), then "
        "each job, degree and certification with the line that decided it, the contact, the years and the "
        "scores. Exit status: 0 read, 1 the file could not be read, 2 usage error.",
    )
    inspect.add_argument("file", type=Path, metavar="FILE", help="the PDF to read")
    inspect.add_argument(
        "--certs", type=Path, metavar="FILE", help="certification catalogue to use instead of the bundled certs.json"
    )
    add_session_commands(commands)
    add_report_command(commands)
    for command in (screen, inspect):
        command.add_argument(
            "--as-of",
            type=_iso_date,
            metavar="YYYY-MM-DD",
            help="the day 'Present' means in a CV (default: today), for reproducible runs",
        )
    return parser


def _number(value: object) -> str:
    return f"{value:.1f}" if isinstance(value, (int, float)) else ""


def _print_table(candidates: Sequence[Candidate], out: TextIO) -> None:
    header = f"{'#':>3}  {'name':<24} {'fit':<9} {'mgmt':>5} {'tech':>5} {'years':>5}  {'held certifications':<34} file"
    out.write(header + "\n" + "-" * len(header) + "\n")
    for rank, candidate in enumerate(candidates, 1):
        row = table_row(candidate)
        if candidate.status != "ok":
            out.write(
                f"{rank:>3}  {'(not screened)':<24} {candidate.status:<9} {'':>5} {'':>5} {'':>5}  "
                f"{candidate.error or '':<34} {row['file']}\n"
            )
            continue
        certs = str(row["held_certifications"])
        certs = certs if len(certs) <= 34 else certs[:33] + "…"
        out.write(
            f"{rank:>3}  {str(row['name'])[:24]:<24} {row['role_fit']!s:<9} {_number(row['management_score']):>5} "
            f"{_number(row['technical_score']):>5} {_number(row['years_experience']):>5}  {certs:<34} {row['file']}\n"
        )


def _unwritable_reason(path: Path) -> str | None:
    """Why `path` cannot be written, found by opening it as the export will (permissions alone do not tell on
    Windows); None when it can. A file created by the probe is removed again."""
    existed = path.exists()
    try:
        with path.open("a", encoding="utf-8"):
            pass
    except OSError as exc:
        return str(exc.strerror or exc)
    if not existed:
        path.unlink(missing_ok=True)
    return None


def _refuse_unwritable_outputs(args: argparse.Namespace) -> bool:
    """Say which output cannot be written before any CV is screened, rather than after the whole batch."""
    outputs = [Path(args.json)] if args.json and args.json != "-" else []
    outputs += [args.csv] if args.csv else []
    for path in outputs:
        reason = _unwritable_reason(path)
        if reason:
            sys.stderr.write(f"screener: cannot write {path} ({reason}); choose another file\n")
            return True
    return False


def _write_outputs(args: argparse.Namespace, results: Sequence[Candidate], settings: Settings) -> bool:
    """Write the --json and --csv files; False, having said which file and why, when one cannot be written."""
    writers: list[tuple[Path, Callable[[Path], object]]] = []
    if args.json and args.json != "-":
        text = results_json(results, settings.catalogue)
        writers.append((Path(args.json), lambda path: path.write_text(text, encoding="utf-8")))
    if args.csv:
        writers.append((args.csv, lambda path: write_csv_file((table_row(c) for c in results), path)))
    for path, write in writers:
        try:
            write(path)
        except OSError as exc:  # checked before screening, so what is left is a disk that filled up meanwhile
            room = f"; free space on {path.parent} and run again" if exc.errno == errno.ENOSPC else ""
            sys.stderr.write(f"screener: cannot write {path} ({exc.strerror or exc}){room}\n")
            return False
    return True


def _screen_into_session(files: list[Path], settings: Settings, args: argparse.Namespace) -> list[Candidate]:
    """Record every result in the named review session, resuming what it holds."""
    with Session.open(args.session) as session:
        apply_retention(session)
        return screen_files(
            files, settings, workers=args.workers, progress=TerminalProgress(sys.stderr), session=session
        )


def _screen_cached(files: list[Path], settings: Settings, args: argparse.Namespace) -> list[Candidate]:
    """Screen without touching any review session: a scripted run must not fill the reviewer's list."""
    with ExtractionCache.open(limits=load_user_settings().cache_limits()) as cache:
        return screen_files(files, settings, workers=args.workers, progress=TerminalProgress(sys.stderr), cache=cache)


def _screen(args: argparse.Namespace) -> int:
    missing = [p for p in args.paths if not p.exists()]
    if missing:
        sys.stderr.write(f"screener: no such file or folder: {missing[0]}\n")
        return EXIT_USAGE
    if _refuse_unwritable_outputs(args):
        return EXIT_USAGE
    settings = Settings(catalogue=load_catalogue(args.certs), as_of=args.as_of)
    profile = load_profile(args.profile) if args.profile else None
    files = find_pdfs(args.paths)
    if not files:
        sys.stderr.write("screener: no PDF files found in the given paths\n")
        return EXIT_USAGE
    screened = _screen_into_session(files, settings, args) if args.session else _screen_cached(files, settings, args)
    results = rank_by_profile(screened, profile) if profile else rank_candidates(screened, args.role)
    if args.json == "-":
        sys.stdout.write(results_json(results, settings.catalogue))
        sys.stdout.write("\n")
    else:
        _print_table(results, sys.stdout)
    if not _write_outputs(args, results, settings):
        return EXIT_SOME_FAILED
    failed = [c for c in results if c.status == "error"]
    for candidate in failed:
        sys.stderr.write(f"screener: could not screen {readable_path(candidate.file)}: {candidate.error}\n")
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _inspect(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        sys.stderr.write(f"screener: no such file: {args.file}\n")
        return EXIT_USAGE
    settings = Settings(catalogue=load_catalogue(args.certs), as_of=args.as_of)
    try:
        sys.stdout.write(explain_file(args.file, settings) + "\n")
    except UnreadablePdfError as exc:
        sys.stderr.write(f"screener: could not read {args.file}: {exc}\n")
        return EXIT_SOME_FAILED
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    try:
        if args.command == "screen":
            return _screen(args)
        if args.command == "inspect":
            return _inspect(args)
        if args.command == "session":
            return run_session_command(args)
        if args.command == "cache":
            return run_cache_command(args)
        if args.command == "report":
            return run_report_command(args)
    except ScreenerError as exc:
        sys.stderr.write(f"screener: {exc}\n")
        return EXIT_USAGE
    # The engine never imports the desktop app; the `screener` command (ui.launcher) opens it.
    sys.stderr.write("screener: this entry point only screens; run `screener gui` for the desktop app\n")
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
