"""``parallax compare`` keeps results; ``parallax library`` lists, searches, shows, exports, deletes."""

from __future__ import annotations

import dataclasses
import io
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from parallax.cli import main
from parallax.core.model import Actor, Comparison, Document, Link, Reaction
from parallax.core.pipeline import Options, prepare
from parallax.store import ActorCorrection, Library
from tests.store.helpers import make_comparison


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.BytesIO(b""), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("parallax: "), err
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def fake_compare(monkeypatch: pytest.MonkeyPatch) -> list[Options]:
    """Stand in for the pipeline: fast, and records the options the CLI passed.

    The articles are the real ingested ones, repaired and split, so their hashes are those
    the CLI looks corrections up by; the links and actors are fixed.
    """
    calls: list[Options] = []

    def link(
        left: Document, right: Document, *, options: Options | None = None, **_: object
    ) -> Comparison:
        opts = options or Options()
        calls.append(opts)
        left = prepare(left, skip_repairs=opts.skip_repairs)
        right = prepare(right, skip_repairs=opts.skip_repairs)
        return Comparison(
            left,
            right,
            links=(
                # pins past either article dropped, as the aligner does
                *(
                    Link((i,), (j,), 1.0, "same")
                    for i, j in opts.pinned
                    if i < len(left.sentences) and j < len(right.sentences)
                ),
                Link((1,), (0,), 0.9, "paraphrase"),
            ),
            skipped=("actors", "reactions"),
        )

    def find_actors(comparison: Comparison, *_: object) -> Comparison:
        return dataclasses.replace(
            comparison,
            actors=(Actor("person:kim", "Kim", "person"), Actor("person:putin", "Putin", "person")),
            reactions=(Reaction("person:kim", "left", 1, "said", "neutral", None, "Kim said"),),
            skipped=(),
        )

    monkeypatch.setattr("parallax.core.pipeline.link", link)
    monkeypatch.setattr("parallax.session.Session._find_actors", staticmethod(find_actors))
    return calls


# -- compare stores ----------------------------------------------------------------------


def test_compare_stores_and_export_gives_back_the_same_document(
    sample_paths: tuple[Path, Path], library_path: Path
) -> None:
    """End to end with the real pipeline: what compare printed is what the library exports."""
    code, printed, err = run("compare", *map(str, sample_paths), "--json")
    assert code == 0, err
    assert "saved as comparison 1" in err and str(library_path) in err
    code, exported, err = run("library", "export", "1", "--format", "json")
    assert code == 0, err
    assert json.loads(exported) == json.loads(printed)
    # Comparing the same pair again keeps one copy.
    code, _, err = run("compare", *map(str, sample_paths))
    assert code == 0 and "saved as comparison 1" in err


def test_no_store_never_opens_the_library(
    sample_paths: tuple[Path, Path], library_path: Path, fake_compare: list[Options]
) -> None:
    code, _, err = run("compare", *map(str, sample_paths), "--no-store")
    assert code == 0, err
    assert "saved" not in err
    assert not library_path.exists()


def test_db_flag_and_environment(
    sample_paths: tuple[Path, Path],
    library_path: Path,
    tmp_path: Path,
    fake_compare: list[Options],
) -> None:
    other = tmp_path / "story" / "pact.db"
    assert run("compare", *map(str, sample_paths), "--db", str(other))[0] == 0
    assert other.exists() and not library_path.exists()
    assert run("compare", *map(str, sample_paths))[0] == 0  # $PARALLAX_DB
    assert library_path.exists()
    for argv in (["library", "list", "--db", str(other)], ["library", "--db", str(other), "list"]):
        code, out, err = run(*argv)
        assert code == 0, err
        assert str(other) in out and "1 comparison" in out


