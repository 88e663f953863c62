"""The reader window (PySide6 only): panes, link gutter, scroll sync, sidebar, workers.

Nothing outside this package imports Qt; :mod:`parallax.app` is the composition root.
"""
