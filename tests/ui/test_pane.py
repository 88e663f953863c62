"""An article pane: colours per link match across panes, unique marks, geometry, clicks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QHBoxLayout, QWidget

from parallax.core.model import Comparison, Document, Sentence
from parallax.ui.gutter import LinkGutter
from parallax.ui.pane import ArticlePane, _utf16_prefix
from parallax.ui.reading import Reading
from parallax.ui.theme import theme_for

_KEEP: list[object] = []


def _host(qtbot, comparison: Comparison, *, gutter: bool = False):  # type: ignore[no-untyped-def]
    host = QWidget()
    qtbot.addWidget(host)
    _KEEP[:] = [host]
    layout = QHBoxLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    left, right = ArticlePane("left"), ArticlePane("right")
    reading = Reading(comparison)
    theme = theme_for(host.palette())
    layout.addWidget(left, 1)
    g = LinkGutter(left.view, right.view) if gutter else None
    if g is not None:
        layout.addWidget(g)
        g.set_content(reading, theme)
    layout.addWidget(right, 1)
    left.set_content(reading, theme)
    right.set_content(reading, theme)
    host.resize(1100, 600)
    host.show()
    qtbot.waitExposed(host)
    return left, right, g, reading, theme


def test_each_link_has_one_colour_on_both_sides(qtbot, linked_comparison) -> None:  # type: ignore[no-untyped-def]
    left, right, _, reading, theme = _host(qtbot, linked_comparison)
    colours = set()
    for index in reading.order:
        lefts = [
            s for s in reading.sentences(index, "left") if reading.primary_link("left", s) == index
        ]
        rights = [
            s
            for s in reading.sentences(index, "right")
            if reading.primary_link("right", s) == index
        ]
        shown = {left.view.sentence_color(s).name() for s in lefts}  # type: ignore[union-attr]
        shown |= {right.view.sentence_color(s).name() for s in rights}  # type: ignore[union-attr]
        if lefts or rights:
            assert len(shown) == 1, f"link {index} is painted in {shown}"
            colours |= shown
    # Neighbouring links in reading order never share a colour.
    for a, b in zip(reading.order, reading.order[1:], strict=False):
        assert theme.link_color(reading.slot[a]) != theme.link_color(reading.slot[b])
    assert theme.unique_background.name() not in colours


def test_unique_sentences_are_marked(qtbot, linked_comparison) -> None:  # type: ignore[no-untyped-def]
    left, right, _, reading, theme = _host(qtbot, linked_comparison)
    for side, pane in (("left", left), ("right", right)):
        assert reading.unique[side], "the sample pair has sentences only one outlet carries"
        for s in reading.unique[side]:
            assert pane.view.sentence_color(s) == theme.unique_background
        assert f"{len(reading.unique[side])} only here" in pane.meta.text()


def test_sentence_extents_follow_the_text_and_zoom(qtbot, linked_comparison) -> None:  # type: ignore[no-untyped-def]
    left, _, _, _, _ = _host(qtbot, linked_comparison)
    extents = left.view.extents()
    assert len(extents) == len(linked_comparison.left.sentences)
    tops = [t for t, _ in extents]
    assert tops == sorted(tops)
    assert all(b > t for t, b in extents)
    assert extents[-1][1] <= left.view.content_height() + 1
    for i in (0, len(extents) // 2, len(extents) - 1):
        assert left.view.sentence_at((extents[i][0] + extents[i][1]) / 2) == i
    before = extents[-1][1]
    left.view.set_zoom(1.5)
    assert left.view.extents()[-1][1] > before * 1.3


def test_clicking_a_sentence_reports_it(qtbot, linked_comparison) -> None:  # type: ignore[no-untyped-def]
    left, _, _, _, _ = _host(qtbot, linked_comparison)
    view = left.view
    target = 3
    top, bottom = view.sentence_extent(target)
    view.set_scroll_y(top - 20)
    point = QPoint(60, int((top + bottom) / 2 - view.scroll_y()))
    with qtbot.waitSignal(view.sentenceClicked, timeout=1000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [target]


def test_astral_characters_keep_highlights_on_the_right_words(qtbot) -> None:  # type: ignore[no-untyped-def]
    # Qt counts UTF-16 units; Parallax counts code points. An emoji must not shift anything.
    first, second = "Crowds cheered 🎉 in Seoul.", "Officials said 𝓀 nothing."
    text = f"{first}\n{second}"
    doc = Document(
        original=text,
        text=text,
        sentences=(
            Sentence(0, 0, len(first), first),
            Sentence(1, len(first) + 1, len(text), second),
        ),
    )
    comparison = Comparison(left=doc, right=doc)
    left, _, _, _, _ = _host(qtbot, comparison)
    view = left.view
    start = text.index("nothing")
    sel = view.span_selection(start, start + len("nothing"), view.currentCharFormat())
    assert sel.cursor.selectedText() == "nothing"
    assert _utf16_prefix("ab") is None
    assert _utf16_prefix("a🎉b") == [0, 1, 3, 4]


def test_original_text_shows_what_repair_removed(qtbot, linked_comparison) -> None:  # type: ignore[no-untyped-def]
    _, right, _, reading, theme = _host(qtbot, linked_comparison)
    doc = linked_comparison.right
    assert doc.repairs, "the damaged sample has repairs"
    right.set_content(reading, theme, show_original=True)
    assert right.view.toPlainText() == doc.original
    # Sentence highlights map onto the original text: the same words are covered.
    sentence = doc.sentences[0]
    sel = right.view.span_selection(sentence.start, sentence.end, right.view.currentCharFormat())
    shown = sel.cursor.selectedText().replace("\u2029", "\n")
    removed = {r.original for r in doc.repairs}
    cleaned = "".join(ch for ch in shown if ch not in "".join(removed))
    assert cleaned == sentence.text
    right.set_content(reading, theme, show_original=False)
    assert right.view.toPlainText() == doc.text


def test_gutter_draws_visible_links_and_clicks_select_them(qtbot, linked_comparison) -> None:  # type: ignore[no-untyped-def]
    left, right, gutter, reading, _ = _host(qtbot, linked_comparison, gutter=True)
    assert gutter is not None
    gutter.repaint()
    visible = gutter.visible_links()
    assert visible, "links are drawn"
    lscroll, height = left.view.scroll_y(), left.view.viewport_height()
    for index in visible:
        ends = [left.view.sentence_extent(s) for s in reading.sentences(index, "left")]
        ends += [right.view.sentence_extent(s) for s in reading.sentences(index, "right")]
        assert any(b >= lscroll and t <= lscroll + height for t, b in ends)
    index = visible[0]
    box = gutter.ribbon(index)
    assert box is not None
    # Click inside the ribbon near its left end, level with its first left sentence (a
    # link's sentences need not be neighbours: a headline and the lead's third sentence).
    lt, lb = left.view.sentence_extent(reading.sentences(index, "left")[0])
    y_view = (lt + lb) / 2 - lscroll
    y = int(
        left.view.viewport().mapTo(gutter.window(), QPoint(0, int(y_view))).y()
        - gutter.mapTo(gutter.window(), QPoint(0, 0)).y()
    )
    with qtbot.waitSignal(gutter.linkClicked, timeout=1000) as blocker:
        qtbot.mouseClick(gutter, Qt.MouseButton.LeftButton, pos=QPoint(2, y))
    assert blocker.args[0] in reading.links_of(
        "left", reading.sentences(index, "left")[0]
    ) or blocker.args == [index]


@pytest.mark.parametrize("dark", [False, True])
def test_palette_keeps_text_readable(dark: bool) -> None:
    from parallax.ui.theme import _dark_palette, _light_palette

    theme = theme_for(_dark_palette() if dark else _light_palette())
    assert theme.dark is dark

    def luminance(c) -> float:  # type: ignore[no-untyped-def]
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())

    text = luminance(theme.text)
    for color in (*theme.links, *theme.links_strong, theme.unique_background):
        bg = luminance(color)
        ratio = (max(text, bg) + 0.05) / (min(text, bg) + 0.05)
        assert ratio >= 4.5, f"{color.name()} gives contrast {ratio:.1f} (WCAG AA needs 4.5)"


def test_a_note_on_how_the_text_was_read_is_shown_with_the_article(qtbot) -> None:  # type: ignore[no-untyped-def]
    text = "The harbour reopens on Monday."
    note = "The web page is nested too deeply, so the page's whole visible text is shown."
    plain = Document(original=text, text=text, sentences=(Sentence(0, 0, len(text), text),))
    noted = Document(
        original=text, text=text, sentences=(Sentence(0, 0, len(text), text),), notes=(note,)
    )
    left, right, _, _, _ = _host(qtbot, Comparison(left=noted, right=plain))
    assert "a note on how it was read" in left.meta.text()
    assert left.meta.toolTip() == note
    assert "note" not in right.meta.text() and right.meta.toolTip() == ""