def test_saved_corrections_are_reapplied(
    sample_paths: tuple[Path, Path], fake_compare: list[Options]
) -> None:
    from parallax.core.ingest import read_path
    from parallax.core.pipeline import prepare

    lsha, rsha = (prepare(read_path(p)).content_sha256 for p in sample_paths)
    with Library() as lib:
        lib.correct_link(lsha, rsha, 3, 4, "pinned")
        lib.correct_link(lsha, rsha, 900, 0, "pinned")  # past the end: the aligner drops it
        lib.correct_link(lsha, rsha, 1, 0, "rejected")
        lib.correct_actor(lsha, rsha, ActorCorrection("rename", "person:kim", "Kim Jong Un"))
        lib.correct_actor(lsha, rsha, ActorCorrection("delete", "person:putin"))
    code, out, err = run("compare", *map(str, sample_paths), "--json")
    assert code == 0, err
    (options,) = fake_compare
    # Passed on as saved: the aligner drops what points past either article
    # (tests/core/align/test_align.py), so the command line need not split the articles first.
    assert options.pinned == ((3, 4), (900, 0)) and options.rejected == ((1, 0),)
    doc = json.loads(out)
    assert [(a["id"], a["name"], a["aliases"]) for a in doc["actors"]] == [
        ("person:kim", "Kim Jong Un", ["Kim"])
    ]
    with Library() as lib:
        (saved,) = lib.summaries()
        assert lib.load(saved.id).to_dict() == doc
    # Swapping LEFT and RIGHT keeps the pin, swapped.
    assert run("compare", *map(str, reversed(sample_paths)))[0] == 0
    assert fake_compare[1].pinned == ((0, 900), (4, 3))


# -- library commands --------------------------------------------------------------------


@pytest.fixture
def filled() -> list[int]:
    """A library with two comparisons and a note."""
    with Library() as lib:
        a = lib.save(make_comparison(1))
        b = lib.save(make_comparison(2))
        lib.add_note(a, "Call the embassy", side="left", sentence=1)
    return [a, b]


def test_list(filled: list[int], library_path: Path) -> None:
    code, out, err = run("library", "list")
    assert code == 0, err
    assert f"2 comparisons in {library_path}" in out
    lines = out.splitlines()
    assert lines[3].split()[0] == str(filled[1])  # newest first
    assert "L: Pact signed (2) — Harbour Times" in lines[3]
    assert "R: (untitled) — Daily Courier" in lines[4]
    # `parallax library` alone lists too.
    assert run("library") == (0, out, "")


def test_list_of_an_empty_library() -> None:
    code, out, _ = run("library", "list")
    assert code == 0 and "is empty" in out


def test_search_shows_the_sentence_in_context(filled: list[int]) -> None:
    code, out, err = run("library", "search", "thanked", "Kim")
    assert code == 0, err
    assert "matches for 'thanked Kim'" in out
    assert "**thanked**" in out and "**Kim**" in out
    assert "comparison 1 (right)" in out or "comparison 2 (right)" in out
    assert "sentence " in out
    code, out, _ = run("library", "search", "Pyongyang.", "--limit", "1")
    assert code == 0 and "1 match" in out and "--limit shows more" in out
    code, out, _ = run("library", "search", "zeppelin")
    assert code == 0 and "No sentence" in out


def test_search_numbers_sentences_from_1_as_library_show_does(filled: list[int]) -> None:
    # "Left 1: the treaty clause 0 ..." is the first sentence of its article.
    code, out, err = run("library", "search", "Left 1 clause 0")
    assert code == 0, err
    assert "1 match" in out
    assert "sentence 1;" in out and "sentence 0;" not in out
    code, out, _ = run("library", "search", "Left 1 clause 3")  # the fourth
    assert "sentence 4;" in out


@pytest.mark.parametrize(
    ("query", "message"),
    [('"unbalanced', "cannot search"), ("NOT", "syntax error"), ("", "search is empty")],
)
def test_bad_search_is_one_clear_line(filled: list[int], query: str, message: str) -> None:
    code, out, err = run("library", "search", query)
    assert code == 2 and out == ""
    assert message in one_line_error(err)


def test_show(filled: list[int]) -> None:
    code, out, err = run("library", "show", str(filled[0]))
    assert code == 0, err
    assert out.startswith(f"Comparison {filled[0]}, saved ")
    assert "Pact signed (1)" in out and "Linked facts" in out
    assert "Notes (1):" in out and "left sentence 2: Call the embassy" in out  # numbered from 1


def test_export_formats(filled: list[int]) -> None:
    cid = filled[0]
    code, out, err = run("library", "export", str(cid), "--format", "json")
    assert code == 0, err
    assert json.loads(out) == make_comparison(1).to_dict()
    assert run("library", "export", str(cid))[1] == out  # json is the default
    code, md, _ = run("library", "export", str(cid), "--format", "md")
    assert code == 0 and md.startswith("# Pact signed \\(1\\) / Daily Courier")
    assert "## Linked facts (3)" in md and "Call the embassy" in md
    code, page, _ = run("library", "export", str(cid), "--format", "html")
    assert code == 0 and page.startswith("<!DOCTYPE html>") and "default-src 'none'" in page
    assert "Vladimir Putin" in page and "Call the embassy" in page


