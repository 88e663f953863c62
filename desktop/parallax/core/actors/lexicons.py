"""Lexicons: the word lists of ``data/lexicons``, and the key under which names compare.

The small spaCy model knows little of news; these hand-written lists add what it lacks:
country and organisation names and their acronyms, the demonyms and capitals that stand for
a country, title and role words, unnamed sources kept as groups, names that are never
actors, and the cue and stance words :mod:`parallax.core.reactions` reads (the file formats
are in ``data/lexicons/README.md``). Where the folder lives is not known here: the caller
passes it (see :class:`~parallax.core.actors.recognizer.Recognizer`).

:func:`name_key` is the one form under which two spellings of a name compare equal ("the
U.S." = "US"); every step that matches names, here and in the other actor modules, uses it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Literal

from parallax.core.model import ActorKind, Stance

__all__ = ["Entry", "Gender", "Lexicon", "name_key"]

#: A person's gender as the text states it (an honorific, a kinship word, a first name).
Gender = Literal["female", "male"]

_KINDS: Final[dict[str, ActorKind]] = {
    "organization": "organization",
    "group": "group",
    "place": "place",
    "country": "country",
    "person": "person",
}
_GENDERS: Final[dict[str, Gender]] = {"female": "female", "male": "male"}
_STANCES: Final[dict[str, Stance]] = {
    "positive": "positive",
    "negative": "negative",
    "neutral": "neutral",
}


# ---------------------------------------------------------------------------------------------
# Keys
# ---------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """The form under which two spellings of one name compare equal.

    Case, periods, hyphens, a leading "the", a possessive "'s" and British or American
    spelling of "-isation" do not matter: ``name_key("the U.S.") == name_key("US")``;
    ``name_key("Kim Jong-un") == "kim jong un"``; "World Health Organisation" is "World
    Health Organization".
    """
    t = unicodedata.normalize("NFKC", text).replace("’", "'").casefold().strip()
    t = re.sub(r"^the\s+", "", t)
    t = re.sub(r"'s$|'$", "", t)
    t = re.sub(r"isation\b", "ization", t)
    t = t.replace(".", "")
    return re.sub(r"[\s\-‐‑–]+", " ", t).strip()


def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "").replace("&", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def alias_order(alias: str) -> tuple[str, str]:
    """The order an actor's aliases are listed in: alphabetical whatever their case, and
    case variants ("Washington", "WASHINGTON") in a fixed order too, so that a comparison
    comes out the same in every run."""
    return alias.casefold(), alias


def _slug(text: str) -> str:
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-") or "actor"


# ---------------------------------------------------------------------------------------------
# Lexicons
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entry:
    """What a lexicon knows about a name: the canonical name and the kind of actor."""

    name: str
    kind: ActorKind


def _rows(path: Path) -> Iterator[list[str]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield [c.strip() for c in line.split("\t")]


def _words_file(path: Path) -> frozenset[str]:
    return frozenset(w.casefold() for row in _rows(path) for cell in row for w in cell.split())


def _values(cell: str) -> list[str]:
    return [v.strip() for v in cell.split("|") if v.strip()]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The word lists of ``data/lexicons`` (see its README for the file formats).

    Attributes:
        names: Country and organisation names, other names and acronyms, by :func:`name_key`.
        acronyms: The keys of ``names`` that are written as acronyms ("US", "NATO"): these are
            only matched in capitals, so that "us" and "who" stay words.
        demonyms: "Russian", "North Korean" -> the country.
        metonyms: Capitals and seats of government ("Moscow", "the Kremlin") -> the country.
        roles: Title and role words ("president", "aide", "secretary").
        groups: Unnamed sources kept as groups, as singular lemmas ("expert", "official").
        non_actors: Keys of names that are never actors ("cold war", "thursday").
        verb_cues: Reaction cue verb lemmas and the stance each carries by itself.
        noun_cues: Reaction cue nouns ("regret", "concern", "reaction") and their stance.
        alone_nouns: Cue nouns that report a reaction with no cue verb ("China's reaction").
        stance_words: Evaluative words and their stance.
        heads: The first words of the keys of ``names`` and ``metonyms``, to skip words that
            start no listed name without looking up every run of words after them (empty:
            look them all up).
        platforms: Keys of social networks and messaging platforms ("twitter", "x").
        first_names: First names nearly always borne by one gender ("emily" -> female), the
            last evidence :mod:`parallax.core.actors.gender` reads.
    """

    names: Mapping[str, Entry] = field(default_factory=dict)
    acronyms: frozenset[str] = frozenset()
    demonyms: Mapping[str, Entry] = field(default_factory=dict)
    metonyms: Mapping[str, Entry] = field(default_factory=dict)
    roles: frozenset[str] = frozenset()
    groups: frozenset[str] = frozenset()
    non_actors: frozenset[str] = frozenset()
    verb_cues: Mapping[str, Stance] = field(default_factory=dict)
    noun_cues: Mapping[str, Stance] = field(default_factory=dict)
    alone_nouns: frozenset[str] = frozenset()
    stance_words: Mapping[str, Stance] = field(default_factory=dict)
    heads: frozenset[str] = frozenset()
    platforms: frozenset[str] = frozenset()
    first_names: Mapping[str, Gender] = field(default_factory=dict)

    @classmethod
    def load(cls, directory: Path | str) -> Lexicon:
        """Read the lexicon files of one folder (any missing file counts as empty)."""
        d = Path(directory)
        if not d.is_dir():
            raise FileNotFoundError(f"lexicon folder not found: {d}")
        names: dict[str, Entry] = {}
        acronyms: set[str] = set()
        demonyms: dict[str, Entry] = {}
        metonyms: dict[str, Entry] = {}

        def add_name(surface: str, entry: Entry) -> None:
            key = name_key(surface)
            names.setdefault(key, entry)
            if _is_acronym(surface):
                acronyms.add(key)

        if (d / "countries.tsv").exists():
            for row in _rows(d / "countries.tsv"):
                row += [""] * (4 - len(row))
                entry = Entry(row[0], "country")
                for surface in [row[0], *_values(row[1])]:
                    add_name(surface, entry)
                for surface in _values(row[2]):
                    demonyms.setdefault(name_key(surface), entry)
                for surface in _values(row[3]):
                    metonyms.setdefault(name_key(surface), entry)
        if (d / "organizations.tsv").exists():
            for row in _rows(d / "organizations.tsv"):
                row += [""] * (3 - len(row))
                kind = _KINDS.get(row[1], "organization")
                entry = Entry(row[0], kind)
                for surface in [row[0], *_values(row[2])]:
                    add_name(surface, entry)
        verb_cues: dict[str, Stance] = {}
        noun_cues: dict[str, Stance] = {}
        alone: set[str] = set()
        if (d / "cues.tsv").exists():
            for row in _rows(d / "cues.tsv"):
                row += [""] * (4 - len(row))
                stance = _STANCES.get(row[2], "neutral")
                if row[1] == "noun":
                    noun_cues[row[0].casefold()] = stance
                    if row[3] == "alone":
                        alone.add(row[0].casefold())
                else:
                    verb_cues[row[0].casefold()] = stance
        stance_words: dict[str, Stance] = {}
        if (d / "stance.tsv").exists():
            for row in _rows(d / "stance.tsv"):
                if len(row) >= 2 and row[1] in ("positive", "negative"):
                    stance_words[row[0].casefold()] = _STANCES[row[1]]
        non_actors: frozenset[str] = frozenset()
        if (d / "non_actors.txt").exists():
            non_actors = frozenset(name_key(r[0]) for r in _rows(d / "non_actors.txt"))

        platforms: frozenset[str] = frozenset()
        if (d / "platforms.txt").exists():
            rows = [r[0] for r in _rows(d / "platforms.txt")]
            platforms = frozenset(name_key(r) for r in rows)
            for surface in rows:  # a platform that acts is an organisation
                if len(surface) > 1:
                    add_name(surface, Entry(surface, "organization"))
        first_names: dict[str, Gender] = {}
        if (d / "first_names.tsv").exists():
            for row in _rows(d / "first_names.tsv"):
                if len(row) >= 2 and row[1] in _GENDERS:
                    first_names[row[0].casefold()] = _GENDERS[row[1]]

        def words(name: str) -> frozenset[str]:
            return _words_file(d / name) if (d / name).exists() else frozenset()

        return cls(
            names=names,
            acronyms=frozenset(acronyms),
            demonyms=demonyms,
            metonyms=metonyms,
            roles=words("roles.txt"),
            groups=words("groups.txt"),
            non_actors=non_actors,
            verb_cues=verb_cues,
            noun_cues=noun_cues,
            alone_nouns=frozenset(alone),
            stance_words=stance_words,
            heads=frozenset(k.split()[0] for k in [*names, *metonyms] if k),
            platforms=platforms,
            first_names=first_names,
        )

    def lookup_name(self, surface: str) -> Entry | None:
        """The entry for a country or organisation name, or None.

        Acronyms only match when written in capitals ("US", not "us").
        """
        key = name_key(surface)
        entry = self.names.get(key)
        if entry is None:
            return None
        # "Nato" and "U.S." still match; "us" and "who" do not.
        written_out = surface[:1].isupper() and len(key) > 3
        if key in self.acronyms and not _is_acronym(surface.strip()) and not written_out:
            return None
        return entry
