"""Run a function on a thread pool and hand its result or exception back on the GUI thread."""

from __future__ import annotations

import atexit
from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

T = TypeVar("T")

# Delivery objects stay alive here until their result arrives; nothing else holds them.
_in_flight: set[_Delivery] = set()


class _Delivery(QObject):
    """Lives on the GUI thread, so signals emitted by the pool thread reach its slots queued."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(
        self, context: QObject, on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]
    ) -> None:
        super().__init__()
        self._context = context
        self._on_done = on_done
        self._on_error = on_error
        self.succeeded.connect(self._deliver_result)
        self.failed.connect(self._deliver_error)

    @Slot(object)
    def _deliver_result(self, result: object) -> None:
        _in_flight.discard(self)
        # The widget that asked may have been closed while the work ran.
        if shiboken6.isValid(self._context):
            self._on_done(result)

    @Slot(object)
    def _deliver_error(self, exc: BaseException) -> None:
        _in_flight.discard(self)
        if shiboken6.isValid(self._context):
            self._on_error(exc)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], object], delivery: _Delivery) -> None:
        super().__init__()
        self._work = work
        self._delivery = delivery

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:
            self._delivery.failed.emit(exc)
        else:
            self._delivery.succeeded.emit(result)


def run_in_background(
    pool: QThreadPool,
    work: Callable[[], T],
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None],
    context: QObject,
) -> None:
    """Call `work()` on `pool`; then `on_done(result)` or `on_error(exc)` on the GUI thread while `context` lives."""
    delivery = _Delivery(context, on_done, on_error)
    _in_flight.add(delivery)
    pool.start(_Job(work, delivery))


def finish_before_exit(pool: QThreadPool) -> None:
    """Drop `pool`'s queued work and wait for the work running, when the app quits and again at exit.

    Work still running while Python shuts down calls into libraries already torn down (PDFium crashes the
    process) and emits from delivery objects already deleted. Exit handlers run last-registered first: a
    pool registered after a library registered its own handler finishes before that library is torn down.
    """
    finish = partial(_finish, pool)
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(finish)
    atexit.register(finish)


def _finish(pool: QThreadPool) -> None:
    if shiboken6.isValid(pool):  # a pool owned by a window is gone with the window, its work with it
        pool.clear()
        pool.waitForDone()
