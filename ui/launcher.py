"""The `screener` command: the desktop app by default, or the engine's headless commands (`screen`, `inspect`).

This module imports no Qt itself, so `screener screen` starts fast and runs where no display exists.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from ui.system_libraries import xcb_problem

# Qt's own command-line options (QGuiApplication, QApplication and the xcb plugin), which Qt reads itself.
# Single-dash forms only: Qt takes "--session" for its own "-session", and that one is the app's.
_QT_OPTIONS_WITH_VALUE = frozenset(
    (
        "-platform",
        "-platformpluginpath",
        "-platformtheme",
        "-plugin",
        "-qwindowgeometry",
        "-qwindowicon",
        "-qwindowtitle",
        "-style",
        "-stylesheet",
        "-display",
        "-geometry",
        "-title",
        "-name",
        "-fontengine",
    )
)
_QT_FLAGS = frozenset(("-reverse", "-widgetcount", "-nograb", "-dograb", "-sync"))


def split_qt_options(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """Qt's options (with their values) apart from the app's own arguments, each kept in its order."""
    qt_options: list[str] = []
    ours: list[str] = []
    arguments = iter(argv)
    for argument in arguments:
        name = argument.split("=", 1)[0]
        if name in _QT_FLAGS or (name in _QT_OPTIONS_WITH_VALUE and "=" in argument):
            qt_options.append(argument)
        elif name in _QT_OPTIONS_WITH_VALUE:
            value = next(arguments, None)
            qt_options += [argument] if value is None else [argument, value]
        else:
            ours.append(argument)
    return qt_options, ours


def main(argv: Sequence[str] | None = None) -> int:
    # Imported here, not with this module: a worker process re-imports the script it was started from, and
    # needs none of the command line's session, export and report modules.
    from screener import cli

    qt_options, argv = split_qt_options(sys.argv[1:] if argv is None else argv)
    args = cli.build_parser().parse_args(argv)
    if args.command in cli.ENGINE_COMMANDS:
        return cli.main(argv)
    problem = xcb_problem(qt_options)
    if problem is not None:  # Qt would abort with a core dump and name one package, even when none is missing
        print(problem, file=sys.stderr)
        return 1
    from ui.app import run_gui  # Qt is loaded only when the window is asked for

    # With no command at all, argparse sets none of the gui command's options.
    return run_gui(getattr(args, "paths", []), getattr(args, "session", None), qt_options)


if __name__ == "__main__":
    sys.exit(main())
