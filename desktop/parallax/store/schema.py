"""The library's schema, as one ordered list of sqlite-utils migrations.

Rules for whoever adds the next migration:

* Never edit a migration that has been released: a user's library has already run it.
  ``tests/store/fixtures/schema-1.sql`` is a library as the first release wrote it, and the
  tests check that a fresh file built by the released migrations still matches it.
* Append a new ``@MIGRATIONS(name="m00N_...")`` function, bump ``SCHEMA_VERSION``, add a
  fixture of the new schema, and keep writing explicit DDL: tables are never created by
  inserting into them, so keys, foreign keys and constraints are always deliberate.
* A Parallax that finds a migration name it does not know refuses to open the file
  (:class:`~parallax.store.errors.NewerLibrary`) rather than write to a schema it does not
  understand.

Naming follows what a reader of the file in Datasette expects: one table per record type,
``*_id`` columns are foreign keys, sentence numbers are ``idx``/``sentence`` (the
``index`` of the comparison document, which is an SQL keyword), and character offsets are
``start_char``/``end_char``. Dates are ISO 8601 in UTC.
"""

from __future__ import annotations

from typing import Final

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from parallax.core.model import Document, sentence_sha256

__all__ = ["MIGRATIONS", "MIGRATION_SET", "SCHEMA_VERSION", "TABLES", "VIEWS"]

#: The name under which sqlite-utils records our migrations in ``_sqlite_migrations``.
MIGRATION_SET: Final = "parallax"
#: Also written to ``PRAGMA user_version`` so any SQLite tool can tell the schema apart.
SCHEMA_VERSION: Final = 3

MIGRATIONS: Final = Migrations(MIGRATION_SET)

_NOW: Final = "(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"

