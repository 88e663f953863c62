"""A journalist's corrections for one pair of articles, as the library stores them.

Corrections are stored per pair of articles (by the SHA-256 of each original text), not per
saved comparison: comparing the same two articles again, tomorrow or after an upgrade of the
aligner, must not lose the links the journalist pinned or rejected, nor the actors they
renamed, merged or deleted.

Link corrections feed :class:`parallax.core.pipeline.Options` (``pinned``/``rejected``)
before the aligner runs. Actor corrections are replayed afterwards by the pure function
:func:`~parallax.core.actors.edits.apply_actor_corrections`, which lives with the rename,
merge and delete functions in :mod:`parallax.core.actors.edits` and is re-exported here with
:class:`~parallax.core.actors.edits.ActorCorrection` (``from parallax.store import
ActorCorrection, apply_actor_corrections`` keeps working).
"""

from __future__ import annotations

from dataclasses import dataclass

from parallax.core.actors import ActorAction, ActorCorrection, apply_actor_corrections

__all__ = ["ActorAction", "ActorCorrection", "Corrections", "apply_actor_corrections"]


@dataclass(frozen=True, slots=True)
class Corrections:
    """Everything the journalist corrected for one pair of articles.

    ``pinned`` and ``rejected`` are ``(left sentence, right sentence)`` pairs in the shape
    :class:`parallax.core.pipeline.Options` takes; ``actors`` are applied in order.
    """

    pinned: tuple[tuple[int, int], ...] = ()
    rejected: tuple[tuple[int, int], ...] = ()
    actors: tuple[ActorCorrection, ...] = ()
