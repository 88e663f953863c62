"""The stance of what an actor said, read from the evaluative words of its parse.

:mod:`parallax.core.reactions` finds who reacted and which words are theirs (the cue's
clause, the quote); this module says whether those words criticise, praise or only state:

- evaluative words and phrases count, Parallax's own list (``data/lexicons/stance.tsv``:
  "unacceptable", "baseless", "a witch hunt", "a step in the right direction", "declared
  victory", "we stand with", "without merit") first, then VADER's adjectives and adverbs
  (:mod:`parallax.core.sentiment`);
- a negation turns the words of its own clause ("not a good idea"; "not true" is a denial);
- a statement that is itself an act decides ("Congratulations to ...", "Condolences to
  ..."); an obligation not met is a reproach ("should have acted sooner"), and so are a
  demand that something end ("this violence must stop", "called on them to end the
  blockade"), a wish that things were otherwise ("wished the council had listened"), a
  question of reproach ("How could they let this happen?"); a forecast of more dead is
  alarm ("the toll could climb overnight");
- the speaker's own attitude counts in its verbs ("I hope the talks succeed", "we trust",
  "we wept"), not in a plan ("hoped to pass the bill by Friday");
- a reaction that something met or caused is others' ("faced criticism", "sparked
  outrage"), not the speaker's;
- words that only grade, classify or describe judge nothing: "badly damaged", "serious
  injuries", "a great loss", "significant damage", "relief supplies", "the historic town
  centre", "tested positive"; so a factual statement about deaths, a fire or a crash is
  neutral.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Final

from parallax.core.actors import Lexicon
from parallax.core.model import Stance
from parallax.core.sentiment import valence, valence_sign

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["narration", "stance_of_tokens", "stance_of_words"]

_NEGATIONS: Final = frozenset({"not", "no", "never", "n't", "without", "nor"})

#: Words a negation ranges over to say "more than ever": "never seen anything so bad", "no
#: one more deserving", where the evaluation stands.
_ANY_AT_ALL: Final = frozenset({"anything", "anyone", "anybody", "one"})

_SIGN: Final[dict[Stance, int]] = {"positive": 1, "negative": -1, "neutral": 0}


#: Dependents that belong to their head's clause, so that a negation of the head is theirs
#: too ("is not good", "did not go well"); a clause of its own ("Although she criticised the
#: plan, she does not want ...") keeps its own polarity.
_CLAUSE_DEPS: Final = frozenset({"acomp", "attr", "oprd", "dobj", "xcomp", "advmod", "npadvmod"})


def _has_negation(tok: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in _NEGATIONS for c in tok.children)


def _negated(tok: Token) -> bool:
    """Whether a word is negated in its clause: "not good", "no good reason", "was not a
    good idea", "did not go well"."""
    if _has_negation(tok):
        return True
    head = tok.head
    if head is tok:
        return False
    if tok.dep_ == "amod":  # "no good reason", "not a good idea"
        if _has_negation(head):
            return True
        if head.lower_ in _ANY_AT_ALL:
            return False  # "never seen anything so devastating": more than ever, not less
        tok, head = head, head.head
        if head is tok:
            return False
    return (
        tok.dep_ in _CLAUSE_DEPS
        and head.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "neg" for c in head.children)
    )


def stance_of_words(words: Iterable[str], lexicon: Lexicon) -> Stance:
    """The stance of plain words (e.g. a quote) by the evaluative words among them."""
    score = sum(_SIGN[lexicon.stance_words.get(w.casefold(), "neutral")] for w in words)
    return "positive" if score > 0 else "negative" if score < 0 else "neutral"


#: Parts of speech whose words of VADER's lexicon judge rather than describe: "a reckless
#: decision", "badly"; its nouns and verbs in news mostly name what happened (security,
#: weapons, collapse, support), which the cue and Parallax's own list judge instead.
_JUDGING_POS: Final = frozenset({"ADJ", "ADV", "INTJ"})


