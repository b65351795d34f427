"""Blind review in the app: View › Blind Review (Ctrl+B) shows each candidate as "Candidate 17" and hides who
they are everywhere the app shows them, until a reviewer reveals one candidate, which the decision log records.

The list, score map, detail pane, page view, exports and the decision log window ask this object what to
call a candidate and what of a text to hide; the engine's personal-details pass (screener.blind) says where
on a CV page the personal details are, so the page view covers them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QObject, QRectF, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter, QUndoStack

from screener.blind import blind_label, covers_by_page, masked_document, personal_spans, scrub
from screener.errors import ScreenerError
from screener.models import Box, Candidate, Contact, Document
from screener.store import Session

from . import messages
from .labels import display_name
from .pdfium_thread import RenderedPage, render_page

_SETTING = "blind_review"
COVER_COLOUR = QColor(40, 40, 40)  # opaque, dark in both palettes: what was there cannot show through
HIDDEN_FILE = "(hidden in blind review)"
BLIND_CONTACT = "name, contact details and file are hidden in blind review (Review › Reveal Identity shows them)"


def key_of(candidate: Candidate) -> str:
    """What a candidate is numbered by: their CV's content, so a copy of the file is the same candidate."""
    return candidate.sha256 or candidate.file


class BlindReview(QObject):
    """Whether the list is shown blind, each candidate's number, and who has been revealed; kept in the session."""

    changed = Signal()  # turned on or off, or a candidate revealed: whatever shows candidates shows them again

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._on = False
        self._session: Session | None = None
        self._numbers: dict[str, int] = {}
        self._pending: set[str] = set()  # candidates arrived but not numbered yet: numbered together when needed
        self._revealed: set[str] = set()
        self.toggle_action = QAction("&Blind Review", self)
        self.toggle_action.setCheckable(True)
        self.toggle_action.setShortcut(QKeySequence("Ctrl+B"))
        self.toggle_action.setStatusTip(
            "Hide names, contact details, photos, age, gender, nationality, marital status and file names"
        )
        self.toggle_action.toggled.connect(self.set_on)
        self.reveal_action = QAction("Reveal &Identity", self)
        self.reveal_action.setStatusTip("Show who the selected candidate is; the decision log records it")
        self.reveal_action.setEnabled(False)  # there is no one to reveal until blind review is on

    # The session ------------------------------------------------------------------------------------

    def show_session(self, session: Session | None, candidates: Sequence[Candidate]) -> None:
        """Take up the session's choice, numbers and reveals (none without a session), numbering `candidates`."""
        self._session = session
        self._numbers, self._pending, self._revealed = {}, set(), set()
        on = False
        if session is not None:
            try:
                on = session.setting(_SETTING) == "on"
                self._numbers = session.blind_numbers()
                self._revealed = {e.sha256 for e in session.decision_log() if e.action == "reveal" and e.sha256}
            except ScreenerError as exc:
                messages.notify(f"Blind review could not read the session: {exc}")
        self.number(candidates)
        self._on = on
        self.toggle_action.blockSignals(True)
        self.toggle_action.setChecked(on)
        self.toggle_action.blockSignals(False)
        self.reveal_action.setEnabled(on)
        self.changed.emit()

    def note(self, candidates: Iterable[Candidate]) -> None:
        """Keep the candidates to number later, together with any asked for: during an import the list stays
        responsive, with no session write per batch of rows, and the numbers keep the order `number` gives."""
        self._pending.update(key_of(c) for c in candidates if c.status != "duplicate")
        self._pending -= self._numbers.keys()

    def number(self, candidates: Iterable[Candidate] = ()) -> None:
        """Give the candidates not numbered yet, and those noted before, the next numbers, in an order unrelated
        to their names or files (their content's hash), so a number says nothing of who they are."""
        self.note(candidates)
        new, self._pending = sorted(self._pending), set()
        if not new:
            return
        if self._session is not None:
            try:
                self._numbers = self._session.blind_numbers(new)
                return
            except ScreenerError as exc:
                messages.notify(f"Blind review numbers are not saved: {exc}")
        last = max(self._numbers.values(), default=0)
        self._numbers.update({key: last + offset for offset, key in enumerate(new, 1)})

    # What is shown ----------------------------------------------------------------------------------

    def is_on(self) -> bool:
        return self._on

    def set_on(self, on: bool) -> None:
        if on == self._on:
            return
        self._on = on
        if on:
            self.number()  # those noted during an import, before any is shown by number
        if self.toggle_action.isChecked() != on:
            self.toggle_action.setChecked(on)
        self.reveal_action.setEnabled(on)
        if self._session is not None:
            try:
                self._session.set_setting(_SETTING, "on" if on else "off")
            except ScreenerError as exc:
                messages.notify(f"Blind review is {'on' if on else 'off'} but not saved with the session: {exc}")
        messages.notify(
            "Blind review: names, contact details, photos and personal details are hidden."
            if on
            else "Blind review is off: candidates are shown by name."
        )
        self.changed.emit()

    def hides(self, candidate: Candidate) -> bool:
        """Whether who this candidate is stays hidden: blind review is on and they were not revealed."""
        return self._on and key_of(candidate) not in self._revealed

    def is_revealed(self, candidate: Candidate) -> bool:
        return key_of(candidate) in self._revealed

    def number_of(self, candidate: Candidate) -> int:
        if key_of(candidate) not in self._numbers:
            self.number([candidate])
        return self._numbers.get(key_of(candidate), 0)

    def blind_label(self, candidate: Candidate) -> str:
        """'Candidate 17', whether or not blind review is on."""
        return blind_label(self.number_of(candidate))

    def name(self, candidate: Candidate) -> str:
        """What the app calls the candidate: 'Candidate 17' while hidden, else their name (or file)."""
        return self.blind_label(candidate) if self.hides(candidate) else display_name(candidate)

    def text(self, candidate: Candidate, text: str) -> str:
        """A text about the candidate (an error, a tooltip, a line of their CV) as it may be shown."""
        return scrub(text, candidate) if self.hides(candidate) else text

    def file(self, candidate: Candidate) -> str:
        return HIDDEN_FILE if self.hides(candidate) else candidate.file

    def extraction(self, candidate: Candidate) -> Document | None:
        """The candidate's extraction as the session keeps it, so covers need not read the CV again (for a scan,
        by OCR, seconds a page); None without a session or when it cannot be read."""
        if self._session is None or candidate.status != "ok":
            return None
        try:
            return self._session.document(candidate.sha256)
        except ScreenerError:
            return None

    def key_name(self, key: str, fallback: str) -> str:
        """The decision log's name for a candidate known by content: their number while blind review is on."""
        if self._on and key and key not in self._revealed and key in self._numbers:
            return blind_label(self._numbers[key])
        return fallback

    def hide_in_undo_texts(self, stack: QUndoStack, candidates: Iterable[Candidate]) -> None:
        """Rename hidden candidates in the Edit menu's Undo and Redo texts ("Undo Shortlist Candidate 17"):
        the steps were named when blind review was off."""
        names = {display_name(c): self.blind_label(c) for c in candidates if self.hides(c)}
        for index in range(stack.count()):
            command = stack.command(index)
            text = command.text()
            for name in [name for name in names if name in text]:
                text = text.replace(name, names[name])
            command.setText(text)

    # Revealing --------------------------------------------------------------------------------------

    def reveal(self, candidate: Candidate) -> bool:
        """Show who one candidate is and record it in the decision log; False when there was nothing to reveal."""
        if not self.hides(candidate):
            return False
        label = self.blind_label(candidate)
        if self._session is not None:
            try:
                self._session.log_event("reveal", f"identity of {label} revealed in blind review", candidate)
            except ScreenerError as exc:
                messages.notify(f"{label} was not revealed: the decision log could not record it ({exc}).")
                return False
        else:
            messages.notify(f"{label} revealed; no session is open, so the decision log does not record it.")
        self._revealed.add(key_of(candidate))
        messages.notify(f"{label} is {display_name(candidate)}; the decision log records the reveal.")
        self.changed.emit()
        return True


