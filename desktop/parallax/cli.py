"""The ``parallax`` command line.

A user error (a missing file, a PDF, an empty article) gets one clear line on stderr and
exit status 2, never a traceback; that promise is kept here, in one place, by catching
:class:`~parallax.core.ingest.IngestError`, :class:`~parallax.store.errors.LibraryError` and
argparse's own errors.

``parallax compare`` keeps every result in the local library (``--no-store`` to skip) and
re-applies the corrections saved for the pair; ``parallax library`` lists, searches, shows,
exports and deletes what is there. The store is imported only when used, so commands that do
not touch the library do not pay for sqlite-utils.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import sys
import textwrap
from collections.abc import Iterator, Sequence
from typing import IO, TYPE_CHECKING, BinaryIO

from parallax import __version__
from parallax.core.ingest import IngestError, read_path, read_stream
from parallax.core.model import Comparison, Document, Side
from parallax.core.pipeline import Options, compare
from parallax.launch import is_reader, positive_int, reader
from parallax.nlp import recognizer

if TYPE_CHECKING:  # pragma: no cover
    from parallax.store import Library

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

_ACTORS_NOTE = (
    "The actors (people, countries, organisations, places and groups) of both articles "
    "and their reactions, with a stance toward the event, are listed too."
)


class UsageError(Exception):
    """A mistake in how the command was called, reported as one line with exit status 2."""


class StoreFailure(Exception):
    """A library problem (see :mod:`parallax.store.errors`), reported as one line, status 2."""


@contextlib.contextmanager
def _library_errors() -> Iterator[None]:
    # The store is imported lazily, so its exception type is too.
    from parallax.store import LibraryError

    try:
        yield
    except LibraryError as exc:
        raise StoreFailure(str(exc)) from exc


def _open_library(args: argparse.Namespace, *, reading: bool = False) -> Library:
    """The library to use; for commands that only read, read-only media are fine too."""
    from parallax.store import Library, LibraryUnavailable, library_path

    path = library_path(getattr(args, "db", None))
    try:
        return Library(path)
    except LibraryUnavailable:
        if not reading or not path.is_file():
            raise
        return Library(path, read_only=True)


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
        usage="parallax [-h] [--version] COMMAND ...\n"
        "       parallax [--db PATH] [--theme {system,light,dark}] [LEFT RIGHT]\n"
        "       parallax --screenshot OUT.png [--theme {light,dark}] [--select N] [LEFT RIGHT]",
        epilog=(
            "Without a command, Parallax opens the reader window: on LEFT and RIGHT if given, "
            "else on the last comparison, else on the sample pair. --screenshot renders the "
            "window to a PNG file and exits."
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
    cmp.add_argument(
        "--no-repair",
        action="append",
        default=[],
        metavar="STEP",
        choices=["mojibake", "invisibles", "junk-glyphs"],
        help="leave one repair step out (mojibake, invisibles, junk-glyphs); repeatable",
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
    _add_library_parser(sub, db_option)
    return parser


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
        help="find sentences in the saved articles",
        description=(
            "Full-text search of every saved article's sentences, best matches first, each "
            "shown in context. Words are matched in any form (sanction finds sanctions); "
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
            "Print a saved comparison: json is the parallax.comparison/1 document, md and "
            "html a report to share (redirect to a file: > story.html)."
        ),
    )
    export.add_argument("id", type=_comparison_id, metavar="ID", help="the comparison's id")
    export.add_argument(
        "--format", choices=["json", "md", "html"], default="json", help="json (default), md, html"
    )
    delete = actions.add_parser(
        "delete",
        parents=[db_option],
        help="delete a saved comparison (and its articles, unless another comparison uses them)",
    )
    delete.add_argument("id", type=_comparison_id, metavar="ID", help="the comparison's id")


def _comparison_id(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a comparison id (ids are the numbers 'parallax library list' shows)"
        )
    return number


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
    lines.extend(_actors_report(comparison))
    return "\n".join(lines) + "\n"


def _actors_report(comparison: Comparison) -> list[str]:
    """The Actors and Reactions sections: who is in each article, and how they reacted."""
    lines = ["", f"Actors ({len(comparison.actors)}):"]
    if "actors" in comparison.skipped:
        lines.append("  (not recognised in this run)")
    names = {a.id: a.name for a in comparison.actors}
    for actor in comparison.actors:
        n_left = sum(m.side == "left" for m in actor.mentions)
        n_right = len(actor.mentions) - n_left
        lines.append(
            f"  - {_line(actor.name)} ({actor.kind}): left {n_left}, right {n_right}"
            + (f"; also {', '.join(_line(a) for a in actor.aliases)}" if actor.aliases else "")
        )
    lines += ["", f"Reactions ({len(comparison.reactions)}):"]
    for r in comparison.reactions:
        head = f"  - {_line(names.get(r.actor, r.actor))} [{r.side} {r.sentence}] {r.stance}: "
        said = _line(r.cue) + (f" “{_line(r.quote)}”" if r.quote else "")
        lines.extend(textwrap.wrap(head + said, 88, subsequent_indent="      "))
    return lines


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
    args_list = list(sys.argv[1:] if argv is None else argv)
    if is_reader(args_list):
        return reader(args_list, err)
    parser = _build_parser()
    try:
        try:
            with contextlib.redirect_stdout(out):
                args = parser.parse_args(argv)
        except SystemExit as exc:  # --help and --version
            return int(exc.code or 0)
        if args.command == "library":
            with _library_errors():
                return _library(args, out)
        saved: tuple[int, str] | None = None
        if args.command == "compare":
            if args.left == "-" and args.right == "-":
                raise UsageError("only one of LEFT and RIGHT can be read from standard input")
            source = stdin if stdin is not None else sys.stdin.buffer
            left, right = _load(args.left, source), _load(args.right, source)
            skip = tuple(args.no_repair)
            if args.no_store:
                comparison = compare(
                    left,
                    right,
                    options=Options(skip_repairs=skip, quick=args.quick),
                    recognizer=recognizer(),
                )
            else:
                with _library_errors():
                    comparison, saved = _compare_and_store(args, left, right, skip)
        else:  # no command: the reader window (routed before parsing; see is_reader)
            return reader(argv or [], err)
    except UsageError as exc:
        err.write(f"parallax: {exc}\n")
        err.write("Try 'parallax --help' for how to call it.\n")
        return EXIT_USAGE
    except (IngestError, StoreFailure) as exc:
        err.write(f"parallax: {exc}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        err.write("parallax: interrupted\n")
        return EXIT_INTERRUPTED
    if args.json:
        _write(out, json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        _write(out, _report(comparison))
    if saved is not None:
        err.write(
            f"parallax: saved as comparison {saved[0]} in {saved[1]} "
            f"(parallax library show {saved[0]})\n"
        )
    return EXIT_OK


def _compare_and_store(
    args: argparse.Namespace, left: Document, right: Document, skip: tuple[str, ...]
) -> tuple[Comparison, tuple[int, str]]:
    """Compare with the pair's saved corrections re-applied, then save the result.

    The library is opened before the (possibly long) comparison, so a library that cannot
    be used is reported at once, and nothing is printed for a result that was not saved.
    """
    from parallax.store import apply_actor_corrections

    with _open_library(args) as library:
        # Pins past either article (made under other repair steps) are dropped by the aligner.
        corrections = library.corrections_for(left.original_sha256, right.original_sha256)
        options = Options(
            pinned=corrections.pinned,
            rejected=corrections.rejected,
            skip_repairs=skip,
            quick=args.quick,
        )
        comparison = compare(left, right, options=options, recognizer=recognizer())
        if corrections.actors:
            comparison = apply_actor_corrections(comparison, corrections.actors)
        return comparison, (library.save(comparison), str(library.path))


# -- parallax library ----------------------------------------------------------------------

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"\s+")
_WIDTH = 88


def _inline(text: str) -> str:
    """Whitespace runs become one space; control and bidi characters become U+FFFD."""
    return _UNSAFE.sub("\ufffd", _SPACES.sub(" ", text))


def _line(text: str | None, limit: int = 0) -> str:
    """Text safe to print on one terminal line: control and bidi characters neutralised.

    Stored titles and sentences come from arbitrary web pages; an escape sequence in one
    must not be able to rewrite the user's terminal.
    """
    clean = _inline(text or "").strip()
    if limit and len(clean) > limit:
        clean = clean[: limit - 1] + "…"
    return clean


def _article_label(title: str | None, source: str | None) -> str:
    label = _line(title) or "(untitled)"
    return f"{label} — {_line(source)}" if source else label


def _when(created: str) -> str:
    """An ISO UTC timestamp from the library, in the user's local time."""
    import datetime

    try:
        moment = datetime.datetime.fromisoformat(created.replace("Z", "+00:00"))
    except ValueError:
        return created
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _library(args: argparse.Namespace, out: IO[str]) -> int:
    action = getattr(args, "action", None) or "list"
    with _open_library(args, reading=action != "delete") as library:
        if action == "list":
            _write(out, _list_text(library))
        elif action == "search":
            _write(out, _search_text(library, " ".join(args.query), args.limit, out.isatty()))
        elif action == "show":
            _write(out, _show_text(library, args.id))
        elif action == "export":
            _write(out, _export_text(library, args.id, args.format))
        elif action == "delete":
            summary = library.summary(args.id)
            library.delete(args.id)
            label = _article_label(summary.left_title, summary.left_source)
            _write(out, f"Deleted comparison {args.id} ({_line(label, 60)}).\n")
    return EXIT_OK


