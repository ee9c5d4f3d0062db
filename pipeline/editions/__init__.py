"""Stage 3, TEI to editions: XSLT, digests, pieces, the reduce step, collection pages.

export.py drives it; docs/architecture.md follows one document through it.
"""
