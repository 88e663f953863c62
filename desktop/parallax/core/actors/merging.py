"""Merging: one actor per real-world entity across both articles, ordered by importance.

The mentions of both articles are gathered into actors: "Putin" = "Vladimir Putin" =
"Russian President Vladimir Putin", "Kim" = "Kim Jong Un", an acronym = its long form,
"Pirelli" = "Pirelli SpA", and "the North Korean leader" joins the one person whose title
says so. Every mention is kept with its side, sentence and offsets into that side's repaired
text, and actors are ordered by importance (mention count).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any, Final

from parallax.core.actors.discourse import _discourse
from parallax.core.actors.gender import (
    apposition_gender,
    compatible,
    mention_gender,
    person_gender,
)
from parallax.core.actors.lexicons import (
    Entry,
    Gender,
    Lexicon,
    _is_acronym,
    _slug,
    alias_order,
    name_key,
)
from parallax.core.actors.mentions import (
    _NAME_PARTICLES,
    _ROLE_MODIFIERS,
    _acronym_definitions,
    _Cand,
    _initials,
    _without_legal_form,
    sentence_candidates,
)
from parallax.core.actors.recognizer import ParsedDocument, ParsedSentence
from parallax.core.model import Actor, ActorKind, Mention
from parallax.core.vocabulary import OPENING_DATELINE

__all__ = ["find_actors", "order_actors"]


#: Generational suffixes: "Joseph R. Biden Jr." is "Joseph Biden" and "Biden".
_SUFFIXES: Final = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: Honorifics written without a full stop, as British papers do: "Mr Altman" is "Altman".
_HONORIFICS: Final = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof"})

#: A mention's sentence text before it and after it.
_Context = Callable[[_Cand], tuple[str, str]]


def _person_tokens(text: str) -> list[str]:
    """The words of a person's name that tell people apart: no particles ("van", "bin"), no
    generational suffix, and no middle initial ("Robert W. Goodlatte" -> robert goodlatte)."""
    words = [w.strip(",") for w in name_key(text).split()]
    words = [w for w in words if w and w not in _NAME_PARTICLES and w not in _SUFFIXES]
    while len(words) > 1 and words[0] in _HONORIFICS:
        words = words[1:]
    if len(words) > 2:
        words = [words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]]
    return words


@cache
def _nicknames() -> Any:
    from nicknames import NickNamer  # a maintained, hand-curated table (Apache-2.0)

    return NickNamer()


def _similar_first_names(a: str, b: str, genders: Mapping[str, Gender] | None = None) -> bool:
    """Whether two first names can be one person's: equal, one a shortening or a spelling
    of the other (Jon/Jonathan, Mohammed/Mohammad, Stephen/Steven), or one a nickname of the
    other (Bob/Robert, Bill/William); never two names of different genders in ``genders``
    (Robert/Roberta, John/Joan)."""
    if a == b:
        return True
    if genders is not None:
        ga, gb = genders.get(a), genders.get(b)
        if ga is not None and gb is not None and ga != gb:
            return False
    if a.startswith(b) or b.startswith(a):
        return True
    from rapidfuzz.distance import JaroWinkler, Levenshtein

    if Levenshtein.distance(a, b) <= 1 and min(len(a), len(b)) >= 4:
        return True
    table = _nicknames()
    if b in table.nicknames_of(a) or a in table.nicknames_of(b):
        return True
    # Two spellings of one name share its nicknames and most of its letters (Stephen and
    # Steven are both "Steve"); Albert and Alfred share only "Al".
    return JaroWinkler.similarity(a, b) >= 0.85 and bool(
        table.nicknames_of(a) & table.nicknames_of(b)
    )


@dataclass(slots=True)
class _Cluster:
    kind: ActorKind
    name: str
    known: bool
    cands: list[_Cand] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)  # person name tokens (longest form)


def _cluster_gender(cl: _Cluster, context: _Context, lexicon: Lexicon) -> Gender | None:
    """What a person's full-name mentions say of their gender, else their first name."""
    full = [m for m in cl.cands if len(_person_tokens(m.text)) >= 2]
    evidence = [mention_gender(m.text, m.title) or apposition_gender(*context(m)) for m in full]
    return person_gender(evidence, cl.tokens[0] if len(cl.tokens) >= 2 else None, lexicon)


def _consonants(word: str) -> str:
    return re.sub(r"[aeiouyw]+", "", word)


