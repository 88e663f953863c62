"""The second analysis process: the same analysis as this process's, shared or whole."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from parallax import __main__ as entry
from parallax.core import actors as A
from parallax.core.actors import helper as H
from parallax.core.actors.recognizer import PARALLEL_MIN
from parallax.core.ingest import read_path
from parallax.core.model import Comparison
from parallax.core.pipeline import prepare
from parallax.core.reactions import actors_and_reactions
from parallax.paths import sample_pair
from tests.core.actors.helpers import LEXICONS
from tests.ui.long_pair import long_comparison


def annotations(doc: object) -> list[object]:
    """Every annotation of a spaCy document that Parallax reads, token by token."""
    return [
        (t.text, t.whitespace_, t.idx, t.lemma_, t.norm_, t.tag_, t.pos_, str(t.morph), t.dep_,
         t.head.i, t.ent_iob_, t.ent_type_, t.is_sent_start, t.like_num, t.is_stop, t.lower_,
         t.is_title, t.is_alpha, t.is_punct, t.is_quote, t.shape_)
        for t in doc  # type: ignore[attr-defined]
    ] + [
        [(e.start, e.end, e.label_) for e in doc.ents],  # type: ignore[attr-defined]
        [c.text for c in doc.noun_chunks],  # type: ignore[attr-defined]
    ]  # fmt: skip


@pytest.fixture(scope="module")
def long_pair() -> Comparison:
    return long_comparison(300, 400)


@pytest.fixture
def shared() -> Iterator[A.Recognizer]:
    found = A.Recognizer(LEXICONS, parallel=True)
    yield found
    found.close()


def test_the_command_line_and_the_helper_agree_on_its_flag() -> None:
    assert entry.HELPER_FLAG == H.HELPER_FLAG
    assert H.helper_command("some_model")[-2:] == [H.HELPER_FLAG, "some_model"]


def test_packed_documents_come_back_with_every_annotation(recognizer: A.Recognizer) -> None:
    from spacy.lang.en import English
    from spacy.vocab import create_vocab

    texts = [
        'Israel\'s prime minister, Benjamin Netanyahu, said on Monday that "both sides" had '
        "agreed to a 48-hour pause, according to Reuters.",
        "The U.N. Secretary-General called the strikes 'alarming'  -- and urged restraint.",
        "",
    ]
    docs = list(recognizer.nlp().pipe(texts))
    packed, strings = H.pack(docs)
    # Built in a vocabulary that has never seen these strings, as another process's would be.
    back = H.unpack(create_vocab("en", English.Defaults), packed, strings)
    assert [annotations(d) for d in back] == [annotations(d) for d in docs]
    assert any(d.ents for d in back)


def test_a_long_pair_is_shared_with_the_helper_and_analysed_the_same(
    shared: A.Recognizer, recognizer: A.Recognizer, long_pair: Comparison
) -> None:
    documents = [(long_pair.left, "left"), (long_pair.right, "right")]
    texts = {s.text for d, _ in documents for s in d.sentences if s.role != "repeat"}
    assert len(texts) >= PARALLEL_MIN
    shared.warm_up()  # starts the helper; it loads the model while this process does
    seen: list[float] = []
    got = shared.parse_all(documents, progress=seen.append)
    helper = shared.helper
    assert helper is not None and helper.alive
    assert 0 < helper.analysed < len(texts)  # both processes took a share
    assert seen == sorted(seen) and seen[-1] == 1.0
    recognizer.forget()
    alone = recognizer.parse_all(documents)
    for mine, theirs in zip(got, alone, strict=True):
        assert [annotations(p.doc) for p in mine.sentences] == [
            annotations(p.doc) for p in theirs.sentences
        ]
    assert actors_and_reactions(*got, shared.lexicon) == actors_and_reactions(
        *alone, recognizer.lexicon
    )


def test_the_first_pair_is_found_whole_in_the_helper_while_this_process_has_no_model(
    shared: A.Recognizer, recognizer: A.Recognizer
) -> None:
    left, right = (prepare(read_path(p)) for p in sample_pair())
    shared.start()
    waited: list[int] = []
    found = shared.pair_elsewhere(left, right, lambda: waited.append(1))
    assert not shared.loaded  # this process never loaded spaCy's model
    helper = shared.helper
    assert found is not None and helper is not None and helper.pairs == 1
    recognizer.forget()
    here = actors_and_reactions(
        *recognizer.parse_all([(left, "left"), (right, "right")]), recognizer.lexicon
    )
    assert found == here
    assert len(found[0]) >= 18 and len(found[1]) >= 11
    # Once the model is loaded here, pairs are found here.
    shared.nlp()
    assert shared.pair_elsewhere(left, right, lambda: None) is None


def test_a_cancelled_wait_for_the_helper_drops_its_answer(
    shared: A.Recognizer, long_pair: Comparison
) -> None:
    left, right = (prepare(read_path(p)) for p in sample_pair())
    shared.start()

    class Stop(Exception):
        pass

    def cancel() -> None:
        raise Stop

    with pytest.raises(Stop):
        shared.pair_elsewhere(left, right, cancel)
    # The helper goes on serving; a later pair gets its own answer, not the dropped one.
    found = shared.pair_elsewhere(long_pair.left, long_pair.left, lambda: None)
    assert found is None  # too long to send whole: analysed here, shared
    documents = [(long_pair.left, "left"), (long_pair.right, "right")]
    got = shared.parse_all(documents)
    assert [len(p.sentences) for p in got] == [
        len([s for s in d.sentences if s.role != "repeat"]) for d, _ in documents
    ]


def test_a_helper_that_dies_costs_nothing_but_its_share(
    shared: A.Recognizer, recognizer: A.Recognizer, long_pair: Comparison
) -> None:
    shared.warm_up()
    helper = shared.helper
    assert helper is not None
    assert helper.wait_ready(60)
    helper._process.kill()  # as if the system had ended it
    helper._process.wait(10)
    documents = [(long_pair.left, "left"), (long_pair.right, "right")]
    got = shared.parse_all(documents)
    assert not helper.alive
    recognizer.forget()
    alone = recognizer.parse_all(documents)
    assert [[p.doc.text for p in d.sentences] for d in got] == [
        [p.doc.text for p in d.sentences] for d in alone
    ]
    left, right = (prepare(read_path(p)) for p in sample_pair())
    assert shared.pair_elsewhere(left, right, lambda: None) is None


def test_a_recogniser_without_parallel_never_starts_a_helper(long_pair: Comparison) -> None:
    alone = A.Recognizer(Path(LEXICONS))
    alone.start()
    alone.parse_all([(long_pair.left, "left"), (long_pair.right, "right")])
    assert alone.helper is None
