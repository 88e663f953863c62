"""Reaction cues: what the parse of one sentence says of who reacted and how, before the
actors of a pair are known (:mod:`parallax.core.reactions` resolves who they are).

A cue is a reporting or reaction verb with its subject, a reaction noun with its owner, or
"according to X" (the module :mod:`parallax.core.reactions` lists them); with it, the noun
phrase that names who reacted, the words of what they said and the cue's own stance. All of
that depends on the sentence alone, so it is read once per sentence and kept on its spaCy
document, which the recogniser reuses for the same text: a story compares each article with
every other one, and a pair is compared again after each correction.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from parallax.core.actors import Lexicon, ParsedSentence
from parallax.core.model import Stance
from parallax.core.quotes import Quote, find_quotes, is_name_quote
from parallax.core.vocabulary import SPEECH_VERBS, STATEMENT_VERBS, dateline_end

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Cue", "SentenceCues", "quoted_spans", "read_cues"]

_RELATIVE: Final = frozenset({"who", "which", "that"})
#: Verbs that report a statement with a cue noun for their object ("issued a statement").
_ISSUING: Final = frozenset({"issue", "release", "publish"})
_LIGHT_OBJECT_DEPS: Final = frozenset({"dobj", "attr", "oprd"})
_SUBJECT_DEPS: Final = frozenset({"nsubj", "csubj"})


#: What "wrote" makes a statement of: "wrote a letter", "wrote the majority opinion"; any
#: other object ("is writing a book") makes it an author's work.
_WRITTEN_STATEMENTS: Final = frozenset(
    "letter post statement email e-mail note memo message column op-ed tweet opinion "
    "dissent editorial essay".split()
)


#: Verbs whose "to" clause is a reaction still to come ("plans to respond to the charges").
_INTENDING: Final = frozenset(
    "plan intend expect hope want aim prepare seek promise schedule".split()
)


def _hypothetical(verb: Token) -> bool:
    """ "how Russia would react", "if China responds", "plans to respond": no reaction has
    happened."""
    for c in verb.children:
        if c.tag_ == "MD" or (
            c.dep_ in ("mark", "advmod") and c.lower_ in ("if", "whether", "how")
        ):
            return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _INTENDING


#: Objects that make a cue verb another verb: "called a vote" or "called a news
#: conference" convenes something, "confirmed the nomination" approves it; neither says
#: anything yet.
_NOT_SAYING_OBJECTS: Final = {
    "call": frozenset(
        "vote election meeting session hearing summit referendum strike halt recess "
        "conference briefing ceasefire truce timeout".split()
    ),
    "confirm": frozenset("nomination nominee appointment appointee".split()),
}


def _another_verb(verb: Token) -> bool:
    """Whether a cue verb is used as another verb: "called a procedural vote", "voted to
    confirm Brett Kavanaugh" (a person confirmed in office), "confirmed the nomination"."""
    if verb.lemma_.lower() in _REMOVING:
        # "Mugabe dismissed him as vice president", "who Mugabe dismissed": a person removed
        # from office, not a claim dismissed
        return any(
            c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or c.lower_ in _PERSONAL_OBJECTS)
            for c in verb.children
        )
    objects = _NOT_SAYING_OBJECTS.get(verb.lemma_.lower())
    if objects is None:
        return False
    for c in verb.children:
        if c.dep_ != "dobj":
            continue
        if c.lemma_.lower() in objects:
            return True
        if verb.lemma_.lower() == "confirm" and c.ent_type_ == "PERSON":
            return True  # a person confirmed in office
    return False


#: Cue verbs that, with a person for object, remove someone from office.
_REMOVING: Final = frozenset({"dismiss", "reject"})
#: Objects that stand for a person: "who Mugabe dismissed", "dismissed him".
_PERSONAL_OBJECTS: Final = frozenset({"who", "whom", "him", "her", "them"})


def _what_was_said(verb: Token, quote_in_sentence: bool) -> bool:
    """ "Here's what the two leaders said": a heading for words that follow elsewhere, no
    reaction of its own (unless a quote in the sentence gives them)."""
    return not quote_in_sentence and any(
        c.dep_ in ("dobj", "nsubj") and c.lower_ == "what" and c.i < verb.i for c in verb.children
    )


