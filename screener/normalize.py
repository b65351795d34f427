"""Undo what PDF producers do to text so that matching sees plain words."""

from __future__ import annotations

import re
import unicodedata

# Removed outright: they carry no letters (soft hyphen, zero-width marks, BOM, trademark signs).
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff®™℠©"), None)
# Hyphen look-alikes become "-" so that "on‐campus" and "on-campus" read the same; dashes stay (dates use them).
_HYPHENS = dict.fromkeys(map(ord, "\u2010\u2011\u2043\u2212"), "-")
_WHITESPACE_RUN = re.compile(r"\s+")
# Three or more single capitals or digits separated by single spaces: a letter-spaced word ("P M P").
_LETTER_SPACED = re.compile(r"\b(?:[A-Z0-9] ){2,}[A-Z0-9]\b")


def normalize_text(text: str) -> str:
    """Fold ligatures, odd spaces, soft hyphens, trademark signs and letter spacing into plain text."""
    text = text.translate(_INVISIBLE).translate(_HYPHENS)
    # NFKC expands ligatures (ﬁ → fi), folds non-breaking and other exotic spaces and full-width forms.
    text = unicodedata.normalize("NFKC", text)
    text = _WHITESPACE_RUN.sub(" ", text).strip()
    return _LETTER_SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)
