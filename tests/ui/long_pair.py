"""A long pair of made-up local news articles, linked by construction, for the reader's tests.

Every sentence is distinct and reads like local news (a council, a port, a hospital, a
rail line, a flood), built from the phrase lists below with a seeded generator: nothing is
copied from a published article. The right article reports most of the left's sentences
reworded, in another order of stories, sometimes as two sentences, and carries runs of
sentences of its own; the links say exactly which sentences report the same fact.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

from parallax.core.model import Comparison, Document, Link, Sentence

SUBJECTS = (
    "The city council",
    "The regional health authority",
    "A spokeswoman for the port authority",
    "The transport minister",
    "Officials at the water utility",
    "The mayor of Harwick",
    "Police in the northern district",
    "The harbour master",
    "Union representatives at the shipyard",
    "The director of St Anne's hospital",
    "Residents of the flooded Lower Quay",
    "The chamber of commerce",
    "Inspectors from the rail safety board",
    "The county fire service",
    "A lawyer for the families",
    "The school board",
    "Engineers working on the new bridge",
    "The opposition leader in the assembly",
    "Farmers in the river valley",
    "The national weather office",
)
VERBS = (
    ("said on {day} that", "told reporters on {day} that"),
    ("confirmed that", "acknowledged that"),
    ("announced that", "made public that"),
    ("warned that", "cautioned that"),
    ("said in a statement that", "wrote in a statement that"),
    ("insisted that", "maintained that"),
)
CLAUSES = (
    "{n} families had been moved out of homes near the river",
    "the tram line to the airport would open in {month}, {k} months late",
    "repairs to the sea wall would cost {n} million euros",
    "{n} people had been treated for smoke inhalation after the warehouse fire",
    "the night ferry to the islands would be cut to {k} crossings a week",
    "the shipyard had taken on {n} apprentices this year",
    "water from the northern reservoir was safe to drink again",
    "the bridge would stay closed to lorries until {month}",
    "ticket prices on regional trains would rise by {k} per cent",
    "{n} homes were still without power on the east bank",
    "the inquiry into the signal failure would report in {month}",
    "the budget for road repairs had been doubled to {n} million euros",
    "emergency crews had pumped water from {n} cellars overnight",
    "the hospital had postponed {n} operations because of staff shortages",
    "the harbour would reopen to cruise ships in {month}",
    "a second pumping station would be built by {month}",
    "the council had received {n} complaints about the new parking rules",
    "the strike at the container terminal had ended after {k} days",
    "the river had risen {k} metres above its usual level",
    "{n} trees had been planted along the old railway path",
)
ENDINGS = (
    "",
    "",
    "",
    ", according to figures released late on {day}",
    ", a figure disputed by local campaigners",
    ", although no date has been set for a vote",
    ", the third such announcement this year",
    ", after weeks of pressure from residents who had organised petitions and meetings "
    "in the old market hall",
)
FRESH = (
    "Shops on {street} stayed shut for a {nth} day as cleaners cleared the mud.",
    "A public meeting is planned at the town hall on {day} evening.",
    "Volunteers handed out {n} sandbags at the football ground.",
    "The bus station on {street} was reopened shortly after noon.",
    "Local radio said {n} volunteers had signed up to help.",
    "Photographs shared online showed water up to the windows on {street}.",
    "A charity concert on {day} raised {n} euros for the families.",
    "The museum on {street} said its collection had not been damaged.",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("March", "April", "May", "June", "September", "October", "November")
STREETS = ("Mill Lane", "Quay Street", "Chapel Row", "Market Square", "Rope Walk")
NTH = ("second", "third", "fourth", "fifth")


def _fill(template: str, rnd: random.Random) -> str:
    return template.format(
        day=rnd.choice(DAYS),
        month=rnd.choice(MONTHS),
        n=rnd.randrange(12, 900),
        k=rnd.randrange(2, 19),
        street=rnd.choice(STREETS),
        nth=rnd.choice(NTH),
    )


def news_facts(n: int, seed: int = 7) -> list[tuple[str, str, str]]:
    """``n`` distinct facts as (subject, verb index, clause with ending): sentence parts."""
    rnd = random.Random(seed)
    seen: set[str] = set()
    out: list[tuple[str, str, str]] = []
    while len(out) < n:
        subject = rnd.choice(SUBJECTS)
        verb = str(rnd.randrange(len(VERBS)))
        clause = _fill(rnd.choice(CLAUSES), rnd) + _fill(rnd.choice(ENDINGS), rnd)
        key = subject + clause
        if key not in seen:
            seen.add(key)
            out.append((subject, verb, clause))
    return out


def _say(subject: str, verb: str, clause: str, rnd: random.Random, *, reworded: bool) -> str:
    said = _fill(VERBS[int(verb)][1 if reworded else 0], rnd)
    return f"{subject} {said} {clause}."


def _document(paragraphs: Sequence[Sequence[str]], title: str, outlet: str) -> Document:
    text_parts: list[str] = []
    sentences: list[Sentence] = []
    pos = 0
    for p, paragraph in enumerate(paragraphs):
        if p:
            text_parts.append("\n\n")
            pos += 2
        for s, sentence in enumerate(paragraph):
            if s:
                text_parts.append(" ")
                pos += 1
            role = "headline" if p == 0 else "body"
            sentences.append(Sentence(len(sentences), pos, pos + len(sentence), sentence, role))
            text_parts.append(sentence)
            pos += len(sentence)
    text = "".join(text_parts)
    return Document(
        original=text, text=text, title=title, source=outlet, sentences=tuple(sentences)
    )


def long_comparison(n_left: int = 300, n_right: int = 400, seed: int = 7) -> Comparison:
    """Two articles of ``n_left`` and ``n_right`` sentences and the links between them.

    Four in five left sentences are reported on the right (one in ten of those as two
    sentences); the right tells its stories (paragraphs) in a shuffled order and fills up
    with runs of sentences of its own.
    """
    rnd = random.Random(seed)
    facts = news_facts(n_left, seed)
    left_sentences = [_say(*fact, rnd, reworded=False) for fact in facts]
    left_sentences[0] = "Harwick counts the cost as the river falls and the repairs begin"
    sizes: list[int] = [1]
    while sum(sizes) < n_left:
        sizes.append(min(rnd.randrange(3, 7), n_left - sum(sizes)))
    left_paragraphs: list[list[int]] = []
    start = 0
    for size in sizes:
        left_paragraphs.append(list(range(start, start + size)))
        start += size
    # The right: its headline first, then the stories in another order.
    order = [0, *rnd.sample(range(1, len(left_paragraphs)), len(left_paragraphs) - 1)]
    shared = [i for i in range(n_left) if i == 0 or rnd.random() < 0.8]
    splits = {i for i in shared[1:] if rnd.random() < 0.1}
    n_linked = len(shared) + len(splits)
    fresh_total = max(n_right - n_linked, 0)
    right_paragraphs: list[list[tuple[str, int | None]]] = []
    for p in order:
        paragraph: list[tuple[str, int | None]] = []
        for i in left_paragraphs[p]:
            if i not in shared:
                continue
            if i == 0:
                paragraph.append(("Harwick begins repairs as the floodwater recedes", 0))
                continue
            subject, verb, clause = facts[i]
            if i in splits:
                spoke = (
                    f"{subject} spoke at {rnd.randrange(8, 20)}:{rnd.randrange(60):02} on {{day}}."
                )
                paragraph.append((_fill(spoke, rnd), i))
                paragraph.append((f"It {_fill(VERBS[int(verb)][1], rnd)} {clause}.", i))
            else:
                paragraph.append((_say(subject, verb, clause, rnd, reworded=True), i))
        if paragraph:
            right_paragraphs.append(paragraph)
    # Runs of the right's own sentences, between stories and inside them.
    fresh_seen: set[str] = set()
    while fresh_total > 0:
        run = min(rnd.randrange(1, 7), fresh_total)
        paragraph = right_paragraphs[rnd.randrange(1, len(right_paragraphs))]
        at = rnd.randrange(0, len(paragraph) + 1)
        for _ in range(run):
            sentence = _fill(rnd.choice(FRESH), rnd)
            while sentence in fresh_seen:
                sentence = _fill(rnd.choice(FRESH), rnd)
            fresh_seen.add(sentence)
            paragraph.insert(at, (sentence, None))
        fresh_total -= run
    right_texts: list[list[str]] = [[s for s, _ in p] for p in right_paragraphs]
    counterpart: dict[int, list[int]] = {}
    index = 0
    for p in right_paragraphs:
        for _s, source in p:
            if source is not None:
                counterpart.setdefault(source, []).append(index)
            index += 1
    links = tuple(
        Link(left=(i,), right=tuple(counterpart[i]), score=0.8, kind="paraphrase")
        for i in sorted(counterpart)
    )
    left = _document(
        [[left_sentences[i] for i in p] for p in left_paragraphs],
        "Harwick counts the cost",
        "Harwick Evening Post",
    )
    right = _document(right_texts, "Harwick begins repairs", "Valley Courier")
    return Comparison(left=left, right=right, links=links, skipped=("actors", "reactions"))


def write_pair(directory: Path, n_left: int = 300, n_right: int = 400) -> tuple[Path, Path]:
    """Write the long pair as two plain-text articles (headline first), e.g. to read it in
    the reader or to take the README's screenshots of a long pair::

        python -m tests.ui.long_pair /tmp/long-pair
    """
    comparison = long_comparison(n_left, n_right)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, doc in (
        ("harwick-post.txt", comparison.left),
        ("valley-courier.txt", comparison.right),
    ):
        path = directory / name
        path.write_text(doc.text + "\n", encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1]


if __name__ == "__main__":
    import sys

    for written in write_pair(Path(sys.argv[1] if len(sys.argv) > 1 else "long-pair")):
        print(written)