def _subject(verb: Token, cues: Mapping[str, Stance]) -> tuple[Token | None, bool]:
    """The subject of a cue verb, climbing to the governing verb when it has none.

    "Kim said X had a friendship, adding that ...": the parser hangs "adding" on "had"; a
    cue verb with no subject, under the reported clause of another cue verb, speaks for
    that verb's subject.

    A dateline the parser took for a subject ("WASHINGTON — The court ruled", "(AP) — Biden
    and Xi vowed") is passed over for the sentence's own subject, or for the name the
    parser set beside the dateline.

    Returns the subject token and whether it is a passive agent ("by X").
    """
    opening = dateline_end(verb.doc.text)
    tok = verb
    for _ in range(4):
        for c in tok.children:
            if c.dep_ in _SUBJECT_DEPS:
                subj = c
                if c.idx < opening:
                    beside = next((g for g in c.children if g.dep_ == "appos"), None)
                    if beside is None or beside.idx < opening:
                        continue
                    subj = beside
                if subj.lower_ in _RELATIVE and tok.dep_ == "relcl":
                    return tok.head, False
                return subj, False
            if c.dep_ == "agent":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj, True
        if any(c.dep_ == "nsubjpass" for c in tok.children) and tok is verb:
            passive = next(c for c in tok.children if c.dep_ == "nsubjpass")
            if verb.lemma_.lower() in ("quote", "cite"):
                return passive, False
            return None, False
        if tok.dep_ in ("conj", "advcl", "xcomp") and tok.head is not tok:
            head = tok.head
            if head.dep_ == "ccomp" and head.head.lemma_.lower() in cues and tok is verb:
                head = head.head
            tok = head
            continue
        break
    return None, False


#: Verbs whose "to say" clause says that nothing was said ("declined to comment").
_WITHHOLDING: Final = frozenset({"decline", "refuse"})
#: Particles that turn a cue verb into another verb ("called off a strike").
_OTHER_VERB_PARTICLES: Final = frozenset({"off"})


def _scope(verb: Token, exclude: Token | None) -> list[int]:
    skip = {t.i for t in exclude.subtree} if exclude is not None else set()
    return [t.i for t in verb.subtree if t.i not in skip]


#: Verbs that are cues only before a colon and a quote ("He continued: "...").
_GOING_ON: Final = frozenset({"continue"})


def _reports_something(verb: Token, quote_in_sentence: bool) -> bool:
    """Whether a speech verb has something reported: a clause, or a quote in its sentence."""
    if any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in verb.children):
        return True
    if verb.dep_ in ("parataxis", "ccomp", "relcl"):
        return True  # "..., he said." hangs "said" on the reported clause
    return quote_in_sentence


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue of one sentence as its parse gives it, before who reacted is resolved."""

    token: int  # token index of the cue
    source: int  # token index of the noun phrase of who reacted (subject, owner, "to X")
    cue: str
    stance: Stance
    scope: tuple[int, ...]  # token indexes of what was said
    negated: bool = False


@dataclass(frozen=True, slots=True)
class SentenceCues:
    """What the reaction finder reads from one sentence's parse alone: the same wherever the
    sentence stands, so it is kept on the sentence's spaCy document (see :func:`read_cues`)."""

    #: In token order: the offset (in the sentence) of a subject of a verb, which may be a
    #: person that "he" or "she" later in the sentence stands for, or a cue.
    steps: tuple[int | Cue, ...]
    #: The offsets of every nominal subject (the last person among them is salient).
    subjects: tuple[int, ...]


#: Where a sentence's cues are kept on its spaCy document.
_KEPT: Final = "parallax.cues"


def read_cues(
    ps: ParsedSentence, lexicon: Lexicon, quoted: Sequence[tuple[int, int]]
) -> SentenceCues:
    """The cues of a sentence, read from its parse once: an article is compared with every
    other article of a story, and a pair again after each correction, while who a cue's
    words stand for depends on the actors of the pair (:mod:`parallax.core.reactions`
    resolves them).

    They are kept on the sentence's spaCy document, which the recogniser reuses for the same
    text, with the lexicon and the characters of the sentence inside quotes that they were
    read with: the same sentence may stand inside a quote in one article and not in another.
    """
    start = ps.sentence.start
    end = start + len(ps.sentence.text)
    held = frozenset(
        i - start
        for a, b in quoted[: bisect.bisect_left(quoted, (end,))]
        if b > start
        for i in range(max(a, start), min(b, end))
    )
    kept = ps.doc.user_data.get(_KEPT)
    if kept is None or kept[0] is not lexicon or kept[1] != held:  # the lexicon held
        kept = ps.doc.user_data[_KEPT] = (lexicon, held, _read_cues(ps.doc, lexicon, held))
    cues: SentenceCues = kept[2]
    return cues


