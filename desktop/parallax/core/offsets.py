"""Mapping character offsets between an original text and its repaired form.

A list of non-overlapping :class:`~parallax.core.model.Repair` records (offsets into the
original) fully describes the repaired text. From it we can rebuild either text and map any
offset both ways, which is what lets the reader show the original characters under a
highlight computed on the repaired text.

Rebuilding the original (:func:`restore_original`) lives beside the records in
:mod:`parallax.core.model`, because a comparison document read back needs it; it is
re-exported here with its inverse, :func:`apply_repairs`. This module imports the model,
never the other way round.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from parallax.core.model import Repair, check_repairs, restore_original

__all__ = ["OffsetMap", "apply_repairs", "restore_original"]


def apply_repairs(original: str, repairs: Sequence[Repair]) -> str:
    """Return the repaired text: ``original`` with every repair span replaced."""
    check_repairs(repairs)
    out: list[str] = []
    pos = 0
    for r in repairs:
        out.append(original[pos : r.start])
        out.append(r.replacement)
        pos = r.end
    out.append(original[pos:])
    return "".join(out)


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps offsets between the original text and the repaired text.

    Offsets inside a replaced span map to the start of its counterpart (for starts) and to
    its end (for ends), so a highlight never cuts a repaired span in half.
    """

    repairs: tuple[Repair, ...]
    original_starts: tuple[int, ...]
    repaired_starts: tuple[int, ...]

    @classmethod
    def from_repairs(cls, repairs: Iterable[Repair]) -> OffsetMap:
        reps = tuple(repairs)
        check_repairs(reps)
        rep_starts: list[int] = []
        shift = 0
        for r in reps:
            rep_starts.append(r.start + shift)
            shift += len(r.replacement) - (r.end - r.start)
        return cls(reps, tuple(r.start for r in reps), tuple(rep_starts))

    def to_original(self, offset: int, *, end: bool = False) -> int:
        """Map an offset in the repaired text to the original text.

        A start offset skips past characters that were deleted right there; an end offset
        stops before them. An offset inside a replacement widens to the whole original span.
        """
        i = (bisect_left if end else bisect_right)(self.repaired_starts, offset) - 1
        if i < 0:
            return offset
        r, rs = self.repairs[i], self.repaired_starts[i]
        if offset < rs + len(r.replacement):
            return r.end if end else r.start
        return r.end + (offset - rs - len(r.replacement))

    def to_repaired(self, offset: int, *, end: bool = False) -> int:
        """Map an offset in the original text to the repaired text."""
        i = (bisect_left if end else bisect_right)(self.original_starts, offset) - 1
        if end and i + 1 < len(self.repairs):
            nxt = self.repairs[i + 1]
            if nxt.start == nxt.end == offset:  # an end right where text was inserted
                return self.repaired_starts[i + 1] + len(nxt.replacement)
        if i < 0:
            return offset
        r, rs = self.repairs[i], self.repaired_starts[i]
        if offset < r.end or (not end and offset == r.start):
            # Inside a repaired span, or a start offset right where text was inserted:
            # a start lands before the replacement, an end after it.
            return rs + len(r.replacement) if end else rs
        return rs + len(r.replacement) + (offset - r.end)
