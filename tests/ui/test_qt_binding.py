"""The Qt binding itself: guards against binding bugs that would crash the reader."""

from __future__ import annotations

import sys

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath


def test_painting_keeps_references_to_none(qapp) -> None:  # type: ignore[no-untyped-def]
    # PySide6 6.12.0 released a reference to None on every QPainter call: on Python 3.11
    # (where None is not immortal) a long article's overview strip and gutter crashed the
    # process after a few thousand strokes. pyproject.toml excludes that release; this
    # test catches any binding that brings the bug back.
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    colour = QColor("#77AADD")
    path = QPainterPath(QPointF(0, 0))
    path.cubicTo(QPointF(10, 0), QPointF(10, 20), QPointF(20, 20))
    before = sys.getrefcount(None)
    for _ in range(2000):
        painter.fillRect(QRectF(0, 0, 4, 4), colour)
        painter.setBrush(QBrush(colour))
        painter.drawRoundedRect(QRectF(0, 0, 8, 8), 2, 2)
        painter.drawPath(path)
    painter.end()
    assert sys.getrefcount(None) >= before - 50
