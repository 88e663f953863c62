"""The colours of the story tabs, taken from the reader's theme so both palettes work.

A cell that states a fact in the same words as the others is tinted with the theme's
first link hue (blue), one whose wording differs with its second (orange): the pair Paul
Tol's scheme keeps apart under every common colour-vision deficiency, behind text that
keeps a WCAG AA contrast in light and dark windows. A fact only one outlet carries gets a
yellow band. Colour is never the only cue: the marks differ in shape (● and ◐) and the
band is also a written badge ("Only in …").
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from parallax.ui.theme import Theme, theme_for

__all__ = ["StoryColours"]

_STATED_SLOT = 0  # blue
_DIFFERS_SLOT = 1  # orange
_ALONE_SLOT = 4  # yellow


@dataclass(frozen=True, slots=True)
class StoryColours:
    """Backgrounds and text colours of the coverage and actors tables."""

    text: QColor
    muted_text: QColor
    stated: QColor
    differs: QColor
    alone: QColor
    alone_strong: QColor

    @classmethod
    def from_theme(cls, theme: Theme) -> StoryColours:
        return cls(
            text=theme.text,
            muted_text=theme.muted_text,
            stated=theme.link_color(_STATED_SLOT),
            differs=theme.link_color(_DIFFERS_SLOT, strong=True),
            alone=theme.link_color(_ALONE_SLOT),
            alone_strong=theme.link_outline(_ALONE_SLOT),
        )

    @classmethod
    def from_palette(cls, palette: QPalette) -> StoryColours:
        return cls.from_theme(theme_for(palette))
