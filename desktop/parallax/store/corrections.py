"""A journalist's corrections, and how they are re-applied to a fresh comparison.

Corrections are stored per pair of articles (by the SHA-256 of each original text), not per
saved comparison: comparing the same two articles again, tomorrow or after an upgrade of the
aligner, must not lose the links the journalist pinned or rejected, nor the actors they
renamed, merged or deleted.

Link corrections feed :class:`parallax.core.pipeline.Options` (``pinned``/``rejected``)
before the aligner runs. Actor corrections are replayed afterwards by the pure function
:func:`apply_actor_corrections` (no database involved), built on the rename, merge and delete
functions of :mod:`parallax.core.actors`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from parallax.core.actors import delete_actor, merge_actors, rename_actor
from parallax.core.model import Comparison

__all__ = ["ActorAction", "ActorCorrection", "Corrections", "apply_actor_corrections"]

ActorAction = Literal["rename", "merge", "delete"]


@dataclass(frozen=True, slots=True)
class ActorCorrection:
    """One change a journalist made to the recognised actors.

    Attributes:
        action: ``rename`` (``value`` is the new name), ``merge`` (``value`` is the id of the
            actor this one is folded into) or ``delete`` (``value`` is None).
        actor: The id of the actor corrected (``Actor.id``).
        value: The new name or the merge target; None for ``delete``.
    """

    action: ActorAction
    actor: str
    value: str | None = None

    def __post_init__(self) -> None:
        if self.action not in ("rename", "merge", "delete"):
            raise ValueError(f"unknown actor correction {self.action!r}")
        if (self.action == "delete") != (self.value is None):
            raise ValueError(
                f"{self.action} needs {'no' if self.action == 'delete' else 'a'} value"
            )


@dataclass(frozen=True, slots=True)
class Corrections:
    """Everything the journalist corrected for one pair of articles.

    ``pinned`` and ``rejected`` are ``(left sentence, right sentence)`` pairs in the shape
    :class:`parallax.core.pipeline.Options` takes; ``actors`` are applied in order.
    """

    pinned: tuple[tuple[int, int], ...] = ()
    rejected: tuple[tuple[int, int], ...] = ()
    actors: tuple[ActorCorrection, ...] = ()


def apply_actor_corrections(
    comparison: Comparison, corrections: Iterable[ActorCorrection]
) -> Comparison:
    """Replay renames, merges and deletes on a comparison's actors and reactions, in order.

    Each correction is replayed with the same pure function of :mod:`parallax.core.actors`
    that the journalist's edit used, so a re-run comparison looks exactly as they left it.
    A correction whose actor (or merge target) is not in this comparison is skipped, not an
    error: recognition may differ between runs, and the correction stays stored for the next
    one.

    Returns:
        A new Comparison (the one given, unchanged, when nothing applies).
    """
    for fix in corrections:
        present = {a.id for a in comparison.actors}
        if fix.actor not in present:
            continue
        if fix.action == "rename" and fix.value and fix.value.strip():
            comparison = rename_actor(comparison, fix.actor, fix.value)
        elif fix.action == "merge" and fix.value in present and fix.value != fix.actor:
            comparison = merge_actors(comparison, [fix.value, fix.actor])
        elif fix.action == "delete":
            comparison = delete_actor(comparison, fix.actor)
    return comparison