def test_show_and_export_carry_the_actor_corrections_made_since_saving(
    filled: list[int],
) -> None:
    """What the reader shows on reopening is what show and export give: a renamed,
    a merged and a deleted actor stay so, in every format."""
    cid = filled[0]
    saved = make_comparison(1)
    kept, merged, gone = (a.id for a in saved.actors[:3])
    with Library() as lib:
        for fix in (
            ActorCorrection("rename", kept, "The Kremlin"),
            ActorCorrection("merge", merged, kept),
            ActorCorrection("delete", gone),
        ):
            lib.correct_actor(saved.left.content_sha256, saved.right.content_sha256, fix)
    doc = json.loads(run("library", "export", str(cid))[1])
    names = [a["name"] for a in doc["actors"]]
    assert "The Kremlin" in names and len(names) == len(saved.actors) - 2
    assert {a["id"] for a in doc["actors"]}.isdisjoint({merged, gone})
    for fmt in ("md", "html"):
        assert "The Kremlin" in run("library", "export", str(cid), "--format", fmt)[1]
    assert "The Kremlin" in run("library", "show", str(cid))[1]


def test_every_report_lists_the_repairs() -> None:
    c = make_comparison(1)
    assert c.right.repairs or c.left.repairs
    with Library() as lib:
        cid = lib.save(c)
    for argv in (
        ["show", str(cid)],
        *(["export", str(cid), "--format", f] for f in ("md", "html")),
    ):
        out = run("library", *argv)[1]
        assert "Repairs in the left article (1)" in out and "glyph" in out


def test_exports_escape_hostile_text() -> None:
    c = make_comparison(1)
    evil = "<script>alert(1)</script> *bold* [x](javascript:1) \x00\x1b[2J"
    c = dataclasses.replace(c, left=dataclasses.replace(c.left, title=evil))
    with Library() as lib:
        cid = lib.save(c)
    page = run("library", "export", str(cid), "--format", "html")[1]
    assert "<script>" not in page and "&lt;script&gt;" in page and "\x00" not in page
    md = run("library", "export", str(cid), "--format", "md")[1]
    assert "\\<script\\>" in md and "\\*bold\\*" in md and "\x1b" not in md
    listing = run("library", "list")[1]
    assert "\x1b" not in listing and "\x00" not in listing


def test_delete(filled: list[int]) -> None:
    code, out, err = run("library", "delete", str(filled[0]))
    assert code == 0, err
    assert out.startswith(f"Deleted comparison {filled[0]}")
    assert "1 comparison in" in run("library", "list")[1]
    code, _, err = run("library", "delete", str(filled[0]))
    assert code == 2 and f"no comparison {filled[0]}" in one_line_error(err)


@pytest.mark.parametrize("action", ["show", "export", "delete"])
def test_unknown_id_is_one_clear_line(filled: list[int], action: str) -> None:
    code, out, err = run("library", action, "99")
    assert code == 2 and out == ""
    assert "there is no comparison 99" in one_line_error(err)


@pytest.mark.parametrize("bad", ["abc", "-1", "1.5"])
def test_malformed_id_is_a_usage_error(bad: str) -> None:
    code, _, err = run("library", "show", bad)
    assert code == 2 and "is not a comparison id" in err and "Traceback" not in err


#: Larger than any integer SQLite can hold: Python passed it on and SQLite overflowed.
HUGE = "99999999999999999999"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["library", "show", HUGE], "is not a comparison id"),
        (["library", "export", HUGE], "is not a comparison id"),
        (["library", "delete", HUGE], "is not a comparison id"),
        (["library", "undo", HUGE], "is not a comparison id"),
        (["library", "note", HUGE, "a note"], "is not a comparison id"),
        (["library", "search", "pact", "--limit", HUGE], "expected a whole number from 1 to"),
        (["library", "pin", "1", HUGE, "1"], "expected a whole number from 1 to"),
        (["library", "reject", "1", "1", HUGE], "expected a whole number from 1 to"),
        (
            ["library", "note", "1", "a note", "--side", "left", "--sentence", HUGE],
            "expected a whole number from 1 to",
        ),
        (["library", "show", "9" * 5000], "is not a comparison id"),
    ],
)
def test_numbers_too_large_for_the_library_are_a_usage_error(
    filled: list[int], argv: list[str], message: str
) -> None:
    code, out, err = run(*argv)
    assert code == 2 and out == ""
    assert err.startswith("parallax: ") and message in err.splitlines()[0], err
    assert "Traceback" not in err and "Overflow" not in err


