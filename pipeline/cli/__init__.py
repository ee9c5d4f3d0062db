"""The `archive` command line: a thin Click layer over the stage modules.

The group and what every command shares live here; the commands are in stages.py
(build, validate, export, curate, clean, summary), entities.py (the review queue of
names) and tools.py (eval, bench-corpus). Library errors (PipelineError) become
click errors in one place, `Command.invoke`.
"""

from __future__ import annotations

from pipeline.cli import entities, stages, tools  # noqa: F401  (they add their commands)
from pipeline.cli.base import cli

__all__ = ["cli"]
