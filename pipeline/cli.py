"""The `archive` command line: a thin Click layer over the pipeline's modules."""

from __future__ import annotations

from pathlib import Path

import click

# The stage modules are imported by their commands: each `archive` run (five per
# make) then loads only what it needs, not the OCR lexicon code to print a summary.
from pipeline import __version__
from pipeline.core import console
from pipeline.core.errors import PipelineError
from pipeline.core.executor import KINDS, ExecutorSettings
from pipeline.core.settings import BuildSettings, ExportSettings, default_build_date
from pipeline.editions.summary import collection_summary

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


def _executor(jobs: int, kind: str, scheduler: str | None) -> ExecutorSettings:
    if scheduler and kind != "dask":
        raise click.UsageError("--scheduler goes with --executor dask")
    return ExecutorSettings(jobs=jobs, kind=kind, scheduler=scheduler)


class Failed(click.ClickException):
    """Some inputs failed: each was reported already; exit 1 with a one-line reason."""

    exit_code = 1


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="archive")
def cli() -> None:
    """Turn raw source texts into TEI P5, validate them and publish editions.

    The usual order is build, validate, export; `make` runs all three.

    Example:

        archive build seeds/*.txt --out tei/ && archive validate tei/*.xml
    """


@cli.command()
@click.argument("seeds", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("tei"), show_default=True, help="Directory for the TEI files.")
@click.option("--force", is_flag=True,
              help="Rebuild even if up to date, and overwrite hand-edited TEI (a backup "
                   "copy is kept beside it).")
@click.option("--date", "build_date", default=None, metavar="YYYY-MM-DD",
              help="Generation date for the header [default: $SOURCE_DATE_EPOCH, else the "
                   "pipeline's release date, so output is reproducible].")
@click.option("--encoding", default="utf-8", show_default=True,
              help="Character encoding of the seeds.")
@click.option("--authority", "authority_path", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Authority file of persons, places and organisations "
                                 "[default: OUT/authority.xml if it exists].")
@executor_options
@SILENT
def build(seeds: tuple[Path, ...], out_dir: Path, force: bool, build_date: str | None,
          encoding: str, authority_path: Path | None, jobs: int, executor_kind: str,
          scheduler: str | None, silent: bool) -> None:
    """Write one TEI file per SEED into --out, skipping those already up to date.

    Each seed `NAME.txt` becomes `NAME.xml`; a directory stands for its *.txt files. A TEI file that was edited by hand after
    the pipeline wrote it is never overwritten unless you pass --force. One bad seed
    does not stop the others; the exit code is 1 if any failed.

    Example:

        archive build seeds/*.txt --out tei/
    """
    from pipeline.build import stage as build_mod

    seeds = _expand(seeds, "*.txt")
    settings = BuildSettings(out_dir=out_dir, build_date=_date(build_date),
                             encoding=encoding, force=force, authority=authority_path)
    executor = _executor(jobs, executor_kind, scheduler)
    try:
        with console.bar(len(seeds), "Building TEI", silent=silent) as tick:
            report = build_mod.build(seeds, settings, tick, executor)
    except PipelineError as exc:
        raise click.ClickException(str(exc)) from None
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
    console.out(f"build: {len(report.written)} written, {len(report.unchanged)} unchanged, "
                f"{len(report.skipped)} up to date{extra}, {len(report.failed)} failed "
                f"({report.words} words encoded)")
    if report.failed:
        raise Failed(f"{len(report.failed)} of {len(seeds)} seed(s) could not be built")


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--schema", "schema_dir", type=click.Path(file_okay=False, path_type=Path),
              default=None, help="Directory holding archive.rng and archive.sch "
                                 "[default: the project's schema/].")
