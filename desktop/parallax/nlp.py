"""The process-wide actor recogniser, built from the lexicons shipped with Parallax.

``parallax.core`` does not know where Parallax is installed (:mod:`parallax.paths` does), so
the composition roots — the public API, the command line and the GUI — take the recogniser
from here and hand it to :func:`parallax.core.pipeline.compare`. Creating it is free: the
spaCy model loads on first use (or on :meth:`~parallax.core.actors.Recognizer.warm_up`).
"""

from __future__ import annotations

import functools

from parallax.core.actors import Recognizer
from parallax.paths import data_dir


@functools.cache
def recognizer(*, parallel: bool = True) -> Recognizer:
    """The one :class:`~parallax.core.actors.Recognizer` of this process: sharing long
    analyses with a second process, unless this process is itself one of several working
    side by side (``parallel=False``: a story's comparison workers)."""
    return Recognizer(data_dir() / "lexicons", parallel=parallel)
