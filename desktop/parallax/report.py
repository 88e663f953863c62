"""A comparison as a report: plain text for the terminal, Markdown and HTML to share.

One function, :func:`sections`, decides what a report says and in which order: the two
articles, the linked facts with their differences, what only one outlet says, the actors and
their reactions, the repairs made to damaged text, and the journalist's decisions and notes.
The three renderers only decide how it looks, so the formats cannot drift apart.

Article text is hostile input here. Every renderer first neutralises control and bidi
characters (an escape sequence in a stored title must not rewrite a terminal, and a bidi
override must not reorder a report); Markdown escapes every character that could start
markup; HTML escapes everything and carries a Content-Security-Policy that forbids loading
anything, so an exported page opened in a browser never reaches the network or runs script.
"""

from __future__ import annotations

import html
import re
import textwrap
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Final

from parallax.core.model import Comparison, Document, Side
from parallax.core.story import Story, StoryDifference, StoryFact

__all__ = [
    "Section",
    "one_line",
    "sections",
    "story_sections",
    "story_to_html",
    "story_to_markdown",
    "story_to_text",
    "to_html",
    "to_markdown",
    "to_text",
]

_UNSAFE: Final = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SPACES: Final = re.compile(r"\s+")
_MD_SPECIAL: Final = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~])")
_MD_INLINE: Final = re.compile(r"([\\`*_{}\[\]<>!|~])")
_WIDTH: Final = 88


def inline(text: str) -> str:
    """Whitespace runs become one space; control and bidi characters become U+FFFD."""
    return _UNSAFE.sub("\ufffd", _SPACES.sub(" ", text))


def one_line(text: str | None, limit: int = 0) -> str:
    """Text safe to print on one terminal line, cut to ``limit`` characters with an ellipsis."""
    clean = inline(text or "").strip()
    if limit and len(clean) > limit:
        clean = clean[: limit - 1] + "…"
    return clean


# -- what a report says ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Text:
    """A run of text; ``strong`` runs are bold where the format has bold."""

    text: str
    strong: bool = False


Line = tuple[Text, ...]


@dataclass(frozen=True, slots=True)
class LinkedFact:
    """One linked fact: the sentences of each side that state it, and where they differ."""

    number: int
    kind: str
    score: float
    left: tuple[str, ...]
    right: tuple[str, ...]
    differences: tuple[str, ...]
    pinned: bool = False
    #: The sentences' numbers as a person reads them (from 1), in the order of ``left`` and
    #: ``right``: the numbers ``library pin`` and ``library reject`` take.
    left_numbers: tuple[int, ...] = ()
    right_numbers: tuple[int, ...] = ()

    def numbered(self, side: str) -> tuple[tuple[int | None, str], ...]:
        """``(number, text)`` of each sentence of one side (number None if unknown)."""
        texts, numbers = (
            (self.left, self.left_numbers) if side == "left" else (self.right, self.right_numbers)
        )
        return tuple((numbers[k] if k < len(numbers) else None, t) for k, t in enumerate(texts))

    @property
    def made(self) -> str:
        """How the link was made: pinned by the journalist, or the aligner's kind and score."""
        return "pinned by you" if self.pinned else f"{self.kind}, score {self.score:.2f}"


@dataclass(frozen=True, slots=True)
class Section:
    """A titled part of a report.

    Attributes:
        title: The heading, with the count of its items where it has some.
        rows: A table of ``(label, left, right)``: what each article is.
        facts: Linked facts.
        items: A bulleted list of lines.
        paragraph: A sentence said instead of items (e.g. why there are none).
    """

    title: str
    rows: tuple[tuple[str, str, str], ...] = ()
    facts: tuple[LinkedFact, ...] = ()
    items: tuple[Line, ...] = field(default_factory=tuple)
    paragraph: str = ""


def title_of(comparison: Comparison) -> str:
    """The report's title: both articles' titles (or outlets)."""
    return (
        f"{comparison.left.title or comparison.left.source or 'Left article'} / "
        f"{comparison.right.title or comparison.right.source or 'Right article'}"
    )


def _repair_count(doc: Document) -> int:
    return len(doc.repairs) + len(doc.title_repairs)


def _sides(comparison: Comparison) -> tuple[tuple[Side, Document], ...]:
    return (("left", comparison.left), ("right", comparison.right))


