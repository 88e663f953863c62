"""``python -m parallax`` and the ``parallax`` command (also the PyInstaller entry point)."""

from __future__ import annotations

import sys

#: The argument that starts the second analysis process (``parallax.core.actors.helper``
#: gives it; spelled here too so that the command line imports nothing more to check it).
HELPER_FLAG = "--parse-helper"


def main() -> None:
    import multiprocessing

    # A frozen bundle is its own Python: the processes it starts (a story's comparisons,
    # the second analysis process) run this executable, and these hand them over.
    multiprocessing.freeze_support()
    if sys.argv[1:2] == [HELPER_FLAG] and len(sys.argv) == 3:
        from parallax.core.analysis_process import serve

        sys.exit(serve(sys.argv[2]))
    from parallax.cli import main as cli_main

    sys.exit(cli_main())


if __name__ == "__main__":
    main()
