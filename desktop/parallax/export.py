"""A comparison as a Markdown or HTML document a journalist can send to an editor.

Both are rendered from the core records only, so they say exactly what the JSON document
says. Article text is hostile input as far as these formats are concerned: in Markdown every
character that could start markup is escaped, and in HTML everything is escaped and the page
carries a Content-Security-Policy that forbids loading anything, so an exported file opened
in a browser never reaches the network and never runs script.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Final

from parallax.core.model import Comparison, Document, Side

__all__ = ["to_html", "to_markdown"]

_MD_SPECIAL: Final = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~])")
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean(text: str) -> str:
    """Control characters (NUL included) become U+FFFD; line breaks become spaces."""
    return _CONTROL.sub("\ufffd", text).replace("\r", " ").replace("\n", " ").replace("\t", " ")


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", _clean(text))


def _heading(comparison: Comparison) -> str:
    return (
        f"{comparison.left.title or comparison.left.source or 'Left article'} / "
        f"{comparison.right.title or comparison.right.source or 'Right article'}"
    )


def _sides(comparison: Comparison) -> tuple[tuple[Side, Document], ...]:
    return (("left", comparison.left), ("right", comparison.right))


def _only(comparison: Comparison, side: Side, doc: Document) -> list[str]:
    return [
        doc.sentences[i].text for i in comparison.unlinked(side) if doc.sentences[i].role == "body"
    ]


def _facts(c: Comparison) -> list[tuple[str, str, str]]:
    """The table at the top of both formats: what each article is."""
    return [
        ("Title", c.left.title or "", c.right.title or ""),
        ("Outlet", c.left.source or "", c.right.source or ""),
        ("Published", c.left.published or "", c.right.published or ""),
        ("Sentences", str(len(c.left.sentences)), str(len(c.right.sentences))),
        ("Repairs", str(len(c.left.repairs)), str(len(c.right.repairs))),
    ]


def _actor_names(comparison: Comparison) -> dict[str, str]:
    return {a.id: a.name for a in comparison.actors}


def to_markdown(
    comparison: Comparison, *, heading: str | None = None, notes: Sequence[str] = ()
) -> str:
    """The comparison as Markdown (CommonMark): sources, linked facts, what only one says.

    Args:
        comparison: What to render.
        heading: A line shown under the title (e.g. "Comparison 3, saved ...").
        notes: The journalist's notes, one string each, rendered as a list at the end.
    """
    c = comparison
    out: list[str] = [f"# {_md(_heading(c))}", ""]
    if heading:
        out += [_md(heading), ""]
    out += ["| | Left | Right |", "|---|---|---|"]
    for label, lv, rv in _facts(c):
        out.append(f"| {label} | {_md(lv)} | {_md(rv)} |")
    out += ["", f"## Linked facts ({len(c.links)})", ""]
    for n, link in enumerate(c.links, 1):
        out.append(f"### {n}. {link.kind}, score {link.score:.2f}")
        out.append("")
        for i in link.left:
            out.append(f"> **Left:** {_md(c.left.sentences[i].text)}")
            out.append(">")
        for j in link.right:
            out.append(f"> **Right:** {_md(c.right.sentences[j].text)}")
            out.append(">")
        out.pop()
        out.append("")
        for d in link.differences:
            out.append(f"- Differs ({d.kind}): {_md(d.left)} / {_md(d.right)}")
        if link.differences:
            out.append("")
    for side, doc in _sides(c):
        only = _only(c, side, doc)
        out += [f"## Only in the {side} article ({len(only)})", ""]
        out += [f"- {_md(text)}" for text in only]
        out.append("")
    if c.actors or "actors" not in c.skipped:
        out += [f"## Actors ({len(c.actors)})", ""]
        for a in c.actors:
            aka = f" (also: {', '.join(_md(x) for x in a.aliases)})" if a.aliases else ""
            out.append(f"- **{_md(a.name)}**, {a.kind}{aka}: {len(a.mentions)} mentions")
        out.append("")
        names = _actor_names(c)
        out += [f"## Reactions ({len(c.reactions)})", ""]
        for r in c.reactions:
            quote = f": “{_md(r.quote)}”" if r.quote else ""
            who = _md(names.get(r.actor, r.actor))
            out.append(f"- {who} ({r.side}, {r.stance}) {_md(r.cue)}{quote}")
        out.append("")
    else:
        out += ["Actors and reactions were not recognised by the version that made this.", ""]
    for side, doc in _sides(c):
        if doc.repairs:
            out += [f"## Repairs in the {side} article ({len(doc.repairs)})", ""]
            out += [
                f"- {_md(r.kind)}: {_md(repr(r.original))} → {_md(repr(r.replacement))}"
                for r in doc.repairs
            ]
            out.append("")
    if notes:
        out += [f"## Notes ({len(notes)})", ""]
        out += [f"- {_md(note)}" for note in notes]
        out.append("")
    return "\n".join(out)


_CSS: Final = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 2em auto; max-width: 72em; color: #222; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ccc; padding: .4em .6em; vertical-align: top; text-align: left; }
td.l, td.r { width: 45%; }
.kind { color: #555; white-space: nowrap; }
.diff { color: #a00; }
h2 { margin-top: 2em; }
"""