def test_the_largest_id_the_library_can_hold_is_looked_up(filled: list[int]) -> None:
    code, _, err = run("library", "show", str(2**63 - 1))
    assert code == 2 and f"there is no comparison {2**63 - 1}" in one_line_error(err)
    code, _, err = run("library", "search", "pact", "--limit", str(2**63 - 1))
    assert code == 0, err


def test_unknown_format_is_a_usage_error(filled: list[int]) -> None:
    code, _, err = run("library", "export", "1", "--format", "pdf")
    assert code == 2 and "invalid choice" in err


# -- a library that must not be touched ----------------------------------------------------


def corrupt(path: Path) -> None:
    with Library(path) as lib:
        lib.save(make_comparison(1))
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\xa5" * 3996 + data[4096:])


def newer(path: Path) -> None:
    with Library(path) as lib:
        lib.save(make_comparison(1))
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 7")
    conn.close()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (corrupt, "is damaged"),
        (newer, "newer version of Parallax"),
        (lambda p: p.write_bytes(b"Dear editor,\n" * 300), "not an SQLite file"),
    ],
    ids=["corrupt", "newer", "not-sqlite"],
)
def test_unusable_library_exits_2_and_is_left_untouched(
    make: Callable[[Path], object],
    message: str,
    library_path: Path,
    sample_paths: tuple[Path, Path],
    fake_compare: list[Options],
) -> None:
    make(library_path)
    before = library_path.read_bytes()
    for argv in (
        ["library", "list"],
        ["library", "search", "treaty"],
        ["library", "delete", "1"],
        ["compare", *map(str, sample_paths)],
    ):
        code, out, err = run(*argv)
        assert code == 2 and out == "", argv
        assert message in one_line_error(err)
    assert fake_compare == []  # refused before the (possibly long) comparison ran
    assert library_path.read_bytes() == before


# -- notes and decisions from the command line ---------------------------------------------


def test_note_on_a_sentence_shows_in_show_and_in_the_report(filled: list[int]) -> None:
    cid = filled[1]
    code, out, err = run(
        "library", "note", str(cid), "Check", "the", "figure", "--side", "right", "--sentence", "2"
    )
    assert code == 0 and out.startswith(f"Noted on comparison {cid}"), err
    shown = run("library", "show", str(cid))[1]
    assert "right sentence 2: Check the figure" in shown
    assert "Check the figure" in run("library", "export", str(cid), "--format", "md")[1]
    code, _, err = run("library", "note", str(cid), "x", "--side", "left", "--sentence", "99")
    assert code == 2 and "sentences 1 to" in one_line_error(err)
    code, _, err = run("library", "note", str(cid), "x", "--side", "left")
    assert code == 2 and "go together" in err.splitlines()[0]


def test_show_and_export_list_the_decisions_with_both_sentences(filled: list[int]) -> None:
    cid = filled[0]
    saved = make_comparison(1)
    with Library() as lib:
        lib.correct_link(saved.left.content_sha256, saved.right.content_sha256, 1, 2, "rejected")
    shown = run("library", "show", str(cid))[1]
    assert "Your decisions (1):" in shown
    expected = f"rejected left 2 / right 3: “{saved.left.sentences[1].text}”"
    assert " ".join(expected.split()) in " ".join(shown.split())
    assert "## Your decisions (1)" in run("library", "export", str(cid), "--format", "md")[1]


def test_search_finds_a_note_written_with_library_note(filled: list[int]) -> None:
    cid = filled[1]
    run("library", "note", str(cid), "Ask the ministry about the rocket count", "--side", "left",
        "--sentence", "3")  # fmt: skip
    code, out, err = run("library", "search", "ministry", "ROCKET")
    assert code == 0, err
    assert "1 of your note matches 'ministry ROCKET'" in out
    assert f"comparison {cid}, left sentence 3" in out and "Ask the ministry" in out
    code, out, _ = run("library", "search", "ministry", "zeppelin")  # every word must be in it
    assert code == 0 and "No sentence or note" in out


def test_reject_then_compare_again_keeps_one_comparison_and_the_decision(
    sample_paths: tuple[Path, Path], fake_compare: list[Options]
) -> None:
    assert run("compare", *map(str, sample_paths))[0] == 0
    code, out, err = run("library", "reject", "1", "2", "1")
    assert code == 0, err
    assert out.startswith("Rejected left 2 / right 1 of comparison 1")
    assert fake_compare[-1].rejected == ((1, 0),)  # compared again at once, with it
    assert run("compare", *map(str, sample_paths))[0] == 0
    assert fake_compare[-1].rejected == ((1, 0),)
    listing = run("library", "list")[1]
    assert "1 comparison in" in listing
    code, _, err = run("library", "pin", "1", "999", "1")
    assert code == 2 and "sentences 1 to" in one_line_error(err)


