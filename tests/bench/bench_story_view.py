"""How fast the coverage matrix of a story is drawn once the story is ready.

Run by hand (pytest does not collect it)::

    python tests/bench/bench_story_view.py [--outlets 10] [--facts 300] [--runs 5]

A story of ``--outlets`` articles of 60 sentences and ``--facts`` facts (each carried by a
random set of outlets, a third of them by one alone, some with a differing wording) is
handed to a shown :class:`~parallax.ui.story.StoryView` (1,400 x 900, offscreen); timed
from ``set_story`` until the window is painted, then a walk through the whole matrix page
by page (every cell painted once). Baseline, in the same run: a plain ``QTableView`` over
a ``QStandardItemModel`` filled with the same texts and painted. Budget (issue 18): the
matrix drawn under 0.5 s for 10 outlets by 300 facts.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO / "desktop"), str(REPO)]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from parallax.core.ingest import read_text  # noqa: E402
from parallax.core.model import Difference  # noqa: E402
from parallax.core.pipeline import prepare  # noqa: E402
from parallax.core.story import Story, StoryArticle, StoryDifference, StoryFact  # noqa: E402
from parallax.ui.story import StoryView  # noqa: E402

WORDS = ("harbour bridge council mayor repairs inspectors crack closed Monday dollars "
         "residents detour spring officials engineers traffic ferry report").split()  # fmt: skip


def make_story(outlets: int, facts: int, seed: int = 7) -> Story:
    rng = random.Random(seed)
    articles = []
    for k in range(outlets):
        body = " ".join(
            f"The {' '.join(rng.choices(WORDS, k=9))} number {k}-{s}." for s in range(60)
        )
        doc = prepare(read_text(f"Outlet {k} on the bridge\n\n{body}", name=f"o{k}.txt"))
        articles.append(StoryArticle(f"a{k + 1}", doc, f"Outlet number {k + 1}"))
    ids = [a.id for a in articles]
    found = []
    for f in range(facts):
        n = 1 if f % 3 == 2 else rng.randint(2, outlets)
        carried = rng.sample(ids, n)
        sentences = {a: (rng.randrange(61),) for a in carried}
        diffs = ()
        if n > 1 and f % 5 == 0:
            diffs = (StoryDifference(carried[0], carried[1], Difference("number", "2", "3")),)
        found.append(StoryFact(f"f{f + 1}", sentences, diffs))
    found.sort(key=lambda x: -x.outlets)
    return Story("Bench", tuple(articles), tuple(found))


def time_view(app: QApplication, story: Story) -> tuple[float, float]:
    view = StoryView()
    view.resize(1400, 900)
    view.show()
    app.processEvents()
    start = time.perf_counter()
    view.set_story(story)
    view.grab()
    drawn = time.perf_counter() - start
    table = view.coverage.table
    bar = table.verticalScrollBar()
    start = time.perf_counter()
    for value in range(0, bar.maximum() + bar.pageStep(), bar.pageStep()):
        bar.setValue(value)
        table.viewport().grab()
    walked = time.perf_counter() - start
    view.close()
    view.deleteLater()
    app.processEvents()
    return drawn, walked


def time_plain(app: QApplication, story: Story) -> float:
    table = QTableView()
    table.resize(1400, 900)
    table.show()
    app.processEvents()
    start = time.perf_counter()
    model = QStandardItemModel(len(story.facts), 2 + len(story.articles))
    for r, fact in enumerate(story.facts):
        model.setItem(r, 0, QStandardItem(fact.id))
        model.setItem(r, 1, QStandardItem(str(fact.outlets)))
        for c, a in enumerate(story.articles, 2):
            model.setItem(r, c, QStandardItem("●" if a.id in fact.sentences else ""))
    table.setModel(model)
    table.grab()
    took = time.perf_counter() - start
    table.close()
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--outlets", type=int, default=10)
    parser.add_argument("--facts", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    story = make_story(args.outlets, args.facts)
    time_view(app, story)  # warm-up: fonts, styles
    runs = [time_view(app, story) for _ in range(args.runs)]
    plain = [time_plain(app, story) for _ in range(args.runs)]
    drawn = [d for d, _ in runs]
    walked = [w for _, w in runs]
    print(f"{args.outlets} outlets x {args.facts} facts, {args.runs} runs")
    print(f"  matrix drawn:      median {statistics.median(drawn) * 1000:.0f} ms, "
          f"worst {max(drawn) * 1000:.0f} ms (budget 500 ms)")  # fmt: skip
    print(f"  every page walked: median {statistics.median(walked) * 1000:.0f} ms")
    print(f"  plain QTableView:  median {statistics.median(plain) * 1000:.0f} ms (baseline)")


if __name__ == "__main__":
    main()
