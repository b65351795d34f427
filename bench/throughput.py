"""Screening throughput against poppler's pdftotext on the same files, measured in one run.

    python bench/throughput.py DIR [--workers N] [--backend pdfium|pdfplumber]

Screens every PDF under DIR cold (the worker pool is started inside the timing), then runs `pdftotext`
over the same files one after another, and prints both rates and their ratio.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without installing

from screener.batch import find_pdfs, screen_files
from screener.settings import Settings


def time_screening(files: list[Path], workers: int | None, settings: Settings) -> float:
    started = time.perf_counter()
    results = screen_files(files, settings, workers=workers)
    elapsed = time.perf_counter() - started
    failed = sum(c.status == "error" for c in results)
    print(f"screened {len(results)} files ({failed} not screened) in {elapsed:.2f} s")
    return elapsed


def time_pdftotext(files: list[Path]) -> float:
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "out.txt"
        started = time.perf_counter()
        for path in files:
            subprocess.run(["pdftotext", str(path), str(out)], check=False, capture_output=True)
        return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default: all cores)")
    parser.add_argument("--backend", choices=("pdfium", "pdfplumber"), default="pdfium")
    args = parser.parse_args()
    if shutil.which("pdftotext") is None:
        print("pdftotext (poppler-utils) is not installed", file=sys.stderr)
        return 2
    files = find_pdfs([args.folder])
    settings = Settings(backend=args.backend)
    screening = time_screening(files, args.workers, settings)
    reference = time_pdftotext(files)
    screen_rate, reference_rate = len(files) / screening, len(files) / reference
    print(f"files: {len(files)}")
    print(f"screening ({args.backend}, workers={args.workers or 'all cores'}): {screen_rate:.1f} CV/s")
    print(f"pdftotext (one file at a time): {reference_rate:.1f} CV/s")
    print(f"ratio screening / pdftotext: {screen_rate / reference_rate:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
