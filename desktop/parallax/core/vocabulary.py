"""The English word lists core shares: function words, months and weekdays, verbs of saying.

One place for them, so two stages never disagree about what a month or a stop word is. The
lists that are larger than a handful and that a journalist might want to extend (countries,
organisations, reporting cues with their stance) are data, in ``data/lexicons``; these are
closed classes of the language, and part of the code.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "COLON_DATELINE",
    "FUNCTION_WORDS",
    "MONTHS",
    "OPENING_DATELINE",
    "SAY_FORMS",
    "SPEECH_VERBS",
    "STATEMENT_VERBS",
    "STOPWORDS",
    "WEEKDAYS",
    "dateline_end",
]

#: Articles, prepositions, conjunctions, auxiliaries and the like: words that never carry
#: a fact by themselves (what differences look past when they compare names).
FUNCTION_WORDS: Final = frozenset(
    """a an the of to in on at for by with from and or but that this these those is are was
    were be been being has have had it its as which who whom whose will would could should
    may might must can also both each either neither not no nor if then than so such""".split()
)

#: :data:`FUNCTION_WORDS` with pronouns, common adverbs and the words of attribution
#: ("said", "according"): what the aligner leaves out of a sentence's bag of words.
STOPWORDS: Final = FUNCTION_WORDS | frozenset(
    """about above after again against all am and any are because before below between
    doing down during even ever every few further having he her here hers herself him
    himself his how however i into itself just least let like many me meanwhile more most
    much my myself now off once only other others our ours ourselves out over own per same
    shall she since some their theirs them themselves there they though through thus too
    under until up upon us very we what when where whether while why within without yet you
    your yours said says say according moreover notably did do does""".split()
)

#: Month names and their abbreviations, with the month's number.
MONTHS: Final[dict[str, int]] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

#: Lemmas of verbs that report speech only when something is reported with them (a clause,
#: a quote): "added 72 runs" reports nothing. The reporting cues with a stance of their
#: own ("condemned", "welcomed") are in ``data/lexicons/cues.tsv``.
SPEECH_VERBS: Final = frozenset(
    """say tell add note remark state report announce claim explain write declare predict
    acknowledge comment reply insist argue suggest confirm tweet post mention reveal rule
    conclude caution""".split()
)

#: Those of :data:`SPEECH_VERBS` that make a statement with a plain object too: "announced
#: her resignation", "confirmed the deal" (but "added 72 runs" is no statement).
STATEMENT_VERBS: Final = frozenset(
    {"announce", "confirm", "declare", "acknowledge", "claim", "mention"}
)

#: Inflected verbs of saying that close a quote's attribution (``"Why?" the minister
#: asked.``): the sentence splitter keeps such a quote and its speaker in one sentence.
SAY_FORMS: Final = (
    "said says say asked asks told tells added adds wrote writes tweeted posted replied "
    "insisted exclaimed declared warned stated noted explained continued recalled shouted "
    "cried quipped answered argued claimed countered remarked responded admitted acknowledged "
    "demanded wondered joked urged vowed pleaded screamed yelled"
).split()

#: A dateline opening a sentence: the place in capitals, perhaps a state or a date after a
#: comma, and the agency in brackets, then a dash ("WASHINGTON —", "WOODSIDE, Calif. (AP) —",
#: "(Reuters) -" when the splitter cut the place off). Its words are no subject of the
#: sentence, though a parser often takes them for one.
OPENING_DATELINE: Final = re.compile(
    r"^\s*(?=[A-Z(])"
    r"(?P<place>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:,\s*[A-Z][\w.'’ ]{1,30}?)?\s*)?"
    r"(?P<outlet>\([A-Z][\w&.'’/-]*(?: [A-Z&][\w&.'’-]*){0,3}\)\s*)?"
    r"(?:-{1,2}|–|—)\s"
)


#: A dateline closed by a colon: a place in capitals ("NEW DELHI: A powerful earthquake"),
#: or a place and a day ("Brasília, OCT 31: Brazilian president-elect ..."). A name in
#: title case alone before a colon is no dateline: "Tsipras: we won" is who speaks.
COLON_DATELINE: Final = re.compile(
    r"^\s*(?:[A-Z][A-Z.'’-]{2,}(?: [A-Z][A-Z.'’-]+){0,3}"
    r"|[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2},\s*(?:[A-Z][a-z]{2,8}|[A-Z]{3,4})\.?\s+\d{1,2})"
    r"\s*:\s"
)


def dateline_end(text: str) -> int:
    """Where a sentence's opening dateline ends (0 when it has none)."""
    m = OPENING_DATELINE.match(text)
    if m is None or not (m["outlet"] or (m["place"] and len(m["place"].strip()) >= 3)):
        colon = COLON_DATELINE.match(text)
        return colon.end() if colon else 0
    return m.end()
