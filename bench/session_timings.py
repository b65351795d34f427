"""Reopening and re-scoring a 1,000-candidate session, against reading 50 CVs from PDF, measured in one run.

    python bench/session_timings.py [--candidates 1000]

Renders 50 generated CVs, times reading them (the reference), then fills a session with that many
candidates (the 50 extractions repeated under distinct hashes), and prints the time to reopen it and
list its candidates, and to re-score all of them after a weight change and after a later day of the same
year (stored findings are scored again), and after a new alias (the stored text is matched again),
with the ratios.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without installing

from cvgen.__main__ import write_set
from cvgen.corpus import eval_corpus
from screener.catalogue import Catalogue
from screener.models import Document
from screener.pdftext import read_document
from screener.screening import Screener
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--candidates", type=int, default=1000)
    args = parser.parse_args()
    settings = Settings(as_of=date(2025, 6, 1))
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "cvs"
        write_set(eval_corpus(REFERENCE_FILES, seed=4), folder)
        files = sorted(folder.glob("*.pdf"))
        started = time.perf_counter()
        documents = [read_document(path) for path in files]
        reading = time.perf_counter() - started

        session_path = Path(scratch) / "session.sqlite"
        fill_session(session_path, documents, args.candidates, settings)

        started = time.perf_counter()
        with Session.open(session_path) as session:
            loaded = session.candidates()
        reopening = time.perf_counter() - started

        # A weight change or a later day re-scores stored findings; a new alias must match the text again.
        changes = {
            "a weight change": dataclasses.replace(settings, catalogue=_with_pmp_weight(settings.catalogue, 5)),
            "a later day of the same year": dataclasses.replace(settings, as_of=date(2025, 11, 30)),
            "a new alias (matching again)": dataclasses.replace(
                settings, catalogue=_with_pmp_alias(settings.catalogue)
            ),
        }
        rescoring = {}
        for change, settings_after in changes.items():
            with Session.open(session_path) as session:
                started = time.perf_counter()
                rescored = session.rescore(Screener(settings_after))
                rescoring[change] = time.perf_counter() - started
        size = session_path.stat().st_size
    print(f"reading {REFERENCE_FILES} CVs from PDF (reference): {reading:.2f} s")
    print(f"session of {len(loaded)} candidates: {size / 1e6:.1f} MB")
    print(f"reopen and list {len(loaded)} candidates: {reopening:.2f} s  (x{reopening / reading:.2f} the reference)")
    for change, seconds in rescoring.items():
        print(
            f"re-score {len(rescored)} candidates after {change}: {seconds:.2f} s"
            f"  (x{seconds / reading:.2f} the reference)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
