"""``python -m parallax`` and the ``parallax`` command (also the PyInstaller entry point)."""

from __future__ import annotations

import sys


def main() -> None:
    from parallax.cli import main as cli_main

    sys.exit(cli_main())


if __name__ == "__main__":
    main()