_M001: Final[tuple[str, ...]] = (
    # -- articles: one row per article as Parallax read and repaired it -----------------------
    f"""
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL,            -- SHA-256 of the original text (Document.original_sha256)
        record_sha256 TEXT NOT NULL UNIQUE,  -- SHA-256 of everything stored for it: dedup key
        title TEXT,
        source TEXT,                     -- the outlet (or file name)
        url TEXT,
        published TEXT,                  -- as found in the article, ISO 8601 when it was a date
        original TEXT NOT NULL,          -- the text as read, junk glyphs and all
        text TEXT NOT NULL,              -- the repaired text; sentence offsets point into it
        added TEXT NOT NULL DEFAULT {_NOW}
    )
    """,
    "CREATE INDEX articles_sha256 ON articles(sha256)",
    """
    CREATE TABLE repairs (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        start_char INTEGER NOT NULL,     -- offsets into the ORIGINAL text
        end_char INTEGER NOT NULL,
        original TEXT NOT NULL,
        replacement TEXT NOT NULL,
        kind TEXT NOT NULL,              -- junk-glyph, invisible, bidi-control, mojibake, ...
        UNIQUE (article_id, position)
    )
    """,
    """
    CREATE TABLE sentences (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,            -- the sentence's index in its article
        start_char INTEGER NOT NULL,     -- offsets into the repaired text
        end_char INTEGER NOT NULL,
        role TEXT NOT NULL DEFAULT 'body',
        text TEXT NOT NULL,
        UNIQUE (article_id, idx)
    )
    """,
    # -- comparisons and what the aligner found -------------------------------------------------
    f"""
    CREATE TABLE comparisons (
        id INTEGER PRIMARY KEY AUTOINCREMENT,  -- ids are shown to users: never reused
        left_article_id INTEGER NOT NULL REFERENCES articles(id),
        right_article_id INTEGER NOT NULL REFERENCES articles(id),
        digest TEXT NOT NULL UNIQUE,     -- SHA-256 of the result: the same result is kept once
        schema TEXT NOT NULL DEFAULT 'parallax.comparison/1',
        skipped TEXT NOT NULL DEFAULT '[]',  -- JSON list of stages that did not run
        created TEXT NOT NULL DEFAULT {_NOW}
    )
    """,
    "CREATE INDEX comparisons_left ON comparisons(left_article_id)",
    "CREATE INDEX comparisons_right ON comparisons(right_article_id)",
    """
    CREATE TABLE links (
        id INTEGER PRIMARY KEY,
        comparison_id INTEGER NOT NULL REFERENCES comparisons(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,              -- same, paraphrase, partial
        score REAL NOT NULL,
        UNIQUE (comparison_id, position)
    )
    """,
    """
    CREATE TABLE link_sentences (
        link_id INTEGER NOT NULL REFERENCES links(id) ON DELETE CASCADE,
        side TEXT NOT NULL CHECK (side IN ('left', 'right')),
        position INTEGER NOT NULL,
        sentence INTEGER NOT NULL,       -- sentences.idx in that side's article
        PRIMARY KEY (link_id, side, position)
    )
    """,
    """
    CREATE TABLE differences (
        id INTEGER PRIMARY KEY,
        link_id INTEGER NOT NULL REFERENCES links(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,              -- number, date, name, quote, wording
        left_text TEXT NOT NULL,
        right_text TEXT NOT NULL,
        UNIQUE (link_id, position)
    )
    """,
    # -- who appears and how they reacted -------------------------------------------------------
    """
    CREATE TABLE actors (
        id INTEGER PRIMARY KEY,
        comparison_id INTEGER NOT NULL REFERENCES comparisons(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        actor_key TEXT NOT NULL,         -- the actor's id in the comparison document
        name TEXT NOT NULL,
        kind TEXT NOT NULL,              -- person, country, organization, place, group
        UNIQUE (comparison_id, actor_key),
        UNIQUE (comparison_id, position)
    )
    """,
    """
    CREATE TABLE aliases (
        id INTEGER PRIMARY KEY,
        actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        alias TEXT NOT NULL,
        UNIQUE (actor_id, position)
    )
    """,
    """
    CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        side TEXT NOT NULL CHECK (side IN ('left', 'right')),
        sentence INTEGER NOT NULL,
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL,
        text TEXT NOT NULL,
        UNIQUE (actor_id, position)
    )
    """,
    """
    CREATE TABLE reactions (
        id INTEGER PRIMARY KEY,
        comparison_id INTEGER NOT NULL REFERENCES comparisons(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        actor_key TEXT NOT NULL,         -- the actor's id in the comparison document
        actor_id INTEGER REFERENCES actors(id) ON DELETE CASCADE,  -- NULL if no such actor
        side TEXT NOT NULL CHECK (side IN ('left', 'right')),
        sentence INTEGER NOT NULL,
        cue TEXT NOT NULL,
        stance TEXT NOT NULL,            -- positive, negative, neutral
        quote TEXT,
        text TEXT NOT NULL,
        UNIQUE (comparison_id, position)
    )
    """,
    "CREATE INDEX reactions_actor ON reactions(actor_id)",
    # -- what the journalist added ----------------------------------------------------------
    f"""
    CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        comparison_id INTEGER NOT NULL REFERENCES comparisons(id) ON DELETE CASCADE,
        side TEXT CHECK (side IN ('left', 'right')),  -- with sentence: what the note is about
        sentence INTEGER,
        body TEXT NOT NULL,
        created TEXT NOT NULL DEFAULT {_NOW},
        updated TEXT NOT NULL DEFAULT {_NOW}
    )
    """,
    "CREATE INDEX notes_comparison ON notes(comparison_id)",
    # Corrections are keyed by the two articles' hashes, not by a comparison, so that they
    # outlive any one saved comparison and are re-applied whenever the pair is compared again.
    f"""
    CREATE TABLE link_corrections (
        left_sha256 TEXT NOT NULL,
        right_sha256 TEXT NOT NULL,
        left_sentence INTEGER NOT NULL,
        right_sentence INTEGER NOT NULL,
        verdict TEXT NOT NULL CHECK (verdict IN ('pinned', 'rejected')),
        created TEXT NOT NULL DEFAULT {_NOW},
        PRIMARY KEY (left_sha256, right_sha256, left_sentence, right_sentence)
    )
    """,
    f"""
    CREATE TABLE actor_corrections (
        id INTEGER PRIMARY KEY,
        left_sha256 TEXT NOT NULL,
        right_sha256 TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('rename', 'merge', 'delete')),
        actor_key TEXT NOT NULL,         -- the actor corrected
        value TEXT,                      -- the new name (rename) or the actor merged into (merge)
        created TEXT NOT NULL DEFAULT {_NOW},
        CHECK ((action = 'delete') = (value IS NULL))
    )
    """,
    "CREATE INDEX actor_corrections_pair ON actor_corrections(left_sha256, right_sha256)",
    # -- full-text search, kept in sync by triggers ---------------------------------------------
    # content=[table] is the spelling Datasette recognises, so its search box appears on the
    # sentences and articles tables. Porter stemming: "sanction" finds "sanctions".
    """
    CREATE VIRTUAL TABLE sentences_fts USING fts5(
        text, content=[sentences], content_rowid=[id],
        tokenize='porter unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
        INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
    END
    """,
    """
    CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
        INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END
    """,
    """
    CREATE TRIGGER sentences_au AFTER UPDATE ON sentences BEGIN
        INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
    END
    """,
    """
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content=[articles], content_rowid=[id],
        tokenize='porter unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END
    """,
    """
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
    END
    """,
    """
    CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END
    """,
    # -- views for the joins people make most often ------------------------------------------
    """
    CREATE VIEW comparison_overview AS
    SELECT c.id AS comparison_id,
           c.created,
           l.title AS left_title, l.source AS left_source,
           r.title AS right_title, r.source AS right_source,
           (SELECT count(*) FROM links WHERE links.comparison_id = c.id) AS links,
           (SELECT count(*) FROM sentences WHERE sentences.article_id = l.id) AS left_sentences,
           (SELECT count(*) FROM sentences WHERE sentences.article_id = r.id) AS right_sentences,
           (SELECT count(*) FROM actors WHERE actors.comparison_id = c.id) AS actors,
           (SELECT count(*) FROM reactions WHERE reactions.comparison_id = c.id) AS reactions,
           (SELECT count(*) FROM notes WHERE notes.comparison_id = c.id) AS notes
    FROM comparisons AS c
    JOIN articles AS l ON l.id = c.left_article_id
    JOIN articles AS r ON r.id = c.right_article_id
    """,
    """
    CREATE VIEW link_texts AS
    SELECT k.comparison_id,
           k.id AS link_id,
           k.position,
           k.kind,
           k.score,
           (SELECT group_concat(t, ' ') FROM (
                SELECT s.text AS t FROM link_sentences AS ls
                JOIN sentences AS s ON s.article_id = c.left_article_id AND s.idx = ls.sentence
                WHERE ls.link_id = k.id AND ls.side = 'left' ORDER BY ls.position)) AS left_text,
           (SELECT group_concat(t, ' ') FROM (
                SELECT s.text AS t FROM link_sentences AS ls
                JOIN sentences AS s ON s.article_id = c.right_article_id AND s.idx = ls.sentence
                WHERE ls.link_id = k.id AND ls.side = 'right' ORDER BY ls.position)) AS right_text,
           (SELECT group_concat(d, '; ') FROM (
                SELECT kind || ': ' || left_text || ' / ' || right_text AS d FROM differences
                WHERE differences.link_id = k.id ORDER BY position)) AS differences
    FROM links AS k
    JOIN comparisons AS c ON c.id = k.comparison_id
    """,
    """
    CREATE VIEW reaction_details AS
    SELECT r.comparison_id,
           r.id AS reaction_id,
           r.position,
           coalesce(a.name, r.actor_key) AS actor,
           a.kind AS actor_kind,
           r.side,
           CASE r.side WHEN 'left' THEN la.source ELSE ra.source END AS outlet,
           r.sentence,
           r.cue,
           r.stance,
           r.quote,
           r.text
    FROM reactions AS r
    JOIN comparisons AS c ON c.id = r.comparison_id
    JOIN articles AS la ON la.id = c.left_article_id
    JOIN articles AS ra ON ra.id = c.right_article_id
    LEFT JOIN actors AS a ON a.id = r.actor_id
    """,
    """
    CREATE VIEW mention_details AS
    SELECT a.comparison_id,
           a.name AS actor,
           a.kind AS actor_kind,
           m.side,
           CASE m.side WHEN 'left' THEN la.source ELSE ra.source END AS outlet,
           m.sentence,
           m.text AS mention,
           s.text AS sentence_text
    FROM mentions AS m
    JOIN actors AS a ON a.id = m.actor_id
    JOIN comparisons AS c ON c.id = a.comparison_id
    JOIN articles AS la ON la.id = c.left_article_id
    JOIN articles AS ra ON ra.id = c.right_article_id
    LEFT JOIN sentences AS s
        ON s.article_id = CASE m.side WHEN 'left' THEN la.id ELSE ra.id END
       AND s.idx = m.sentence
    """,
    # Released as schema 1: the literal stays 1 when SCHEMA_VERSION moves on.
    "PRAGMA user_version = 1",
)

