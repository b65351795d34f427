"""Screening throughput of the command line against poppler's pdftotext on the same files, measured in one run.

    python bench/throughput.py DIR [--rounds 3] [--workers N] [--as-of YYYY-MM-DD] [--no-session]

Each round runs `screener screen DIR` as a user does (its own process, a new session file, default workers
unless --workers, JSON and CSV written), then `pdftotext FILE -` over the same files one after another,
and prints both rates and their ratio; rounds alternate the two so a drift in the machine's speed hits both.
The median of the rounds' ratios is the figure to quote. Characters per file (pdftotext's output) let a
figure be compared across folders: cost follows characters, not pages.

To keep the cache from helping, give every file unique content (e.g. copies with a unique `%` comment line
appended after `%%EOF`). Settings, caches and sessions live in a scratch folder, never the user's.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without installing

from screener.batch import find_pdfs


def screen_command(folder: Path, scratch: Path, args: argparse.Namespace) -> list[str]:
    """The command line a user runs, with a new session and outputs in `scratch`."""
    executable = shutil.which("screener") or ""
    command = [executable] if executable else [sys.executable, "-c", "from ui.launcher import main; main()"]
    command += ["screen", str(folder), "--json", str(scratch / "out.json"), "--csv", str(scratch / "out.csv")]
    if not args.no_session:
        command += ["--session", str(scratch / "session.sqlite")]
    if args.workers:
        command += ["--workers", str(args.workers)]
    if args.as_of:
        command += ["--as-of", args.as_of]
    return command


def scratch_environment(scratch: Path) -> dict[str, str]:
    """The environment with the user's settings, cache and data folders moved into `scratch`."""
    env = dict(os.environ)
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
        env[name] = str(scratch / name.lower())
    return env


def cache_bytecode() -> None:
    """Compile the screener's modules as installing it does: in a checkout run with PYTHONDONTWRITEBYTECODE
    set, every worker would otherwise compile every module from source, about a tenth of a second each."""
    import screener
    import ui

    for package in (screener, ui):
        compileall.compile_dir(package.__path__[0], quiet=1)


def _children_processor_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # finished children and whatever they waited for
    return usage.ru_utime + usage.ru_stime


class Timing(NamedTuple):
    wall: float
    processor: float


def time_screening(folder: Path, args: argparse.Namespace) -> Timing:
    """Wall and processor seconds for one cold `screener screen` run, in a scratch folder removed afterwards."""
    with tempfile.TemporaryDirectory() as name:
        scratch = Path(name)
        command = screen_command(folder, scratch, args)
        processor, started = _children_processor_seconds(), time.perf_counter()
        done = subprocess.run(command, env=scratch_environment(scratch), capture_output=True, check=False)
        elapsed = Timing(time.perf_counter() - started, _children_processor_seconds() - processor)
    if done.returncode not in (0, 1):  # 1: some files could not be read, which is a result
        sys.stderr.write(done.stderr.decode(errors="replace"))
        raise SystemExit(f"screener exited with status {done.returncode}")
    return elapsed


def time_pdftotext(files: list[Path]) -> tuple[Timing, int]:
    """Wall and processor seconds for `pdftotext FILE -` over the files one after another, and the characters
    it printed."""
    characters = 0
    processor, started = _children_processor_seconds(), time.perf_counter()
    for path in files:
        done = subprocess.run(["pdftotext", str(path), "-"], check=False, capture_output=True)
        characters += len(done.stdout.decode("utf-8", errors="replace"))
    return Timing(time.perf_counter() - started, _children_processor_seconds() - processor), characters


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--rounds", type=int, default=3, help="paired runs of both (default: 3)")
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default: the screener's)")
    parser.add_argument("--as-of", default=None, help="passed on to screener screen")
    parser.add_argument("--no-session", action="store_true", help="screen without --session (the cache only)")
    args = parser.parse_args()
    if shutil.which("pdftotext") is None:
        print("pdftotext (poppler-utils) is not installed", file=sys.stderr)
        return 2
    files = find_pdfs([args.folder])
    if not files:
        print(f"no PDF files under {args.folder}", file=sys.stderr)
        return 2
    cache_bytecode()
    screen_rates, reference_rates, ratios, processor_ratios, characters = [], [], [], [], 0
    for round_number in range(1, args.rounds + 1):
        screening = time_screening(args.folder, args)
        reference, characters = time_pdftotext(files)
        screen_rates.append(len(files) / screening.wall)
        reference_rates.append(len(files) / reference.wall)
        ratios.append(reference.wall / screening.wall)
        processor_ratios.append(reference.processor / screening.processor)
        print(
            f"round {round_number}: screener {screening.wall:.2f} s ({screen_rates[-1]:.1f} CV/s, "
            f"{screening.processor:.1f} processor s), pdftotext {reference.wall:.2f} s ({reference_rates[-1]:.1f} "
            f"CV/s, {reference.processor:.1f} processor s), ratio {ratios[-1]:.2f}"
        )
    session = "off" if args.no_session else "on"
    print(f"files: {len(files)}, characters per file (pdftotext): {characters / len(files):,.0f}")
    print(
        f"screener screen (session {session}, workers={args.workers or 'default'}, --json and --csv): "
        f"{statistics.median(screen_rates):.1f} CV/s (median)"
    )
    print(f"pdftotext FILE - (one file at a time): {statistics.median(reference_rates):.1f} CV/s (median)")
    print(f"ratio screener / pdftotext: {statistics.median(ratios):.2f} (median of {args.rounds} paired rounds)")
    # Processor time is what a loaded machine distorts least (the screener's workers run at low priority).
    print(f"processor-time ratio pdftotext / screener: {statistics.median(processor_ratios):.2f} (median)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
