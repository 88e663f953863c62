"""Gender as the text states it: which of two people of one family name "Mr. Harlow" is.

News writes two people of one family name (a father and his daughters, a couple) apart by
their first names, then often by an honorific alone: "Mr. Harlow", "Ms. Harlow". And a
reaction's "he said" or "she said" can only be a person of that gender. This module reads
what a text says of a person's gender, for those two decisions only; it is never shown.

The evidence, strongest first:

1. an honorific or a gendered title written with the name ("Mr. John Harlow", "Dame Judi
   Dench", "Congresswoman Ocasio-Cortez", "Queen Elizabeth");
2. a kinship or gendered noun in apposition to the name ("his daughter, Emily Harlow",
   "widow Anne Harlow", "John Harlow, her father,");
3. the first name, when one gender bears it nearly always (``data/lexicons/
   first_names.tsv``, from the US census lists: "Emily", "John"; not "Kim" or "Jordan").

Mentions that disagree leave the gender unknown, and an unknown gender never rules a
person out.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Final

from parallax.core.actors.lexicons import Gender, Lexicon
from parallax.core.model import Actor, Document

__all__ = [
    "actor_genders",
    "apposition_gender",
    "compatible",
    "mention_gender",
    "person_gender",
]

#: Honorifics and the gender each states ("Mr Altman", "Mrs. May", "Sir Keir Starmer").
HONORIFICS: Final[dict[str, Gender]] = {
    "mr": "male",
    "mister": "male",
    "sir": "male",
    "lord": "male",
    "monsieur": "male",
    "herr": "male",
    "señor": "male",
    "mrs": "female",
    "ms": "female",
    "miss": "female",
    "dame": "female",
    "lady": "female",
    "madam": "female",
    "madame": "female",
    "mme": "female",
    "frau": "female",
    "señora": "female",
}

_FEMALE_NOUNS: Final = (
    "daughter|wife|mother|sister|widow|grandmother|granddaughter|aunt|niece|stepdaughter|"
    "stepmother|girlfriend|fiancée|fiancee|bride|mom|mum|queen|princess|duchess|countess|"
    "baroness|empress|congresswoman|councilwoman|assemblywoman|chairwoman|spokeswoman|"
    "businesswoman|sportswoman|actress|heiress|matriarch|nun"
)
_MALE_NOUNS: Final = (
    "son|husband|father|brother|widower|grandfather|grandson|uncle|nephew|stepson|"
    "stepfather|boyfriend|fiancé|fiance|groom|dad|king|prince|duke|earl|baron|emperor|"
    "congressman|councilman|assemblyman|spokesman|businessman|sportsman|patriarch|monk"
)
_GENDERED: Final[dict[str, Gender]] = {
    **{w: "female" for w in _FEMALE_NOUNS.split("|")},
    **{w: "male" for w in _MALE_NOUNS.split("|")},
}
_NOUN: Final = rf"(?P<noun>{_FEMALE_NOUNS}|{_MALE_NOUNS})(?:-in-law)?"
#: "his daughter, " / "widow " / "the late mayor's wife " right before a name.
_BEFORE: Final = re.compile(rf"(?:^|[^\w-]){_NOUN}\s*,?\s*$", re.IGNORECASE)
#: ", his daughter" / ", 45, her eldest son" / ", Emily's father" right after a name.
_AFTER: Final = re.compile(
    r"^\s*,\s*(?:\d+\s*,\s*)?"
    r"(?:(?:his|her|their|the|a|an|[A-Z][\w'’-]*['’]s?)\s+)?"
    r"(?:(?:late|former|eldest|elder|younger|youngest|only|second|third|first|older|oldest"
    r"|twin|own|estranged)\s+)?"
    rf"{_NOUN}\b",
)
_WORD: Final = re.compile(r"[^\W\d_][\w'’-]*")
#: "Mr and Mrs Menendez", "Mr. & Mrs. Smith": a couple, whose honorifics say nothing of one.
_COUPLE: Final = re.compile(r"\b(?:mr|mrs|ms)\.?\s+(?:and|&)\s+(?:mr|mrs|ms)\.?\s*$", re.IGNORECASE)


def _word_gender(word: str) -> Gender | None:
    w = word.casefold().rstrip(".")
    return HONORIFICS.get(w) or _GENDERED.get(w)


def mention_gender(text: str, title: str = "") -> Gender | None:
    """The gender a mention's own words state: its first word an honorific ("Mr. Harlow")
    or its title's last word an honorific or a gendered title ("Congresswoman")."""
    words = _WORD.findall(text)
    if len(words) > 1 and (g := HONORIFICS.get(words[0].casefold())):
        return g
    if _COUPLE.search(title):
        return None
    title_words = _WORD.findall(title)
    return _word_gender(title_words[-1]) if title_words else None


@functools.lru_cache(maxsize=1 << 14)
def apposition_gender(before: str, after: str) -> Gender | None:
    """The gender the words around a name state: an honorific or a kinship noun right
    before it ("Ms. ", "his daughter, "), or a kinship noun in apposition after it (", her
    father,"). ``before`` and ``after`` are the sentence's text on either side of the name.

    Kept for the names seen last: a story reads each name in every pair its article is in.
    """
    if _COUPLE.search(before):
        return None
    words = _WORD.findall(before[-12:])
    if (
        words
        and before.rstrip().endswith((words[-1], words[-1] + "."))
        and (g := HONORIFICS.get(words[-1].casefold()))
    ):
        return g
    m = _BEFORE.search(before) or _AFTER.match(after)
    return _GENDERED.get(m.group("noun").casefold()) if m else None


def person_gender(
    evidence: Iterable[Gender | None], first_name: str | None, lexicon: Lexicon
) -> Gender | None:
    """A person's gender from the evidence of their mentions (each :func:`mention_gender` or
    :func:`apposition_gender`), else from their first name; None when the mentions disagree
    or nothing says."""
    said = {g for g in evidence if g is not None}
    if len(said) == 1:
        return said.pop()
    if said:
        return None
    return lexicon.first_names.get(first_name.casefold()) if first_name else None


def compatible(a: Gender | None, b: Gender | None) -> bool:
    """Whether two genders can be one person's (an unknown one fits either)."""
    return a is None or b is None or a == b


def actor_genders(
    actors: Iterable[Actor], documents: Iterable[Document], lexicon: Lexicon
) -> dict[str, Gender | None]:
    """The gender of each person actor (by id) from its mentions in ``documents`` (the
    articles of the comparison: ``documents`` in side order, left first) and its names."""
    docs = dict(zip(("left", "right"), documents, strict=False))
    out: dict[str, Gender | None] = {}
    for actor in actors:
        if actor.kind != "person":
            continue
        evidence: list[Gender | None] = []
        for m in actor.mentions:
            doc = docs.get(m.side)
            if doc is None or not 0 <= m.sentence < len(doc.sentences):
                continue
            s = doc.sentences[m.sentence]
            before, after = s.text[: max(m.start - s.start, 0)], s.text[max(m.end - s.start, 0) :]
            evidence.append(mention_gender(m.text) or apposition_gender(before, after))
        for alias in actor.aliases:
            if alias.endswith(" " + actor.name):  # "Congresswoman Jane Doe"
                evidence.append(mention_gender(actor.name, alias[: -len(actor.name)]))
            else:
                evidence.append(mention_gender(alias))
        words = [w for w in _WORD.findall(actor.name) if w.casefold() not in HONORIFICS]
        out[actor.id] = person_gender(evidence, words[0] if len(words) >= 2 else None, lexicon)
    return out
