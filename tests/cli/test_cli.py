"""The command line as a journalist meets it: the sample pair, stdin, and bad input."""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import jsonschema
import pytest

from parallax.cli import main
from tests.conftest import SCHEMA_PATH


def run(*argv: str, stdin: bytes = b"") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.BytesIO(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def sample_doc() -> dict:
    from tests.conftest import SAMPLES

    code, out, err = run(
        "compare",
        str(SAMPLES / "nk-russia-pact-clean.txt"),
        str(SAMPLES / "nk-russia-pact-damaged.txt"),
        "--json",
    )
    assert code == 0, err
    return json.loads(out)


def test_sample_document_is_valid(sample_doc: dict) -> None:
    jsonschema.validate(sample_doc, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    names = {a["name"] for a in sample_doc["actors"]}
    assert {"Vladimir Putin", "Kim Jong Un", "North Korea", "Russia", "Antony Blinken"} <= names
    ids = {a["id"] for a in sample_doc["actors"]}
    assert sample_doc["reactions"] and all(r["actor"] in ids for r in sample_doc["reactions"])


def test_sample_offsets_hold(sample_doc: dict) -> None:
    for side in ("left", "right"):
        art = sample_doc[side]
        for i, s in enumerate(art["sentences"]):
            assert s["index"] == i
            assert art["text"][s["start"] : s["end"]] == s["text"]


def test_right_sample_loses_exactly_its_twenty_glyphs(
    sample_doc: dict, samples: dict[str, str]
) -> None:
    right, original = sample_doc["right"], samples["damaged"]
    assert sample_doc["left"]["repairs"] == []
    repairs = right["repairs"]
    assert len(repairs) == 20
    for r in repairs:
        assert original[r["start"] : r["end"]] == r["original"]
        assert r["replacement"] == ""
    removed = {r["start"] for r in repairs}
    assert right["text"] == "".join(c for i, c in enumerate(original) if i not in removed)


def _find(article: dict, needle: str) -> int:
    (hit,) = [s["index"] for s in article["sentences"] if needle in s["text"]]
    return hit


# The five facts both samples report most plainly, as (left words, right words).
SHARED_FACTS = [
    ("agreeing to provide immediate military assistance", "requires both the countries"),
    ("Article 4 of the treaty", "Article of 4 of the agreement"),
    ("includes cooperation on nuclear energy", "also spelled cooperation on nuclear energy"),
    ("agreements with third countries", "treaty with a third country"),
    ("Putin thanked Kim for North Korea's support", "Putin thanked Kim for North Korea's"),
]
# Further pairs a reader can defend: the same signing, the same treaty, the same support.
DEFENSIBLE = [
    ("The treaty was signed by Russian President", "requires both the countries"),
    ("revives a defence agreement from the 1960s", "comprehensive strategic partnership"),
    ("revives a defence agreement from the 1960s", "former Soviet Union in 1961"),
    ("allowing for North Korean support in Ukraine", "vowed full support to Russia"),
    ("Putin thanked Kim", "vowed full support to Russia"),
    # The signing of the agreement by Putin and Kim, stated on both sides.
    ("The treaty was signed by Russian President", "agreed upon by both"),
    ("have signed a significant defence pact", "agreed upon by both"),
    ("revives a defence agreement from the 1960s", "requires both the countries"),
]


def test_sample_links_the_shared_facts_and_nothing_unrelated(sample_doc: dict) -> None:
    left, right = sample_doc["left"], sample_doc["right"]
    linked = {(i, j) for k in sample_doc["links"] for i in k["left"] for j in k["right"]}
    required = {(_find(left, a), _find(right, b)) for a, b in SHARED_FACTS}
    allowed = required | {(_find(left, a), _find(right, b)) for a, b in DEFENSIBLE}
    # The left headline ("sign landmark 'defence pact'", repeated further down the page)
    # reports the signing too.
    assert left["sentences"][0]["role"] == "headline"
    allowed.add((0, _find(right, "requires both the countries")))
    assert required <= linked
    assert linked <= allowed, sorted(linked - allowed)


def test_readable_report_by_default(sample_paths: tuple[Path, Path]) -> None:
    code, out, _ = run("compare", *map(str, sample_paths))
    assert code == 0
    assert "Linked facts" in out and "Only in the right article" in out
    assert "junk-glyph" in out


def test_no_command_opens_the_reader(
    monkeypatch: pytest.MonkeyPatch, sample_paths: tuple[Path, Path]
) -> None:
    calls: list[tuple[object, dict[str, object]]] = []
    monkeypatch.setattr("parallax.app.run", lambda pair=None, **kw: calls.append((pair, kw)) or 0)
    assert run()[0] == 0
    assert calls == [(None, {"db": None, "scheme": None})]
    left, right = sample_paths
    assert run(str(left), str(right), "--theme", "dark")[0] == 0
    assert calls[-1] == ((left, right), {"db": None, "scheme": "dark"})


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["only-one.txt"], "give two articles"),
        (["missing-a.txt", "missing-b.txt"], "missing-a.txt does not exist"),
        (["--screenshot", "out.jpg"], "name it *.png"),
        (["--select", "2"], "--select goes with --screenshot"),
        (["--size", "1024x700"], "--size goes with --screenshot"),
        (["--screenshot", "out.png", "--size", "big"], "expected WIDTHxHEIGHT"),
        (["--theme", "sepia"], "invalid choice"),
    ],
)
def test_bad_reader_command_lines_get_one_line_and_status_2(
    argv: list[str], message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("parallax.app.run", lambda *a, **k: pytest.fail("the window opened"))
    code, out, err = run(*argv)
    assert code == 2 and out == ""
    assert message in err.splitlines()[0] and "Traceback" not in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_compare_refuses_a_fifo_with_one_line_instead_of_hanging(
    tmp_path: Path, sample_paths: tuple[Path, Path]
) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    proc = subprocess.run(  # a hang is killed and fails the test
        [
            sys.executable,
            "-m",
            "parallax",
            "compare",
            "--no-store",
            str(sample_paths[0]),
            str(fifo),
        ],
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert proc.returncode == 2 and proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "pipe.txt is a named pipe (FIFO), not a file" in lines[0]


@pytest.mark.parametrize("case", ["folder", "fifo"])
@pytest.mark.parametrize("screenshot", [True, False])
def test_the_reader_says_what_an_article_that_is_no_file_is(
    case: str,
    screenshot: bool,
    tmp_path: Path,
    sample_paths: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if case == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs here")
        bad = tmp_path / "pipe.txt"
        os.mkfifo(bad)
        said = "pipe.txt is a named pipe (FIFO), not a file"
    else:
        bad = tmp_path / "articles"
        bad.mkdir()
        said = "articles is a folder, not a file"
    monkeypatch.setattr("parallax.app.run", lambda *a, **k: pytest.fail("the window opened"))
    monkeypatch.setattr("parallax.app.screenshot", lambda *a, **k: pytest.fail("it rendered"))
    argv = ["--screenshot", str(tmp_path / "out.png")] if screenshot else []
    code, out, err = run(*argv, str(sample_paths[0]), str(bad))
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and said in lines[0] and "no such file" not in err


#: A name that would split a message, rewrite the terminal and reverse the line it is on.
HOSTILE = "a\nparallax: fine\x1b[2J\u202etxt.txt"
HOSTILE_SHOWN = "a\\nparallax: fine\\x1b[2J\\u202etxt.txt"


@pytest.mark.parametrize(
    "argv",
    [
        ["compare", "LEFT", "missing/" + HOSTILE],
        ["compare", "LEFT", "FOLDER"],
        ["compare", "LEFT", "PDF"],
        ["LEFT", "missing/" + HOSTILE],
        ["--screenshot", "OUT.png", "LEFT", "FOLDER"],
        ["--screenshot", HOSTILE + ".jpg"],
    ],
    ids=["missing", "folder", "pdf", "reader", "screenshot", "not png"],
)
def test_file_names_in_messages_are_escaped(
    argv: list[str],
    tmp_path: Path,
    sample_paths: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("parallax.app.run", lambda *a, **k: pytest.fail("the window opened"))
    monkeypatch.setattr("parallax.app.screenshot", lambda *a, **k: pytest.fail("it rendered"))
    folder = tmp_path / HOSTILE
    folder.mkdir()
    (pdf := tmp_path / ("pdf" + HOSTILE)).write_bytes(b"%PDF-1.7\n" + b"x" * 100)
    places = {"LEFT": str(sample_paths[0]), "FOLDER": str(folder), "PDF": str(pdf)}
    places["OUT.png"] = str(tmp_path / "out.png")
    code, out, err = run(*(places.get(a, a) for a in argv))
    assert code == 2 and out == ""
    assert HOSTILE_SHOWN in err.splitlines()[0], err
    assert not any(ch in err.splitlines()[0] for ch in "\x1b\u202e")
    assert "fine" not in "".join(err.splitlines()[1:])


def test_saved_in_names_the_library_escaped(
    tmp_path: Path, sample_paths: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from parallax.core.model import Comparison, Document
    from parallax.core.pipeline import prepare

    def quick(left: Document, right: Document, **_: object) -> Comparison:
        return Comparison(prepare(left), prepare(right), skipped=("actors", "reactions"))

    monkeypatch.setattr("parallax.core.pipeline.link", quick)
    monkeypatch.setattr("parallax.session.Session._find_actors", staticmethod(lambda c, *a: c))
    db = tmp_path / HOSTILE / "library.db"
    code, _, err = run("compare", *map(str, sample_paths), "--db", str(db))
    assert code == 0, err
    assert len(err.strip().splitlines()) == 1 and HOSTILE_SHOWN in err
    for argv in (["library", "list"], ["library", "show", "1"], ["library", "search", "zebra"]):
        code, out, err = run(*argv, "--db", str(db))
        assert code == 0, err
        assert "a\\nparallax:" in out  # show wraps its heading: the path may be cut
        assert "\x1b" not in out and "\u202e" not in out


@pytest.mark.parametrize("screenshot", [False, True], ids=["compare", "screenshot"])
def test_random_high_bytes_are_refused_as_not_text(
    screenshot: bool, tmp_path: Path, sample_paths: tuple[Path, Path]
) -> None:
    """8 KiB of bytes 0x80-0xFF (no NUL) were compared as "1 sentences, 793 repairs"."""
    noise = tmp_path / "noise.txt"
    rng = random.Random(7)
    noise.write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(8192)))
    out_png = tmp_path / "out.png"
    argv = ["--screenshot", str(out_png)] if screenshot else ["compare", "--no-store"]
    code, out, err = run(*argv, str(sample_paths[0]), str(noise))
    assert code == 2 and out == "" and not out_png.exists()
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "noise.txt does not contain readable text" in lines[0]


def test_one_side_from_stdin(sample_paths: tuple[Path, Path]) -> None:
    left, right = sample_paths
    code, out, err = run("compare", "-", str(right), "--json", stdin=left.read_bytes())
    assert code == 0, err
    assert json.loads(out)["left"]["text"].startswith("North Korea and Russia sign")


def test_repair_steps_can_be_left_out(sample_paths: tuple[Path, Path]) -> None:
    code, out, _ = run("compare", *map(str, sample_paths), "--json", "--no-repair", "junk-glyphs")
    assert code == 0 and json.loads(out)["right"]["repairs"] == []


def _bad_inputs(tmp: Path) -> dict[str, Path]:
    empty = tmp / "empty.txt"
    empty.write_text("  \n\t\n")
    pdf = tmp / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n" * 20)
    png = tmp / "photo.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    docx = tmp / "story.docx"
    with zipfile.ZipFile(docx, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    huge = tmp / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(300 * 2**20)  # sparse: costs nothing on disk
    garbage = tmp / "noise.txt"
    garbage.write_bytes(bytes(range(0, 32)) * 200)
    return {
        "missing": tmp / "nope.txt",
        "directory": tmp,
        "empty": empty,
        "pdf": pdf,
        "png": png,
        "docx": docx,
        "huge": huge,
        "garbage": garbage,
    }


@pytest.mark.parametrize(
    "case", ["missing", "directory", "empty", "pdf", "png", "docx", "huge", "garbage"]
)
def test_bad_input_is_one_clear_line_and_exit_2(
    case: str, tmp_path: Path, sample_paths: tuple[Path, Path]
) -> None:
    bad = _bad_inputs(tmp_path)[case]
    code, out, err = run("compare", str(sample_paths[0]), str(bad))
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("parallax: ")
    assert "Traceback" not in err


def test_usage_errors_exit_2() -> None:
    code, _, err = run("compare", "only-one.txt")
    assert code == 2 and "parallax:" in err
    code, _, err = run("compare", "-", "-")
    assert code == 2 and "standard input" in err


def test_real_entry_point_exits_2_without_traceback(tmp_path: Path) -> None:
    pdf = _bad_inputs(tmp_path)["pdf"]
    proc = subprocess.run(
        [sys.executable, "-m", "parallax", "compare", str(pdf), str(pdf)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr and proc.stderr.startswith("parallax: ")


def test_help_mentions_actors() -> None:
    code, out, _ = run("compare", "--help")
    text = " ".join(out.split())
    assert code == 0 and "not landed yet" not in text and "actors" in text


def test_report_lists_actors_and_reactions(sample_paths: tuple[Path, Path]) -> None:
    code, out, _ = run("compare", *map(str, sample_paths), "--no-store")
    assert code == 0 and "not yet recognised" not in out
    actors = out.split("\nActors (")[1]
    assert "Jens Stoltenberg (person): left 1, right 0" in actors
    reactions = out.split("\nReactions (")[1]
    assert "Antony Blinken [right" in reactions and "negative" in reactions


def test_quick_gives_the_links_the_reader_paints_first(sample_doc: dict) -> None:
    from parallax.core.ingest import read_path
    from parallax.core.pipeline import link
    from tests.conftest import SAMPLES

    left, right = SAMPLES / "nk-russia-pact-clean.txt", SAMPLES / "nk-russia-pact-damaged.txt"
    code, out, err = run("compare", str(left), str(right), "--json", "--quick", "--no-store")
    assert code == 0, err
    quick = json.loads(out)
    first = link(read_path(left), read_path(right), refined=False)
    assert quick["links"] == [k.to_dict() for k in first.links]
    assert quick["links"] != sample_doc["links"]  # the refined facts differ from them


def test_help_names_every_repair_step_and_what_it_does() -> None:
    from parallax.core.repair import STEPS

    code, out, _ = run("compare", "--help")
    text = " ".join(out.split())
    assert code == 0
    for step in STEPS:
        assert step.name in text and step.label[1:] in text


def test_outlet_author_and_date_found_in_the_articles_or_given(tmp_path: Path) -> None:
    body = (
        "The town council voted on Monday to widen the harbour road. The work starts in May."
        "\n\nResidents said they feared the noise of the works at night."
    )
    left = tmp_path / "outlet-a-story.txt"
    left.write_text(f"Council votes\n\nBy Jane Doe | The Harbour Times\n\n{body}\n")
    right = tmp_path / "outlet-b-story.txt"
    right.write_text(f"Council votes\n\nLONDON (Reuters) - {body}\n")
    code, out, err = run("compare", str(left), str(right), "--json", "--no-store")
    assert code == 0, err
    found = json.loads(out)
    jsonschema.validate(found, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    assert (found["left"]["source"], found["left"]["author"]) == ("The Harbour Times", "Jane Doe")
    assert found["right"]["source"] == "Reuters" and "author" not in found["right"]
    code, out, err = run(
        "compare",
        str(left),
        str(right),
        "--json",
        "--no-store",
        "--right-outlet",
        "Reuters Wire",
        "--right-author",
        "Li Wei",
        "--right-date",
        "2024-03-03",
        "--left-author",
        "",
    )
    assert code == 0, err
    given = json.loads(out)
    jsonschema.validate(given, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    assert given["left"]["author"] == "Jane Doe"  # blank: what was found stays
    right_doc = given["right"]
    assert (right_doc["source"], right_doc["author"], right_doc["published"]) == (
        "Reuters Wire",
        "Li Wei",
        "2024-03-03",
    )
    code, out, _ = run("compare", str(left), str(right), "--no-store", "--left-outlet", "HT")
    assert code == 0 and "Only in the left article, HT (" in out


def test_a_page_read_whole_says_so_in_the_json_and_the_report(
    tmp_path: Path, sample_paths: tuple[Path, Path]
) -> None:
    deep = tmp_path / "deep.html"
    deep.write_text(
        "<html><head><title>Pact signed</title></head><body>"
        + "<div>" * 3000
        + "<p>North Korea and Russia signed a mutual defence pact on Wednesday.</p>"
        + "</div>" * 3000
        + "</body></html>",
        encoding="utf-8",
    )
    code, out, err = run(
        "compare", "--no-store", "--quick", str(sample_paths[0]), str(deep), "--json"
    )
    assert code == 0, err
    document = json.loads(out)
    jsonschema.validate(document, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    assert "notes" not in document["left"]
    (note,) = document["right"]["notes"]
    assert "whole visible text" in note
    assert "signed a mutual defence pact" in document["right"]["text"]
    code, out, err = run("compare", "--no-store", "--quick", str(sample_paths[0]), str(deep))
    assert code == 0 and "How the right article was read (1)" in out


def test_an_article_with_too_many_lines_is_one_clear_line_and_exit_2(
    tmp_path: Path, sample_paths: tuple[Path, Path]
) -> None:
    lines = tmp_path / "lines.txt"
    lines.write_text("".join(f"line {i:06d}\n" for i in range(20_000)))
    code, out, err = run("compare", "--no-store", str(sample_paths[0]), str(lines))
    assert code == 2 and out == ""
    assert err.startswith("parallax: lines.txt has 20,000 sentences (or lines), more than the")
    assert len(err.strip().splitlines()) == 1


def test_an_article_over_the_text_limit_is_one_clear_line_and_exit_2(
    tmp_path: Path, sample_paths: tuple[Path, Path]
) -> None:
    book = tmp_path / "book.txt"
    book.write_text("The harbour was quiet that night. " * 40_000)
    code, out, err = run("compare", "--no-store", str(book), str(sample_paths[1]))
    assert code == 2 and out == ""
    assert err.startswith("parallax: book.txt holds 1,360,000 characters of text")
    assert len(err.strip().splitlines()) == 1
