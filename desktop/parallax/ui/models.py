"""Item models of the sidebar: the actors, reactions and repairs of one comparison.

Each model wraps the tuple of core records the comparison already holds and computes what its
rows show once, when the comparison is set, so a view over 300 actors or 1,000 reactions costs
one model reset and a few look-ups per painted cell, never a widget per row.

Filtering and sorting happen in a :class:`RowFilterProxy`, which asks its source model whether
a row passes a :class:`RowFilter`: each model decides what "left only" or "this actor" means
for its own records. Sorting uses :data:`SORT_ROLE` (numbers sort as numbers) and is stable,
so rows that tie keep the comparison's own order (actors by number of mentions).
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Final, Literal

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from parallax.core.model import Actor, Comparison, Document, Reaction, Repair, Side
from parallax.ui.theme import Theme

__all__ = [
    "ACTOR_ID_ROLE",
    "CONTEXT_ROLE",
    "INDEX_ROLE",
    "SIDE_ROLE",
    "SORT_ROLE",
    "ActorsModel",
    "Presence",
    "ReactionsModel",
    "RepairsModel",
    "RowFilter",
    "RowFilterProxy",
    "describe_characters",
    "kind_icon",
    "outlet_labels",
    "presence_of",
    "repair_context",
    "visible_characters",
]

_Index = QModelIndex | QPersistentModelIndex

#: The actor a row is about (actors and reactions).
ACTOR_ID_ROLE: Final = Qt.ItemDataRole.UserRole + 1
#: What a column sorts by: numbers for counts and positions, folded text otherwise.
SORT_ROLE: Final = Qt.ItemDataRole.UserRole + 2
#: ``"left"`` or ``"right"``: the article a row belongs to.
SIDE_ROLE: Final = Qt.ItemDataRole.UserRole + 3
#: Reactions: the sentence index; repairs: the index into that Document's repairs.
INDEX_ROLE: Final = Qt.ItemDataRole.UserRole + 4
#: Repairs, context column: ``(before, removed, after)`` for a delegate to paint.
CONTEXT_ROLE: Final = Qt.ItemDataRole.UserRole + 5

#: Where an actor is mentioned: in both articles, one of them, or (after edits) neither.
Presence = Literal["both", "left", "right", "none"]

_PRESENCE_TEXT: Final[dict[str, str]] = {
    "both": "both",
    "left": "left only",
    "right": "right only",
    "none": "not mentioned",
}

#: Paul Tol's "bright" scheme, one hue per kind; each kind also has its own shape and the
#: Kind column spells it out, so colour is never the only cue.
_KIND_COLORS: Final[dict[str, str]] = {
    "person": "#4477AA",
    "country": "#228833",
    "organization": "#AA3377",
    "place": "#CCBB44",
    "group": "#EE6677",
}

_STANCE_GLYPH: Final[dict[str, str]] = {"positive": "+", "negative": "−", "neutral": "○"}
#: Blue and orange stay apart under every common colour-vision deficiency; the glyph and the
#: word carry the meaning on their own.
_STANCE_COLORS: Final[dict[tuple[str, bool], str]] = {
    ("positive", False): "#2F6DB5",
    ("negative", False): "#C2410C",
    ("positive", True): "#8AB8F0",
    ("negative", True): "#F0A070",
}


# ---------------------------------------------------------------------------------------------
# Plain helpers (no Qt objects): what a row says
# ---------------------------------------------------------------------------------------------


def outlet_labels(comparison: Comparison | None) -> dict[Side, str]:
    """What to call each article: its outlet, else its title, else "Left"/"Right".

    Two articles from the same outlet (or two untitled pastes) get their side added, so a
    journalist can always tell the rows of one from the other.
    """
    if comparison is None:
        return {"left": "Left", "right": "Right"}

    def label(doc: Document, fallback: str) -> str:
        for value in (doc.source, doc.title):
            if value and value.strip():
                return " ".join(value.split())
        return fallback

    labels: dict[Side, str] = {
        "left": label(comparison.left, "Left"),
        "right": label(comparison.right, "Right"),
    }
    if labels["left"].casefold() == labels["right"].casefold():
        labels = {"left": f"{labels['left']} (left)", "right": f"{labels['right']} (right)"}
    return labels


def mention_counts(actor: Actor) -> tuple[int, int]:
    """How many times an actor is mentioned in the left and in the right article."""
    left = sum(1 for m in actor.mentions if m.side == "left")
    return left, len(actor.mentions) - left


def presence_of(actor: Actor) -> Presence:
    """Whether an actor appears in both articles or in one only."""
    left, right = mention_counts(actor)
    if left and right:
        return "both"
    if left:
        return "left"
    return "right" if right else "none"


_INVISIBLE_CATEGORIES: Final = frozenset({"Cc", "Cf", "Co", "Cn", "Cs", "Zs", "Zl", "Zp"})


def visible_characters(text: str) -> str:
    """The characters of ``text`` in a form that can be seen in a list.

    Invisible ones (zero-width spaces, bidi controls, unusual spaces) are shown as their code
    point in angle brackets, and combining marks on a dotted circle (the Unicode convention),
    since a mark on its own would fall onto whatever precedes it.
    """
    out = []
    for ch in text:
        category = unicodedata.category(ch)
        if category in _INVISIBLE_CATEGORIES and ch != " ":
            out.append(f"⟨U+{ord(ch):04X}⟩")
        elif category in ("Mn", "Me"):
            out.append(f"◌{ch}")
        else:
            out.append(ch)
    return "".join(out)


def describe_characters(text: str) -> str:
    """Code points and Unicode names: ``"U+A9C3 JAVANESE PADA ANDAP"``.

    Several characters are listed with commas; a long run (mojibake) is cut after six.
    """
    parts = [f"U+{ord(ch):04X} {unicodedata.name(ch, 'unnamed character')}" for ch in text[:6]]
    if len(text) > 6:
        parts.append(f"… ({len(text)} characters)")
    return ", ".join(parts) if parts else "(nothing)"


def repair_context(original: str, repair: Repair, *, words: int = 4) -> tuple[str, str, str]:
    """A few words either side of a repair, from the original text: (before, removed, after).

    The removed characters usually sit inside a word (``a꧃nd``), so the partial words
    around them are kept whole; line breaks become spaces and a cut is shown with "…".
    """
    raw_before = original[max(0, repair.start - 80) : repair.start]
    raw_after = original[repair.end : repair.end + 80]
    before_words = raw_before.split()
    after_words = raw_after.split()
    before = " ".join(before_words[-words:])
    after = " ".join(after_words[:words])
    # Keep the space (or its absence) that touches the removed characters.
    if raw_before[-1:].isspace() and before:
        before += " "
    if raw_after[:1].isspace() and after:
        after = " " + after
    if before and (len(before_words) > words or repair.start > 80):
        before = "…" + before
    if after and (len(after_words) > words or repair.end + 80 < len(original)):
        after += "…"
    return before, repair.original, after


# ---------------------------------------------------------------------------------------------
# Small painted icons
# ---------------------------------------------------------------------------------------------


@cache
def kind_icon(kind: str) -> QIcon:
    """A small coloured shape per actor kind: person ●, country ■, organisation ◆, place ▲,
    group ●● (two discs).

    Drawn once per kind (needs a running QGuiApplication).
    """
    size = 16
    pixmap = QPixmap(size * 2, size * 2)  # drawn at 2x, sharp on high-DPI screens
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = QColor(_KIND_COLORS.get(kind, "#BBBBBB"))
    painter.setBrush(color)
    painter.setPen(QPen(color.darker(140), 1.0))
    if kind == "person":
        painter.drawEllipse(QRectF(3, 3, 10, 10))
    elif kind == "country":
        painter.drawRect(QRectF(3.5, 3.5, 9, 9))
    elif kind == "organization":
        painter.drawPolygon(
            QPolygonF([QPointF(8, 2), QPointF(14, 8), QPointF(8, 14), QPointF(2, 8)])
        )
    elif kind == "place":
        painter.drawPolygon(QPolygonF([QPointF(8, 2.5), QPointF(14, 13), QPointF(2, 13)]))
    else:
        path = QPainterPath()
        path.addEllipse(QRectF(1.5, 5, 8, 8))
        path.addEllipse(QRectF(6.5, 3, 8, 8))
        painter.drawPath(path.simplified())
    painter.end()
    return QIcon(pixmap)


def _stance_color(stance: str, theme: Theme | None) -> QColor | None:
    if stance == "neutral":
        return theme.muted_text if theme is not None else None
    dark = theme.dark if theme is not None else False
    return QColor(_STANCE_COLORS[(stance, dark)])


def _tooltip(*paragraphs: str) -> str:
    """Rich text, so Qt wraps long tooltips instead of showing one endless line."""
    return "<qt>" + "".join(f"<p>{p}</p>" for p in paragraphs if p) + "</qt>"


# ---------------------------------------------------------------------------------------------
# Filtering
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RowFilter:
    """What the user narrowed a list to; an empty field does not filter.

    Attributes:
        text: Case-insensitive words that must all appear (actors: in the name or an alias).
        side: Only rows of this article.
        presence: Actors only: ``"both"``, ``"left"`` (left only) or ``"right"``.
        actor: Reactions only: the id of the actor whose reactions are listed.
    """

    text: str = ""
    side: Side | None = None
    presence: Presence | None = None
    actor: str | None = None


class _RecordModel(QAbstractTableModel):
    """A table over a list of precomputed rows, with fixed headers."""

    HEADERS: tuple[str, ...] = ()
    HEADER_TIPS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._theme: Theme | None = None
        self._labels: dict[Side, str] = outlet_labels(None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._size()

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole and section < len(self.HEADER_TIPS):
            return self.HEADER_TIPS[section].format(**self._labels)
        return None

    def set_theme(self, theme: Theme) -> None:
        """Repaint with another theme's colours (rows and selection are kept)."""
        self._theme = theme
        if self._size():
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(self._size() - 1, len(self.HEADERS) - 1),
                [Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.DecorationRole],
            )

    def labels(self) -> dict[Side, str]:
        """The outlet label of each side, as shown in the rows."""
        return dict(self._labels)

    def accepts(self, row: int, flt: RowFilter) -> bool:
        """Whether source row ``row`` passes the filter."""
        raise NotImplementedError

    def _size(self) -> int:
        raise NotImplementedError