def _plain(text: str) -> Line:
    return (Text(text),)


def sections(
    comparison: Comparison, *, notes: Sequence[str] = (), decisions: Sequence[str] = ()
) -> list[Section]:
    """What a report of ``comparison`` says, in order; ``notes`` and ``decisions`` (the pairs
    pinned or rejected, one line each) are the journalist's."""
    c = comparison
    out = [
        Section(
            "The articles",
            rows=(
                ("Title", c.left.title or "", c.right.title or ""),
                ("Outlet", c.left.source or "", c.right.source or ""),
                ("Author", c.left.author or "", c.right.author or ""),
                ("Published", c.left.published or "", c.right.published or ""),
                ("Sentences", str(len(c.left.sentences)), str(len(c.right.sentences))),
                ("Repairs", str(_repair_count(c.left)), str(_repair_count(c.right))),
            ),
        ),
        Section(
            f"Linked facts ({len(c.links)})",
            facts=tuple(
                LinkedFact(
                    n,
                    link.kind,
                    link.score,
                    tuple(c.left.sentences[i].text for i in link.left),
                    tuple(c.right.sentences[j].text for j in link.right),
                    tuple(f"{d.kind}: {d.left} ≠ {d.right}" for d in link.differences),
                    link.pinned,
                    tuple(i + 1 for i in link.left),
                    tuple(j + 1 for j in link.right),
                )
                for n, link in enumerate(c.links, 1)
            ),
        ),
    ]
    for side, doc in _sides(c):
        only = [
            (Text(f"{side[0].upper()}{i + 1}: "), Text(doc.sentences[i].text))
            for i in c.unlinked(side)
            if doc.sentences[i].role == "body"
        ]
        outlet = f", {one_line(doc.source)}" if doc.source else ""
        out.append(Section(f"Only in the {side} article{outlet} ({len(only)})", items=tuple(only)))
    out += _actor_sections(c)
    for side, doc in _sides(c):
        if doc.notes:  # how the text was read: the whole page, not the article alone
            out.append(
                Section(
                    f"How the {side} article was read ({len(doc.notes)})",
                    items=tuple(_plain(n) for n in doc.notes),
                )
            )
        if doc.repairs or doc.title_repairs:
            items = [
                _plain(f"{r.kind}: {r.original!r} → {r.replacement!r} in the title")
                for r in doc.title_repairs
            ]
            for r in doc.repairs:
                context = doc.original[max(0, r.start - 12) : r.end + 12]
                items.append(_plain(f"{r.kind}: {r.original!r} → {r.replacement!r} in …{context}…"))
            out.append(Section(f"Repairs in the {side} article ({len(items)})", items=tuple(items)))
    if decisions:
        out.append(
            Section(f"Your decisions ({len(decisions)})", items=tuple(_plain(d) for d in decisions))
        )
    if notes:
        out.append(Section(f"Notes ({len(notes)})", items=tuple(_plain(n) for n in notes)))
    return out


def _actor_sections(c: Comparison) -> list[Section]:
    if not c.actors and "actors" in c.skipped:
        from parallax.core.pipeline import long_pair_note

        why = long_pair_note(c) or "Actors and reactions were not recognised in this comparison."
        return [Section("Actors (0)", paragraph=why)]
    actors = []
    for actor in c.actors:
        n_left = sum(m.side == "left" for m in actor.mentions)
        aka = f"; also {', '.join(actor.aliases)}" if actor.aliases else ""
        actors.append(
            (
                Text(actor.name, strong=True),
                Text(f" ({actor.kind}): left {n_left}, right {len(actor.mentions) - n_left}{aka}"),
            )
        )
    names = {a.id: a.name for a in c.actors}
    reactions = []
    for r in c.reactions:
        quote = f" “{r.quote}”" if r.quote else ""
        reactions.append(
            (
                Text(names.get(r.actor, r.actor), strong=True),
                Text(f" [{r.side} {r.sentence + 1}] {r.stance}: {r.cue}{quote}"),
            )
        )
    return [
        Section(f"Actors ({len(c.actors)})", items=tuple(actors)),
        Section(f"Reactions ({len(c.reactions)})", items=tuple(reactions)),
        *_sourcing_sections(c),
    ]


