"""``parallax [LEFT RIGHT]``, ``--screenshot`` and ``--smoke-test``: starting the reader.

This module is what ``python -m parallax`` and the ``parallax`` command look at first, so it
imports nothing but the standard library: the reader's window must be on screen quickly,
and the command-line sub-commands (``compare``, ``library``) load the comparison stack only
when they are asked for.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Literal

EXIT_USAGE = 2
COMMANDS = ("compare", "library")


class _UsageError(Exception):
    """A command line the reader cannot act on."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(message)


def is_reader(argv: Sequence[str]) -> bool:
    """Whether a command line asks for the reader window rather than a sub-command."""
    if any(a in ("-h", "--help", "--version") for a in argv):
        return False
    return not any(a in COMMANDS for a in argv)


def positive_int(value: str) -> int:
    """An argparse type: a whole number of at least 1 (shared with the sub-commands)."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {value!r}")
    return number


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="parallax",
        description="Open the Parallax reader window on two articles.",
    )
    parser.add_argument("files", nargs="*", metavar="LEFT RIGHT", help="the two articles")
    parser.add_argument("--db", metavar="PATH", help="the library file")
    parser.add_argument("--theme", choices=["system", "light", "dark"], help="appearance")
    parser.add_argument(
        "--screenshot", metavar="OUT.png", help="render the window to a PNG file and exit"
    )
    parser.add_argument(
        "--select", type=positive_int, metavar="N", help="with --screenshot: select link N"
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="check this installation offscreen on the sample pair, print timings, exit",
    )
    return parser


def reader(argv: Sequence[str], err: IO[str]) -> int:
    """Run ``parallax [options] [LEFT RIGHT]``; returns the exit status.

    A bad command line (a missing file, one file instead of two) is one line on ``err`` and
    exit status 2, before any window opens.
    """
    try:
        args = _parser().parse_args(list(argv))
        if len(args.files) not in (0, 2):
            raise _UsageError("give two articles (LEFT RIGHT), or none for the last comparison")
        pair: tuple[Path, Path] | None = None
        if args.files:
            left, right = (Path(f) for f in args.files)
            for path in (left, right):
                if not path.is_file():
                    raise _UsageError(f"{path}: no such file")
            pair = (left, right)
        if args.smoke_test:
            from parallax.app import smoke_test

            return smoke_test()
        if args.select is not None and not args.screenshot:
            raise _UsageError("--select goes with --screenshot")
        if args.screenshot:
            out = Path(args.screenshot)
            if out.suffix.lower() != ".png":
                raise _UsageError(f"{out}: the screenshot is written as PNG; name it *.png")
            from parallax.app import screenshot
            from parallax.core.ingest import IngestError

            theme: Literal["light", "dark"] = "dark" if args.theme == "dark" else "light"
            try:
                return screenshot(out, pair, scheme=theme, select=args.select)
            except IngestError as exc:
                err.write(f"parallax: {exc}\n")
                return EXIT_USAGE
        from parallax.app import run

        return run(pair, db=args.db, scheme=args.theme)
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    except _UsageError as exc:
        err.write(f"parallax: {exc}\n")
        err.write("Try 'parallax --help' for how to call it.\n")
        return EXIT_USAGE
    except OSError as exc:
        err.write(f"parallax: {exc}\n")
        return EXIT_USAGE
