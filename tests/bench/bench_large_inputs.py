"""How long ``parallax compare`` takes, and how much memory it holds, on the largest inputs
the size limit accepts.

Run by hand (pytest does not collect it)::

    python tests/bench/bench_large_inputs.py [--only one-line short-lines markup-page
                                              paragraph-page] [--scale 1.0] [--timeout 600]
                                             [--desktop PATH] [--keep DIR]

It writes four kinds of input, each as a pair (left and right; the right one reports
30% of the left one's sentences, the rest other news), made of distinct news sentences
(ABC stories of the Lee corpus and Reuters stories of CoNLL-2003, see
``heldout_data.news_sentences``; once those run out, new sentences are spliced from the
first half of one and the second half of another, so no two are the same):

- ``one-line``: 1 MB of text on one line;
- ``short-lines``: 100,000 short lines (about 1.2 MB), the news hard-wrapped at 14 columns;
- ``markup-page``: a 30 MB saved web page of mostly markup: a 40-paragraph article inside
  menus, inline icons, style sheets, scripts and data blobs;
- ``paragraph-page``: a 30 MB web page of distinct paragraphs.

Each pair goes through ``parallax compare --no-store --json`` in a subprocess, with actors
and the refined links as a user gets them; the benchmark prints the wall time, the peak
resident memory of that process (``wait4``) and the exit status (2 with the message when
the input is refused), against the size limit (``ingest.MAX_BYTES`` and
``ingest.MAX_TEXT``) and the issue's figures (15 s for the 1 MB text pair and for the
100,000 short lines, 60 s and 2 GB for a 30 MB page). Two baselines measured in the same
run tell the code's growth from the machine's speed:

- the sample pair of ``data/samples`` (start-up, model loading: the fixed cost);
- each input at a tenth of its size (``--small 0.1``): "x linear" is the full input's
  time over ten times the small one's; 1.0 is linear growth (the fixed cost makes it
  smaller).

Beside wall time it prints the CPU time of the process (user + system), which load from
other processes on a shared machine inflates much less.

``--desktop`` runs another checkout's ``desktop`` folder (e.g. the commit before a change)
on the same inputs. Times are wall clock on a shared machine: run it twice, read the lower.
"""

from __future__ import annotations

import argparse
import html
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO / "desktop"), str(REPO)]

from tests.bench.heldout_data import news_sentences  # noqa: E402

SAMPLES = sorted((REPO / "data" / "samples").glob("*.txt"))
MB = 2**20
#: The issue's figures: (seconds, MB of peak memory) an accepted input must stay within.
TARGETS = {
    "one-line": (15.0, 2048.0),
    "short-lines": (15.0, 2048.0),
    "markup-page": (60.0, 2048.0),
    "paragraph-page": (60.0, 2048.0),
}


# -- the inputs ----------------------------------------------------------------------------


def sentence_stream(pool: list[str], seed: int) -> Iterator[str]:
    """Distinct news sentences: the pool's own, then splices of two of them."""
    rnd = random.Random(seed)
    order = pool[:]
    rnd.shuffle(order)
    yield from order
    seen: set[str] = set(order)
    while True:
        a, b = rnd.choice(pool).split(), rnd.choice(pool).split()
        cut_a, cut_b = max(3, len(a) // 2), max(1, len(b) // 2)
        s = " ".join(a[:cut_a] + b[cut_b:])
        if s not in seen:
            seen.add(s)
            yield s


def reword(sentence: str, rnd: random.Random) -> str:
    words = sentence.split()
    if len(words) > 8:
        del words[rnd.randrange(1, len(words) - 1)]
        i = rnd.randrange(1, len(words) - 2)
        words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)


def article_pair(pool: list[str], size: int, seed: int) -> tuple[list[str], list[str]]:
    """Two lists of sentences of about ``size`` characters each; the right one rewords 30%
    of the left one's sentences and fills the rest from other news."""
    rnd = random.Random(seed)
    stream = sentence_stream(pool, seed)
    left: list[str] = []
    total = 0
    while total < size:
        left.append(next(stream))
        total += len(left[-1]) + 1
    right: list[str] = []
    total = 0
    while total < size:
        s = reword(rnd.choice(left), rnd) if rnd.random() < 0.3 else next(stream)
        right.append(s)
        total += len(s) + 1
    rnd.shuffle(right)
    return left, right


def paragraphs(sentences: list[str], rnd: random.Random) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(sentences):
        n = rnd.randint(2, 5)
        out.append(" ".join(sentences[i : i + n]))
        i += n
    return out


def one_line(sentences: list[str], size: int) -> bytes:
    return " ".join(sentences).encode()[:size].rsplit(b" ", 1)[0] + b"\n"