def test_undo_brings_a_rejected_pair_back_and_redo_rejects_it_again(
    sample_paths: tuple[Path, Path], fake_compare: list[Options]
) -> None:
    assert run("compare", *map(str, sample_paths))[0] == 0
    assert run("library", "reject", "1", "2", "1")[0] == 0
    code, out, err = run("library", "undo", "1")
    assert code == 0, err
    assert out.startswith("Undid the rejection of left 2 / right 1 of comparison 1")
    assert fake_compare[-1].rejected == ()  # compared again without it
    code, out, _ = run("library", "redo", "1")
    assert code == 0 and out.startswith("Redid the rejection")
    assert fake_compare[-1].rejected == ((1, 0),)
    assert run("library", "redo", "1")[1] == "Nothing to redo for comparison 1.\n"
    assert "1 comparison in" in run("library", "list")[1]


@pytest.mark.parametrize("table", ["sentences", "reactions"])
def test_a_damaged_library_is_not_written_into(
    table: str,
    library_path: Path,
    sample_paths: tuple[Path, Path],
    fake_compare: list[Options],
) -> None:
    """Damage SQLite only finds on a check: compare saves nothing (and compares nothing),
    delete deletes nothing, both with the line other damage gets; listing still works."""
    from tests.store.helpers import damage_a_table_page

    damage_a_table_page(library_path, table)
    before = library_path.read_bytes()
    for argv in (["compare", *map(str, sample_paths)], ["library", "delete", "1"]):
        code, out, err = run(*argv)
        assert code == 2 and out == "", argv
        assert "is damaged" in one_line_error(err) and "restore it from a backup" in err
    assert fake_compare == []
    code, out, err = run("library", "list")
    assert code == 0 and "8 comparisons" in out, err
    assert library_path.read_bytes() == before


# -- hostile titles --------------------------------------------------------------------------

HOSTILE_TITLE = "\x1b]0;pwned\x07\x1b[2JEvil \u202etitle here"
RAW = ("\x1b", "\x07", "\u202e", "\x9b")


def test_a_hostile_title_reaches_no_terminal_and_no_export(
    tmp_path: Path, sample_paths: tuple[Path, Path], fake_compare: list[Options]
) -> None:
    """An escape sequence and a bidi override in a title: repaired out of the document like
    the text's, listed among the repairs, and absent from every report and export."""
    left = tmp_path / "hostile.txt"
    left.write_text(
        HOSTILE_TITLE + "\n\nThe minister said on Monday that the budget would rise.\n",
        encoding="utf-8",
    )
    code, report, err = run("compare", str(left), str(sample_paths[1]))
    assert code == 0, err
    code, document, _ = run("library", "export", "1", "--format", "json")
    title = json.loads(document)["left"]["title"]
    assert title == "Evil title here"
    assert {r["kind"] for r in json.loads(document)["left"]["title_repairs"]} == {
        "terminal-escape",
        "bidi-control",
    }
    shown = run("library", "show", "1")[1]
    md = run("library", "export", "1", "--format", "md")[1]
    page = run("library", "export", "1", "--format", "html")[1]
    listing = run("library", "list")[1]
    for out in (report, shown, md, page, listing, err):
        assert not any(raw in out for raw in RAW), out
    assert report.startswith("Evil title here / ")  # repaired, not merely neutralised
    for out in (report, shown):
        assert "Title:      L: Evil title here" in out
        assert "in the title" in out  # the title's repairs are listed with the text's
    assert "<title>Parallax: Evil title here / " in page
    assert md.startswith("# Evil title here / ")


