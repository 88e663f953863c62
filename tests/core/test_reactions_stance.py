"""Stance from what was said, not only from the cue verb (issue #16).

Each table holds made-up sentences worded like news attribution, one per kind of mistake
found on hand-judged real coverage: what a speaker says in a neutral "said" can criticise,
praise or deny; the words that describe the event (deaths, a fire, a crash) are not the
speaker's stance.
"""

from __future__ import annotations

import pytest

from parallax.core import actors as A
from parallax.core.ingest import read_text
from parallax.core.model import Comparison, Stance
from parallax.core.pipeline import compare


def run(recognizer: A.Recognizer, text: str) -> Comparison:
    return compare(
        read_text(text, name="l"), read_text("Nothing happened.", name="r"), recognizer=recognizer
    )


def stances(recognizer: A.Recognizer, text: str, name: str) -> list[tuple[int, Stance]]:
    c = run(recognizer, text)
    ids = {a.id for a in c.actors if a.name == name}
    assert ids, (name, [a.name for a in c.actors])
    return [(r.sentence, r.stance) for r in c.reactions if r.actor in ids]


def run_stances(recognizer: A.Recognizer, text: str) -> list[tuple[int, Stance]]:
    return [(r.sentence, r.stance) for r in run(recognizer, text).reactions]


# ---------------------------------------------------------------------------------------------
# What a quote says counts wherever it is, read like the rest of the sentence
# ---------------------------------------------------------------------------------------------

QUOTES = [
    # A quote that goes on in the next sentence judges there too, with any evaluative word
    # (not only Parallax's own list) and any form of it ("appreciates").
    (
        'Senator Jane Moore said the bill was "a disgrace". "This terrible bill will hurt '
        'families."',
        "Jane Moore",
        [(0, "negative"), (1, "negative")],
    ),
    (
        '"Rescue crews worked through the night," Mayor Ana Ortiz said. "It is a terrible, '
        'terrible day for this town."',
        "Ana Ortiz",
        [(0, "neutral"), (1, "negative")],
    ),
]


@pytest.mark.parametrize(("text", "name", "expected"), QUOTES)
def test_the_words_of_a_quote_count_in_every_sentence_it_covers(
    recognizer: A.Recognizer, text: str, name: str, expected: list[tuple[int, Stance]]
) -> None:
    assert stances(recognizer, text, name) == expected


# ---------------------------------------------------------------------------------------------
# Negation: within its clause only
# ---------------------------------------------------------------------------------------------

NEGATION = [
    # "not a good idea" denies the praise
    ("Governor Tom Reed said the new rules were not a good idea.", "negative"),
    ("Senator Jane Moore said the plan was not good for families.", "negative"),
    # "does not want" is another clause than "had criticised": the criticism stands
    (
        "Minister Anna Berg said that although she had harshly criticised the old plan, she "
        "does not want it dropped.",
        "negative",
    ),
]


@pytest.mark.parametrize(("text", "stance"), NEGATION)
def test_a_negation_turns_the_words_of_its_own_clause(
    recognizer: A.Recognizer, text: str, stance: Stance
) -> None:
    ((_, found),) = run_stances(recognizer, text)
    assert found == stance


# ---------------------------------------------------------------------------------------------
# The words of the event, of a fact, of degree or of certainty judge nothing
# ---------------------------------------------------------------------------------------------

