"""`archive entities`: the review queue of names the authority file does not know yet."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli.base import cli
from pipeline.core import console


@cli.group()
def entities() -> None:
    """Review names the authority file does not know yet, and add them to it.

    Example:

        archive entities suggest tei/*.xml
    """


AUTHORITY = click.option("--authority", "authority_path", type=click.Path(path_type=Path),
                         default=Path("tei/authority.xml"), show_default=True,
                         help="The authority file.")


@entities.command("suggest")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@AUTHORITY
@click.option("--format", "fmt", type=click.Choice(["tsv", "json"]), default="tsv",
              show_default=True, help="Output format.")
def entities_suggest(files: tuple[Path, ...], authority_path: Path, fmt: str) -> None:
    """List candidate names in FILES that the authority file does not know.

    First the names the tagger found on strong evidence (a title such as King or
    comrade, a known first name, "the village of X") but could not link; then runs of
    capitalised words that match no entry (kind "unknown"). Each row gives the
    surface, the guessed kind, the count and two contexts, most frequent first.
    Accept one with `archive entities add`.

    Example:

        archive entities suggest tei/*.xml --format json
    """
    import json

    from pipeline.build.names import review

    candidates = review.suggest(list(files), authority_path)
    if fmt == "json":
        console.out(json.dumps([c.__dict__ for c in candidates], ensure_ascii=False, indent=1))
        return
    console.out("surface\tkind\tcount\tcontext1\tcontext2")
    for c in candidates:
        contexts = (c.contexts + ["", ""])[:2]
        console.out("\t".join([c.surface, c.kind, str(c.count)]
                              + [x.replace("\t", " ") for x in contexts]))


@entities.command("add")
@click.argument("surface")
@click.option("--kind", type=click.Choice(["person", "place", "org"]), required=True,
              help="What the name names.")
@click.option("--variant-of", "variant_of", metavar="ID",
              help="Add SURFACE as another spelling of the entry with this xml:id.")
@click.option("--id", "entry_id", metavar="ID",
              help="xml:id of a new entry [default: surname-firstname for persons, "
                   "a slug of the name otherwise].")
@click.option("--note", help="A one-line note for a new entry.")
@AUTHORITY
def entities_add(surface: str, kind: str, variant_of: str | None, entry_id: str | None,
                 note: str | None, authority_path: Path) -> None:
    """Add SURFACE to the authority file, as a new entry or as a variant.

    The file is rewritten atomically, keeping everything else as it was. Run `make`
    afterwards: every TEI file is rebuilt and the name linked wherever it occurs.

    Examples:

        archive entities add "Ramiz Alia" --kind person --note "Albanian communist politician."

        archive entities add "Enveri" --kind person --variant-of hoxha-enver
    """
    from pipeline.build.names import review

    done = review.add(authority_path, surface, kind, variant_of=variant_of,
                          entry_id=entry_id, note=note)
    console.out(done)