def _romanised_alike(a: list[str], b: list[str]) -> bool:
    """Two romanisations of one name of three or more syllable words: each word the same
    but for its vowels ("Yoon Suk Yeol" and "Yun Seok-yeol"), and at least one word the
    same. "Lee Jae-myung" and "Lee Jae-yong" differ in a consonant: two people."""
    return (
        len(a) == len(b) >= 3
        and a != b
        and any(x == y for x, y in zip(a, b, strict=True))
        and all(_consonants(x) == _consonants(y) for x, y in zip(a, b, strict=True))
    )


def _same_person(
    toks: list[str], t: list[str], genders: Mapping[str, Gender] | None = None
) -> bool:
    """Whether a full name (its person tokens) is the person of a cluster named ``t``."""
    return (
        toks == t
        or _romanised_alike(toks, t)
        or (
            len(toks) < len(t)
            and toks[-1] == t[-1]
            and len(toks) == 2
            and _similar_first_names(toks[0], t[0], genders)
        )
        or (
            toks[-1] == t[-1]
            and _similar_first_names(toks[0], t[0], genders)
            and len(toks) == len(t)
        )
        or (len(toks) < len(t) and " ".join(toks) in " ".join(t))
    )


def _cluster_people(cands: list[_Cand], context: _Context, lexicon: Lexicon) -> list[_Cluster]:
    people = sorted(
        (c for c in cands if c.kind == "person" and not c.nominal), key=lambda c: c.order
    )
    clusters: list[_Cluster] = []
    # Clusters by last name, and those of three names or more (which a shorter name can be
    # part of): the only ones a full name can join (_same_person), in the order made, so
    # that each name is compared with a few clusters rather than all.
    by_last: dict[str, list[int]] = {}
    long_names: list[int] = []
    full = [c for c in people if len(_person_tokens(c.text)) >= 2]
    single = [c for c in people if len(_person_tokens(c.text)) < 2]
    for c in sorted(full, key=lambda c: -len(_person_tokens(c.text))):
        toks = _person_tokens(c.text)
        home = None
        for k in sorted({*by_last.get(toks[-1], ()), *long_names}):
            if _same_person(toks, clusters[k].tokens, lexicon.first_names):
                home = clusters[k]
                break
        if home is None:
            home = _Cluster("person", c.text, False, tokens=toks)
            by_last.setdefault(toks[-1], []).append(len(clusters))
            if len(toks) >= 3:
                long_names.append(len(clusters))
            clusters.append(home)
        home.cands.append(c)
    genders = {id(cl): _cluster_gender(cl, context, lexicon) for cl in clusters}
    # Clusters by their first and last name, in the order made.
    by_word: dict[str, list[_Cluster]] = {}
    # And by the words between: "Lula" of "Luiz Inacio Lula da Silva", taken only when no
    # first or last name matches and one person alone has that word.
    by_middle: dict[str, list[_Cluster]] = {}
    for cl in clusters:
        for word in dict.fromkeys((cl.tokens[0], cl.tokens[-1])):
            by_word.setdefault(word, []).append(cl)
        for word in dict.fromkeys(cl.tokens[1:-1]):
            if len(word) > 2:
                by_middle.setdefault(word, []).append(cl)
    for c in single:
        toks = _person_tokens(c.text)
        if not toks:
            continue
        word = toks[0]
        matches = by_word.get(word) or [
            cl for cl in by_middle.get(word, []) if len(by_middle[word]) == 1
        ]
        # "Mr. Harlow" is not Emily Harlow: an honorific rules out a person of the other
        # gender, so a father and his daughters stay apart.
        said = mention_gender(c.text, c.title) or apposition_gender(*context(c))
        matches = [cl for cl in matches if compatible(said, genders.get(id(cl)))]
        home = None
        if len(matches) == 1:
            home = matches[0]
        elif len(matches) > 1:
            # The nearest full mention before it in the same article; else, for a name
            # before any full one (a headline's "Biden" over a lead's "Joe Biden"), the
            # first full mention after it there; otherwise undecided.
            full_names = [
                (m.start, cl)
                for cl in matches
                for m in cl.cands
                if m.side == c.side and len(_person_tokens(m.text)) >= 2
            ]
            before = [x for x in full_names if x[0] < c.start]
            if before:
                home = max(before, key=lambda x: x[0])[1]
            elif full_names:
                home = min(full_names, key=lambda x: x[0])[1]
        if home is None:
            home = _Cluster("person", c.text, False, tokens=[word])
            by_word.setdefault(word, []).append(home)
            clusters.append(home)
        home.cands.append(c)
    return clusters


