"""Accent-insensitive text: how names, OCR readings and search terms are compared."""

from __future__ import annotations

import functools
import unicodedata

# Letters that Unicode does not decompose into base letter + mark.
# The edition's search script folds queries with the same table (pipeline/editions/collection.py).
FOLD_TABLE = {"Đ": "D", "đ": "d", "Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "ß": "ss", "Æ": "AE",
              "æ": "ae", "Œ": "OE", "œ": "oe", "’": "'", "‘": "'", "ı": "i"}
_FOLD_EXTRA = str.maketrans(FOLD_TABLE)


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Accent-insensitive form: Korçë -> Korce, Đakovo -> Dakovo; case is kept."""
    decomposed = unicodedata.normalize("NFD", text.translate(_FOLD_EXTRA))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
