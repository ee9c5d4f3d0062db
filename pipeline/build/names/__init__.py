"""Names: the authority file, the tagger that links names to it, the review queue.

authority.py reads tei/authority.xml; tagger.py marks persName, placeName and
orgName; review.py is `archive entities` (suggest, add).
"""
