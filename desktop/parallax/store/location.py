"""Where the library file lives.

One SQLite file in the user's data folder, so a journalist's comparisons survive upgrades
and are easy to back up or open in Datasette. ``--db PATH`` (or ``PARALLAX_DB``) points
Parallax at another file: a library per story, or one on an encrypted volume.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

import platformdirs

__all__ = ["ENV_VAR", "FILE_NAME", "default_library_path", "library_path"]

#: Environment variable that overrides the default location (``--db`` overrides it in turn).
ENV_VAR: Final = "PARALLAX_DB"
#: The file name inside the user data folder; ``.db`` is what Datasette and file managers
#: recognise as SQLite.
FILE_NAME: Final = "library.db"


def _user_data_dir() -> Path:
    # appauthor=False: no "Parallax/Parallax" doubling on Windows.
    return platformdirs.user_data_path("Parallax", appauthor=False)


def default_library_path() -> Path:
    """The library in the user data folder (e.g. ``~/.local/share/Parallax/library.db``)."""
    return _user_data_dir() / FILE_NAME


def library_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The library file to use: ``explicit`` (``--db``), else ``$PARALLAX_DB``, else the default.

    Nothing is created here; :class:`~parallax.store.library.Library` creates the file (and
    its folder) on first use.
    """
    if explicit is not None and str(explicit) != "":
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_VAR, "")
    if env:
        return Path(env).expanduser()
    return default_library_path()