FACTS = [
    # adjectives of a fact, not of a judgement
    "Police said the two climbers were found alive on Sunday.",
    "Officials said the fatal crash closed the highway for hours.",
    "The ministry said 40 passengers tested positive for the virus.",
    "Police said the gunman was found guilty of murder in 2015.",
    "Police said the strong earthquake caused significant damage to roads.",
    # degree: "badly", "seriously", "great" grade a bad thing, they do not condemn it
    "Police said the driver was badly hurt and two passengers were seriously injured.",
    "Fire chief Tom Lee said the blaze badly damaged the historic cathedral.",
    "Investigators said the fiery crash happened on a bend north of the city.",
    "Senator Jane Moore said the flood was a great loss for the state.",
    # importance is no praise, and a bloc's name no friendship
    "Officials said a significant number of homes lost power.",
    "Minister Anna Berg said it was important to wait for the report.",
    "Party spokesman Tom Reed said the ruling alliance held a majority in parliament.",
    # the state of a patient
    "Police said the driver was in serious condition at a local hospital.",
    "Police said two men were in critical condition and one was in grave condition.",
    # "honoring" gift cards keeps a promise, it honours no one
    "Company spokesman Tom Reed said the firm would keep honoring gift cards until March.",
    # a noun that names a kind: relief supplies are aid, not relief
    "The agency said relief supplies would reach the valley on Monday.",
    # certainty is no praise
    "Fire chief Tom Lee said it was clear that the fire started in the kitchen.",
    "A museum spokesman said the painter, best known for his portraits, died on Sunday.",
]


@pytest.mark.parametrize("text", FACTS)
def test_a_factual_statement_about_a_bad_event_is_neutral(
    recognizer: A.Recognizer, text: str
) -> None:
    ((_, found),) = run_stances(recognizer, text)
    assert found == "neutral"


JUDGED = [
    # a denial of truth is a denial
    ("The ministry said the reports were not true.", "negative"),
    ("Chief executive Ana Ortiz said it was an honour to lead the company.", "positive"),
    # degree words with a judgement keep it
    ("Senator Jane Moore said the decision was terribly wrong.", "negative"),
    ("Senator Jane Moore said it was a great day for the state.", "positive"),
    ("Senator Jane Moore said the vote was a historic step for the state.", "positive"),
    # "great" grades a bad thing: "great instability" is alarm, not praise
    ('Finance Minister Anna Berg said: "Our markets face great instability."', "negative"),
    # "once-popular" describes the company; "bad management" judges it
    ("Analysts said the once-popular toy maker lost its way through bad management.", "negative"),
]


@pytest.mark.parametrize(("text", "stance"), JUDGED)
def test_evaluative_words_judge_through_degree_words(
    recognizer: A.Recognizer, text: str, stance: Stance
) -> None:
    ((_, found),) = run_stances(recognizer, text)
    assert found == stance


# ---------------------------------------------------------------------------------------------
# What was said, not the scene around it nor what others said
# ---------------------------------------------------------------------------------------------

SAID = [
    # the writer's setting of the statement is not the speaker's words
    (
        '"I am proud of what we built," Governor Tom Reed said at a news conference, facing '
        "angry residents.",
        "Tom Reed",
        "positive",
    ),
    (
        "Governor Tom Reed told reporters on Monday, after a furious debate in the assembly, "
        "that the budget was balanced.",
        "Tom Reed",
        "neutral",
    ),
    # reporting someone else's condemnation is no condemnation
    ("Police said protesters condemned the new law.", "police", "neutral"),
    ("Police said protesters condemned the new law.", "protesters", "negative"),
    # a statement that is itself an act decides: congratulations, whatever else follows
    (
        '"Congratulations to Anna Berg for resisting the reckless attacks of her rivals," '
        "Senator Jane Moore said.",
        "Jane Moore",
        "positive",
    ),
]


@pytest.mark.parametrize(("text", "name", "stance"), SAID)
def test_the_stance_of_what_the_speaker_said(
    recognizer: A.Recognizer, text: str, name: str, stance: Stance
) -> None:
    assert stances(recognizer, text, name) == [(0, stance)]


# ---------------------------------------------------------------------------------------------
# Evaluative nouns, participles and phrases in a neutral "said"
# ---------------------------------------------------------------------------------------------