def short_lines(sentences: list[str], lines: int, width: int = 14) -> bytes:
    out: list[str] = []
    line = ""
    for word in " ".join(sentences).split():
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            if len(out) == lines:
                break
            line = word
        else:
            line = f"{line} {word}" if line else word
    return ("\n".join(out) + "\n").encode()


def _menu(rnd: random.Random, words: list[str]) -> str:
    items = "".join(
        f'<li class="nav__item nav__item--{i}"><a class="nav__link" data-track="menu-{i}" '
        f'href="/section/{rnd.choice(words).lower()}/{i}">{html.escape(rnd.choice(words))}</a></li>'
        for i in range(40)
    )
    return f'<nav class="site-nav" aria-label="Sections"><ul class="nav__list">{items}</ul></nav>'


def _icon(rnd: random.Random) -> str:
    path = " ".join(f"L{rnd.randint(0, 999)} {rnd.randint(0, 999)}" for _ in range(40))
    return f'<svg viewBox="0 0 1000 1000" aria-hidden="true"><path d="M0 0 {path} Z"/></svg>'


def markup_page(sentences: list[str], size: int, seed: int) -> bytes:
    """An article of 40 paragraphs in ``size`` bytes of page furniture."""
    rnd = random.Random(seed)
    words = [w.strip(".,") for s in sentences[:200] for w in s.split() if w[:1].isupper()]
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs(sentences[:150], rnd)[:40])
    title = html.escape(sentences[0][:80])
    head = (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f'<meta property="og:title" content="{title}">'
    )
    article = (
        f'<main><article><h1>{title}</h1><div class="byline">By Staff Reporter</div>'
        f'<time datetime="2024-06-19">19 June 2024</time>{body}</article></main>'
    )
    furniture: list[str] = []
    filled = len(head) + len(article)
    i = 0
    while filled < size - 200:
        kind = i % 4
        if kind == 0:
            chunk = _menu(rnd, words)
        elif kind == 1:
            chunk = "".join(_icon(rnd) for _ in range(10))
        elif kind == 2:
            rules = "".join(
                f".c{rnd.randrange(10**6)} .x{j}{{margin:{j}px;color:#{rnd.randrange(16**6):06x}}}"
                for j in range(60)
            )
            chunk = f"<style>{rules}</style>"
        else:
            blob = ",".join(f'"k{j}":"{rnd.randrange(10**9):x}"' for j in range(120))
            chunk = f"<script>window.__DATA{i}__={{{blob}}};</script>"
        furniture.append(f'<div class="slot slot--{i}" data-slot="{i}">{chunk}</div>\n')
        filled += len(furniture[-1])
        i += 1
    half = len(furniture) // 2
    page = (
        head + "".join(furniture[: half // 10]) + "</head><body>" + "".join(furniture[half // 10 : half])
        + article + "".join(furniture[half:]) + "</body></html>\n"
    )  # fmt: skip
    return page.encode()


def paragraph_page(sentences: list[str], size: int, seed: int) -> bytes:
    rnd = random.Random(seed)
    title = html.escape(sentences[0][:80])
    out = [f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"]
    out.append(f"<body><article><h1>{title}</h1>\n")
    total = sum(map(len, out))
    for p in paragraphs(sentences, rnd):
        chunk = f"<p>{html.escape(p)}</p>\n"
        if total + len(chunk) > size - 40:
            break
        out.append(chunk)
        total += len(chunk)
    out.append("</article></body></html>\n")
    return "".join(out).encode()


@dataclass(frozen=True)
class Kind:
    name: str
    suffix: str
    #: The text each side needs, in characters, at full size (scale 1).
    text_chars: int
    make: Callable[[list[str], float, int], bytes]
    describe: str


KINDS = [
    Kind("one-line", ".txt", MB, lambda s, f, _: one_line(s, int(MB * f)), "1 MB text, one line"),
    Kind(
        "short-lines",
        ".txt",
        int(1.3 * MB),
        lambda s, f, _: short_lines(s, int(100_000 * f)),
        "100,000 lines of 14 columns",
    ),
    Kind(
        "markup-page",
        ".html",
        40_000,
        lambda s, f, seed: markup_page(s, int(30 * MB * f), seed),
        "30 MB page, mostly markup",
    ),
    Kind(
        "paragraph-page",
        ".html",
        int(31 * MB),
        lambda s, f, seed: paragraph_page(s, int(30 * MB * f), seed),
        "30 MB page of paragraphs",
    ),
]


def write_pair(kind: Kind, pool: list[str], scale: float, folder: Path) -> tuple[Path, Path]:
    left, right = article_pair(pool, int(kind.text_chars * scale) + 1000, seed=len(kind.name))
    paths = []
    for side, sentences, seed in (("left", left, 1), ("right", right, 2)):
        path = folder / f"{kind.name}-{scale:g}-{side}{kind.suffix}"
        if not path.exists():
            path.write_bytes(kind.make(sentences, scale, seed))
        paths.append(path)
    return paths[0], paths[1]


# -- running -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu: float
    peak_mb: float
    status: int | None  # None: killed at the timeout
    message: str


def run_compare(left: Path, right: Path, desktop: Path, timeout: float) -> Run:
    """``parallax compare`` on a pair in a subprocess: wall time and its peak RSS."""
    env = {**os.environ, "PYTHONPATH": str(desktop), "PARALLAX_DB": os.devnull}
    cmd = [
        sys.executable,
        "-m",
        "parallax",
        "compare",
        "--no-store",
        "--json",
        str(left),
        str(right),
    ]
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=env)
        status: int | None = None
        while True:
            pid, wait_status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                status = os.waitstatus_to_exitcode(wait_status)
                proc.returncode = status
                break
            if time.perf_counter() - start > timeout:
                proc.kill()
                _, _, usage = os.wait4(proc.pid, 0)
                proc.returncode = -9
                break
            time.sleep(0.02)
        seconds = time.perf_counter() - start
        err.seek(0)
        message = err.read().decode("utf-8", "replace").strip().splitlines()
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu, usage.ru_maxrss / 1024, status, message[-1] if message else "")


def limits(desktop: Path) -> str:
    code = (
        "from parallax.core import ingest\n"
        "print(ingest.MAX_BYTES, getattr(ingest, 'MAX_TEXT', None))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": str(desktop)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    max_bytes = int(out[0])
    text = f"input size limit {max_bytes / MB:g} MiB"
    if out[1] != "None":
        text += f", text limit {int(out[1]):,} characters"
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", choices=[k.name for k in KINDS])
    parser.add_argument("--scale", type=float, default=1.0, help="input size, 1 = the issue's")
    parser.add_argument("--small", type=float, default=0.1, help="baseline size (0 = none)")
    parser.add_argument("--timeout", type=float, default=600.0)
    parser.add_argument("--desktop", type=Path, default=REPO / "desktop")
    parser.add_argument("--keep", type=Path, help="write the inputs here and keep them")
    args = parser.parse_args()

    kinds = [k for k in KINDS if not args.only or k.name in args.only]
    print(f"parallax from {args.desktop}: {limits(args.desktop)}")
    pool = news_sentences()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="parallax-large-"))
    folder.mkdir(parents=True, exist_ok=True)

    fixed = run_compare(SAMPLES[0], SAMPLES[-1], args.desktop, args.timeout)
    print(
        f"sample pair (start-up and models): {fixed.seconds:.1f} s, CPU {fixed.cpu:.1f} s, "
        f"peak {fixed.peak_mb:.0f} MB\n"
    )
    header = f"{'input':<16} {'scale':>5} {'left+right':>11} {'time':>8} {'cpu':>8} {'peak':>9} "
    print(header + f"{'status':>6}  {'x linear':>8}  within the figures")
    for kind in kinds:
        small: Run | None = None
        for scale in ([args.scale * args.small] if args.small else []) + [args.scale]:
            left, right = write_pair(kind, pool, scale, folder)
            size = (left.stat().st_size + right.stat().st_size) / MB
            run = run_compare(left, right, args.desktop, args.timeout)
            status = "killed" if run.status is None else str(run.status)
            growth = ""
            if small is not None and small.status == 0 and run.status == 0:
                growth = f"{run.seconds * args.small / small.seconds:.2f}"
            verdict = ""
            if scale == args.scale and args.scale == 1.0:
                seconds, peak = TARGETS[kind.name]
                if run.status == 0:
                    ok = run.seconds <= seconds and run.peak_mb <= peak
                    verdict = f"{'yes' if ok else 'NO'} ({seconds:.0f} s, {peak / 1024:.0f} GB)"
                elif run.status == 2:
                    verdict = "refused"
                else:
                    verdict = "NO"
            print(
                f"{kind.name:<16} {scale:>5g} {size:>8.2f} MB {run.seconds:>6.1f} s {run.cpu:>6.1f} s "
                f"{run.peak_mb:>6.0f} MB {status:>6}  {growth:>8}  {verdict}"
            )
            if run.status not in (0, None):
                print(f"{'':<18}{run.message}")
            small = run
    if not args.keep:
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()


if __name__ == "__main__":
    main()
