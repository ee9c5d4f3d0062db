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


COLUMNS = ["surface", "kind", "count", "context1", "context2", "found_by", "geonames_id",
           "geonames", "decision", "into", "variants"]


@entities.command("suggest")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@AUTHORITY
@click.option("--format", "fmt", type=click.Choice(["tsv", "json"]), default="tsv",
              show_default=True, help="Output format.")
@click.option("--gazetteer/--no-gazetteer", default=True, show_default=True,
              help="Give places and unknown names their GeoNames candidates.")
def entities_suggest(files: tuple[Path, ...], authority_path: Path, fmt: str,
                     gazetteer: bool) -> None:
    """List candidate names in FILES that the authority file does not know.

    First the names the layers found but could not link: the model (found_by ner),
    the gazetteer (geonames) or the evidence rules (rules: a title such as King, a
    known first name, "the village of X"); then runs of capitalised words that match
    no entry (kind "unknown"). Names in rejected-names.tsv beside the authority file
    are left out. Each row gives the surface, the kind, the count, two contexts and,
    for places, up to three GeoNames candidates (id, name, country, coordinates) and
    the one the documents mean when that was clear (geonames_id), most frequent first.

    Save the list, fill in its `decision` column (accept, reject or merge, with the
    entry id in `into`), correct `kind` or `geonames_id` where needed, and give it to
    `archive entities accept`.

    Example:

    \b
        archive entities suggest tei/*.xml > names.tsv
        archive entities accept names.tsv
    """
    import json

    from pipeline.build.names import rejected, review

    places = None
    if gazetteer:
        from pipeline.build.names.gazetteer import Gazetteer

        places = Gazetteer()
    keys = rejected.read(authority_path.parent / rejected.FILE)
    candidates = review.suggest(list(files), authority_path, keys, places)
    if fmt == "json":
        console.out(json.dumps([c.__dict__ for c in candidates], ensure_ascii=False, indent=1))
        return
    console.out("\t".join(COLUMNS))
    for c in candidates:
        contexts = (c.contexts + ["", ""])[:2]
        cells = [c.surface, c.kind, str(c.count), *contexts, c.found_by, c.geonames_id,
                 " | ".join(c.geonames), "", "", ""]
        console.out("\t".join(x.replace("\t", " ").replace("\n", " ") for x in cells))


@entities.command("accept")
@click.argument("decisions", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@AUTHORITY
def entities_accept(decisions: Path, authority_path: Path) -> None:
    """Carry out the decisions of an edited `archive entities suggest` list.

    accept: a new entry (persons get the id surname-firstname, others a slug), with the
    spellings of `variants` (separated by |); a place with a geonames_id also gets its
    coordinates (location/geo) and idno type="geonames". merge: the surface becomes a
    variant of the entry named in `into`. reject: the name goes to rejected-names.tsv
    beside the authority file, and is never tagged or suggested again. Rows with no
    decision are left alone. Every row is checked first (problems as file:line); the
    authority file is rewritten atomically. Run `make` afterwards.

    Example:

        archive entities accept names.tsv
    """
    from pipeline.build.names import accept
    from pipeline.build.names.gazetteer import Gazetteer

    outcome = accept.apply(decisions, authority_path, Gazetteer())
    for line in outcome.accepted + outcome.merged:
        console.out(line)
    for surface in outcome.rejected:
        console.out(f"rejected {surface!r}")
    console.out(outcome.summary())


@entities.command("geocode")
@AUTHORITY
@click.option("--dry-run", is_flag=True, help="Only say what would be added.")
def entities_geocode(authority_path: Path, dry_run: bool) -> None:
    """Give the authority's places their coordinates and GeoNames identifier.

    Homonyms are chosen by the archive itself: the countries its places name or
    clearly mean, then a place at least five times larger than the next. Each place
    found is printed with its coordinates; unclear ones are listed with up to three
    candidates and left alone (accept one with `entities accept` and a geonames_id, or
    by hand). Places that have a location already are not touched. The file is
    rewritten atomically, keeping everything else; run `make` afterwards.

    Example:

        archive entities geocode --dry-run
    """
    from pipeline.build.names.gazetteer import Gazetteer
    from pipeline.build.names.geocode import geocode, has_coordinates

    report = geocode(authority_path, Gazetteer(), write=not dry_run)
    for entry_id, place in report.found:
        where = (f"{place.lat:g} {place.lon:g}" if has_coordinates(place)
                 else "a country: no coordinates in GeoNames' list")
        console.out(f"{entry_id}: {place.name}, {place.country} ({where}), geonames {place.id}")
    for entry_id, candidates in report.unclear:
        console.out(f"{entry_id}: unclear, left alone: " + "; ".join(
            f"{p.id} {p.name}, {p.country}" for p in candidates))
    verb = "would get" if dry_run else "got"
    located = sum(has_coordinates(place) for _, place in report.found)
    console.out(f"entities geocode: {located} place(s) {verb} coordinates, "
                f"{len(report.found) - located} a GeoNames id only (countries), "
                f"{len(report.unclear)} unclear, {len(report.unknown)} not in GeoNames, "
                f"{report.already} had them already")


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
