"""The statistical and gazetteer layers of this process: loaded once per worker, shared
by every document it encodes (the build, and eval --corpus, ask here)."""

from __future__ import annotations

from pipeline.build.names.gazetteer import Gazetteer
from pipeline.build.names.model import NameModel
from pipeline.build.names.places import PlaceLayer

MODELS: dict[str, NameModel] = {}
_PLACES: list[PlaceLayer] = []


def place_layer(use: bool) -> PlaceLayer | None:
    """The gazetteer layer of this process (its index opened once), or None."""
    if not use:
        return None
    if not _PLACES:
        _PLACES.append(PlaceLayer(Gazetteer()))
    return _PLACES[0]


def name_model(name: str | None) -> NameModel | None:
    """The name model of this process (loaded once per worker), or None for none."""
    if not name:
        return None
    if name not in MODELS:
        MODELS[name] = NameModel(name)
    return MODELS[name]
