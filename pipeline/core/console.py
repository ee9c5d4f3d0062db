"""All console output goes through here: messages, warnings and progress bars."""

from __future__ import annotations

import contextlib
import sys
from typing import Callable, Iterator

import click

def out(message: str = "", *, err: bool = False) -> None:
    """Print a line for the user (stdout, or stderr with err=True)."""
    click.echo(message, err=err)


def warn(message: str) -> None:
    """Print a warning on stderr; warnings never stop a build."""
    click.secho(f"warning: {message}", err=True, fg="yellow")


def error(message: str) -> None:
    """Print an error line on stderr (the command carries on or exits by itself)."""
    click.secho(message, err=True, fg="red")


@contextlib.contextmanager
def bar(total: int, label: str, *, silent: bool) -> Iterator[Callable[[object], None]]:
    """A progress bar of `total` steps; yields tick(item), called once per item done
    (for work done elsewhere, in worker processes, in any order)."""
    if silent:
        yield lambda _item: None
        return
    with click.progressbar(length=total, label=label, file=sys.stderr, show_pos=True,
                           item_show_func=_name) as progress:
        def tick(item: object) -> None:
            progress.current_item = item
            progress.update(1)
        yield tick


def _name(item: object) -> str | None:
    name = getattr(item, "name", None)
    return str(name) if name else None