def _h(text: str) -> str:
    return html.escape(_clean(text), quote=True)


def to_html(
    comparison: Comparison, *, heading: str | None = None, notes: Sequence[str] = ()
) -> str:
    """The comparison as a standalone HTML page (no scripts, no external resources).

    Args:
        comparison: What to render.
        heading: A line shown under the title (e.g. "Comparison 3, saved ...").
        notes: The journalist's notes, one string each.
    """
    c = comparison
    title = _h(_heading(c))
    out: list[str] = [
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
    out.append("<table><tr><th></th><th>Left</th><th>Right</th></tr>")
    for label, lv, rv in _facts(c):
        out.append(f"<tr><th>{label}</th><td>{_h(lv)}</td><td>{_h(rv)}</td></tr>")
    out.append("</table>")
    out.append(f"<h2>Linked facts ({len(c.links)})</h2>")
    out.append("<table><tr><th>#</th><th>Left</th><th>Right</th><th>Kind</th></tr>")
    for n, link in enumerate(c.links, 1):
        left = "<br>".join(_h(c.left.sentences[i].text) for i in link.left)
        right = "<br>".join(_h(c.right.sentences[j].text) for j in link.right)
        diffs = "".join(
            f'<div class="diff">{_h(d.kind)}: {_h(d.left)} / {_h(d.right)}</div>'
            for d in link.differences
        )
        out.append(
            f'<tr><td>{n}</td><td class="l">{left}</td><td class="r">{right}{diffs}</td>'
            f'<td class="kind">{_h(link.kind)} {link.score:.2f}</td></tr>'
        )
    out.append("</table>")
    for side, doc in _sides(c):
        only = _only(c, side, doc)
        out.append(f"<h2>Only in the {side} article ({len(only)})</h2>")
        out.append("<ul>" + "".join(f"<li>{_h(t)}</li>" for t in only) + "</ul>")
    if c.actors or "actors" not in c.skipped:
        out.append(f"<h2>Actors ({len(c.actors)})</h2><ul>")
        for a in c.actors:
            aka = f" (also: {_h(', '.join(a.aliases))})" if a.aliases else ""
            out.append(
                f"<li><b>{_h(a.name)}</b>, {_h(a.kind)}{aka}: {len(a.mentions)} mentions</li>"
            )
        out.append("</ul>")
        names = _actor_names(c)
        out.append(f"<h2>Reactions ({len(c.reactions)})</h2><ul>")
        for r in c.reactions:
            quote = f": “{_h(r.quote)}”" if r.quote else ""
            who = _h(names.get(r.actor, r.actor))
            out.append(f"<li>{who} ({r.side}, {_h(r.stance)}) {_h(r.cue)}{quote}</li>")
        out.append("</ul>")
    else:
        out.append("<p>Actors and reactions were not recognised by the version that made this.</p>")
    if notes:
        out.append(f"<h2>Notes ({len(notes)})</h2><ul>")
        out += [f"<li>{_h(note)}</li>" for note in notes]
        out.append("</ul>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)
