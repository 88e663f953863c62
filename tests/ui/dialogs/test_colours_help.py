"""The colour legend: every mark the reader paints, with live samples in the theme's colours."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QColor, QPalette

from parallax.ui.dialogs import COLOUR_ENTRIES, ColoursHelpDialog
from parallax.ui.theme import Theme, theme_for


def _palette(base: str, text: str) -> QPalette:
    palette = QPalette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Base, QColor(base))
        palette.setColor(group, QPalette.ColorRole.Window, QColor(base))
        palette.setColor(group, QPalette.ColorRole.Text, QColor(text))
    return palette


LIGHT = _palette("#FFFFFF", "#1B1B1B")
DARK = _palette("#1E1F22", "#E6E6E6")


def test_the_legend_explains_every_mark_the_reader_uses(qtbot: Any) -> None:
    theme = theme_for(LIGHT)
    dialog = ColoursHelpDialog(None, theme)
    qtbot.addWidget(dialog)
    keys = [e.key for e in COLOUR_ENTRIES]
    assert set(keys) == {
        "links",
        "selected",
        "unique",
        "discrepancy",
        "changed",
        "mention",
        "repair",
        "find",
        "gutter",
        "overview",
    }
    assert set(dialog.swatches) == set(keys)
    assert all(entry.text.endswith(".") for entry in COLOUR_ENTRIES)


def _colours(theme: Theme) -> dict[str, tuple[QColor, ...]]:
    return {
        "links": theme.links,
        "selected": (theme.links_strong[0], theme.link_outline(0)),
        "unique": (theme.unique, theme.unique_background),
        "discrepancy": (theme.discrepancy, theme.changed_words),
        "changed": (theme.changed_words, theme.muted_text),
        "mention": (theme.mention,),
        "repair": (theme.repair,),
        "find": (theme.find_match,),
        "gutter": (*theme.links[:3], theme.link_outline(2)),
        "overview": (*theme.links_strong[:3], theme.unique, theme.discrepancy),
    }


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
def test_swatches_paint_with_the_theme_colours(qtbot: Any, palette: QPalette) -> None:
    theme = theme_for(palette)
    dialog = ColoursHelpDialog(None, theme)
    qtbot.addWidget(dialog)
    dialog.show()
    for key, colours in _colours(theme).items():
        assert dialog.swatches[key].colors() == colours, key
    # the pixels say the same: the middle of the first chip is the first link colour
    swatch = dialog.swatches["links"]
    image = swatch.grab().toImage()
    chips = len(theme.links)
    inner = swatch.width() - 14
    x = int(7 + inner / chips / 2 * image.devicePixelRatio())
    y = image.height() // 2
    assert image.pixelColor(x, y).name() == theme.links[0].name()
    base = image.pixelColor(3, 3).name()
    assert base == theme.base.name()


def test_the_legend_follows_a_theme_switch(qtbot: Any) -> None:
    dialog = ColoursHelpDialog()
    qtbot.addWidget(dialog)
    dialog.setPalette(DARK)
    assert dialog.theme().dark
    assert dialog.swatches["unique"].colors()[0] == theme_for(DARK).unique
    dialog.set_theme(theme_for(LIGHT))
    assert not dialog.swatches["links"].theme.dark


def test_an_explicit_theme_is_kept_when_the_palette_changes(qtbot: Any) -> None:
    light = theme_for(LIGHT)
    dialog = ColoursHelpDialog(None, light)
    qtbot.addWidget(dialog)
    dialog.setPalette(DARK)
    assert dialog.theme() is light
