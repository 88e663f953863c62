"""Shortcuts through spaCy's pipeline: the same analysis of every sentence, sooner.

The small English model spends most of its time in three places that give no different
answer when done another way, so :func:`load` loads it with these changed:

- **Matrix products.** thinc multiplies with BLIS, and the BLIS of the ``blis`` wheels is
  built for no CPU in particular: on the machines measured it runs the model's products
  at a third of the speed of NumPy's own BLAS (OpenBLAS), and they are most of the
  model's time. The layers multiply with NumPy instead (:func:`_multiply_with_numpy`).
- **The lemmatizer's word lists.** It asks whether a word is a known lemma with ``in``, of
  lists of up to 57,528 words: a third of a millisecond for every word it has not
  lemmatised before in this process, and a long article has thousands. The lists become
  sets (:func:`_index_lemmas_as_sets`).
- **The attribute ruler.** It runs spaCy's rule matcher, with its 179 rules, over every
  token of every sentence to set the coarse part of speech, the morphology and some
  lemmas. Which one-token rules match a token depends only on the few attributes the rules
  read (its lower-case form, tag, dependency label, whether it is a space), so the rules
  that matched a token with the same attributes before are reused, and the matcher runs
  only for the rules of several tokens (:class:`_RememberedRules`).

- **The tokenizer, built twice.** Loading first builds a tokenizer from spaCy's English
  defaults (2,694 special cases), then the model's own replaces every rule and pattern of it
  (``Tokenizer.from_bytes`` resets them all, and the model's file has them all): the first
  one is built empty (:func:`_unfilled_tokenizer`), a fifth of the loading time.

None of this changes a tag, a lemma, a dependency or an entity: the analyses were compared
with the stock pipeline's on the 21,217 sentences of CoNLL-2003 and the benchmark's news,
and ``tests/core/actors/test_shortcuts.py`` compares them on every run.
``tests/bench/bench_actors.py`` measures the time saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import Matcher
    from spacy.pipeline import AttributeRuler
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc

__all__ = ["load"]

#: Attributes a one-token rule may read for its matches to be remembered: those a Doc
#: gives for all its tokens at once (``Doc.to_array``) with the values the matcher reads.
_REMEMBERED_ATTRS: Final = frozenset(
    {"ORTH", "LOWER", "NORM", "SHAPE", "PREFIX", "SUFFIX", "TAG", "POS", "MORPH", "LEMMA",
     "DEP", "ENT_TYPE", "ENT_IOB", "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER",
     "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE", "IS_STOP", "LIKE_NUM", "LIKE_URL",
     "LIKE_EMAIL", "LENGTH"}
)  # fmt: skip
#: Kinds of token remembered at most (about 200 bytes each; two 2,000-sentence articles have
#: 15,000); beyond, the memory starts anew.
_REMEMBERED_MAX: Final = 50_000


#: The registered name of :func:`_unfilled_tokenizer`.
_UNFILLED_TOKENIZER: Final = "parallax.unfilled_tokenizer.v1"


def load(model: str) -> Language:
    """Load a spaCy pipeline package with the shortcuts of this module."""
    import spacy
    from spacy.util import registry

    registry.tokenizers.register(_UNFILLED_TOKENIZER, func=_unfilled_tokenizer)
    nlp = spacy.load(model, config={"nlp": {"tokenizer": {"@tokenizers": _UNFILLED_TOKENIZER}}})
    _multiply_with_numpy(nlp)
    _index_lemmas_as_sets(nlp)
    _remember_attribute_rules(nlp)
    return nlp


def _unfilled_tokenizer() -> Callable[[Language], Tokenizer]:
    """A tokenizer with no rules yet, for a pipeline whose saved tokenizer then fills it."""
    from spacy.tokenizer import Tokenizer

    def create(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return create


def _multiply_with_numpy(nlp: Language) -> None:
    """Make the pipeline's layers multiply matrices with NumPy rather than BLIS.

    Only layers on thinc's default CPU backend change; others (thinc-apple-ops, a GPU) are
    left as they are. The parser's and the entity recogniser's step-by-step loop (small
    products, one step at a time) calls BLIS through thinc's C interface, unchanged.
    """
    from thinc.api import Model, NumpyOps

    numpy_ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if not isinstance(model, Model):
            continue
        for layer in model.walk():
            if type(layer.ops) is NumpyOps and getattr(layer.ops, "use_blis", False):
                layer.ops = numpy_ops


def _index_lemmas_as_sets(nlp: Language) -> None:
    """Make the rule lemmatizer's lists of known lemmas sets (``in`` answers the same)."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for pos, words in list(table.items()):
        if isinstance(words, list):
            table[pos] = frozenset(words)


