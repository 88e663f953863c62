"""The ``parallax`` command line: the reader window, ``compare``, ``library`` and ``story``.

``parallax [LEFT RIGHT]`` opens the reader window (``parallax open`` is the same command,
spelled out); ``parallax compare`` prints a comparison and keeps it in the local library
(``--no-store`` to skip), with the corrections saved for the pair re-applied; ``parallax
library`` lists, searches, shows, exports and deletes what is there; ``parallax story``
(:mod:`parallax.cli_story`) keeps three or more outlets on one event. What these commands do
with a pair and the library is :mod:`parallax.session`'s; this module only reads the
command line and prints.

Start-up stays light: this module imports the standard library and the core records only,
and each command loads what it needs (the reader's window must be on screen quickly; the
comparison stack and sqlite-utils load when a command asks for them).

A user error (a missing file, a PDF, an empty article, an unusable library) gets one clear
line on stderr and exit status 2, never a traceback; that promise is kept here, in one place.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
import textwrap
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO, Literal

from parallax import __version__
from parallax.core.names import shown_name
from parallax.report import inline, one_line

if TYPE_CHECKING:  # pragma: no cover
    from parallax.core.model import Actor, Comparison, Document
    from parallax.session import Note, ReportFormat, SearchHit, Session

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

#: The sub-commands; a command line naming none of them opens the reader.
COMMANDS = ("open", "compare", "library", "story")

_WIDTH = 88

_ACTORS_NOTE = (
    "The actors (people, countries, organisations, places and groups) of both articles "
    "and their reactions, with a stance toward the event, are listed too."
)


class UsageError(Exception):
    """A mistake in how the command was called, reported as one line with exit status 2."""


class Failure(Exception):
    """A problem with the user's input or library, reported as one line with status 2."""


@contextlib.contextmanager
def _failures() -> Iterator[None]:
    """Input, library and installation problems as :class:`Failure` (imported lazily)."""
    from parallax.core.ingest import IngestError
    from parallax.session import ActorsUnavailable, LibraryError

    try:
        yield
    except (IngestError, LibraryError, ActorsUnavailable, OSError) as exc:
        raise Failure(str(exc)) from exc


