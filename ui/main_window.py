"""The main window: list and score map on the left, the selected candidate on the right, imports and export.

The window shows one session at a time: its rows, decisions and notes appear at start, and what a crash left
unscreened is screened again.
"""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QSplitter,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from screener.errors import ScreenerError, SessionError
from screener.export import write_report
from screener.models import Candidate
from screener.profiles import apply_profile
from screener.store import Session, default_session_path, next_session_path
from screener.user_settings import UserSettings, save_user_settings

from . import messages
from .actions import ReviewActions, WindowKeys, clear_filter_action
from .blind import BlindReview
from .candidate_model import CandidateTableModel, Column
from .candidate_proxy import CandidateProxyModel
from .candidate_report_view import Blinding, CandidateReportExport
from .candidate_view import CandidateTableView
from .chart import ScoreChart
from .decision_log_view import DecisionLogDialog, log_settings_change
from .decisions import InMemoryDecisionStore, SessionDecisionStore, Verdict
from .detail_pane import VERDICT_SHORTCUT_KEYS, DetailPane
from .engine import Engine, load_engine
from .errors import WayOut, not_saved, show_exception
from .export_view import ExportChoice, ExportDialog, view_rows
from .filter_bar import FilterBar
from .help import add_help_menu
from .import_progress import ImportProgress, ImportTally
from .import_worker import ImportWorker
from .last_session import last_export_folder, remember_export_folder
from .session_deletion import SessionDeletions
from .session_lock import SessionLock
from .settings_dialog import SettingsDialog
from .tasks import finish_before_exit, run_in_background
from .window_layout import WindowLayout, scrollable, window_settings

# Rows and progress arriving within this window are shown together: one layout pass and one repaint, not
# hundreds (QProgressBar.setValue alone repaints the window at once, 1 ms or more a call).
_ROW_BATCH_MS = 100
_STATUS_MESSAGE_MS = 10_000
_SESSION_FILTER = "Sessions (*.sqlite);;All files (*)"
_VERDICT_MENU: tuple[tuple[Verdict, str], ...] = (
    ("shortlist", "&Shortlist"),
    ("maybe", "&Maybe"),
    ("reject", "&Reject"),
    ("none", "C&lear Decision"),
)


