"""Mentions: the names in one sentence that may be actors, before they are merged.

The entities spaCy found in a sentence are trimmed ("the", "'s") and completed from the
lexicons: a title before a person's name is read as part of the person ("Russian President
Vladimir Putin") and remembered for "the Russian president" later; country names, demonyms
and capitals become their country; listed names and acronyms the model missed are added,
and so are acronyms defined in the text ("Korean Central News Agency (KCNA)"); names that
are no actors (wars, weekdays) are dropped. Each mention found is a :class:`_Cand`, which
:mod:`~parallax.core.actors.discourse` then makes agree across the story and
:mod:`~parallax.core.actors.merging` gathers into actors.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from parallax.core.actors.lexicons import Entry, Lexicon, _is_acronym, name_key
from parallax.core.actors.recognizer import ParsedDocument, ParsedSentence
from parallax.core.model import ActorKind, Side

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

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
#: Last words of the names of streets and structures, which the model sometimes takes for a
#: person's name ("Mill Lane", "Francis Scott Key Bridge"); like the streets and buildings it
#: labels as such, they are no actors.
_STRUCTURE_WORDS: Final = frozenset(
    {"street", "st", "road", "rd", "lane", "avenue", "ave", "boulevard", "blvd", "drive",
     "highway", "motorway", "freeway", "expressway", "parkway", "bridge", "tunnel", "square",
     "plaza", "terrace", "crescent", "alley"}
)  # fmt: skip
#: Last words of a product's name: "Makoff Baby Cough Syrup", "Promethazine Oral Solution"
#: are medicines a story names, never actors.
_PRODUCT_WORDS: Final = frozenset(
    {"syrup", "syrups", "tablet", "tablets", "capsule", "capsules", "ointment", "lozenges",
     "suspension", "oral solution"}
)  # fmt: skip
#: Words right before a street's or a structure's name ("on Mill Lane", "the ... Bridge");
#: "with", "by" and "of", which people's names follow as often, are left out.
_PLACE_BEFORE: Final = frozenset(
    {"the", "on", "at", "near", "along", "across", "off", "onto", "over", "under", "beneath",
     "down", "up", "past", "toward", "towards", "outside", "inside", "behind", "opposite"}
)  # fmt: skip
#: A party letter and hyphen right before a state: "(D-Calif.)", "R-N.C.", "I-Maine".
_PARTY_TAG: Final = re.compile(r"(?<![\w.-])[DRI]-$")
#: A party label taken whole for a place: "D-Wash.", "R-Wis.".
_PARTY_LABEL: Final = re.compile(r"[DRI]-[A-Z][a-z]*\.?$")
#: The word between the parties of a court case: "Roe v. Wade", "Brown vs. Board".
_VERSUS: Final = frozenset({"v.", "v", "vs.", "vs"})
#: Words before a platform's name that make it where something was posted ("on X"), or the
#: name it goes by ("formerly known as Twitter").
_POSTED_PREPOSITIONS: Final = frozenset({"on", "onto", "via", "to", "across", "through", "as"})
_LEADING_DROP: Final = frozenset(
    {"the", "a", "an", "of", "anti", "pro", "-", "‘", "“", '"', "'"}
)  # fmt: skip
_TRAILING_DROP: Final = frozenset({"'s", "’s", "'", "’", "-", "”", '"', "of", "and"})
#: Dashes that, with a space on each side, part two phrases, never two words of one name.
_SPACED_DASHES: Final = frozenset({"-", "–", "—", "--"})
_ACRONYM_DEF: Final = re.compile(
    r"(?P<long>[A-Z][\w'’\-]*(?:\s+(?:of|for|the|and|on|in|[A-Z][\w'’\-]*))+)\s*"
    r"\((?P<short>[A-Z][A-Za-z.&]{1,9})\)"
)
_SMALL_WORDS: Final = frozenset({"of", "for", "the", "and", "on", "in"})


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

    def placed(self, side: Side, sentence: int, base: int) -> _Cand:
        """A fresh copy of a candidate kept relative to its sentence, placed in its article
        (each field passed on: ``copy.copy`` of a slotted object costs five times more,
        and a story places each kept candidate in every pair its article is in)."""
        return _Cand(
            side,
            sentence,
            self.start + base,
            self.end + base,
            self.text,
            self.kind,
            self.name,
            self.known,
            self.title,
            self.roles,
            self.places,
            self.nominal,
            self.hint,
        )


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range of an entity without a leading "the" and a trailing "'s", hyphen or
    preposition, and cut at a dash set apart by spaces (a dateline, "ERBIL, Kurdistan
    Region - Turkish President ...") or at a bracket it does not close ("World Health
    Organization (WHO")."""
    for k in range(start + 1, end - 1):
        if doc[k].text in _SPACED_DASHES and doc[k - 1].whitespace_ and doc[k].whitespace_:
            end = k
            break
    # "World Health Organization (WHO" without its closing bracket: the name ends before it
    for k in range(start + 1, end):
        if doc[k].text == "(" and not any(t.text == ")" for t in doc[k + 1 : end]):
            end = k
            break
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


