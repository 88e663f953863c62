"""The user's edits to the actors: merge, split, rename and delete, and their replay.

Each edit is a pure function on a :class:`~parallax.core.model.Comparison` that returns a new
one (reactions follow the actors they belong to), so the reader and the store can persist
it like any other record. An edit the journalist made is kept as an
:class:`ActorCorrection`, and :func:`apply_actor_corrections` replays the stored ones on a
fresh comparison of the same two articles (``parallax.store`` stores them; nothing here
touches a database).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from parallax.core.actors.lexicons import _slug, alias_order
from parallax.core.actors.merging import order_actors
from parallax.core.model import Actor, ActorKind, Comparison, Mention, Reaction

__all__ = [
    "ActorAction",
    "ActorCorrection",
    "apply_actor_corrections",
    "delete_actor",
    "merge_actors",
    "rename_actor",
    "split_actor",
]

ActorAction = Literal["rename", "merge", "delete"]


def _with(
    comparison: Comparison, actors: Iterable[Actor], reactions: Iterable[Reaction]
) -> Comparison:
    ordered = order_actors(actors)
    rank = {a.id: i for i, a in enumerate(ordered)}
    kept = [r for r in reactions if r.actor in rank]
    kept.sort(key=lambda r: (rank[r.actor], r.side != "left", r.sentence))
    return replace(comparison, actors=ordered, reactions=tuple(_dedupe(kept)))


def _dedupe(reactions: Iterable[Reaction]) -> Iterator[Reaction]:
    seen: set[tuple[str, str, int, str]] = set()
    for r in reactions:
        key = (r.actor, r.side, r.sentence, r.cue)
        if key not in seen:
            seen.add(key)
            yield r


def _get(comparison: Comparison, actor_id: str) -> Actor:
    for a in comparison.actors:
        if a.id == actor_id:
            return a
    raise KeyError(f"no actor {actor_id!r} in this comparison")


def merge_actors(
    comparison: Comparison, actor_ids: Sequence[str], *, name: str | None = None
) -> Comparison:
    """Merge several actors into the first of ``actor_ids`` (its id and kind are kept).

    Every mention and alias is kept; the others' names become aliases; their reactions are
    re-attributed to the merged actor.
    """
    if not actor_ids:
        raise ValueError("merge_actors needs at least one actor id")
    parts = [_get(comparison, i) for i in dict.fromkeys(actor_ids)]
    target = parts[0]
    new_name = name or target.name
    aliases = {x for a in parts for x in (a.name, *a.aliases)} - {new_name}
    mentions = sorted(
        {m for a in parts for m in a.mentions}, key=lambda m: (m.side != "left", m.start, m.end)
    )
    merged = replace(
        target,
        name=new_name,
        aliases=tuple(sorted(aliases, key=alias_order)),
        mentions=tuple(mentions),
    )
    gone = {a.id for a in parts[1:]}
    actors = [merged if a.id == target.id else a for a in comparison.actors if a.id not in gone]
    reactions = [
        replace(r, actor=target.id) if r.actor in gone else r for r in comparison.reactions
    ]
    return _with(comparison, actors, reactions)


def split_actor(
    comparison: Comparison,
    actor_id: str,
    mentions: Iterable[Mention],
    *,
    name: str,
    kind: ActorKind | None = None,
) -> Comparison:
    """Move some mentions of an actor to a new actor called ``name``.

    Reactions in sentences where only the moved mentions occur follow them.
    """
    source = _get(comparison, actor_id)
    moved = set(mentions)
    if not moved or not moved <= set(source.mentions):
        raise ValueError("split_actor needs some of the actor's own mentions")
    if moved == set(source.mentions):
        raise ValueError("split_actor cannot move every mention; rename the actor instead")
    new_kind: ActorKind = kind or source.kind
    existing = {a.id for a in comparison.actors}
    new_id, n = f"{new_kind}:{_slug(name)}", 1
    while new_id in existing:
        n += 1
        new_id = f"{new_kind}:{_slug(name)}-{n}"
    kept = tuple(m for m in source.mentions if m not in moved)
    new = Actor(
        new_id,
        name,
        new_kind,
        tuple(sorted({m.text for m in moved} - {name}, key=alias_order)),
        tuple(sorted(moved, key=lambda m: (m.side != "left", m.start, m.end))),
    )
    kept_texts = {m.text for m in kept}
    old = replace(
        source,
        mentions=kept,
        aliases=tuple(a for a in source.aliases if a in kept_texts or a not in new.aliases),
    )
    stay = {(m.side, m.sentence) for m in kept}
    go = {(m.side, m.sentence) for m in moved} - stay
    reactions = [
        replace(r, actor=new_id) if r.actor == actor_id and (r.side, r.sentence) in go else r
        for r in comparison.reactions
    ]
    actors = [old if a.id == actor_id else a for a in comparison.actors] + [new]
    return _with(comparison, actors, reactions)


def rename_actor(
    comparison: Comparison, actor_id: str, name: str, *, kind: ActorKind | None = None
) -> Comparison:
    """Give an actor another name (the old one becomes an alias) and optionally a kind.

    The id does not change, so reactions and stored corrections still point at it.
    """
    if not name.strip():
        raise ValueError("an actor's name cannot be empty")
    actor = _get(comparison, actor_id)
    aliases = (set(actor.aliases) | {actor.name}) - {name}
    renamed = replace(
        actor,
        name=name,
        kind=kind or actor.kind,
        aliases=tuple(sorted(aliases, key=alias_order)),
    )
    actors = [renamed if a.id == actor_id else a for a in comparison.actors]
    return _with(comparison, actors, comparison.reactions)


def delete_actor(comparison: Comparison, actor_id: str) -> Comparison:
    """Remove an actor and its reactions (e.g. a name that is no actor)."""
    _get(comparison, actor_id)
    actors = [a for a in comparison.actors if a.id != actor_id]
    return _with(comparison, actors, comparison.reactions)


# ---------------------------------------------------------------------------------------------
# Stored corrections, replayed on a fresh comparison
# ---------------------------------------------------------------------------------------------


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


def apply_actor_corrections(
    comparison: Comparison, corrections: Iterable[ActorCorrection]
) -> Comparison:
    """Replay renames, merges and deletes on a comparison's actors and reactions, in order.

    Each correction is replayed with the same pure function of this module that the
    journalist's edit used, so a re-run comparison looks exactly as they left it.
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
