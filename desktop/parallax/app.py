"""The composition root of the reader: QApplication, library location, main window.

``parallax`` (no command) and ``parallax LEFT RIGHT`` land in :func:`run`;
``parallax --screenshot OUT.png [LEFT RIGHT]`` in :func:`screenshot`. Nothing heavy is
imported before the window is on screen: the comparison runs in a worker thread, and spaCy
loads there, after the links are painted.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from parallax.ui.main_window import MainWindow
    from parallax.ui.theme import Scheme

#: When this module was imported: the origin of the timings printed, unless the caller
#: passes its own clock origin in $PARALLAX_T0 (seconds since the epoch, e.g. before exec).
_IMPORTED = time.time()

APP_NAME = "Parallax"
ORG_NAME = "Parallax"


def warm_up() -> None:
    """Import the comparison stack and load the embedding model on a background thread.

    Started before Qt is imported, this overlaps the two slow parts of a cold start — Qt
    building the window on the main thread, Python importing NumPy, ftfy and the aligner
    and reading the model here — so the first comparison's links are painted sooner. The
    worker that compares later finds everything loaded; nothing here touches Qt.
    """

    def work() -> None:
        try:
            from parallax.nlp import recognizer

            recognizer().start()  # the second process loads spaCy's model on the other core
            import parallax.core.ingest
            import parallax.core.pipeline  # noqa: F401
            from parallax.core.embed import encoder

            encoder()
        except Exception:  # the worker will meet the same problem and report it
            return

    threading.Thread(target=work, name="parallax-warm-up", daemon=True).start()


def _headless() -> bool:
    return sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )


def make_app(argv: Sequence[str] = (), *, offscreen: bool = False) -> QApplication:
    """The process's QApplication, with names, icon and high-DPI settings set once."""
    if offscreen and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication, QIcon
    from PySide6.QtWidgets import QApplication

    from parallax import __version__
    from parallax.paths import resources_dir

    existing = QCoreApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName("parallax")
    app = QApplication([sys.argv[0] if sys.argv else "parallax", *argv])
    icon = resources_dir() / "icons" / "parallax.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def run(
    pair: tuple[Path, Path] | None = None,
    *,
    db: str | None = None,
    scheme: Scheme | None = None,
) -> int:
    """Open the reader: on ``pair``, else the last comparison, else the sample pair."""
    started = time.perf_counter()
    warm_up()
    app = make_app()
    from parallax.session import library_path
    from parallax.ui.main_window import MainWindow

    window = MainWindow(db_path=library_path(db))
    if scheme is not None:
        window.set_scheme(scheme)
    window.show()
    _open_initial(window, pair)
    from parallax.ui.window_settings import hint_legend_once

    hint_legend_once(window)
    if os.environ.get("PARALLAX_TIMINGS"):
        print(
            f"parallax: window shown after {time.perf_counter() - started:.3f} s", file=sys.stderr
        )
    return int(app.exec())


def _open_initial(window: MainWindow, pair: tuple[Path, Path] | None) -> None:
    if pair is not None:
        window.compare(*pair)
        return
    from parallax.ui.window_settings import Key

    last = window.settings.value(Key.LAST_COMPARISON)
    if last is not None and window.db_path is not None and window.db_path.exists():
        with contextlib.suppress(TypeError, ValueError):
            window.open_stored(int(str(last)), quiet=True)  # the samples if it is gone
            return
    window.open_sample()


