"""The seam between the window and the screening engine: what an import needs, injectable for tests."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from screener.batch import ProgressSink, find_pdfs, screen_files
from screener.errors import ScreenerError
from screener.models import Candidate, Document
from screener.profiles import RoleProfile
from screener.screening import Screener, matching_key, rescore
from screener.settings import Settings
from screener.store import Session
from screener.user_settings import UserSettings, load_user_settings

log = logging.getLogger(__name__)


class ScreenFiles(Protocol):
    """The shape of `screener.batch.screen_files`."""

    def __call__(
        self,
        files: Sequence[Path],
        settings: Settings,
        *,
        workers: int | None = None,
        progress: ProgressSink | None = None,
        session: Session | None = None,
    ) -> list[Candidate]: ...


FindPdfs = Callable[[Iterable[Path]], list[Path]]


@dataclass(frozen=True)
class Thresholds:
    """Scores at or above which a candidate counts as strong on an axis; the chart draws them."""

    management: float
    technical: float


@dataclass(frozen=True)
class Engine:
    settings: Settings
    find_pdfs: FindPdfs = find_pdfs
    screen_files: ScreenFiles = screen_files
    session: Session | None = None  # keeps each extraction, so a change of settings re-scores without re-reading
    user_settings: UserSettings | None = None  # None: the shipped catalogue and no role profile

    def active_profile(self) -> RoleProfile | None:
        return self.user_settings.active() if self.user_settings else None

    def with_user_settings(self, user_settings: UserSettings) -> Engine:
        settings = dataclasses.replace(self.settings, catalogue=user_settings.effective_catalogue())
        return dataclasses.replace(self, settings=settings, user_settings=user_settings)

    def matching_key(self) -> str:
        """What the findings of candidates screened by this engine depend on (see screener.screening)."""
        return matching_key(self.settings)

    def rescore(self, candidates: Sequence[Candidate], matched_with: str = "") -> list[Candidate]:
        """The candidates scored again under these settings from the session's extractions; no PDF is read.

        `matched_with` is the matching key of the engine that screened them: when it is this one's, only the
        scoring is done again.
        """
        documents: dict[str, Document] = {}
        if self.session is not None and matched_with != self.matching_key():  # findings alone score again
            for candidate in candidates:
                document = self.session.document(candidate.sha256) if candidate.status == "ok" else None
                if document is not None:
                    documents[candidate.sha256] = document
        return rescore(candidates, documents, Screener(self.settings), matched_with)

    def rescore_session(self) -> list[Candidate]:
        """Every candidate in the session, those other settings scored (or another day) scored again and saved."""
        return self.session.rescore(Screener(self.settings)) if self.session is not None else []

    def thresholds(self) -> Thresholds:
        """The catalogue's `scoring.thresholds`, which the engine's role fits are decided by."""
        configured = self.settings.catalogue.scoring.thresholds  # both axes are required when it loads
        return Thresholds(management=float(configured["management"]), technical=float(configured["technical"]))


def _saved_user_settings() -> UserSettings:
    """The user's settings; a file that does not validate is left untouched and the defaults apply."""
    try:
        return load_user_settings()
    except ScreenerError as exc:
        log.warning("your settings are not used, the defaults apply: %s", exc)
        return UserSettings()


def load_engine() -> Engine:
    """The real engine with the user's catalogue and profiles, and no session yet (the window opens one);
    raises CatalogueError naming the entry when the shipped catalogue is invalid."""
    user_settings = _saved_user_settings()
    settings = Settings(catalogue=user_settings.effective_catalogue())
    return Engine(settings=settings, user_settings=user_settings)
