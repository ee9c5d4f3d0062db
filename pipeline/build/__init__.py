"""Stage 1, seeds to TEI: source reading, structure, header, OCR, dates, names, TEI writing, bookkeeping."""
