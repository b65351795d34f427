"""Keeps the app alive on Python 3.10 and 3.11 despite a reference-counting defect in PySide6 6.12.

Every Qt method that returns nothing (QPainter.drawRect, QWidget.update, QLabel.setText, ...), a Python
model's data() returning None and some signal emissions release a reference to None, True or False that
they never took. Python 3.12 and later make these immortal, so nothing happens there; on older versions
their counts fall with each call until the interpreter aborts ("deallocating None") after some minutes of
painting. Giving them a vast head start makes them as good as immortal.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 50  # decades of calls at millions per second, far below the counter's limit


def keep_singletons_alive() -> None:
    """Call once at start-up, before any painting."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for singleton in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt is the first field of every object
        refcount.value += _HEADROOM
