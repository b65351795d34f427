"""The seam between the window and the screening engine: what an import needs, injectable for tests."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from screener.batch import ProgressSink, find_pdfs, screen_files
from screener.models import Candidate
from screener.settings import Settings


class ScreenFiles(Protocol):
    """The shape of `screener.batch.screen_files`."""

    def __call__(
        self,
        files: Sequence[Path],
        settings: Settings,
        *,
        workers: int | None = None,
        progress: ProgressSink | None = None,
    ) -> list[Candidate]: ...


FindPdfs = Callable[[Iterable[Path]], list[Path]]


@dataclass(frozen=True)
class Thresholds:
    """Scores at or above which a candidate counts as strong on an axis; the chart draws them."""

    management: float = 50.0
    technical: float = 50.0


@dataclass(frozen=True)
class Engine:
    settings: Settings
    find_pdfs: FindPdfs = find_pdfs
    screen_files: ScreenFiles = screen_files

    def thresholds(self) -> Thresholds:
        configured = self.settings.catalogue.scoring.thresholds
        return Thresholds(
            management=float(configured.get("management", Thresholds.management)),
            technical=float(configured.get("technical", Thresholds.technical)),
        )


def load_engine() -> Engine:
    """The real engine with the catalogue; raises CatalogueError naming the entry when the catalogue is invalid."""
    return Engine(settings=Settings())
