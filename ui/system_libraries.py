"""Checks, before Qt starts, that Qt's X11 (xcb) platform plugin can load the system libraries it links to
and has a display to open.

Without either (or with a display no X server answers on), Qt aborts with a core dump and a hint that names one
package of several missing, even when only the display is. This module imports no Qt: it reads the plugin's ELF
dependency list, asks the dynamic loader for each library, and asks libxcb whether the display answers.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import platform
import struct
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

# The system package that provides each library the xcb plugin and the Qt libraries it uses link to.
# Debian and Ubuntu name packages after the library; Fedora groups several libraries in one package.
_PACKAGES: dict[str, tuple[str, str]] = {  # soname: (Debian/Ubuntu, Fedora)
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb-xinput.so.0": ("libxcb-xinput0", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
}

_DT_NEEDED = 1
_SHT_DYNAMIC = 6


def _load_library(soname: str) -> None:
    """Load a library the way the plugin would; raises OSError when it or one of its own needs is missing."""
    ctypes.CDLL(soname)


def _section_headers(data: bytes) -> list[tuple[int, int, int, int]]:
    """Each section's (type, offset, size, link) of a 64-bit little-endian ELF file."""
    table, entry_size, count = struct.unpack_from("<Q", data, 0x28)[0], *struct.unpack_from("<HH", data, 0x3A)
    headers = []
    for index in range(count):
        _, kind, _, _, offset, size, link = struct.unpack_from("<IIQQQQI", data, table + index * entry_size)
        headers.append((kind, offset, size, link))
    return headers


def needed_libraries(elf_file: Path) -> list[str]:
    """The libraries an ELF shared object links to (its DT_NEEDED entries); none when it is not 64-bit LE ELF."""
    data = elf_file.read_bytes()
    if data[:6] != b"\x7fELF\x02\x01":
        return []
    headers = _section_headers(data)
    needed = []
    for kind, offset, size, link in headers:
        if kind != _SHT_DYNAMIC:
            continue
        strings = headers[link][1]
        for tag, value in struct.iter_unpack("<qQ", data[offset : offset + size]):
            if tag == _DT_NEEDED:
                needed.append(data[strings + value : data.index(b"\0", strings + value)].decode())
    return needed


def xcb_plugin() -> Path | None:
    """Qt's xcb platform plugin in the installed PySide6, found without importing Qt."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return None
    plugin = Path(spec.origin).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.is_file() else None


def _system_needs(plugin: Path) -> Iterator[str]:
    """The system libraries the plugin needs, directly or through the Qt libraries shipped beside it."""
    bundled = plugin.parents[2] / "lib"
    seen: set[str] = set()
    pending = needed_libraries(plugin)
    while pending:
        soname = pending.pop(0)
        if soname in seen:
            continue
        seen.add(soname)
        if (bundled / soname).is_file():
            pending += needed_libraries(bundled / soname)
        else:
            yield soname


def missing_libraries(plugin: Path) -> list[str]:
    """The system libraries of the plugin that the dynamic loader cannot load."""
    missing = []
    for soname in _system_needs(plugin):
        try:
            _load_library(soname)
        except OSError:
            missing.append(soname)
    return missing


def _uses_dnf() -> bool:
    try:
        release = platform.freedesktop_os_release()
    except OSError:
        return False
    families = {release.get("ID", ""), *release.get("ID_LIKE", "").split()}
    return bool(families & {"fedora", "rhel", "centos"})


def install_command(missing: list[str]) -> str:
    """The one command that installs the packages providing the missing libraries on this distribution."""
    column = 1 if _uses_dnf() else 0
    packages = dict.fromkeys(_PACKAGES[soname][column] for soname in missing if soname in _PACKAGES)
    unknown = [soname for soname in missing if soname not in _PACKAGES]
    command = f"sudo {'dnf' if column else 'apt'} install {' '.join(packages)}" if packages else ""
    also = f"\nand the packages that provide {', '.join(unknown)}" if unknown else ""
    return command + also


_NO_DISPLAY = (
    "CV Screener cannot open its window: no display is set (DISPLAY), as in a terminal over SSH or on a text "
    "console. Start it from a desktop session (or over `ssh -X`); `screener screen FOLDER` needs no window.\n"
)


def _no_server(display: str) -> str:
    return (
        f"CV Screener cannot open its window: no X server answers on display {display!r}. Start it from a desktop "
        "session, or check DISPLAY; `screener screen FOLDER` needs no window.\n"
    )


def _display_answers(display: str) -> bool:
    """Whether an X server accepts a connection on the display, asked through libxcb as Qt's plugin will."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True  # the library check names what is missing
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)  # never NULL: a failed one carries its error
    try:
        return bool(xcb.xcb_connection_has_error(connection) == 0)
    finally:
        xcb.xcb_disconnect(connection)


def _qt_option(qt_options: Sequence[str], name: str, environment: str) -> str:
    """The value of one of Qt's command-line options, which wins over the variable Qt reads otherwise."""
    value = os.environ.get(environment, "")
    options = iter(qt_options)
    for option in options:
        given, equals, inline = option.partition("=")
        if given == name:
            value = inline if equals else next(options, "")
    return value


def _qt_will_use_xcb(qt_options: Sequence[str]) -> bool:
    chosen = _qt_option(qt_options, "-platform", "QT_QPA_PLATFORM")
    # Unset on a Wayland desktop, Qt starts its Wayland plugin and never loads xcb.
    return chosen == "xcb" or (not chosen and not os.environ.get("WAYLAND_DISPLAY"))


def xcb_problem(qt_options: Sequence[str] = ()) -> str | None:
    """What to install, or the missing display, for the app to open on X11; None when all is there or xcb
    is not used. qt_options are Qt's own command-line options (-platform, -display), as Qt will read them."""
    if not sys.platform.startswith("linux") or not _qt_will_use_xcb(qt_options):
        return None
    plugin = xcb_plugin()
    missing = missing_libraries(plugin) if plugin is not None else []
    if missing:
        return (
            f"CV Screener cannot open its window: Qt needs system libraries that are not installed "
            f"({', '.join(missing)}). Install them with:\n\n    {install_command(missing)}\n"
        )
    display = _qt_option(qt_options, "-display", "DISPLAY")
    if not display:
        return _NO_DISPLAY
    return None if _display_answers(display) else _no_server(display)