#: What is named after a saint in news: "St Mary's Hospital", "St Anne's school".
_SAINTS: Final = frozenset({"st", "st.", "saint"})
_NAMED_AFTER_SAINTS: Final = frozenset(
    """hospital hospitals school college academy church cathedral abbey chapel university
    infirmary clinic hospice parish""".split()
)


def _named_after_saint(doc: Doc, start: int, end: int) -> int | None:
    """The end of an institution named after a saint that a person's name begins ("St Anne"
    of "St Anne's hospital"), or None when the name is not such a saint's."""
    if doc[start].lower_ not in _SAINTS or end - start < 2:
        return None
    if doc[end - 1].lower_ in _NAMED_AFTER_SAINTS:  # the model took it all for a name
        return end
    after = doc[end : end + 2]
    possessive = len(after) == 2 and after[0].text in ("'s", "’s", "'", "’")
    if possessive and after[1].lower_ in _NAMED_AFTER_SAINTS:
        return end + 2
    return None


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
    """A company's name key without its legal form: "pirelli spa" -> "pirelli", "openai,
    inc" -> "openai"."""
    words = key.replace(",", " ").split()
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
    suburb outskirts north south east west northeast northwest southeast southwest
    mayor governor residents inhabitants citizens streets centre center""".split()
)


#: A score or a count of a results line: "3", "145-3", "320/6".
_SCORE: Final = re.compile(r"^\d{1,3}(?:[-/]\d{1,3})?$")


def _results_line(doc: Doc) -> bool:
    """Whether a sentence is a line of sports results or standings: numbers make up at
    least a third of its words ("Derbyshire 320 and 145-3 Essex 290")."""
    words = [t for t in doc if not t.is_punct and not t.is_space]
    return len(words) >= 3 and 3 * sum(t.like_num for t in words) >= len(words)


def _context_hint(doc: Doc, start: int, end: int, label: str = "") -> ActorKind | None:
    """The kind of name the words around a name point to, whatever the model said.

    "the town of X", "east of X", "the mayor of X", "near X": a place, and so is "in X" for a
    name the model took for a person (an organisation may well follow "in": "a stake in
    Pirelli"); "X, 45," and "X, who": a person. A town or county followed by a score in a line
    of results or standings is its team, an organisation.
    """
    before = [t.lower_ for t in doc[max(0, start - 2) : start]]
    if before[-1:] == ["near"] or (
        len(before) == 2 and before[1] == "of" and before[0] in _PLACE_NOUNS
    ):
        return "place"
    after = [t.text for t in doc[end : end + 3]]
    if label != "PERSON" and after[:1] and _SCORE.match(after[0]) and _results_line(doc):
        return "organization"  # "Essex 320 and 145-3", "CHICAGO 74 60 .552": a team
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


@functools.lru_cache(maxsize=1 << 14)
def _shouting(text: str) -> bool:
    """Whether a line is written in capitals ("CAR BOMB KILLS 12 IN BAGHDAD"); kept for the
    sentences seen last, which a story reads in every pair their article is in."""
    letters = _LETTERS.findall(text)
    return len(letters) > 8 and sum(map(str.isupper, letters)) > 0.6 * len(letters)


#: Where a sentence's mentions are kept on its spaCy document.
_KEPT: Final = "parallax.candidates"


def sentence_candidates(ps: ParsedSentence, side: Side, lex: Lexicon) -> list[_Cand]:
    """The mentions of one sentence before merging (fresh copies: merging changes them).

    They are kept on the sentence's spaCy document, which the recogniser reuses for the same
    text, so a sentence is read for names once wherever it stands: in an article compared
    with several others (a story), or in both articles of a pair. What is kept is relative
    to the sentence; each copy is placed in its article, side and sentence.
    """
    kept = ps.doc.user_data.get(_KEPT)
    if kept is None or kept[0] is not lex:  # the lexicon held, so never another's id
        kept = ps.doc.user_data[_KEPT] = (lex, tuple(_sentence_candidates(ps, lex)))
    base, index = ps.sentence.start, ps.sentence.index
    return [c.placed(side, index, base) for c in kept[1]]


#: The most words a known name runs on past what the recogniser tagged.
_RUN_ON_WORDS: Final = 4


def _known_run_on(doc: Doc, start: int, end: int, taken: set[int], lex: Lexicon) -> int:
    """The end of the longest name the lexicon knows that starts with the tagged span and
    runs on over capitalised words and "and" / "of": the small model tags "Customs" of
    "Customs and Border Protection"."""
    best = end
    for stop in range(end + 1, min(end + _RUN_ON_WORDS, len(doc)) + 1):
        last = doc[stop - 1]
        capital = last.is_title or last.is_upper
        if stop - 1 in taken or not (capital or last.lower_ in ("and", "of")):
            break
        if capital and lex.lookup_name(doc[start:stop].text) is not None:
            best = stop
    return best


def _in_case_name(doc: Doc, start: int, end: int) -> bool:
    """Whether a name is a party in a court case's name ("Korematsu" and "United States" of
    "Korematsu v. United States"): the case is no actor, and neither are its parties there."""
    after = doc[end].lower_ if end < len(doc) else ""
    before = doc[start - 1].lower_ if start > 0 else ""
    return (after in _VERSUS and end + 1 < len(doc) and doc[end + 1].text[:1].isupper()) or (
        before in _VERSUS and start >= 2 and doc[start - 2].text[:1].isupper()
    )


def _hyphen_fragment(doc: Doc, start: int, end: int) -> bool:
    """Whether a name is only part of a name joined by hyphens around a small lower-case
    word ("Mar" of "Mar-a-Lago", "Avon" of "Stratford-upon-Avon"): no actor of its own."""

    def linked(i: int) -> bool:  # tokens i..i+2 are "-", a lower-case word, "-", unspaced
        return (
            i >= 0
            and i + 2 < len(doc)
            and doc[i].text == "-"
            and doc[i + 1].is_lower
            and doc[i + 2].text == "-"
            and not (doc[i].whitespace_ or doc[i + 1].whitespace_)
        )

    return (not doc[end - 1].whitespace_ and linked(end)) or (
        start >= 3 and not doc[start - 1].whitespace_ and linked(start - 3)
    )


def _sentence_candidates(ps: ParsedSentence, lex: Lexicon) -> list[_Cand]:
    """The mentions of one sentence, with offsets into the sentence (as if it were the first
    sentence of a left article: :func:`sentence_candidates` places them)."""
    doc, base, index = ps.doc, 0, 0
    side: Side = "left"
    ents = tuple(e for e in doc.ents if not _hyphen_fragment(doc, e.start, e.end))
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
        if end - start > 1 and (
            doc[end - 1].lower_ in _PRODUCT_WORDS
            or f"{doc[end - 2].lower_} {doc[end - 1].lower_}" in _PRODUCT_WORDS
        ):
            taken.update(range(start, end))
            return  # "Makoff Baby Cough Syrup": a product, not who made it
        if kind == "place" and (
            _PARTY_TAG.search(ps.sentence.text[: span.start_char]) or _PARTY_LABEL.match(span.text)
        ):
            taken.update(range(start, end))
            return  # "Sen. Tammy Baldwin (D-Wis.)": the senator's party and state, a label
        if _in_case_name(doc, start, end):
            taken.update(range(start, end))
            return  # "Korematsu v. United States": a court case's name, not its parties
        if name_key(span.text) in lex.platforms:
            taken.update(range(start, end))
            if start > 0 and doc[start - 1].lower_ in _POSTED_PREPOSITIONS:
                return  # "wrote on Twitter": where it was said, not who said it
            if end < len(doc) and doc[end].pos_ == "NOUN" and doc[end - 1].dep_ == "compound":
                return  # "a Facebook post", "his Telegram channel": a kind of thing
            kind = "organization"  # "Facebook removed the post": never a person or a place
        a, b = base + span.start_char, base + span.end_char
        hint = _context_hint(doc, start, end, label)
        if hint == "organization" and kind == "place":
            # A town or county in a results line is its team or club, an organisation.
            kind, name, known = "organization", span.text, False
        cands.append(_Cand(side, index, a, b, span.text, kind, name, known, hint=hint, **kw))
        taken.update(range(start, end))

    # People first, with the titles before their names.
    for ent in ents:
        if ent.label_ != "PERSON":
            continue
        start, end = _trim(doc, ent.start, ent.end)
        # "Marine Le" tagged for "Marine Le Pen": a name whose last word leans on the next
        # capitalised name word runs on to it.
        while (
            start < end < len(doc)
            and end not in ent_of
            and doc[end - 1].dep_ == "compound"
            and doc[end - 1].head.i == end
            and doc[end].pos_ == "PROPN"
            and doc[end].text[:1].isupper()
            and not doc[end].is_upper  # "CEO", "NATO": no word of a name
            and not _is_role(doc[end], lex)
        ):
            end += 1
        # "President Putin" tagged as one name: the role words belong to the title.
        while start < end - 1 and _is_role(doc[start], lex):
            start += 1
        # "Briton Tim Henman": the demonym says where the person is from.
        while start < end - 1 and _demonym(doc[start].text, lex) is not None:
            start += 1
        if start >= end or name_key(doc[start:end].text) in lex.non_actors:
            continue
        named_for = _named_after_saint(doc, start, end)
        if named_for is not None:  # "St Anne's hospital": the hospital, not the saint
            add(start, named_for, "organization", doc[start:named_for].text, False)
            continue
        entry = lex.lookup_name(doc[start:end].text)
        if entry is not None:  # "Reuters", "Liechtenstein" taken for a person
            add(start, end, entry.kind, entry.name, True)
            continue
        if _structure(doc, start, end, lex):
            taken.update(range(start, end))
            continue  # "on Mill Lane", "the Francis Scott Key Bridge" taken for a person
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
        # "the prime minister of Qatar": the place after the title counts as one before it;
        # "..., Sheikh Mohammed, said": the person is named right there.
        of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"]  # fmt: skip
        if any(
            x.dep_ == "appos" and x.ent_type_ == "PERSON" for t in (tok, *of) for x in t.children
        ):
            continue
        for g in of:
            entry = _token_entry(doc, g.i, ent_of, lex)
            if entry is not None:
                nominal_places.add(entry.name)
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
        named_for = _named_after_saint(doc, start, end)
        if named_for is not None and not any(i in taken for i in range(end, named_for)):
            end = named_for  # "St Anne's" of "St Anne's hospital": the whole name
        end = _known_run_on(doc, start, end, taken, lex)
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
        elif (
            ent.label_ == "ORG"
            and _valid_org(doc, start, end)
            and not _structure(doc, start, end, lex)
        ):
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
            if entry is None and n > 1:
                entry = lex.metonyms.get(key)  # "Downing Street said", missed at the start
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


def _structure(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """Whether a name the model took for a person or an organisation is a street's or a
    structure's: its last word says so ("Lane", "Bridge") and a place word stands before
    it ("on Mill Lane", "the Francis Scott Key Bridge"), so "Nathan Lane said" stays a person
    and "Downing Street", which stands for a government, stays what the lexicon says."""
    return (
        end - start > 1
        and start > 0
        and doc[end - 1].lower_.rstrip(".") in _STRUCTURE_WORDS
        and doc[start - 1].lower_ in _PLACE_BEFORE
        and name_key(doc[start:end].text) not in lex.metonyms
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
    resolution declaration constitution code cup championship games olympics war case
    trial""".split()
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
