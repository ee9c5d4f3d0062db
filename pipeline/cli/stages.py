"""The stage commands: build, validate, export, and the TEI bookkeeping around them."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli.base import (SILENT, Failed, build_date, cli, executor, executor_options,
                               expand)
from pipeline.core import console
from pipeline.core.settings import FORMATS, VIEWS, BuildSettings, ExportSettings, default

# The stage modules are imported by their commands: each `archive` run (five per
# make) then loads only what it needs, not the OCR lexicon code to print a summary.


@cli.command()
@click.argument("seeds", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=default(BuildSettings, "out_dir"), show_default=True,
              help="Directory for the TEI files.")
@click.option("--force", is_flag=True,
              help="Rebuild even if up to date, and overwrite hand-edited TEI (a backup "
                   "copy is kept beside it).")
@click.option("--date", default=None, metavar="YYYY-MM-DD",
              help="Generation date for the header [default: $SOURCE_DATE_EPOCH, else the "
                   "pipeline's release date, so output is reproducible].")
@click.option("--encoding", default=default(BuildSettings, "encoding"), show_default=True,
              help="Character encoding of the seeds.")
@click.option("--authority", "authority_path", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Authority file of persons, places and organisations "
                                 "[default: OUT/authority.xml if it exists].")
@click.option("--model", "model", default=default(BuildSettings, "model"), show_default=True,
              metavar="NAME",
              help="spaCy model that finds names the authority file lacks (an installed "
                   "package: en_core_web_sm, en_core_web_md, en_core_web_lg or "
                   "en_core_web_trf where you have them).")
@click.option("--no-model", is_flag=True,
              help="Do not run a model: names come from the authority file and the "
                   "evidence rules only; the TEI header says so.")
@click.option("--gazetteer/--no-gazetteer", default=default(BuildSettings, "gazetteer"),
              show_default=True,
              help="GeoNames identifiers for places, and places the model missed (the "
                   "index is built once into the cache directory, ~10 s).")
@executor_options
@SILENT
def build(seeds: tuple[Path, ...], out_dir: Path, force: bool, date: str | None,
          encoding: str, authority_path: Path | None, model: str, no_model: bool,
          gazetteer: bool, jobs: int,
          executor_kind: str, scheduler: str | None, silent: bool) -> None:
    """Write one TEI file per SEED into --out, skipping those already up to date.

    Each seed `NAME.txt` becomes `NAME.xml`; a directory stands for its *.txt files. A TEI file that was edited by hand after
    the pipeline wrote it is never overwritten unless you pass --force. One bad seed
    does not stop the others; the exit code is 1 if any failed.

    Example:

        archive build seeds/*.txt --out tei/
    """
    from pipeline.build.names import helper as model_helper

    seeds = expand(seeds, "*.txt")
    settings = BuildSettings(out_dir=out_dir, build_date=build_date(date), encoding=encoding,
                             force=force, authority=authority_path,
                             model=None if no_model else model, gazetteer=gazetteer)
    where = executor(jobs, executor_kind, scheduler)
    helper = None
    if model_helper.wanted(settings.model, len(seeds), where):
        # Asked for before the build's imports: the model is ready sooner (names/helper.py).
        from pipeline.build.names.model import fingerprint

        helper = model_helper.ModelHelper(settings.model, fingerprint(settings.model))
    from pipeline.build import stage as build_stage

    try:
        with console.bar(len(seeds), "Building TEI", silent=silent) as tick:
            report = build_stage.build(seeds, settings, tick, where, helper)
    finally:
        if helper is not None:
            helper.close()
    for warning in report.warnings:
        console.warn(warning)
    for path in report.kept:
        console.warn(f"{path}: edited by hand since it was built; kept as it is (mark it final "
                     "with `archive curate`, or rebuild it with --force)")
    for _, message in report.failed:
        console.error(message)
    extra = "".join(f", {len(x)} {label}" for x, label in ((report.kept, "hand-edited kept"),
                                                           (report.curated, "curated"))
                    if x)
    # Documents whose text no name changed by an authority edit can meet (build/reach.py).
    reach = f" ({report.unreached} not reached by the authority edit)" if report.unreached else ""
    console.out(f"build: {len(report.written)} written, {len(report.unchanged)} unchanged, "
                f"{len(report.skipped)} up to date{reach}{extra}, {len(report.failed)} failed "
                f"({report.words} words encoded)")
    if report.failed:
        raise Failed(f"{len(report.failed)} of {len(seeds)} seed(s) could not be built")


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--schema", "schema", metavar="SCHEMA", default=None,
              help="tei-all, FILE.rng or DIR, as above [default: the project's schema/].")
@executor_options
@SILENT
def validate(files: tuple[Path, ...], schema: str | None, jobs: int, executor_kind: str,
             scheduler: str | None, silent: bool) -> None:
    """Check TEI FILES against the project's schema, or another RELAX NG schema.

    --schema chooses the schema:

    \b
      (default)  the project's RELAX NG subset of TEI and its Schematron rules:
                 schema/archive.rng and schema/archive.sch
      tei-all    the official TEI P5 schema, every module: any valid TEI P5
                 passes, such as other projects' files. tei_all.rng 4.12.0 of
                 the TEI Consortium, shipped with the pipeline (licence: CC BY
                 or BSD-2, schema/TEI-LICENCE.md); compiling it takes ~9 s,
                 once per run
      FILE.rng   your own RELAX NG schema, with FILE.sch if one is beside it
      DIR        a directory holding archive.rng and archive.sch

    Every problem is printed as `file:line:col: message`, then one summary line.
    The exit code is 1 if any file is invalid or the schema cannot be used.
    More in docs/validation.md.

    Example:

    \b
        archive validate tei/*.xml
        archive validate --schema tei-all letters/*.xml
        archive validate --schema ../myproject/letters.rng letters/
    """
    from pipeline.core.errors import PipelineError
    from pipeline.validate import check, schemas

    try:
        name = schemas.resolve(schema).name
    except PipelineError as exc:  # the form of --schema is wrong: a usage error
        raise click.BadParameter(exc.message, param_hint="--schema") from None
    files = expand(files, "*.xml")
    where = executor(jobs, executor_kind, scheduler)
    bad = problems_total = 0
    with console.bar(len(files), f"Validating against {name}", silent=silent) as tick:
        found = list(check.validate_files(files, schema, where, tick))
    for _, problems in found:
        for problem in problems:
            console.out(str(problem))
        bad += bool(problems)
        problems_total += len(problems)
    console.out(f"validate: {len(files) - bad} of {len(files)} file(s) valid, "
                f"{problems_total} problem(s)")
    if bad:
        raise Failed(f"{bad} file(s) invalid")


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True,
              help="html: one page per document with a reading and a diplomatic view, "
                   "plus index, registers of persons, places and organisations, chronology "
                   "and search; text: a plain UTF-8 edition per document.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              required=True, help="Directory for the edition files.")
@click.option("--view", "views", multiple=True, type=click.Choice(VIEWS),
              help="Text edition: the reading text (NAME.txt, the default) or the text as "
                   "printed (NAME.diplomatic.txt: damaged words, web furniture and citation "
                   "marks kept). Give it twice to write both from one run. HTML pages "
                   "carry both views.")
@click.option("--diplomatic", is_flag=True, help="Short for --view diplomatic.")
@click.option("--date", default=None, metavar="YYYY-MM-DD",
              help="Date printed in the editions [default as for build]: fix it for "
                   "byte-identical output.")
@click.option("--width", "line_width", default=default(ExportSettings, "line_width"),
              show_default=True,
              type=click.IntRange(20, 400), help="Line width of the text edition.")
@click.option("--site-title", default=default(ExportSettings, "site_title"), show_default=True,
              help="Name of the archive: page titles, headers, citations.")
@click.option("--editor", default=default(ExportSettings, "editor"), metavar="NAME",
              help="Who edits the archive, for the citations ('edited by NAME'); "
                   "without it the citations name no editor.")
@click.option("--base-url", default=default(ExportSettings, "base_url"), metavar="URL",
              help="Where the HTML edition will be published, ending in '/'; the "
                   "citations (of a page and of a passage) then give full addresses.")
@click.option("--text-href", default=default(ExportSettings, "text_href"), metavar="PREFIX",
              show_default=True,
              help="Where the text editions are, relative to the HTML pages, for the "
                   "pages' Download lists and the index; '' when there are none (an "
                   "HTML-only export): then no page links a text file.")
@click.option("--map-tiles", default=default(ExportSettings, "map_tiles"), metavar="URL",
              show_default=True,
              help="Tiles under the markers of the map page (map.html, the only page that "
                   "asks for tiles): a URL template in which {z} is the zoom level, {x} "
                   "and {y} the tile, {s} a subdomain if the server has them; a relative "
                   "one (tiles/{z}/{x}/{y}.png) for tiles published with the edition. "
                   "'' gives no tiles: the markers on a plain background, and no request "
                   "outside the edition at all. Without network the markers still show.")
@click.option("--map-attribution", default=None, metavar="HTML",
              help="The credit the tiles' provider requires, shown on the map (a link "
                   "is allowed) [default: OpenStreetMap's, for its tiles; none for "
                   "other tiles, so give it with --map-tiles].")
@click.option("--pdf", is_flag=True, default=default(ExportSettings, "pdf"),
              help="HTML edition: also a PDF of each document page (pdf/NAME.pdf, "
                   "linked from its Download list), printed from the page by WeasyPrint "
                   "(pip install '.[pdf]'). A long page takes seconds; made again only "
                   "when its page changes.")
@executor_options
@SILENT
def export(files: tuple[Path, ...], fmt: str, out_dir: Path, views: tuple[str, ...],
           diplomatic: bool, date: str | None, line_width: int, site_title: str, editor: str,
           base_url: str, text_href: str, map_tiles: str, map_attribution: str | None,
           pdf: bool, jobs: int, executor_kind: str, scheduler: str | None,
           silent: bool) -> None:
    """Publish TEI FILES as an HTML or plain-text edition in --out.

    Stylesheets are compiled once and applied to every file. For HTML the collection
    pages (index, registers, chronology, search index) cover every document exported
    to --out so far, not only those given now; they are assembled from what each
    document's own export left in --out (its digest and its rendered register items
    and chronology rows), not by rereading the TEI, and only the pages a changed
    document appears on are written again: a register page per initial
    (places-a.html), a chronology page per year (chronology-1944.html), a search
    shard. Every option is a parameter of the stylesheets (pipeline/xslt/params.xsl).

    Example:

    \b
        archive export --format html tei/*.xml --out editions/html
        archive export --format html --pdf tei/*.xml --out editions/html
        archive export --format text --view reading --view diplomatic \\
            --out editions/text tei/*.xml
    """
    from pipeline.editions import export as export_stage
    from pipeline.editions.foreign import missing_warnings

    files = expand(files, "*.xml")
    views = tuple(dict.fromkeys(views + (("diplomatic",) if diplomatic else ()))) or (
        default(ExportSettings, "view"),)
    if map_attribution is None:  # OpenStreetMap's credit belongs to its tiles only
        map_attribution = (default(ExportSettings, "map_attribution")
                           if map_tiles == default(ExportSettings, "map_tiles") else "")
        if fmt == "html" and map_tiles and not map_attribution:
            console.warn("--map-tiles without --map-attribution: the map credits no one "
                         "for its tiles; most providers require a credit")
    where = executor(jobs, executor_kind, scheduler)
    if pdf:  # before the bar: without WeasyPrint, one line saying how to install it
        from pipeline.editions.pdf import require

        if fmt != "html":
            raise click.UsageError("--pdf goes with --format html")
        require()
    report = export_stage.ExportReport()
    with console.bar(len(files) * len(views), f"Exporting {fmt}", silent=silent) as tick:
        for view in views:
            settings = ExportSettings(
                out_dir=out_dir, fmt=fmt, build_date=build_date(date), line_width=line_width,
                view=view, site_title=site_title, editor=editor, base_url=base_url,
                text_href=text_href, map_tiles=map_tiles, map_attribution=map_attribution,
                pdf=pdf)
            report.add(export_stage.export(files, settings, tick, where))
    for message in report.notes + missing_warnings(report.missing):
        console.warn(message)
    for _, message in report.failed:
        console.error(message)
    console.out(f"export {fmt}: {len(report.written)} file(s) written, "
                f"{len(report.unchanged)} unchanged, {len(report.failed)} failed"
                + export_stage.unrendered_note(report))
    if report.failed:
        raise Failed(f"{len(report.failed)} of {len(files) * len(views)} file(s) could not "
                     "be exported")


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--undo", is_flag=True, help="Take the mark off again.")
def curate(files: tuple[Path, ...], undo: bool) -> None:
    """Mark TEI FILES as curated: the build leaves them alone from now on.

    A curated file still validates and is still exported. The mark is
    revisionDesc/@status="curated" in the file itself, so it travels with it.

    Example:

        archive curate tei/004_8f5a6fbfed40dcac.xml
    """
    from pipeline.build import curation

    for path in files:
        changed = curation.curate(path, undo)
        state = "not curated" if undo else "curated"
        console.out(f"{path}: {state}" + ("" if changed else " already"))


@cli.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=default(BuildSettings, "out_dir"), show_default=True,
              help="Directory of built TEI files.")
def clean(out_dir: Path) -> None:
    """Delete the TEI files the pipeline built, keeping any that were edited by hand.

    Example:

        archive clean --out tei/
    """
    from pipeline.build import curation

    removed, kept = curation.clean(out_dir)
    for path in kept:
        console.warn(f"{path}: edited after it was built; kept")
    console.out(f"clean: {len(removed)} file(s) removed, {len(kept)} edited file(s) kept")


@cli.command()
@click.option("--tei", "tei_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("tei"), show_default=True)
@click.option("--editions", "editions_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("editions"), show_default=True)
def summary(tei_dir: Path, editions_dir: Path) -> None:
    """Print one line about the collection: documents, words, edition files.

    Example:

        archive summary --tei tei --editions editions
    """
    from pipeline.editions.summary import collection_summary

    console.out(collection_summary(tei_dir, editions_dir))
