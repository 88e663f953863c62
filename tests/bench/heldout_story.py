"""Stories of three outlets against facts judged by hand: does the matrix hold?

Run by hand (pytest does not collect it)::

    python tests/bench/heldout_story.py [STORY_DIR ...]

Each STORY_DIR (default: every folder of ``~/.cache/parallax-heldout/stories``) holds three
articles of three outlets on one event (``OUTLET.txt``, real news: kept outside this
repository, never committed) and ``facts.json``, judged by a person who read the three
articles whole and never saw Parallax's output::

    {"outlets": [slug, ...], "facts": [{"id", "summary", "sentences": {slug: [n, ...]},
      "borderline": bool}, ...]}

with sentences numbered from 1 as Parallax splits them. The story is made in a temporary
library with ``Session.story_new``, as ``parallax story new`` makes it, and its facts are
read as the coverage matrix shows them. For the judged facts it prints:

- **all three**: facts every outlet states; *with three cells* when a story fact holds a
  sentence of each outlet's judged ones, *one to one* when each such judged fact gets a story
  fact of its own (several judged facts merged into one story fact count once), *split*
  when they are spread over several story facts, none of them holding all three;
- **only one**: facts one outlet alone states; *marked alone* when the story fact holding
  that sentence has that outlet only;
- **false "only here"**: story facts one outlet alone carries whose sentence the judge gave
  to a fact two or three outlets state (what would mislead a journalist most).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO / "desktop"), str(REPO)]

from parallax.core.ingest import read_path  # noqa: E402
from parallax.core.story import Story  # noqa: E402
from parallax.session import Session  # noqa: E402
from tests.bench.heldout_data import DEFAULT_CACHE  # noqa: E402


def make_story(folder: Path, outlets: list[str], db: Path) -> tuple[Story, dict[str, str]]:
    """The story of the folder's articles, and each outlet slug's article id."""
    docs = [(read_path(folder / f"{slug}.txt"), slug) for slug in outlets]
    with Session.open(db) as session:
        story = session.story_new(folder.name, docs, workers=1)
    ids = {a.outlet or "": a.id for a in story.articles}
    return story, {slug: ids[slug] for slug in outlets}


def score(folder: Path) -> dict[str, int]:
    gold = json.loads((folder / "facts.json").read_text(encoding="utf-8"))
    outlets: list[str] = gold["outlets"]
    with tempfile.TemporaryDirectory() as tmp:
        story, ids = make_story(folder, outlets, Path(tmp) / "library.db")
    # Story facts as sets of (article id, 0-based sentence) cells.
    facts = [{(a, i) for a, s in f.sentences.items() for i in s} for f in story.facts]
    count = {"three": 0, "three_once": 0, "three_own": 0, "three_split": 0, "one": 0,
             "one_alone": 0}  # fmt: skip
    used: set[int] = set()
    shared_cells: set[tuple[str, int]] = set()
    for fact in gold["facts"]:
        cells = {o: {(ids[o], n - 1) for n in ns} for o, ns in fact["sentences"].items() if ns}
        if len(cells) >= 2:
            shared_cells |= {c for cs in cells.values() for c in cs}
        if len(cells) == len(outlets):
            count["three"] += 1
            holding = [k for k, f in enumerate(facts) if all(f & cs for cs in cells.values())]
            if holding:
                count["three_once"] += 1
                free = [k for k in holding if k not in used]
                if free:
                    count["three_own"] += 1
                    used.add(free[0])
            else:
                count["three_split"] += 1
        elif len(cells) == 1:
            count["one"] += 1
            ((outlet, cs),) = cells.items()
            if any(f & cs and {a for a, _ in f} == {ids[outlet]} for f in facts):
                count["one_alone"] += 1
    alone = [f for f in facts if len({a for a, _ in f}) == 1]
    count["alone_facts"] = len(alone)
    count["false_alone"] = sum(1 for f in alone if f & shared_cells)
    count["story_facts"] = len(facts)
    count["story_three"] = sum(1 for f in story.facts if f.outlets == len(outlets))
    return count


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("stories", nargs="*", type=Path)
    args = ap.parse_args(argv)
    folders = args.stories or sorted(
        p for p in (DEFAULT_CACHE / "stories").glob("*") if (p / "facts.json").exists()
    )
    if not folders:
        raise SystemExit(f"no judged stories given and none in {DEFAULT_CACHE / 'stories'}")
    total: dict[str, int] = {}
    for folder in folders:
        c = score(folder)
        total = {k: total.get(k, 0) + v for k, v in c.items()}
        _print(folder.name, c)
    if len(folders) > 1:
        _print("all", total)


def _print(name: str, c: dict[str, int]) -> None:
    print(
        f"{name}: judged facts all three {c['three']}: with three cells {c['three_once']}"
        f" (one to one {c['three_own']}), split {c['three_split']}; only one {c['one']}:"
        f" marked alone {c['one_alone']}."
        f" Story: {c['story_facts']} facts, {c['story_three']} with three outlets,"
        f" {c['alone_facts']} one outlet alone, {c['false_alone']} of them false"
        " ('only here' for a sentence the judge gave to a shared fact)"
    )


if __name__ == "__main__":
    main()
