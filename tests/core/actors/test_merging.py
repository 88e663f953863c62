"""Merging: one actor per entity, on the sample pair and across two articles."""

from __future__ import annotations

import pytest

from parallax.core import actors as A
from parallax.core.model import Comparison
from tests.core.actors.helpers import by_name, find, run

# ---------------------------------------------------------------------------------------------
# The sample pair
# ---------------------------------------------------------------------------------------------


REQUIRED = {
    # name: (kind, surfaces that must all belong to it)
    "Kim Jong Un": ("person", ["Kim", "Kim Jong Un", "North Korean leader"]),
    "Vladimir Putin": ("person", ["Putin", "Vladimir Putin"]),
    "North Korea": ("country", ["North Korea", "Pyongyang", "North Korean"]),
    "Russia": ("country", ["Russia", "Moscow", "Russian Federation"]),
    "Ukraine": ("country", ["Ukraine"]),
    "United States": ("country", ["United States", "US"]),
    "South Korea": ("country", ["South Korea", "Seoul"]),
    "Japan": ("country", ["Japan"]),
    "China": ("country", ["China"]),
    "Mykhailo Podolyak": ("person", ["Mykhailo Podolyak"]),
    "Jens Stoltenberg": ("person", ["Jens Stoltenberg"]),
    "Antony Blinken": ("person", ["Antony Blinken"]),
    "Cho Han-bum": ("person", ["Cho Han-bum"]),
    "Korea Institute for National Unification": ("organization", []),
    "U.N. Security Council": ("organization", []),
    "Reuters": ("organization", []),
    "Korean Central News Agency": ("organization", ["KCNA", "Korean Central News Agency"]),
    "NATO": ("organization", []),
}
#: Real entities of the samples beyond the required ones: fine to list, nothing else is.
ALSO_FINE = {"Soviet Union", "United Nations", "Asia", "the West", "experts", "Korean Peninsula"}
JUNK = [
    "Thursday", "Wednesday", "Article 4", "Article", "Cold War", "a Cold War", "State",
    "Putin thanked Kim", "Treaty on Comprehensive Strategic Partnership", "Koreas", "1961",
    "two", "third", "fifth", "the 1960s", "North", "South",
]  # fmt: skip


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_sample_actor_found_once_and_merged(sample: Comparison, name: str) -> None:
    kind, surfaces = REQUIRED[name]
    actor = by_name(sample)[name]
    assert actor.kind == kind
    texts = {m.text for m in actor.mentions}
    assert set(surfaces) <= texts
    for surface in surfaces:
        assert find(sample, surface) is actor


def test_sample_has_no_junk(sample: Comparison) -> None:
    names = {a.name for a in sample.actors}
    surfaces = {m.text for a in sample.actors for m in a.mentions}
    for junk in JUNK:
        assert junk not in names and junk not in surfaces, junk
    assert len(names) == len(sample.actors)  # one entry per entity
    allowed = set(REQUIRED) | ALSO_FINE
    assert names <= allowed, names - allowed


def test_sample_presence_per_side(sample: Comparison) -> None:
    actors = by_name(sample)
    sides = {name: {m.side for m in a.mentions} for name, a in actors.items()}
    assert sides["Vladimir Putin"] == {"left", "right"}
    assert sides["Antony Blinken"] == {"right"}
    assert sides["Jens Stoltenberg"] == {"left"}
    assert sides["Korean Central News Agency"] == {"right"}


def test_sample_titles_are_aliases_not_actors(sample: Comparison) -> None:
    actors = by_name(sample)
    assert "NATO Secretary General Jens Stoltenberg" in actors["Jens Stoltenberg"].aliases
    assert "US Secretary of State Antony Blinken" in actors["Antony Blinken"].aliases
    assert "Ukrainian presidential aide Mykhailo Podolyak" in actors["Mykhailo Podolyak"].aliases
    assert "Russian President Vladimir Putin" in actors["Vladimir Putin"].aliases


def test_sample_ordered_by_importance(sample: Comparison) -> None:
    counts = [len(a.mentions) for a in sample.actors]
    assert counts == sorted(counts, reverse=True)
    assert {a.name for a in sample.actors[:4]} == {
        "North Korea", "Russia", "Kim Jong Un", "Vladimir Putin",
    }  # fmt: skip


