"""How fast the reader window opens, renders and scrolls.

Run by hand (pytest does not collect it)::

    python tests/bench/bench_ui.py [--sizes 250 1000 2000] [--runs 3]

It measures, each against a baseline taken in the same run on the same machine:

1. **Cold start**: ``parallax --smoke-test`` in a fresh process (offscreen), timed from
   before the process is started: when the window is shown, when the sample pair's links
   are painted, when actors and reactions arrive; from compiled bytecode, as an installed
   app starts (one unmeasured run writes it first). Baseline: a bare ``python -c "import
   PySide6.QtWidgets"`` process, the floor any Qt reader pays.
2. **Opening a long pair**: two N-sentence articles (news sentences reworded and shuffled,
   as in ``bench_align.py``) compared without actors, then shown in the window and painted
   — compare time and render time apart. Baseline: ``QTextEdit.setPlainText`` of the same
   two texts and a paint, the cost of showing them with no colours at all.
3. **Scroll sync**: one step of scroll sync (the left pane moves, the map is looked up, the
   right pane moves) at 400 positions through the N-sentence pair; mean and worst step; then
   the step with both panes and the gutter repainted at once. Baseline: scrolling and
   repainting one plain pane.

Budgets (DESIGN.md): window with the sample pair compared under 1 s from process start;
a 2,000-sentence pair opened and rendered under 2 s; a scroll-sync step under 5 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO / "desktop"), str(REPO)]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def cold_start(runs: int) -> None:
    print("1. cold start (fresh process, offscreen, sample pair)")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # An installed app starts from compiled bytecode (pip and the bundle write it): so do
    # these runs, after one run unmeasured that writes it for a source checkout.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTHONPYCACHEPREFIX", None)
    subprocess.run(
        [sys.executable, "-m", "parallax", "--smoke-test"],
        capture_output=True,
        env=env,
        check=False,
        cwd=REPO,
    )
    base = []
    for _ in range(runs):
        t0 = time.time()
        subprocess.run([sys.executable, "-c", "import PySide6.QtWidgets"], check=True, env=env)
        base.append(time.time() - t0)
    marks: dict[str, list[float]] = {}
    for _ in range(runs):
        env["PARALLAX_T0"] = repr(time.time())
        proc = subprocess.run(
            [sys.executable, "-m", "parallax", "--smoke-test"],
            capture_output=True,
            text=True,
            env=env,
            check=False,
            cwd=REPO,
        )
        if proc.returncode != 0:
            print(proc.stdout, proc.stderr)
            raise SystemExit("smoke test failed")
        for line in proc.stdout.splitlines():
            if line.endswith(" s") and not line.startswith("FAILED"):
                name, value = line[:28].strip(), float(line[28:].split()[0])
                marks.setdefault(name, []).append(value)
    floor = min(base)
    print(f"   {'import PySide6.QtWidgets (baseline)':<38} {floor:6.3f} s")
    for name, values in marks.items():
        best = min(values)
        print(f"   {name:<38} {best:6.3f} s   x{best / floor:5.1f} baseline")
    painted = min(marks.get("links painted", [float("nan")]))
    verdict = "within" if painted < 1.0 else "OVER"
    print(f"   budget: links painted under 1 s from process start -> {painted:.3f} s ({verdict})\n")


def long_pairs(sizes: list[int], runs: int) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QTextEdit

    from parallax.app import make_app
    from parallax.core.ingest import read_text
    from parallax.core.pipeline import link
    from parallax.ui.main_window import MainWindow
    from tests.bench.bench_align import build
    from tests.bench.heldout_data import news_sentences

    app = make_app(offscreen=True)
    sentences = news_sentences()
    settings = QSettings(str(Path("/tmp") / "parallax-bench-ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(db_path=None, settings=settings)
    window.resize(1500, 920)
    window.show()
    app.processEvents()
    print("2. opening a long pair (compare without actors, then show and paint)")
    print(
        f"   {'N':>6} {'compare':>9} {'render':>8} {'plain':>8} {'ratio':>6}"
        f" {'sync mean':>9} {'sync max':>9} {'+ paint':>10} {'1 pane':>10}"
    )
    for n in sizes:
        left_text, right_text, _ = build(n, sentences)
        t0 = time.perf_counter()
        comparison = link(read_text(left_text), read_text(right_text), refined=False)
        compare_s = time.perf_counter() - t0
        renders, plains = [], []
        for _ in range(runs):
            window.show_comparison(None)
            app.processEvents()
            t0 = time.perf_counter()
            window.show_comparison(comparison)
            window.left.view.extents()
            window.right.view.extents()
            window.repaint()
            app.processEvents()
            renders.append(time.perf_counter() - t0)
            plain = QTextEdit()
            plain.resize(600, 800)
            plain.show()
            t0 = time.perf_counter()
            plain.setPlainText(comparison.left.text)
            plain.setPlainText(comparison.right.text)
            plain.document().documentLayout().documentSize()
            plain.repaint()
            app.processEvents()
            plains.append(time.perf_counter() - t0)
            plain.close()
        # Scroll sync: step the left pane through the document, the right one follows.
        view = window.left.view
        bar = view.verticalScrollBar()
        positions = list(range(0, bar.maximum(), max(bar.maximum() // 400, 1)))
        window.sync.sync_map()
        # A sync step: the left pane scrolls, the map is looked up and the right pane moves
        # (repaints are queued). Then the same with both panes and the gutter repainted at
        # once, against scrolling and repainting one plain pane, the floor of any reader.
        panes = (window.left.view.viewport(), window.right.view.viewport(), window.gutter)
        steps, painted = [], []
        for y in positions:
            t0 = time.perf_counter()
            bar.setValue(y)
            steps.append(time.perf_counter() - t0)
            for widget in panes:
                widget.repaint()
            painted.append(time.perf_counter() - t0)
        window.sync.set_enabled(False)
        bare = []
        for y in positions:
            t0 = time.perf_counter()
            bar.setValue(y)
            panes[0].repaint()
            bare.append(time.perf_counter() - t0)
        render, plain_s = min(renders), min(plains)
        print(
            f"   {n:>6} {compare_s:>8.3f}s {render:>7.3f}s {plain_s:>7.3f}s {render / plain_s:>6.1f}"
            f" {statistics.mean(steps) * 1000:>7.3f}ms {max(steps) * 1000:>7.3f}ms"
            f" {statistics.mean(painted) * 1000:>8.1f}ms {statistics.mean(bare) * 1000:>8.1f}ms"
        )
    window.close()
    print(
        "   budgets: 2,000-sentence pair opened and rendered under 2 s (compare + render);"
        " scroll-sync step under 5 ms"
    )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[250, 1000, 2000])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--skip-cold", action="store_true")
    args = ap.parse_args(argv)
    if not args.skip_cold:
        cold_start(args.runs)
    long_pairs(args.sizes, args.runs)


if __name__ == "__main__":
    main()
