"""Help > About: name, version, purpose, the shipped components and the Parallax licence."""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path
from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

import parallax
from parallax.ui.dialogs.components import component_rows

_PURPOSE: Final = (
    "Compare how two outlets covered one event: linked facts, what only one of them says, "
    "where they disagree, and who reacted how."
)


def _parallax_licence_text() -> str:
    """The MIT licence text of Parallax, from the install's metadata or the source tree."""
    try:
        dist = metadata.distribution("parallax")
        for name in ("licenses/LICENSE", "LICENSE"):
            text = dist.read_text(name)
            if text:
                return text
    except metadata.PackageNotFoundError:
        pass
    roots = [Path(getattr(sys, "_MEIPASS", "")), Path(parallax.__file__).resolve().parents[2]]
    for root in roots:
        try:
            return (root / "LICENSE").read_text(encoding="utf-8")
        except OSError:
            continue
    return "MIT License (the LICENSE file is missing from this installation)."


class AboutDialog(QDialog):
    """Name, version, purpose, and every shipped component with its version and licence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Parallax")
        self.setObjectName("aboutDialog")

        name = QLabel("Parallax")
        font = name.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        name.setFont(font)
        self.version_label = QLabel(f"Version {parallax.__version__}")
        self.purpose_label = QLabel(_PURPOSE)
        self.purpose_label.setWordWrap(True)
        for label in (self.version_label, self.purpose_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        rows = component_rows()
        self.components = QTableWidget(len(rows), 3)
        self.components.setObjectName("components")
        self.components.setHorizontalHeaderLabels(["Component", "Version", "Licence"])
        self.components.verticalHeader().setVisible(False)
        self.components.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.components.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.components.setAlternatingRowColors(True)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                self.components.setItem(r, c, QTableWidgetItem(value))
        header = self.components.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        notice = QLabel(
            "Qt for Python and the Qt libraries are used unmodified, as shared libraries, "
            "under the GNU LGPL version 3; their source code is available from qt.io. "
            "Each package's full licence text is in its installed metadata."
        )
        notice.setWordWrap(True)
        components_page = QWidget()
        page_layout = QVBoxLayout(components_page)
        page_layout.addWidget(self.components)
        page_layout.addWidget(notice)

        self.licence_text = QPlainTextEdit(_parallax_licence_text())
        self.licence_text.setObjectName("licenceText")
        self.licence_text.setReadOnly(True)

        self.tabs = QTabWidget()
        self.tabs.addTab(components_page, "&Components")
        self.tabs.addTab(self.licence_text, "Parallax &licence (MIT)")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(name)
        layout.addWidget(self.version_label)
        layout.addWidget(self.purpose_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(620, 520)
