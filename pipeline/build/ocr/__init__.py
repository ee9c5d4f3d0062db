"""OCR damage: the lexicon, the checker that finds and corrects damage, and the cache of what it worked out."""
