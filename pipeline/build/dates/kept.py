"""The date rules' hits in each text, kept from one run to the next.

What the calendar rules (dates/tagger.py) find in a text depends on that text, the code
and data/dates.txt only, never on the rest of the document (the reference dates come
after, in dates/resolve.py). So the hits of every text that could hold a date are kept
with the OCR checker's findings, in the file whose name is a fingerprint of the code and
the word lists (ocr/cache.py): a rebuild after one changed paragraph runs the rules on
that paragraph only. At N=1,000 the rules took 0.14 s of a one-document rebuild.

Example:
    annotate(text, finder(lexicon), tagger.skip)  # lexicon: an ocr.lexicon.Lexicon
"""

from __future__ import annotations

import hashlib
from typing import Callable

from pipeline.build.annotate import Hit
from pipeline.build.dates import tagger

TABLE = "dates"  # the table of the OCR cache file (ocr/lexicon.py's TABLES)
MAX_HELD = 200_000  # texts held in memory; past it the process starts afresh


def finder(lexicon) -> Callable[[str], list[Hit]]:
    """tagger.find, answered from `lexicon.date_cache` where it knows the text, and
    noting in `lexicon.fresh` what it worked out, for the build to keep."""

    def find(text: str) -> list[Hit]:
        if not tagger.may_hold_date(text):
            return []
        key = hashlib.sha1(text.encode("utf-8")).hexdigest()[:24]
        cache = lexicon.date_cache
        kept = cache.get(key)
        if kept is not None:
            return [Hit(start, end, tag, dict(attrs)) for start, end, tag, attrs in kept]
        hits = tagger.find(text)
        if len(cache) > MAX_HELD:
            cache.clear()
        cache[key] = lexicon.fresh[TABLE][key] = [[h.start, h.end, h.tag, h.attrs]
                                                   for h in hits]
        return hits

    return find
