"""No code path opens a network connection: the reader's smoke test under a socket guard.

The conftest already makes ``socket.connect`` fail inside every test; this goes further and
runs ``python -m parallax --smoke-test`` (the window, a comparison with spaCy, the library)
in a fresh interpreter whose audit hook ends the process at the first attempt to resolve a
name, create an internet socket, connect, bind or send, or open a URL — also from threads
and from code that would catch an exception. One exception, named in the guard: urllib3
(which trafilatura imports) binds an IPv6 socket to the loopback address at import time to
see whether IPv6 works; it sends nothing and closes it. The frozen app gets the stronger check of a
network namespace without any network (``unshare -n``) in ``packaging/build.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: Exit status of a process the guard stopped.
GUARD_STATUS = 97

GUARD = f"""
import os, socket, sys

_INTERNET = {{socket.AF_INET, socket.AF_INET6}}
_NETWORK_EVENTS = {{
    "socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg",
    "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
    "socket.getnameinfo", "urllib.Request", "http.client.connect",
}}

def _urllib3_ipv6_probe():
    # urllib3 (imported by trafilatura) checks at import time whether IPv6 works by
    # creating an IPv6 socket and binding it to ("::1", 0): loopback, no traffic, closed at
    # once. That probe, and only from that function, is let through.
    frame = sys._getframe(2)
    while frame is not None:
        code = frame.f_code
        if code.co_name == "_has_ipv6" and code.co_filename.replace(os.sep, "/").endswith(
            "urllib3/util/connection.py"
        ):
            return True
        frame = frame.f_back
    return False

def _guard(event, args):
    if event == "socket.bind" and args[1][:2] == ("::1", 0) and _urllib3_ipv6_probe():
        return
    if event == "socket.__new__" and args[1] == socket.AF_INET6 and _urllib3_ipv6_probe():
        return
    if event in _NETWORK_EVENTS or (event == "socket.__new__" and args[1] in _INTERNET):
        sys.stderr.write(f"NETWORK ATTEMPT: {{event}} {{args!r}}\\n")
        sys.stderr.flush()
        os._exit({GUARD_STATUS})

sys.addaudithook(_guard)
"""


def _guarded_env(tmp_path: Path) -> dict[str, str]:
    guard_dir = tmp_path / "guard"
    guard_dir.mkdir()
    (guard_dir / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(guard_dir), env.get("PYTHONPATH", "")]).rstrip(
        os.pathsep
    )
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["HOME"] = str(tmp_path / "home")
    return env


@pytest.mark.parametrize(
    "code",
    [
        "import socket; socket.create_connection(('127.0.0.1', 9), timeout=1)",
        "import socket; socket.getaddrinfo('example.org', 443)",
        "import urllib.request\ntry: urllib.request.urlopen('http://127.0.0.1:9/')\nexcept Exception: pass",
        "import threading, socket\n"
        "t = threading.Thread(target=lambda: socket.socket(socket.AF_INET6))\n"
        "t.start(); t.join()",
        "import socket; s = socket.socket(socket.AF_INET6); s.bind(('::1', 0))",
    ],
)
def test_the_guard_stops_any_attempt(tmp_path: Path, code: str) -> None:
    """The guard is real: each way of reaching the network ends the process."""
    proc = subprocess.run(
        [sys.executable, "-c", code],
        env=_guarded_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == GUARD_STATUS, proc.stderr
    assert "NETWORK ATTEMPT" in proc.stderr


@pytest.mark.slow
def test_the_smoke_test_never_touches_the_network(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "parallax", "--smoke-test"],
        env=_guarded_env(tmp_path),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    output = proc.stdout + proc.stderr
    assert "NETWORK ATTEMPT" not in output
    assert proc.returncode == 0, output
    assert "smoke test passed" in proc.stdout
    assert "actors and reactions" in proc.stdout


@pytest.mark.slow
def test_comparing_and_searching_the_library_never_touch_the_network(tmp_path: Path) -> None:
    """The command line too: an HTML page (trafilatura), a comparison stored, a search."""
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Pact signed</title>"
        '<link rel="canonical" href="https://example.org/pact">'
        '<script src="https://example.org/tracker.js"></script></head>'
        "<body><article><h1>Pact signed</h1><p>North Korea and Russia signed a pact on "
        'Wednesday. <img src="https://example.org/photo.jpg"> President Vladimir Putin said '
        "it was a breakthrough.</p></article></body></html>",
        encoding="utf-8",
    )
    clean = ROOT / "data" / "samples" / "nk-russia-pact-clean.txt"
    env = _guarded_env(tmp_path)
    env["PARALLAX_DB"] = str(tmp_path / "library.db")
    for args in (["compare", str(page), str(clean)], ["library", "search", "pact"]):
        proc = subprocess.run(
            [sys.executable, "-m", "parallax", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        output = proc.stdout + proc.stderr
        assert "NETWORK ATTEMPT" not in output, args
        assert proc.returncode == 0, (args, output)