def _sourcing_sections(c: Comparison) -> list[Section]:
    """Whom each outlet lets speak, and the words of the sources both quote."""
    found = c.sourcing()

    def side_text(side: Side) -> str:
        named, unnamed = found.count(side, named=True), found.count(side, named=False)
        quotes = found.quotes(side)
        return f"{named} named, {unnamed} unnamed; {quotes} quote{'s' * (quotes != 1)}"

    items = tuple(
        (
            Text(s.name, strong=True),
            Text(
                ("" if s.named else " (unnamed)")
                + f": left {s.reports['left']} ({s.quotes['left']} quoted), "
                f"right {s.reports['right']} ({s.quotes['right']} quoted)"
            ),
        )
        for s in found.sources
    )

    def said(actor: str, side: Side) -> str:
        """The source's first words on one side: its quote, else the sentence reporting it."""
        r = next(r for r in c.reactions if r.actor == actor and r.side == side)
        return f"“{r.quote}”" if r.quote else r.text

    both = tuple(
        (
            Text(s.name, strong=True),
            Text(f" — left: {said(s.actor, 'left')} — right: {said(s.actor, 'right')}"),
        )
        for s in found.shared()
    )
    out = [
        Section(
            f"Sourcing ({len(found.sources)})",
            rows=(("Sources", side_text("left"), side_text("right")),),
            items=items,
        )
    ]
    if both:
        out.append(Section(f"Heard in both ({len(both)})", items=both))
    return out


# -- plain text -----------------------------------------------------------------------------


def _wrap(text: str, indent: str, width: int = _WIDTH) -> list[str]:
    return textwrap.wrap(
        one_line(text), width, initial_indent=indent, subsequent_indent=" " * len(indent)
    ) or [indent.rstrip()]


def to_text(
    comparison: Comparison,
    *,
    heading: str | None = None,
    notes: Sequence[str] = (),
    decisions: Sequence[str] = (),
) -> str:
    """The report for a terminal: wrapped at 88 columns, control characters neutralised.

    Args:
        comparison: What to report.
        heading: A line above the title (e.g. "Comparison 3, saved ...").
        notes: The journalist's notes, one string each.
        decisions: The pairs the journalist pinned or rejected, one string each.
    """
    lines = [*_wrap(heading, ""), ""] if heading else []
    lines += _wrap(title_of(comparison), "")
    for section in sections(comparison, notes=notes, decisions=decisions):
        lines += ["", one_line(section.title) + ":"]
        for label, left, right in section.rows:
            if left or right:
                lines += _wrap(left or "-", f"  {label + ':':11} L: ")
                lines += _wrap(right or "-", f"  {'':11} R: ")
        for fact in section.facts:
            lines.append(f"  [{fact.number}] {fact.made}")
            for side, mark in (("left", "L"), ("right", "R")):
                for n, text in fact.numbered(side):
                    lines += _wrap(text, f"      {mark}{n or ''}: ")
            lines += [w for text in fact.differences for w in _wrap(text, "      differs in ")]
        for item in section.items:
            lines += _wrap("".join(t.text for t in item), "  - ")
        if section.paragraph:
            lines += _wrap(section.paragraph, "  ")
    return "\n".join(lines) + "\n"


# -- Markdown -------------------------------------------------------------------------------


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", inline(text).strip())


def _runs(line: Line, escape: Callable[[str], str], bold: tuple[str, str]) -> str:
    """A line in a markup: each run escaped, the strong ones between ``bold``'s tags."""
    return "".join(
        f"{bold[0]}{escape(t.text)}{bold[1]}" if t.strong else escape(t.text) for t in line
    )


def to_markdown(
    comparison: Comparison,
    *,
    heading: str | None = None,
    notes: Sequence[str] = (),
    decisions: Sequence[str] = (),
) -> str:
    """The report as Markdown (CommonMark), every markup character of the text escaped;
    the arguments are :func:`to_text`'s."""
    out = [f"# {_md(title_of(comparison))}", ""]
    if heading:
        out += [_md(heading), ""]
    for section in sections(comparison, notes=notes, decisions=decisions):
        # Our words, but an outlet's name may carry markup ("Only in the left article, ..."):
        # what could start emphasis, a link or HTML is escaped, the brackets of counts not.
        out += ["## " + _MD_INLINE.sub(r"\\\1", section.title), ""]
        if section.rows:
            out += ["| | Left | Right |", "|---|---|---|"]
            out += [f"| {label} | {_md(lv)} | {_md(rv)} |" for label, lv, rv in section.rows]
            out.append("")
        for fact in section.facts:
            out += [f"### {fact.number}. {fact.made}", ""]
            quoted = [
                f"> **{name}{f' {n}' if n else ''}:** {_md(t)}"
                for side, name in (("left", "Left"), ("right", "Right"))
                for n, t in fact.numbered(side)
            ]
            out += _interleave(quoted, ">")
            out.append("")
            if fact.differences:
                out += [f"- Differs in {_md(d)}" for d in fact.differences]
                out.append("")
        if section.items:
            out += [f"- {_runs(item, _md, ('**', '**'))}" for item in section.items]
            out.append("")
        if section.paragraph:
            out += [_md(section.paragraph), ""]
    return "\n".join(out)