class MainWindow(QMainWindow):
    import_finished = Signal(bool)  # True when cancelled; emitted once the rows are all in the list
    export_finished = Signal(object)  # the Path written
    session_opened = Signal(object)  # the Path of the session now shown
    scores_updated = Signal()  # the rows were re-scored under new settings

    def __init__(self, engine_loader: Callable[[], Engine] = load_engine, session_path: Path | None = None) -> None:
        """Open on the engine's session if it has one, else on `session_path` if given (see `open_session`)."""
        super().__init__()
        self.setAcceptDrops(True)
        self._engine, self._engine_problem = self._load_engine(engine_loader)
        self._model = CandidateTableModel(InMemoryDecisionStore(), self)  # until a session is open
        self._proxy = CandidateProxyModel(self)
        self._proxy.setSourceModel(self._model)
        self._filters = FilterBar()
        self._table = CandidateTableView(self._proxy)
        self._chart = ScoreChart(self._proxy, self._engine.thresholds() if self._engine else None)
        self._detail = DetailPane(self._model)
        self._blind = BlindReview(self)  # before the session is shown: it numbers the candidates listed
        self._model.set_blind(self._blind)
        self._detail.set_blind(self._blind)
        self._candidate_report = CandidateReportExport(self)
        self._review = ReviewActions(self, self._model, self._selected_source_rows, self.session)
        self._deletions = SessionDeletions(
            self,
            self._model,
            self._review.stack,
            self.session,
            self._retention_days,
            self._leave_session,
            self.open_session,
        )
        self._views = QTabWidget()
        self._progress = ImportProgress()
        self._shown_count = QLabel()
        self._worker: ImportWorker | None = None
        self._queued_paths: list[Path] = []
        self._arrived: list[Candidate] = []
        self._latest_progress: tuple[Candidate, int, int] | None = None  # the last file finished, done, total
        self._tally = ImportTally()
        self._session_lock: SessionLock | None = None
        self._last_import_cancelled = False
        self._forget_queued_files = False  # the user cancelled: what was left is not resumed at the next start
        self._rescoring = False  # stored scores are being brought up to date; imports wait for it
        self._flush_timer = QTimer(self, singleShot=True, interval=_ROW_BATCH_MS)
        self._flush_timer.timeout.connect(self._flush_arrived)
        self._background_pool = QThreadPool(self)
        finish_before_exit(self._background_pool)  # quitting without closing the window skips closeEvent
        self._create_actions()
        self._create_menus_and_toolbar()
        self._layout()
        self._arrangement = WindowLayout(self, self._splitter, self._table)
        self._view_menu.addSeparator()
        self._view_menu.addActions([self._arrangement.detail_below_action, self._arrangement.show_detail_action])
        self.help_actions = add_help_menu(self)
        self._connect()
        self._update_shown_count()
        # The must-haves follow the role fit and both scores, where a reviewer reads down the ranking: the scores
        # first, so that on a 1024-pixel screen both are in sight beside the detail pane.
        header = self._table.horizontalHeader()
        header.moveSection(header.visualIndex(Column.DECISION), Column.NAME + 1)  # read with the name
        header.moveSection(header.visualIndex(Column.GATES), header.visualIndex(Column.TECHNICAL) + 1)
        if self._engine is not None and self._engine.active_profile() is not None:
            self._rank_by_profile()
        self._arrangement.restore(window_settings())  # the reviewer's own layout and sort, if they made one
        self._show_must_haves()
        self._update_title()
        if self._engine_problem is not None:
            QTimer.singleShot(0, partial(show_exception, self, self._engine_problem))
        elif self._engine is not None and self._engine.session is not None:
            self._show_session(self._engine.session)
        elif session_path is not None:
            self.open_session(session_path)
        _settle_long_lived_objects()

    @staticmethod
    def _load_engine(loader: Callable[[], Engine]) -> tuple[Engine | None, ScreenerError | None]:
        try:
            return loader(), None
        except ScreenerError as exc:
            return None, exc

    # Building the window ----------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str,
        slot: Callable[[], object],
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even where the menu bar is hidden (full screen, some desktops)
        return action

    def _create_actions(self) -> None:
        icon = self.style().standardIcon
        self.new_session_action = self._action(
            "&New Session…", "Ctrl+Shift+N", self._choose_new_session, "Start an empty session in a new file"
        )
        self.open_session_action = self._action(
            "Open &Session…", "", self._choose_session_to_open, "Continue a session saved in a file"
        )
        self.open_files_action = self._action(
            "&Open CVs…", QKeySequence.StandardKey.Open, self._choose_files, "Screen one or more CV PDFs"
        )
        self.open_files_action.setIcon(icon(QStyle.StandardPixmap.SP_DialogOpenButton))
        self.open_folder_action = self._action(
            "Open &Folder…", "Ctrl+Shift+O", self._choose_folder, "Screen every PDF in a folder and its subfolders"
        )
        self.open_folder_action.setIcon(icon(QStyle.StandardPixmap.SP_DirOpenIcon))
        self.export_action = self._action(
            "&Export List…",
            "Ctrl+E",
            self.choose_export_file,
            "Save the candidates shown, in their order, with decisions and notes",
        )
        self.export_action.setIcon(icon(QStyle.StandardPixmap.SP_DialogSaveButton))
        self.candidate_report_action = self._action(
            "Export Candidate &Report…",
            "",
            self.export_candidate_report,
            "Save the selected candidate's evidence, must-haves, decision and CV page as a PDF",
        )
        self.cancel_action = self._action(
            "&Cancel Import", "Esc", self.cancel_import, "Stop screening; keep the CVs done"
        )
        self.cancel_action.setEnabled(False)
        self.quit_action = self._action("&Quit", QKeySequence.StandardKey.Quit, self.close)
        self.find_action = self._action(
            "&Find…",
            QKeySequence.StandardKey.Find,
            self._filters.focus_text,
            "Filter the list by name, certification, degree or file",
        )
        self.settings_action = self._action(
            "&Settings…",
            "Ctrl+,",
            self.open_settings,
            "Certifications, keywords, weights and role profiles; the list is re-scored at once",
        )
        self.verdict_actions = {
            verdict: self._action(
                label,
                VERDICT_SHORTCUT_KEYS[verdict],
                partial(self.set_verdict, verdict),
                f"Mark the selected candidates: {label.strip('&').lower()}",
            )
            for verdict, label in _VERDICT_MENU
        }
        self.clear_filter_action = clear_filter_action(self, self._filters.clear_text, self.cancel_action)
        # Ctrl+E means "move to the end of the line" to a Linux text box; here it exports, wherever the focus is.
        self._filters.text_box().installEventFilter(WindowKeys(self.export_action.shortcuts(), self))
        self.decision_log_action = self._action(
            "Decision &Log…", "", self.open_decision_log, "Who decided what, when, and on what scores"
        )
        self.blind_action = self._blind.toggle_action
        self.reveal_action = self._blind.reveal_action
        self.reveal_action.triggered.connect(self.reveal_identity)
        self.addActions([self.blind_action, self.reveal_action])
        self.note_action = self._action(
            "Edit &Note", "F2", self._edit_note, "Write a note on the selected candidate (Tab leaves the note)"
        )
        self.show_list_action = self._action("Candidate &List", "Ctrl+1", self._show_list)
        self.show_map_action = self._action("Score &Map", "Ctrl+2", partial(self._views.setCurrentIndex, 1))

    def _create_menus_and_toolbar(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addActions([self.new_session_action, self.open_session_action])
        file_menu.addActions([self._deletions.purge_action, self._deletions.delete_session_action])
        # A session an import is writing to is not deleted under it.
        deleting = self._deletions.delete_session_action
        self.cancel_action.enabledChanged.connect(lambda importing: deleting.setEnabled(not importing))
        file_menu.addSeparator()
        file_menu.addActions([self.open_files_action, self.open_folder_action, self.export_action])
        file_menu.addAction(self.candidate_report_action)
        file_menu.addSeparator()
        file_menu.addAction(self.cancel_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu("&Edit")
        edit_menu.addActions([self._review.undo_action, self._review.redo_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self._review.remove_action)
        edit_menu.addSeparator()
        edit_menu.addActions([self.find_action, self.clear_filter_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.settings_action)
        review_menu = self.menuBar().addMenu("&Review")
        review_menu.addActions(list(self.verdict_actions.values()))
        review_menu.addAction(self.note_action)
        review_menu.addSeparator()
        review_menu.addActions([self.reveal_action, self.decision_log_action])
        # Right-clicking the list decides on the selected rows without reaching for the keyboard.
        self._table.addActions(list(self.verdict_actions.values()))
        self._table.addAction(_separator(self))
        self._table.addAction(self._review.remove_action)
        self._table.addAction(self.reveal_action)
        self._table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self._view_menu = self.menuBar().addMenu("&View")
        self._view_menu.addActions([self.show_list_action, self.show_map_action])
        self._view_menu.addSeparator()
        self._view_menu.addAction(self.blind_action)
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.open_files_action, self.open_folder_action, self.export_action])
        toolbar.addSeparator()
        toolbar.addAction(self.blind_action)

    def _layout(self) -> None:
        self._views.addTab(self._table, "Candidates")
        self._views.addTab(self._chart, "Score map")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 0)
        left_layout.addWidget(self._filters)
        left_layout.addWidget(self._views)
        self._splitter = splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(scrollable(self._detail))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)
        self.statusBar().addPermanentWidget(self._progress)
        self.statusBar().addPermanentWidget(self._shown_count)
        screen = QGuiApplication.primaryScreen().availableGeometry()
        self.resize(min(1400, int(screen.width() * 0.92)), min(860, int(screen.height() * 0.92)))
        # The detail pane needs room for a readable CV page; the list keeps a little more than half.
        splitter.setSizes([self.width() * 11 // 20, self.width() * 9 // 20])

    def _connect(self) -> None:
        messages.bridge().posted.connect(self._show_status)
        self._filters.filter_changed.connect(self._proxy.set_filter)
        self._filters.profile_chosen.connect(self.rank_by)
        self._offer_profiles()
        self._table.selectionModel().currentRowChanged.connect(self._show_selection)
        self._table.selectionModel().selectionChanged.connect(self._show_selection)
        self._detail.verdict_chosen.connect(self.set_verdict)
        self._detail.note_edited.connect(self._review.edit_note)
        # Undo in the note box undoes the last change to the list, notes included, as the Edit menu says.
        self._detail.note_editor().setUndoRedoEnabled(False)
        undo_keys = [*self._review.undo_action.shortcuts(), *self._review.redo_action.shortcuts()]
        self._detail.note_editor().installEventFilter(WindowKeys(undo_keys, self))
        self._chart.candidate_clicked.connect(self.select_source_row)
        self._blind.changed.connect(self._blind_changed)
        self._progress.cancel_requested.connect(self.cancel_import)
        for signal in (
            self._proxy.rowsInserted,
            self._proxy.rowsRemoved,
            self._proxy.modelReset,
            self._proxy.layoutChanged,
        ):
            signal.connect(self._update_shown_count)

    # Parts, for tests and the app entry point -------------------------------------------------------

    def model(self) -> CandidateTableModel:
        return self._model

    def proxy(self) -> CandidateProxyModel:
        return self._proxy

    def table(self) -> CandidateTableView:
        return self._table

    def chart(self) -> ScoreChart:
        return self._chart

    def detail(self) -> DetailPane:
        return self._detail

    def filter_bar(self) -> FilterBar:
        return self._filters

    def views(self) -> QTabWidget:
        return self._views

    def arrangement(self) -> WindowLayout:
        return self._arrangement

    def is_importing(self) -> bool:
        return self._worker is not None

    def session(self) -> Session | None:
        return self._engine.session if self._engine is not None else None

    # Sessions ---------------------------------------------------------------------------------------

    def open_session(self, path: Path) -> None:
        """Show the session in `path` (a new file starts an empty one) in place of the one open.

        A file that cannot be used is left as it is; the user is told why and offered a new session beside it.
        """
        if self._engine is None:
            show_exception(self, self._engine_problem or ScreenerError("The screening engine is not available."))
            return
        if self._worker is not None or self._rescoring:
            messages.notify("Another session can be opened once the import finishes.")
            return
        try:
            session = Session.open(path.absolute())
        except SessionError as exc:
            self._session_unusable(path.absolute(), exc)
            return
        self._close_session()
        self._show_session(session)

    def _show_session(self, session: Session) -> None:
        """Fill the list from the session, then bring stale scores up to date and resume what a crash left."""
        if self._engine is None:
            return
        try:
            candidates = session.candidates()
            store = SessionDecisionStore(session)
            unfinished = session.queued()
            stale = session.stale_count(self._engine.settings)
        except SessionError as exc:
            session.close()
            self._session_unusable(session.path, exc)
            return
        self._engine = dataclasses.replace(self._engine, session=session)
        self._blind.show_session(session, candidates)
        self._model.show_session(self._with_profile(candidates), store)
        self._review.forget_history()
        self._show_selection()
        if candidates:
            self._table.selectRow(0)
        self._update_title()
        if stale:
            self._rescore_stored(self._engine)
        if unfinished:
            self.import_paths(unfinished)
            messages.notify(
                f"Resuming {len(unfinished)} file{'s' if len(unfinished) != 1 else ''} from the last session."
            )
        else:
            listed = self._model.rowCount()
            messages.notify(f"Session {session.path}: {listed} candidate{'s' if listed != 1 else ''}.")
        self._lock_session(session.path)
        self.session_opened.emit(session.path)
        self._deletions.apply_retention()

    def _lock_session(self, path: Path) -> None:
        """Hold the session's lock while it is shown; tell the user when another app has it open."""
        self._session_lock = SessionLock(path)
        problem = self._session_lock.problem()
        if problem is not None:
            ways_out: list[WayOut] = [("Open Another Session…", self._choose_session_to_open)]
            QTimer.singleShot(0, partial(show_exception, self, problem, ways_out))

    def _session_unusable(self, path: Path, problem: SessionError) -> None:
        fresh = next_session_path(path)
        ways_out: list[WayOut] = [
            (f"Start a New Session ({fresh.name})", partial(self.open_session, fresh)),
            ("Open Another Session…", self._choose_session_to_open),
        ]
        # Later: at start the window is not shown yet, and a dialog needs it as its parent.
        QTimer.singleShot(0, partial(show_exception, self, problem, ways_out))

    def _close_session(self) -> None:
        if self._session_lock is not None:
            self._session_lock.release()
            self._session_lock = None
        if self._engine is not None and self._engine.session is not None:
            self._engine.session.close()
            self._engine = dataclasses.replace(self._engine, session=None)

    def _leave_session(self) -> None:
        """Show no session (the one shown was deleted): the list empties and decisions are no longer saved."""
        self._close_session()
        self._model.show_session([], InMemoryDecisionStore())
        self._show_selection()
        self._update_title()

    def _retention_days(self) -> int | None:
        return self._engine.user_settings.retention_days if self._engine and self._engine.user_settings else None

    def _choose_new_session(self) -> None:
        current = self.session()
        suggested = next_session_path(current.path if current else default_session_path())
        name, _ = QFileDialog.getSaveFileName(
            self, "New session", str(suggested), _SESSION_FILTER, options=QFileDialog.Option.DontConfirmOverwrite
        )
        if not name:
            return
        path = Path(name) if Path(name).suffix else Path(name).with_suffix(".sqlite")
        if path.exists():
            # Never overwritten: it may be someone's screening.
            messages.notify(f"{path.name} already exists; choose a new name, or continue it with Open Session….")
            return
        self.open_session(path)

    def _choose_session_to_open(self) -> None:
        current = self.session()
        folder = str(current.path.parent) if current else str(default_session_path().parent)
        name, _ = QFileDialog.getOpenFileName(self, "Open a session", folder, _SESSION_FILTER)
        if name:
            self.open_session(Path(name))

    def _rescore_stored(self, engine: Engine) -> None:
        """Score again, off the GUI thread, what other settings or another day scored ("Present" moved on)."""
        self._rescoring = True
        run_in_background(
            self._background_pool,
            engine.rescore_session,
            partial(self._stored_rescored, engine),
            self._stored_rescoring_failed,
            context=self,
        )

    def _stored_rescored(self, engine: Engine, rescored: list[Candidate]) -> None:
        self._rescoring = False
        # Settings changed or another session opened meanwhile: those rows were scored again already.
        if engine is self._engine:
            by_file = {candidate.file: candidate for candidate in rescored}
            latest = [by_file.get(candidate.file, candidate) for candidate in self._model.candidates()]
            self._model.replace_candidates(self._with_profile(latest))
            self._detail.show_row(self._detail.current_row())
        self._import_queued_paths()

    def _stored_rescoring_failed(self, exc: BaseException) -> None:
        self._rescoring = False
        show_exception(self, exc)
        self._import_queued_paths()

    # Selection --------------------------------------------------------------------------------------

    def _show_selection(self) -> None:
        current = self._table.currentIndex()
        source_row = self._proxy.mapToSource(current).row() if current.isValid() else -1
        selected = self._selected_source_rows()
        self._detail.show_rows(selected if len(selected) > 1 else [source_row])
        self._chart.set_selected_row(source_row)

    def select_source_row(self, source_row: int) -> None:
        proxy_row = self._proxy.proxy_row(source_row)
        if proxy_row < 0:
            return
        index = self._proxy.index(proxy_row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self._table.selectionModel().setCurrentIndex(index, flags)
        self._table.scrollTo(index)

    def _edit_note(self) -> None:
        if self._detail.current_row() < 0:
            messages.notify("Select one candidate first.")
            return
        self._detail.note_editor().setFocus()

    def _show_list(self) -> None:
        """The list in front and in focus: the way back to it from the note or the filters."""
        self._views.setCurrentIndex(0)
        self._table.setFocus()

    def _selected_source_rows(self) -> list[int]:
        return [self._proxy.mapToSource(index).row() for index in self._table.selectionModel().selectedRows()]

    def set_verdict(self, verdict: Verdict) -> None:
        """Decide on every selected candidate, keeping each one's note (one step to undo)."""
        self._review.decide(verdict)

    def undo_stack(self) -> QUndoStack:
        return self._review.stack

    # Importing --------------------------------------------------------------------------------------

    def _choose_files(self) -> None:
        kinds = "CV files (*.pdf *.PDF *.docx *.DOCX);;All files (*)"
        names, _ = QFileDialog.getOpenFileNames(self, "Open CVs", "", kinds)
        self.import_paths([Path(name) for name in names])

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open a folder of CVs")
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: Sequence[Path]) -> None:
        """Screen the PDFs in these files and folders; rows appear as each CV finishes."""
        if not paths:
            return
        if self._engine is None:
            show_exception(self, self._engine_problem or ScreenerError("The screening engine is not available."))
            return
        if self._worker is not None or self._rescoring:
            self._queued_paths.extend(paths)
            busy_with = "the current import finishes" if self._worker else "the list's scores are up to date"
            messages.notify(f"Those files will be screened when {busy_with}.")
            return
        worker = ImportWorker(self._engine, paths, self._model.known_files(), self)
        worker.import_started.connect(self._progress.set_total)
        worker.candidate_screened.connect(self._candidate_screened)
        worker.import_finished.connect(self._import_finished)
        worker.import_failed.connect(self._import_failed)
        worker.finished.connect(self._worker_stopped)
        self._worker = worker
        self._tally = ImportTally()
        self._table.set_screening(True)
        self._progress.start()
        self.cancel_action.setEnabled(True)
        worker.start()

    def cancel_import(self) -> None:
        """Stop screening, keep what finished, and do not resume the rest at the next start."""
        if self._worker is None:
            return
        self._forget_queued_files = True
        self._stop_import()

    def _stop_import(self) -> None:
        if self._worker is None:
            return
        self._queued_paths.clear()
        self._worker.cancel()
        self._progress.cancelling()

    def _candidate_screened(self, candidate: Candidate, done: int, total: int) -> None:
        self._arrived.append(candidate)
        self._tally.count(candidate)
        self._latest_progress = (candidate, done, total)
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    def _flush_arrived(self) -> None:
        self._flush_timer.stop()
        arrived, self._arrived = self._arrived, []
        if self._blind.is_on():
            self._blind.number(arrived)  # shown by number straight away
        else:
            self._blind.note(arrived)
        self._model.append_candidates(self._with_profile(arrived))
        if self._latest_progress is not None:
            self._progress.advance(*self._latest_progress)
            self._latest_progress = None
        if arrived and not self._table.currentIndex().isValid():
            self._table.selectRow(0)  # the detail pane is never empty once there is someone to show

    def _import_finished(self, cancelled: bool) -> None:
        self._flush_arrived()
        self._blind.number()  # the import's candidates, in one write to the session
        _settle_long_lived_objects()
        if self._tally.files or cancelled:
            messages.notify(self._tally.summary(cancelled))
        self._last_import_cancelled = cancelled

    def _import_failed(self, exc: BaseException) -> None:
        self._flush_arrived()
        self._blind.number()
        self._last_import_cancelled = False
        show_exception(self, exc)

    def _worker_stopped(self) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.deleteLater()
        session = self.session()
        if self._forget_queued_files and session is not None:
            session.forget_queued()
        self._forget_queued_files = False
        self._progress.finish()
        self._table.set_screening(False)
        self.cancel_action.setEnabled(False)
        self.import_finished.emit(self._last_import_cancelled)
        self._import_queued_paths()

    def _import_queued_paths(self) -> None:
        queued, self._queued_paths = self._queued_paths, []
        self.import_paths(queued)

    # Drag and drop ----------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # Export -----------------------------------------------------------------------------------------

    def choose_export_file(self) -> ExportDialog:
        """Ask which candidates go, to which file; the export starts when the dialog is accepted."""
        return self._export_dialog()

    def _export_dialog(self, previous: ExportChoice | None = None) -> ExportDialog:
        """The export dialog, set as chosen the `previous` time if given (an export that failed)."""
        shown, total = self._proxy.rowCount(), self._model.rowCount()
        dialog = ExportDialog(shown, total, last_export_folder(), self, blind=self._blind.is_on())
        if previous is not None:
            dialog.choose(previous)
        dialog.accepted.connect(lambda: self.export_as(dialog.choice()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def export_as(self, choice: ExportChoice) -> None:
        self.export_to(choice.path, everyone=choice.everyone, include_contact=choice.include_contact)

    def export_to(self, path: Path, everyone: bool = False, include_contact: bool = True) -> None:
        """Write the candidates shown (or all), in their order, with decisions and notes (off the GUI thread)."""
        blind = self._blind.is_on()
        rows = view_rows(self._proxy, everyone, self._blind)
        if not rows:
            messages.notify("Nothing to export: no candidate is shown.")
            return
        run_in_background(
            self._background_pool,
            partial(write_report, path, rows, include_contact and not blind, blind),
            partial(self._exported, path),
            partial(self._export_failed, ExportChoice(path, everyone, include_contact)),
            context=self,
        )

    def _export_failed(self, choice: ExportChoice, exc: BaseException) -> None:
        again = ("Choose Another File…", partial(self._export_dialog, choice))
        show_exception(self, not_saved("The list", choice.path, exc), [again])

    def _exported(self, path: Path, count: int) -> None:
        remember_export_folder(path.parent.absolute())
        messages.notify(f"Exported {count} candidate{'s' if count != 1 else ''} to {path}.")
        self.export_finished.emit(path)

    def candidate_report(self) -> CandidateReportExport:
        return self._candidate_report

    def export_candidate_report(self) -> None:
        row = self._detail.current_row()
        if row < 0:
            messages.notify("Select one candidate first.")
            return
        candidate = self._model.candidate(row)
        blind = self._blind
        blinding = Blinding(blind.blind_label(candidate), blind.extraction(candidate)) if blind.is_on() else None
        self._candidate_report.choose_file(candidate, self._model.review(row), last_export_folder(), blinding)

    def open_decision_log(self) -> DecisionLogDialog | None:
        session = self.session()
        if session is None:
            messages.notify("No session is open: decisions are not logged.")
            return None
        dialog = DecisionLogDialog(session, self, self._blind)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    # Settings and role profiles --------------------------------------------------------------------

    def open_settings(self) -> SettingsDialog | None:
        """Open the Settings dialog over the window; its OK re-scores the list at once."""
        if self._engine is None:
            show_exception(self, self._engine_problem or ScreenerError("The screening engine is not available."))
            return None
        if self._worker is not None or self._rescoring:
            busy_with = "the import finishes" if self._worker else "the list's scores are up to date"
            messages.notify(f"Settings can be changed once {busy_with}.")
            return None
        dialog = SettingsDialog(self._engine.user_settings or UserSettings(), self)
        dialog.settings_saved.connect(self.apply_user_settings)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def apply_user_settings(self, user_settings: UserSettings) -> None:
        """Re-score every row from its stored extraction off the GUI thread (no PDF is read), then rank by the
        active profile; imports wait until it is done."""
        if self._engine is None:
            return
        matched_with = self._engine.matching_key()
        log_settings_change(self.session(), "settings", self._engine.user_settings, user_settings)
        self._engine = engine = self._engine.with_user_settings(user_settings)
        self._offer_profiles()
        self._chart.set_thresholds(engine.thresholds())
        self._rescoring = True
        messages.notify(f"Settings saved; re-scoring {self._model.rowCount()} candidates…")
        run_in_background(
            self._background_pool,
            partial(engine.rescore, self._model.candidates(), matched_with),
            partial(self._settings_rescored, engine),
            self._stored_rescoring_failed,
            context=self,
        )

    def _settings_rescored(self, engine: Engine, rescored: list[Candidate]) -> None:
        self._rescoring = False
        if engine is self._engine:  # not overtaken by newer settings or another session
            self._model.replace_candidates(self._with_profile(rescored))
            self._rank_by_profile()
            self._detail.show_row(self._detail.current_row())
            profile = engine.active_profile()
            ranked_by = f", ranked by the profile “{profile.name}”" if profile else ""
            messages.notify(f"Settings saved; {self._model.rowCount()} candidates re-scored{ranked_by}.")
            self.scores_updated.emit()
        self._import_queued_paths()

    def rank_by(self, profile_name: str) -> None:
        """Rank by another profile ("" for none) and keep the choice; no score changes, so nothing is re-scored."""
        if self._engine is None:
            return
        if self._rescoring:
            messages.notify("Another profile can be chosen once the list's scores are up to date.")
            self._offer_profiles()
            return
        user_settings = dataclasses.replace(self._engine.user_settings or UserSettings(), active_profile=profile_name)
        try:
            save_user_settings(user_settings)
        except ScreenerError as exc:
            self._offer_profiles()
            show_exception(self, exc)
            return
        log_settings_change(self.session(), "profile", self._engine.user_settings, user_settings)
        self._engine = self._engine.with_user_settings(user_settings)
        self._model.replace_candidates(self._with_profile(self._model.candidates()))
        self._rank_by_profile()
        self._detail.show_row(self._detail.current_row())
        messages.notify(f"Ranked by the profile “{profile_name}”." if profile_name else "Ranked by role fit.")

    def _offer_profiles(self) -> None:
        user_settings = self._engine.user_settings if self._engine else None
        names = [p.name for p in user_settings.profiles] if user_settings else []
        self._filters.set_profiles(names, user_settings.active_profile if user_settings else "")

    def _with_profile(self, candidates: Sequence[Candidate]) -> list[Candidate]:
        return apply_profile(candidates, self._engine.active_profile() if self._engine else None)

    def _rank_by_profile(self) -> None:
        profile = self._engine.active_profile() if self._engine else None
        self._show_must_haves()
        self._table.sortByColumn(Column.GATES if profile else Column.ROLE_FIT, Qt.SortOrder.DescendingOrder)

    def _show_must_haves(self) -> None:
        """The Must-haves column only while a profile ranks the list: without one it is empty, and on a small
        screen it would push the scores out of sight."""
        self._table.setColumnHidden(Column.GATES, self._engine is None or self._engine.active_profile() is None)

    # Status and closing -----------------------------------------------------------------------------

    def _update_title(self) -> None:
        session = self.session()
        if session is not None:
            self.setWindowTitle(f"{session.path.name} — CV Screener")
        else:
            self.setWindowTitle("CV Screener (no session: decisions are not saved)")

    def _show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, _STATUS_MESSAGE_MS)

    # Blind review ------------------------------------------------------------------------------------

    def blind_review(self) -> BlindReview:
        return self._blind

    def reveal_identity(self) -> None:
        """Reveal the one selected candidate (one explicit action per candidate, recorded in the decision log)."""
        rows = self._selected_source_rows()
        if len(rows) != 1:
            messages.notify("Select one candidate to reveal: each reveal is recorded for that candidate alone.")
            return
        candidate = self._model.candidate(rows[0])
        if not self._blind.reveal(candidate):
            messages.notify(f"{self._model.name(rows[0])} is not hidden: blind review is off or they were revealed.")

    def _blind_changed(self) -> None:
        """Everything that shows candidates shows them again as blind review now says."""
        self._proxy.invalidate()  # the filter matches numbers, not names, while blind review is on
        self._chart.update()
        self._progress.hide_files = self._blind.is_on()
        self._blind.hide_in_undo_texts(self._review.stack, self._model.candidates())
        if len(self._selected_source_rows()) <= 1:
            self._detail.show_row(self._detail.current_row())

    def _update_shown_count(self) -> None:
        shown, total = self._proxy.rowCount(), self._model.rowCount()
        self._shown_count.setText(f"{shown} of {total} shown" if shown != total else f"{total} candidates")

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._worker is not None:
            # Stop the worker processes cleanly rather than leaving them behind; what is left stays queued
            # in the session and is resumed at the next start.
            self._stop_import()
            self._worker.wait()
        self._background_pool.waitForDone()
        self._close_session()
        self._arrangement.save(window_settings())
        super().closeEvent(event)


def _separator(parent: QWidget) -> QAction:
    separator = QAction(parent)
    separator.setSeparator(True)
    return separator


def _settle_long_lived_objects() -> None:
    """Exempt what the window holds for good (modules, rows) from Python's full garbage collections.

    A full collection walks every object while holding the interpreter lock; with the Qt bindings and
    hundreds of candidates loaded it took 50-90 ms and froze the window several times per import.
    """
    gc.freeze()
