"""The records every stage of Parallax passes along.

Everything here is a small frozen dataclass with character offsets, never a dict and never
a Qt object, so that each stage is a pure function of its inputs and the UI, the store and
the JSON document all read the same facts.

Offsets are code-point offsets. ``Sentence``, ``Mention`` and ``Reaction`` offsets point into
the *repaired* text (``Document.text``); ``Repair`` offsets point into the *original* text
(``Document.original``), so the original can always be shown and highlights still land on
the right characters.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Final, Literal, TypeGuard

SCHEMA: Final = "parallax.comparison/1"

Side = Literal["left", "right"]

#: Both sides, in reading order: ``for side in SIDES`` keeps the type checker's ``Side``.
SIDES: Final[tuple[Side, Side]] = ("left", "right")


def other_side(side: Side) -> Side:
    """The side facing ``side``."""
    return "right" if side == "left" else "left"


def is_side(value: object) -> TypeGuard[Side]:
    """Whether ``value`` names a side (for values that come from signals or files)."""
    return value in SIDES


LinkKind = Literal["same", "paraphrase", "partial"]
DifferenceKind = Literal["number", "date", "name", "quote", "claim", "wording"]
ActorKind = Literal["person", "country", "organization", "place", "group"]
Stance = Literal["positive", "negative", "neutral"]
#: What a sentence is in the article's layout. Only ``body`` sentences carry the story; the
#: others are kept as separate units so that they are never glued onto a neighbour.
SentenceRole = Literal["body", "headline", "heading", "caption", "repeat"]


@dataclass(frozen=True, slots=True)
class Repair:
    """One change made to the original text.

    Attributes:
        start: Offset of the changed span in the original text.
        end: End offset (exclusive) of that span in the original text.
        original: The characters that were there (``original_text[start:end]``).
        replacement: What stands in the repaired text instead (often ``""``).
        kind: Why: ``junk-glyph``, ``invisible``, ``bidi-control``, ``mojibake``, ...
    """

    start: int
    end: int
    original: str
    replacement: str
    kind: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "original": self.original,
            "replacement": self.replacement,
            "kind": self.kind,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Repair:
        return cls(int(d["start"]), int(d["end"]), d["original"], d["replacement"], d["kind"])


def check_repairs(repairs: Sequence[Repair]) -> None:
    """Raise ValueError unless ``repairs`` are sorted by offset and do not overlap."""
    prev_end = -1
    for r in repairs:
        if r.start < prev_end or r.end < r.start:
            raise ValueError(f"repairs overlap or are unsorted at {r.start}..{r.end}")
        prev_end = r.end


def restore_original(text: str, repairs: Sequence[Repair]) -> str:
    """Return the original text from the repaired text and its repairs."""
    check_repairs(repairs)
    out: list[str] = []
    pos = 0  # in the repaired text
    shift = 0  # repaired offset minus original offset, before the current repair
    for r in repairs:
        rep_start = r.start + shift
        out.append(text[pos:rep_start])
        out.append(r.original)
        pos = rep_start + len(r.replacement)
        shift += len(r.replacement) - (r.end - r.start)
    out.append(text[pos:])
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or a headline, heading or caption line) of the repaired text."""

    index: int
    start: int
    end: int
    text: str
    role: SentenceRole = "body"

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "role": self.role,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Sentence:
        return cls(
            int(d["index"]), int(d["start"]), int(d["end"]), d["text"], d.get("role", "body")
        )


_QUOTES: Final = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
    }
)


def fold_text(text: str) -> str:
    """``text`` as the same words read from another file would give it: typographic quotes
    and apostrophes as plain ones, invisible and bidi control characters left out, every run
    of whitespace (no-break spaces, line breaks, a hard wrap) as one space, none at either
    end."""
    text = text.translate(_QUOTES)
    if not text.isascii():
        # Each distinct character looked up once: a long article has a few hundred.
        invisible: dict[int, None] = {
            ord(c): None for c in set(text) if unicodedata.category(c) == "Cf"
        }
        if invisible:
            text = text.translate(invisible)
    return " ".join(text.split())


