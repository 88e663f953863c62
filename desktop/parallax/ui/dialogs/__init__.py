"""The reader's dialogs: errors, About, the colour legend, pasting an article, opening a pair.

Each dialog is a plain widget driven by signals, so tests fill its fields and click its
buttons like a user. None of them blocks the event loop of its own accord: the window calls
``exec()`` or ``open()`` as it sees fit, and :func:`show_error` uses ``open()`` (window-modal,
non-blocking) so that an error never stalls a running comparison.

One module per dialog or part:

- :mod:`.errors`: :func:`show_error`.
- :mod:`.components` and :mod:`.about`: what ships and under which licence; Help > About.
- :mod:`.legend`, :mod:`.swatch` and :mod:`.colours_help`: Help > Colours and marks, its
  texts and its live samples.
- :mod:`.paste`: pasting an article's text.
- :mod:`.path_row` and :mod:`.open_pair`: File > Open, two files in one dialog.
- :mod:`.details`: each article's outlet, author and date, in File > Open and in
  Article > Article Details.

The window calls them through this package (``dialogs.show_error(...)``), so a test can
replace one here.
"""

from __future__ import annotations

from parallax.ui.dialogs.about import AboutDialog
from parallax.ui.dialogs.colours_help import ColoursHelpDialog
from parallax.ui.dialogs.components import (
    COMPONENTS,
    Component,
    component_rows,
    installed_licence,
    licence_matches,
)
from parallax.ui.dialogs.details import ArticleDetailsDialog
from parallax.ui.dialogs.errors import show_error
from parallax.ui.dialogs.legend import COLOUR_ENTRIES, ColourEntry
from parallax.ui.dialogs.open_pair import OpenPairDialog
from parallax.ui.dialogs.paste import PasteDialog
from parallax.ui.dialogs.path_row import ARTICLE_FILTER

__all__ = [
    "ARTICLE_FILTER",
    "COLOUR_ENTRIES",
    "COMPONENTS",
    "AboutDialog",
    "ArticleDetailsDialog",
    "ColourEntry",
    "ColoursHelpDialog",
    "Component",
    "OpenPairDialog",
    "PasteDialog",
    "component_rows",
    "installed_licence",
    "licence_matches",
    "show_error",
]
