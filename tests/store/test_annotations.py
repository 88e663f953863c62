"""What a journalist adds (:mod:`parallax.store.annotations`): corrections persist per pair of
articles, either way round; notes belong to a comparison."""

from __future__ import annotations

import pytest

from parallax.store import ActorCorrection, Corrections, Library, UnknownComparison
from tests.store.helpers import make_comparison

L, R = "a" * 64, "b" * 64


def test_link_corrections_round_trip_and_latest_verdict_wins() -> None:
    with Library() as lib:
        assert lib.corrections_for(L, R) == Corrections()
        lib.correct_link(L, R, 1, 2, "pinned")
        lib.correct_link(L, R, 3, 4, "rejected")
        lib.correct_link(L, R, 5, 6, "rejected")
        lib.correct_link(L, R, 5, 6, "pinned")  # changed their mind
        lib.correct_link(L, R, 7, 7, "pinned")
        lib.correct_link(L, R, 7, 7, None)  # and forgot this one
        fixes = lib.corrections_for(L, R)
        assert fixes.pinned == ((1, 2), (5, 6))
        assert fixes.rejected == ((3, 4),)
        # Another pair is unaffected.
        assert lib.corrections_for(L, "c" * 64) == Corrections()


def test_corrections_follow_the_pair_when_sides_are_swapped() -> None:
    with Library() as lib:
        lib.correct_link(L, R, 1, 2, "pinned")
        lib.correct_actor(L, R, ActorCorrection("delete", "person:x"))
        swapped = lib.corrections_for(R, L)
        assert swapped.pinned == ((2, 1),)
        assert swapped.actors == (ActorCorrection("delete", "person:x"),)
        # A verdict given the other way round replaces the first.
        lib.correct_link(R, L, 2, 1, "rejected")
        assert lib.corrections_for(L, R).pinned == ()
        assert lib.corrections_for(L, R).rejected == ((1, 2),)
        lib.clear_corrections(R, L)
        assert lib.corrections_for(L, R) == Corrections()


def test_actor_corrections_are_kept_in_order() -> None:
    fixes = [
        ActorCorrection("rename", "person:kim", "Kim Jong Un"),
        ActorCorrection("merge", "person:putin", "country:north-korea"),
        ActorCorrection("delete", "person:kim"),
    ]
    with Library() as lib:
        for fix in fixes:
            lib.correct_actor(L, R, fix)
        assert lib.corrections_for(L, R).actors == tuple(fixes)


def test_corrections_survive_deleting_the_comparison() -> None:
    c = make_comparison(1)
    lsha, rsha = c.left.content_sha256, c.right.content_sha256
    with Library() as lib:
        cid = lib.save(c)
        lib.correct_link(lsha, rsha, 0, 1, "pinned")
        lib.delete(cid)
        assert lib.corrections_for(lsha, rsha).pinned == ((0, 1),)


def test_notes() -> None:
    with Library() as lib:
        cid = lib.save(make_comparison(1))
        note = lib.add_note(cid, "Ask the ministry", side="left", sentence=2)
        assert (note.body, note.side, note.sentence) == ("Ask the ministry", "left", 2)
        lib.update_note(note.id, "Asked; no reply")
        lib.add_note(cid, "General")
        assert [n.body for n in lib.notes(cid)] == ["Asked; no reply", "General"]
        lib.delete_note(note.id)
        assert [n.body for n in lib.notes(cid)] == ["General"]
        with pytest.raises(UnknownComparison):
            lib.add_note(999, "nowhere")


def test_notes_on_a_link_and_on_an_actor_round_trip_and_are_undone_and_redone() -> None:
    with Library() as lib:
        c = make_comparison(1)
        lsha, rsha = c.left.content_sha256, c.right.content_sha256
        cid = lib.save(c)
        on_link = lib.add_note(cid, "Same figure, other source", link=(2, 4))
        on_actor = lib.add_note(cid, "Check his title", actor="person:kim")
        assert (on_link.link, on_link.actor, on_link.side) == ((2, 4), None, None)
        assert not on_link.on_sentence and on_actor.link is None
        assert (on_actor.actor, on_actor.sentence) == ("person:kim", None)
        # A comparison saved again (a re-comparison of the pair) keeps them.
        assert lib.save(c) == cid
        assert lib.notes(cid) == [on_link, on_actor]
        assert [n.id for n in lib.search_notes("title")] == [on_actor.id]
        lib.update_note(on_link.id, "Same figure, same source")
        assert lib.undo(lsha, rsha) == "edit of the note on the link of left 3 / right 5"
        assert lib.notes(cid)[0] == on_link
        assert lib.undo(lsha, rsha) == "note on person:kim"
        assert lib.undo(lsha, rsha) == "note on the link of left 3 / right 5"
        assert lib.notes(cid) == []
        assert lib.redo(lsha, rsha) == "note on the link of left 3 / right 5"
        assert lib.redo(lsha, rsha) == "note on person:kim"
        assert lib.notes(cid) == [on_link, on_actor]
        lib.delete_note(on_actor.id)
        assert lib.undo(lsha, rsha) == "deletion of the note on person:kim"
        assert lib.notes(cid)[1].actor == "person:kim"
        with pytest.raises(ValueError, match="one sentence, one link or one actor"):
            lib.add_note(cid, "both", link=(0, 0), actor="person:kim")
        with pytest.raises(ValueError, match="side and its number"):
            lib.add_note(cid, "half", sentence=1)


