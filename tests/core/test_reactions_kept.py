"""What the reaction finder keeps of an article between comparisons (a story compares each
article with every other one): the same reactions whether it is read afresh or kept."""

from __future__ import annotations

from parallax.core import actors as A
from parallax.core import cues as C
from parallax.core import stance as S
from parallax.core.ingest import read_text
from parallax.core.model import Comparison
from parallax.core.pipeline import compare, prepare
from parallax.core.quotes import find_quotes, is_name_quote

EVENT = (
    "Protesters blocked the port of Lisbon on Monday.\n\n"
    'Prime Minister Luis Montenegro said the blockade was "unacceptable and reckless".\n\n'
    "The union said it welcomed the talks, according to Reuters. Police said the protesters "
    "condemned the plan. Portugal's reaction has been muted. She did not welcome the move."
)
OTHER = (
    "Ships waited outside the port of Lisbon.\n\n"
    "Montenegro criticized the union, while the company thanked the police."
)
THIRD = "A storm closed the port of Lisbon.\n\nThe mayor said the city would help the workers."


def run(recognizer: A.Recognizer, left: str, right: str) -> Comparison:
    return compare(read_text(left, name="l"), read_text(right, name="r"), recognizer=recognizer)


def test_an_article_compared_again_has_the_same_reactions(recognizer: A.Recognizer) -> None:
    """A story compares one article in several pairs: what is kept of it from the first pair
    gives the reactions a fresh reading gives, on either side."""
    recognizer.forget()
    first = run(recognizer, EVENT, OTHER)
    in_story = [run(recognizer, EVENT, THIRD), run(recognizer, THIRD, EVENT)]
    again = run(recognizer, EVENT, OTHER)
    assert first.reactions and again.to_dict() == first.to_dict()
    recognizer.forget()  # the parses, and all that was kept on them, gone
    assert run(recognizer, EVENT, THIRD).to_dict() == in_story[0].to_dict()
    assert run(recognizer, THIRD, EVENT).to_dict() == in_story[1].to_dict()


def test_a_sentence_is_read_for_cues_once(recognizer: A.Recognizer) -> None:
    """The cues of a sentence are kept on its parse, wherever it stands, and read again only
    where the sentence stands inside a quote (someone else's words) and did not before."""
    said = "The minister said the port would reopen."
    left = prepare(read_text(f"Ships waited. {said}", name="a"))
    right = prepare(read_text(f"{said} Ships left.", name="b"))
    lex = recognizer.lexicon
    pl, pr = recognizer.parse(left, "left"), recognizer.parse(right, "right")
    here, there = pl.sentences[1], pr.sentences[0]
    assert here.doc is there.doc
    cues = C.read_cues(here, lex, C.quoted_spans(left.text)[1])
    assert [c.cue for c in cues.steps if isinstance(c, C.Cue)] == ["said"]
    assert C.read_cues(there, lex, C.quoted_spans(right.text)[1]) is cues  # kept
    start, end = here.sentence.start, here.sentence.end
    inside = C.read_cues(here, lex, ((start - 1, end + 1),))
    assert not [c for c in inside.steps if isinstance(c, C.Cue)]
    assert C.read_cues(here, lex, C.quoted_spans(left.text)[1]).steps == cues.steps


def test_quotes_are_kept_for_the_last_articles() -> None:
    text = 'He said "we will respond" and "Reuters" reported it. "Yes," she said.'
    quotes, spans = C.quoted_spans(text)
    assert quotes == tuple(q for q in find_quotes(text) if not is_name_quote(q))
    assert spans == tuple(sorted(p for q in quotes for p in q.parts))
    assert C.quoted_spans(text) is C.quoted_spans(text)
    assert C.quoted_spans.cache_info().maxsize == 64  # bounded


def test_stances_kept_on_a_sentence_are_bounded(recognizer: A.Recognizer) -> None:
    """Every scope of a sentence gets the stance read afresh; a sentence keeps a bounded
    number of them."""
    doc = recognizer.nlp()("Officials said the reckless plan was a good idea, not a failure.")
    lex = recognizer.lexicon
    scopes = [list(doc[a:b]) for a in range(len(doc)) for b in range(a + 1, len(doc) + 1)]
    assert len(scopes) > S._KEPT_PER_SENTENCE
    for _ in range(2):
        for tokens in scopes:
            stance = S.stance_of_tokens(tokens, [1], lex)
            assert stance == S._stance_of_tokens(tokens, {1}, lex)
            assert len(doc.user_data[S._KEPT][1]) <= S._KEPT_PER_SENTENCE