#: Words that assert the truth of what they qualify: affirming judges nothing ("it is true
#: that"), denying is a denial ("the reports are not true").
_TRUTH: Final = frozenset({"true", "accurate", "correct", "truthful"})

#: Adjectives of degree: before a noun they grade it ("a great loss", "serious injuries",
#: "gross contamination"), so that the noun, not they, says whether it is judged.
_DEGREE: Final = frozenset(
    """big considerable critical deep enormous extensive extreme grave great greater greatest
    gross heavy high huge immense major massive serious severe significant substantial
    tremendous vast""".split()
)

#: Adverbs of degree: they grade the word they modify ("badly damaged", "terribly wrong",
#: "desperately needed"); sentence adverbs that judge ("sadly", "thankfully") are not here.
_DEGREE_ADVERBS: Final = frozenset(
    """awfully badly critically dearly deeply desperately extremely gravely greatly heavily
    highly horribly hugely incredibly seriously severely sorely terribly""".split()
)

#: Nouns of a patient's state: "in serious condition", "grave injuries" report it.
_HEALTH: Final = frozenset({"burn", "condition", "illness", "injury", "wound"})

#: Nouns of places and buildings: "historic" before them means old ("the historic town
#: centre"), not a landmark event ("a historic agreement").
_PLACES: Final = frozenset(
    """building bridge castle cathedral centre center church city district downtown home
    hotel house landmark monument mosque neighborhood neighbourhood palace port quarter
    site square street synagogue temple theater theatre town village""".split()
)


#: Words that judge only before a noun: "a failed policy", but "the brakes failed".
_ATTRIBUTIVE: Final[dict[str, int]] = {"failed": -1, "failing": -1}


def _word_stance(tok: Token, lexicon: Lexicon) -> int:
    """A word's own sign (own list first, then VADER's adjectives and adverbs), 0 for none."""
    own = lexicon.stance_words.get(tok.lower_) or lexicon.stance_words.get(tok.lemma_.lower())
    if own is not None:
        return _SIGN[own]
    if tok.dep_ == "amod" and tok.lower_ in _ATTRIBUTIVE:
        return _ATTRIBUTIVE[tok.lower_]
    if tok.pos_ in _JUDGING_POS:
        return valence_sign(tok.lower_) or valence_sign(tok.lemma_.lower())
    return 0


def _bad_thing(noun: Token, lexicon: Lexicon) -> bool:
    """Whether a noun names something bad, judged or only described (loss, damage, threat)."""
    words = (noun.lower_, noun.lemma_.lower())
    return any(lexicon.stance_words.get(w) == "negative" or valence(w) < 0 for w in words)


#: Verbs whose object is a reaction of others that something met or caused: "faced
#: criticism", "expected to hear criticism", "sparked outrage", "drew praise".
_MET_OR_CAUSED: Final = frozenset(
    """attract cause draw earn face fuel hear ignite invite meet prompt provoke receive spark
    trigger win""".split()
)

#: Nouns of a reaction beyond the reaction nouns of the cue list.
_REACTION_NOUNS: Final = frozenset({"outrage", "fury", "backlash", "acclaim", "applause"})