class _HelpFormatter(argparse.HelpFormatter):
    """Help wrapped between words only, so that a name such as ``junk-glyphs`` stays whole."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


#: The largest whole number a command takes: the largest integer the library (SQLite) holds,
#: so that no number reaches it only to overflow there.
MAX_NUMBER = 2**63 - 1


def _whole_number(value: str, minimum: int) -> int | None:
    """``value`` as a whole number from ``minimum`` to :data:`MAX_NUMBER`, else None."""
    try:
        number = int(value)
    except ValueError:  # not a number, or more digits than Python converts
        return None
    return number if minimum <= number <= MAX_NUMBER else None


def positive_int(value: str) -> int:
    """An argparse type: a whole number from 1 to :data:`MAX_NUMBER`."""
    number = _whole_number(value, 1)
    if number is None:
        raise argparse.ArgumentTypeError(
            f"expected a whole number from 1 to {MAX_NUMBER}, got {one_line(value, 40)!r}"
        )
    return number


def window_size(value: str) -> tuple[int, int]:
    """An argparse type: a window size as WIDTHxHEIGHT in pixels (e.g. 1920x1080)."""
    width, _, height = value.lower().partition("x")
    try:
        size = (int(width), int(height))
    except ValueError:
        size = (0, 0)
    if not (640 <= size[0] <= 7680 and 480 <= size[1] <= 4320):
        raise argparse.ArgumentTypeError(
            f"expected WIDTHxHEIGHT from 640x480 to 7680x4320, got {value!r}"
        )
    return size


def _comparison_id(value: str) -> int:
    """An argparse type: a comparison id, a whole number from 0 to :data:`MAX_NUMBER`."""
    number = _whole_number(value, 0)
    if number is None:
        raise argparse.ArgumentTypeError(
            f"{one_line(value, 40)!r} is not a comparison id (ids are the numbers "
            "'parallax library list' shows)"
        )
    return number


def is_reader(argv: Sequence[str]) -> bool:
    """Whether a command line asks for the reader window (``open``, spelled or not)."""
    if any(a in ("-h", "--help", "--version") for a in argv):
        return "open" in argv
    return not any(a in COMMANDS[1:] for a in argv)


def _build_parser(command: str = "compare") -> argparse.ArgumentParser:
    """The one parser of every command; ``command`` is the one to be parsed, whose
    arguments may need more than the standard library to describe."""
    parser = _Parser(
        prog="parallax",
        description=(
            "Compare how two outlets covered one event: repair damaged text, split it into "
            "sentences and link the sentences that report the same fact."
        ),
        usage="parallax [-h] [--version] COMMAND ...\n"
        "       parallax [--db PATH] [--theme {system,light,dark}] [LEFT RIGHT]\n"
        "       parallax --screenshot OUT.png [--theme {light,dark}] [--select N] [--size WxH]"
        " [LEFT RIGHT]",
        epilog=(
            "Without a command, Parallax opens the reader window (the open command): on "
            "LEFT and RIGHT if given, else on the last comparison, else on the sample pair."
        ),
    )
    parser.add_argument("--version", action="version", version=f"parallax {__version__}")
    # SUPPRESS: a --db given at any level is kept, not overwritten by a sub-command default.
    db_option = _Parser(add_help=False)
    db_option.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="the library file (default: $PARALLAX_DB, else library.db in the user data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    _add_open_parser(sub, db_option)
    _add_compare_parser(sub, db_option, full=command == "compare")
    _add_library_parser(sub, db_option)
    from parallax.cli_story import add_story_parser

    add_story_parser(sub, db_option, _Parser)
    return parser


def _add_open_parser(sub: argparse._SubParsersAction[_Parser], db_option: _Parser) -> None:
    reader = sub.add_parser(
        "open",
        parents=[db_option],
        help="open the reader window (the default command)",
        description="Open the Parallax reader window on two articles.",
    )
    reader.add_argument("files", nargs="*", metavar="LEFT RIGHT", help="the two articles")
    reader.add_argument("--theme", choices=["system", "light", "dark"], help="appearance")
    reader.add_argument(
        "--screenshot", metavar="OUT.png", help="render the window to a PNG file and exit"
    )
    reader.add_argument(
        "--select", type=positive_int, metavar="N", help="with --screenshot: select link N"
    )
    reader.add_argument(
        "--size",
        type=window_size,
        metavar="WxH",
        help="with --screenshot: the window's size in pixels (default 1500x920)",
    )
    reader.add_argument(
        "--smoke-test",
        action="store_true",
        help="check this installation offscreen on the sample pair, print timings, exit",
    )


def _add_compare_parser(
    sub: argparse._SubParsersAction[_Parser], db_option: _Parser, *, full: bool
) -> None:
    cmp = sub.add_parser(
        "compare",
        parents=[db_option],
        help="compare two articles, print the result and keep it in the library",
        description=(
            "Compare two articles (.txt, .md, .html; '-' reads one of them from standard "
            "input) and print the linked sentences, what only one outlet says, and the "
            "repairs made to damaged text. The result is kept in the local library, and "
            "links and actors you corrected for this pair are re-applied. " + _ACTORS_NOTE
        ),
    )
    cmp.add_argument("left", help="the left article: a file path, or - for standard input")
    cmp.add_argument("right", help="the right article: a file path, or - for standard input")
    cmp.add_argument(
        "--json",
        action="store_true",
        help="print the parallax.comparison/1 JSON document instead of a readable report",
    )
    if full:  # the repair steps are named by core.repair, which the reader loads later
        from parallax.core.repair import STEPS

        cmp.add_argument(
            "--no-repair",
            action="append",
            default=[],
            metavar="STEP",
            choices=[step.name for step in STEPS],
            help="leave one repair step out, repeatable: "
            + "; ".join(
                f"{step.name} ({step.label[:1].lower()}{step.label[1:]})" for step in STEPS
            ),
        )
    cmp.add_argument(
        "--quick",
        action="store_true",
        help="link with the quick scorer only: seconds faster on very long articles, "
        "but fewer shared facts (the reader shows these first)",
    )
    cmp.add_argument(
        "--no-store",
        action="store_true",
        help="neither save the result nor read saved corrections: the library is not opened",
    )
    for side in ("left", "right"):
        for what, metavar, found in (
            ("outlet", "NAME", "the page's site name, a byline or a wire dateline"),
            ("author", "NAME", "the page's metadata or a 'By NAME' byline"),
            ("date", "DATE", "the page's metadata or a date line"),
        ):
            cmp.add_argument(
                f"--{side}-{what}",
                metavar=metavar,
                help=f"the {side} article's {what}, instead of what was found in it ({found})",
            )


def _add_library_parser(sub: argparse._SubParsersAction[_Parser], db_option: _Parser) -> None:
    lib = sub.add_parser(
        "library",
        parents=[db_option],
        help="list, search, show, export or delete the comparisons kept in the library",
        description=(
            "The comparisons kept in the local library (one SQLite file, which Datasette and "
            "sqlite-utils can open too). Without an action, lists them."
        ),
    )
    actions = lib.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    actions.add_parser("list", parents=[db_option], help="list the saved comparisons")
    search = actions.add_parser(
        "search",
        parents=[db_option],
        help="find sentences in the saved articles, and your notes",
        description=(
            "Full-text search of every saved article's sentences, best matches first, each "
            "shown in context, then the notes you wrote that contain every word. Words are "
            "matched in any form (sanction finds sanctions); "
            'use "double quotes" for a phrase, AND / OR / NOT, and word* for a prefix.'
        ),
    )
    search.add_argument("query", nargs="+", help="the words to look for")
    search.add_argument(
        "--limit", type=positive_int, default=20, metavar="N", help="show at most N matches (20)"
    )
    show = actions.add_parser("show", parents=[db_option], help="print a saved comparison")
    show.add_argument("id", type=_comparison_id, metavar="ID", help="the comparison's id")
    export = actions.add_parser(
        "export",
        parents=[db_option],
        help="print a saved comparison as JSON, Markdown or HTML",
        description=(
            "Print a saved comparison, with the corrections you made to it: json is the "
            "parallax.comparison/1 document, md and html a report to share (redirect to a "
            "file: > story.html)."
        ),
    )
    export.add_argument("id", type=_comparison_id, metavar="ID", help="the comparison's id")
    export.add_argument(
        "--format", choices=["json", "md", "html"], default="json", help="json (default), md, html"
    )
    note = actions.add_parser(
        "note",
        parents=[db_option],
        help="keep a note on a saved comparison (or on one sentence, link or actor of it)",
        description=(
            "Keep a note on a saved comparison, or on one sentence, one link or one actor of "
            "it (sentences numbered as 'library show' prints them); 'library show', the "
            "reports and 'library search' list it."
        ),
    )
    note.add_argument("id", type=_comparison_id, metavar="ID", help="the comparison's id")
    note.add_argument("text", nargs="+", help="the note")
    on = note.add_mutually_exclusive_group()
    note.add_argument("--side", choices=["left", "right"], help="with --sentence: which article")
    on.add_argument(
        "--sentence", type=positive_int, metavar="N", help="the sentence, numbered as shown"
    )
    on.add_argument(
        "--link",
        type=positive_int,
        nargs=2,
        metavar=("LEFT", "RIGHT"),
        help="the link of these two sentences",
    )
    on.add_argument("--actor", metavar="NAME", help="the actor (its name as shown, or an alias)")
    for verb, what in (("pin", "link"), ("reject", "never link")):
        decide = actions.add_parser(
            verb,
            parents=[db_option],
            help=f"{what} two sentences of a saved comparison, and compare the pair again",
            description=(
                f"{verb.capitalize()} a pair of sentences (numbered as 'library show' prints "
                "them): the decision belongs to the two articles and holds whenever they are "
                "compared again; the saved comparison is updated at once."
            ),
        )
        decide.add_argument("id", type=_comparison_id, metavar="ID", help="the comparison's id")
        decide.add_argument("left", type=positive_int, metavar="LEFT", help="left sentence")
        decide.add_argument("right", type=positive_int, metavar="RIGHT", help="right sentence")
    for verb, what in (("undo", "take back"), ("redo", "make again")):
        step = actions.add_parser(
            verb,
            parents=[db_option],
            help=f"{what} the latest correction of a saved comparison's pair of articles",
            description=(
                f"{what.capitalize()} the latest pin, rejection or actor correction made to this "
                "comparison's two articles, and compare them again."
            ),
        )
        step.add_argument("id", type=_comparison_id, metavar="ID", help="the comparison's id")
    delete = actions.add_parser(
        "delete",
        parents=[db_option],
        help="delete a saved comparison (and its articles, unless another comparison uses them)",
    )
    delete.add_argument("id", type=_comparison_id, metavar="ID", help="the comparison's id")


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
    args_list = list(sys.argv[1:] if argv is None else argv)
    command = next((a for a in args_list if a in COMMANDS), "open")
    if is_reader(args_list) and "open" not in args_list:
        args_list.insert(0, "open")
    try:
        try:
            with contextlib.redirect_stdout(out):
                args = _build_parser(command).parse_args(args_list)
        except SystemExit as exc:  # --help and --version
            return int(exc.code or 0)
        if args.command == "open":
            return _open(args, err)
        if out is sys.stdout and isinstance(out, io.TextIOWrapper):
            out.reconfigure(encoding="utf-8", errors="replace")  # JSON carries any glyph
        with _failures():
            if args.command == "library":
                return _library(args, out)
            if args.command == "story":
                return _story(args, out, err)
            return _compare(args, stdin if stdin is not None else sys.stdin.buffer, out, err)
    except UsageError as exc:
        err.write(f"parallax: {one_line(str(exc))}\n")
        err.write("Try 'parallax --help' for how to call it.\n")
        return EXIT_USAGE
    except Failure as exc:
        err.write(f"parallax: {one_line(str(exc))}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        err.write("parallax: interrupted\n")
        return EXIT_INTERRUPTED


# -- parallax open --------------------------------------------------------------------------


def _open(args: argparse.Namespace, err: IO[str]) -> int:
    """The reader window, a screenshot of it, or the installation's smoke test.

    A bad command line (a missing file, one file instead of two) is one line on ``err``
    and exit status 2, before any window opens.
    """
    if len(args.files) not in (0, 2):
        raise UsageError("give two articles (LEFT RIGHT), or none for the last comparison")
    pair: tuple[Path, Path] | None = None
    if args.files:
        from parallax.core.ingest import check_file

        left, right = (Path(f) for f in args.files)
        with _failures():  # what the path is, if not a file: "... is a folder, not a file"
            for path in (left, right):
                check_file(path)
        pair = (left, right)
    if args.smoke_test:
        from parallax.app import smoke_test

        return smoke_test()
    for option, given in (("--select", args.select), ("--size", args.size)):
        if given is not None and not args.screenshot:
            raise UsageError(f"{option} goes with --screenshot")
    try:
        if args.screenshot:
            out = Path(args.screenshot)
            if out.suffix.lower() != ".png":
                raise UsageError(
                    f"{shown_name(str(out))}: the screenshot is written as PNG; name it *.png"
                )
            from parallax.app import screenshot

            theme: Literal["light", "dark"] = "dark" if args.theme == "dark" else "light"
            with _failures():
                size = args.size or (1500, 920)
                return screenshot(out, pair, scheme=theme, select=args.select, size=size)
        from parallax.app import run

        return run(pair, db=getattr(args, "db", None), scheme=args.theme)
    except OSError as exc:
        raise Failure(str(exc)) from exc


# -- parallax compare -----------------------------------------------------------------------


def _read(arg: str, stdin: BinaryIO) -> Document:
    from parallax.core.ingest import read_path, read_stream

    if arg == "-":
        return read_stream(stdin, name="stdin")
    return read_path(arg)


def _compare(args: argparse.Namespace, stdin: BinaryIO, out: IO[str], err: IO[str]) -> int:
    """Compare a pair as the journalist left it, print it, and say where it was saved.

    The library is opened before the (possibly long) comparison, so a library that cannot
    be used is reported at once, and nothing is printed for a result that was not saved.
    """
    from parallax.session import Session

    if args.left == "-" and args.right == "-":
        raise UsageError("only one of LEFT and RIGHT can be read from standard input")
    left = _read(args.left, stdin).with_details(
        source=args.left_outlet, author=args.left_author, published=args.left_date
    )
    right = _read(args.right, stdin).with_details(
        source=args.right_outlet, author=args.right_author, published=args.right_date
    )
    session = Session() if args.no_store else _session(args)
    with session:
        outcome = session.compare(left, right, skip_repairs=args.no_repair, quick=args.quick)
        where = shown_name(str(session.path))
    if args.json:
        _write(out, json.dumps(outcome.comparison.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        from parallax.report import to_text

        _write(out, to_text(outcome.comparison))
    if outcome.saved is not None:
        err.write(
            f"parallax: saved as comparison {outcome.saved} in {one_line(str(where))} "
            f"(parallax library show {outcome.saved})\n"
        )
    return EXIT_OK


def _story(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from parallax.cli_story import StoryUsage, story_command
    from parallax.session import StoryError

    action = getattr(args, "action", None) or "list"
    with _session(args, reading=action in ("list", "show", "export")) as session:
        try:
            text = story_command(session, args, err)
        except StoryUsage as exc:
            raise UsageError(str(exc)) from exc
        except StoryError as exc:
            raise Failure(str(exc)) from exc
    _write(out, text)
    return EXIT_OK


def _session(args: argparse.Namespace, *, reading: bool = False) -> Session:
    from parallax.session import Session

    return Session.open(getattr(args, "db", None), reading=reading)


# -- parallax library -----------------------------------------------------------------------


def _article_label(title: str | None, source: str | None) -> str:
    label = one_line(title) or "(untitled)"
    return f"{label} — {one_line(source)}" if source else label


def _library(args: argparse.Namespace, out: IO[str]) -> int:
    action = getattr(args, "action", None) or "list"
    with _session(args, reading=action != "delete") as session:
        if action == "list":
            _write(out, _list_text(session))
        elif action == "search":
            _write(out, _search_text(session, " ".join(args.query), args.limit, out.isatty()))
        elif action == "show":
            _write(out, _show_text(session, args.id))
        elif action == "export":
            _write(out, _export_text(session, args.id, args.format))
        elif action == "note":
            _write(out, _note(session, args))
        elif action in ("pin", "reject"):
            _write(out, _decide(session, args, action))
        elif action in ("undo", "redo"):
            _write(out, _step_history(session, args.id, redo=action == "redo"))
        elif action == "delete":
            summary = session.delete(args.id)
            label = _article_label(summary.left_title, summary.left_source)
            _write(out, f"Deleted comparison {args.id} ({one_line(label, 60)}).\n")
    return EXIT_OK


def _note(session: Session, args: argparse.Namespace) -> str:
    if (args.side is None) != (args.sentence is None):
        raise UsageError("--side and --sentence go together")
    body = " ".join(args.text)
    if args.link is not None:
        left, right = args.link
        _check_link(session.load(args.id), args.id, left - 1, right - 1)
        session.add_note(args.id, body, link=(left - 1, right - 1))
        return f"Noted on the link of left {left} / right {right} of comparison {args.id}.\n"
    if args.actor is not None:
        actor = _find_actor(session.load(args.id), args.id, args.actor)
        session.add_note(args.id, body, actor=actor.id)
        return f"Noted on {one_line(actor.name)} in comparison {args.id}.\n"
    index = None if args.sentence is None else args.sentence - 1
    if index is not None:
        count = len(session.load(args.id).document(args.side).sentences)
        if index >= count:
            raise Failure(f"the {args.side} article has sentences 1 to {count}")
    session.add_note(args.id, body, side=args.side, sentence=index)
    where = f" ({args.side} sentence {args.sentence})" if index is not None else ""
    return f"Noted on comparison {args.id}{where}.\n"


def _check_link(comparison: Comparison, comparison_id: int, left: int, right: int) -> None:
    """Fail unless the two sentences (from 0) are linked in the comparison."""
    for doc, side, index in ((comparison.left, "left", left), (comparison.right, "right", right)):
        count = len(doc.sentences)
        if index >= count:
            raise Failure(f"the {side} article has sentences 1 to {count}")
    if not any(left in link.left and right in link.right for link in comparison.links):
        raise Failure(
            f"left {left + 1} and right {right + 1} are not linked in comparison "
            f"{comparison_id} ('parallax library show {comparison_id}' lists the links)"
        )


def _find_actor(comparison: Comparison, comparison_id: int, name: str) -> Actor:
    """The actor called ``name`` (its name, an alias or its id, in any case)."""
    wanted = " ".join(name.split()).casefold()
    for names in (lambda a: (a.name,), lambda a: a.aliases, lambda a: (a.id,)):
        for actor in comparison.actors:
            if any(" ".join(n.split()).casefold() == wanted for n in names(actor)):
                return actor
    known = ", ".join(a.name for a in comparison.actors[:8])
    more = ", …" if len(comparison.actors) > 8 else ""
    raise Failure(
        f"no actor {one_line(name)!r} in comparison {comparison_id}"
        + (f" (its actors: {known}{more})" if known else " (it has no actors)")
    )


def _decide(session: Session, args: argparse.Namespace, action: str) -> str:
    verdict: Literal["pinned", "rejected"] = "pinned" if action == "pin" else "rejected"
    try:
        outcome = session.decide_link(args.id, args.left - 1, args.right - 1, verdict)
    except IndexError as exc:
        raise Failure(str(exc)) from exc
    links = len(outcome.comparison.links)
    return (
        f"{verdict.capitalize()} left {args.left} / right {args.right} of comparison {args.id}; "
        f"compared again: {links} link{'s' * (links != 1)} (parallax library show {args.id}).\n"
    )


def _step_history(session: Session, comparison_id: int, *, redo: bool) -> str:
    done = session.step_history(comparison_id, redo=redo)
    if done is None:
        return f"Nothing to {'redo' if redo else 'undo'} for comparison {comparison_id}.\n"
    what, outcome = done
    links = len(outcome.comparison.links)
    return (
        f"{'Redid' if redo else 'Undid'} the {what} of comparison {comparison_id}; compared "
        f"again: {links} link{'s' * (links != 1)} (parallax library show {comparison_id}).\n"
    )


def _list_text(session: Session) -> str:
    from parallax.session import saved_when

    summaries = session.recent()
    if not summaries:
        return (
            f"The library at {shown_name(str(session.path))} is empty; "
            "'parallax compare LEFT RIGHT' adds comparisons to it.\n"
        )
    noun = "comparison" if len(summaries) == 1 else "comparisons"
    lines = [f"{len(summaries)} {noun} in {shown_name(str(session.path))}", ""]
    lines.append(f"{'ID':>5}  {'Saved':16}  {'Links':>5}  Left / right article")
    room = _WIDTH - 33
    for s in summaries:
        left = one_line(_article_label(s.left_title, s.left_source), room)
        right = one_line(_article_label(s.right_title, s.right_source), room)
        lines.append(f"{s.id:>5}  {saved_when(s.created):16}  {s.links:>5}  L: {left}")
        lines.append(f"{'':>5}  {'':16}  {'':>5}  R: {right}")
    return "\n".join(lines) + "\n"


def _excerpt(text: str, spans: Sequence[tuple[int, int]], tty: bool, room: int = 320) -> str:
    """The sentence with its matches marked, cut around the first match if very long."""
    start = 0
    if len(text) > room:
        first = spans[0][0] if spans else 0
        start = max(0, min(first - room // 3, len(text) - room))
    end = min(len(text), start + room)
    on, off = ("\x1b[1;33m", "\x1b[0m") if tty else ("**", "**")
    parts: list[str] = ["…" if start else ""]
    pos = start
    for a, b in spans:
        a, b = max(a, start), min(b, end)
        if a >= b or a < pos:
            continue
        parts += [inline(text[pos:a]), on, inline(text[a:b]), off]
        pos = b
    parts.append(inline(text[pos:end]))
    parts.append("…" if end < len(text) else "")
    return "".join(parts)


def _search_text(session: Session, query: str, limit: int, tty: bool) -> str:
    hits = session.search(query, limit=limit)
    notes = session.search_notes(query, limit=limit)
    if not hits and not notes:
        return (
            f"No sentence or note in {shown_name(str(session.path))} matches {one_line(query)!r}.\n"
        )
    lines: list[str] = []
    if hits:
        lines += _sentence_hits(hits, query, limit, tty)
    if notes:
        noun = "note matches" if len(notes) == 1 else "notes match"
        lines += [f"{len(notes)} of your {noun} {one_line(query)!r}", ""]
        for n, note in enumerate(notes, 1):
            where = _note_where(session, note)
            lines.append(f"[note {n}] comparison {note.comparison_id}{where}")
            lines += textwrap.wrap(
                one_line(note.body), _WIDTH, initial_indent="    ", subsequent_indent="    "
            )
            lines.append("")
    return "\n".join(lines)


def _sentence_hits(hits: list[SearchHit], query: str, limit: int, tty: bool) -> list[str]:
    noun = "match" if len(hits) == 1 else "matches"
    more = " (the best; --limit shows more)" if len(hits) == limit else ""
    lines = [f"{len(hits)} {noun} for {one_line(query)!r}{more}", ""]
    for n, hit in enumerate(hits, 1):
        where = ", ".join(f"comparison {cid} ({side})" for cid, side in hit.appears_in)
        lines.append(f"[{n}] {one_line(_article_label(hit.title, hit.source), 70)}")
        lines.append(f"    sentence {hit.sentence + 1}; in {where or 'no saved comparison'}")
        before = one_line(hit.before)
        after = one_line(hit.after)
        context = (
            (("…" if len(before) > 80 else "") + before[-80:] + " " if before else "")
            + _excerpt(hit.text, hit.matches, tty)
            + (" " + after[:80] + ("…" if len(after) > 80 else "") if after else "")
        )
        lines += textwrap.wrap(context, _WIDTH, initial_indent="    ", subsequent_indent="    ")
        lines.append("")
    return lines


def _note_where(session: Session, note: Note) -> str:
    """ ", on the link of left 3 / right 5" and the like; "" for a note on the comparison."""
    from parallax.session import LibraryError, note_subject

    comparison = None
    if note.actor is not None:  # the actor's name as it is now (renames included)
        with contextlib.suppress(LibraryError):
            comparison = session.load(note.comparison_id)
    subject = note_subject(note, comparison)
    return f", {subject}" if subject else ""


def _show_text(session: Session, comparison_id: int) -> str:
    from parallax.session import saved_when

    comparison = session.load(comparison_id)
    summary = session.summary(comparison_id)
    heading = (
        f"Comparison {comparison_id}, saved {saved_when(summary.created)}, "
        f"in {shown_name(str(session.path))}"
    )
    return session.report(comparison, comparison_id, "text", heading=heading)


def _export_text(session: Session, comparison_id: int, fmt: ReportFormat) -> str:
    return session.export(comparison_id, fmt)