def test_sample_mentions_point_into_the_repaired_text(sample: Comparison) -> None:
    for actor in sample.actors:
        for m in actor.mentions:
            doc = sample.left if m.side == "left" else sample.right
            assert doc.text[m.start : m.end] == m.text
            s = doc.sentences[m.sentence]
            assert s.start <= m.start < m.end <= s.end


def test_sample_round_trips_through_json(sample: Comparison) -> None:
    again = Comparison.from_dict(sample.to_dict())
    assert again.actors == sample.actors and again.reactions == sample.reactions


# ---------------------------------------------------------------------------------------------
# Across two articles (real news sentences, collected and written for these tests)
# ---------------------------------------------------------------------------------------------

MERGING = [
    # left text, right text, surfaces that must be one actor, its name
    (
        "Russian President Vladimir Putin arrived on Tuesday. Putin was greeted warmly.",
        "Vladimir Putin left the next day.",
        ["Vladimir Putin", "Putin"],
        "Vladimir Putin",
    ),
    (
        "North Korean leader Kim Jong Un inspected a missile launch.",
        "Kim watched from an observation post, state media said.",
        ["Kim Jong Un", "Kim"],
        "Kim Jong Un",
    ),
    (
        "The U.S. imposed new sanctions. The United States also expelled two diplomats.",
        "US officials declined to comment.",
        ["U.S.", "United States", "US"],
        "United States",
    ),
    (
        "The Korean Central News Agency (KCNA) published photos of the launch.",
        "KCNA later released a statement.",
        ["Korean Central News Agency", "KCNA"],
        "Korean Central News Agency",
    ),
    (
        "Ukrainian President Volodymyr Zelenskyy thanked allies. Zelenskyy then flew to Warsaw.",
        "Kyiv welcomed the decision, and Ukraine asked for more air defence.",
        ["Kyiv", "Ukraine"],
        "Ukraine",
    ),
    (
        "The Centre for Strategic Studies (CSS) published a report on Monday.",
        "Analysts at CSS said the report was overdue.",
        ["CSS", "Centre for Strategic Studies"],
        "Centre for Strategic Studies",
    ),
]


@pytest.mark.parametrize(("left", "right", "surfaces", "name"), MERGING)
def test_merging_across_articles(
    recognizer: A.Recognizer, left: str, right: str, surfaces: list[str], name: str
) -> None:
    c = run(recognizer, left, right)
    actor = by_name(c)[name]
    for surface in surfaces:
        assert find(c, surface) is actor


def test_two_kims_are_not_merged_blindly(recognizer: A.Recognizer) -> None:
    c = run(
        recognizer,
        "Kim Jong Un spoke first. His sister Kim Yo Jong issued a statement later. "
        "Kim Yo Jong called the drills reckless.",
    )
    names = {a.name for a in c.actors if a.kind == "person"}
    assert {"Kim Jong Un", "Kim Yo Jong"} <= names


# -- how names vary between outlets (wording of the kind real coverage uses) -----------------

SAME_PERSON = [
    # a nickname on one side, the formal first name and a middle initial on the other
    (
        "Rep. Bob Goodlatte said the reading was symbolic.",
        "Representative Robert W. Goodlatte said it serves several purposes.",
    ),
    # a generational suffix and a middle initial, against the surname alone
    (
        "Vice President Joseph R. Biden Jr. met House Democrats.",
        "Biden traveled to the Capitol on Wednesday.",
    ),
    ("Sen. Dick Durbin asked for changes.", "Senator Richard Durbin said the bill needed work."),
    ("Mike Pence spoke on Monday.", "Michael Pence said he would not attend."),
    # two spellings of one first name, both "Steve"
    (
        "Justice Stephen Breyer announced his retirement in January.",
        "The court will hear the case before Justice Steven Breyer retires.",
    ),
    # the name a person goes by is a middle word of the full name
    (
        "Former Brazilian President Luiz Inacio Lula da Silva won the runoff.",
        "On Sunday night, Lula thanked his supporters in Sao Paulo.",
    ),
]