def _others_reaction(tok: Token, lexicon: Lexicon) -> bool:
    """Whether a noun names a reaction of others that its verb says was met or caused ("the
    plan faced criticism", "sparked outrage"), not the speaker's own ("the strongest
    condemnation"); a bad state faced is the speaker's alarm ("our markets face
    great instability")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or not (lemma in lexicon.noun_cues or lemma in _REACTION_NOUNS):
        return False
    while tok.dep_ in ("dobj", "pobj", "prep", "conj") and tok.head is not tok:
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok.lemma_.lower() in _MET_OR_CAUSED
    return False


def _only_qualifies(tok: Token, sign: int, lexicon: Lexicon) -> bool:
    """Whether an evaluative word here grades, classifies or describes another word rather
    than judging: "badly damaged", "best known" (an adverb of degree), "a great loss",
    "significant damage", "a fiery crash" (an adjective before a bad thing that it does not
    condemn), "relief aid" (a noun that names a kind), "the historic town", "tested
    positive"."""
    head = tok.head
    if head is tok:
        return False
    if tok.dep_ == "compound" and head.pos_ in ("NOUN", "PROPN"):
        return True
    if tok.pos_ == "ADV" and tok.dep_ == "advmod":
        # "best known", "better prepared": a participle graded, not praised
        return tok.lower_ in _DEGREE_ADVERBS or (
            tok.lower_ in ("best", "better") and head.tag_ == "VBN"
        )
    if tok.dep_ == "amod" and head.pos_ in ("NOUN", "PROPN"):
        if tok.lemma_.lower() == "historic" and head.lemma_.lower() in _PLACES:
            return True
        degree = tok.lower_ in _DEGREE or tok.lemma_.lower() in _DEGREE
        if degree and head.lemma_.lower() in _HEALTH:
            return True
        return (degree or sign > 0) and _bad_thing(head, lexicon)
    return head.lemma_.lower() == "test"  # "tested positive"


#: Each lexicon's phrases by their first word, made once per lexicon (see :func:`_phrases`).
_PHRASES: dict[int, tuple[Mapping[str, Stance], dict[str, list[tuple[tuple[str, ...], int]]]]] = {}


def _phrases(lexicon: Lexicon) -> dict[str, list[tuple[tuple[str, ...], int]]]:
    """The evaluative phrases of the own list ("witch hunt", "a step in the right
    direction"), as the words spaCy splits them into, with their sign, by first word."""
    words = lexicon.stance_words
    cached = _PHRASES.get(id(words))
    if cached is not None and cached[0] is words:
        return cached[1]
    index: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for key, stance in words.items():
        if not key.isalnum():
            split = tuple(re.findall(r"\w+|[^\w\s]", key))
            if split:
                index.setdefault(split[0], []).append((split, _SIGN[stance]))
    _PHRASES[id(words)] = (words, index)
    return index


def _phrase_score(tokens: Sequence[Token], lexicon: Lexicon) -> tuple[int, set[int]]:
    """The sum of the evaluative phrases among these tokens (a word of a phrase may be its
    lemma: "crossed a red line"), and the indexes of the tokens they cover; a phrase with a
    negated word counts the other way ("is no step forward")."""
    if not tokens:
        return 0, set()
    doc = tokens[0].doc
    forms = {t.i: (t.lower_, t.lemma_.lower()) for t in tokens}
    index = _phrases(lexicon)
    score, used = 0, set[int]()
    for start in sorted(forms):
        first = forms[start]
        found = index.get(first[0], [])
        if first[1] != first[0]:
            found = found + index.get(first[1], [])
        for words, sign in found:
            span = range(start, start + len(words))
            if not all(j in forms and words[k] in forms[j] for k, j in enumerate(span)):
                continue
            used.update(span)
            score += -sign if any(_negated(doc[j]) for j in span) else sign
    return score, used


def _reproach(tok: Token) -> bool:
    """ "should have acted", "ought to have known", "should not have been allowed": an
    obligation that was not met is a reproach (unlike "could have started", a guess)."""
    head = tok.head
    return (
        tok.lower_ in ("should", "ought")
        and tok.dep_ == "aux"
        and head.tag_ == "VBN"
        and any(c.dep_ == "aux" and c.lower_ == "have" for c in head.children)
    )


#: Verbs of the speaker's own attitude, counted as verbs only: "I hope the talks succeed",
#: "we trust", "we wept" (as nouns they may report others: "hopes faded", "public trust");
#: "hoped to have the bill passed by Friday" states a plan, not hope.
_ATTITUDE_VERBS: Final[dict[str, int]] = {"hope": 1, "trust": 1, "cry": -1, "weep": -1}


def _attitude(tok: Token) -> int:
    sign = _ATTITUDE_VERBS.get(tok.lemma_.lower(), 0) if tok.pos_ == "VERB" else 0
    if not sign or any(c.dep_ == "xcomp" for c in tok.children):
        return 0
    return -sign if _negated(tok) else sign


