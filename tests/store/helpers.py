"""Hand-built comparisons for the store tests, and what several of them share.

Built by hand rather than by the pipeline so that the tests run in milliseconds, cover actors,
reactions, differences and repairs before the stages that produce them exist, and do not
change when the aligner does. Every record is internally consistent (sentence offsets point
into the text, repairs into the original), as the pipeline's are.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from parallax.core.model import (
    Actor,
    Comparison,
    Difference,
    Document,
    Link,
    Mention,
    Reaction,
    Repair,
    Sentence,
    Side,
)
from parallax.store import Library


def make_document(
    sentences: Sequence[str],
    *,
    title: str | None = "A title",
    source: str | None = "Harbour Times",
    published: str | None = "2024-06-19",
    url: str | None = None,
    author: str | None = None,
    junk: str = "",
) -> Document:
    """A split and repaired article; ``junk`` is a prefix the repair stage removed."""
    parts: list[Sentence] = []
    pos = 0
    for i, text in enumerate(sentences):
        parts.append(Sentence(i, pos, pos + len(text), text, "headline" if i == 0 else "body"))
        pos += len(text) + 1
    text = " ".join(sentences)
    repairs: tuple[Repair, ...] = ()
    original = text
    if junk:
        original = junk + text
        repairs = (Repair(0, len(junk), junk, "", "junk-glyph"),)
    return Document(
        original=original,
        text=text,
        title=title,
        source=source,
        published=published,
        url=url,
        author=author,
        repairs=repairs,
        sentences=tuple(parts),
    )


def mention(doc: Document, side: Side, sentence: int, word: str) -> Mention:
    """A mention of ``word`` in one sentence, with offsets into the repaired text."""
    s = doc.sentences[sentence]
    start = s.start + s.text.index(word)
    return Mention(side, sentence, start, start + len(word), word)


def make_comparison(seed: int = 0, n: int = 6, *, actors: bool = True) -> Comparison:
    """A comparison of two ``n``-sentence articles; each seed gives different text."""
    n = max(n, 4)
    left = make_document(
        [f"Left {seed}: the treaty clause {i} was signed in Pyongyang." for i in range(n)],
        title=f"Pact signed ({seed})",
        source="Harbour Times",
        url=f"https://example.org/left/{seed}",
        author="Jane Doe",
        junk="\u2063",
    )
    right = make_document(
        [f"Right {seed}: sentence {i} says Putin thanked Kim for support." for i in range(n)],
        title=None,
        source="Daily Courier",
        published=None,
    )
    links = tuple(
        Link(
            left=(i,) if i % 3 else (i, i + 1),
            right=(i,),
            score=0.5 + (seed % 7) / 100 + i / (10 * n) + 1e-9,
            kind=("same", "paraphrase", "partial")[i % 3],
            differences=(Difference("number", str(i), str(i + 3)),) if i % 2 == 0 else (),
        )
        for i in range(0, n - 1, 2)
    )
    found: tuple[Actor, ...] = ()
    reactions: tuple[Reaction, ...] = ()
    if actors:
        found = (
            Actor(
                "person:putin",
                "Vladimir Putin",
                "person",
                ("Putin",),
                (mention(right, "right", 1, "Putin"), mention(right, "right", 2, "Putin")),
            ),
            Actor("person:kim", "Kim", "person", (), (mention(right, "right", 1, "Kim"),)),
            Actor(
                "country:north-korea",
                "North Korea",
                "country",
                ("Pyongyang",),
                (mention(left, "left", 0, "Pyongyang"),),
            ),
        )
        reactions = (
            Reaction("person:putin", "right", 1, "thanked", "positive", None, "Putin thanked Kim"),
            Reaction(
                "person:kim", "right", 2, "said", "neutral", "“a new era”", "Kim said “a new era”"
            ),
        )
    return Comparison(
        left=left,
        right=right,
        links=links,
        actors=found,
        reactions=reactions,
        skipped=() if actors else ("actors", "reactions"),
    )


def count(lib: Library, table: str) -> int:
    """The number of rows in ``table``."""
    return int(lib.database.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


#: Strings that break naive SQL, FTS5 queries or text handling.
HOSTILE = [
    "'; DROP TABLE articles; --",
    'Robert"); DROP TABLE sentences;--',
    "\x00",
    "a\x00b",
    "\\",
    "%_*",
    "\u202e\u2066bidi",
    "NEAR(a b) AND NOT OR",
    "😀 emoji",
    "line\nbreak\r\n",
    "",
]


def damage_a_table_page(path: Path, table: str = "sentences") -> None:
    """Fill a library with comparisons, then scramble the cell pointers of one leaf page of
    ``table``, as a bad sector or a careless copy would: SQLite opens the file, reads most of
    it, and only ``integrity_check`` (or reading that page) finds the damage."""
    import sqlite3

    with Library(path) as lib:
        for seed in range(1, 9):
            lib.save(make_comparison(seed, n=40))
    conn = sqlite3.connect(path)
    try:
        leaves = [
            r[0]
            for r in conn.execute(
                "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
                (table,),
            )
        ]
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    finally:
        conn.close()
    data = bytearray(path.read_bytes())
    offset = (leaves[len(leaves) // 2] - 1) * page_size
    data[offset + 8 : offset + 12] = b"\xff" * 4  # two cell pointers, out of the page
    path.write_bytes(bytes(data))
    conn = sqlite3.connect(path)
    try:
        # SQLite reports the page, or (when the FTS index checks its content) stops on it.
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok"
        except sqlite3.DatabaseError as exc:
            assert "malformed" in str(exc)
        assert conn.execute("SELECT count(*) FROM comparisons").fetchone()[0] == 8
    finally:
        conn.close()
