"""Mutated CV PDFs never break a batch: every file ends with a status, and nothing is raised."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from cvgen.mutate import Mutation, mutate
from screener.batch import WorkerLimits, screen_files
from screener.settings import Settings

SETTINGS = Settings(as_of=date(2025, 6, 1))
LIMITS = WorkerLimits(seconds=15.0, memory_bytes=768 << 20)
FILES_PER_BATCH = 3

mutations = st.builds(
    Mutation,
    kind=st.sampled_from(["flip", "truncate", "splice"]),
    position=st.floats(0.0, 1.0),
    length=st.integers(1, 4096),
    value=st.integers(0, 255),
)


@settings(max_examples=30, deadline=None)
@given(changes=st.lists(st.lists(mutations, min_size=1, max_size=4), min_size=FILES_PER_BATCH,
                        max_size=FILES_PER_BATCH))  # fmt: skip
def test_a_batch_of_mutated_cvs_ends_with_a_status_for_every_file(
    cv_files: list[Path], changes: list[list[Mutation]]
) -> None:
    originals = [path.read_bytes() for path in cv_files]
    with tempfile.TemporaryDirectory() as scratch:
        files = []
        for index, file_changes in enumerate(changes):
            path = Path(scratch) / f"mutant {index}.pdf"
            path.write_bytes(mutate(originals[index], file_changes, donor=originals[-1 - index]))
            files.append(path)
        results = screen_files(files, SETTINGS, workers=1, limits=LIMITS)
    assert sorted(c.file for c in results) == sorted(map(str, files))
    for candidate in results:
        assert candidate.status in ("ok", "error", "duplicate")
        assert (candidate.status == "ok") == (candidate.error is None)