def content_text(doc: Document) -> str:
    """The words of an article that every way of reading it keeps, folded (:func:`fold_text`).

    Its lines (paragraphs) with the headline and the byline left out: a saved page's text
    starts with its headline, a plain text's first line may be it or not, and a byline line
    ("By Maria Olsen") stays in a plain text but is not part of a page's article.
    """
    title = None if doc.title is None else fold_text(doc.title).casefold()
    author = None if doc.author is None else fold_text(doc.author).casefold()
    lines = [fold_text(line) for line in doc.text.split("\n")]
    kept = [
        line
        for line in lines
        if line
        and line.casefold() != title
        and (author is None or line.casefold() not in (f"by {author}", author))
    ]
    return " ".join(kept)


def sentence_sha256(text: str) -> str:
    """A sentence's key however its article was read (:func:`fold_text`): what a correction
    remembers of the sentences it is about, so it finds them again in another reading."""
    return hashlib.sha256(fold_text(text).encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class Document:
    """One article as it moves through ingest, repair and sentence splitting.

    Ingest fills ``original`` (and sets ``text`` to it); repair replaces ``text`` and fills
    ``repairs``; sentence splitting fills ``sentences``. Each stage returns a new Document.
    """

    original: str
    text: str
    title: str | None = None
    source: str | None = None
    published: str | None = None
    url: str | None = None
    path: str | None = None
    author: str | None = None
    repairs: tuple[Repair, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    #: What the reader should know about how the text was read, one sentence each (the page
    #: was too deeply nested, or its article could not be singled out, so all its visible
    #: text is shown). Shown with the article in the reader, the reports and the JSON.
    notes: tuple[str, ...] = ()
    #: Changes made to the title as read, offsets into that title (as ``repairs`` are into
    #: ``original``): the title is repaired like the text.
    title_repairs: tuple[Repair, ...] = ()

    @property
    def original_sha256(self) -> str:
        return hashlib.sha256(self.original.encode("utf-8", "surrogatepass")).hexdigest()

    @property
    def content_sha256(self) -> str:
        """The article's key however it was read (a saved page, plain text, Markdown).

        SHA-256 of the repaired text as :func:`content_text` folds it: the same article
        saved as a web page and as plain text has the same key, so the journalist's
        corrections follow it from one file to the other.
        """
        return hashlib.sha256(content_text(self).encode("utf-8", "surrogatepass")).hexdigest()

    @property
    def original_title(self) -> str | None:
        """The title as read, before its repairs."""
        if self.title is None:
            return None
        return restore_original(self.title, self.title_repairs)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "title": self.title,
            "source": self.source,
            "published": self.published,
            "url": self.url,
            "text": self.text,
            "sentences": [s.to_dict() for s in self.sentences],
            "repairs": [r.to_dict() for r in self.repairs],
            "original_sha256": self.original_sha256,
            # Only when there is something to say: documents without notes are unchanged.
            **({"notes": list(self.notes)} if self.notes else {}),
        }
        # Only when known: an article without a byline keeps the record (and the library's
        # digest of it) it had before authors were read.
        if self.author is not None:
            d["author"] = self.author
        if self.title_repairs:  # only where there were any: older documents stay the same
            d["title_repairs"] = [r.to_dict() for r in self.title_repairs]
        return d

    def with_details(
        self,
        *,
        source: str | None = None,
        author: str | None = None,
        published: str | None = None,
    ) -> Document:
        """This article with the outlet, author and date the journalist gave.

        A value left None (or blank) keeps what ingest found: what a person typed wins over
        what was read from the page, and an empty field takes nothing away.
        """

        def given(value: str | None, found: str | None) -> str | None:
            value = " ".join(value.split()) if value else ""
            return value or found

        return replace(
            self,
            source=given(source, self.source),
            author=given(author, self.author),
            published=given(published, self.published),
        )

    @classmethod
    def from_dict(cls, d: dict[str, Any], *, original: str | None = None) -> Document:
        """Rebuild a Document from its dict.

        The comparison document carries the repaired text and the repairs, which together
        determine the original; it is rebuilt here unless given.
        """
        repairs = tuple(Repair.from_dict(r) for r in d.get("repairs", ()))
        if original is None:
            original = restore_original(d["text"], repairs)
        return cls(
            original=original,
            text=d["text"],
            title=d.get("title"),
            source=d.get("source"),
            published=d.get("published"),
            url=d.get("url"),
            author=d.get("author"),
            repairs=repairs,
            sentences=tuple(Sentence.from_dict(s) for s in d.get("sentences", ())),
            notes=tuple(str(n) for n in d.get("notes", ())),
            title_repairs=tuple(Repair.from_dict(r) for r in d.get("title_repairs", ())),
        )


@dataclass(frozen=True, slots=True)
class Difference:
    """A concrete way two linked sentences disagree or differ in wording."""

    kind: DifferenceKind
    left: str
    right: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "left": self.left, "right": self.right}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Difference:
        return cls(d["kind"], d["left"], d["right"])


