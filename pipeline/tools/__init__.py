"""Development tools that make does not run: eval, the bench corpus, the OCR noise."""