# The page view ----------------------------------------------------------------------------------------


@lru_cache(maxsize=32)
def _covers(file: str, contact: Contact, extraction: Document | None) -> dict[int, tuple[Box, ...]]:
    return covers_by_page(Path(file), contact, extraction)


def render_covered_page(
    file: str, page: int, width_px: int, contact: Contact, turn: int = 0, extraction: Document | None = None
) -> RenderedPage:
    """A page rendered with its personal details and page 1's images painted over; call on pdfium_pool().

    The details are found in the file's `extraction` when given (BlindReview.extraction), else in the file read
    again. A scan OCR read turned `turn` degrees is shown as it was read, where its details' boxes are. The
    covers are painted into the image itself, so no view of it can show what they hide."""
    rendered = render_page(file, page, width_px, turn)
    image = rendered.image.copy()
    scale = image.width() / rendered.size[0]
    painter = QPainter(image)
    try:
        for box in _covers(file, contact, extraction).get(rendered.page, ()):
            rect = QRectF(box.x0 * scale, box.top * scale, (box.x1 - box.x0) * scale, (box.bottom - box.top) * scale)
            painter.fillRect(rect.toAlignedRect(), COVER_COLOUR)
    finally:
        painter.end()
    return replace(rendered, image=image)


def masked_word_text(document: Document, contact: Contact) -> Document:
    """A Word CV's text with its personal details masked, as the text view shows it in blind review."""
    return masked_document(document, personal_spans(document, contact))