def _interleave(lines: list[str], between: str) -> Iterator[str]:
    for n, line in enumerate(lines):
        if n:
            yield between
        yield line


# -- HTML -----------------------------------------------------------------------------------

_CSS: Final = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 2em auto; max-width: 72em; color: #222; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ccc; padding: .4em .6em; vertical-align: top; text-align: left; }
td.l, td.r { width: 45%; }
.kind { color: #555; white-space: nowrap; }
.diff { color: #a00; }
.n { color: #777; font-size: 85%; }
h2 { margin-top: 2em; }
"""


def _h(text: str) -> str:
    return html.escape(inline(text).strip(), quote=True)


def to_html(
    comparison: Comparison,
    *,
    heading: str | None = None,
    notes: Sequence[str] = (),
    decisions: Sequence[str] = (),
) -> str:
    """The report as a standalone HTML page (no scripts, no external resources); the
    arguments are :func:`to_text`'s."""
    title = _h(title_of(comparison))
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">",
        f"<title>Parallax: {title}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{title}</h1>",
    ]
    if heading:
        out.append(f"<p>{_h(heading)}</p>")
    for section in sections(comparison, notes=notes, decisions=decisions):
        out.append(f"<h2>{_h(section.title)}</h2>")
        if section.rows:
            out.append("<table><tr><th></th><th>Left</th><th>Right</th></tr>")
            out += [
                f"<tr><th>{_h(label)}</th><td>{_h(lv)}</td><td>{_h(rv)}</td></tr>"
                for label, lv, rv in section.rows
            ]
            out.append("</table>")
        if section.facts:
            out.append("<table><tr><th>#</th><th>Left</th><th>Right</th><th>Kind</th></tr>")
            for fact in section.facts:
                left, right = (
                    "<br>".join(
                        (f'<span class="n">{n}</span> ' if n else "") + _h(t)
                        for n, t in fact.numbered(side)
                    )
                    for side in ("left", "right")
                )
                diffs = "".join(f'<div class="diff">{_h(d)}</div>' for d in fact.differences)
                out.append(
                    f'<tr><td>{fact.number}</td><td class="l">{left}</td>'
                    f'<td class="r">{right}{diffs}</td>'
                    f'<td class="kind">{_h(fact.made)}</td></tr>'
                )
            out.append("</table>")
        if section.items:
            out.append(
                "<ul>"
                + "".join(f"<li>{_runs(i, _h, ('<b>', '</b>'))}</li>" for i in section.items)
                + "</ul>"
            )
        if section.paragraph:
            out.append(f"<p>{_h(section.paragraph)}</p>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


# -- stories --------------------------------------------------------------------------------
# A story report has its own section list (:func:`story_sections`), rendered by the same
# rules: the coverage table (facts against outlets), each shared fact in each outlet's
# words with its differences, whom each outlet lets speak, and what one outlet alone says.


@dataclass(frozen=True, slots=True)
class CoverageRow:
    """One fact of the coverage table: which outlets state it, and a short text."""

    fact: str
    cells: tuple[bool, ...]
    text: str
    alone: str = ""  # the outlet that alone states it


@dataclass(frozen=True, slots=True)
class StorySection:
    """A titled part of a story report (one of ``coverage``, ``facts``, ``items``)."""

    title: str
    outlets: tuple[str, ...] = ()
    coverage: tuple[CoverageRow, ...] = ()
    facts: tuple[tuple[str, tuple[tuple[str, str], ...], tuple[str, ...]], ...] = ()
    items: tuple[str, ...] = ()
    paragraph: str = ""


def _fact_text(story: Story, fact: StoryFact) -> str:
    article, indexes = next(iter(fact.sentences.items()))
    sentences = story.article(article).document.sentences
    return " ".join(sentences[i].text for i in indexes if i < len(sentences))


def _wordings(story: Story, fact: StoryFact) -> tuple[tuple[str, str], ...]:
    out = []
    for article, indexes in fact.sentences.items():
        a = story.article(article)
        sentences = a.document.sentences
        out.append((a.label, " ".join(sentences[i].text for i in indexes if i < len(sentences))))
    return tuple(out)


def story_sections(story: Story) -> list[StorySection]:
    """What a story report says, in order (every renderer follows it)."""
    labels = tuple(a.label for a in story.articles)
    ids = [a.id for a in story.articles]
    articles = StorySection(
        f"Articles ({len(story.articles)})",
        items=tuple(
            f"{a.label}: {a.document.title or a.document.source or a.id} "
            f"({len(a.document.sentences)} sentences)"
            for a in story.articles
        ),
    )
    coverage = StorySection(
        f"Coverage ({len(story.facts)} facts)",
        outlets=labels,
        coverage=tuple(
            CoverageRow(
                f.id,
                tuple(i in f.sentences for i in ids),
                _fact_text(story, f),
                story.article(next(iter(f.sentences))).label if f.alone else "",
            )
            for f in story.facts
        ),
    )
    shared = [f for f in story.facts if not f.alone]
    facts = StorySection(
        f"Shared facts in each outlet's words ({len(shared)})",
        facts=tuple(
            (f.id, _wordings(story, f), tuple(_difference(story, d) for d in f.differences))
            for f in shared
        ),
        paragraph="" if shared else "No fact is stated by more than one outlet.",
    )
    differences = [(f.id, d) for f in story.facts for d in f.differences]
    diff_section = StorySection(
        f"Differences ({len(differences)})",
        items=tuple(f"{fid}: {_difference(story, d)}" for fid, d in differences),
        paragraph="" if differences else "The outlets' wordings of shared facts agree.",
    )
    sources = []
    for a in story.articles:
        mine = [s for s in story.sources if s.article == a.id]
        named = sum(s.named for s in mine)
        quotes = sum(s.quotes for s in mine)
        who = ", ".join(
            f"{s.actor}{'' if s.named else ' (unnamed)'} ({s.reports} reports, {s.quotes} quotes)"
            for s in mine
        )
        sources.append(
            f"{a.label}: {named} named, {len(mine) - named} unnamed, {quotes} quotes"
            + (f": {who}" if who else "")
        )
    alone = [
        f"{story.article(next(iter(f.sentences))).label} ({f.id}): {_fact_text(story, f)}"
        for f in story.facts
        if f.alone
    ]
    return [
        articles,
        coverage,
        facts,
        diff_section,
        StorySection("Sources per outlet", items=tuple(sources)),
        StorySection(
            f"Facts only one outlet carries ({len(alone)})",
            items=tuple(alone),
            paragraph="" if alone else "Every fact is carried by more than one outlet.",
        ),
    ]


def _difference(story: Story, d: StoryDifference) -> str:
    a, b = story.article(d.a).label, story.article(d.b).label
    diff = d.difference
    return f"{diff.kind}: {a} “{diff.left}”, {b} “{diff.right}”"


def coverage_table(section: StorySection, width: int = _WIDTH) -> list[str]:
    """The coverage table for a terminal: one column per outlet (numbered, with a legend),
    ● where the outlet states the fact, then its short text; a fact one outlet alone
    states ends with "only" and that outlet."""
    n = len(section.outlets)
    lines = [
        f"  {k:>2}  {one_line(label, width - 6)}" for k, label in enumerate(section.outlets, 1)
    ]
    lines.append("")
    head = " ".join(f"{k % 100:>2}" for k in range(1, n + 1))
    lines.append(f"  {'':5} {head}")
    room = max(20, width - 9 - 3 * n)
    for row in section.coverage:
        cells = " ".join(" ●" if c else "  " for c in row.cells)
        note = f" [only {one_line(row.alone, 20)}]" if row.alone else ""
        lines.append(
            f"  {row.fact:5} {cells}  {one_line(row.text, max(10, room - len(note)))}{note}"
        )
    return lines


def story_to_text(story: Story, *, width: int = _WIDTH, only_coverage: bool = False) -> str:
    """A story for a terminal (``only_coverage``: the coverage table alone)."""
    lines = _wrap(f"Story: {story.name}", "", width)
    for section in story_sections(story):
        if only_coverage and not section.coverage:
            continue
        lines += ["", one_line(section.title) + ":"]
        if section.coverage:
            lines += coverage_table(section, width)
        for fid, wordings, diffs in section.facts:
            lines.append(f"  [{fid}]")
            for label, text in wordings:
                lines += _wrap(text, f"      {one_line(label, 20)}: ", width)
            lines += [w for d in diffs for w in _wrap(d, "      differs in ", width)]
        for item in section.items:
            lines += _wrap(item, "  - ", width)
        if section.paragraph:
            lines += _wrap(section.paragraph, "  ", width)
    return "\n".join(lines) + "\n"


def story_to_markdown(story: Story) -> str:
    """A story as Markdown, every markup character of the text escaped."""
    out = [f"# {_md(story.name)}", ""]
    for section in story_sections(story):
        out += [f"## {_md(section.title)}", ""]
        if section.coverage:
            out.append("| Fact | " + " | ".join(_md(o) for o in section.outlets) + " | |")
            out.append("|---|" + "---|" * len(section.outlets) + "---|")
            for row in section.coverage:
                cells = " | ".join("●" if c else "" for c in row.cells)
                alone = f" **only {_md(row.alone)}**" if row.alone else ""
                out.append(f"| {row.fact} | {cells} | {_md(one_line(row.text, 120))}{alone} |")
            out.append("")
        for fid, wordings, diffs in section.facts:
            out += [f"### {fid}", ""]
            out += _interleave([f"> **{_md(label)}:** {_md(t)}" for label, t in wordings], ">")
            out.append("")
            if diffs:
                out += [f"- Differs in {_md(d)}" for d in diffs] + [""]
        if section.items:
            out += [f"- {_md(item)}" for item in section.items] + [""]
        if section.paragraph:
            out += [_md(section.paragraph), ""]
    return "\n".join(out)


_STORY_CSS: Final = """
td.cell { text-align: center; width: 2.5em; }
tr.alone td { background: #fff6dd; }
.only { color: #8a5a00; font-weight: bold; white-space: nowrap; }
th.outlet { writing-mode: vertical-rl; transform: rotate(180deg); }
"""


def story_to_html(story: Story) -> str:
    """A story as a standalone page to send to an editor (no scripts, nothing loaded)."""
    name = _h(story.name)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">",
        f"<title>Parallax story: {name}</title>",
        f"<style>{_CSS}{_STORY_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{name}</h1>",
    ]
    for section in story_sections(story):
        out.append(f"<h2>{_h(section.title)}</h2>")
        if section.coverage:
            out.append(
                "<table><tr><th>Fact</th>"
                + "".join(f'<th class="outlet">{_h(o)}</th>' for o in section.outlets)
                + "<th>What it says</th></tr>"
            )
            for row in section.coverage:
                cells = "".join(f'<td class="cell">{"●" if c else ""}</td>' for c in row.cells)
                only = f' <span class="only">only {_h(row.alone)}</span>' if row.alone else ""
                css = ' class="alone"' if row.alone else ""
                out.append(f"<tr{css}><td>{row.fact}</td>{cells}<td>{_h(row.text)}{only}</td></tr>")
            out.append("</table>")
        if section.facts:
            out.append("<table><tr><th>Fact</th><th>Outlet</th><th>Its words</th></tr>")
            for fid, wordings, diffs in section.facts:
                span = len(wordings) + (1 if diffs else 0)
                for k, (label, text) in enumerate(wordings):
                    first = f'<td rowspan="{span}">{fid}</td>' if k == 0 else ""
                    out.append(f"<tr>{first}<th>{_h(label)}</th><td>{_h(text)}</td></tr>")
                if diffs:
                    out.append(
                        '<tr><th>Differs</th><td class="diff">'
                        + "<br>".join(_h(d) for d in diffs)
                        + "</td></tr>"
                    )
            out.append("</table>")
        if section.items:
            out.append("<ul>" + "".join(f"<li>{_h(i)}</li>" for i in section.items) + "</ul>")
        if section.paragraph:
            out.append(f"<p>{_h(section.paragraph)}</p>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)
