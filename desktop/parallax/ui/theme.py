"""Colours of the reader: a colour-blind-safe link palette for light and dark windows.

Linked facts are told apart by colour, so the palette must survive the common colour-vision
deficiencies and work behind black text (light theme) and light text (dark theme). The
hues are Paul Tol's "light" qualitative scheme, designed for exactly this: backgrounds
behind text, distinguishable under protanopia, deuteranopia and tritanopia. Colour is never
the only cue: the gutter draws each link as a band between its two sentences, sentences
found in one article only carry a margin bar, and discrepancies get a wavy underline.

A dark window gets the same hues blended into its background, so text keeps its contrast
and the colour of a link is the same colour family in both themes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

Scheme = Literal["system", "light", "dark"]

#: Paul Tol's "light" scheme, in an order where neighbours differ most (blue, orange,
#: mint, pink, yellow, cyan, pear, olive).
LINK_HUES: tuple[str, ...] = (
    "#77AADD",
    "#EE8866",
    "#44BB99",
    "#FFAABB",
    "#EEDD88",
    "#99DDFF",
    "#BBCC33",
    "#AAAA00",
)


def _mix(color: QColor, base: QColor, amount: float) -> QColor:
    """``amount`` of ``color`` over ``base`` (0 gives base, 1 gives color)."""
    return QColor.fromRgbF(
        base.redF() + (color.redF() - base.redF()) * amount,
        base.greenF() + (color.greenF() - base.greenF()) * amount,
        base.blueF() + (color.blueF() - base.blueF()) * amount,
    )


@dataclass(frozen=True, slots=True)
class Theme:
    """Every colour the panes, gutter and overview paint with."""

    dark: bool
    base: QColor
    text: QColor
    muted_text: QColor
    links: tuple[QColor, ...]  # sentence backgrounds, one per palette slot
    links_strong: tuple[QColor, ...]  # the selected link's fill, overview ticks
    links_outline: tuple[QColor, ...]  # the selected link's outline, in panes and gutter
    unique: QColor  # margin bar of a sentence found in one article only
    unique_background: QColor
    discrepancy: QColor  # wavy underline and markers of disagreeing words
    changed_words: QColor  # translucent shade over words that differ inside a selected pair
    mention: QColor  # an actor's mentions when the actor is selected
    find_match: QColor
    repair: QColor  # where characters were removed, and the removed characters shown

    def link_color(self, slot: int, *, strong: bool = False) -> QColor:
        colors = self.links_strong if strong else self.links
        return colors[slot % len(colors)]

    def link_outline(self, slot: int) -> QColor:
        return self.links_outline[slot % len(self.links_outline)]


def _luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = _luminance(a), _luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def _readable(hue: QColor, base: QColor, amount: float, text: QColor) -> QColor:
    """``hue`` mixed into ``base`` as strongly as ``amount`` allows while text on it keeps a
    WCAG AA contrast (4.5:1) — yellow and pink need less colour than blue on a dark base."""
    while amount > 0.05:
        color = _mix(hue, base, amount)
        if contrast(color, text) >= 4.6:
            return color
        amount -= 0.02
    return _mix(hue, base, 0.05)


def theme_for(palette: QPalette) -> Theme:
    """The theme that fits a widget palette (dark when its base colour is dark)."""
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    dark = base.lightnessF() < 0.5
    hues = [QColor(h) for h in LINK_HUES]
    if dark:
        links = tuple(_readable(h, base, 0.40, text) for h in hues)
        strong = tuple(_readable(h, base, 0.58, text) for h in hues)
        return Theme(
            dark=True,
            base=base,
            text=text,
            muted_text=_mix(text, base, 0.6),
            links=links,
            links_strong=strong,
            links_outline=tuple(h.lighter(115) for h in hues),
            unique=QColor("#BBBBBB"),
            unique_background=_mix(QColor("#DDDDDD"), base, 0.10),
            discrepancy=QColor("#EE7733"),
            changed_words=QColor(255, 255, 255, 46),
            mention=_mix(QColor("#FFFFFF"), base, 0.30),
            find_match=_mix(QColor("#EEDD88"), base, 0.70),
            repair=QColor("#EE3377"),
        )
    return Theme(
        dark=False,
        base=base,
        text=text,
        muted_text=_mix(text, base, 0.55),
        links=tuple(_readable(h, base, 0.50, text) for h in hues),
        links_strong=tuple(_readable(h, base, 0.85, text) for h in hues),
        links_outline=tuple(h.darker(160) for h in hues),
        unique=QColor("#888888"),
        unique_background=QColor("#F1F1F1")
        if base.lightnessF() > 0.97
        else _mix(QColor("#DDDDDD"), base, 0.5),
        discrepancy=QColor("#CC3311"),
        changed_words=QColor(0, 0, 0, 34),
        mention=QColor("#D7D7D7"),
        find_match=QColor("#FFE45E"),
        repair=QColor("#CC3311"),
    )


def _dark_palette() -> QPalette:
    p = QPalette()
    window, base, text = QColor("#26282B"), QColor("#1E1F22"), QColor("#E6E6E6")
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor("#2A2C30"),
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: QColor("#303236"),
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.ToolTipBase: QColor("#303236"),
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: QColor("#8C8C8C"),
        QPalette.ColorRole.Highlight: QColor("#3D6FB4"),
        QPalette.ColorRole.HighlightedText: QColor("#FFFFFF"),
        QPalette.ColorRole.Link: QColor("#8AB4F8"),
        QPalette.ColorRole.BrightText: QColor("#FF6666"),
        QPalette.ColorRole.Mid: QColor("#3A3C40"),
        QPalette.ColorRole.Dark: QColor("#141517"),
        QPalette.ColorRole.Light: QColor("#45474C"),
    }
    for role, color in roles.items():
        p.setColor(role, color)
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7A7A7A"))
    return p


def _light_palette() -> QPalette:
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: QColor("#F3F3F3"),
        QPalette.ColorRole.WindowText: QColor("#1B1B1B"),
        QPalette.ColorRole.Base: QColor("#FFFFFF"),
        QPalette.ColorRole.AlternateBase: QColor("#F7F7F7"),
        QPalette.ColorRole.Text: QColor("#1B1B1B"),
        QPalette.ColorRole.Button: QColor("#F0F0F0"),
        QPalette.ColorRole.ButtonText: QColor("#1B1B1B"),
        QPalette.ColorRole.ToolTipBase: QColor("#FFFFF0"),
        QPalette.ColorRole.ToolTipText: QColor("#1B1B1B"),
        QPalette.ColorRole.PlaceholderText: QColor("#8C8C8C"),
        QPalette.ColorRole.Highlight: QColor("#3D6FB4"),
        QPalette.ColorRole.HighlightedText: QColor("#FFFFFF"),
        QPalette.ColorRole.Link: QColor("#1A5FB4"),
        QPalette.ColorRole.Mid: QColor("#C8C8C8"),
        QPalette.ColorRole.Dark: QColor("#A0A0A0"),
        QPalette.ColorRole.Light: QColor("#FFFFFF"),
    }
    for role, color in roles.items():
        p.setColor(role, color)
    return p


def system_is_dark() -> bool:
    """Whether the desktop asks for a dark appearance (Qt 6.5+ colour-scheme hint)."""
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def apply_scheme(app: QApplication, scheme: Scheme) -> bool:
    """Give the application a light or dark palette; returns True when it is dark.

    "system" follows the desktop's colour-scheme hint. The Fusion style is used so that
    an explicit palette looks the same on every platform (native styles ignore parts of
    it).
    """
    dark = system_is_dark() if scheme == "system" else scheme == "dark"
    style = QStyleFactory.create("Fusion")
    if style is not None:
        app.setStyle(style)
    app.setPalette(_dark_palette() if dark else _light_palette())
    return dark
