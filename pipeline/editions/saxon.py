"""Saxon (saxonche): the edition stylesheets, compiled once per process and parameter set."""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

from pipeline.core import paths
from pipeline.core.errors import TransformError


class Saxon:
    """One Saxon processor and the stylesheets compiled on it, with shared parameters."""

    def __init__(self, params: dict[str, str | int]):
        from saxonche import PySaxonProcessor  # imported late: starting Saxon costs time

        self.proc = PySaxonProcessor(license=False)
        self.compiler = self.proc.new_xslt30_processor()
        self.params = params
        self._compiled: dict[Path, object] = {}

    @property
    def code(self) -> str:
        """The fingerprint of the edition stylesheets with these parameters: what a
        document's pieces and the collection's state were made with."""
        return code_fingerprint(json.dumps(self.params, sort_keys=True))

    def executable(self, stylesheet: Path):
        if stylesheet not in self._compiled:
            try:
                exe = self.compiler.compile_stylesheet(stylesheet_file=str(stylesheet))
            except Exception as exc:  # saxonche raises PySaxonApiError
                raise TransformError(f"stylesheet does not compile: {exc}",
                                     str(stylesheet)) from None
            for name, value in self.params.items():
                exe.set_parameter(name, self._value(value))
            self._compiled[stylesheet] = exe
        return self._compiled[stylesheet]

    def _value(self, value: str | int):
        if isinstance(value, int):
            return self.proc.make_integer_value(value)
        return self.proc.make_string_value(value)

    def apply(self, stylesheet: Path, xml_text: str, where: str, base: str = "") -> str:
        """`xml_text` transformed; `base`, the document's file URI, is its base-uri()
        (the name a page of TEI from other projects is known by: header.xsl)."""
        exe = self.executable(stylesheet)
        try:
            if base:
                builder = self.proc.new_document_builder()
                builder.set_base_uri(base)
                node = builder.parse_xml(xml_text=xml_text)
            else:
                node = self.proc.parse_xml(xml_text=xml_text)
            result = exe.transform_to_string(xdm_node=node)
        except Exception as exc:
            raise TransformError(f"transformation failed: {exc}", where) from None
        if result is None:
            raise TransformError("transformation produced no output", where)
        return result


_SAXONS: dict[tuple, Saxon] = {}


def saxon_for(params: dict[str, str | int]) -> Saxon:
    """One Saxon per process and parameter set: stylesheets compile once per worker."""
    key = tuple(sorted(params.items()))
    if key not in _SAXONS:
        _SAXONS[key] = Saxon(params)
    return _SAXONS[key]


@functools.lru_cache(maxsize=4)
def code_fingerprint(params: str) -> str:
    """A hash of every stylesheet of the editions and of the parameters they run with."""
    return hashlib.sha256((params + "".join(
        p.read_text(encoding="utf-8") for p in sorted(paths.XSLT.rglob("*.xsl"))
    )).encode("utf-8")).hexdigest()