def _resolve_nominals(nominals: list[_Cand], people: list[_Cluster]) -> None:
    """Attach "the North Korean leader" to the one person whose title says so."""
    # Each person's roles and places, kept up to date as nominals join them.
    roles = [{r for m in cl.cands for r in m.roles} for cl in people]
    places = [{p for m in cl.cands for p in m.places} for cl in people]
    for c in nominals:
        head = {r for r in c.roles if r not in _ROLE_MODIFIERS}
        if not head:
            continue
        found = [k for k in range(len(people)) if head <= roles[k] and c.places <= places[k]]
        if len(found) == 1:
            k = found[0]
            people[k].cands.append(c)
            roles[k] |= c.roles
            places[k] |= c.places


def find_actors(left: ParsedDocument, right: ParsedDocument, lexicon: Lexicon) -> tuple[Actor, ...]:
    """The actors of both articles, one per real-world entity, by importance."""
    cands: list[_Cand] = []
    for parsed in (left, right):
        for ps in parsed.sentences:
            cands.extend(sentence_candidates(ps, parsed.side, lexicon))
    cands = _discourse(cands, (left, right), lexicon)
    cands = _without_headline_words(cands, (left, right))
    cands = _without_credits(cands, (left, right))
    cands = _without_storms(cands, (left, right))
    cands = [_honorific_person(c) for c in cands]
    acronyms = _acronym_definitions((left, right))

    clusters: dict[tuple[str, str], _Cluster] = {}
    others = sorted((c for c in cands if c.kind != "person"), key=lambda c: (not c.known, c.order))
    # initials -> key of an organisation's long name, whichever comes first in the text
    # ("PML-N" before or after "Pakistan Muslim League-Nawaz").
    org_names: dict[str, str] = {}
    for c in others:
        if c.kind == "organization" and not c.known and len(c.text.split()) >= 2:
            long = _without_legal_form(name_key(c.name))
            org_names.setdefault(name_key(_initials(c.name)), long)
    for c in others:
        name, known = c.name, c.known
        key = name_key(name)
        if not known and key in acronyms:
            long = acronyms[key]
            entry = lexicon.lookup_name(long)
            name, known = (entry.name, True) if entry else (long, False)
            key = name_key(name)
        letters = c.text.replace("-", "")  # "PML-N"
        if not known and _is_acronym(letters) and name_key(letters) in org_names:
            key = org_names[name_key(letters)]
        if not known and c.kind == "organization":
            key = _without_legal_form(key)  # "Pirelli SpA" = "Pirelli"
            entry = _after_country(name, lexicon)
            if entry is not None:  # "United States Supreme Court" = "Supreme Court"
                name, known, key = entry.name, True, name_key(entry.name)
        ck = (c.kind, key)
        cl = clusters.get(ck)
        if cl is None:
            cl = clusters[ck] = _Cluster(c.kind, name, known)
        cl.cands.append(c)

    _join_short_names(clusters)
    _join_place_names(clusters)
    people = _cluster_people(cands, _sentence_context((left, right)), lexicon)
    _resolve_nominals([c for c in cands if c.nominal], people)
    actors = [_actor(cl) for cl in [*clusters.values(), *people] if cl.cands]
    return order_actors(_unique_ids(actors))


def _after_country(name: str, lexicon: Lexicon) -> Entry | None:
    """The organisation a name gives after its country's name, when the lexicon knows it:
    "United States Supreme Court" is the "Supreme Court", "U.S. Justice Department" the
    "Justice Department"."""
    words = name.split()
    for n in range(1, min(3, len(words) - 1) + 1):
        country = lexicon.lookup_name(" ".join(words[:n]))
        if country is not None and country.kind == "country":
            rest = lexicon.lookup_name(" ".join(words[n:]))
            return rest if rest is not None and rest.kind == "organization" else None
    return None


def _sentence_context(docs: tuple[ParsedDocument, ParsedDocument]) -> _Context:
    """A function giving a mention's sentence text before and after it."""
    sentences = {(d.side, ps.sentence.index): ps.sentence for d in docs for ps in d.sentences}

    def context(c: _Cand) -> tuple[str, str]:
        s = sentences.get((c.side, c.sentence))
        if s is None:
            return "", ""
        return s.text[: max(c.start - s.start, 0)], s.text[max(c.end - s.start, 0) :]

    return context


