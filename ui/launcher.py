"""The `screener` command: the desktop app by default, or the engine's headless commands (`screen`, `inspect`).

This module imports no Qt itself, so `screener screen` starts fast and runs where no display exists.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from screener import cli
from ui.system_libraries import xcb_problem


def main(argv: Sequence[str] | None = None) -> int:
    args = cli.build_parser().parse_args(argv)
    if args.command in cli.ENGINE_COMMANDS:
        return cli.main(argv)
    problem = xcb_problem()
    if problem is not None:  # Qt would abort with a core dump and name only one of the missing packages
        print(problem, file=sys.stderr)
        return 1
    from ui.app import run_gui  # Qt is loaded only when the window is asked for

    # With no command at all, argparse sets none of the gui command's options.
    return run_gui(getattr(args, "paths", []), getattr(args, "session", None))


if __name__ == "__main__":
    sys.exit(main())
