"""Hand-judged gold for actors and reactions on real two-outlet article pairs, and its score.

Run by hand (pytest does not collect it)::

    python tests/bench/judge_actors.py sheet GOLD.json ... --pairs N --seed S --out SHEET.md
    python tests/bench/judge_actors.py score JUDGED.json ... [--show N]

``sheet`` writes, for N article pairs drawn from link gold files (``make_gold.py``'s, whose
texts stay in ``~/.cache/parallax-heldout``), both articles split into numbered sentences
by Parallax's own splitter, for a judge who sees no output of Parallax. The judge writes,
per pair, system-independent gold:

- ``entities``: every actor of the two articles (person, organization, country, place,
  group), each with its kind and **every surface form** either article uses for it (full
  name, surname alone, title and name, acronym, "the Journal" for "The Wall Street
  Journal"). Outlets, platforms, headline words and fragments are not actors unless the
  text makes them act ("Politico reported" makes Politico an organization);
- ``attributions``: every sentence that reports what a source said, stated, announced,
  denied, criticised or otherwise reacted with: its side and number, the speaker (an
  entity's name, or ``unnamed: ...`` when the text never names it), and the speaker's
  stance toward what they speak about (``negative``: criticism, alarm, denial,
  condemnation, regret; ``positive``: praise, welcome, support; ``neutral``: a factual
  statement or announcement).

``score`` runs Parallax on the same texts and compares (every match is by surface form,
case and "the" aside, so the gold never has to name Parallax's ids):

- **actors**: junk (an actor no gold entity has a form of), split (one entity spread over
  several actors), conflated (one actor holding forms of two entities), missed entities;
- **reactions**: precision (a reaction whose sentence the gold attributes, with an actor
  holding a form of the gold speaker, or a group or organisation for a source the text never
  names), recall over the gold attributions with a named
  speaker, and stance agreement on the matched ones.

No text or gold is committed: the judged files stay in ``~/.cache/parallax-heldout``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path.home() / ".cache" / "parallax-heldout"
sys.path.insert(0, str(ROOT / "desktop"))


def _pairs(paths: list[str]) -> list[dict[str, Any]]:
    pairs: list[dict[str, Any]] = []
    for path in paths:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        for n, pair in enumerate(data["pairs"]):
            pairs.append({"id": f"{Path(path).stem}#{n}", **pair})
    return pairs


def _text(side: dict[str, Any]) -> str:
    return str(side["text"])


def _compare(pair: dict[str, Any]) -> Any:
    from parallax import compare_texts

    return compare_texts(_text(pair["left"]), _text(pair["right"]))


def sheet(args: argparse.Namespace) -> int:
    from parallax.core.ingest import read_text
    from parallax.core.pipeline import prepare

    pairs = _pairs(args.gold)
    random.Random(args.seed).shuffle(pairs)
    out: list[str] = []
    for pair in pairs[: args.pairs]:
        out += [f"# PAIR {pair['id']}", f"Event: {pair.get('event', '')}", ""]
        for side in ("left", "right"):
            doc = prepare(read_text(_text(pair[side]), name=side))
            out.append(f"## {side.upper()}")
            out += [f"[{side} {s.index}] {' '.join(s.text.split())}" for s in doc.sentences]
            out.append("")
    Path(args.out).write_text("\n".join(out), encoding="utf-8")
    print(f"wrote {args.out}: {min(args.pairs, len(pairs))} pairs")
    return 0


def _norm(form: str) -> str:
    form = form.casefold().replace("’", "'")
    form = re.sub(r"^the\s+", "", form.strip())
    return re.sub(r"[^\w' ]+", "", form).strip()


def _forms(actor: Any) -> set[str]:
    return {_norm(f) for f in (actor.name, *actor.aliases)} | {
        _norm(m.text) for m in actor.mentions
    }


def score(args: argparse.Namespace) -> int:
    judged: list[dict[str, Any]] = []
    for path in args.judged:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        judged += data["pairs"]
    stems = sorted({str(j["id"]).split("#")[0] for j in judged})
    texts = {p["id"]: p for p in _pairs([str(args.cache / f"{stem}.json") for stem in stems])}
    totals: Counter[str] = Counter()
    shown: list[str] = []
    for gold in judged:
        pair = texts[gold["id"]]
        comparison = _compare(pair)
        entities = gold["entities"]
        ent_forms = [{_norm(f) for f in (e["name"], *e["forms"])} for e in entities]
        actor_to_entities: dict[str, list[int]] = {}
        for actor in comparison.actors:
            forms = _forms(actor)
            hits = [k for k, ef in enumerate(ent_forms) if forms & ef]
            actor_to_entities[actor.id] = hits
            totals["actors"] += 1
            if not hits:
                totals["junk"] += 1
                shown.append(f"junk   {gold['id']}: {actor.kind} {actor.name!r}")
            elif len(hits) > 1:
                totals["conflated"] += 1
                names = [entities[k]["name"] for k in hits]
                shown.append(f"merged {gold['id']}: {actor.name!r} holds {names}")
        per_entity = Counter(k for hits in actor_to_entities.values() for k in hits)
        for k, entity in enumerate(entities):
            totals["entities"] += 1
            if per_entity[k] == 0:
                totals["missed"] += 1
            elif per_entity[k] > 1:
                totals["split"] += 1
                parts = [a.name for a in comparison.actors if k in actor_to_entities[a.id]]
                shown.append(f"split  {gold['id']}: {entity['name']!r} as {parts}")
        by_name = {_norm(e["name"]): k for k, e in enumerate(entities)}
        gold_at = {(a["side"], int(a["sentence"])): a for a in gold["attributions"]}
        matched_gold: set[tuple[str, int]] = set()
        for r in comparison.reactions:
            totals["reactions"] += 1
            key = (r.side, r.sentence)
            g = gold_at.get(key)
            actor = next((a for a in comparison.actors if a.id == r.actor), None)
            if g is None:
                totals["reaction_no_gold"] += 1
                shown.append(f"extra  {gold['id']} {key}: {actor.name if actor else r.actor!r}")
                continue
            unnamed = str(g["speaker"]).startswith("unnamed")
            if unnamed and actor is not None and actor.kind != "person":
                # An unnamed source kept as a group ("officials", "a railway official"),
                # or tied to the body it speaks for, is right; a named person is not.
                totals["reaction_right_unnamed"] += 1
                continue
            k = by_name.get(_norm(str(g["speaker"])))
            right = actor is not None and k is not None and k in actor_to_entities[actor.id]
            if right:
                totals["reaction_right"] += 1
                if key not in matched_gold:
                    matched_gold.add(key)
                    totals["stance_judged"] += 1
                    totals["stance_right"] += r.stance == g["stance"]
                    if r.stance != g["stance"]:
                        shown.append(
                            f"stance {gold['id']} {key}: {r.stance} vs {g['stance']} "
                            f"({actor.name if actor else '?'})"
                        )
            else:
                totals["reaction_wrong"] += 1
                shown.append(
                    f"wrong  {gold['id']} {key}: {actor.name if actor else r.actor!r} "
                    f"vs {g['speaker']!r}"
                )
        for key, g in gold_at.items():
            if not str(g["speaker"]).startswith("unnamed"):
                totals["gold_named"] += 1
                totals["gold_found"] += key in matched_gold
                if key not in matched_gold:
                    shown.append(f"missed {gold['id']} {key}: {g['speaker']!r} ({g['said']!r})")
            else:
                totals["gold_unnamed"] += 1
    t = totals
    print(f"pairs {len(judged)}: {t['entities']} gold entities, {t['actors']} actors")
    print(
        f"actors: junk {t['junk']} ({t['junk'] / max(1, t['actors']):.1%}), split entities "
        f"{t['split']}, conflated actors {t['conflated']}, missed entities {t['missed']}"
    )
    named_right = t["reaction_right"]
    print(
        f"reactions: {t['reactions']}; right actor {named_right} (and {t['reaction_right_unnamed']}"
        f" unnamed sources kept as such), wrong actor {t['reaction_wrong']}, in a sentence "
        f"without an attribution {t['reaction_no_gold']}"
    )
    precision = (named_right + t["reaction_right_unnamed"]) / max(1, t["reactions"])
    recall = t["gold_found"] / max(1, t["gold_named"])
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    print(
        f"who said it: P {precision:.3f} R {recall:.3f} F1 {f1:.3f} "
        f"(gold: {t['gold_named']} named, {t['gold_unnamed']} unnamed)"
    )
    print(f"stance right {t['stance_right']} of {t['stance_judged']}")
    for line in shown[: args.show]:
        print("  " + line)
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    sh = sub.add_parser("sheet")
    sh.add_argument("gold", nargs="+")
    sh.add_argument("--pairs", type=int, default=6)
    sh.add_argument("--seed", type=int, default=0)
    sh.add_argument("--out", required=True)
    sc = sub.add_parser("score")
    sc.add_argument("judged", nargs="+")
    sc.add_argument("--show", type=int, default=40)
    sc.add_argument("--cache", type=Path, default=CACHE, help="where the gold files are")
    args = ap.parse_args()
    return sheet(args) if args.command == "sheet" else score(args)


if __name__ == "__main__":
    sys.exit(main())
