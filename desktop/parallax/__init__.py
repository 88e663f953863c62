"""Parallax: compare how two outlets covered one event.

The public API is small on purpose::

    import parallax
    comparison = parallax.compare_files("outlet-a.html", "outlet-b.txt")
    comparison.to_dict()          # the parallax.comparison/1 document
"""

from __future__ import annotations

import os
from typing import Any

# NumPy's BLAS (OpenBLAS) runs a larger matrix product on a thread per core, and its threads
# spin between products. spaCy's products come one layer at a time between Python steps,
# and Parallax keeps the other cores busy already (the reader, onnxruntime's threads, a
# story's worker processes): on two cores a second BLAS thread doubled the CPU time of the
# actors and reactions of two long articles, and their wall time with it
# (tests/bench/bench_actors.py). One thread, unless the user set it. OpenBLAS reads it when
# NumPy loads, so it is set here, before any part of Parallax imports NumPy: the reader,
# the command line, a story's workers and the API alike (a program that imported NumPy
# before Parallax keeps its own setting).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"

__all__ = ["Comparison", "__version__", "compare_files", "compare_texts"]


def compare_texts(left: str, right: str, **options: Any) -> Comparison:
    """Compare two articles given as text (pasted, or already read).

    Keyword options are those of :meth:`parallax.session.Session.compare` (``pinned``,
    ``rejected``, ``skip_repairs``, ``quick``); nothing is read from or saved to the library.
    """
    from parallax.core.ingest import read_text
    from parallax.session import Session

    with Session() as session:
        return session.compare(
            read_text(left, name="left"), read_text(right, name="right"), **options
        ).comparison


def compare_files(
    left: str | os.PathLike[str], right: str | os.PathLike[str], **options: Any
) -> Comparison:
    """Compare two article files (.txt, .md, .html); see :func:`compare_texts`."""
    from parallax.core.ingest import read_path
    from parallax.session import Session

    with Session() as session:
        return session.compare(read_path(left), read_path(right), **options).comparison


from parallax.core.model import Comparison  # noqa: E402  (re-exported record type)
