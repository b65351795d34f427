"""Damaged variants of valid PDFs — byte flips, truncations, splices — for fuzzing the reader."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

MutationKind = Literal["flip", "truncate", "splice"]


@dataclass(frozen=True)
class Mutation:
    """One change at a relative position (0..1) of the file, so it applies to a file of any size.

    flip: xor `value` into `length` bytes; truncate: cut the file there; splice: put `length` bytes of the
    donor file (taken from the same relative position) in place of as many bytes of this one.
    """

    kind: MutationKind
    position: float
    length: int = 1
    value: int = 0xFF


def mutate(data: bytes, mutations: Sequence[Mutation], donor: bytes = b"") -> bytes:
    damaged = bytearray(data)
    for mutation in mutations:
        at = int(mutation.position * len(damaged))
        if mutation.kind == "truncate":
            del damaged[at:]
        elif mutation.kind == "flip":
            for index in range(at, min(at + mutation.length, len(damaged))):
                damaged[index] ^= mutation.value or 1
        elif donor:
            start = int(mutation.position * len(donor))
            damaged[at : at + mutation.length] = donor[start : start + mutation.length]
    return bytes(damaged)
