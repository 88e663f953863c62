"""Fetching held-out material for the measurements in ``tests/bench``.

Held-out text must not live in this repository (a splitter or repairer tuned to files it can
see proves little), so the measurements fetch public packages that ship real text as test
data with pip, into a cache directory, and read them straight from the archive.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "parallax-heldout"


def fetch(requirement: str, cache: Path = DEFAULT_CACHE, *, wheel: bool = False) -> Path:
    """Download one distribution (``name`` or ``name==version``) into ``cache``, once.

    Returns:
        The path of the downloaded sdist (or wheel, with ``wheel=True``).
    """
    cache.mkdir(parents=True, exist_ok=True)
    name, _, version = requirement.partition("==")
    ext = "-*.whl" if wheel else ".tar.gz"
    patterns = [f"{n}-{version or '*'}{ext}" for n in {name, name.replace("-", "_")}]

    def found() -> list[Path]:
        return sorted({p for pattern in patterns for p in cache.glob(pattern)})

    if not found():
        kind = ["--only-binary", ":all:"] if wheel else ["--no-binary", ":all:"]
        cmd = [
            sys.executable, "-m", "pip", "download", "--no-deps", *kind, requirement,
            "-d", str(cache), "--quiet",
        ]  # fmt: skip
        print("$", " ".join(cmd), file=sys.stderr)
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    if not found():
        raise SystemExit(f"could not fetch {requirement}")
    return found()[-1]


def member_text(archive: Path, suffix: str) -> str:
    """The text of the member of a .tar.gz or .whl whose path ends with ``suffix``."""
    if archive.suffix == ".whl":
        with zipfile.ZipFile(archive) as z:
            name = next(n for n in z.namelist() if n.endswith(suffix))
            return z.read(name).decode("utf-8", "replace")
    with tarfile.open(archive) as t:
        member = next(m for m in t.getmembers() if m.name.endswith(suffix))
        f = t.extractfile(member)
        assert f is not None
        return f.read().decode("utf-8", "replace")


def lee_news_stories(cache: Path = DEFAULT_CACHE) -> list[str]:
    """Australian Broadcasting Corporation news stories (the Lee corpus gensim ships)."""
    gensim = fetch("gensim", cache, wheel=True)
    text = (
        member_text(gensim, "test_data/lee_background.cor")
        + "\n"
        + member_text(gensim, "test_data/lee.cor")
    )
    return [line.strip() for line in text.splitlines() if line.strip()]
