"""Gender as the text states it: the evidence read, and what it decides (relatives apart)."""

from __future__ import annotations

import pytest

from parallax.core import actors as A
from parallax.core.actors.gender import (
    apposition_gender,
    compatible,
    mention_gender,
    person_gender,
)
from parallax.core.actors.lexicons import Lexicon
from tests.core.actors.helpers import LEXICONS, find, run


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load(LEXICONS)


MENTIONS = [
    ("Mr. Harlow", "", "male"),
    ("Mrs Harlow", "", "female"),
    ("Harlow", "Ms.", "female"),
    ("Ocasio-Cortez", "Congresswoman", "female"),
    ("Elizabeth", "Queen", "female"),
    ("Keir Starmer", "Sir", "male"),
    ("Menendez", "Mr and Mrs", None),  # a couple: says nothing of one
    ("Harlow", "Senator", None),
    ("Mr", "", None),  # an honorific alone is no name
]


@pytest.mark.parametrize(("text", "title", "gender"), MENTIONS)
def test_what_a_mention_says(text: str, title: str, gender: str | None) -> None:
    assert mention_gender(text, title) == gender


AROUND = [
    ("His daughter, ", " said he had been ill.", "female"),
    ("The mayor's widow ", " thanked the staff.", "female"),
    ("", ", her father, said the family was grateful.", "male"),
    ("", ", 45, his eldest son, spoke first.", "male"),
    ("", ", Emily's father, was not there.", "male"),
    ("Both Mr and Mrs ", " have issued denials.", None),
    ("Speaking after ", ", Ms. Kerr said the plan was sound.", None),  # the honorific is not hers
    ("", ", whose daughter was hurt, said", None),  # the daughter is someone else
    ("", "'s daughter, Emily, said", None),
    ("Ms. ", " said", "female"),
]


@pytest.mark.parametrize(("before", "after", "gender"), AROUND)
def test_what_the_words_around_a_name_say(before: str, after: str, gender: str | None) -> None:
    assert apposition_gender(before, after) == gender


def test_a_person_from_the_evidence_then_the_first_name(lexicon: Lexicon) -> None:
    assert person_gender(["male", None], "emily", lexicon) == "male"  # the text wins
    assert person_gender(["male", "female"], "john", lexicon) is None  # it disagrees
    assert person_gender([], "Emily", lexicon) == "female"
    assert person_gender([], "John", lexicon) == "male"
    assert person_gender([], "Kim", lexicon) is None  # borne by both: no guess
    assert person_gender([], "Jordan", lexicon) is None
    assert person_gender([], None, lexicon) is None
    assert compatible(None, "male") and compatible("male", "male")
    assert not compatible("female", "male")


FAMILY = (
    "John Harlow, who led the city for two decades, died on Sunday, his family said. "
    "His daughter, Emily Harlow, said he had been ill for months. "
    "Mr. Harlow was first elected in 1979. "
    "Ms. Harlow, a lawyer in Boston, said her father had loved the city."
)


def test_an_honorific_tells_a_father_from_his_daughter(recognizer: A.Recognizer) -> None:
    c = run(recognizer, FAMILY)
    john, emily = find(c, "John Harlow"), find(c, "Emily Harlow")
    assert john.id != emily.id
    text = c.left.text
    john_said = {text[m.start - 4 : m.end] for m in john.mentions}
    emily_said = {text[m.start - 4 : m.end] for m in emily.mentions}
    assert "Mr. Harlow" in john_said and "Mr. Harlow" not in emily_said
    assert "Ms. Harlow" in emily_said and "Ms. Harlow" not in john_said


def test_an_honorific_of_the_other_gender_is_not_the_one_person(
    recognizer: A.Recognizer,
) -> None:
    # Only the husband is named in full; "Mrs. Okafor" is someone else, not him.
    c = run(
        recognizer,
        "Daniel Okafor was elected on Tuesday. Mrs. Okafor said the family was delighted.",
    )
    daniel = find(c, "Daniel Okafor")
    assert all(m.text != "Okafor" for m in daniel.mentions), daniel.mentions


@pytest.mark.parametrize(("pronoun", "his"), [("she", False), ("he", True)])
def test_a_pronoun_goes_to_the_man_who_spoke_last_only_if_it_can_be_him(
    recognizer: A.Recognizer, pronoun: str, his: bool
) -> None:
    c = run(
        recognizer,
        "Senator Mark Daly met the governor on Tuesday. Daly criticised the plan. "
        f'"It is a disgrace," {pronoun} said.',
    )
    daly = find(c, "Mark Daly")
    said = [r for r in c.reactions if r.actor == daly.id and r.sentence == 2]
    assert bool(said) == his, c.reactions


def test_apposition_genders_are_kept_for_the_last_names() -> None:
    """A story reads each name in every pair its article is in: the gender its words state
    is kept (a bounded number), the same as read afresh."""
    before, after = "The victim's mother, Ms. ", ", said she was grateful."
    first = apposition_gender(before, after)
    assert first == "female" and apposition_gender(before, after) == first
    assert apposition_gender.cache_info().hits >= 1
    assert apposition_gender.cache_info().maxsize == 1 << 14