class RowFilterProxy(QSortFilterProxyModel):
    """Sorts by :data:`SORT_ROLE` and keeps the rows its source model accepts."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._filter = RowFilter()
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def row_filter(self) -> RowFilter:
        return self._filter

    def set_row_filter(self, flt: RowFilter) -> None:
        if flt == self._filter:
            return
        self.beginFilterChange()
        self._filter = flt
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        source = self.sourceModel()
        if not isinstance(source, _RecordModel):
            return True
        return source.accepts(source_row, self._filter)


# ---------------------------------------------------------------------------------------------
# Actors
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _ActorRow:
    actor: Actor
    left: int
    right: int
    presence: Presence
    search: str  # name and aliases, case-folded, for the search field


class ActorsModel(_RecordModel):
    """One row per actor, in the comparison's order (most mentioned first)."""

    NAME, KIND, LEFT, RIGHT, PRESENCE = range(5)
    HEADERS = ("Name", "Kind", "Left", "Right", "Presence")
    HEADER_TIPS = (
        "The actor's name; its aliases are in the tooltip",
        "Person, country, organization, place or group",
        "Mentions in {left}",
        "Mentions in {right}",
        "Whether both articles mention the actor, or only one",
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_ActorRow] = []
        self._row_of: dict[str, int] = {}
        self._notes: dict[str, tuple[str, ...]] = {}

    def set_notes(self, notes: Mapping[str, Sequence[str]]) -> None:
        """The journalist's notes by actor id: each actor's tooltip lists its own."""
        self._notes = {a: tuple(texts) for a, texts in notes.items() if texts}
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._rows) - 1, len(self.HEADERS) - 1),
                [Qt.ItemDataRole.ToolTipRole],
            )

    def notes_of(self, actor_id: str) -> tuple[str, ...]:
        """The journalist's notes on an actor."""
        return self._notes.get(actor_id, ())

    def set_comparison(self, comparison: Comparison | None) -> None:
        """Show the actors of ``comparison`` (none when it is None)."""
        self.beginResetModel()
        self._labels = outlet_labels(comparison)
        self._rows = []
        for actor in comparison.actors if comparison is not None else ():
            left, right = mention_counts(actor)
            search = "\n".join((actor.name, *actor.aliases)).casefold()
            self._rows.append(_ActorRow(actor, left, right, presence_of(actor), search))
        self._row_of = {r.actor.id: i for i, r in enumerate(self._rows)}
        self.endResetModel()

    def _size(self) -> int:
        return len(self._rows)

    def actor(self, row: int) -> Actor:
        """The actor of source row ``row``."""
        return self._rows[row].actor

    def actors(self) -> list[Actor]:
        """Every actor shown, in the comparison's order."""
        return [r.actor for r in self._rows]

    def row_of(self, actor_id: str) -> int | None:
        """The source row of an actor, or None when it is not in this comparison."""
        return self._row_of.get(actor_id)

    def presence(self, row: int) -> Presence:
        return self._rows[row].presence

    def accepts(self, row: int, flt: RowFilter) -> bool:
        r = self._rows[row]
        if flt.presence is not None and r.presence != flt.presence:
            return False
        if flt.side is not None and not (r.left if flt.side == "left" else r.right):
            return False
        return all(word in r.search for word in flt.text.casefold().split())

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == SORT_ROLE:
            return self._sort_key(r, col, index.row())
        if role == ACTOR_ID_ROLE:
            return r.actor.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(r)
        if role == Qt.ItemDataRole.DecorationRole and col == self.KIND:
            return kind_icon(r.actor.kind)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.LEFT, self.RIGHT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and col == self.PRESENCE and r.presence != "both":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and self._theme is not None:
            faint = (col == self.PRESENCE and r.presence == "both") or (
                col in (self.LEFT, self.RIGHT) and not (r.left if col == self.LEFT else r.right)
            )
            return self._theme.muted_text if faint else None
        return None

    def _display(self, r: _ActorRow, col: int) -> str:
        if col == self.NAME:
            return r.actor.name
        if col == self.KIND:
            return r.actor.kind
        if col == self.LEFT:
            return str(r.left)
        if col == self.RIGHT:
            return str(r.right)
        return _PRESENCE_TEXT[r.presence]

    def _sort_key(self, r: _ActorRow, col: int, row: int) -> Any:
        if col == self.NAME:
            return r.actor.name.casefold()
        if col == self.KIND:
            return r.actor.kind
        if col == self.LEFT:
            return r.left
        if col == self.RIGHT:
            return r.right
        return ("both", "left", "right", "none").index(r.presence)

    def _tip(self, r: _ActorRow) -> str:
        a = r.actor
        name = f"<b>{html.escape(a.name)}</b> ({a.kind})"
        aliases = (
            "Also called: " + ", ".join(html.escape(x) for x in a.aliases)
            if a.aliases
            else "No other names found."
        )
        where = {
            "both": (
                f"{r.left} mention(s) in {html.escape(self._labels['left'])}, "
                f"{r.right} in {html.escape(self._labels['right'])}."
            ),
            "left": f"Mentioned only by {html.escape(self._labels['left'])} ({r.left}).",
            "right": f"Mentioned only by {html.escape(self._labels['right'])} ({r.right}).",
            "none": "No mentions left.",
        }[r.presence]
        notes = self._notes.get(a.id, ())
        if notes:
            head = "Your note" if len(notes) == 1 else f"Your {len(notes)} notes"
            mine = f"<b>{head}:</b> " + " — ".join(html.escape(n) for n in notes)
            return _tooltip(name, aliases, where, mine)
        return _tooltip(name, aliases, where)


