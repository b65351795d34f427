"""The `screener` command on a Linux desktop that lacks the system libraries Qt's X11 plugin needs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import ui.app
from ui import launcher, system_libraries

_HIDDEN = {"libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"}

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or system_libraries.xcb_plugin() is None,
    reason="Qt's xcb plugin exists only in Linux builds of PySide6",
)


def _load_all_but_hidden(soname: str) -> None:
    if soname in _HIDDEN:
        raise OSError(f"{soname}: cannot open shared object file: No such file or directory")


@pytest.fixture
def stock_desktop(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """An X11 session whose system lacks three xcb libraries; returns the calls that reached Qt."""
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(system_libraries, "_load_library", _load_all_but_hidden)
    monkeypatch.setattr(system_libraries, "_display_answers", lambda display: True)
    started: list[object] = []
    monkeypatch.setattr(ui.app, "run_gui", lambda *args: started.append(args) or 0)
    return started


def _os_release(monkeypatch: pytest.MonkeyPatch, **fields: str) -> None:
    monkeypatch.setattr(system_libraries.platform, "freedesktop_os_release", lambda: fields)


def test_missing_xcb_libraries_print_the_apt_command_and_exit_before_qt_starts(
    stock_desktop: list[object], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _os_release(monkeypatch, ID="ubuntu", ID_LIKE="debian")

    assert launcher.main(["gui"]) == 1

    assert stock_desktop == []
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1\n" in capsys.readouterr().err


def test_on_fedora_the_command_is_dnf_with_fedora_package_names(
    stock_desktop: list[object], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _os_release(monkeypatch, ID="fedora")

    assert launcher.main([]) == 1

    assert "sudo dnf install xcb-util-cursor xcb-util-wm xcb-util-keysyms\n" in capsys.readouterr().err


def test_another_qt_platform_skips_the_check(stock_desktop: list[object], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")

    assert launcher.main(["gui"]) == 0

    assert len(stock_desktop) == 1


def test_qt_platform_option_on_the_command_line_skips_the_check(stock_desktop: list[object]) -> None:
    assert launcher.main(["-platform", "offscreen", "gui"]) == 0

    assert len(stock_desktop) == 1


def test_without_a_display_the_app_says_so_instead_of_naming_a_package(
    stock_desktop: list[object], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(system_libraries, "_load_library", lambda soname: None)
    monkeypatch.delenv("DISPLAY")

    assert launcher.main([]) == 1

    assert stock_desktop == []
    error = capsys.readouterr().err
    assert "no display is set" in error and "apt install" not in error


def test_qt_display_option_gives_the_display(stock_desktop: list[object], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(system_libraries, "_load_library", lambda soname: None)
    monkeypatch.delenv("DISPLAY")

    assert launcher.main(["-display", ":1", "gui"]) == 0

    assert len(stock_desktop) == 1


def test_the_app_starts_when_every_library_loads(stock_desktop: list[object], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(system_libraries, "_load_library", lambda soname: None)

    assert launcher.main(["gui"]) == 0

    assert len(stock_desktop) == 1


def test_a_display_no_x_server_answers_on_is_named_instead_of_a_package(
    stock_desktop: list[object], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(system_libraries, "_load_library", lambda soname: None)
    monkeypatch.undo()  # the real check, on a display number no X server on this machine has taken
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(ui.app, "run_gui", lambda *args: stock_desktop.append(args) or 0)
    free = next(n for n in range(173, 999) if not Path(f"/tmp/.X11-unix/X{n}").exists())

    assert launcher.main(["-display", f":{free}", "gui"]) == 1

    assert stock_desktop == []
    error = capsys.readouterr().err
    assert f"no X server answers on display ':{free}'" in error and "apt install" not in error