@executor_options
@SILENT
def validate(files: tuple[Path, ...], schema_dir: Path | None, jobs: int, executor_kind: str,
             scheduler: str | None, silent: bool) -> None:
    """Check TEI FILES against the project's RELAX NG schema and Schematron rules.

    Every problem is printed as `file:line:col: message`, then one summary line.
    The exit code is 1 if any file is invalid.

    Example:

        archive validate tei/*.xml
    """
    from pipeline.validate import check as val

    files = _expand(files, "*.xml")
    executor = _executor(jobs, executor_kind, scheduler)
    bad = problems_total = 0
    try:
        with console.bar(len(files), "Validating", silent=silent) as tick:
            found = list(val.validate_files(files, schema_dir, executor, tick))
    except PipelineError as exc:
        raise click.ClickException(str(exc)) from None
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
@click.option("--format", "fmt", type=click.Choice(["html", "text"]), required=True,
              help="html: one page per document with a reading and a diplomatic view, "
                   "plus index, registers of persons, places and organisations, chronology "
                   "and search; text: a plain UTF-8 edition per document.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              required=True, help="Directory for the edition files.")
@click.option("--view", "views", multiple=True, type=click.Choice(["reading", "diplomatic"]),
              help="Text edition: the reading text (NAME.txt, the default) or the text as "
                   "printed (NAME.diplomatic.txt: damaged words, web furniture and citation "
                   "marks kept). Give it twice to write both from one run. HTML pages "
                   "carry both views.")
@click.option("--diplomatic", is_flag=True, help="Short for --view diplomatic.")
@click.option("--date", "build_date", default=None, metavar="YYYY-MM-DD",
              help="Date printed in the editions [default as for build]: fix it for "
                   "byte-identical output.")
@click.option("--width", "line_width", default=78, show_default=True,
              type=click.IntRange(20, 400), help="Line width of the text edition.")
@click.option("--site-title", default="Digital Archive", show_default=True,
              help="Name of the archive: page titles, headers, citations.")
@click.option("--editor", default="Archive curators", show_default=True,
              help="Who edits the archive, for the 'cite this edition' line.")
@click.option("--base-url", default="", metavar="URL",
              help="Where the HTML edition will be published, ending in '/'; the "
                   "citation then gives each page's full address.")
@executor_options
@SILENT
def export(files: tuple[Path, ...], fmt: str, out_dir: Path, views: tuple[str, ...],
           diplomatic: bool,
           build_date: str | None, line_width: int, site_title: str, editor: str,
           base_url: str, jobs: int, executor_kind: str, scheduler: str | None,
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
        archive export --format text --view reading --view diplomatic \\
            --out editions/text tei/*.xml
    """
    from pipeline.editions import export as transform

    files = _expand(files, "*.xml")
    views = tuple(dict.fromkeys(views + (("diplomatic",) if diplomatic else ()))) or (
        "reading",)
    executor = _executor(jobs, executor_kind, scheduler)
    report = transform.ExportReport()
    try:
        with console.bar(len(files) * len(views), f"Exporting {fmt}", silent=silent) as tick:
            for view in views:
                settings = ExportSettings(
                    out_dir=out_dir, fmt=fmt, build_date=_date(build_date),
                    line_width=line_width, diplomatic=view == "diplomatic",
                    site_title=site_title, editor=editor, base_url=base_url)
                done = transform.export(files, settings, tick, executor)
                report.written += done.written
                report.unchanged += done.unchanged
                report.failed += done.failed
    except PipelineError as exc:
        raise click.ClickException(str(exc)) from None
    for _, message in report.failed:
        console.error(message)
    console.out(f"export {fmt}: {len(report.written)} file(s) written, "
                f"{len(report.unchanged)} unchanged, {len(report.failed)} failed")
    if report.failed:
        raise Failed(f"{len(report.failed)} of {len(files) * len(views)} file(s) could not "
                     "be exported")


@cli.command("bench-corpus")
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("-n", "count", type=click.IntRange(1, 1_000_000), default=100, show_default=True,
              help="How many documents.")
@click.option("--words", type=click.IntRange(100, 10_000_000), default=10_000,
              show_default=True, help="About how many words each.")
@click.option("--seeds", "seeds_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("seeds"), show_default=True, help="Where the paragraphs come from.")
@click.option("--authority", "authority_path", type=click.Path(path_type=Path),
              default=Path("tei/authority.xml"), show_default=True,
              help="Spellings to swap names for.")
@click.option("--seed", "rng_seed", type=int, default=1, show_default=True,
              help="Random seed: the same seed gives the same collection.")
def bench_corpus(out_dir: Path, count: int, words: int, seeds_dir: Path, authority_path: Path,
                 rng_seed: int) -> None:
    """Write a synthetic collection of COUNT documents into OUT_DIR, for benchmarks.

    Seed paragraphs are shuffled and recombined, some names are swapped for other
    spellings from the authority file, and every fourth document gets OCR-like damage
    (pipeline/tools/noise.py, 2% of words). Do not commit what it writes.

    Example:

        archive bench-corpus /tmp/corpus -n 1000
    """
    from pipeline.tools import corpus

    seeds = sorted(seeds_dir.glob("*.txt"))
    if not seeds:
        raise click.ClickException(f"{seeds_dir}: no seeds (*.txt) to take paragraphs from")
    written = corpus.generate(seeds, out_dir, count, authority_path, words, rng_seed)
    console.out(f"bench-corpus: {len(written)} documents written to {out_dir}")


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
    from pipeline.build import stage as build_mod

    for path in files:
        try:
            changed = build_mod.curate(path, undo)
        except PipelineError as exc:
            raise click.ClickException(str(exc)) from None
        state = "not curated" if undo else "curated"
        console.out(f"{path}: {state}" + ("" if changed else " already"))


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

    from pipeline.build.names import review as entity_mod

    try:
        candidates = entity_mod.suggest(list(files), authority_path)
    except PipelineError as exc:
        raise click.ClickException(str(exc)) from None
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
    from pipeline.build.names import review as entity_mod

    try:
        done = entity_mod.add(authority_path, surface, kind, variant_of=variant_of,
                              entry_id=entry_id, note=note)
    except PipelineError as exc:
        raise click.ClickException(str(exc)) from None
    console.out(done)


@cli.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("tei"), show_default=True, help="Directory of built TEI files.")
def clean(out_dir: Path) -> None:
    """Delete the TEI files the pipeline built, keeping any that were edited by hand.

    Example:

        archive clean --out tei/
    """
    from pipeline.build import stage as build_mod

    removed, kept = build_mod.clean(out_dir)
    for path in kept:
        console.warn(f"{path}: edited after it was built; kept")
    console.out(f"clean: {len(removed)} file(s) removed, {len(kept)} edited file(s) kept")


@cli.command("eval")
@click.option("--gold", "gold_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("tests/gold"), show_default=True, help="Gold annotations.")
@click.option("--tei", "tei_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("tei"), show_default=True, help="Built TEI files to score.")
@click.option("--errors", is_flag=True, help="Also list every missed and extra mention.")
def evaluate(gold_dir: Path, tei_dir: Path, errors: bool) -> None:
    """Print precision, recall and F1 of the markup against the gold annotations.

    Names are scored per type (person, place, org), by span (surface and type) and by
    span plus authority id; dates by span, and by value accuracy (the share of found
    dates whose ISO value is exactly right). Documents listed in GOLD/TASK/held-out.txt
    were not looked at while the rules were written; their figures are shown apart.

    Example:

        archive eval --gold tests/gold --tei tei --errors
    """
    from pipeline.tools import evaluate as ev

    try:
        names = ev.evaluate_names(gold_dir, tei_dir)
        dates = ev.evaluate_dates(gold_dir, tei_dir)
        ocr = ev.evaluate_ocr(gold_dir, tei_dir)
        synthetic = ev.evaluate_synthetic(gold_dir, tei_dir / "authority.xml")
    except (PipelineError, OSError, KeyError, ValueError) as exc:
        raise click.ClickException(f"cannot evaluate: {exc}") from None
    for line in (ev.format_names(names, ev.read_held_out(gold_dir, "names"))
                 + ev.format_dates(dates, ev.read_held_out(gold_dir, "dates"))
                 + ev.format_ocr(ocr, synthetic)):
        console.out(line)
    if errors:
        for report in (names, dates, ocr, synthetic or ocr):
            for doc, items in report.errors.items():
                for item in items:
                    console.out(f"  {doc[:3]}: {item}")


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
    console.out(collection_summary(tei_dir, editions_dir))


def _expand(paths: tuple[Path, ...], pattern: str) -> tuple[Path, ...]:
    """A directory stands for its files (names with spaces pass safely this way)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(p for p in sorted(path.glob(pattern))
                       if p.name not in ("authority.xml",) and not p.name.startswith("."))
        else:
            out.append(path)
    return tuple(out)


def _date(value: str | None) -> str:
    if value is None:
        return default_build_date()
    import datetime as dt

    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD",
                                 param_hint="--date") from None