EVALUATIVE = [
    # criticism in a phrase, a noun or a participle
    ('Senator Jane Moore said the inquiry was "a witch hunt".', "negative"),
    ("Union leader Tom Reed said the reform was deeply flawed.", "negative"),
    (
        "Opposition leader Ana Ortiz said the failed reforms had cost the country a decade.",
        "negative",
    ),
    # denial: the claims called baseless
    ("Senator Jane Moore said the claims were baseless.", "negative"),
    # regret
    (
        'Foreign Minister Ola Dahl said: "Our condolences go to the families of the victims."',
        "negative",
    ),
    ("Foreign Minister Ola Dahl expressed condolences to the families.", "negative"),
    # praise and support
    ("Governor Tom Reed said the new budget was a step in the right direction.", "positive"),
    ("Governor Tom Reed said the new budget was not a step in the right direction.", "negative"),
    ("Mayor Tom Reed said the firefighters had shown courage and resilience.", "positive"),
    ("Chief executive Ana Ortiz expressed her commitment to the plan.", "positive"),
    # an obligation not met is a reproach; a guess is not
    ("Senator Jane Moore said the government should have acted sooner.", "negative"),
    ("Senator Jane Moore said the bridge should not have been reopened.", "negative"),
    ("Police said the fire could have started in the kitchen.", "neutral"),
    # a participle that judges only before a noun: brakes that failed are a fact
    ("Officials said the brakes failed moments before the crash.", "neutral"),
]


@pytest.mark.parametrize(("text", "stance"), EVALUATIVE)
def test_evaluative_nouns_participles_and_phrases_count(
    recognizer: A.Recognizer, text: str, stance: Stance
) -> None:
    ((_, found),) = run_stances(recognizer, text)
    assert found == stance


# ---------------------------------------------------------------------------------------------
# What speakers say of themselves: victory, hope, grief, shock, condemnation
# ---------------------------------------------------------------------------------------------

FEELINGS = [
    # a claim of victory is triumph, while "won" in a report of results stays a fact
    (
        'Speaking to supporters, Governor Tom Reed declared victory and said "the real winner '
        'is this state".',
        "positive",
    ),
    ("Anna Berg claims victory in mayoral race", "positive"),
    ("Officials said Anna Berg won the mayoral race with 52 percent.", "neutral"),
    # hope and trust in what the speaker says; a plan is no hope
    ('"I hope the new council will earn the town\'s trust," Governor Tom Reed said.', "positive"),
    ("Governor Tom Reed said he hoped to have the bill passed before the holiday.", "neutral"),
    ("Governor Tom Reed said he did not trust the new board.", "negative"),
    # support, gratitude, looking forward
    ('"We stand with the people of the island," Prime Minister Anna Berg said.', "positive"),
    ('"We are grateful to the rescue teams," Governor Tom Reed said.', "positive"),
    ('"I look forward to working with the new board," Governor Tom Reed said.', "positive"),
    (
        'Governor Tom Reed said: "Now is the time for unity across the county."',
        "positive",
    ),
    # shock and grief
    ("Governor Tom Reed said the scale of the damage was unimaginable.", "negative"),
    ('"We wept together last night," Governor Tom Reed said.', "negative"),
    ("Governor Tom Reed said his thoughts and prayers were with the families.", "negative"),
    # the speaker's own condemnation, however it is worded
    ("Senator Tom Reed said the bombing deserved the strongest condemnation.", "negative"),
]


@pytest.mark.parametrize(("text", "stance"), FEELINGS)
def test_what_speakers_say_they_feel_or_claim(
    recognizer: A.Recognizer, text: str, stance: Stance
) -> None:
    ((_, found),) = run_stances(recognizer, text)
    assert found == stance


RECEIVED = [
    # a reaction of others that something met or caused is not the speaker's
    "Mr. Tom Reed said the group expected to hear criticism from some of its members.",
    "Police said the video sparked outrage and condemnation across the country.",
    "Senator Jane Moore said the plan met with fierce criticism.",
]


