"""Exceptions the library raises; the CLI turns them into click errors."""

from __future__ import annotations


class PipelineError(Exception):
    """An error about one input, located as `file:line:col` where known."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 col: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.col = col

    def __str__(self) -> str:
        where = [str(self.path)] if self.path else []
        if self.path and self.line is not None:
            where.append(str(self.line))
            where.append(str(self.col if self.col is not None else 1))
        return f"{':'.join(where)}: {self.message}" if where else self.message


class SourceError(PipelineError):
    """A seed that cannot be read as text (empty, binary, bad encoding)."""


class TransformError(PipelineError):
    """An XSLT transformation failed."""
