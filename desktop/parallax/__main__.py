"""``python -m parallax`` and the ``parallax`` command (also the PyInstaller entry point)."""

from __future__ import annotations

import os
import sys

# NumPy's BLAS (OpenBLAS) runs a larger matrix product on a thread per core, and its threads
# spin between products. spaCy's products come one layer at a time between Python steps,
# and Parallax keeps the other cores busy already (the reader, onnxruntime's threads, a
# story's worker processes): on two cores a second BLAS thread doubled the CPU time of the
# actors and reactions of two long articles, and their wall time with it
# (tests/bench/bench_actors.py). One thread, unless the user set it; read when NumPy loads,
# so before anything imports it.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def main() -> None:
    from parallax.cli import main as cli_main

    sys.exit(cli_main())


if __name__ == "__main__":
    main()
