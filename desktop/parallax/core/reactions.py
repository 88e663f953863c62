"""Reactions: what each actor said, did or felt about the event, and with what stance.

A reaction is found from a *cue* in the dependency parse of a sentence, never from the
nearest name:

- a reporting or reaction verb (said, noted, remarked, criticized, thanked, vowed, warned,
  denied, called ...) whose subject is an actor; a verb with no subject of its own ("adding
  that ...", "and warned ...") takes its governing verb's subject, a passive one its agent
  ("was criticized by X");
- a light verb and its object ("expressed regret", "voiced concerns", "vowed support");
- a reaction noun with its owner ("China's reaction has been muted", "concerns of the United
  States");
- "according to X", "as per X".

The subject is resolved to an actor through the mentions :mod:`parallax.core.actors` found:
the noun phrase itself ("Japan", "the North Korean leader"), an unnamed source with an
affiliation ("officials in South Korea", "North Korea's state media" -> the country), "he"
or "she" (the last person who was the subject of a clause), "both leaders" (the two most
mentioned people of that article with a title), "the company" (the company named most
often before it; "the court" the court), "the prime minister" (the one person of the
article with that title); what is not clear stays unresolved. Unnamed sources with no
affiliation ("experts", "analysts", "police") become group actors.

Quotes are read from the text, not from the parse (:mod:`parallax.core.quotes`). A quote
belongs to the reaction whose clause holds it; one that goes on over several sentences is
its speaker's in each of them.

The stance toward the event is the cue's own when it has one (thanked, welcomed: positive;
criticized, expressed regret: negative), else that of what the actor said, read by
:mod:`parallax.core.stance`: the cue's clause without the scene the writer sets ("said at a
news conference, facing angry residents") or what another actor is reported in it to have
said ("police said protesters condemned ..."), and the quote.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Final

from parallax.core.actors import (
    Lexicon,
    ParsedDocument,
    ParsedSentence,
    find_actors,
    name_key,
    order_actors,
)
from parallax.core.actors.gender import actor_genders, compatible
from parallax.core.actors.lexicons import Gender
from parallax.core.cues import SentenceCues, quoted_spans, read_cues
from parallax.core.model import Actor, Mention, Reaction, Side, Stance
from parallax.core.quotes import Quote, find_quotes
from parallax.core.stance import narration, stance_of_tokens, stance_of_words

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["Quote", "find_quotes", "find_reactions", "stance_of_words"]

_PRONOUNS: Final = frozenset({"he", "she"})


# ---------------------------------------------------------------------------------------------
# Finding reactions
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Agent:
    """Who reacted: an actor id, or a new group (unnamed source) to create."""

    actor: str
    group: Mention | None = None  # for a new group: the mention of its noun phrase
    group_name: str = ""


@dataclass(slots=True)
class _Found:
    agent: _Agent
    sentence: int
    cue: str
    cue_stance: Stance
    cue_token: int  # token index in the sentence
    scope: list[int]  # token indexes of what the actor said
    negated: bool = False


@dataclass(slots=True)
class _Side:
    """What the reaction finder knows about one article."""

    parsed: ParsedDocument
    starts: list[int]
    spans: list[tuple[int, int, str]]
    kinds: Mapping[str, str]
    titled: list[str]  # people of this article named with a title, most mentioned first
    names: Mapping[str, str] = field(default_factory=dict)  # actor -> its names, lower case
    genders: Mapping[str, Gender | None] = field(default_factory=dict)  # person -> gender
    salient: str | None = None  # the last person who was a subject
    speaker: str | None = None  # the source of the last reaction found
    speaker_sentence: int = -2  # ...and the sentence it was found in

    def salient_before(
        self, offset: int, kind: str, fits: Callable[[str], bool] | None = None
    ) -> str | None:
        """The actor of this kind mentioned most often before this character offset, the
        one mentioned last of those on a tie (of those whose names, lower case, ``fits``
        accepts): "the company" is the company the article is about, not a bank it
        named in passing."""
        i = bisect.bisect_right(self.starts, offset) - 1
        counts: dict[str, int] = {}
        for j in range(i, -1, -1):  # latest first, so a tie keeps the latest
            _, end, actor = self.spans[j]
            if (
                end <= offset
                and self.kinds.get(actor) == kind
                and (fits is None or fits(self.names.get(actor, "")))
            ):
                counts[actor] = counts.get(actor, 0) + 1
        return max(counts, key=counts.__getitem__) if counts else None

    def court(self) -> str | None:
        """The court this article is about: of the organisations whose names say they are
        a court or tribunal, the one it mentions most (None when it names none, or two
        equally often)."""
        counts: dict[str, int] = {}
        for _, _, actor in self.spans:
            if self.kinds.get(actor) == "organization" and _COURT_WORDS.intersection(
                re.findall(r"[a-z]+", self.names.get(actor, ""))
            ):
                counts[actor] = counts.get(actor, 0) + 1
        ranked = sorted(counts.values(), reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
            return None
        return max(counts, key=counts.__getitem__)

    def actor_at(self, offset: int) -> str | None:
        """The actor with a mention covering this character offset, if any."""
        i = bisect.bisect_right(self.starts, offset) - 1
        for j in range(i, max(i - 8, -1), -1):
            a, b, actor = self.spans[j]
            if a <= offset < b:
                return actor
        return None


def _side_index(
    parsed: ParsedDocument, actors: Sequence[Actor], genders: Mapping[str, Gender | None]
) -> _Side:
    spans = sorted(
        (m.start, m.end, a.id) for a in actors for m in a.mentions if m.side == parsed.side
    )
    kinds = {a.id: a.kind for a in actors}
    names = {a.id: {a.name, *a.aliases} for a in actors}
    titled = [
        a.id
        for a in actors
        if a.kind == "person"
        and any(m.side == parsed.side for m in a.mentions)
        and any(x.endswith(" " + a.name) for x in names[a.id])  # "Russian President Vladimir Putin"
    ]
    lowered = {
        k: " | ".join(sorted(_with_titles_spelled_out(v))).casefold() for k, v in names.items()
    }
    return _Side(parsed, [s[0] for s in spans], spans, kinds, titled, lowered, genders)


#: Abbreviated titles of news style, spelled out, so that "the governor said" finds "Gov.
#: Gavin Newsom" and "the PM said" the prime minister.
_TITLE_ABBREVIATIONS: Final = {
    "gov.": "governor", "sen.": "senator", "rep.": "representative", "gen.": "general",
    "lt.": "lieutenant", "col.": "colonel", "sgt.": "sergeant", "adm.": "admiral",
    "capt.": "captain", "cmdr.": "commander", "maj.": "major", "det.": "detective",
    "atty.": "attorney", "supt.": "superintendent", "amb.": "ambassador",
    "pm": "prime minister",
}  # fmt: skip


def _with_titles_spelled_out(names: set[str]) -> set[str]:
    """Names, and those with an abbreviated title also with the title spelled out."""
    out = set(names)
    for name in names:
        words = name.split()
        spelled = [_TITLE_ABBREVIATIONS.get(w.casefold(), w) for w in words]
        if spelled != words:
            out.add(" ".join(spelled))
    return out


def _token_actor(side: _Side, ps: ParsedSentence, tok: Token) -> str | None:
    return side.actor_at(ps.sentence.start + tok.idx)


#: Prepositions that tie an unnamed source to who it speaks for ("spokesman of the INC").
_AFFILIATING: Final = frozenset({"of", "for", "from", "at", "in", "with", "to"})


def _affiliation(side: _Side, ps: ParsedSentence, head: Token) -> str | None:
    """The country or organisation an unnamed source belongs to ("officials in Seoul").

    An owner ("North Korea's state media") or a prepositional phrase ("a London-based
    spokesman of the Iraqi National Congress") says more than a modifier before the noun,
    so they are looked at first.
    """
    first = [
        t
        for c in head.children
        if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in _AFFILIATING)
        for t in c.subtree
    ]
    for tok in [*first, *head.subtree]:
        if tok.i == head.i:
            continue
        actor = _token_actor(side, ps, tok)
        if actor is not None and side.kinds.get(actor) in ("country", "organization"):
            return actor
    return None


def _group_agent(side: _Side, ps: ParsedSentence, head: Token) -> _Agent:
    words = [
        t
        for t in head.subtree
        if t.i <= head.i and t.dep_ not in ("det", "punct", "predet") and t.i >= head.left_edge.i
    ]
    words = [t for t in words if t.dep_ in ("amod", "compound") or t.i == head.i]
    if not words:
        words = [head]
    start, end = words[0], words[-1]
    base = ps.sentence.start
    text = ps.sentence.text[start.idx : end.idx + len(end.text)]
    name = text.casefold() if not text.isupper() else text
    a, b = base + start.idx, base + end.idx + len(end.text)
    mention = Mention(side.parsed.side, ps.sentence.index, a, b, text)
    return _Agent(f"group:{'-'.join(re.findall(r'[a-z0-9]+', name_key(name)))}", mention, name)


#: Nouns that, with "the", stand for an organisation named before ("the company said").
_ORGANISATION_NOUNS: Final = frozenset(
    "company firm bank airline carrier agency ministry department court club university "
    "hospital network broadcaster newspaper union retailer".split()
)
#: Of those, the ones an organisation's name says it is: "the court" is the last
#: organisation with "court" in its name, not the company named after it.
_INSTITUTION_NOUNS: Final = frozenset(
    "agency ministry department court club university hospital union".split()
)
#: Words of a name that say an organisation is no company ("the company said" after "the
#: District Court" or "the Fairfax Towne Center" is still the company).
_NOT_A_COMPANY: Final = frozenset(
    "court courts university college school hospital ministry department agency committee "
    "senate parliament congress council police commission center centre museum church "
    "government office army military party".split()
)


#: Words of a court's name.
_COURT_WORDS: Final = frozenset({"court", "tribunal"})
#: Nouns for the members of a court, which in the plural stand for it ("the judges said",
#: "four of the seven justices ruled").
_BENCH_NOUNS: Final = frozenset({"judge", "justice"})


def _the_court(side: _Side, head: Token) -> str | None:
    """The court a subject stands for: "the court", "Malawi's constitutional court", "a
    court ruled", "the judges", "four of the seven judges" (the court the article is
    about, see :meth:`_Side.court`); None for any other subject."""
    lemma = head.lemma_.lower()
    if head.like_num or lemma in ("all", "most", "some", "none"):
        of = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"]
        members = [g for c in of for g in c.children if g.dep_ == "pobj"]
        if members and members[0].lemma_.lower() in _BENCH_NOUNS:
            return side.court()
        return None
    if lemma in _COURT_WORDS or (lemma in _BENCH_NOUNS and head.tag_ in ("NNS", "NNPS")):
        return side.court()
    return None


def _fits_noun(lemma: str) -> Callable[[str], bool]:
    """Which organisations "the <lemma>" can stand for, by the words of their names."""
    if lemma in _INSTITUTION_NOUNS:
        return lambda names: lemma in re.findall(r"[a-z]+", names)
    return lambda names: not _NOT_A_COMPANY.intersection(re.findall(r"[a-z]+", names))


#: Nouns for the staff who speak in a person's or a body's name: "the office of Prime
#: Minister X said" and "X's office said" are X's words.
_SPEAKING_FOR: Final = frozenset({"office"})
#: Nouns that, with "the", stand for the statement of the source reported just before.
_STATEMENT_NOUNS: Final = frozenset({"statement", "release", "communique", "communiqué"})


def _referred(side: _Side, ps: ParsedSentence, head: Token, lexicon: Lexicon) -> str | None:
    """The actor a definite noun phrase refers to, or None when it is not clear.

    "the company" is the organisation mentioned most often before it in the article whose
    name says nothing else ("the District Court" is no company); "the court", "the
    ministry" the one whose name says so, else any organisation; "the prime minister" is
    the one person of the article whose names carry that title ("Prime Minister Liz
    Truss"). Anything else (two candidates, none, a plural) stays unresolved
    rather than guessed. A court, or its judges, is the court the article is about, however
    it is introduced ("the court", "Malawi's constitutional court", "the five judges").
    """
    court = _the_court(side, head)
    if court is not None:
        return court
    if head.tag_ in ("NNS", "NNPS"):
        return None
    lemma = head.lemma_.lower()
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        # Without "the", only a role a country owns or names: "Greece's prime minister",
        # "says Greek prime minister" (a headline's words)
        owners = [
            _token_actor(side, ps, c)
            for c in head.children
            if c.dep_ in ("poss", "amod", "compound") and c.i < head.i
        ]
        if lemma not in lexicon.roles or not any(
            side.kinds.get(a or "") == "country" for a in owners
        ):
            return None
    if lemma in _ORGANISATION_NOUNS:
        at = ps.sentence.start + head.idx
        # "the South Korean airline" is Korean Air, not Boeing named after it: words
        # before the noun that its name holds say which one
        said = {c.lower_ for c in head.subtree if c.i < head.i and c.pos_ in ("ADJ", "PROPN")}
        found = (
            side.salient_before(
                at, "organization", lambda names: bool(said.intersection(names.split()))
            )
            if said
            else None
        )
        found = found or side.salient_before(at, "organization", _fits_noun(lemma))
        if found is None and lemma in _INSTITUTION_NOUNS and lemma not in _COURT_WORDS:
            # "the agency" after "the FBI"; but "the court" is never the EU named before
            found = side.salient_before(at, "organization")
        return found
    if lemma in _STATEMENT_NOUNS:  # "the statement added": whoever issued it, just before
        return side.speaker
    spelled = _TITLE_ABBREVIATIONS.get(head.lower_)
    if lemma not in lexicon.roles and spelled is None:
        return None
    words = [c for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i]
    # "Greece's prime minister", "the prime minister of Greece", "the Greek prime minister":
    # the role of one country
    country = _qualifier(side, ps, head)
    at_home = [w for w in words if side.kinds.get(_token_actor(side, ps, w) or "") == "country"]
    if country is None and at_home:
        country = _token_actor(side, ps, at_home[0])
    words = [w for w in words if w not in at_home]
    title = " ".join([*(w.lower_ for w in words), spelled or head.lower_])
    people = [
        a
        for a in side.titled
        if f"{title} " in side.names.get(a, "") and side.kinds.get(a) == "person"
    ]
    if country is not None:
        # ...is the story's person of that title whose names tie them to that country
        # ("Greece's prime minister Alexis Tsipras"); "the prime minister of Qatar" is not
        # the story's other prime minister: who holds the office there is not known, so
        # the reaction goes to the country.
        home = set(re.findall(r"[a-z]+", side.names.get(country, "")))
        people = [a for a in people if home & set(re.findall(r"[a-z]+", side.names.get(a, "")))]
    return people[0] if len(people) == 1 else None


def _qualifier(side: _Side, ps: ParsedSentence, head: Token) -> str | None:
    """The country or organisation a role is qualified by: its owner ("Qatar's prime
    minister") or its "of" phrase ("the prime minister of Qatar")."""
    for c in head.children:
        owners = [c] if c.dep_ == "poss" else []
        if c.dep_ == "prep" and c.lower_ == "of":
            owners = [g for g in c.children if g.dep_ == "pobj"]
        for owner in owners:
            actor = _token_actor(side, ps, owner)
            if actor is not None and side.kinds.get(actor) in ("country", "organization"):
                return actor
    return None


def _beside(side: _Side, ps: ParsedSentence, head: Token) -> list[Token]:
    """Names set beside a subject: its appositions, and those the parser hangs on the
    country or organisation of its "of" phrase ("The prime minister of Qatar, Sheikh
    Mohammed, said": a country has no person in apposition, so the name is the minister's)."""
    out = [c for c in head.children if c.dep_ == "appos"]
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                actor = _token_actor(side, ps, g) if g.dep_ == "pobj" else None
                if actor is not None and side.kinds.get(actor) in ("country", "organization"):
                    out += [x for x in g.children if x.dep_ == "appos"]
    return out


def _agents_of(
    side: _Side, ps: ParsedSentence, subj: Token, lexicon: Lexicon, *, sentence_subjects: list[str]
) -> list[_Agent]:
    """The actors a subject noun phrase stands for (several for "Putin and Kim")."""
    heads = [subj, *[c for c in subj.conjuncts if c.i > subj.i]]
    out: list[_Agent] = []
    for head in heads:
        actor = _token_actor(side, ps, head)
        if actor is not None:
            out.append(_Agent(actor))
            continue
        person = next(
            (
                a
                for c in _beside(side, ps, head)
                if (a := _token_actor(side, ps, c)) is not None and side.kinds.get(a) == "person"
            ),
            None,
        )
        if person is not None:  # "the US Defence Secretary, Donald Rumsfeld, said"
            out.append(_Agent(person))
            continue
        low = head.lower_
        if low == "it":
            # "it said", "it added": the organisation or country that spoke last, in this
            # sentence or the one before; else unresolved.
            if (
                side.speaker is not None
                and side.kinds.get(side.speaker) in ("organization", "country")
                and ps.sentence.index - side.speaker_sentence <= 1
            ):
                out.append(_Agent(side.speaker))
            continue
        if low in _PRONOUNS:
            # "she said" is the last person who was a subject and can be a "she"; when the
            # text says the last one is a man, the reaction stays unresolved.
            said: Gender = "female" if low == "she" else "male"
            # Whoever spoke in the last two sentences goes on speaking ("He added that ...")
            # before anyone who was merely a subject since ("Bazoum was detained").
            recent = side.speaker if ps.sentence.index - side.speaker_sentence <= 2 else None
            fits = [
                a
                for a in (*reversed(sentence_subjects), recent, side.salient)
                if a is not None and side.kinds.get(a) == "person"
            ]
            person = next((a for a in fits if compatible(said, side.genders.get(a))), None)
            if person is not None:
                out.append(_Agent(person))
            continue
        lemma = head.lemma_.lower()
        if lemma in _SPEAKING_FOR:  # "the office of Prime Minister X said", "X's office said"
            owner = next((c for c in head.children if c.dep_ == "poss"), None) or next(
                (g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"),
                None,
            )  # fmt: skip
            if owner is not None:
                out.extend(
                    _agents_of(side, ps, owner, lexicon, sentence_subjects=sentence_subjects)
                )
                continue
        referred = _referred(side, ps, head, lexicon)
        if referred is not None:  # "the company said", "the prime minister announced"
            out.append(_Agent(referred))
            continue
        if lemma in lexicon.alone_nouns or lemma in lexicon.noun_cues:
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            if owner is not None:
                out.extend(
                    _agents_of(side, ps, owner, lexicon, sentence_subjects=sentence_subjects)
                )
            continue
        if head.lower_ in lexicon.groups:
            lemma = head.lower_  # "media", not its lemma "medium"
        if lemma in lexicon.groups or lemma in lexicon.roles:
            affiliated = _affiliation(side, ps, head)
            if affiliated is not None:
                out.append(_Agent(affiliated))
                continue
            plural = head.tag_ in ("NNS", "NNPS")
            if (
                plural
                and lemma in lexicon.roles
                and any(c.lower_ in ("both", "two") for c in head.children)
            ):
                out.extend(_Agent(a) for a in side.titled[:2])
                continue
            if lemma in lexicon.groups and lemma not in ("leader", "government", "authority"):
                out.append(_group_agent(side, ps, head))
    return out


def _cues(ps: ParsedSentence, cues: SentenceCues, side: _Side, lexicon: Lexicon) -> list[_Found]:
    """The reactions of one sentence: its cues (:func:`~parallax.core.cues.read_cues`), each
    with who reacted resolved among the actors of this pair ("he" is a person who was a
    subject before)."""
    found: list[_Found] = []
    subjects: list[str] = []  # person subjects seen so far in this sentence
    base, index = ps.sentence.start, ps.sentence.index
    for step in cues.steps:
        if isinstance(step, int):
            actor = side.actor_at(base + step)
            if actor is not None and side.kinds.get(actor) == "person":
                subjects.append(actor)
            continue
        source = ps.doc[step.source]
        for agent in _agents_of(side, ps, source, lexicon, sentence_subjects=subjects):
            scope = list(step.scope)
            found.append(
                _Found(agent, index, step.cue, step.stance, step.token, scope, step.negated)
            )
    return _without_reported_within(found)


def _without_reported_within(found: list[_Found]) -> list[_Found]:
    """Drop what one speaker reports another said, unless it is a reaction of its own: a
    cue with no stance inside what another actor of the sentence said is part of that
    statement ("Powell said officials are no longer saying ...", "scientists said they
    detected the waves Einstein predicted"), while "Police said protesters condemned the
    law" keeps the protesters' condemnation. Only a cue after the outer one is inside its
    statement: "X said ..., the official added" and "X admitted ..., according to state
    media" are X's."""
    if len(found) < 2:
        return found
    return [
        f
        for f in found
        if f.cue_stance != "neutral"
        or not any(
            g.cue_token < f.cue_token and g.agent.actor != f.agent.actor and f.cue_token in g.scope
            for g in found
        )
    ]


def _merge_unaffiliated(found: list[_Found], side: _Side) -> list[_Found]:
    """A lone "spokesperson" in a sentence where a country or organisation reacts speaks for it."""
    owners = [
        f
        for f in found
        if f.agent.group is None and side.kinds.get(f.agent.actor) in ("country", "organization")
    ]
    out = []
    for f in found:
        if f.agent.group is not None and owners and not f.agent.group.text.endswith("s"):
            continue
        out.append(f)
    return out


def actors_and_reactions(
    left: ParsedDocument, right: ParsedDocument, lexicon: Lexicon
) -> tuple[tuple[Actor, ...], tuple[Reaction, ...]]:
    """The actors of an analysed pair, and their reactions (with any unnamed sources added
    as actors): :func:`~parallax.core.actors.find_actors`, then :func:`find_reactions`."""
    return find_reactions(left, right, find_actors(left, right, lexicon), lexicon)


def find_reactions(
    left: ParsedDocument,
    right: ParsedDocument,
    actors: Sequence[Actor],
    lexicon: Lexicon,
) -> tuple[tuple[Actor, ...], tuple[Reaction, ...]]:
    """The reactions in both articles, and the actors with any unnamed groups added.

    Returns:
        ``(actors, reactions)``: the actors ordered by importance (groups that reacted are
        added as ``kind="group"`` actors, e.g. "experts"); the reactions ordered by their
        actor's importance, then side and sentence. There is at most one reaction per actor
        and sentence; its cue is the first cue of that actor in the sentence (a cue with a
        stance of its own first).
    """
    group_mentions: dict[str, list[Mention]] = defaultdict(list)
    group_names: dict[str, str] = {}
    raw: list[tuple[Side, _Found, str | None]] = []
    genders = actor_genders(actors, (left.document, right.document), lexicon)
    for parsed in (left, right):
        side = _side_index(parsed, actors, genders)
        quotes, quoted = quoted_spans(parsed.document.text)
        by_sentence: dict[int, list[_Found]] = {}
        for ps in parsed.sentences:
            cues = read_cues(ps, lexicon, quoted)
            found = _merge_unaffiliated(_cues(ps, cues, side, lexicon), side)
            by_sentence[ps.sentence.index] = found
            if found:
                side.speaker = found[-1].agent.actor
                side.speaker_sentence = ps.sentence.index
            subj_people = [
                f.agent.actor for f in found if side.kinds.get(f.agent.actor) == "person"
            ]
            for offset in cues.subjects:
                actor = side.actor_at(ps.sentence.start + offset)
                if actor is not None and side.kinds.get(actor) == "person":
                    subj_people.append(actor)
            if subj_people:
                side.salient = subj_people[-1]
        quote_of, spread = _assign_quotes(parsed, by_sentence, quotes)
        _continue_quotes(by_sentence, quote_of, spread)
        for index, found in by_sentence.items():
            for k, f in enumerate(found):
                if f.agent.group is not None:
                    group_mentions[f.agent.actor].append(f.agent.group)
                    group_names.setdefault(f.agent.actor, f.agent.group_name)
                raw.append((parsed.side, f, quote_of.get((index, k))))

    all_actors = list(actors)
    for gid, mentions in group_mentions.items():
        all_actors.append(
            Actor(
                gid,
                group_names[gid],
                "group",
                tuple(sorted({m.text for m in mentions} - {group_names[gid]})),
                tuple(sorted(set(mentions), key=lambda m: (m.side != "left", m.start))),
            )
        )
    ordered = order_actors(all_actors)
    rank = {a.id: i for i, a in enumerate(ordered)}
    docs = {"left": left, "right": right}
    reactions = _combine(raw, docs, lexicon)
    reactions.sort(key=lambda r: (rank.get(r.actor, len(rank)), r.side != "left", r.sentence))
    return ordered, tuple(reactions)


def _assign_quotes(
    parsed: ParsedDocument, by_sentence: dict[int, list[_Found]], quotes: Sequence[Quote]
) -> tuple[dict[tuple[int, int], str], dict[tuple[int, int], dict[int, str]]]:
    """Which reaction each quote belongs to: (sentence, index in that sentence) -> quote;
    and, for each such reaction, the words of its quotes in every other sentence they
    cover (sentence -> words), where the speaker goes on."""
    sentences = {ps.sentence.index: ps for ps in parsed.sentences}
    order = sorted(sentences)
    starts = [sentences[i].sentence.start for i in order]
    out: dict[tuple[int, int], list[str]] = defaultdict(list)
    spread: dict[tuple[int, int], dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    last: tuple[int, int] | None = None  # the last reaction that got a quote
    for q in quotes:
        first = bisect.bisect_right(starts, q.start) - 1
        covered = [
            order[i]
            for i in range(max(first, 0), len(order))
            if sentences[order[i]].sentence.start < q.end
        ]
        target: tuple[int, int] | None = None
        for index in covered:
            found = by_sentence.get(index) or []
            if not found:
                continue
            ps = sentences[index]
            base = ps.sentence.start
            # The reaction whose clause holds the quote, else the nearest cue.
            best = None
            for k, f in enumerate(found):
                span = [base + ps.doc[i].idx for i in f.scope] or [base]
                inside = min(span) <= q.start <= max(span) + 1
                distance = abs(base + ps.doc[f.cue_token].idx - q.start)
                key = (not inside, distance)
                if best is None or key < best[0]:
                    best = (key, k)
            if best is not None:
                target = (index, best[1])
                break
        if target is None and covered and last is not None:
            # A quote of its own right after a quoted reaction: the same speaker goes on,
            # unless its sentence names someone else who brings it in ("President Trump
            # offered his support on Twitter: "..."").
            prev = [i for i in order if i < covered[0]]
            if prev and prev[-1] == last[0] and not _person_subject(sentences[covered[0]], q.start):
                target = last
        if target is not None:
            out[target].append(q.text)
            last = target
            text = parsed.document.text
            for index in covered:
                if index == target[0]:
                    continue
                sent = sentences[index].sentence
                words = " ".join(
                    text[max(a, sent.start) : min(b, sent.end)]
                    for a, b in q.parts
                    if max(a, sent.start) < min(b, sent.end)
                ).strip()
                if words:
                    spread[target][index].append(words)
    return (
        {k: " … ".join(v) for k, v in out.items()},
        {k: {i: " … ".join(w) for i, w in v.items()} for k, v in spread.items()},
    )


def _person_subject(ps: ParsedSentence, before: int) -> bool:
    """Whether the main verb of a sentence has a named person as its subject, before the
    character offset ``before`` (in the document)."""
    base = ps.sentence.start
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and base + c.idx < before
        and any(t.ent_type_ == "PERSON" for t in c.subtree)
        for root in ps.doc
        if root.dep_ == "ROOT"
        for c in root.children
    )


def _continue_quotes(
    by_sentence: dict[int, list[_Found]],
    quote_of: dict[tuple[int, int], str],
    spread: Mapping[tuple[int, int], Mapping[int, str]],
) -> None:
    """A quote that goes on over the next sentences is the speaker's in each of them: every
    sentence of it without a cue of its own gets a reaction of the same speaker, with the
    quote's words in that sentence ("She said: "I came into office..." ... "We delivered..."")."""
    for (index, k), words_in in spread.items():
        first = by_sentence[index][k]
        for sentence, words in sorted(words_in.items()):
            if by_sentence.get(sentence):
                continue  # a cue of its own: its reactions say who speaks there
            by_sentence[sentence] = [
                replace(first, sentence=sentence, cue_token=0, scope=[], negated=False)
            ]
            quote_of[(sentence, 0)] = words


def _combine(
    raw: list[tuple[Side, _Found, str | None]],
    docs: dict[str, ParsedDocument],
    lexicon: Lexicon,
) -> list[Reaction]:
    grouped: dict[tuple[str, Side, int], list[tuple[_Found, str | None]]] = defaultdict(list)
    in_sentence: dict[tuple[Side, int], list[_Found]] = defaultdict(list)
    for side, f, quote in raw:
        grouped[(f.agent.actor, side, f.sentence)].append((f, quote))
        in_sentence[(side, f.sentence)].append(f)
    sentences = {(side, p.sentence.index): p for side, d in docs.items() for p in d.sentences}
    reactions = []
    for (actor, side, index), items in grouped.items():
        ps = sentences[side, index]
        items.sort(key=lambda x: x[0].cue_token)
        polar = [f for f, _ in items if f.cue_stance != "neutral"]
        main = polar[0] if polar else items[0][0]
        quotes = list(dict.fromkeys(q for _, q in items if q))
        quote = " … ".join(quotes) if quotes else None
        others = [f for f in in_sentence[(side, index)] if f.agent.actor != actor]
        stance = _stance(ps, [f for f, _ in items], quote, lexicon, others)
        reactions.append(
            Reaction(
                actor=actor,
                side=side,
                sentence=index,
                cue=main.cue,
                stance=stance,
                quote=quote,
                text=ps.sentence.text,
            )
        )
    return reactions


def _stance(
    ps: ParsedSentence,
    found: list[_Found],
    quote: str | None,
    lexicon: Lexicon,
    others: Sequence[_Found] = (),
) -> Stance:
    """The stance of one actor's reaction in one sentence.

    A cue with a stance of its own decides; else the evaluative words of what the actor
    said: the cue's clause without its narrated setting, and without what another actor
    is reported in it to have said ("Police said protesters condemned the plan" is no
    condemnation by the police), and the words of the quote.
    """
    for f in found:
        if f.cue_stance != "neutral":
            if f.negated:
                return "negative" if f.cue_stance == "positive" else "neutral"
            return f.cue_stance
    skip: set[int] = set()
    for f in found:
        cue = ps.doc[f.cue_token]
        if f.scope and cue.pos_ == "VERB":
            skip |= narration(cue)
        mine = set(f.scope)
        for g in others:
            if g.cue_token in mine and g.cue_token != f.cue_token:
                skip.update([g.cue_token, *g.scope])
    scored = [i for f in found for i in f.scope if i not in skip]
    tokens = [ps.doc[i] for i in dict.fromkeys(scored)]
    if quote is not None:
        # Quote words of this sentence that the cue's clause does not hold, read in the
        # parse like those (lemma, part of speech, negation); the sentences a quote goes on
        # in have reactions (and stances) of their own.
        words = {w.casefold() for w in re.findall(r"\w+", quote)}
        held = set(scored) | skip
        tokens += [t for t in ps.doc if t.i not in held and t.lower_ in words]
    return stance_of_tokens(tokens, [f.cue_token for f in found if f.scope], lexicon)
