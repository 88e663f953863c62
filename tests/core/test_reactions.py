"""Reactions: cues, attribution by the parse, quotes over paragraphs, and stance."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parallax.core import actors as A
from parallax.core.ingest import read_path, read_text
from parallax.core.model import Comparison, Reaction
from parallax.core.pipeline import compare
from parallax.core.reactions import find_quotes, stance_of_words
from tests.conftest import ROOT


def run(recognizer: A.Recognizer, left: str, right: str = "Nothing happened.") -> Comparison:
    return compare(read_text(left, name="l"), read_text(right, name="r"), recognizer=recognizer)


def reactions_of(c: Comparison, name: str) -> list[Reaction]:
    ids = {a.id for a in c.actors if a.name == name}
    assert ids, (name, [a.name for a in c.actors])
    return [r for r in c.reactions if r.actor in ids]


# ---------------------------------------------------------------------------------------------
# Quotes
# ---------------------------------------------------------------------------------------------

QUOTES = [
    ('He said "we will respond" on Monday.', ["we will respond"]),
    ("He said “we will respond” on Monday.", ["we will respond"]),
    ("It was a ‘dangerous step’, she said.", ["dangerous step"]),
    ("Russia's war, the region's future and Kim's rule.", []),  # apostrophes are no quotes
    ('part of which he said was a "“fight against the US.”', ["fight against the US."]),
    # A quote that runs over paragraphs: the next paragraph re-opens it.
    (
        'Kishida said: "We will respond firmly.\n\n"Nobody should doubt our resolve."',
        ["We will respond firmly. Nobody should doubt our resolve."],
    ),
    # Unbalanced: open at a paragraph end, and the next paragraph is no continuation.
    ('He said "we will respond.\n\nThe talks ended on Friday.', []),
    # A resignation statement over paragraphs whose closing mark was lost: it ends with
    # its last reopened paragraph, or with the text.
    (
        "She said: “I came into office at a time of instability.\n\n“I cannot deliver "
        "the mandate.\n\nThe pound rose after the announcement.",
        ["I came into office at a time of instability. I cannot deliver the mandate."],
    ),
    (
        "The minister said: “We have agreed on an election within the next week.",
        ["We have agreed on an election within the next week."],
    ),
    ('Two quotes: "one" and "two".', ["one", "two"]),
]


@pytest.mark.parametrize(("text", "expected"), QUOTES)
def test_find_quotes(text: str, expected: list[str]) -> None:
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == expected
    for q in quotes:
        for a, b in q.parts:
            assert 0 <= a <= b <= len(text)


@given(st.text(alphabet=st.sampled_from(list("ab .\"“”‘’'\n")), max_size=80))
def test_quote_parts_lie_inside_the_text(text: str) -> None:
    for q in find_quotes(text):
        assert q.start <= q.end
        for a, b in q.parts:
            assert 0 <= a <= b <= len(text)
            assert q.start <= a and b <= q.end


# ---------------------------------------------------------------------------------------------
# Stance of words
# ---------------------------------------------------------------------------------------------

LEX = A.Lexicon.load(ROOT / "data" / "lexicons")


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("a breakthrough document", "positive"),
        ("fiery friendship", "positive"),
        ("desperation, to develop relations", "negative"),
        ("an alignment of authoritarian powers", "negative"),
        ("the language of the agreement was agreed upon", "neutral"),
        ("the treaty violates the interests of the other", "neutral"),  # describes, not judges
    ],
)
def test_stance_of_words(text: str, stance: str) -> None:
    assert stance_of_words(text.replace(",", " ").split(), LEX) == stance


# ---------------------------------------------------------------------------------------------
# Attribution and stance on real news sentences (collected and written for these tests)
# ---------------------------------------------------------------------------------------------

CASES = [
    # text, actor name, cue (substring), stance, quote (substring) or None
    (
        'German Chancellor Olaf Scholz condemned the attack, calling it "a dark day for Europe".',
        "Olaf Scholz", "condemned", "negative", "a dark day for Europe",
    ),
    (
        '"We welcome this agreement as a historic step," said Indian Prime Minister Narendra Modi.',
        "Narendra Modi", "said", "positive", "historic step",
    ),
    (
        "The White House said it was deeply concerned by the deal.",
        "United States", "said", "negative", None,
    ),
    (
        "Officials in Tokyo warned that the pact posed a serious threat to regional stability.",
        "Japan", "warned", "negative", None,
    ),
    (
        "According to Yonhap, the talks lasted three hours.",
        "Yonhap", "according to", "neutral", None,
    ),
    (
        "Analysts said the agreement was unlikely to change much on the ground.",
        "analysts", "said", "neutral", None,
    ),
    ("The Kremlin denied the reports.", "Russia", "denied", "negative", None),
    (
        "UN Secretary-General Antonio Guterres expressed concern about the escalation.",
        "Antonio Guterres", "expressed concern", "negative", None,
    ),
    (
        "Beijing's response was cautious, with a foreign ministry spokesperson urging restraint.",
        "China", "response", "neutral", None,
    ),
    (
        "The deal was criticized by Senator Marco Rubio on Friday.",
        "Marco Rubio", "criticized", "negative", None,
    ),
    (
        "Britain's foreign secretary did not welcome the move, and London voiced regret.",
        "United Kingdom", "did not welcome", "negative", None,
    ),
    (
        "South Korean officials said they were studying the text of the treaty.",
        "South Korea", "said", "neutral", None,
    ),
    (
        "Kim praised the agreement, adding that the two countries were now allies.",
        "Kim", "praised", "positive", None,
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "name", "cue", "stance", "quote"), CASES)
def test_reaction_attribution(
    recognizer: A.Recognizer, text: str, name: str, cue: str, stance: str, quote: str | None
) -> None:
    c = run(recognizer, text)
    found = reactions_of(c, name)
    assert len(found) == 1, [(r.actor, r.cue) for r in c.reactions]
    r = found[0]
    assert cue in r.cue
    assert r.stance == stance
    if quote is None:
        assert r.quote is None
    else:
        assert r.quote is not None and quote in r.quote


@pytest.mark.parametrize(
    "text",
    [
        "The treaty states that both sides will cooperate.",
        "Article 4 of the treaty states that the other will provide assistance.",
        "Officials wondered how Russia would react if the North came under attack.",
        "It is said to be a tit-for-tat cycle.",
        "A deal called the Comprehensive Partnership was signed.",
    ],
)
def test_no_reaction_without_an_actor_reacting(recognizer: A.Recognizer, text: str) -> None:
    c = run(recognizer, text)
    assert [r for r in c.reactions if not r.actor.startswith("group:")] == [], c.reactions


def test_pronoun_takes_the_last_person_subject(recognizer: A.Recognizer) -> None:
    c = run(
        recognizer,
        "Putin arrived in Pyongyang on Wednesday and met Kim at the airport. "
        "He said the two countries would stand together.",
    )
    (r,) = [r for r in c.reactions if r.sentence == 1]
    assert {a.id: a.name for a in c.actors}[r.actor] == "Putin"


def test_coordinated_subjects_both_react(recognizer: A.Recognizer) -> None:
    c = run(recognizer, "Vladimir Putin and Kim Jong Un praised the agreement on Wednesday.")
    assert {r.stance for r in c.reactions} == {"positive"}
    names = {a.id: a.name for a in c.actors}
    assert {names[r.actor] for r in c.reactions} == {"Vladimir Putin", "Kim Jong Un"}


def test_what_a_speaker_reports_others_saying_is_the_speakers_statement(
    recognizer: A.Recognizer,
) -> None:
    # Wording of the kind found in real coverage of a rate decision and of a discovery.
    c = run(
        recognizer,
        "Fed Chair Jerome Powell said central bank officials are no longer saying they "
        "expect more rate increases this year. David Reitze said on Thursday that the team "
        "had detected the waves that Albert Einstein predicted a century ago.",
    )
    names = {a.id: a.name for a in c.actors}
    by_sentence = {(r.sentence, names.get(r.actor, r.actor)) for r in c.reactions}
    assert (0, "Jerome Powell") in by_sentence
    assert {n for k, n in by_sentence if k == 0} == {"Jerome Powell"}
    assert "Albert Einstein" not in {n for _, n in by_sentence}


def test_a_statement_reported_before_its_source_stays_its_speakers(
    recognizer: A.Recognizer,
) -> None:
    c = run(
        recognizer,
        "Norway has acknowledged that the reporter died inside its embassy, according to the "
        "country's state media. President Ann Lee said she is open to changing the "
        "tariffs for some countries, a White House official added.",
    )
    names = {a.id: a.name for a in c.actors}
    said = {(r.sentence, names.get(r.actor, r.actor)) for r in c.reactions}
    assert (0, "Norway") in said and (1, "Ann Lee") in said


def test_an_author_writing_a_book_is_no_statement(recognizer: A.Recognizer) -> None:
    c = run(
        recognizer,
        '"This comes as no surprise," says professor Geoffrey Dunn, a political analyst who '
        "is writing a book about the governor.",
    )
    names = {a.id: a.name for a in c.actors}
    assert {names.get(r.actor, r.actor) for r in c.reactions if r.sentence == 0} == {
        "Geoffrey Dunn"
    }


def test_quote_continues_over_paragraphs(recognizer: A.Recognizer) -> None:
    text = (
        '"This is a dangerous moment for the region," Japanese Prime Minister Fumio Kishida '
        'said.\n\n"We will work closely with our allies.\n\n"Nobody should doubt our resolve."'
    )
    r, *going_on = reactions_of(run(recognizer, text), "Fumio Kishida")
    assert r.quote is not None
    assert "dangerous moment" in r.quote and "Nobody should doubt our resolve" in r.quote
    assert r.stance == "negative"
    # Each sentence the quote goes on in is his too, with its own words.
    assert [(x.sentence, x.quote) for x in going_on] == [
        (1, "We will work closely with our allies."),
        (2, "Nobody should doubt our resolve."),
    ]


def test_quote_whose_speaker_is_named_in_its_last_paragraph(recognizer: A.Recognizer) -> None:
    text = (
        '"We will never accept this.\n\n"It is a reckless step," Senator Marco Rubio said '
        "on Friday."
    )
    before, r = reactions_of(run(recognizer, text), "Marco Rubio")
    assert r.quote == "We will never accept this. It is a reckless step"
    assert r.stance == "negative"
    assert (before.sentence, before.quote) == (0, "We will never accept this.")


def test_quote_opening_in_one_paragraph_and_continuing_in_the_next(
    recognizer: A.Recognizer,
) -> None:
    text = 'Senator Marco Rubio said: "We will respond firmly.\n\n"Nobody should doubt it."'
    r, going_on = reactions_of(run(recognizer, text), "Marco Rubio")
    assert r.quote == "We will respond firmly. Nobody should doubt it."
    assert (going_on.sentence, going_on.quote) == (1, "Nobody should doubt it.")


# ---------------------------------------------------------------------------------------------
# The sample pair
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample(recognizer: A.Recognizer, sample_paths: tuple[Path, Path]) -> Comparison:
    left, right = sample_paths
    return compare(read_path(left), read_path(right), recognizer=recognizer)


SAMPLE_REACTIONS = [
    # actor, side, words of the sentence, cue (substring), stance, quote (substring) or None
    ("South Korea", "left", "expressed regret", "expressed regret", "negative", None),
    ("Japan", "left", "voiced", "voiced concerns", "negative", "grave concerns"),
    ("China", "left", "reaction has been muted", "reaction", "neutral", None),
    ("Mykhailo Podolyak", "left", "criticized Russia", "criticized", "negative", None),
    ("Jens Stoltenberg", "left", "remarked", "remarked", "negative", None),
    ("Cho Han-bum", "left", "noted", "noted", "neutral", None),
    ("Vladimir Putin", "left", "Putin thanked Kim", "thanked", "positive", None),
    ("Antony Blinken", "right", "desperation", "said", "negative", "desperation"),
    ("Kim Jong Un", "right", "fiery friendship", "said", "positive", "fiery friendship"),
    ("Kim Jong Un", "right", "vowed full support", "vowed", "positive", None),
    ("Vladimir Putin", "right", "breakthrough document", "called", "positive", "breakthrough"),
    ("Vladimir Putin", "right", "imperialist", "thanked", "positive", "fight against"),
    ("South Korea", "right", "officials in South Korea", "said", "neutral", None),
    ("experts", "right", "Experts have said", "said", "neutral", None),
    ("Korean Central News Agency", "right", "(KCNA) on Thursday said", "said", "neutral", None),
    ("Reuters", "right", "Reuters reported", "reported", "neutral", None),
]


@pytest.mark.parametrize(("name", "side", "words", "cue", "stance", "quote"), SAMPLE_REACTIONS)
def test_sample_reactions(
    sample: Comparison,
    name: str,
    side: str,
    words: str,
    cue: str,
    stance: str,
    quote: str | None,
) -> None:
    doc = sample.left if side == "left" else sample.right
    (index,) = [s.index for s in doc.sentences if words in s.text and s.role == "body"]
    found = [r for r in reactions_of(sample, name) if r.side == side and r.sentence == index]
    assert len(found) == 1, [(r.actor, r.side, r.sentence, r.cue) for r in sample.reactions]
    r = found[0]
    assert cue in r.cue and r.stance == stance
    assert r.text == doc.sentences[index].text
    if quote is None:
        assert r.quote is None
    else:
        assert r.quote is not None and quote in r.quote


def test_sample_reactions_name_known_actors_in_order(sample: Comparison) -> None:
    rank = {a.id: i for i, a in enumerate(sample.actors)}
    assert all(r.actor in rank for r in sample.reactions)
    keys = [(rank[r.actor], r.side != "left", r.sentence) for r in sample.reactions]
    assert keys == sorted(keys)
    # No reaction from an actor that only appears as an object ("Putin thanked Kim").
    kim = next(a.id for a in sample.actors if a.name == "Kim Jong Un")
    thanked = next(s.index for s in sample.left.sentences if "Putin thanked Kim" in s.text)
    assert not [
        r for r in sample.reactions if r.actor == kim and r.sentence == thanked and r.side == "left"
    ]


# ---------------------------------------------------------------------------------------------
# Statements and sources of the kinds real coverage has
# ---------------------------------------------------------------------------------------------

STATEMENTS = [
    # (text, actor, cue): a statement with a plain object, a post, a group of sources
    ("Prime Minister Liz Truss announced her resignation on Thursday.", "Liz Truss", "announced"),
    ("Finance Minister Anna Berg confirmed the deal late on Friday.", "Anna Berg", "confirmed"),
    (
        "Elon Musk tweeted on Sunday that the company would drop the bird logo.",
        "Elon Musk",
        "tweeted",
    ),
    ("Police said the device was obviously homemade.", "police", "said"),
    # a court's ruling, an inquiry's finding, a warning to be patient
    (
        "The Constitutional Court ruled that Zuma must serve 15 months in prison.",
        "Constitutional Court",
        "ruled",
    ),
    (
        "The Federal Aviation Administration concluded that the pilots had been misled.",
        "Federal Aviation Administration",
        "concluded",
    ),
    # a wire dateline the parser takes for the subject: the sentence's own subject speaks
    (
        "WASHINGTON — A sharply divided Supreme Court on Monday ruled that family-owned "
        "companies with religious objections are exempt from the contraceptive mandate.",
        "Supreme Court",
        "ruled",
    ),
    (
        "(AP) — President Joe Biden emerged Wednesday from the meeting vowing to stabilize "
        "the fraught relationship.",
        "Joe Biden",
        "vowing",
    ),
    # ... and one closed by a colon, after a place and a day
    (
        "Brasília, OCT 31: Brazilian president-elect Luiz Inacio Lula da Silva called for "
        "“peace and unity” after narrowly winning a divisive runoff election Sunday.",
        "Luiz Inacio Lula da Silva",
        "called",
    ),
    # an office speaks for the person or body it serves
    (
        "The office of Prime Minister Benjamin Netanyahu said that the last details were "
        "still being ironed out.",
        "Benjamin Netanyahu",
        "said",
    ),
    # a name the recogniser cuts short at its "and", known to the lexicon whole
    (
        "In response, Customs and Border Protection told major airlines on Friday night "
        "that it is reinstating visas.",
        "U.S. Customs and Border Protection",
        "told",
    ),
]


@pytest.mark.parametrize(("text", "name", "cue"), STATEMENTS)
def test_statements_and_sources(recognizer: A.Recognizer, text: str, name: str, cue: str) -> None:
    (r,) = reactions_of(run(recognizer, text), name)
    assert r.cue == cue


def test_a_datelines_place_and_agency_are_not_who_spoke(recognizer: A.Recognizer) -> None:
    c = run(
        recognizer,
        "WOODSIDE, Calif. (AP) — President Joe Biden said Wednesday the talks were useful.",
    )
    assert [a.name for a in c.actors if a.kind == "organization"] == []
    names = {a.id: a.name for a in c.actors}
    assert [names[r.actor] for r in c.reactions] == ["Joe Biden"]


def test_programmes_and_laws_are_no_actors(recognizer: A.Recognizer) -> None:
    c = run(recognizer, "The House voted to repeal Obamacare and cut Medicare, Paul Ryan said.")
    assert {a.name for a in c.actors} == {"House", "Paul Ryan"}


def test_an_action_with_a_speech_verb_is_no_statement(recognizer: A.Recognizer) -> None:
    c = run(recognizer, "Jacques Kallis and Neil McKenzie added 72 runs before lunch.")
    assert c.reactions == ()
    c = run(recognizer, "The Congress party ruled India for most of its first 50 years.")
    assert c.reactions == ()


@pytest.mark.parametrize(
    "text",
    [
        # a vote to put a person in office, a vote or a press conference called
        "The Senate voted 50-48 to confirm Brett Kavanaugh to the Supreme Court on Saturday.",
        "Minutes later, Chuck Schumer called a procedural vote to begin debate on the budget.",
        # a reaction still to come
        "Senator Bob Menendez plans to respond to the charges at a press conference in Newark.",
        # a heading for words that follow elsewhere
        "Trump-Putin Alaska Summit Ends Without Ukraine Ceasefire: Here's What The Two "
        "Leaders Said\n\nPresident Donald Trump met President Vladimir Putin in Alaska.",
        "President Donald Trump met President Vladimir Putin in Alaska on Friday. Here is "
        "what the two leaders said after the summit.",
    ],
)
def test_a_cue_word_that_reports_nothing_yet(recognizer: A.Recognizer, text: str) -> None:
    assert run(recognizer, text).reactions == ()


def test_a_role_named_beside_it_is_that_person_not_the_storys_other_holder(
    recognizer: A.Recognizer,
) -> None:
    c = run(
        recognizer,
        "Prime Minister Benjamin Netanyahu's office said the deal was not yet final. "
        "The prime minister of Qatar, Sheikh Mohammed bin Abdulrahman Al Thani, said the "
        "ceasefire would go into effect on Sunday.",
    )
    names = {a.id: a.name for a in c.actors}
    said = {r.sentence: names[r.actor] for r in c.reactions}
    assert said == {0: "Benjamin Netanyahu", 1: "Mohammed bin Abdulrahman Al Thani"}


def test_a_storm_is_no_person(recognizer: A.Recognizer) -> None:
    c = run(
        recognizer,
        "Hurricane Michael slammed into the Florida Panhandle on Wednesday. Michael weakened "
        "to a tropical storm over Georgia, Governor Brian Kemp said.",
    )
    assert {a.name for a in c.actors if a.kind == "person"} == {"Brian Kemp"}
    names = {a.id: a.name for a in c.actors}
    assert [names[r.actor] for r in c.reactions] == ["Brian Kemp"]


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ('"This is an outrageous and dishonest decision," Senator Jane Moore said.', "negative"),
        ('"The team did a wonderful job," Governor Josh Green said.', "positive"),
        ('"The confirmation process is broken," Senator Susan Collins said.', "negative"),
        ('"I feel fortunate to have served," Speaker Kevin McCarthy said.', "positive"),
        # idioms of reproach and of good news
        ('On Friday, Jair Bolsonaro described the ruling as a "stab in the back".', "negative"),
        ('"Big news, folks: the bill has passed the Senate," Joe Biden said.', "positive"),
        ('"We have finally reached the finish line," Senator Chuck Schumer said.', "positive"),
        # "never ... anything so" says more than ever, it negates nothing
        (
            '"I\'ve never seen anything so devastating," Fire Commissioner Derrick Sawyer said.',
            "negative",
        ),
        # words that describe what happened judge nothing
        ("Police chief Tom Lee said the attack killed five people on Monday.", "neutral"),
        # nor do the nouns of policy
        ("Minister Anna Berg said the pact covers energy and security.", "neutral"),
    ],
)
def test_stance_from_the_evaluative_words_of_what_was_said(
    recognizer: A.Recognizer, text: str, stance: str
) -> None:
    (r,) = run(recognizer, text).reactions
    assert r.stance == stance


@pytest.mark.parametrize(
    ("text", "name", "sentence"),
    [
        # "the company" is the organisation named last before it
        (
            "Shares of Pirelli rose on Monday. The company said in a statement that sales grew.",
            "Pirelli",
            1,
        ),
        # ... the company the article is about, not the court of its filing ...
        (
            "Harbor Home Goods Inc. filed for bankruptcy in the U.S. Bankruptcy Court in "
            "Newark. The company said its stores would stay open during the sale.",
            "Harbor Home Goods Inc.",
            1,
        ),
        # ... nor the bank it named in passing after naming the company twice
        (
            "Harbor Home Goods closed 40 stores in March. Harbor Home Goods had borrowed "
            "heavily from JPMorgan Chase. The company said it would pay its workers in full.",
            "Harbor Home Goods",
            2,
        ),
        # ... and the one whose name the words before the noun hold
        (
            "Korean Air grounded its Boeing 737 jets. The South Korean airline says it "
            "will inspect every aircraft.",
            "Korean Air",
            1,
        ),
        # "the court" is the court, not the company named after it
        (
            "The Supreme Court heard the case of Acme Corp. on Monday. The court said the "
            "ruling would come in June.",
            "Supreme Court",
            1,
        ),
        # a court however the article introduces it, and its judges, are the court
        (
            "The Constitutional Court of Malawi annulled the vote. Malawi's constitutional "
            "court said the irregularities were widespread and grave.",
            "Constitutional Court of Malawi",
            1,
        ),
        (
            "The Supreme Court ruled on Tuesday. Judges said it was wrong to stop lawmakers "
            "from doing their duties.",
            "Supreme Court",
            1,
        ),
        (
            "The Superior Electoral Court heard the case in Brasilia. Four of the seven "
            "judges said the former president had abused his power.",
            "Superior Electoral Court",
            1,
        ),
        # "the prime minister" is the one person of the article with that title
        (
            "Prime Minister Liz Truss quit on Thursday. The prime minister said she could not "
            "deliver the mandate.",
            "Liz Truss",
            1,
        ),
    ],
)
def test_definite_subjects_resolve_to_the_actor_they_refer_to(
    recognizer: A.Recognizer, text: str, name: str, sentence: int
) -> None:
    assert [r.sentence for r in reactions_of(run(recognizer, text), name)] == [sentence]


def test_the_court_is_never_an_organisation_that_is_no_court(recognizer: A.Recognizer) -> None:
    text = (
        "The European Union urged calm in Bucharest on Friday. "
        "The court said the whole election had to be run again."
    )
    c = run(recognizer, text)
    assert [r.sentence for r in reactions_of(c, "European Union")] == [0]


def test_he_continued_with_a_quote_over_paragraphs(recognizer: A.Recognizer) -> None:
    text = (
        'In a statement, President Joe Biden said it had been the "greatest honour of my '
        'life to serve as your president".\n\nHe continued: "I will speak to the Nation '
        'later this week.\n\n"I want to thank Vice President Kamala Harris for being an '
        'extraordinary partner."\n\nThe fighting continued on Sunday.'
    )
    c = run(recognizer, text)
    assert [(r.sentence, r.cue) for r in reactions_of(c, "Joe Biden")] == [
        (0, "said"),
        (1, "continued"),
        (2, "continued"),
    ]


def test_a_quote_someone_else_brings_in_is_not_the_last_speaker_going_on(
    recognizer: A.Recognizer,
) -> None:
    text = (
        'Gov. Ricardo Rossello told The Associated Press, "This is going to be an extremely '
        'violent phenomenon." President Donald Trump on Tuesday offered his support via '
        'Twitter: "Puerto Rico being hit hard by new monster Hurricane. Be careful!"'
    )
    c = run(recognizer, text)
    assert [r.sentence for r in reactions_of(c, "Ricardo Rossello")] == [0]


def test_a_subject_inside_the_quote_is_not_who_he_is(recognizer: A.Recognizer) -> None:
    text = (
        "Mayor Bill Harlan, away on vacation, issued a two-line statement on Tuesday. "
        '"It was past time for Andrew Cole to resign, and it is for the good of the city," '
        "he said."
    )
    c = run(recognizer, text)
    assert [r.sentence for r in reactions_of(c, "Bill Harlan")] == [0, 1]
    assert not [
        r
        for r in c.reactions
        if r.sentence == 1 and r.actor != reactions_of(c, "Bill Harlan")[0].actor
    ]


def test_it_is_the_organisation_that_spoke_just_before(recognizer: A.Recognizer) -> None:
    text = (
        "The Constitutional Court said on Friday that the vote had to be run again. "
        '"The process was marred by irregularities at every stage," it said. '
        "It rained in the capital for most of the week. "
        "It added that a new date would be set."
    )
    c = run(recognizer, text)
    assert [r.sentence for r in reactions_of(c, "Constitutional Court")] == [0, 1]


def test_an_abbreviated_title_is_the_role_spelled_out(recognizer: A.Recognizer) -> None:
    text = (
        "Gov. Gavin Newsom beat back the recall on Tuesday. "
        '"We are enjoying an overwhelming no vote tonight," the governor told reporters.'
    )
    assert [r.sentence for r in reactions_of(run(recognizer, text), "Gavin Newsom")] == [1]


def test_he_who_spoke_goes_on_speaking(recognizer: A.Recognizer) -> None:
    text = (
        "Finance Minister Tom Varga said the budget would be cut. "
        "President Jon Lind has been abroad since Monday. "
        "He added that the cuts would start in March."
    )
    c = run(recognizer, text)
    assert [r.sentence for r in reactions_of(c, "Tom Varga")] == [0, 2]


def test_a_name_the_model_cut_short_runs_on_to_its_last_word(recognizer: A.Recognizer) -> None:
    text = (
        '"It is a total failure for the government," far-right leader Marine Le Pen told reporters.'
    )
    c = run(recognizer, text)
    assert [r.sentence for r in reactions_of(c, "Marine Le Pen")] == [0]


def test_the_army_speaks_as_a_group(recognizer: A.Recognizer) -> None:
    c = run(recognizer, "The army said it had carried out the detentions over election fraud.")
    assert [r.sentence for r in reactions_of(c, "army")] == [0]


def test_the_pm_is_the_prime_minister(recognizer: A.Recognizer) -> None:
    text = (
        "Prime Minister Boris Johnson suspended Parliament. Lady Hale said the move was "
        "unlawful. The PM said he profoundly disagreed with the ruling."
    )
    assert [r.sentence for r in reactions_of(run(recognizer, text), "Boris Johnson")] == [2]


def test_judges_who_concur_are_the_court(recognizer: A.Recognizer) -> None:
    text = (
        "The Constitutional Court of Malawi annulled the vote on Monday. "
        'The five judges concurred that "the irregularities were widespread and grave".'
    )
    c = run(recognizer, text)
    assert 1 in [r.sentence for r in reactions_of(c, "Constitutional Court of Malawi")]


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Hou Yu-ih apologised to his supporters for the defeat on Saturday.", "negative"),
        ("Governor Anne Marsh touted the results after weeks of anxiety.", "positive"),
    ],
)
def test_apologies_and_boasts_are_reactions(
    recognizer: A.Recognizer, text: str, stance: str
) -> None:
    (r,) = run(recognizer, text).reactions
    assert r.stance == stance


def test_a_role_that_fits_two_people_stays_unresolved(recognizer: A.Recognizer) -> None:
    text = (
        "Foreign Minister Anna Berg met Foreign Minister Ola Dahl in Oslo. "
        "The foreign minister said the talks were useful."
    )
    c = run(recognizer, text)
    assert not [r for r in c.reactions if r.sentence == 1]


def test_the_statement_is_its_issuer(recognizer: A.Recognizer) -> None:
    text = (
        "Qatar's foreign ministry said in a statement that a truce was agreed. "
        "The pause will let more aid convoys in, the statement added."
    )
    assert [r.sentence for r in reactions_of(run(recognizer, text), "Qatar")] == [0, 1]


@pytest.mark.parametrize(
    "said",
    [
        "No vote shows democracy won't be blackmailed, says Greek prime minister",
        "Greece's prime minister said the result showed that democracy won't be blackmailed.",
    ],
)
def test_a_countrys_role_is_the_person_of_that_country_who_holds_it(
    recognizer: A.Recognizer, said: str
) -> None:
    text = (
        "Greece's prime minister Alexis Tsipras called the referendum. Prime Minister "
        f"Benjamin Netanyahu of Israel was on a visit to Paris. {said}"
    )
    c = run(recognizer, text)
    assert 2 in [r.sentence for r in reactions_of(c, "Alexis Tsipras")]
    assert 2 not in [r.sentence for r in reactions_of(c, "Benjamin Netanyahu")]


def test_a_person_dismissed_from_office_is_no_claim_dismissed(recognizer: A.Recognizer) -> None:
    text = (
        "Emmerson Mnangagwa, 75, who Mugabe dismissed as vice president this month, will "
        "take over as interim leader. Mugabe dismissed the claims as lies."
    )
    assert [r.sentence for r in reactions_of(run(recognizer, text), "Mugabe")] == [1]
