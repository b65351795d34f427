"""Many copies of few people: peak memory and JSON size of one batch, against the pairwise warnings of old.

    python bench/duplicates_bench.py [--files 5000] [--people 12] [--workers 2]

Renders `people` generated CVs, copies them round-robin into `files` PDFs that differ by trailing bytes
(each a distinct content, so every copy is read and flagged as a possible duplicate of the others), screens
them in one batch and prints the peak memory of the batch process and of its largest worker, the size of the
--json document, the warnings it holds, and the warnings one per pair of files would have given (reference).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without installing

from cvgen.__main__ import write_set
from cvgen.corpus import eval_corpus
from screener.batch import screen_files
from screener.export import results_json
from screener.settings import Settings


def _copies(people: Sequence[Path], files: int, folder: Path) -> list[Path]:
    """`files` PDFs, person after person, each made a distinct content by a comment after its end."""
    contents = [path.read_bytes() for path in people]
    copies = []
    for number in range(files):
        copy = folder / f"copy-{number:05}.pdf"
        copy.write_bytes(contents[number % len(contents)] + b"\n%% copy %d\n" % number)
        copies.append(copy)
    return copies


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--people", type=int, default=12)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        write_set(eval_corpus(args.people, 5), folder / "people")
        copies = _copies(sorted((folder / "people").glob("*.pdf")), args.files, folder)
        settings = Settings(as_of=date(2026, 1, 1))
        started = time.perf_counter()
        results = screen_files(copies, settings, workers=args.workers)
        seconds = time.perf_counter() - started
        text = results_json(results, settings.catalogue)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    warnings = sum(len(c.warnings) for c in results)
    groups = Counter(c.warnings[0] for c in results if c.warnings and c.warnings[0].startswith("duplicate group"))
    pairs = sum(size * (size - 1) for size in Counter(c.contact.email or c.file for c in results).values())
    print(f"{len(results)} files of {args.people} people screened in {seconds:.0f} s with {args.workers} workers")
    print(f"peak memory: batch process {own:.0f} MB, largest worker {workers:.0f} MB")
    print(f"JSON: {len(text.encode()) / 1e6:.1f} MB; warnings: {warnings:,} in {len(groups)} duplicate groups")
    print(f"reference, one warning per pair of files: {pairs:,} ({pairs / max(warnings, 1):.0f}x as many)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
