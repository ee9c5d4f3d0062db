"""Development tools, not run by make: evaluation against gold, the bench corpus, the OCR noise model."""
