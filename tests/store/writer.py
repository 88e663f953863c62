"""A child process for the fault tests: saves comparisons in a loop.

    python -m tests.store.writer PATH FIRST_SEED COUNT SENTENCES

Prints ``ready`` once the library is open, waits for one line on standard input (so that
several writers can be started together), then saves ``make_comparison(seed, SENTENCES)``
for each seed and prints ``SEED ID`` only after that save has committed.
"""

from __future__ import annotations

import sys

from parallax.store import Library
from tests.store.helpers import make_comparison


def main(argv: list[str]) -> int:
    path, first, count, size = argv[1], int(argv[2]), int(argv[3]), int(argv[4])
    with Library(path) as lib:
        print("ready", flush=True)
        sys.stdin.readline()
        for seed in range(first, first + count):
            comparison_id = lib.save(make_comparison(seed, n=size))
            print(seed, comparison_id, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
