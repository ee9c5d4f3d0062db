"""OCR damage: the lexicon, the checker that finds and corrects damage, and the cache of
what it worked out. The checker's public names are here; its parts are in the modules."""

from pipeline.build.ocr.checker import OcrChecker, check, skip
from pipeline.build.ocr.detect import Decision
from pipeline.build.ocr.distance import Costs
from pipeline.build.ocr.notes import describe, notes
from pipeline.build.ocr.overrides import Overrides, read_overrides
from pipeline.build.ocr.text import Finding

__all__ = ["Costs", "Decision", "Finding", "OcrChecker", "Overrides", "check", "describe",
           "notes", "read_overrides", "skip"]
