"""One naming style for the reader's signals: Qt's own, camelCase (``busyChanged``)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

from PySide6.QtCore import Signal

import parallax.ui

CAMEL_CASE = re.compile(r"_?[a-z]+(?:[A-Z][a-z0-9]*)*")


def _signals() -> list[tuple[str, str]]:
    found = []
    for info in pkgutil.walk_packages(parallax.ui.__path__, "parallax.ui."):
        module = importlib.import_module(info.name)
        for cls_name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__:
                continue
            for name, value in vars(cls).items():
                if isinstance(value, Signal):
                    found.append((f"{module.__name__}.{cls_name}", name))
    return found


def test_every_signal_is_camel_case() -> None:
    signals = _signals()
    assert len(signals) > 20
    assert [f"{owner}.{name}" for owner, name in signals if not CAMEL_CASE.fullmatch(name)] == []