#: Verbs of bringing something to an end: a demand that it end condemns it.
_CEASE: Final = frozenset({"stop", "end", "cease", "halt"})

#: Verbs that govern a demand ("has to stop", "needs to end", "we have to stop this",
#: "called on the government to end ...", "urged them to halt ...").
_DEMANDING: Final = frozenset({"have", "need", "let", "call", "urge", "demand", "ask"})


def _demand_to_end(tok: Token) -> bool:
    """ "must stop", "has to end", "we have to stop this", "called on X to halt the
    strikes": a demand that something end is criticism of it (unlike "will end on Friday",
    a fact)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in _CEASE or _has_negation(tok):
        return False
    if any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in tok.children):
        return True
    head = tok.head
    return (
        head is not tok
        and tok.dep_ in ("xcomp", "ccomp")
        and head.lemma_.lower() in _DEMANDING
        and not _has_negation(head)
    )


def _counterfactual_wish(tok: Token) -> bool:
    """ "wished the council had listened", "I wish we had acted": a wish that things
    were otherwise is a complaint (unlike "we wish him well")."""
    return tok.lemma_.lower() == "wish" and any(
        c.dep_ == "ccomp"
        and (c.tag_ in ("VBD", "VBN") or any(a.lower_ in ("had", "were") for a in c.children))
        for c in tok.children
    )


#: A toll of the dead or hurt, the words of its growth, and the words that make it a forecast.
_TOLLS: Final = frozenset({"toll", "casualty", "casualties"})
_GROWTH: Final = frozenset({"rise", "climb", "increase", "grow", "mount", "high", "higher"})
_FORECAST: Final = frozenset(
    "will would could may might likely expected probably feared set".split()
)


def _grim_forecast(tok: Token) -> bool:
    """ "the toll could climb overnight", "the toll will rise": foreseeing more
    dead is alarm, while "the death toll rose to 288" reports a fact."""
    head = tok.head
    if tok.lemma_.lower() not in _TOLLS or not tok.dep_.startswith("nsubj") or head is tok:
        return False
    around = [t for t in head.subtree if t.i not in {s.i for s in tok.subtree}]
    return any(t.lemma_.lower() in _GROWTH for t in around) and any(
        t.lower_ in _FORECAST for t in around
    )


def _rhetorical_question(tok: Token) -> bool:
    """ "How could they let this happen?", "Why did nobody warn the families?": a direct
    question of reproach is criticism (unlike "How do we rebuild?", or a reported "asked
    why ...")."""
    head = tok.head
    if tok.tag_ != "WRB" or tok.lower_ not in ("how", "why") or head is tok:
        return False
    asked = any(c.lower_ == "?" for c in head.children) or (
        head.right_edge.i + 1 < len(tok.doc) and tok.doc[head.right_edge.i + 1].lower_ == "?"
    )
    auxes = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass") and c.i > tok.i}
    reproach = {"could", "can", "dare", "would"} if tok.lower_ == "how" else auxes
    return asked and bool(auxes & reproach)


def _construction(tok: Token) -> int:
    """The sign of a construction that judges whatever its words: a reproach, a demand that
    something end, a wish that things were otherwise, a grim forecast, a question of
    reproach."""
    if (
        _reproach(tok)
        or _demand_to_end(tok)
        or _counterfactual_wish(tok)
        or _grim_forecast(tok)
        or _rhetorical_question(tok)
    ):
        return -1
    return 0


def _word_score(tok: Token, lexicon: Lexicon) -> int:
    construction = _construction(tok)
    if construction:
        return construction
    attitude = _attitude(tok)
    if attitude:
        return attitude
    if tok.lower_ in _TRUTH:
        return -1 if _negated(tok) else 0
    sign = _word_stance(tok, lexicon)
    if not sign or _only_qualifies(tok, sign, lexicon) or _others_reaction(tok, lexicon):
        return 0
    return -sign if _negated(tok) else sign


#: How the main word of what was said hangs on the cue verb ("“Congratulations to ...,” she
#: said"), or on nothing (a quote of its own).
_REPORTED_DEPS: Final = frozenset({"ROOT", "ccomp", "dep", "parataxis"})


def _performative(tokens: Iterable[Token], cues: set[int], lexicon: Lexicon) -> Stance | None:
    """The stance of a statement whose main word is itself a reaction ("Congratulations to
    ...", "Thanks to everyone who ...", "Condolences to the families"): the act it performs
    decides, whatever the rest goes on to say about others."""
    for tok in tokens:
        main = tok.dep_ == "ROOT" or (tok.dep_ in _REPORTED_DEPS and tok.head.i in cues)
        if main and tok.pos_ == "NOUN":
            stance = lexicon.noun_cues.get(tok.lemma_.lower(), "neutral")
            if stance != "neutral" and not _negated(tok):
                return stance
    return None


#: Where the stances read in a sentence are kept on its spaCy document.
_KEPT: Final = "parallax.stances"
#: Stances kept per sentence (a few reactions, each of a few actors, read in every pair
#: of a story the sentence is in); more and they are read afresh.
_KEPT_PER_SENTENCE: Final = 32


def stance_of_tokens(tokens: Sequence[Token], cues: Iterable[int], lexicon: Lexicon) -> Stance:
    """The stance of the words an actor said, given as tokens of one parsed sentence.

    A sentence's stances are kept on its spaCy document, which the recogniser reuses for
    the same text: a story reads the same reaction in every pair its article is in.

    Args:
        tokens: The words (the cue's clause, the quote), in any order, each once.
        cues: Token indexes of the cue verbs that report them ("said"), whose reported
            clause may be an act of its own ("“Congratulations ...,” she said").
        lexicon: Parallax's word lists (stance words and phrases, reaction nouns).
    """
    cue_set = set(cues)
    if not tokens:
        return _stance_of_tokens(tokens, cue_set, lexicon)
    user_data = tokens[0].doc.user_data
    kept = user_data.get(_KEPT)
    if kept is None or kept[0] is not lexicon:  # the lexicon held, so never another's id
        kept = user_data[_KEPT] = (lexicon, {})
    stances: dict[tuple[tuple[int, ...], frozenset[int]], Stance] = kept[1]
    key = (tuple(t.i for t in tokens), frozenset(cue_set))
    stance = stances.get(key)
    if stance is None:
        stance = _stance_of_tokens(tokens, cue_set, lexicon)
        if len(stances) >= _KEPT_PER_SENTENCE:
            stances.clear()
        stances[key] = stance
    return stance


def _stance_of_tokens(tokens: Sequence[Token], cues: set[int], lexicon: Lexicon) -> Stance:
    performed = _performative(tokens, cues, lexicon)
    if performed is not None:
        return performed
    score, in_phrases = _phrase_score(tokens, lexicon)
    score += sum(_word_score(t, lexicon) for t in tokens if t.i not in in_phrases)
    return "positive" if score > 0 else "negative" if score < 0 else "neutral"


#: Prepositions that set the scene of a statement ("said at a press conference", "told the
#: panel during the hearing", "wrote on Sunday"): the writer's narration, not what was said.
_SETTING_PREPOSITIONS: Final = frozenset(
    "after ahead amid at before during following in on since via while".split()
)


def narration(cue: Token) -> set[int]:
    """The words around a cue verb that narrate rather than report: its adverbial clauses
    ("..., McCarthy said, alternating between upbeat and angry remarks"; a cue among them,
    "adding that ...", is a reaction of its own), times and scenes ("said Tuesday at a
    news conference")."""
    out: set[int] = set()
    for c in cue.children:
        if c.dep_ in ("advcl", "npadvmod") or (
            c.dep_ == "prep" and c.lower_ in _SETTING_PREPOSITIONS
        ):
            out.update(t.i for t in c.subtree)
    return out