@dataclass(frozen=True, slots=True)
class Link:
    """Sentences of the left and right article that report the same fact.

    ``pinned`` marks a pair the journalist linked by hand: exactly one sentence on each
    side, kept whatever the aligner scores (``score`` is then 1), never grown by it.
    """

    left: tuple[int, ...]
    right: tuple[int, ...]
    score: float
    kind: LinkKind
    differences: tuple[Difference, ...] = ()
    pinned: bool = False

    def on(self, side: Side) -> tuple[int, ...]:
        """The link's sentences on one side."""
        return self.left if side == "left" else self.right

    def to_dict(self) -> dict[str, Any]:
        return {
            "left": list(self.left),
            "right": list(self.right),
            "score": round(self.score, 4),
            "kind": self.kind,
            "differences": [d.to_dict() for d in self.differences],
            **({"pinned": True} if self.pinned else {}),  # absent: the aligner's link
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Link:
        return cls(
            left=tuple(d["left"]),
            right=tuple(d["right"]),
            score=float(d["score"]),
            kind=d["kind"],
            differences=tuple(Difference.from_dict(x) for x in d.get("differences", ())),
            pinned=bool(d.get("pinned", False)),
        )


@dataclass(frozen=True, slots=True)
class Mention:
    side: Side
    sentence: int
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "side": self.side,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Mention:
        return cls(d["side"], int(d["sentence"]), int(d["start"]), int(d["end"]), d["text"])


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "aliases": list(self.aliases),
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Actor:
        return cls(
            id=d["id"],
            name=d["name"],
            kind=d["kind"],
            aliases=tuple(d.get("aliases", ())),
            mentions=tuple(Mention.from_dict(m) for m in d.get("mentions", ())),
        )


@dataclass(frozen=True, slots=True)
class Reaction:
    actor: str
    side: Side
    sentence: int
    cue: str
    stance: Stance
    quote: str | None
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "side": self.side,
            "sentence": self.sentence,
            "cue": self.cue,
            "stance": self.stance,
            "quote": self.quote,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Reaction:
        return cls(
            d["actor"], d["side"], int(d["sentence"]), d["cue"], d["stance"], d["quote"], d["text"]
        )


# -- sourcing: whom each outlet lets speak -----------------------------------------------------
# Two outlets can report the same facts and tell a different story through whom they quote.
# Sourcing counts, from a comparison's reactions, every source of each side: how many of its
# sentences report what the source said, how many quote it, and whether it is named (a person,
# an organisation, a country) or unnamed (a group: "officials", "experts"). A source both
# outlets quote keeps its first quote on each side, so the words can be set side by side.


@dataclass(frozen=True, slots=True)
class Source:
    """One actor as a source of both articles.

    Attributes:
        actor: The actor's id.
        name: Its name.
        named: False for an unnamed source kept as a group ("officials", "experts").
        reports: Sentences reporting what it said, per side (``{"left": 3, "right": 0}``).
        quotes: How many of those quote it directly, per side.
        first_quote: Its first direct quote on each side, if any.
    """

    actor: str
    name: str
    named: bool
    reports: dict[Side, int]
    quotes: dict[Side, int]
    first_quote: dict[Side, str | None]

    @property
    def both(self) -> bool:
        """Whether both outlets report what this source said."""
        return all(self.reports[side] for side in SIDES)

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "name": self.name,
            "named": self.named,
            "reports": dict(self.reports),
            "quotes": dict(self.quotes),
            "first_quote": dict(self.first_quote),
        }


