"""Reopening and re-scoring a 1,000-candidate session, against reading 50 CVs from PDF, measured in one run.

    python bench/session_timings.py [--candidates 1000] [--rounds 3]

Renders 50 generated CVs, times reading them (the reference), then fills a session with that many
candidates (the 50 extractions repeated under distinct hashes), and prints the time to reopen it and
list its candidates, and to re-score all of them after a weight change and after a later day of the same
year (stored findings are scored again), and after a new alias (the stored text is matched again),
with the ratios: once as the window does it after Settings (the candidates are in memory; the session's
documents are loaded only to match again), and once as reopening a session scored under other settings
does it (each stored result decoded, scored and saved again). Every figure is the median, over the rounds, of
its ratio to the reference timed in the same round.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import hashlib
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without installing

from cvgen.__main__ import write_set
from cvgen.corpus import eval_corpus
from screener.catalogue import Catalogue
from screener.models import Document
from screener.pdftext import read_document
from screener.screening import Screener, matching_key, rescore
from screener.settings import Settings
from screener.store import Session, scoring_fingerprint

REFERENCE_FILES = 50


def _with_pmp_weight(catalogue: Catalogue, weight: float) -> Catalogue:
    certifications = tuple(
        dataclasses.replace(c, weight=weight) if c.id == "pmp" else c for c in catalogue.certifications
    )
    return dataclasses.replace(catalogue, certifications=certifications)


def fill_session(path: Path, documents: Sequence[Document], count: int, settings: Settings) -> None:
    """A session of `count` candidates: the documents screened over and over, each time under a new hash."""
    screener = Screener(settings)
    with Session.open(path) as session:
        for index in range(count):
            document = documents[index % len(documents)]
            sha256 = hashlib.sha256(str(index).encode()).hexdigest()
            candidate = screener.screen_document(document, f"{path.parent}/cvs/cv {index:04d}.pdf", sha256)
            session.record(candidate, document, scored_with=scoring_fingerprint(settings))


def _with_pmp_alias(catalogue: Catalogue) -> Catalogue:
    certifications = tuple(
        dataclasses.replace(c, phrases=(*c.phrases, "PMP credential holder")) if c.id == "pmp" else c
        for c in catalogue.certifications
    )
    return dataclasses.replace(catalogue, certifications=certifications)


class Timing(NamedTuple):
    wall: float
    processor: float


Timings = dict[str, Timing]


@contextmanager
def timing(into: Timings, name: str) -> Iterator[None]:
    gc.collect()  # each step starts clean, not paying for the garbage the step before left
    wall, processor = time.perf_counter(), time.process_time()
    yield
    into[name] = Timing(time.perf_counter() - wall, time.process_time() - processor)


def time_round(files: Sequence[Path], session_path: Path, settings: Settings, count: int) -> Timings:
    """One round: reading the files (the reference), reopening the session, and each way of scoring it again."""
    timings: Timings = {}
    with timing(timings, "reference"):
        for path in files:
            read_document(path)
    with timing(timings, f"reopen and list {count} candidates"), Session.open(session_path) as session:
        loaded = session.candidates()
    # A weight change or a later day re-scores stored findings; a new alias must match the text again.
    changes = {
        "after a weight change": dataclasses.replace(settings, catalogue=_with_pmp_weight(settings.catalogue, 5)),
        "after a later day of the same year": dataclasses.replace(settings, as_of=date(2025, 11, 30)),
        "after a new alias (matching again)": dataclasses.replace(
            settings, catalogue=_with_pmp_alias(settings.catalogue)
        ),
    }
    for change, settings_after in changes.items():
        name = f"re-score {count} candidates {{}}, {change}"
        with Session.open(session_path) as session, timing(timings, name.format("in the window")):
            screener = Screener(settings_after)
            same_findings = screener.matching_key == matching_key(settings)
            rescore(loaded, {} if same_findings else session.documents(), screener, matching_key(settings))
        with Session.open(session_path) as session, timing(timings, name.format("reopening the session")):
            session.rescore(Screener(settings_after))
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--candidates", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3, help="rounds of every timing (default: 3)")
    args = parser.parse_args()
    settings = Settings(as_of=date(2025, 6, 1))
    rounds: list[Timings] = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "cvs"
        write_set(eval_corpus(REFERENCE_FILES, seed=4), folder)
        files = sorted(folder.glob("*.pdf"))
        documents = [read_document(path) for path in files]
        session_path = Path(scratch) / "session.sqlite"
        fill_session(session_path, documents, args.candidates, settings)
        size = session_path.stat().st_size
        for _ in range(args.rounds):
            # Each round starts from the session as filled: reopening scores it again and saves the scores.
            shutil.copy(session_path, Path(scratch) / "round.sqlite")
            rounds.append(time_round(files, Path(scratch) / "round.sqlite", settings, args.candidates))
    references = [timings.pop("reference") for timings in rounds]
    walls = ", ".join(f"{r.wall:.2f}" for r in references)
    print(f"reading {REFERENCE_FILES} CVs (reference): {walls} s in {args.rounds} rounds")
    print(f"session of {args.candidates} candidates: {size / 1e6:.1f} MB")
    # Each figure is the median over the rounds of its ratio to the reference of its own round: a shared machine's
    # speed drifts between rounds more than within one.
    for name in rounds[0]:
        measured = [timings[name] for timings in rounds]
        wall = statistics.median(m.wall / r.wall for m, r in zip(measured, references, strict=True))
        processor = statistics.median(m.processor / r.processor for m, r in zip(measured, references, strict=True))
        seconds = statistics.median(m.wall for m in measured)
        print(
            f"{name}: {seconds:.2f} s  "
            f"(x{wall:.2f} the reference, processor time x{processor:.2f}; median of {args.rounds} rounds)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