@pytest.mark.parametrize("text", RECEIVED)
def test_a_reaction_met_or_caused_is_not_the_speakers(recognizer: A.Recognizer, text: str) -> None:
    ((_, found),) = run_stances(recognizer, text)
    assert found == "neutral"


# ---------------------------------------------------------------------------------------------
# Demands, wishes, forecasts and questions that judge whatever their words
# ---------------------------------------------------------------------------------------------

CONSTRUCTIONS = [
    # a demand that something end condemns it; that it will end is a fact
    ('"This violence must stop," Foreign Minister Ola Dahl said.', "negative"),
    ('"We have to stop this now," Senator Jane Moore said.', "negative"),
    ("Foreign Minister Ola Dahl called on both sides to end the blockade.", "negative"),
    ("Union leader Tom Reed said the strike would end on Friday.", "neutral"),
    # a wish that things were otherwise is a complaint; a good wish is not
    ("Senator Jane Moore said she wished the council had listened to residents.", "negative"),
    ("Senator Jane Moore said she wished the team well.", "neutral"),
    # foreseeing more dead is alarm; the toll so far is a fact
    ("Governor Tom Reed said the toll could climb overnight.", "negative"),
    ("Officials said the death toll would rise as rescuers reached the villages.", "negative"),
    ("Officials said the death toll rose to 40 on Tuesday.", "neutral"),
    # a question of reproach is criticism; an open question is not
    ('"How could they let this happen?" Senator Jane Moore asked.', "negative"),
    ('"Why did nobody warn the families?" Senator Jane Moore said.', "negative"),
    ('"How do we rebuild?" Governor Tom Reed asked.', "neutral"),
    ("Senator Jane Moore asked when the report would be published.", "neutral"),
]


@pytest.mark.parametrize(("text", "stance"), CONSTRUCTIONS)
def test_demands_wishes_forecasts_and_questions(
    recognizer: A.Recognizer, text: str, stance: Stance
) -> None:
    ((_, found),) = run_stances(recognizer, text)
    assert found == stance


IDIOMS = [
    ("Senator Jane Moore said the bill went too far.", "negative"),
    ("Senator Jane Moore said the ruling was a step backwards for the country.", "negative"),
    ("Union leader Tom Reed said the plan was a recipe for disaster.", "negative"),
    # "motivated" is no praise here
    ("Senator Jane Moore said the probe was politically motivated.", "negative"),
    ("Governor Tom Reed said the response was too little, too late.", "negative"),
    ("Governor Tom Reed said those responsible would be held accountable.", "negative"),
    ("Governor Tom Reed said the attack was an act of cowardice.", "negative"),
    ('"Everybody wants to do the right thing," chief executive Ana Ortiz said.', "positive"),
    ("Chief executive Ana Ortiz said the industry would rise to the occasion.", "positive"),
    ("Governor Tom Reed said the decision was a victory for families.", "positive"),
    ("Governor Tom Reed said the plan was a game changer for farmers.", "positive"),
    ("Governor Tom Reed said the mayor had his full support.", "positive"),
    # criticism and denial in words VADER's adjectives lack
    ("Attorney General Tom Reed said the lawsuit was without merit.", "negative"),
    ('"These attacks are garbage," Senator Jane Moore said.', "negative"),
    ("Senator Jane Moore said nothing could be further from the truth.", "negative"),
    ("Senator Jane Moore said spending was out of control.", "negative"),
    ("Officials said the fire was brought under control by Sunday.", "neutral"),
    ("Sheriff Tom Reed said he was gratified that the state had joined the case.", "positive"),
]


@pytest.mark.parametrize(("text", "stance"), IDIOMS)
def test_idioms_of_praise_and_criticism(
    recognizer: A.Recognizer, text: str, stance: Stance
) -> None:
    ((_, found),) = run_stances(recognizer, text)
    assert found == stance
