"""How the desktop app holds up: event-loop stalls during an import, sorting and memory at 10,000 rows.

    python bench/ui_bench.py [DIR] [--count 500]

Screens the PDFs under DIR (or `--count` generated CVs) in the main window with the real engine, while a
5 ms heartbeat timer records the longest gap between its ticks: the longest the window stood still. The
same files are then screened without a window for reference. Then 10,000 made-up candidates are loaded
to time sorting and filtering through the proxy against plain `sorted()`, and to measure memory.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without installing

from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication

from screener.batch import find_pdfs, screen_files
from screener.models import Box, Candidate, CertMatch, Contact, Evidence, RoleFit, Scores, Span
from screener.settings import Settings
from screener.store import Session
from ui.candidate_model import CandidateTableModel, Column
from ui.candidate_proxy import CandidateFilter, CandidateProxyModel
from ui.candidate_view import CandidateTableView
from ui.decisions import InMemoryDecisionStore
from ui.engine import Engine
from ui.main_window import MainWindow

HEARTBEAT_MS = 5
STALL_MS = 50  # a pause a user notices while scrolling or typing
ROWS = 10_000


class Heartbeat:
    """Finds the gaps between ticks of a 5 ms timer: how long, and how often, the event loop was blocked."""

    def __init__(self) -> None:
        self.longest_ms = 0.0
        self.stalls = 0  # gaps of STALL_MS or more
        self._clock = QElapsedTimer()
        self._timer = QTimer(interval=HEARTBEAT_MS, timerType=Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._clock.start()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        gap = self._clock.nsecsElapsed() / 1e6
        self._clock.restart()
        self.longest_ms = max(self.longest_ms, gap)
        self.stalls += gap >= STALL_MS


def generated_cvs(count: int, folder: Path) -> list[Path]:
    from cvgen.__main__ import write_set
    from cvgen.corpus import eval_corpus

    write_set(eval_corpus(count, seed=7), folder)
    return find_pdfs([folder])


def bench_import(files: list[Path], scratch: Path) -> None:
    # Fresh sessions: the user's own would hand back results it already holds without reading a file.
    settings = Settings()
    window = MainWindow(engine_loader=lambda: Engine(settings, session=Session.open(scratch / "window.sqlite")))
    window.resize(1366, 768)
    window.show()
    heartbeat = Heartbeat()
    done = QEventLoop()
    window.import_finished.connect(done.quit)
    started = time.perf_counter()
    heartbeat.start()
    window.import_paths(files)
    done.exec()
    heartbeat.stop()
    in_window = time.perf_counter() - started
    rows = window.model().rowCount()
    window.close()

    started = time.perf_counter()
    with Session.open(scratch / "headless.sqlite") as session:
        screen_files(files, settings, session=session)
    headless = time.perf_counter() - started
    print(f"import of {len(files)} CVs in the window: {in_window:.1f} s, {rows} rows")
    print(
        f"  longest event-loop stall: {heartbeat.longest_ms:.0f} ms, {heartbeat.stalls} of {STALL_MS} ms or more"
        f" (heartbeat every {HEARTBEAT_MS} ms)"
    )
    print(f"  same files without a window: {headless:.1f} s (window / headless = {in_window / headless:.2f})")


def made_up_candidates(count: int) -> list[Candidate]:
    rng = random.Random(3)
    fits: tuple[RoleFit, ...] = ("tpm", "pm", "technical", "other")
    box = Box(72, 100, 300, 112)
    candidates = []
    for index in range(count):
        evidence = tuple(
            Evidence("management" if e % 2 else "technical", "keywords", f"keyword {e}", 4.0,
                     Span(f"line {e}", 1, box, "experience"))
            for e in range(12)
        )  # fmt: skip
        cert = CertMatch("pmp", "PMP", "management", "held", "PMP", 100.0, 30.0, Span("PMP", 1, box, "certifications"))
        candidates.append(
            Candidate(
                file=f"/cvs/candidate_{index:05d}.pdf",
                sha256=f"{index:064x}",
                pages=2,
                contact=Contact(f"Candidate {rng.randrange(10**6):06d}", f"c{index}@example.com", "+44 20 7946 0000"),
                certifications=(cert,) if rng.random() < 0.3 else (),
                years_experience=rng.uniform(0, 30),
                scores=Scores(rng.uniform(0, 100), rng.uniform(0, 100), rng.choice(fits), evidence),
            )
        )
    return candidates


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def bench_table(candidates: list[Candidate]) -> None:
    model = CandidateTableModel(InMemoryDecisionStore())
    proxy = CandidateProxyModel()
    proxy.setSourceModel(model)
    view = CandidateTableView(proxy)  # sorted by role fit, as the app opens
    view.resize(900, 600)
    view.show()
    batch_ms = [timed(partial(model.append_candidates, candidates[i : i + 100])) for i in range(0, ROWS, 100)]
    QApplication.processEvents()
    print(f"appending {ROWS} rows in batches of 100 to a sorted view: longest batch {max(batch_ms):.0f} ms")
    reference = timed(lambda: sorted(candidates, key=lambda c: c.scores.technical if c.scores else -1.0))
    for column in (Column.TECHNICAL, Column.NAME, Column.ROLE_FIT):
        ms = timed(partial(proxy.sort, column, Qt.SortOrder.DescendingOrder))
        print(f"sorting {ROWS} rows by {column.name.lower()}: {ms:.0f} ms (plain sorted(): {reference:.1f} ms)")
    print(f"filtering {ROWS} rows by text: {timed(lambda: proxy.set_filter(CandidateFilter(text='12'))):.0f} ms")
    print(f"filtering by minimum score: {timed(lambda: proxy.set_filter(CandidateFilter(min_technical=60))):.0f} ms")
    view.close()


def bench_memory() -> None:
    tracemalloc.start()
    candidates = made_up_candidates(ROWS)
    after_candidates, _ = tracemalloc.get_traced_memory()
    model = CandidateTableModel(InMemoryDecisionStore())
    proxy = CandidateProxyModel()
    proxy.setSourceModel(model)
    model.append_candidates(candidates)
    proxy.sort(Column.TECHNICAL)
    total, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"memory for {ROWS} candidates: {after_candidates / 2**20:.1f} MiB of results, "
          f"{(total - after_candidates) / 2**20:.1f} MiB more for the list's model and proxy")  # fmt: skip
    print(f"peak resident size of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, nargs="?", help="PDFs to import (default: generate --count CVs)")
    parser.add_argument("--count", type=int, default=500)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as scratch:
        files = find_pdfs([args.folder]) if args.folder else generated_cvs(args.count, Path(scratch))
        bench_import(files, Path(scratch))
    bench_table(made_up_candidates(ROWS))
    bench_memory()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
