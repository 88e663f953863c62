"""Mentions: names recognised in real news sentences, and offsets that hold on any article."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parallax.core import actors as A
from tests.core.actors.helpers import by_name, run

# ---------------------------------------------------------------------------------------------
# Real news sentences (collected and written for these tests)
# ---------------------------------------------------------------------------------------------

RECOGNITION = [
    (
        "German Chancellor Olaf Scholz met French President Emmanuel Macron in Berlin on Monday.",
        {"Olaf Scholz": "person", "Emmanuel Macron": "person"},
        ["Chancellor", "Monday", "German", "French"],
    ),
    (
        "The International Atomic Energy Agency (IAEA) said its inspectors had left Iran.",
        {"International Atomic Energy Agency": "organization", "Iran": "country"},
        ["IAEA"],  # an alias, not an actor of its own
    ),
    (
        "Officials at the Pentagon and the State Department declined to comment.",
        {"Pentagon": "organization", "State Department": "organization"},
        [],
    ),
    (
        "Israeli Prime Minister Benjamin Netanyahu spoke to U.S. Secretary of State Antony "
        "Blinken by phone.",
        {"Benjamin Netanyahu": "person", "Antony Blinken": "person", "United States": "country"},
        ["State", "Israeli"],
    ),
    (
        "The Group of Seven warned Beijing against supplying weapons to Moscow.",
        {"Group of Seven": "organization", "China": "country", "Russia": "country"},
        ["Beijing", "Moscow"],
    ),
    (
        "Thousands marched in Kyiv during the Second World War commemoration on Friday.",
        {"Ukraine": "country"},
        ["Second World War", "Friday"],
    ),
    (
        "UN Secretary-General Antonio Guterres called for restraint after the Korean War "
        "anniversary parade in Pyongyang.",
        {"Antonio Guterres": "person", "United Nations": "organization", "North Korea": "country"},
        ["Korean War", "Secretary-General"],
    ),
    (
        "Michael Jordan said he would not return to the game.",
        {"Michael Jordan": "person"},
        ["Jordan"],  # the person, not the country
    ),
    ("CAR BOMB KILLS 12 IN KABUL MARKET", {}, ["Central African Republic"]),
    # A city in a line of standings or results is its team, an organisation; in prose it is
    # the place, and players' names in a results line stay people.
    ("NEW YORK 74 60 .552 - CHICAGO 71 63 .530 3", {"NEW YORK": "organization"}, []),
    ("Protesters marched through Chicago on Sunday, police said.", {"Chicago": "place"}, []),
    (  # a hospital named after a saint, not the saint
        "The director of St Anne's hospital said 60 operations were postponed.",
        {"St Anne's hospital": "organization"},
        ["St Anne"],
    ),
    (  # one hospital, whether the model took its name for a person's or an organisation's
        "St Anne's hospital said it was full. St Anne's has 300 beds. The director of St "
        "Anne's hospital resigned.",
        {"St Anne's hospital": "organization"},
        ["St Anne", "St Anne's"],
    ),
    (
        "Patients were moved to St Thomas' Hospital, the trust said.",
        {"St Thomas' Hospital": "organization"},
        ["St Thomas"],
    ),
    ("St Paul wrote to the Corinthians.", {"St Paul": "person"}, []),
    (  # a town the model takes for a person: "the mayor of" says what it is
        "The mayor of Harwick said the bridge would stay closed. Harwick counts the cost.",
        {"Harwick": "place"},
        [],
    ),
    (
        "Greg Norman 69 71 68, Nick Price 70 70 69.",
        {"Greg Norman": "person", "Nick Price": "person"},
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected", "junk"), RECOGNITION)
def test_recognition_of_news_sentences(
    recognizer: A.Recognizer, text: str, expected: dict[str, str], junk: list[str]
) -> None:
    c = run(recognizer, text)
    actors = by_name(c)
    for name, kind in expected.items():
        assert name in actors, (name, list(actors))
        assert actors[name].kind == kind
    for j in junk:
        assert j not in actors, j


# ---------------------------------------------------------------------------------------------
# Offsets: a property over generated articles
# ---------------------------------------------------------------------------------------------

_PIECES = [
    "Russian President Vladimir Putin", "Putin", "North Korea", "the U.S.", "NATO",
    "Japan's foreign ministry", "Seoul", "officials in Tokyo", "KCNA", "Mr. Blinken",
    "Ukrainian presidential aide Mykhailo Podolyak", "China", "experts", "the Kremlin",
]  # fmt: skip
_VERBS = ["said", "met", "criticized", "welcomed", "warned", "visited", "thanked"]


@st.composite
def articles(draw: st.DrawFn) -> str:
    sentences = []
    for _ in range(draw(st.integers(1, 5))):
        a, b = draw(st.sampled_from(_PIECES)), draw(st.sampled_from(_PIECES))
        verb = draw(st.sampled_from(_VERBS))
        glue = draw(st.sampled_from([" ", "  ", "\n\n", " \u00a0"]))
        quote = draw(st.sampled_from(["", ' "It is a grave mistake."', " “We will respond.”"]))
        sentences.append(f"{a[0].upper()}{a[1:]} {verb} {b} on Thursday.{quote}{glue}")
    return "".join(sentences)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(left=articles(), right=articles())
def test_mention_offsets_hold(recognizer: A.Recognizer, left: str, right: str) -> None:
    c = run(recognizer, left, right)
    ids = [a.id for a in c.actors]
    assert len(ids) == len(set(ids))
    for actor in c.actors:
        assert actor.mentions
        for m in actor.mentions:
            doc = c.left if m.side == "left" else c.right
            assert 0 <= m.start < m.end <= len(doc.text)
            assert doc.text[m.start : m.end] == m.text
            assert doc.sentences[m.sentence].start <= m.start
            assert m.end <= doc.sentences[m.sentence].end
    known = set(ids)
    assert all(r.actor in known for r in c.reactions)


PLATFORMS = [
    # (text, the platform's actor kind, or None when it is no actor there)
    ("The minister said on Twitter that she would resign.", "Twitter", None),
    ("The ministry declared on X, formerly known as Twitter, that talks went on.", "Twitter", None),
    ("He shared a Facebook post on Monday.", "Facebook", None),
    ("His Telegram channel has two million followers.", "Telegram", None),
    ("The video spread via TikTok within hours.", "TikTok", None),
    ("Facebook removed the video on Tuesday.", "Facebook", "organization"),
    ("Twitter said the account was suspended.", "Twitter", "organization"),
]


@pytest.mark.parametrize(("text", "platform", "kind"), PLATFORMS)
def test_a_platform_is_where_words_are_posted_unless_it_acts(
    recognizer: A.Recognizer, text: str, platform: str, kind: str | None
) -> None:
    c = run(recognizer, text)
    found = [a for a in c.actors if a.name == platform or platform in a.aliases]
    assert [a.kind for a in found] == ([kind] if kind else []), c.actors


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a dateline's dash parts the place from the next sentence's first words
        ("ERBIL, Kurdistan Region - Turkish President Recep Tayyip Erdogan won.", "Kurdistan Region"),
        # a typing slip ("of" for "or") leaves no preposition on the name
        ("He must report to a police station in KwaZulu-Natal of Gauteng by Sunday.", "KwaZulu-Natal"),
        # a bracket the name does not close is no part of it
        ("The four medicines are cough syrups produced in India, said the World Health "
         "Organisation (WHO) in a statement.", "World Health Organization"),
    ],
)  # fmt: skip
def test_a_name_ends_where_the_phrase_does(recognizer: A.Recognizer, text: str, name: str) -> None:
    names = {a.name for a in run(recognizer, text).actors}
    assert name in names, names


@pytest.mark.parametrize(
    "text",
    [
        "Investigators recovered the Cockpit Voice Recorder on Monday.",
        "It came after a full blown U-Turn on an earlier mini-budget.",
        "Khan was arrested in the Al-Qadir Trust Case on Tuesday.",
        "The court sentenced her to four years for violating Covid regulations.",
        "Another two years were added under a statute related to Covid, the spokesman said.",
        "Ebola has killed 120 people in the province since August.",
        "The alert covers four products: Promethazine Oral Solution, Kofexmalin Baby Cough "
        "Syrup, Makoff Baby Cough Syrup and Magrip N Cold Syrup.",
    ],
)
def test_things_and_events_are_no_actors(recognizer: A.Recognizer, text: str) -> None:
    names = {a.name for a in run(recognizer, text).actors}
    assert not names & {
        "Covid",
        "Ebola",
        "Cockpit Voice Recorder",
        "U-Turn",
        "Al-Qadir Trust Case",
        "Promethazine Oral Solution",
        "Kofexmalin Baby Cough Syrup",
        "Makoff Baby Cough Syrup",
        "Magrip N Cold Syrup",
    }, names


STATES = [
    # (text, the places found, by name, with their mentions)
    ("A jury in Miami, Fla., convicted him. Florida officials welcomed it.", "Florida",
     {"Fla.", "Florida"}),
    ("He moved to Calif. in 1990 and left California in 2001.", "California",
     {"Calif.", "California"}),
    ("Sen. Tammy Baldwin (D-Wis.) led the talks.", "Wisconsin", set()),  # a party label
    ("Speaker Nancy Pelosi, D-Calif., touted the bill.", "California", set()),
    ("Rep. Jim Jordan (R-Ohio) objected.", "Ohio", set()),
]  # fmt: skip


@pytest.mark.parametrize(("text", "state", "mentions"), STATES)
def test_a_state_under_its_abbreviation_is_one_place_and_a_party_label_is_none(
    recognizer: A.Recognizer, text: str, state: str, mentions: set[str]
) -> None:
    c = run(recognizer, text)
    found = {m.text for a in c.actors if a.name == state for m in a.mentions}
    assert found == mentions, c.actors


STRUCTURES = [
    # (text, the actors found, by kind and name)
    ("Residents near the Francis Scott Key Bridge were evacuated, Governor Wes Moore said.",
     {("person", "Wes Moore")}),
    ("Police closed off Mill Lane on Sunday, said Tom Baker.", {("person", "Tom Baker")}),
    ("Rep. Mark Bridge said he would vote no.", {("person", "Mark Bridge")}),
    ("He met with Nathan Lane on Monday.", {("person", "Nathan Lane")}),
    ("Downing Street said the talks would go on.", {("country", "United Kingdom")}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "actors"), STRUCTURES)
def test_a_street_or_a_bridge_is_no_person_and_a_seat_of_government_speaks(
    recognizer: A.Recognizer, text: str, actors: set[tuple[str, str]]
) -> None:
    c = run(recognizer, text)
    assert {(a.kind, a.name) for a in c.actors} == actors


def test_a_sentence_in_both_articles_is_read_for_names_once(recognizer: A.Recognizer) -> None:
    """The same sentence at another place of the other article: its mentions are read once
    and placed at each of its places."""
    from parallax.core.actors.mentions import sentence_candidates
    from parallax.core.ingest import read_text
    from parallax.core.pipeline import prepare

    shared = "Russian President Vladimir Putin said the port of Lisbon was safe."
    left = prepare(read_text(f"{shared} Ships came back.", name="l"))
    right = prepare(
        read_text(f"Ships came back on Monday. Storms hit NATO ships. {shared}", name="r")
    )
    pl, pr = recognizer.parse(left, "left"), recognizer.parse(right, "right")
    here, there = pl.sentences[0], pr.sentences[2]
    assert here.doc is there.doc
    lex = recognizer.lexicon
    first = sentence_candidates(here, "left", lex)
    kept = here.doc.user_data["parallax.candidates"]
    second = sentence_candidates(there, "right", lex)
    assert here.doc.user_data["parallax.candidates"] is kept  # not read again
    assert [c.text for c in first] == [c.text for c in second] and len(first) >= 2
    for cands, side, ps, doc in ((first, "left", here, left), (second, "right", there, right)):
        for c in cands:
            assert (c.side, c.sentence) == (side, ps.sentence.index)
            assert doc.text[c.start : c.end] == c.text


def test_shouting_lines_are_kept_for_the_last_sentences() -> None:
    from parallax.core.actors.mentions import _shouting

    assert _shouting("CAR BOMB KILLS 12 IN BAGHDAD") and not _shouting("Car bomb kills 12.")
    assert _shouting("CAR BOMB KILLS 12 IN BAGHDAD")  # kept
    assert _shouting.cache_info().hits >= 1 and _shouting.cache_info().maxsize == 1 << 14


def test_a_placed_candidate_keeps_every_field() -> None:
    """Placing a kept candidate copies every field but where it stands (each set here to
    something other than its default)."""
    import dataclasses

    from parallax.core.actors.mentions import _Cand

    kept = _Cand(
        "left", 0, 4, 18, "Vladimir Putin", "person", "Vladimir Putin", True, "President",
        frozenset({"president"}), frozenset({"russia"}), True, "person",
    )  # fmt: skip
    placed = kept.placed("right", 3, 100)
    assert placed == dataclasses.replace(kept, side="right", sentence=3, start=104, end=118)
    assert placed is not kept