def test_an_acronym_with_a_hyphen_joins_its_long_name(recognizer: A.Recognizer) -> None:
    c = run(
        recognizer,
        "The PML-N said it would form a coalition.",
        "Nawaz Sharif's Pakistan Muslim League-Nawaz won the most seats.",
    )
    assert find(c, "PML-N") is find(c, "Pakistan Muslim League-Nawaz")


def test_a_name_labelled_two_ways_evenly_is_one_actor(recognizer: A.Recognizer) -> None:
    # The small model reads "Lahaina" as a town in some sentences and as a person in
    # others; a lone word with no full name is not a person.
    c = run(
        recognizer,
        "Fire destroyed much of Lahaina on Tuesday. Lahaina was the royal capital of Hawaii.",
        "Residents of Lahaina returned on Friday. Lahaina residents said the sirens never sounded.",
    )
    named = [a for a in c.actors if a.name == "Lahaina"]
    assert len(named) == 1, [(a.name, a.kind) for a in c.actors]


@pytest.mark.parametrize(("left", "right"), SAME_PERSON)
def test_one_person_under_the_names_outlets_give_them(
    recognizer: A.Recognizer, left: str, right: str
) -> None:
    people = [a for a in run(recognizer, left, right).actors if a.kind == "person"]
    assert len(people) == 1, [a.name for a in people]
    assert {m.side for m in people[0].mentions} == {"left", "right"}


@pytest.mark.parametrize(
    ("left", "right", "people"),
    [
        ("Hunter Biden testified on Tuesday.", "Joe Biden spoke in Delaware.",
         {"Hunter Biden", "Joe Biden"}),
        # first names of two genders, however alike
        ("Robert Kessler said the family would appeal.",
         "Roberta Kessler, his sister, said she was relieved.",
         {"Robert Kessler", "Roberta Kessler"}),
    ],
)  # fmt: skip
def test_different_first_names_stay_different_people(
    recognizer: A.Recognizer, left: str, right: str, people: set[str]
) -> None:
    c = run(recognizer, left, right)
    assert {a.name for a in c.actors if a.kind == "person"} == people


def test_title_case_headline_words_are_not_actors(recognizer: A.Recognizer) -> None:
    left = (
        "Georgetown Faculty Latest to Chide Ryan\n\n"
        "Representative Paul Ryan was criticised by nearly 90 faculty members at Georgetown "
        "University on Tuesday. Ryan said his budget reflects his values."
    )
    names = {a.name for a in run(recognizer, left).actors}
    assert not {"Georgetown Faculty Latest", "Chide Ryan"} & names
    assert "Paul Ryan" in names and "Georgetown University" in names


# Credit and byline lines of the kinds found on real news pages (the names are made up).
CREDIT_LINES = [
    pytest.param(
        "Photo: Dana Whitcombe/The Valley Courier/AP", "Dana Whitcombe", id="photo credit"
    ),
    pytest.param("Cutout Photo: Lars Ekdahl / CC BY-SA 2.0", "Lars Ekdahl", id="cutout credit"),
    pytest.param("Photo: Mirela Stoica via AP", "Mirela Stoica", id="credit via an agency"),
    pytest.param("By Priya Ramaswamy, CNN Business", "Priya Ramaswamy", id="byline"),
    pytest.param("Tobias Ferreira Political Reporter", "Tobias Ferreira", id="byline with a role"),
    pytest.param("Ingrid Halvorsen", "Ingrid Halvorsen", id="a name alone on a line"),
]


@pytest.mark.parametrize(("line", "name"), CREDIT_LINES)
def test_photographers_and_writers_are_not_actors(
    recognizer: A.Recognizer, line: str, name: str
) -> None:
    left = (
        "Governor Quits Amid Scandal\n\n"
        f"{line}\n\n"
        "Governor Ellen Marsh resigned on Friday, her office said. Marsh did not take questions."
    )
    c = run(recognizer, left)
    names = {a.name for a in c.actors}
    assert name not in names and not any(name in a.aliases for a in c.actors)
    assert "Ellen Marsh" in names


def test_a_party_label_and_a_court_case_are_no_actors(recognizer: A.Recognizer) -> None:
    left = (
        "The deal was negotiated by Senate Budget Chairwoman Patty Murray, D-Wash. "
        "The court overruled Korematsu v. United States, the 1944 decision on detention."
    )
    names = {a.name for a in run(recognizer, left).actors}
    assert "Patty Murray" in names
    assert not {"D-Wash.", "Wash.", "Korematsu", "United States"} & names


