"""``parallax story``: new, add, remove, list, show, export, delete; bad input is one line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest

from parallax.cli import main
from tests.core.test_story_schema import STORY_SCHEMA_PATH, TEXTS
from tests.test_session_stories import MORE


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.BytesIO(b""), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def files(tmp_path: Path) -> list[str]:
    paths = []
    for outlet, text in [*TEXTS.items(), ("Radio", MORE)]:
        path = tmp_path / f"{outlet.lower()}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_a_story_made_grown_shown_exported_and_deleted(tmp_path: Path, files: list[str]) -> None:
    db = ("--db", str(tmp_path / "l.db"))
    code, out, err = run("story", "new", "Bridge", *files[:3], "--outlet", "Daily",
                         "--outlet", "Wire", "--outlet", "Gazette", *db)  # fmt: skip
    assert (code, err) == (0, "")
    assert out.startswith("Story 'Bridge': 3 articles,")
    code, out, _ = run("story", "show", "Bridge", *db)
    assert code == 0
    rows = [line for line in out.splitlines() if line.strip().startswith("f")]
    assert rows[0].split()[:4] == ["f1", "●", "●", "●"]  # the fact all three carry, once
    assert any(line.endswith("[only Gazette]") for line in rows)
    assert all(line.count("●") >= 1 for line in rows)
    code, out, _ = run("story", "add", "Bridge", files[3], "--outlet", "Radio", *db)
    assert code == 0 and "4 articles" in out
    code, out, _ = run("story", "list", *db)
    assert "Daily, Wire, Gazette, Radio" in out
    code, out, _ = run("story", "export", "Bridge", "--format", "json", *db)
    document = json.loads(out)
    jsonschema.validate(document, json.loads(STORY_SCHEMA_PATH.read_text(encoding="utf-8")))
    assert [a["outlet"] for a in document["articles"]] == ["Daily", "Wire", "Gazette", "Radio"]
    code, out, _ = run("story", "export", "Bridge", "--format", "html", *db)
    assert out.startswith("<!DOCTYPE html>") and "Coverage" in out and "<script" not in out
    code, out, _ = run("story", "export", "Bridge", "--format", "md", *db)
    assert "| Fact | Daily | Wire | Gazette | Radio | |" in out
    code, out, _ = run("story", "remove", "Bridge", "a4", *db)
    assert code == 0 and "3 articles" in out
    code, out, _ = run("story", "delete", "Bridge", *db)
    assert (code, out) == (0, "Deleted story 'Bridge'.\n")
    assert run("story", "list", *db)[1].startswith("No stories yet")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["story", "show", "Tunnel"], "There is no story named 'Tunnel' in the library."),
        (["story", "new", "One", "{0}"], "A story needs at least two different articles."),
        (["story", "new", "Dup", "{0}", "{1}"], "A story named 'Dup' is already in the library."),
        (["story", "new", "X", "{0}", "{1}", "--outlet", "a", "--outlet", "b", "--outlet", "c"],
         "3 outlets for 2 files"),
        (["story", "new", "Y", "{0}", "missing.txt"], "missing.txt"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_and_status_2(
    tmp_path: Path, files: list[str], argv: list[str], message: str
) -> None:
    db = ("--db", str(tmp_path / "l.db"))
    assert run("story", "new", "Dup", *files[:2], *db)[0] == 0
    code, out, err = run(*[a.format(*files) for a in argv], *db)
    assert code == 2 and out == ""
    assert message in err.splitlines()[0]
    assert "Traceback" not in err