def _honorific_person(c: _Cand) -> _Cand:
    """ "Mr Altman", "Dr. Lee": a name after an honorific is a person's, whatever the model
    labelled it."""
    first = c.text.split(maxsplit=1)[0].rstrip(".").casefold() if c.text.strip() else ""
    if c.kind != "person" and first in _HONORIFICS and len(c.text.split()) > 1:
        return replace(c, kind="person", name=c.text)
    return c


#: Last words of an organisation's name that only say what kind of body it is.
_KIND_WORDS: Final = frozenset(
    """pharmaceuticals therapeutics biotech railway railroad airlines airways motors
    technologies systems industries corporation company holdings group hall arena
    restaurant limited ltd inc incorporated llc plc""".split()
)


#: Last words of a place's name that only say what kind of place it is.
_PLACE_KIND_WORDS: Final = frozenset(
    "strip province region county prefecture governorate oblast peninsula".split()
)


#: First words of a mountain's name that say what it is ("Mount Everest" is "Everest"). A
#: lake or a river is not joined so: "Lake Michigan" is no "Michigan".
_PLACE_KIND_PREFIXES: Final = frozenset({"mount", "mt", "mt."})


def _join_place_names(clusters: dict[tuple[str, str], _Cluster]) -> None:
    """A place under its name without the word of its kind joins it ("Gaza" the Gaza Strip,
    "Noto" the Noto Peninsula, "Everest" Mount Everest), when exactly one place of the
    story is named so."""
    places = {k: cl for k, cl in clusters.items() if k[0] == "place" and cl.cands}
    by_short: dict[str, list[_Cluster]] = {}
    for k, cl in places.items():
        words = k[1].split()
        if len(words) > 1 and words[-1] in _PLACE_KIND_WORDS:
            by_short.setdefault(" ".join(words[:-1]), []).append(cl)
        if len(words) > 1 and words[0] in _PLACE_KIND_PREFIXES:
            by_short.setdefault(" ".join(words[1:]), []).append(cl)
    for (_, key), cl in places.items():
        longer = by_short.get(key, [])
        if len(longer) == 1 and longer[0] is not cl and not cl.known:
            longer[0].cands.extend(cl.cands)
            cl.cands.clear()


def _join_short_names(clusters: dict[tuple[str, str], _Cluster]) -> None:
    """An organisation named by the last words of its name joins it: "the Journal" is "The
    Wall Street Journal", "the Judiciary Committee" "the Senate Judiciary Committee"; and
    so does one named by the words before its "of": "the House" is "the House of
    Representatives", "the Bank" "the Bank of England" -- when exactly one organisation of
    the story is named so."""
    orgs = {k: cl for k, cl in clusters.items() if k[0] == "organization" and cl.cands}
    # Each organisation under every shorter run of its last words ("journal", "street
    # journal" for "the wall street journal") and under the words before its "of", rather
    # than every pair compared.
    ending_in: dict[tuple[str, ...], list[_Cluster]] = {}
    for k, other in orgs.items():
        name_words = k[1].split()
        for n in range(1, len(name_words)):
            ending_in.setdefault(tuple(name_words[-n:]), []).append(other)
        if "of" in name_words[1:-1]:
            head = tuple(name_words[: name_words.index("of", 1)])
            if not any(x is other for x in ending_in.setdefault(head, [])):
                ending_in[head].append(other)
        # "Vertex" for "Vertex Pharmaceuticals", "Norfolk Southern" for "Norfolk Southern
        # Railway": the name before the words that only say what kind of body it is.
        n = len(name_words)
        while n > 1 and name_words[n - 1] in _KIND_WORDS:
            n -= 1
            if not any(x is other for x in ending_in.setdefault(tuple(name_words[:n]), [])):
                ending_in[tuple(name_words[:n])].append(other)
    # Until nothing joins: "Supreme Court" joins "United States Supreme Court" first, and
    # then "the Court" has one organisation left to join.
    joined = True
    while joined:
        joined = False
        for key, cl in sorted(orgs.items(), key=lambda kv: len(kv[0][1].split())):
            words = key[1].split()
            if cl.known or not cl.cands:
                continue
            longer = [other for other in ending_in.get(tuple(words), []) if other.cands]
            if len(longer) == 1 and longer[0] is not cl:
                longer[0].cands.extend(cl.cands)
                cl.cands.clear()
                joined = True


