"""What each colour and mark of the reader means: the text of the colour legend.

:data:`COLOUR_ENTRIES` is what :class:`~parallax.ui.dialogs.colours_help.ColoursHelpDialog`
explains, in order; each entry's key names the live sample that
:class:`~parallax.ui.dialogs.swatch.Swatch` paints for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class ColourEntry:
    """One mark the reader paints, and what it means."""

    key: str
    title: str
    text: str


#: Every colour and mark of the reader, in the order the legend explains them. The panes,
#: gutter and overview strip paint them (``pane.py``, ``gutter.py``); keep this in step.
COLOUR_ENTRIES: Final[tuple[ColourEntry, ...]] = (
    ColourEntry(
        "links",
        "Linked facts",
        "Sentences that report the same fact share one colour on both sides. The colours "
        "only tell links apart: they carry no meaning of their own, and repeat when there "
        "are more links than colours.",
    ),
    ColourEntry(
        "selected",
        "Selected link",
        "The link you clicked or moved to: a stronger shade with an outline, on both sides "
        "and in the gutter.",
    ),
    ColourEntry(
        "unique",
        "Only in this source",
        "A grey background and a bar in the margin: no sentence of the other article reports this.",
    ),
    ColourEntry(
        "discrepancy",
        "Discrepancy",
        "In a selected pair, a wavy underline under the words the outlets disagree on: a "
        "number, a date, a name, a quotation, or a claim one outlet states and the other "
        "denies.",
    ),
    ColourEntry(
        "changed",
        "Changed words",
        "In a selected pair, the words that differ between its two sentences are shaded "
        "and underlined.",
    ),
    ColourEntry(
        "mention",
        "Actor mentions",
        "Where the actor selected in the sidebar is named, in both articles.",
    ),
    ColourEntry(
        "repair",
        "Repairs",
        "A small mark under the line where Parallax removed junk characters from a word. "
        "With the original text shown, the removed characters appear struck out in this "
        "colour.",
    ),
    ColourEntry("find", "Find", "Matches of the text you searched for (Ctrl+F)."),
    ColourEntry(
        "gutter",
        "Link gutter",
        "Between the articles, a band joins each link's sentences; bands cross where the "
        "outlets tell the facts in a different order.",
    ),
    ColourEntry(
        "overview",
        "Overview strip",
        "Each whole article at a glance: linked sentences in their link's colour, a grey "
        "mark at the edge for sentences only that article has, a mark in the discrepancy "
        "colour for facts the outlets disagree on, and a frame around the part on screen.",
    ),
)
