"""``parallax story``: three or more outlets on one event, fact by fact.

::

    parallax story new NAME FILE... [--outlet NAME]...   make a story (2 articles or more)
    parallax story add NAME FILE... [--outlet NAME]...   add articles (compares only new pairs)
    parallax story remove NAME ARTICLE                   take an article (a2) out
    parallax story list                                  the stories in the library
    parallax story show NAME                             the coverage table
    parallax story export NAME --format json|md|html     the parallax.story/1 document, a report
    parallax story delete NAME

``--outlet`` names the outlets in the order of the files (the first ``--outlet`` is the first
file's); a file without one is named by its own source or file name. Each command takes
``--db`` like the library commands. What a story is and does is :mod:`parallax.session`'s.
"""

from __future__ import annotations

import argparse
import json
from typing import IO, TYPE_CHECKING, Any

from parallax.report import one_line

if TYPE_CHECKING:  # pragma: no cover
    from parallax.core.model import Document
    from parallax.core.story import Story
    from parallax.session import Session

__all__ = ["StoryUsage", "add_story_parser", "story_command"]


class StoryUsage(Exception):
    """A mistake in how ``parallax story`` was called (the command line reports it)."""


def add_story_parser(sub: Any, db_option: argparse.ArgumentParser, parser_class: Any) -> None:
    """Add ``parallax story`` and its actions to the command line."""
    story = sub.add_parser(
        "story",
        parents=[db_option],
        help="stories: three or more outlets on one event, fact by fact",
        description=(
            "A story is a named set of articles on one event, kept in the library. Parallax "
            "compares each pair once and merges their shared facts across all outlets: a fact "
            "is, for each outlet that states it, the sentences that state it. Without an "
            "action, lists the stories."
        ),
    )
    actions = story.add_subparsers(dest="action", metavar="ACTION", parser_class=parser_class)
    for action, text in (
        ("new", "make a story of two or more articles"),
        ("add", "add articles to a story (only the new pairs are compared)"),
    ):
        p = actions.add_parser(action, parents=[db_option], help=text, description=text)
        p.add_argument("name", metavar="NAME", help="the story's name")
        p.add_argument("files", nargs="+", metavar="FILE", help="an article (text, HTML, .md)")
        p.add_argument(
            "--outlet",
            action="append",
            default=[],
            metavar="OUTLET",
            help="the outlet of the next FILE, in order (repeat it: --outlet A --outlet B)",
        )
    remove = actions.add_parser(
        "remove", parents=[db_option], help="take an article out of a story"
    )
    remove.add_argument("name", metavar="NAME")
    remove.add_argument("article", metavar="ARTICLE", help="its id in the story: a1, a2, ...")
    actions.add_parser("list", parents=[db_option], help="list the stories")
    show = actions.add_parser(
        "show", parents=[db_option], help="print the coverage table: facts against outlets"
    )
    show.add_argument("name", metavar="NAME")
    export = actions.add_parser(
        "export",
        parents=[db_option],
        help="print a story as JSON (parallax.story/1), Markdown or HTML",
    )
    export.add_argument("name", metavar="NAME")
    export.add_argument(
        "--format", choices=["json", "md", "html"], default="json", help="json (default), md, html"
    )
    delete = actions.add_parser("delete", parents=[db_option], help="delete a story")
    delete.add_argument("name", metavar="NAME")


def _articles(args: argparse.Namespace) -> list[tuple[Document, str | None]]:
    from parallax.core.ingest import read_path

    if len(args.outlet) > len(args.files):
        raise StoryUsage(f"{len(args.outlet)} outlets for {len(args.files)} files")
    outlets: list[str | None] = [*args.outlet, *[None] * (len(args.files) - len(args.outlet))]
    return [(read_path(f), o) for f, o in zip(args.files, outlets, strict=True)]


def _progress(err: IO[str]) -> Any:
    """Progress on the terminal (nothing when stderr is not one)."""
    if not err.isatty():
        return None

    def show(stage: str, fraction: float) -> None:
        err.write(f"\rparallax: {stage} {fraction:4.0%}   ")
        if stage == "done":
            err.write("\n")
        err.flush()

    return show


def _summary(story: Story) -> str:
    everyone = sum(f.outlets == len(story.articles) for f in story.facts)
    alone = sum(f.alone for f in story.facts)
    return (
        f"Story {one_line(story.name, 60)!r}: {len(story.articles)} articles, "
        f"{len(story.facts)} facts ({everyone} carried by all, {alone} by one outlet alone)."
    )


def story_command(session: Session, args: argparse.Namespace, err: IO[str]) -> str:
    """Run one ``parallax story`` action; returns what to print.

    Raises:
        StoryUsage: The command line is wrong (more outlets than files).
        StoryError: The story cannot be made as asked.
        LibraryError: No such story, a name taken, or the library cannot be used.
    """
    from parallax.report import story_to_html, story_to_markdown, story_to_text

    action = getattr(args, "action", None) or "list"
    if action == "list":
        rows = session.stories()
        if not rows:
            return "No stories yet: parallax story new NAME FILE FILE...\n"
        return "".join(
            f"{one_line(s.name, 40):40} {s.articles:>2} articles  "
            f"{one_line(', '.join(s.outlets), 40)}\n"
            for s in rows
        )
    if action == "new":
        story = session.story_new(args.name, _articles(args), progress=_progress(err))
        return _summary(story) + "\n"
    if action == "add":
        story = session.story_add(args.name, _articles(args), progress=_progress(err))
        return _summary(story) + "\n"
    if action == "remove":
        story = session.story_remove_article(args.name, args.article)
        return _summary(story) + "\n"
    if action == "delete":
        session.story_delete(args.name)
        return f"Deleted story {one_line(args.name, 60)!r}.\n"
    story = session.story(args.name, progress=_progress(err))
    if action == "show":
        return story_to_text(story, only_coverage=True)
    if args.format == "json":
        return json.dumps(story.to_dict(), ensure_ascii=False, indent=2) + "\n"
    return story_to_html(story) if args.format == "html" else story_to_markdown(story)