# ---------------------------------------------------------------------------------------------
# Reactions
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _ReactionRow:
    reaction: Reaction
    actor_name: str
    shown: str  # the quote in quotation marks, else the sentence


class ReactionsModel(_RecordModel):
    """One row per reaction: who, in which article, the cue verb, the stance and the quote."""

    ACTOR, OUTLET, CUE, STANCE, QUOTE = range(5)
    HEADERS = ("Actor", "Outlet", "Cue", "Stance", "Quote")
    HEADER_TIPS = (
        "Who reacted",
        "The article that reports it: {left} or {right}",
        "The words that report the reaction (said, warned, voiced concerns…)",
        "Positive (+), negative (−) or neutral (○)",
        "The quoted words, or the sentence when nothing is quoted",
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_ReactionRow] = []

    def set_comparison(self, comparison: Comparison | None) -> None:
        """Show the reactions of ``comparison`` (none when it is None)."""
        self.beginResetModel()
        self._labels = outlet_labels(comparison)
        names = {a.id: a.name for a in comparison.actors} if comparison is not None else {}
        self._rows = []
        for r in comparison.reactions if comparison is not None else ():
            shown = f"“{r.quote}”" if r.quote else " ".join(r.text.split())
            self._rows.append(_ReactionRow(r, names.get(r.actor, r.actor), shown))
        self.endResetModel()

    def _size(self) -> int:
        return len(self._rows)

    def reaction(self, row: int) -> Reaction:
        """The reaction of source row ``row``."""
        return self._rows[row].reaction

    def accepts(self, row: int, flt: RowFilter) -> bool:
        r = self._rows[row]
        if flt.side is not None and r.reaction.side != flt.side:
            return False
        if flt.actor is not None and r.reaction.actor != flt.actor:
            return False
        if flt.text:
            hay = f"{r.actor_name}\n{r.reaction.cue}\n{r.reaction.text}".casefold()
            return all(word in hay for word in flt.text.casefold().split())
        return True

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        r = row.reaction
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.actor_name,
                self._labels[r.side],
                r.cue,
                f"{_STANCE_GLYPH.get(r.stance, '?')} {r.stance}",
                row.shown,
            )[col]
        if role == SORT_ROLE:
            if col == self.OUTLET:
                return (0 if r.side == "left" else 1) * 1_000_000 + r.sentence
            if col == self.STANCE:
                return ("positive", "neutral", "negative").index(r.stance)
            return self.data(index, Qt.ItemDataRole.DisplayRole).casefold()
        if role == ACTOR_ID_ROLE:
            return r.actor
        if role == SIDE_ROLE:
            return r.side
        if role == INDEX_ROLE:
            return r.sentence
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == self.STANCE:
                return _stance_color(r.stance, self._theme)
            if col == self.QUOTE and not r.quote and self._theme is not None:
                return self._theme.muted_text
        if role == Qt.ItemDataRole.FontRole and col == self.QUOTE and not r.quote:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _tip(self, row: _ReactionRow) -> str:
        r = row.reaction
        head = (
            f"<b>{html.escape(row.actor_name)}</b> {html.escape(r.cue)} "
            f"({_STANCE_GLYPH.get(r.stance, '?')} {r.stance}) "
            f"in {html.escape(self._labels[r.side])}, sentence {r.sentence + 1}"
        )
        quote = f"Quote: “{html.escape(r.quote)}”" if r.quote else ""
        return _tooltip(head, quote, f"<i>{html.escape(' '.join(r.text.split()))}</i>")


