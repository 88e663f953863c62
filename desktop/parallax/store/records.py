"""The library's own records: a line of the list, a search hit, a note.

Besides the core records (:class:`~parallax.core.model.Comparison` and friends), these are
all the :class:`~parallax.store.library.Library` hands out.
"""

from __future__ import annotations

from dataclasses import dataclass

from parallax.core.model import Side

__all__ = ["ComparisonSummary", "Note", "SearchHit", "StorySummary"]


@dataclass(frozen=True, slots=True)
class ComparisonSummary:
    """One line of the library's list: which two articles, when, and how much was found."""

    id: int
    created: str
    left_title: str | None
    left_source: str | None
    right_title: str | None
    right_source: str | None
    links: int
    left_sentences: int
    right_sentences: int
    actors: int
    reactions: int
    notes: int


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A sentence that matched a search, with what surrounds it.

    Attributes:
        article_id: The article the sentence belongs to.
        title: That article's title.
        source: That article's outlet.
        sentence: The sentence's index in its article.
        text: The sentence.
        matches: ``(start, end)`` character spans of the matching words in ``text``.
        before: The previous sentence of the article ("" for the first).
        after: The next sentence ("" for the last).
        appears_in: ``(comparison id, side)`` for every saved comparison with this article.
    """

    article_id: int
    title: str | None
    source: str | None
    sentence: int
    text: str
    matches: tuple[tuple[int, int], ...]
    before: str
    after: str
    appears_in: tuple[tuple[int, Side], ...]


@dataclass(frozen=True, slots=True)
class Note:
    """A journalist's note on a comparison, or on one sentence, one link or one actor of it.

    Attributes:
        side: With ``sentence``, the side of the sentence the note is on (None for a note on
            a link, an actor or the comparison).
        sentence: The sentence's index (from 0); the left sentence of a link.
        other_sentence: The right sentence of the link the note is on; None for any other.
        actor: The id of the actor the note is on (``Actor.id``, e.g. ``person:kim-jong-un``).
    """

    id: int
    comparison_id: int
    body: str
    side: Side | None
    sentence: int | None
    created: str
    updated: str
    other_sentence: int | None = None
    actor: str | None = None

    @property
    def link(self) -> tuple[int, int] | None:
        """``(left sentence, right sentence)`` when the note is on a link."""
        if self.sentence is None or self.other_sentence is None:
            return None
        return (self.sentence, self.other_sentence)

    @property
    def on_sentence(self) -> bool:
        """Whether the note is on one sentence (not a link, an actor or the comparison)."""
        return self.side is not None and self.sentence is not None


@dataclass(frozen=True, slots=True)
class StorySummary:
    """One line of the list of stories: its name, when it was made, its outlets."""

    name: str
    created: str
    outlets: tuple[str, ...]

    @property
    def articles(self) -> int:
        return len(self.outlets)