#: A line that credits a picture or names its source: "Photo: Jane Roe/AP", "Cutout
#: Photo: ...", "File photo by ...", "Source: Associated Press".
_CREDIT_LINE: Final = re.compile(
    r"^\W*(?:[\w-]+\s+){0,2}(?:photo(?:graph)?|image|picture|video|graphic|illustration)s?"
    r"(?:\s+(?:by|credit|courtesy)\b|\s*:)|^\W*(?:source|credit|courtesy)s?\s*:",
    re.IGNORECASE,
)
#: A byline: "By Jane Roe, CNN Business".
_BYLINE: Final = re.compile(r"^\W*[Bb]y\s+[A-Z]")
#: The most words a byline runs to.
_BYLINE_WORDS: Final = 12
#: A picture's credit inside a sentence: "(Jane Roe/AP)", "(Photo by ...)", "(Jane Roe via
#: Getty Images)".
_CREDIT_PARENS: Final = re.compile(
    r"\((?:[^()]{0,80}/\s*[A-Z][^()]{0,40}|[^()]{0,80}\bvia\s+[A-Z][^()]{0,40}"
    r"|\s*(?:photo|image|picture)[^()]{0,80})\)",
    re.IGNORECASE,
)
#: Words that follow a writer's name on a byline line: "Jane Roe Political Reporter".
_BYLINE_ROLES: Final = frozenset(
    """reporter correspondent writer editor contributor columnist producer staff senior chief
    political national foreign white house washington business bureau""".split()
)


def _credit_spans(text: str) -> list[tuple[int, int]]:
    """Where a sentence credits a picture or names its writer or agency (offsets into it):
    the whole line for a credit or byline line, else each credit in parentheses and the
    agency of a dateline."""
    if _CREDIT_LINE.match(text) or (_BYLINE.match(text) and len(text.split()) <= _BYLINE_WORDS):
        return [(0, len(text))]
    spans = [m.span() for m in _CREDIT_PARENS.finditer(text)]
    dateline = OPENING_DATELINE.match(text)
    if dateline is not None and dateline["outlet"]:  # "WOODSIDE, Calif. (AP) —"
        spans.append(dateline.span("outlet"))
    return spans


def _bare_name_line(c: _Cand, text: str, start: int) -> bool:
    """Whether a person's name is all its sentence says, but for byline words: "Jane Roe",
    "Jane Roe Political Reporter" (a writer's byline on a line of its own)."""
    rest = (text[: c.start - start] + " " + text[c.end - start :]).casefold()
    words = re.findall(r"[^\W\d_]+", rest)
    return c.kind == "person" and all(w in _BYLINE_ROLES for w in words)


def _without_credits(
    cands: list[_Cand], docs: tuple[ParsedDocument, ParsedDocument]
) -> list[_Cand]:
    """Drop the names of photographers, writers and picture agencies: a mention inside a
    credit ("Photo: Jane Roe/AP", "(Ceneta/AP)"), a byline ("By Jane Roe, CNN") or a line
    that is only a person's name, unless the same name is mentioned elsewhere."""
    sentences = {(d.side, ps.sentence.index): ps.sentence for d in docs for ps in d.sentences}
    spans: dict[tuple[str, int], list[tuple[int, int]]] = {}
    credit: list[bool] = []
    for c in cands:
        s = sentences.get((c.side, c.sentence))
        if s is None:
            credit.append(False)
            continue
        a, b = c.start - s.start, c.end - s.start
        at = spans.get((c.side, c.sentence))
        if at is None:
            at = spans[c.side, c.sentence] = _credit_spans(s.text)
        inside = any(x <= a and b <= y for x, y in at)
        credit.append(inside or _bare_name_line(c, s.text, s.start))
    elsewhere = {name_key(c.text) for c, cr in zip(cands, credit, strict=True) if not cr}
    return [
        c for c, cr in zip(cands, credit, strict=True) if not cr or name_key(c.text) in elsewhere
    ]


#: A storm's name after the word that says it is one: "Hurricane Michael", "Tropical Storm
#: Debby", "Typhoon Haiyan".
_STORM: Final = re.compile(
    r"\b(?:Hurricane|Typhoon|Cyclone|Superstorm|(?:Tropical |Winter |Subtropical )?Storm)"
    r"\s+([A-Z][a-z]+)\b"
)