@dataclass(frozen=True, slots=True)
class Sourcing:
    """The sources of a comparison, most reported first."""

    sources: tuple[Source, ...]

    def reports(self, side: Side, *, named: bool | None = None) -> int:
        """Sentences of one side that report a source (only named or unnamed ones if given)."""
        return sum(s.reports[side] for s in self.sources if named is None or s.named == named)

    def count(self, side: Side, *, named: bool | None = None) -> int:
        """How many sources one side reports (only named or unnamed ones if given)."""
        return sum(
            1 for s in self.sources if s.reports[side] and (named is None or s.named == named)
        )

    def quotes(self, side: Side) -> int:
        """Direct quotes on one side."""
        return sum(s.quotes[side] for s in self.sources)

    def shared(self) -> tuple[Source, ...]:
        """The sources both outlets report."""
        return tuple(s for s in self.sources if s.both)

    def to_dict(self) -> dict[str, Any]:
        return {
            "sides": {
                side: {
                    "sources": self.count(side),
                    "named": self.count(side, named=True),
                    "unnamed": self.count(side, named=False),
                    "reports": self.reports(side),
                    "quotes": self.quotes(side),
                }
                for side in SIDES
            },
            "sources": [s.to_dict() for s in self.sources],
        }


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two articles, the links between their sentences, and who appears in them."""

    left: Document
    right: Document
    links: tuple[Link, ...] = ()
    actors: tuple[Actor, ...] = ()
    reactions: tuple[Reaction, ...] = ()
    #: Stages that have not run (e.g. actor recognition before it exists); reported, never faked.
    skipped: tuple[str, ...] = field(default=())

    def document(self, side: Side) -> Document:
        """The article on one side."""
        return self.left if side == "left" else self.right

    def unlinked(self, side: Side) -> list[int]:
        """Indexes of the sentences of one side that no link covers ("only in this source")."""
        covered = {i for link in self.links for i in link.on(side)}
        return [s.index for s in self.document(side).sentences if s.index not in covered]

    def sourcing(self) -> Sourcing:
        """Who each side reports as saying something, from the reactions."""
        kinds = {a.id: a.kind for a in self.actors}
        names = {a.id: a.name for a in self.actors}
        reports: dict[str, dict[Side, set[int]]] = {}
        quotes: dict[str, dict[Side, list[str]]] = {}
        for r in self.reactions:
            if r.actor not in reports:
                reports[r.actor] = {side: set() for side in SIDES}
                quotes[r.actor] = {side: [] for side in SIDES}
            reports[r.actor][r.side].add(r.sentence)
            if r.quote:
                quotes[r.actor][r.side].append(r.quote)
        sources = [
            Source(
                actor=actor,
                name=names.get(actor, actor),
                named=kinds.get(actor) != "group",
                reports={side: len(reports[actor][side]) for side in SIDES},
                quotes={side: len(quotes[actor][side]) for side in SIDES},
                first_quote={side: next(iter(quotes[actor][side]), None) for side in SIDES},
            )
            for actor in reports
        ]
        sources.sort(key=lambda s: -(s.reports["left"] + s.reports["right"]))  # stable
        return Sourcing(tuple(sources))

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "left": self.left.to_dict(),
            "right": self.right.to_dict(),
            "links": [link.to_dict() for link in self.links],
            "actors": [a.to_dict() for a in self.actors],
            "reactions": [r.to_dict() for r in self.reactions],
            "sourcing": self.sourcing().to_dict(),  # derived: from_dict recomputes it
            # Only when a stage did not run, so that a reader of the document can tell "no
            # actors found" from "actors not looked for" (a pair too long, --quick).
            **({"skipped": list(self.skipped)} if self.skipped else {}),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Comparison:
        if d.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} document (schema={d.get('schema')!r})")
        return cls(
            left=Document.from_dict(d["left"]),
            right=Document.from_dict(d["right"]),
            links=tuple(Link.from_dict(x) for x in d["links"]),
            actors=tuple(Actor.from_dict(x) for x in d["actors"]),
            reactions=tuple(Reaction.from_dict(x) for x in d["reactions"]),
            skipped=tuple(str(x) for x in d.get("skipped", ())),
        )