def _read_cues(doc: Doc, lexicon: Lexicon, quoted: frozenset[int]) -> SentenceCues:
    """The cues of a parsed sentence whose characters ``quoted`` are inside quotes."""
    steps: list[int | Cue] = []
    subjects: list[int] = []
    quote_in_sentence = bool(quoted) and any(t.idx in quoted for t in doc)
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.dep_ == "nsubj" and tok.idx not in quoted:
            # (a subject inside a quote is the speaker's words: in "'It was time for Cuomo
            # to resign,' he said", "he" is not Cuomo)
            subjects.append(tok.idx)
            if tok.head.pos_ in ("VERB", "AUX"):
                steps.append(tok.idx)
        # 1. A cue verb and its subject ("issued a statement": a verb of issuing with a
        # cue noun for its object is one).
        issued = (
            lemma in _ISSUING
            and lemma not in lexicon.verb_cues
            and next(
                (
                    c
                    for c in tok.children
                    if c.dep_ == "dobj" and c.lemma_.lower() in lexicon.noun_cues
                ),
                None,
            )
        )
        # "He continued: "I will speak ..."": a verb that says someone goes on speaking
        # only when a colon brings in a quote.
        colon = (
            lemma in _GOING_ON
            and quote_in_sentence
            and tok.i + 1 < len(doc)
            and doc[tok.i + 1].text == ":"
        )
        if (
            tok.pos_ == "VERB"
            and (lemma in lexicon.verb_cues or issued or colon)
            and tok.dep_ not in ("amod", "acl")
        ):
            if tok.idx in quoted:
                continue  # a verb inside someone else's quote is what they said
            withheld = tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _WITHHOLDING
            if (
                lemma in SPEECH_VERBS
                and lemma not in STATEMENT_VERBS
                and not withheld
                and not _reports_something(tok, quote_in_sentence)
            ):
                continue  # "Kallis and McKenzie added 72 runs"
            if any(c.dep_ == "prt" and c.lower_ in _OTHER_VERB_PARTICLES for c in tok.children):
                continue  # "called off a strike": another verb
            if _another_verb(tok) or _what_was_said(tok, quote_in_sentence):
                continue
            if tok.tag_ == "VBN" and tok.dep_ == "advcl":
                continue  # "Asked about the reports, the spokesman said": what was put to them
            if lemma == "write" and any(
                c.dep_ == "dobj" and c.lemma_.lower() not in _WRITTEN_STATEMENTS
                for c in tok.children
            ):
                continue  # "a professor who is writing a book": an author at work
            subj, _ = _subject(tok, lexicon.verb_cues)
            if subj is None or _hypothetical(tok):
                continue
            if issued:
                cue, stance = f"{tok.text} {issued.text}", lexicon.noun_cues[issued.lemma_.lower()]
            else:
                cue, stance = tok.text, lexicon.verb_cues.get(lemma, "neutral")
            if withheld:  # "declined to comment": a reaction, but no statement
                cue = f"{tok.head.text} to {tok.text}"
            obj = next(
                (
                    c
                    for c in tok.children
                    if c.dep_ in _LIGHT_OBJECT_DEPS and c.lemma_.lower() in lexicon.noun_cues
                ),
                None,
            )
            if obj is not None and not issued:
                cue = f"{tok.text} {obj.text}"
                if stance == "neutral":
                    stance = lexicon.noun_cues[obj.lemma_.lower()]
            negated = any(c.dep_ == "neg" for c in tok.children)
            if negated:  # "did not welcome"
                neg_aux = [c.i for c in tok.children if c.dep_ in ("neg", "aux") and c.i < tok.i]
                first = min(neg_aux, default=tok.i)
                cue = doc[first : tok.i].text + " " + cue
            scope = _scope(tok, subj)
            if withheld:
                stance, scope = "neutral", []  # "refused to criticise": said nothing
            steps.append(Cue(tok.i, subj.i, cue, stance, tuple(scope), negated))
            continue
        # 2. A reaction noun with its owner: "China's reaction has been muted".
        if (
            tok.pos_ == "NOUN"
            and lemma in lexicon.alone_nouns
            and tok.dep_ not in ("attr", "acomp")
        ):
            # ("the key is Israel's reaction" speaks of a reaction to come)
            if tok.head.lemma_.lower() in lexicon.verb_cues and tok.dep_ in _LIGHT_OBJECT_DEPS:
                continue  # "expressed regret": the verb's cue
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            if owner is None:
                of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                owner = next((g for g in of.children if g.dep_ == "pobj"), None) if of else None
            if owner is None:
                continue
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i > tok.i:
                cue = doc[tok.i : tok.head.i + 1].text
                scope = [t.i for t in tok.head.subtree]
            else:
                mods = [c for c in tok.lefts if c.dep_ == "amod"]
                cue = doc[mods[0].i if mods else tok.i : tok.i + 1].text
                scope = [t.i for t in tok.subtree]
            steps.append(Cue(tok.i, owner.i, cue, lexicon.noun_cues[lemma], tuple(scope)))
            continue
        # 3. "according to X", "as per X".
        if tok.lower_ in ("according", "per"):
            if tok.lower_ == "per" and (tok.i == 0 or doc[tok.i - 1].lower_ != "as"):
                continue
            prep = next((c for c in tok.children if c.lower_ == "to"), tok)
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            cue = "according to" if tok.lower_ == "according" else "as per"
            inner = {x.i for x in tok.subtree}
            scope = [t.i for t in tok.head.subtree if t.i not in inner]
            steps.append(Cue(tok.i, pobj.i, cue, "neutral", tuple(scope)))
    return SentenceCues(tuple(steps), tuple(subjects))


@functools.lru_cache(maxsize=64)
def quoted_spans(text: str) -> tuple[tuple[Quote, ...], tuple[tuple[int, int], ...]]:
    """The quotes of an article that are not names, and the spans of text inside them, in
    order (kept for the articles seen last: a story compares each article with every other)."""
    quotes = tuple(q for q in find_quotes(text) if not is_name_quote(q))
    return quotes, tuple(sorted(part for q in quotes for part in q.parts))
