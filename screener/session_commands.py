"""The `screener session` and `screener cache` commands: read a session's decision log, delete what a session or the
cache holds about people."""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from screener.cache import ExtractionCache, default_cache_path
from screener.decision_log import LogEntry, format_log
from screener.errors import SessionError
from screener.source_file import readable_path
from screener.store import Session, delete_session_files
from screener.user_settings import load_user_settings

__all__ = ["add_session_commands", "apply_retention", "run_cache_command", "run_session_command"]

EXIT_OK, EXIT_USAGE = 0, 2


def _age(text: str) -> timedelta:
    found = re.fullmatch(r"(\d+)d?", text.strip())
    if not found or int(found[1]) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not an age in days, such as 180d")
    return timedelta(days=int(found[1]))


def add_session_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `session delete|purge|remove|log` and `cache purge` to the command line."""
    session = commands.add_parser("session", help="delete a session, or candidates from it")
    actions = session.add_subparsers(dest="action", metavar="ACTION", required=True)
    delete = actions.add_parser("delete", help="delete a session file with everything it holds")
    delete.add_argument("session", type=Path, metavar="SESSION", help="the session file")
    purge = actions.add_parser(
        "purge",
        help="remove candidates screened longer ago than an age, with their extraction, decision and note",
    )
    purge.add_argument(
        "--older-than",
        type=_age,
        metavar="AGE",
        help="an age in days, such as 180d (default: retention_days in the settings)",
    )
    purge.add_argument(
        "session", type=Path, nargs="?", metavar="SESSION", help="the session file (default: the desktop app's)"
    )
    remove = actions.add_parser("remove", help="remove candidates by file, with their extraction, decision and note")
    remove.add_argument("session", type=Path, metavar="SESSION", help="the session file")
    remove.add_argument("files", nargs="+", metavar="FILE", help="the files as the session lists them")
    log = actions.add_parser("log", help="print the session's decision log: who decided what, when, and on what scores")
    log.add_argument("session", type=Path, metavar="SESSION", help="the session file")
    log.add_argument(
        "--blind", action="store_true", help="blind review: name each candidate by their number in the session"
    )
    cache = commands.add_parser("cache", help="the extractions `screener screen` keeps to avoid reading a CV twice")
    cache_actions = cache.add_subparsers(dest="action", metavar="ACTION", required=True)
    cache_actions.add_parser("purge", help="delete the whole cache")


def apply_retention(session: Session) -> int:
    """Purge what the retention setting no longer keeps (off by default); how many files went."""
    days = load_user_settings().retention_days
    if days is None:
        return 0
    return len(session.purge_older_than(datetime.now(timezone.utc) - timedelta(days=days)))


def run_session_command(args: argparse.Namespace) -> int:
    if args.action == "delete":
        Session.delete(args.session)
        sys.stdout.write(f"deleted the session {args.session}\n")
        return EXIT_OK
    if args.action == "purge":
        return _purge(args)
    if args.action == "log":
        return _print_log(args.session, args.blind)
    return _remove(args)


def _print_log(path: Path, blind: bool) -> int:
    if not path.is_file():  # opening would create an empty session
        sys.stderr.write(f"screener: no such session file: {path}\n")
        return EXIT_USAGE
    with Session.open(path) as session:
        entries = session.decision_log()
        if blind:
            sys.stdout.write("Decision log (blind review)\n")
            entries = _by_number(session, entries)
        sys.stdout.write(format_log(entries) + "\n")
    return EXIT_OK


def _by_number(session: Session, entries: list[LogEntry]) -> list[LogEntry]:
    """The entries with each candidate named by their number, as the app names them in blind review (one not
    numbered yet gets the next, in content-hash order as the app gives them)."""
    from screener.blind import blind_label  # here: it loads the PDF libraries the other commands need not

    numbers = session.blind_numbers(sorted({entry.sha256 for entry in entries if entry.sha256}))
    return [replace(e, candidate=blind_label(numbers[e.sha256])) if e.sha256 else e for e in entries]


def _purge(args: argparse.Namespace) -> int:
    age: timedelta | None = args.older_than
    if age is None:
        days = load_user_settings().retention_days
        if days is None:
            sys.stderr.write("screener: give --older-than AGE (no retention_days is set in the settings)\n")
            return EXIT_USAGE
        age = timedelta(days=days)
    with Session.open(args.session) as session:
        removed = len(session.purge_older_than(datetime.now(timezone.utc) - age))
        sys.stdout.write(f"removed {removed} files screened more than {age.days} days ago from {session.path}\n")
    return EXIT_OK


def _remove(args: argparse.Namespace) -> int:
    """Remove each file from the session and its content from the cache, so neither keeps the person."""
    missing = []
    with Session.open(args.session) as session:
        for file in args.files:
            # As the session lists it (the path as it was given when screened), else in full.
            removed = session.remove_candidate(file) or session.remove_candidate(str(Path(file).absolute()))
            if removed is None:
                missing.append(file)
            elif removed.extraction is not None:
                _forget_cached(str(removed.file["sha256"]))
    for file in missing:
        sys.stderr.write(f"screener: {readable_path(file)} is not in the session\n")
    return EXIT_USAGE if missing else EXIT_OK


def _forget_cached(sha256: str) -> None:
    path = default_cache_path()
    if path.exists():
        with ExtractionCache.open(path) as cache:
            cache.forget(sha256)


def run_cache_command(args: argparse.Namespace) -> int:
    path = default_cache_path()
    try:
        delete_session_files(path)
    except OSError as exc:
        raise SessionError(f"The extraction cache {path} could not be deleted ({exc.strerror or exc}).") from exc
    sys.stdout.write(f"deleted the extraction cache {path}\n")
    return EXIT_OK