def test_a_credit_in_parentheses_is_no_actor_but_a_name_named_elsewhere_stays(
    recognizer: A.Recognizer,
) -> None:
    left = (
        "Governor Ellen Marsh waves to supporters on Friday. (Ruben Okafor/AP)\n\n"
        "Photo: Henrik Dahl/Reuters\n\n"
        "Marsh thanked her staff. Henrik Dahl, her former aide, said she had no regrets."
    )
    names = {a.name for a in run(recognizer, left).actors}
    assert "Ruben Okafor" not in names
    assert {"Ellen Marsh", "Henrik Dahl"} <= names


def test_an_organisation_after_its_countrys_name_is_one_actor(recognizer: A.Recognizer) -> None:
    left = "The Supreme Court struck down the plan on Friday. The Court said it went too far."
    right = (
        "The United States Supreme Court ruled 6-3 against the plan. "
        "The U.S. Justice Department said it would comply."
    )
    c = run(recognizer, left, right)
    court = find(c, "Supreme Court")
    assert court is find(c, "United States Supreme Court") and court is find(c, "Court")
    assert find(c, "U.S. Justice Department").name == "Justice Department"


def test_an_organisation_under_its_short_name_and_its_acronym(recognizer: A.Recognizer) -> None:
    left = (
        "The Wall Street Journal reported on Friday that the group was softening its stance. "
        "The Journal said the change was discussed for months. "
        "The FBI declined to comment."
    )
    right = "Agents of the Federal Bureau of Investigation searched the offices on Monday."
    c = run(recognizer, left, right)
    journal = find(c, "Journal")
    assert journal is find(c, "Wall Street Journal")
    fbi = find(c, "FBI")
    assert fbi is find(c, "Federal Bureau of Investigation")
    assert {m.side for m in fbi.mentions} == {"left", "right"}


def test_an_honorific_without_a_full_stop_is_not_a_first_name(recognizer: A.Recognizer) -> None:
    c = run(recognizer, "Sam Altman was pushed out on Friday.", "Mr Altman said he loved it.")
    (altman,) = [a for a in c.actors if a.kind == "person"]
    assert altman.name == "Sam Altman" and "Mr Altman" in altman.aliases


def test_a_committee_under_the_last_words_of_its_name(recognizer: A.Recognizer) -> None:
    left = (
        "The Senate Judiciary Committee opened hearings on Monday. "
        "The Judiciary Committee will vote next week."
    )
    c = run(recognizer, left)
    assert find(c, "Judiciary Committee") is find(c, "Senate Judiciary Committee")


def test_two_romanisations_of_one_korean_name_are_one_person(recognizer: A.Recognizer) -> None:
    c = run(
        recognizer,
        "President Yoon Suk Yeol was removed from office on Friday.",
        "The court upheld the impeachment of Yun Seok-yeol, who denies wrongdoing.",
    )
    assert find(c, "Yoon Suk Yeol") is find(c, "Yun Seok-yeol")


def test_names_that_differ_in_a_consonant_stay_two_people(recognizer: A.Recognizer) -> None:
    c = run(
        recognizer,
        "Lee Jae-myung met Lee Jae-yong in Seoul on Monday to discuss chip exports.",
    )
    assert find(c, "Lee Jae-myung") is not find(c, "Lee Jae-yong")


def test_part_of_a_hyphenated_place_name_is_no_actor(recognizer: A.Recognizer) -> None:
    c = run(recognizer, "Donald Trump spoke at his Mar-a-Lago estate in Florida on Tuesday.")
    assert "Mar" not in {a.name for a in c.actors}
    assert "Donald Trump" in {a.name for a in c.actors}


def test_a_company_without_the_words_of_its_kind(recognizer: A.Recognizer) -> None:
    c = run(
        recognizer,
        "Vertex Pharmaceuticals won approval for the therapy on Thursday.",
        "Vertex said in a statement that it was pleased. OpenAI, Inc. said it welcomed the rules. "
        "OpenAI had asked for them.",
    )
    assert find(c, "Vertex") is find(c, "Vertex Pharmaceuticals")
    assert find(c, "OpenAI") is find(c, "OpenAI, Inc.")


