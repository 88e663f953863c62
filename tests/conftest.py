"""Shared fixtures: the sample pair, and a guard that no test touches the network."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
SCHEMA_PATH = ROOT / "data" / "comparison.schema.json"


@pytest.fixture(scope="session")
def samples() -> dict[str, str]:
    return {
        "clean": (SAMPLES / "nk-russia-pact-clean.txt").read_text(encoding="utf-8"),
        "damaged": (SAMPLES / "nk-russia-pact-damaged.txt").read_text(encoding="utf-8"),
    }


@pytest.fixture(scope="session")
def sample_paths() -> tuple[Path, Path]:
    return SAMPLES / "nk-russia-pact-clean.txt", SAMPLES / "nk-russia-pact-damaged.txt"


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Parallax is offline: any attempt to open a connection fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield
