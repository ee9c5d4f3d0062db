"""The `archive` group, its error handling and the options several commands share."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from pipeline import __version__
from pipeline.core.errors import PipelineError
from pipeline.core.executor import KINDS, ExecutorSettings
from pipeline.core.settings import default_build_date


class Command(click.Command):
    """A command whose library errors print as `Error: file:line:col: message`, exit 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except PipelineError as exc:
            raise click.ClickException(str(exc)) from None


class Group(click.Group):
    """A group whose commands, and subgroups' commands, are `Command`s."""

    command_class = Command
    group_class = type  # subgroups are of this class too


class Failed(click.ClickException):
    """Some inputs failed: each was reported already; exit 1 with a one-line reason."""

    exit_code = 1


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="archive")
def cli() -> None:
    """Turn raw source texts into TEI P5, validate them and publish editions.

    The usual order is build, validate, export; `make` runs all three.

    Example:

        archive build seeds/*.txt --out tei/ && archive validate tei/*.xml
    """


SILENT = click.option("--silent", is_flag=True, help="No progress bar; only errors and the summary.")


def executor_options(fn):
    """--jobs, --executor and --scheduler: where the per-document work runs."""
    fn = click.option("--scheduler", metavar="ADDRESS", default=None,
                      help="Dask scheduler for --executor dask (tcp://host:8786); every "
                           "worker must see the same files at the same paths.")(fn)
    fn = click.option("--executor", "executor_kind", type=click.Choice(KINDS),
                      default="local", show_default=True,
                      help="local: processes on this machine; dask: a Dask cluster.")(fn)
    fn = click.option("-j", "--jobs", type=click.IntRange(0, 1024), default=0,
                      help="Worker processes [default: 0, one per core; 1: none]. The "
                           "output is byte-identical whatever the number.")(fn)
    return fn


def executor(jobs: int, kind: str, scheduler: str | None) -> ExecutorSettings:
    if scheduler and kind != "dask":
        raise click.UsageError("--scheduler goes with --executor dask")
    return ExecutorSettings(jobs=jobs, kind=kind, scheduler=scheduler)


def expand(paths: tuple[Path, ...], pattern: str) -> tuple[Path, ...]:
    """A directory stands for its files (names with spaces pass safely this way)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(p for p in sorted(path.glob(pattern))
                       if p.name not in ("authority.xml",) and not p.name.startswith("."))
        else:
            out.append(path)
    return tuple(out)


def build_date(value: str | None) -> str:
    """--date as given (checked), or the reproducible default."""
    if value is None:
        return default_build_date()
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD",
                                 param_hint="--date") from None
