"""Models loaded once per process: the shipped encoders and the reranker.

Each model module keeps one :class:`Loaded` for its class: it finds the shipped model in
the data folder (a source checkout, an install or a frozen bundle) and loads a model folder
the first time it is asked for, under a lock, so that the reader's threads share one copy.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Loaded(Generic[T]):
    """The process-wide models of one kind, by folder."""

    def __init__(self, subdir: Path, load: Callable[[Path], T]) -> None:
        self._subdir = subdir
        self._load = load
        self._lock = threading.Lock()
        self._models: dict[Path, T] = {}

    def default_dir(self) -> Path:
        """The shipped model's folder."""
        from parallax.paths import data_dir

        return data_dir() / self._subdir

    def get(self, path: Path | None = None) -> T:
        """The model of ``path`` (default: the shipped one), loaded on first use."""
        key = (path or self.default_dir()).resolve()
        with self._lock:
            model = self._models.get(key)
            if model is None:
                model = self._models[key] = self._load(key)
            return model


def onnx_model(path: Path, threads: int) -> tuple[Any, Any]:
    """The ONNX session of a model folder's ``model.onnx`` on the CPU with ``threads``
    threads, and its ``tokenizer.json`` without padding: what the encoders and the
    reranker open the same way (onnxruntime and tokenizers are imported only here, on
    first use)."""
    import onnxruntime as ort
    from tokenizers import Tokenizer

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    session = ort.InferenceSession(
        str(path / "model.onnx"), options, providers=["CPUExecutionProvider"]
    )
    tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
    tokenizer.no_padding()
    return session, tokenizer