# ---------------------------------------------------------------------------------------------
# Repairs
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _RepairRow:
    side: Side
    index: int  # into that Document's repairs
    repair: Repair
    removed: str  # visible_characters(original), with the replacement when there is one
    described: str
    context: tuple[str, str, str]


class RepairsModel(_RecordModel):
    """One row per change the repair stage made, left article first, in text order."""

    OUTLET, REMOVED, CONTEXT, CHARACTER, KIND = range(5)
    HEADERS = ("Outlet", "Removed", "Context", "Character", "Kind")
    HEADER_TIPS = (
        "The article that was repaired: {left} or {right}",
        "The characters that were in the original text (→ what replaced them)",
        "The original text around the change",
        "Unicode code point and name",
        "Why the characters were removed or replaced",
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_RepairRow] = []
        self._counts: dict[Side, int] = {"left": 0, "right": 0}

    def set_comparison(self, comparison: Comparison | None) -> None:
        """Show the repairs of both articles of ``comparison`` (none when it is None)."""
        self.beginResetModel()
        self._labels = outlet_labels(comparison)
        self._rows = []
        docs: Sequence[tuple[Side, Document]] = (
            (("left", comparison.left), ("right", comparison.right)) if comparison else ()
        )
        for side, doc in docs:
            # The title's repairs first (index -1: not in the text, nothing to scroll to).
            in_title = [(-1, rep, doc.original_title or "") for rep in doc.title_repairs]
            in_text = [(i, rep, doc.original) for i, rep in enumerate(doc.repairs)]
            for i, rep, original_text in in_title + in_text:
                removed = visible_characters(rep.original)
                if rep.replacement:
                    removed += f" → {visible_characters(rep.replacement)}"
                before, original, after = repair_context(original_text, rep)
                # The context is the damaged text too: its controls shown, never obeyed.
                before, after = visible_characters(before), visible_characters(after)
                if i < 0:
                    before = f"Title: {before}"
                context = (before, visible_characters(original), after)
                row = _RepairRow(side, i, rep, removed, describe_characters(rep.original), context)
                self._rows.append(row)
        self._counts = {"left": 0, "right": 0}
        for side, doc in docs:
            self._counts[side] = len(doc.repairs) + len(doc.title_repairs)
        self.endResetModel()

    def _size(self) -> int:
        return len(self._rows)

    def counts(self) -> dict[Side, int]:
        """How many repairs each article had."""
        return dict(self._counts)

    def accepts(self, row: int, flt: RowFilter) -> bool:
        r = self._rows[row]
        if flt.side is not None and r.side != flt.side:
            return False
        if flt.text:
            hay = f"{r.repair.kind}\n{r.described}\n{''.join(r.context)}".casefold()
            return all(word in hay for word in flt.text.casefold().split())
        return True

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.CONTEXT:
                before, removed, after = r.context
                return f"{before}⟦{removed}⟧{after}"
            return (self._labels[r.side], r.removed, "", r.described, r.repair.kind)[col]
        if role == SORT_ROLE:
            if col in (self.OUTLET, self.CONTEXT):
                return (0 if r.side == "left" else 1) * 100_000_000 + r.repair.start
            return self.data(index, Qt.ItemDataRole.DisplayRole).casefold()
        if role == CONTEXT_ROLE and col == self.CONTEXT:
            return r.context
        if role == SIDE_ROLE:
            return r.side
        if role == INDEX_ROLE:
            return r.index
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(r)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.REMOVED:
            return self._theme.repair if self._theme is not None else None
        if role == Qt.ItemDataRole.FontRole and col == self.REMOVED:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _tip(self, r: _RepairRow) -> str:
        rep = r.repair
        what = (
            f"replaced by “{html.escape(visible_characters(rep.replacement))}”"
            if rep.replacement
            else "removed"
        )
        before, removed, after = r.context
        return _tooltip(
            f"<b>{html.escape(r.removed.split(' → ')[0])}</b> {what} "
            f"({html.escape(rep.kind)}) in {html.escape(self._labels[r.side])}, "
            f"at character {rep.start} of the original text",
            html.escape(r.described),
            f"{html.escape(before)}<b><u>{html.escape(removed)}</u></b>{html.escape(after)}",
        )