def screenshot(
    out: Path,
    pair: tuple[Path, Path] | None = None,
    *,
    scheme: Scheme = "light",
    select: int | None = None,
    size: tuple[int, int] = (1500, 920),
) -> int:
    """Render the reader on a pair (default: the sample pair) to a PNG and return 0.

    The comparison runs in this thread (a screenshot has nothing to stay responsive for),
    with actors; the link selected is ``select`` (its rank in reading order, from 1), or
    else the first link whose facts disagree, so the picture shows a discrepancy.
    """
    app = make_app(offscreen=_headless())
    from PySide6.QtCore import QSettings

    from parallax.core.ingest import read_path
    from parallax.core.pipeline import compare
    from parallax.nlp import recognizer
    from parallax.paths import sample_pair
    from parallax.ui.main_window import MainWindow
    from parallax.ui.window_settings import fit_sidebar

    left_path, right_path = pair or sample_pair()
    comparison = compare(read_path(left_path), read_path(right_path), recognizer=recognizer())
    with tempfile.TemporaryDirectory() as tmp:
        # The user's window settings and library stay untouched.
        settings = QSettings(str(Path(tmp) / "screenshot.ini"), QSettings.Format.IniFormat)
        window = MainWindow(db_path=None, settings=settings)
        window.set_scheme(scheme)
        window.resize(*size)
        window.show()
        fit_sidebar(window, size[0])
        window.show_comparison(comparison)
        app.processEvents()
        reading = window.reading
        if reading is not None and reading.order:
            if select is not None:
                index = reading.order[min(max(select - 1, 0), len(reading.order) - 1)]
            else:
                index = reading.discrepant[0] if reading.discrepant else reading.order[0]
            window.focus_side = "left"
            window.select_link(index)
        for _ in range(3):
            app.processEvents()
        image = window.grab()
        window.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        from parallax.core.names import shown_name

        raise OSError(f"cannot write {shown_name(str(out))}")
    return 0


def smoke_test(out: TextIO | None = None) -> int:
    """Check that this installation works, end to end and offline; returns 0 or 1.

    Opens the reader offscreen on the sample pair with a temporary library, waits for the
    comparison (links first, then actors and reactions), reads it back from the library,
    and prints the timings. Used by the installers' build and by benchmarks.
    """
    stream = out or sys.stdout
    origin = float(os.environ.get("PARALLAX_T0") or _IMPORTED)
    marks: list[tuple[str, float]] = []

    def mark(what: str) -> None:
        marks.append((what, time.time() - origin))

    warm_up()
    app = make_app(offscreen=True)
    from PySide6.QtCore import QSettings, QTimer

    from parallax.session import Session
    from parallax.ui.main_window import MainWindow

    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "smoke.ini"), QSettings.Format.IniFormat)
        db = Path(tmp) / "smoke.db"
        window = MainWindow(db_path=db, settings=settings)
        window.show()
        app.processEvents()
        mark("window shown")
        result: dict[str, object] = {}

        def shown(comparison: object) -> None:
            if comparison is not None and "links painted" not in dict(marks):
                app.processEvents()
                mark("links painted")

        def finished(comparison: object, comparison_id: object) -> None:
            mark("actors and reactions")
            result["comparison"], result["id"] = comparison, comparison_id
            app.quit()

        def failed(message: str) -> None:
            problems.append(f"comparison failed: {message}")
            app.quit()

        def timeout() -> None:
            problems.append("no result within 120 s")
            app.quit()

        window.comparisonShown.connect(shown)
        window.worker.finished.connect(finished)
        window.worker.failed.connect(failed)
        window.worker.storeFailed.connect(lambda m: problems.append(f"not saved: {m}"))
        QTimer.singleShot(120_000, timeout)
        window.open_sample()
        app.exec()
        comparison = result.get("comparison")
        if comparison is not None:
            from parallax.core.model import Comparison

            assert isinstance(comparison, Comparison)
            if not comparison.links:
                problems.append("no links between the sample articles")
            if not comparison.actors or not comparison.reactions:
                problems.append("no actors or reactions found")
            if not isinstance(result.get("id"), int):
                problems.append("the comparison was not saved to the library")
            else:
                with Session.open(db) as session:
                    stored = session.load(int(result["id"]))  # type: ignore[call-overload]
                mark("read back from the library")
                if stored.to_dict() != comparison.to_dict():
                    problems.append("the library returned a different comparison")
        elif not problems:
            problems.append("no comparison")
        window.close()
    for what, seconds in marks:
        stream.write(f"{what:<28} {seconds:7.3f} s\n")
    if problems:
        for problem in problems:
            stream.write(f"FAILED: {problem}\n")
        return 1
    stream.write("smoke test passed\n")
    return 0
