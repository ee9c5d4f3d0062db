"""OCR damage: the lexicon, the checker that finds and corrects damage, and the cache of
what it worked out. The checker's public names are here; its parts are in the modules.

They are imported when first asked for (PEP 562): a build whose seed the model server
encodes (build/warm.py) reads only the overrides and the cache here, not the checker.
`ocr.notes` is the module of the notes (a submodule's name is its module once it is
imported, so the function of that name is not offered here: notes.notes)."""

import importlib

_WHERE = {"OcrChecker": "checker", "check": "checker", "skip": "checker",
          "Decision": "detect", "Costs": "distance", "describe": "notes",
          "Overrides": "overrides", "read_overrides": "overrides", "Finding": "text"}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
    globals()[name] = value  # asked once
    return value
