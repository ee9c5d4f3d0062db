"""Stage 1, seeds to TEI: reading, structure, header, OCR, dates, names, TEI writing.

stage.py drives it; docs/architecture.md follows one seed through it.
"""