def _list_text(library: Library) -> str:
    summaries = library.summaries()
    if not summaries:
        return (
            f"The library at {library.path} is empty; 'parallax compare LEFT RIGHT' adds "
            "comparisons to it.\n"
        )
    noun = "comparison" if len(summaries) == 1 else "comparisons"
    lines = [f"{len(summaries)} {noun} in {library.path}", ""]
    lines.append(f"{'ID':>5}  {'Saved':16}  {'Links':>5}  Left / right article")
    room = _WIDTH - 33
    for s in summaries:
        left = _line(_article_label(s.left_title, s.left_source), room)
        right = _line(_article_label(s.right_title, s.right_source), room)
        lines.append(f"{s.id:>5}  {_when(s.created):16}  {s.links:>5}  L: {left}")
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
        parts += [_inline(text[pos:a]), on, _inline(text[a:b]), off]
        pos = b
    parts.append(_inline(text[pos:end]))
    parts.append("…" if end < len(text) else "")
    return "".join(parts)


def _search_text(library: Library, query: str, limit: int, tty: bool) -> str:
    hits = library.search(query, limit=limit)
    if not hits:
        return f"No sentence in {library.path} matches {_line(query)!r}.\n"
    noun = "match" if len(hits) == 1 else "matches"
    more = " (the best; --limit shows more)" if len(hits) == limit else ""
    lines = [f"{len(hits)} {noun} for {_line(query)!r}{more}", ""]
    for n, hit in enumerate(hits, 1):
        where = ", ".join(f"comparison {cid} ({side})" for cid, side in hit.appears_in)
        lines.append(f"[{n}] {_line(_article_label(hit.title, hit.source), 70)}")
        lines.append(f"    sentence {hit.sentence}; in {where or 'no saved comparison'}")
        before = _line(hit.before)
        after = _line(hit.after)
        context = (
            (("…" if len(before) > 80 else "") + before[-80:] + " " if before else "")
            + _excerpt(hit.text, hit.matches, tty)
            + (" " + after[:80] + ("…" if len(after) > 80 else "") if after else "")
        )
        lines += textwrap.wrap(context, _WIDTH, initial_indent="    ", subsequent_indent="    ")
        lines.append("")
    return "\n".join(lines)


def _note_lines(library: Library, comparison_id: int) -> list[str]:
    return [
        (f"{n.side} sentence {n.sentence}: " if n.side is not None else "") + n.body
        for n in library.notes(comparison_id)
    ]


def _show_text(library: Library, comparison_id: int) -> str:
    comparison = library.load(comparison_id)
    summary = library.summary(comparison_id)
    head = f"Comparison {comparison_id}, saved {_when(summary.created)}, in {library.path}\n\n"
    notes = _note_lines(library, comparison_id)
    tail = "".join(f"  - {_line(note)}\n" for note in notes)
    return head + _report(comparison) + (f"\nNotes ({len(notes)}):\n{tail}" if notes else "")


def _export_text(library: Library, comparison_id: int, fmt: str) -> str:
    comparison = library.load(comparison_id)
    if fmt == "json":
        return json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2) + "\n"
    from parallax.export import to_html, to_markdown

    summary = library.summary(comparison_id)
    heading = f"Parallax comparison {comparison_id}, saved {_when(summary.created)}"
    render = to_html if fmt == "html" else to_markdown
    return render(comparison, heading=heading, notes=_note_lines(library, comparison_id))
