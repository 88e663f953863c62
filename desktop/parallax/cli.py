"""The ``parallax`` command line.

A user error (a missing file, a PDF, an empty article) gets one clear line on stderr and
exit status 2, never a traceback; that promise is kept here, in one place, by catching
:class:`~parallax.core.ingest.IngestError` and argparse's own errors.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
import textwrap
from collections.abc import Sequence
from typing import IO, BinaryIO

from parallax import __version__
from parallax.core.ingest import IngestError, read_path, read_stream
from parallax.core.model import Comparison, Document, Side
from parallax.core.pipeline import Options, compare
from parallax.paths import sample_pair

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

_PENDING_NOTE = (
    "Actor and reaction recognition has not landed yet: the `actors` and `reactions` "
    "lists of the JSON document are empty, never guessed."
)


class UsageError(Exception):
    """A mistake in how the command was called, reported as one line with exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="parallax",
        description=(
            "Compare how two outlets covered one event: repair damaged text, split it into "
            "sentences and link the sentences that report the same fact."
        ),
        epilog="Without a command, Parallax compares the sample pair and prints the result.",
    )
    parser.add_argument("--version", action="version", version=f"parallax {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    cmp = sub.add_parser(
        "compare",
        help="compare two articles and print the result",
        description=(
            "Compare two articles (.txt, .md, .html; '-' reads one of them from standard "
            "input) and print the linked sentences, what only one outlet says, and the "
            "repairs made to damaged text. " + _PENDING_NOTE
        ),
    )
    cmp.add_argument("left", help="the left article: a file path, or - for standard input")
    cmp.add_argument("right", help="the right article: a file path, or - for standard input")
    cmp.add_argument(
        "--json",
        action="store_true",
        help="print the parallax.comparison/1 JSON document instead of a readable report",
    )
    cmp.add_argument(
        "--no-repair",
        action="append",
        default=[],
        metavar="STEP",
        choices=["mojibake", "invisibles", "junk-glyphs"],
        help="leave one repair step out (mojibake, invisibles, junk-glyphs); repeatable",
    )
    return parser


def _load(arg: str, stdin: BinaryIO) -> Document:
    if arg == "-":
        return read_stream(stdin, name="stdin")
    return read_path(arg)


def _report(comparison: Comparison) -> str:
    """A readable plain-text report of a comparison, for the terminal."""
    left, right = comparison.left, comparison.right
    lines: list[str] = []
    width = 88

    def wrap(text: str, indent: str) -> list[str]:
        return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent) or [
            indent
        ]

    for label, doc in (("Left ", left), ("Right", right)):
        title = doc.title or "(untitled)"
        source = f" — {doc.source}" if doc.source else ""
        lines.append(f"{label}: {title}{source}")
        lines.append(
            f"       {len(doc.sentences)} sentences, {len(doc.repairs)} repairs"
            + (" (" + ", ".join(sorted({r.kind for r in doc.repairs})) + ")" if doc.repairs else "")
        )
    lines.append("")
    lines.append(f"Linked facts ({len(comparison.links)}):")
    for n, link in enumerate(comparison.links, 1):
        lines.append(f"  [{n}] {link.kind}, score {link.score:.2f}")
        for i in link.left:
            lines.extend(wrap(left.sentences[i].text, "      L: "))
        for j in link.right:
            lines.extend(wrap(right.sentences[j].text, "      R: "))
        for d in link.differences:
            lines.append(f"      ≠ {d.kind}: {d.left!r} vs {d.right!r}")
    sides: tuple[tuple[Side, Document], ...] = (("left", left), ("right", right))
    for label, doc in sides:
        only = [i for i in comparison.unlinked(label) if doc.sentences[i].role == "body"]
        lines.append("")
        lines.append(f"Only in the {label} article ({len(only)}):")
        for i in only:
            lines.extend(wrap(doc.sentences[i].text, "  - "))
    repaired = [(label, doc) for label, doc in (("left", left), ("right", right)) if doc.repairs]
    for label, doc in repaired:
        lines.append("")
        lines.append(f"Repairs in the {label} article ({len(doc.repairs)}):")
        for r in doc.repairs:
            context = doc.original[max(0, r.start - 12) : r.end + 12].replace("\n", " ")
            lines.append(f"  - {r.kind}: {r.original!r} -> {r.replacement!r} in …{context}…")
    lines.append("")
    lines.append("Actors and reactions: not yet recognised by this version.")
    return "\n".join(lines) + "\n"


def _write(out: IO[str], text: str) -> None:
    try:
        out.write(text)
        out.flush()
    except BrokenPipeError:  # `parallax compare a b | head` is fine: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, out.fileno())


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: BinaryIO | None = None,
    stdout: IO[str] | None = None,
    stderr: IO[str] | None = None,
) -> int:
    """Run the command line; returns the exit status."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    if out is sys.stdout and isinstance(out, io.TextIOWrapper):
        out.reconfigure(encoding="utf-8", errors="replace")  # JSON carries any glyph
    parser = _build_parser()
    try:
        try:
            with contextlib.redirect_stdout(out):
                args = parser.parse_args(argv)
        except SystemExit as exc:  # --help and --version
            return int(exc.code or 0)
        if args.command == "compare":
            if args.left == "-" and args.right == "-":
                raise UsageError("only one of LEFT and RIGHT can be read from standard input")
            source = stdin if stdin is not None else sys.stdin.buffer
            left, right = _load(args.left, source), _load(args.right, source)
            skip = tuple(args.no_repair)
        else:
            lpath, rpath = sample_pair()
            left, right = read_path(lpath), read_path(rpath)
            skip = ()
            args.json = False
        comparison = compare(left, right, options=Options(skip_repairs=skip))
    except UsageError as exc:
        err.write(f"parallax: {exc}\n")
        err.write("Try 'parallax --help' for how to call it.\n")
        return EXIT_USAGE
    except IngestError as exc:
        err.write(f"parallax: {exc}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        err.write("parallax: interrupted\n")
        return EXIT_INTERRUPTED
    if args.json:
        _write(out, json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        _write(out, _report(comparison))
    return EXIT_OK