def test_search_notes_finds_every_word_in_any_case_newest_first() -> None:
    with Library() as lib:
        a = lib.save(make_comparison(1))
        b = lib.save(make_comparison(2))
        lib.add_note(a, "Ask the Ministry about the ROCKET count", side="left", sentence=2)
        lib.add_note(b, "Ministry spokesman did not answer")
        lib.add_note(b, "Größe der Delegation prüfen")
        assert [n.comparison_id for n in lib.search_notes("ministry")] == [b, a]
        assert [n.body[:3] for n in lib.search_notes('"rocket" AND ask*')] == ["Ask"]
        assert [n.body[:3] for n in lib.search_notes("GRÖSSE")] == ["Grö"]  # ß is ss
        assert lib.search_notes("ministry zeppelin") == []
        assert lib.search_notes("  ") == [] and len(lib.search_notes("ministry", limit=1)) == 1


# -- history: undo and redo ---------------------------------------------------------------


def test_undo_and_redo_walk_the_history_of_a_pair() -> None:
    with Library() as lib:
        lib.correct_link(L, R, 1, 2, "pinned")
        lib.correct_link(L, R, 1, 2, "rejected")  # changed their mind
        lib.correct_actor(L, R, ActorCorrection("rename", "person:kim", "Kim Jong Un"))
        assert lib.undo(L, R) == "rename of person:kim to Kim Jong Un"
        assert lib.corrections_for(L, R).actors == ()
        assert lib.undo(L, R) == "rejection of left 2 / right 3"
        assert lib.corrections_for(L, R).pinned == ((1, 2),)  # the pin it replaced is back
        assert lib.undo(L, R) == "pin of left 2 / right 3"
        assert lib.corrections_for(L, R) == Corrections()
        assert lib.undo(L, R) is None  # nothing left to undo
        assert lib.redo(L, R) == "pin of left 2 / right 3"
        assert lib.redo(L, R) == "rejection of left 2 / right 3"
        assert lib.corrections_for(L, R).rejected == ((1, 2),)
        assert lib.redo(L, R) == "rename of person:kim to Kim Jong Un"
        assert lib.redo(L, R) is None
        assert [a.value for a in lib.corrections_for(L, R).actors] == ["Kim Jong Un"]


def test_writing_editing_and_deleting_a_note_are_undone_and_redone_in_order() -> None:
    with Library() as lib:
        c = make_comparison(1)
        lsha, rsha = c.left.content_sha256, c.right.content_sha256
        cid = lib.save(c)
        lib.correct_link(lsha, rsha, 0, 0, "pinned")
        note = lib.add_note(cid, "Ask the ministry", side="left", sentence=2)
        lib.update_note(note.id, "Asked; no reply")
        lib.delete_note(note.id)
        assert lib.notes(cid) == []
        assert lib.undo(lsha, rsha) == "deletion of the note on left 3"
        assert [n.body for n in lib.notes(cid)] == ["Asked; no reply"]
        assert lib.notes(cid)[0].id == note.id  # back under its own id
        assert lib.undo(rsha, lsha) == "edit of the note on left 3"  # either way round
        assert [n.body for n in lib.notes(cid)] == ["Ask the ministry"]
        assert lib.undo(lsha, rsha) == "note on left 3"
        assert lib.notes(cid) == []
        assert lib.undo(lsha, rsha) == "pin of left 1 / right 1"  # one history, in order
        assert lib.redo(lsha, rsha) == "pin of left 1 / right 1"
        assert lib.redo(lsha, rsha) == "note on left 3"
        assert lib.notes(cid) == [note]
        assert lib.redo(lsha, rsha) == "edit of the note on left 3"
        assert [n.body for n in lib.notes(cid)] == ["Asked; no reply"]
        lib.undo(lsha, rsha)
        lib.add_note(cid, "On the whole comparison")  # a new change ends what could be redone
        assert lib.redo(lsha, rsha) is None
        assert lib.undo(lsha, rsha) == "note on the comparison"
        lib.delete(cid)  # a note of a deleted comparison does not come back
        assert lib.redo(lsha, rsha) == "note on the comparison"
        assert lib.notes(cid) == []


def test_a_new_correction_ends_what_could_be_redone_and_order_is_kept() -> None:
    with Library() as lib:
        lib.correct_actor(L, R, ActorCorrection("merge", "person:putin", "country:russia"))
        lib.correct_actor(L, R, ActorCorrection("delete", "person:kim"))
        lib.undo(L, R)
        lib.undo(L, R)
        lib.redo(L, R)
        lib.redo(L, R)
        assert [a.action for a in lib.corrections_for(L, R).actors] == ["merge", "delete"]
        lib.undo(L, R)
        lib.correct_link(L, R, 0, 0, "pinned")
        assert lib.redo(L, R) is None
        # The other way round is the same pair: its history too.
        assert lib.undo(R, L) == "pin of left 1 / right 1"
        lib.clear_corrections(L, R)
        assert lib.undo(L, R) is None and lib.redo(L, R) is None
