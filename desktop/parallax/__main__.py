"""``python -m parallax`` and the ``parallax`` command (also the PyInstaller entry point).

The reader is routed to before the command line module is imported: that module loads the
comparison stack, which the window loads later, in its worker thread.
"""

from __future__ import annotations

import sys


def main() -> None:
    from parallax.launch import is_reader, reader

    argv = sys.argv[1:]
    if is_reader(argv):
        sys.exit(reader(argv, sys.stderr))
    from parallax.cli import main as cli_main

    sys.exit(cli_main())


if __name__ == "__main__":
    main()
