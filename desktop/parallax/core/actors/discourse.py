"""One sense per discourse: a name keeps one kind and one actor across both articles.

The small model labels each sentence on its own: it calls "Wang" a person in one sentence and
an organisation in the next, or misses "Lebed" in "Lebed told reporters" after "Alexander
Lebed". :func:`_discourse` makes the mentions of :mod:`~parallax.core.actors.mentions`
agree before :mod:`~parallax.core.actors.merging` gathers them into actors.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Final

from parallax.core.actors.lexicons import Lexicon, name_key
from parallax.core.actors.mentions import _INSTITUTION_WORDS, _NAME_PARTICLES, _Cand, _shouting
from parallax.core.actors.recognizer import ParsedDocument
from parallax.core.model import ActorKind, Side


def _name_word(word: str, lex: Lexicon, *, surname: bool = False) -> bool:
    """Whether a word of a person's full name can stand for the person on its own.

    A role word can when it is the person's last name ("Major" of "John Major", "King" of
    "Stephen King"): there it is a name, whatever it means before one.
    """
    letters = word.replace("-", "").replace("'", "").replace("’", "")
    low = word.casefold()
    key = name_key(word)
    return (
        len(letters) >= 2
        and letters.isalpha()
        and word[:1].isupper()
        and not word.isupper()
        and (surname or low not in lex.roles)
        and low not in _NAME_PARTICLES
        and low not in _INSTITUTION_WORDS
        and key not in lex.non_actors
        and key not in lex.demonyms
        and key not in lex.metonyms
        and lex.lookup_name(word) is None
    )


#: A character a name cannot follow: it would start inside a word ("xKim", "al-Sadr's").
_WORD_BEFORE: Final = re.compile(r"[\w\-'’]")


def _outside_words(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    r"""The matches of ``pattern`` in ``text`` that do not start inside a word.

    What ``finditer`` gives with ``(?<![\w\-'’])`` in front of the pattern, found faster: a
    pattern that starts with its names lets Python's regex engine jump from one possible
    first letter to the next, where a look-behind in front has it try every name at every
    character. A match that starts inside a word is skipped and the search goes on from the
    next character, as the look-behind would have failed there.
    """
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        start = m.start()
        if start > 0 and _WORD_BEFORE.match(text, start - 1):
            pos = start + 1
            continue
        yield m
        pos = m.end()


def _story_kind(vote: Counter[ActorKind], text: str) -> ActorKind | None:
    """The one kind a name takes across the story: the kind most of its mentions have; on a
    tie, a single word is not a person (a person is named in full somewhere, and then the
    word is one of their names), and otherwise the kind that comes first in ``_TIE_ORDER``.
    None when the model gave it one kind only."""
    ranked = vote.most_common()
    if len(ranked) < 2:
        return None
    top = [k for k, n in ranked if n == ranked[0][1]]
    if len(top) == 1:
        return top[0]
    if len(text.split()) == 1 and "person" in top:
        top.remove("person")
    return min(top, key=lambda k: _TIE_ORDER.index(k) if k in _TIE_ORDER else len(_TIE_ORDER))


#: Which kind a name takes when its mentions are split evenly between kinds.
_TIE_ORDER: Final[tuple[ActorKind, ...]] = ("person", "organization", "country", "place")


def _discourse(cands: list[_Cand], parsed: Sequence[ParsedDocument], lex: Lexicon) -> list[_Cand]:
    """Make the model's sentence-by-sentence guesses agree across both articles.

    The small model labels one name differently from one sentence to the next ("Wang" a
    person here and an organisation there) and misses some occurrences outright ("Lebed
    told reporters"). Within a story a name keeps one sense, so:

    - a word of a person's full name ("Lebed" of "Alexander Lebed") is that person wherever
      it stands alone (unless it also starts an organisation's name);
    - a single word that is the first word of one organisation's longer name ("Magna" of
      "Magna International") is that organisation, not a person;
    - otherwise a name the model gave several kinds takes the kind most of its mentions have
      (a person named with a title counts three times);
    - every further occurrence of a recognised name or last name (as proper nouns, outside
      any other candidate) is a mention too.

    Names from the lexicons keep their entry, except a capital that is the last name of a
    person named in full ("Washington" of "MaliVai Washington").
    """
    words = {
        w
        for c in cands
        if c.kind == "person" and not c.nominal and len(c.text.split()) >= 2
        for w, last in ((c.text.split()[0], False), (c.text.split()[-1], True))
        if _name_word(w, lex, surname=last)
    }
    org_heads: dict[str, set[str]] = {}
    for c in cands:
        if c.kind == "organization" and not c.known and len(c.text.split()) >= 2:
            org_heads.setdefault(c.text.split()[0], set()).add(c.name)
            # "St Anne's" of "St Anne's hospital": the possessive before the institution.
            possessive = re.match(r"(.+?)['’]s?\s+\S+$", c.text)
            if possessive and len(possessive.group(1).split()) >= 2:
                org_heads.setdefault(possessive.group(1), set()).add(c.name)
    votes: dict[str, Counter[ActorKind]] = {}
    for c in cands:
        if not c.known and not c.nominal:
            vote = votes.setdefault(name_key(c.text), Counter())
            vote[c.kind] += 3 if c.title else 1
            if c.hint is not None:
                vote[c.hint] += 3
    for w in words:
        votes.setdefault(name_key(w), Counter())["person"] += 3

    surnames = {
        c.text.split()[-1]
        for c in cands
        if c.kind == "person" and not c.nominal and len(c.text.split()) >= 2
    }
    out: list[_Cand] = []
    for c in cands:
        if c.known and c.text in surnames and name_key(c.text) in lex.metonyms:
            out.append(replace(c, kind="person", name=c.text, known=False))  # MaliVai Washington
            continue
        if c.known or c.nominal:
            out.append(c)
            continue
        heads = org_heads.get(c.text, set())
        if c.kind == "person" and not c.title and c.text not in words and len(heads) == 1:
            out.append(replace(c, kind="organization", name=next(iter(heads))))
            continue
        if c.kind != "person" and c.text in words and not heads:
            out.append(replace(c, kind="person", name=c.text))
            continue
        kind = _story_kind(votes[name_key(c.text)], c.text)
        if kind is not None and kind != c.kind:
            c = replace(c, kind=kind, name=c.text, title="", roles=frozenset(), places=frozenset())
        out.append(c)

    # Only last names are looked for where the model saw nothing: a first name alone is
    # rarely a mention in news.
    names: dict[str, tuple[ActorKind, str]] = {w: ("person", w) for w in words & surnames}
    for c in out:
        named = not c.known and not c.nominal and c.text[:1].isupper() and not c.text.isupper()
        if named and (c.kind != "person" or len(c.text.split()) >= 2):
            names.setdefault(c.text, (c.kind, c.name))
    if not names:
        return out
    alternatives = "|".join(
        r"\s+".join(re.escape(w) for w in n.split()) for n in sorted(names, key=len, reverse=True)
    )
    pattern = re.compile(rf"(?:{alternatives})(?![\w\-])")
    taken: dict[tuple[Side, int], list[tuple[int, int]]] = {}
    for c in out:
        taken.setdefault((c.side, c.sentence), []).append((c.start, c.end))
    for p in parsed:
        for ps in p.sentences:
            text = ps.sentence.text  # the same text as the Doc, without rebuilding it
            if _shouting(text):
                continue
            base = ps.sentence.start
            spans = taken.setdefault((p.side, ps.sentence.index), [])
            for m in _outside_words(pattern, text):
                a, b = base + m.start(), base + m.end()
                if any(a < e and s < b for s, e in spans):
                    continue
                span = ps.doc.char_span(m.start(), m.end())
                if span is None or any(t.pos_ != "PROPN" for t in span if t.is_alpha):
                    continue
                kind, name = names[" ".join(m.group().split())]
                out.append(_Cand(p.side, ps.sentence.index, a, b, m.group(), kind, name))
                spans.append((a, b))
    return out
