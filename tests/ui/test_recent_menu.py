"""File > Recent Comparisons: each saved pair once, both articles readable."""

from __future__ import annotations

from typing import Any

from parallax.session import ComparisonSummary
from parallax.ui.recent_menu import RecentMenu


def summary(n: int, left_title: str, right_title: str) -> ComparisonSummary:
    return ComparisonSummary(
        n,
        "2026-12-07T10:00:00Z",
        left_title,
        "The Harbour Times",
        right_title,
        "Daily Courier",
        3,
        10,
        12,
        4,
        2,
        0,
    )


def test_both_titles_and_outlets_stay_readable(qtbot: Any) -> None:
    menu = RecentMenu()
    long = "North Korea and Russia sign a landmark defence pact after a summit in Pyongyang"
    menu.show_comparisons([summary(1, long, "Putin and Kim pledge mutual military help")])
    (label,) = [a.text() for a in menu.actions()]
    left, right = label.split("⟷")
    assert "The Harbour Times" in left and "Daily Courier" in right
    assert "Putin and Kim" in right and len(left.strip()) < 70


def test_choosing_an_entry_says_which_comparison(qtbot: Any) -> None:
    menu = RecentMenu()
    menu.show_comparisons([summary(7, "A", "B"), summary(3, "C", "D")])
    with qtbot.waitSignal(menu.comparisonChosen) as blocker:
        menu.actions()[1].trigger()
    assert blocker.args == [3]


def test_an_empty_library_says_so(qtbot: Any) -> None:
    menu = RecentMenu()
    menu.show_comparisons([])
    (entry,) = menu.actions()
    assert "No saved comparisons yet" in entry.text() and not entry.isEnabled()
