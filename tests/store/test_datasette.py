"""The library is pleasant to open with Datasette and the sqlite-utils command line."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from parallax.store import Library
from parallax.store.schema import TABLES, VIEWS
from tests.store.helpers import make_comparison


@pytest.fixture
def library_file(library_path: Path) -> Path:
    with Library() as lib:
        cid = lib.save(make_comparison(1))
        lib.save(make_comparison(2, actors=False))
        lib.add_note(cid, "Check the treaty text")
    return library_path


def test_datasette_serves_tables_search_and_views(library_file: Path) -> None:
    from datasette.app import Datasette

    async def fetch(ds: Datasette, path: str) -> Any:
        response = await ds.client.get(path)
        assert response.status_code == 200, (path, response.text[:500])
        return response.json()

    async def scenario() -> None:
        ds = Datasette(files=[str(library_file)])
        await ds.invoke_startup()
        db = library_file.stem
        index = await fetch(ds, f"/{db}.json")
        names = {t["name"] for t in index["tables"]} | {v["name"] for v in index["views"]}
        assert set(TABLES) | set(VIEWS) <= names
        # Datasette finds the FTS table and searches through it.
        sentences = await fetch(ds, f"/{db}/sentences.json?_search=thanked&_shape=array")
        assert sentences and all("thanked" in row["text"] for row in sentences)
        articles = await fetch(ds, f"/{db}/articles.json?_search=Pyongyang&_shape=array")
        assert {row["title"] for row in articles} == {"Pact signed (1)", "Pact signed (2)"}
        # The views answer with the joins people want.
        links = await fetch(ds, f"/{db}/link_texts.json?_shape=array&comparison_id=1")
        assert links[0]["left_text"].startswith("Left 1: the treaty clause 0")
        assert links[0]["right_text"].startswith("Right 1: sentence 0")
        assert links[0]["differences"] == "number: 0 / 3"
        reactions = await fetch(ds, f"/{db}/reaction_details.json?_shape=array")
        assert [(r["actor"], r["outlet"], r["stance"]) for r in reactions] == [
            ("Vladimir Putin", "Daily Courier", "positive"),
            ("Kim", "Daily Courier", "neutral"),
        ]
        mentions = await fetch(ds, f"/{db}/mention_details.json?_shape=array&actor=Kim")
        assert mentions[0]["mention"] == "Kim" and "Kim" in mentions[0]["sentence_text"]
        overview = await fetch(ds, f"/{db}/comparison_overview.json?_shape=array")
        assert [(o["comparison_id"], o["notes"], o["actors"]) for o in overview] == [
            (1, 1, 3),
            (2, 0, 0),
        ]
        # Foreign keys show up as links between tables.
        fks = await fetch(ds, f"/{db}/links.json?_shape=array&_labels=on&_size=1")
        assert isinstance(fks[0]["comparison_id"], dict)

    asyncio.run(scenario())


def test_sqlite_utils_command_line_sees_the_tables(library_file: Path) -> None:
    tool = Path(sys.executable).parent / "sqlite-utils"
    proc = subprocess.run(
        [str(tool), "tables", str(library_file), "--counts"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    counts = {row["table"]: row["count"] for row in json.loads(proc.stdout)}
    assert set(TABLES) <= set(counts)
    assert counts["comparisons"] == 2 and counts["articles"] == 4
    assert counts["sentences"] == 4 * 6 and counts["actors"] == 3 and counts["notes"] == 1
    proc = subprocess.run(
        [str(tool), "views", str(library_file)], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert {row["view"] for row in json.loads(proc.stdout)} == set(VIEWS)