#: The tables a library has (FTS shadow tables and sqlite-utils' bookkeeping aside).
TABLES: Final = (
    "articles",
    "repairs",
    "sentences",
    "comparisons",
    "links",
    "link_sentences",
    "differences",
    "actors",
    "aliases",
    "mentions",
    "reactions",
    "notes",
    "link_corrections",
    "actor_corrections",
    "correction_history",
    "sentences_fts",
    "articles_fts",
    "stories",
    "story_articles",
)
#: The views, for the joins readers of the file in Datasette make most often.
VIEWS: Final = ("comparison_overview", "link_texts", "reaction_details", "mention_details")


@MIGRATIONS(name="m001_initial")
def m001_initial(db: Database) -> None:
    """The first schema: articles, comparisons, actors, corrections, notes, FTS and views."""
    for statement in _M001:
        db.execute(statement)


_M002: Final[tuple[str, ...]] = (
    # -- the history of a pair's corrections, for undo and redo ----------------------------------
    # One row per pin, rejection or actor correction, in the order made. ``change`` holds what
    # was done (JSON), ``previous`` what it replaced, so either can be put back; an undone row
    # is kept (``undone = 1``) until the next correction of the pair, so it can be redone.
    f"""
    CREATE TABLE correction_history (
        id INTEGER PRIMARY KEY,
        left_sha256 TEXT NOT NULL,
        right_sha256 TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('link', 'actor')),
        change TEXT NOT NULL,
        previous TEXT,
        undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
        created TEXT NOT NULL DEFAULT {_NOW}
    )
    """,
    "CREATE INDEX correction_history_pair ON correction_history(left_sha256, right_sha256)",
    "PRAGMA user_version = 2",
)