def test_error_lines_and_paths_reach_the_terminal_neutralised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A library path or an input name holding escape sequences is printed neutralised."""
    evil = tmp_path / "lib\x1b]0;pwned\x07\u202e.db"
    monkeypatch.setenv("PARALLAX_DB", str(evil))
    code, out, err = run("library", "list")
    assert code == 0 and "is empty" in out
    code, _, err = run("compare", str(tmp_path / "no\x1b[2Jfile\u202e.txt"), "-")
    assert code == 2 and "file" in one_line_error(err)
    for text in (out, err):
        assert not any(raw in text for raw in RAW), text


def test_notes_on_a_link_and_an_actor_outlive_a_compare_again_and_are_undone(
    sample_paths: tuple[Path, Path], fake_compare: list[Options]
) -> None:
    assert run("compare", *map(str, sample_paths))[0] == 0
    code, out, err = run("library", "note", "1", "Same", "quote,", "other day", "--link", "2", "1")
    assert code == 0, err
    assert out == "Noted on the link of left 2 / right 1 of comparison 1.\n"
    code, out, err = run("library", "note", "1", "Ask", "for", "his", "title", "--actor", "kim")
    assert code == 0 and out == "Noted on Kim in comparison 1.\n", err
    # A rename since is the name the reports give; comparing the pair again keeps both notes.
    with Library() as lib:
        c = lib.load(1)
        fix = ActorCorrection("rename", "person:kim", "Kim Jong Un")
        lib.correct_actor(c.left.content_sha256, c.right.content_sha256, fix)
    assert run("compare", *map(str, sample_paths))[0] == 0
    assert "1 comparison in" in run("library", "list")[1]
    shown = " ".join(run("library", "show", "1")[1].split())
    assert "on the link of left 2 / right 1: Same quote, other day" in shown
    assert "on Kim Jong Un: Ask for his title" in shown
    md = run("library", "export", "1", "--format", "md")[1]
    assert "on the link of left 2 / right 1: Same quote, other day" in md
    assert "on Kim Jong Un: Ask for his title" in md
    found = run("library", "search", "title")[1]
    assert "[note 1] comparison 1, on Kim Jong Un" in found
    found = run("library", "search", "other", "day")[1]
    assert "[note 1] comparison 1, on the link of left 2 / right 1" in found
    # Undone and redone in the pair's history.
    code, out, _ = run("library", "undo", "1")
    assert out.startswith("Undid the rename of person:kim to Kim Jong Un")
    code, out, _ = run("library", "undo", "1")
    assert code == 0 and out.startswith("Undid the note on person:kim of comparison 1")
    assert "Ask for his title" not in run("library", "show", "1")[1]
    code, out, _ = run("library", "redo", "1")
    assert out.startswith("Redid the note on person:kim")
    assert "on Kim: Ask for his title" in " ".join(run("library", "show", "1")[1].split())


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--link", "1", "1"], "left 1 and right 1 are not linked in comparison 1"),
        (["--link", "99", "1"], "the left article has sentences 1 to"),
        (["--actor", "Merkel"], "no actor 'Merkel' in comparison 1 (its actors: Kim, Putin)"),
    ],
)
def test_a_note_on_a_link_or_actor_that_is_not_there_is_one_clear_line(
    sample_paths: tuple[Path, Path],
    fake_compare: list[Options],
    argv: list[str],
    message: str,
) -> None:
    assert run("compare", *map(str, sample_paths))[0] == 0
    code, out, err = run("library", "note", "1", "text", *argv)
    assert code == 2 and out == ""
    assert message in one_line_error(err)
    with Library() as lib:
        assert lib.notes(1) == []
    code, _, err = run("library", "note", "1", "x", "--link", "2", "1", "--actor", "Kim")
    assert code == 2 and "not allowed with" in err


def test_a_rejection_made_on_the_text_holds_when_the_page_of_the_article_is_compared(
    tmp_path: Path,
) -> None:
    """The same article as plain text and as a saved web page (which has no byline line, so
    its sentences are numbered one lower): a pair rejected on the text stays rejected when
    the page is compared, and the library keeps one comparison."""
    from tests.core.test_content_key import write_article

    txt, html = write_article(tmp_path / "left")
    other = tmp_path / "other.txt"
    other.write_text("The sea wall will cost 12 million euros.\n\nFishermen oppose it.\n")
    db = str(tmp_path / "library.db")
    assert run("compare", str(txt), str(other), "--db", db)[0] == 0
    code, shown, _ = run("library", "show", "1", "--db", db)
    assert code == 0 and "L4: The wall will cost" in shown
    assert run("library", "reject", "1", "4", "1", "--db", db)[0] == 0
    assert run("compare", str(html), str(other), "--db", db)[0] == 0
    code, listed, _ = run("library", "list", "--db", db)
    assert code == 0 and listed.startswith("1 comparison in ")
    code, shown, _ = run("library", "show", "1", "--db", db)
    assert "L3: The wall will cost" in shown  # the page's numbering
    assert "rejected left 3 / right 1" in shown