def test_a_place_without_the_word_of_its_kind(recognizer: A.Recognizer) -> None:
    c = run(
        recognizer,
        "Aid trucks crossed into the Gaza Strip on Friday.",
        "The first hostages left Gaza on Friday afternoon.",
    )
    assert find(c, "Gaza") is find(c, "Gaza Strip")


def test_british_and_american_spelling_and_a_legal_suffix(recognizer: A.Recognizer) -> None:
    c = run(
        recognizer,
        "The World Health Organization issued an alert asking regulators to remove goods "
        "made by Maiden Pharmaceuticals from the market.",
        "The syrups are made in India, said the World Health Organisation. It said the "
        "manufacturer is Maiden Pharmaceuticals Limited.",
    )
    assert find(c, "World Health Organisation") is find(c, "World Health Organization")
    assert find(c, "Maiden Pharmaceuticals") is find(c, "Maiden Pharmaceuticals Limited")


def test_a_headline_surname_is_the_person_its_lead_names(recognizer: A.Recognizer) -> None:
    c = run(
        recognizer,
        "Biden drops out of 2024 election race\n\nJoe Biden on Sunday dropped out of the "
        "presidential election and endorsed Vice President Kamala Harris.",
        "Joe Biden pulls out of 2024 US presidential race\n\nMr Biden's wife Jill Biden "
        "reposted the statement with a loveheart.",
    )
    joe = find(c, "Joe Biden")
    assert ("left", 0) in {(m.side, m.sentence) for m in joe.mentions}
    assert find(c, "Jill Biden") is not joe


def test_a_mountain_without_mount(recognizer: A.Recognizer) -> None:
    c = run(
        recognizer,
        "It set off avalanches around Mount Everest, where at least 10 climbers died.",
        "An avalanche swept through the base camp on Everest on Saturday.",
    )
    assert find(c, "Everest") is find(c, "Mount Everest")


def test_a_chamber_under_the_words_before_its_of(recognizer: A.Recognizer) -> None:
    left = "The House of Representatives voted 216 to 210 on Tuesday to remove the speaker."
    right = "The House voted to oust Kevin McCarthy, the first speaker removed that way."
    c = run(recognizer, left, right)
    house = find(c, "House")
    assert house is find(c, "House of Representatives")
    assert {m.side for m in house.mentions} == {"left", "right"}


def test_two_organisations_of_one_head_word_keep_their_short_name_apart(
    recognizer: A.Recognizer,
) -> None:
    text = (
        "The Bank of England and the Bank of Japan held rates on Thursday. "
        "The Bank said inflation was easing."
    )
    c = run(recognizer, text)
    assert find(c, "Bank of England") is not find(c, "Bank of Japan")
    assert all("Bank" not in a.aliases for a in c.actors if a.name.startswith("Bank of"))


@pytest.mark.parametrize(
    ("long", "short"),
    [
        ("Kuomintang", "KMT"),
        ("Alternative for Germany", "AfD"),
        ("UNICEF", "United Nations Children's Fund"),
    ],
)
def test_organisations_whose_short_name_is_not_their_initials(
    recognizer: A.Recognizer, long: str, short: str
) -> None:
    c = run(recognizer, f"The {long} said on Sunday it would contest the result.",
            f"Officials of the {short} met in the capital on Monday.")  # fmt: skip
    assert find(c, long) is find(c, short)


def test_generic_institution_words_alone_are_not_actors(recognizer: A.Recognizer) -> None:
    c = run(recognizer, "The Cabinet met on Tuesday. The State will pay for the repairs.")
    assert not {"Cabinet", "State"} & {a.name for a in c.actors}


def test_capitalised_words_are_read_once_per_sentence(recognizer: A.Recognizer) -> None:
    """What tells a headline's names from title case is kept on each sentence's parse."""
    from parallax.core.actors.merging import _capitalised
    from parallax.core.ingest import read_text
    from parallax.core.pipeline import prepare

    doc = prepare(read_text("Minister Quits\n\nThe Minister met Kim in Seoul on Monday.", name="l"))
    body = recognizer.parse(doc, "left").sentences[-1]
    words = _capitalised(body)
    assert words == {"Minister", "Kim", "Seoul", "Monday"}
    assert _capitalised(body) is words