@MIGRATIONS(name="m002_correction_history")
def m002_correction_history(db: Database) -> None:
    """Corrections as a history, so a journalist can undo and redo them."""
    for statement in _M002:
        db.execute(statement)


_M003: Final[tuple[str, ...]] = (
    # -- the title is repaired like the text; what was removed from it is kept ------------------
    # JSON list of repairs (as in the comparison document), offsets into the title as read.
    "ALTER TABLE articles ADD COLUMN title_repairs TEXT NOT NULL DEFAULT '[]'",
    # -- links the journalist pinned ---------------------------------------------------------
    # A pinned link is exactly the pair of sentences pinned, kept whatever the aligner scores;
    # the flag lets every reader of the file (the reader, the reports, Datasette) tell it from
    # the aligner's links. Links saved before are the aligner's (0).
    "ALTER TABLE links ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1))",
    # -- notes join the history --------------------------------------------------------------
    # Writing, editing and deleting a note are entries of the pair's history (kind 'note'), so
    # they are undone and redone in order with the pins, rejections and actor corrections.
    # SQLite cannot change a CHECK constraint in place: the table is rebuilt, rows kept.
    f"""
    CREATE TABLE correction_history_new (
        id INTEGER PRIMARY KEY,
        left_sha256 TEXT NOT NULL,
        right_sha256 TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('link', 'actor', 'note')),
        change TEXT NOT NULL,
        previous TEXT,
        undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
        created TEXT NOT NULL DEFAULT {_NOW}
    )
    """,
    "INSERT INTO correction_history_new SELECT id, left_sha256, right_sha256, kind, change,"
    " previous, undone, created FROM correction_history",
    "DROP TABLE correction_history",
    "ALTER TABLE correction_history_new RENAME TO correction_history",
    "CREATE INDEX correction_history_pair ON correction_history(left_sha256, right_sha256)",
    # -- who wrote each article, as found in its page or byline or as the journalist gave it --
    "ALTER TABLE articles ADD COLUMN author TEXT",
    # -- how the text was read, when the reader should know (JSON list of sentences): "the
    # page's whole visible text is shown" and the like, as in the comparison document.
    "ALTER TABLE articles ADD COLUMN reading_notes TEXT NOT NULL DEFAULT '[]'",
    # -- notes on a link and on an actor -------------------------------------------------------
    # A note on a link has the left sentence in ``sentence`` (side 'left') and the right one in
    # ``other_sentence``; a note on an actor has the actor's id (``person:kim-jong-un``), which
    # renames keep and re-comparisons of the pair find again, as the actor corrections do.
    "ALTER TABLE notes ADD COLUMN other_sentence INTEGER",
    "ALTER TABLE notes ADD COLUMN actor TEXT",
    # -- corrections follow the article, not the file --------------------------------------
    # An article's content key (Document.content_sha256): the same for the same article read
    # from a saved page or from plain text. Corrections, their history and the one comparison
    # of a pair are found by it; the ``left_sha256``/``right_sha256`` columns of
    # link_corrections, actor_corrections and correction_history hold it from schema 3 on.
    "ALTER TABLE articles ADD COLUMN content_sha256 TEXT",
    "CREATE INDEX articles_content_sha256 ON articles(content_sha256)",
    # What a pin or rejection remembers of its two sentences (sentence_sha256 of each), so
    # it finds them again when another reading of the article numbers them differently; NULL
    # for corrections of the sentences' numbers alone.
    "ALTER TABLE link_corrections ADD COLUMN left_text_sha256 TEXT",
    "ALTER TABLE link_corrections ADD COLUMN right_text_sha256 TEXT",
    # -- stories: a named set of articles on one event ------------------------------------------
    # A story's articles are stored once, as comparisons store them; the comparisons of its
    # pairs are the library's comparisons of those pairs (found by the articles' sha256), so a
    # pair is compared once whichever story or face asked for it.
    f"""
    CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created TEXT NOT NULL DEFAULT {_NOW}
    )
    """,
    """
    CREATE TABLE story_articles (
        story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        sha256 TEXT NOT NULL,            -- the article's original (Document.original_sha256)
        position INTEGER NOT NULL,       -- 1, 2, ... as added, never reused: "a1", "a2", ...
        outlet TEXT,                     -- who published it, as the journalist named it
        PRIMARY KEY (story_id, position),
        UNIQUE (story_id, sha256)
    )
    """,
    "CREATE INDEX story_articles_article ON story_articles(article_id)",
    "PRAGMA user_version = 3",
)

