"""Names: the authority file (authority), the tagger that links names to it (tagger), and the review queue (review)."""
