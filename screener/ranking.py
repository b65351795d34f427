"""Order candidates for a role: those who fit it first, then by the score that matters for it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from screener.models import Candidate, RoleFit

TargetRole = Literal["tpm", "pm"]
# All TPMs are PMs, so both fit a PM opening; only a TPM fits a TPM opening.
_FITS = {"tpm": frozenset({"tpm"}), "pm": frozenset({"pm", "tpm"})}


def counts_as(role_fit: RoleFit, wanted: RoleFit) -> bool:
    """Whether a candidate whose role fit is `role_fit` counts as a `wanted`: a TPM is a PM, too."""
    return role_fit in _FITS[wanted] if wanted in _FITS else role_fit == wanted


def rank_key(candidate: Candidate, role: TargetRole) -> tuple[int, float, float]:
    """Sort key, smallest first: fit for the role, then the role's score, then the other axis."""
    scores = candidate.scores
    if scores is None:
        return (2, 0.0, 0.0)
    fits = scores.role_fit in _FITS[role]
    if role == "pm":
        return (0 if fits else 1, -scores.management, -scores.technical)
    return (0 if fits else 1, -(scores.management + scores.technical), -scores.technical)


def rank_candidates(candidates: Iterable[Candidate], role: TargetRole = "tpm") -> list[Candidate]:
    return sorted(candidates, key=lambda c: (rank_key(c, role), c.file))