def _without_storms(cands: list[_Cand], docs: tuple[ParsedDocument, ParsedDocument]) -> list[_Cand]:
    """Drop the names of storms: once either article calls Michael a hurricane, "Michael
    slammed into the coast" and "Michael weakened" speak of the storm, not of a person."""
    storms = {
        name_key(m.group(1)) for d in docs for ps in d.sentences
        for m in _STORM.finditer(ps.sentence.text)
    }  # fmt: skip
    if not storms:
        return cands
    return [c for c in cands if name_key(c.text) not in storms and not _STORM.fullmatch(c.text)]


def _without_headline_words(
    cands: list[_Cand], docs: tuple[ParsedDocument, ParsedDocument]
) -> list[_Cand]:
    """Drop "names" that only title case made: a headline's capitalised words ("Minister
    Quits", "Chide Ryan") that no body sentence of either article writes as a name.

    A candidate stays when a lexicon knows it, when it is mentioned in a body sentence, or
    when every word of it stands capitalised in a body sentence other than at its start
    ("Putin" for "Vladimir Putin").
    """
    headline = {
        (d.side, ps.sentence.index)
        for d in docs
        for ps in d.sentences
        if ps.sentence.role == "headline"
    }
    if not headline:
        return cands
    body_keys = {name_key(c.text) for c in cands if (c.side, c.sentence) not in headline}
    capitalised: set[str] = set()
    for d in docs:
        for ps in d.sentences:
            if (d.side, ps.sentence.index) in headline:
                continue
            capitalised.update(_capitalised(ps))
    kept = []
    for c in cands:
        if (
            (c.side, c.sentence) in headline
            and not c.known
            and name_key(c.text) not in body_keys
            and not all(w.strip(",:;") in capitalised for w in c.text.split())
        ):
            continue
        kept.append(c)
    return kept


#: Where a sentence's capitalised words are kept on its spaCy document.
_CAPITALISED: Final = "parallax.capitalised"


def _capitalised(ps: ParsedSentence) -> frozenset[str]:
    """The words of a sentence after its first that start with a capital, kept on its spaCy
    document (which the recogniser reuses for the same text): a story reads each article
    with every other one."""
    kept: frozenset[str] | None = ps.doc.user_data.get(_CAPITALISED)
    if kept is None:
        kept = frozenset(t.text for t in ps.doc[1:] if t.text[:1].isupper())
        ps.doc.user_data[_CAPITALISED] = kept
    return kept


def _actor(cl: _Cluster) -> Actor:
    named = [c for c in cl.cands if not c.nominal]
    if cl.kind == "person" and named:
        # The most frequent of the longest forms: "Vladimir Putin" over "Putin".
        longest = max(len(_person_tokens(c.text)) for c in named)
        forms = Counter(c.text for c in named if len(_person_tokens(c.text)) == longest)
        name = min(forms, key=lambda f: (-forms[f], min(c.order for c in named if c.text == f)))
    elif not cl.known:
        forms = Counter(c.text for c in named)
        name = max(forms, key=lambda f: (len(name_key(f)), forms[f])) if forms else cl.name
    else:
        name = cl.name
    aliases = {c.text for c in cl.cands}
    aliases |= {f"{c.title} {c.text}" for c in cl.cands if c.title}
    aliases.discard(name)
    mentions = sorted(
        {Mention(c.side, c.sentence, c.start, c.end, c.text) for c in cl.cands},
        key=lambda m: (m.side != "left", m.start, m.end),
    )
    return Actor(
        id=f"{cl.kind}:{_slug(name)}",
        name=name,
        kind=cl.kind,
        aliases=tuple(sorted(aliases, key=alias_order)),
        mentions=tuple(mentions),
    )


def _unique_ids(actors: Iterable[Actor]) -> list[Actor]:
    seen: Counter[str] = Counter()
    out = []
    for a in actors:
        seen[a.id] += 1
        out.append(a if seen[a.id] == 1 else replace(a, id=f"{a.id}-{seen[a.id]}"))
    return out


def order_actors(actors: Iterable[Actor]) -> tuple[Actor, ...]:
    """Actors by importance: most mentions first, then the earliest mentioned."""

    def first(a: Actor) -> tuple[int, int]:
        if not a.mentions:
            return (2, 0)
        m = min(a.mentions, key=lambda m: (m.side != "left", m.start))
        return (0 if m.side == "left" else 1, m.start)

    return tuple(sorted(actors, key=lambda a: (-len(a.mentions), first(a), a.id)))