#: The tables whose rows are a pair's corrections, keyed by ``left_sha256``/``right_sha256``.
_KEYED_BY_PAIR: Final = ("link_corrections", "actor_corrections", "correction_history")


@MIGRATIONS(name="m003_titles_pins_notes_authors")
def m003_titles_pins_notes_authors(db: Database) -> None:
    """Titles keep their repairs, links whether the journalist pinned them, notes join the
    pair's history of corrections and may be about a link or an actor, and articles keep
    their author and how they were read; corrections are keyed by the articles' content;
    stories (named sets of articles) are kept."""
    for statement in _M003:
        db.execute(statement)
    _rekey_corrections(db)


def _rekey_corrections(db: Database) -> None:
    """Key the corrections made before schema 3 by their articles' content.

    Until then they were keyed by the SHA-256 of each original text (``articles.sha256``).
    Every stored article gets its content key, computed from its stored repaired text, title
    and author; every correction whose two articles are stored is re-keyed by them, and a
    pin or rejection also remembers its two sentences (from the stored sentences). A
    correction of an article no longer stored cannot be re-keyed and is left as it was:
    it keeps its rows (and ``library`` exports show it) but no comparison finds it again.
    """
    conn = db.conn
    keys: dict[str, str] = {}
    rows = conn.execute("SELECT id, sha256, text, title, author FROM articles").fetchall()
    for article_id, original_sha, text, title, author in rows:
        key = Document(original="", text=text, title=title, author=author).content_sha256
        conn.execute("UPDATE articles SET content_sha256 = ? WHERE id = ?", (key, article_id))
        keys.setdefault(original_sha, key)

    def sentence_key(original_sha: str, idx: int) -> str | None:
        row = conn.execute(
            "SELECT s.text FROM sentences AS s JOIN articles AS a ON a.id = s.article_id"
            " WHERE a.sha256 = ? AND s.idx = ? ORDER BY a.id LIMIT 1",
            (original_sha, idx),
        ).fetchone()
        return None if row is None else sentence_sha256(row[0])

    for lsha, rsha, ls, rs in conn.execute(
        "SELECT left_sha256, right_sha256, left_sentence, right_sentence FROM link_corrections"
    ).fetchall():
        conn.execute(
            "UPDATE link_corrections SET left_text_sha256 = ?, right_text_sha256 = ?"
            " WHERE left_sha256 = ? AND right_sha256 = ? AND left_sentence = ?"
            " AND right_sentence = ?",
            (sentence_key(lsha, ls), sentence_key(rsha, rs), lsha, rsha, ls, rs),
        )
    for table in _KEYED_BY_PAIR:
        for lsha, rsha in conn.execute(
            f"SELECT DISTINCT left_sha256, right_sha256 FROM {table}"
        ).fetchall():
            if lsha in keys and rsha in keys:
                # OR IGNORE: two files of one article corrected the same way keep one row.
                conn.execute(
                    f"UPDATE OR IGNORE {table} SET left_sha256 = ?, right_sha256 = ?"
                    " WHERE left_sha256 = ? AND right_sha256 = ?",
                    (keys[lsha], keys[rsha], lsha, rsha),
                )