def _remember_attribute_rules(nlp: Language) -> None:
    """Let the attribute ruler reuse what its one-token rules matched (when it can)."""
    from spacy.pipeline import AttributeRuler

    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        return
    remembered = _RememberedRules.build(ruler)
    if remembered is not None:
        ruler.match = remembered  # type: ignore[method-assign]


class _RememberedRules:
    """The attribute ruler's ``match``, with what its one-token rules matched remembered.

    :meth:`spacy.pipeline.AttributeRuler.match` returns every ``(rule, match key, start,
    end)`` of the ruler's matcher, sorted, and ``set_annotations`` applies them in that
    order. This gives the same list: the rules of one token are split from the others, and
    what they matched is kept by the values of the attributes they read, so a token whose
    attributes were seen before costs a dictionary look-up; the matcher runs on a token
    only the first time, and on the whole sentence only for the rules of several tokens.
    """

    def __init__(
        self, single: Matcher, multi: Matcher, attrs: list[int], rule_of: dict[int, int]
    ) -> None:
        self._single = single
        self._multi = multi
        self._attrs: list[int | str] = list(attrs)
        self._rule_of = rule_of  # match key -> rule (attribute) id, as the ruler numbers them
        self._seen: dict[tuple[int, ...], tuple[tuple[int, int], ...]] = {}
        self._hits: dict[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]] = {}

    @classmethod
    def build(cls, ruler: AttributeRuler) -> _RememberedRules | None:
        """The remembering matcher for ``ruler``, or None when a rule reads something that
        cannot be remembered this way (the ruler then stays as it is)."""
        from spacy.attrs import IDS
        from spacy.matcher import Matcher

        vocab = ruler.vocab
        single, multi = Matcher(vocab), Matcher(vocab)
        read: set[str] = set()
        rule_of: dict[int, int] = {}
        for rule in range(len(ruler.attrs)):
            key = str(rule)  # how AttributeRuler.add names its rules
            if key not in ruler.matcher:
                continue
            rule_of[vocab.strings.add(key)] = rule
            _, patterns = ruler.matcher.get(key)
            for pattern in patterns:
                if len(pattern) == 1 and "OP" not in pattern[0]:
                    names = {str(name).upper() for name in pattern[0]}
                    if not names <= _REMEMBERED_ATTRS:
                        return None
                    read |= names
                    single.add(key, [pattern])
                else:
                    multi.add(key, [pattern])
        if len(rule_of) != len(ruler.matcher):
            return None  # rules the ruler did not add itself
        return cls(single, multi, [IDS[name] for name in sorted(read)], rule_of)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        seen = self._seen
        if len(seen) > _REMEMBERED_MAX:
            seen.clear()
            self._hits.clear()
        matches: list[tuple[int, int, int, int]] = []
        rows: list[Any] = doc.to_array(self._attrs).tolist() if self._attrs and len(doc) else []
        for i, row in enumerate(rows):
            values = tuple(row) if isinstance(row, list) else (row,)
            hits = seen.get(values)
            if hits is None:
                found = self._single(doc[i : i + 1], allow_missing=True)
                hits = tuple(sorted({(self._rule_of[k], k) for k, _, _ in found}))
                hits = seen[values] = self._hits.setdefault(hits, hits)  # one copy of each
            matches.extend((rule, key, i, i + 1) for rule, key in hits)
        if not self._attrs:  # no one-token rule reads anything: run them as they are
            found = self._single(doc, allow_missing=True)
            matches.extend((self._rule_of[k], k, s, e) for k, s, e in found)
        found = self._multi(doc, allow_missing=True)
        matches.extend((self._rule_of[k], k, s, e) for k, s, e in found)
        matches.sort()
        return matches
