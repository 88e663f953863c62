"""The Repairs panel: the removed characters, clicking a repair, the original-text toggle."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QPoint, Qt

from parallax.core.model import Comparison
from parallax.ui.models import RepairsModel, outlet_labels
from parallax.ui.sidebar import NO_REPAIRS, Sidebar
from tests.ui.sidebar.helpers import click_row, show_dock

# ---------------------------------------------------------------------------------------------
# Repairs
# ---------------------------------------------------------------------------------------------


def test_repairs_show_the_removed_glyph_its_code_point_and_context(
    sidebar: Sidebar, comparison: Comparison
) -> None:
    model = sidebar.repairs.view.model()
    first = comparison.right.repairs[0]
    assert first.original == "꧃"
    cells = [model.index(0, c).data() for c in range(model.columnCount())]
    assert cells == [
        outlet_labels(comparison)["right"],
        "꧃",
        cells[RepairsModel.CONTEXT],
        "U+A9C3 JAVANESE PADA ANDAP",
        "junk-glyph",
    ]
    before, _, after = cells[RepairsModel.CONTEXT].partition("⟦꧃⟧")
    assert before.endswith("Putin a") and after.startswith("nd North")  # inside "and"
    assert "⟦" not in after
    summary = sidebar.repairs.summary.text()
    assert "clean" in summary and "<b>20</b> repaired" in summary


def test_clicking_a_repair_asks_to_scroll_to_it(sidebar: Sidebar, qtbot: Any) -> None:
    show_dock(sidebar, 2, qtbot)
    view = sidebar.repairs.view
    with qtbot.waitSignal(sidebar.repairActivated) as blocker:
        click_row(qtbot, view, 3)
    assert blocker.args == ["right", 3]


def test_show_original_toggle(sidebar: Sidebar, qtbot: Any) -> None:
    show_dock(sidebar, 2, qtbot)
    box = sidebar.repairs.show_original
    with qtbot.waitSignal(sidebar.showOriginalChanged) as blocker:
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert blocker.args == [True]
    assert sidebar.show_original()
    with qtbot.waitSignal(sidebar.showOriginalChanged) as blocker:
        sidebar.set_show_original(False)
    assert blocker.args == [False]


def test_clean_pair_says_so_and_keeps_the_toggle(sidebar: Sidebar, comparison: Comparison) -> None:
    clean = replace(comparison, right=replace(comparison.right, repairs=()))
    sidebar.set_comparison(clean)
    assert sidebar.repairs.placeholder_text() == NO_REPAIRS
    assert sidebar.docks()[2].windowTitle() == "Repairs (0)"
    assert not sidebar.repairs.show_original.isHidden()


def test_repair_side_filter_on_the_clean_article(sidebar: Sidebar, comparison: Comparison) -> None:
    sidebar.repairs.side_filter.setCurrentIndex(1)
    text = sidebar.repairs.placeholder_text()
    assert text is not None and "its text was clean" in text
    sidebar.repairs.placeholder.linkActivated.emit("clear")
    assert sidebar.repairs.view.model().rowCount() == 20
