"""Build stage: seeds to TEI files, only where out of date, never over a hand edit."""

from __future__ import annotations

import datetime as _dt
import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from pipeline.build.fingerprints import existing, fingerprint_of
from pipeline.build.curation import is_curated
from pipeline.build.manifest import MANIFEST, Entry, Manifest, sha256_bytes
from pipeline.build.names import layers, rejected, spancache
from pipeline.build.names.authority import Authority, load as load_authority
from pipeline.build.names.helper import ModelHelper, wanted
from pipeline.build.names.layers import name_model, place_layer
from pipeline.build.names.model import fingerprint as model_fingerprint
from pipeline.build.ocr import cache as ocrcache
from pipeline.build.ocr.lexicon import Lexicon
from pipeline.build.ocr.overrides import overrides_of, read_overrides
from pipeline.build.reach import AuthorityEdits
from pipeline.build.source import LARGE_BYTES, read_source, sha256_file
from pipeline.core.errors import PipelineError
from pipeline.core.executor import ExecutorSettings, run
from pipeline.core.fsutil import write_if_changed
from pipeline.core.settings import BuildSettings

if TYPE_CHECKING:
    from pipeline.build.names.model import NameModel
    from pipeline.build.names.places import PlaceLayer
    from pipeline.build.ocr.overrides import Overrides
    from pipeline.build.source import Source

# The encoding's modules are imported where they are used: none when the server encodes.


@dataclass
class BuildReport:
    """What a build did, for the summary line and the exit code."""

    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)  # edited by hand, nothing upstream changed
    curated: list[Path] = field(default_factory=list)  # marked final by an archivist
    unreached: int = 0  # up to date: the authority edit since their build cannot reach them
    words: int = 0


def output_path(seed: Path, out_dir: Path) -> Path:
    return out_dir / (seed.stem + ".xml")


def encode(source: Source, build_date: str, authority: Authority | None = None,
           tei_dir: Path | None = None, overrides: Overrides | None = None,
           model: NameModel | None = None, places: PlaceLayer | None = None,
           rejected: frozenset = frozenset()) -> bytes:
    """The TEI bytes for one source; checks that no word was lost on the way. Names
    the authority lacks are found by `model` too when one is given."""
    from pipeline.build.words import as_printed_if_lost

    return as_printed_if_lost(_encode, source, build_date, authority, tei_dir, overrides,
                              model, places, rejected)


def _encode(source: Source, build_date: str, authority: Authority | None,
            tei_dir: Path | None, overrides: Overrides | None,
            model: NameModel | None, places: PlaceLayer | None,
            rejected: frozenset) -> bytes:
    from lxml import etree

    from pipeline.build import breaks, ocr, structure
    from pipeline.build.annotate import annotate
    from pipeline.build.dates import kept as date_kept, resolve as date_resolve
    from pipeline.build.dates import tagger as date_tagger
    from pipeline.build.header import record_correction, record_names
    from pipeline.build.language import ENGLISH_SHARE, english_share
    from pipeline.build.names import tagger as name_tagger
    from pipeline.build.ocr.notes import describe, notes as ocr_notes
    from pipeline.build.teiwriter import build_tree, serialise
    from pipeline.build.words import check_conservation
    from pipeline.core.ns import tei

    document = structure.parse(source.text)
    root = build_tree(source, document, build_date)
    text = root.find(tei("text"))
    lexicon = _lexicon(authority)
    checker = ocr.OcrChecker(lexicon, overrides, doc=source.name)
    decision = ocr.check(text, checker)
    record_correction(root.find(tei("teiHeader")), describe(decision, checker.findings))
    notes = ocr_notes(checker.findings)
    if notes is not None:
        back = text.find(tei("back"))
        if back is None:
            back = etree.SubElement(text, tei("back"))
        back.append(notes)
    annotate(text, date_kept.finder(lexicon), date_tagger.skip)
    date_resolve.resolve(text)  # partial and relative dates, from the reference dates
    share = english_share(source.text) if model else 1.0
    if share < ENGLISH_SHARE:
        model = None  # the model knows English only: the header says it was not applied
    tagger = name_tagger.NameTagger(authority, tei_dir or Path("tei"), model, places,
                                    rejected)
    name_tagger.tag(text, tagger)
    breaks.place(text)  # line-end hyphens back, now that the rules have read whole words
    record_names(root.find(tei("teiHeader")), model.description if model else None,
                 places.description if places else None,
                 not_english=share if share < ENGLISH_SHARE else None)
    check_conservation(source, root)
    return serialise(root)


_LEXICONS: dict[str, Lexicon] = {}
SAVE_EVERY = 20


def _lexicon(authority: Authority | None) -> Lexicon:
    k = authority.sha256 if authority else ""
    if k not in _LEXICONS:
        _LEXICONS[k] = Lexicon(authority)
    return _LEXICONS[k]


def ready(authority: Authority | None, build_fingerprint: str, model: str | None) -> str:
    """What earlier runs worked out, ready for this process's encodings (its forks', or
    the model server's: build/warm.py); the OCR cache file's key."""
    lexicon = _lexicon(authority)
    key = ocrcache.key(build_fingerprint + lexicon.names_key)
    ocrcache.load(lexicon, key)
    if model:
        name_model(model).kept = spancache.read(model)
    return key


def build(seeds: Iterable[Path], settings: BuildSettings,
          tick: Callable[[Path], None] = lambda _: None,
          executor: ExecutorSettings | None = None,
          helper: ModelHelper | None = None) -> BuildReport:
    """Build every seed whose TEI is missing or stale; report per file, never stop early.

    This process decides what to build (manifest, hand edits) and writes every output;
    the encoding itself runs on `executor` (default: in this process), in order. A
    `helper` the caller started (names/helper.py) reads the model for an encoding in this
    process; the caller closes it."""
    report = BuildReport()
    executor = executor or ExecutorSettings(jobs=1)
    authority = _authority(settings)
    overrides_path = settings.ocr_overrides or settings.out_dir / "ocr-overrides.tsv"
    overrides = read_overrides(overrides_path)
    rejected_path = settings.rejected or settings.out_dir / rejected.FILE
    overrides_file, rejected_file = existing(overrides_path), existing(rejected_path)
    build_fingerprint = fingerprint_of(authority is not None, overrides_file, rejected_file,
                                       settings.model, settings.gazetteer)
    edits = AuthorityEdits(settings.out_dir, authority)
    with Manifest.locked(settings.out_dir) as manifest:
        jobs: list[_Job] = []
        for seed in map(Path, seeds):
            try:
                job = _stage(seed, settings, manifest, build_fingerprint, report, authority,
                             overrides, edits)
            except PipelineError as exc:
                report.failed.append((seed, str(exc)))
                job = None
            if job is None:
                tick(seed)
            else:
                jobs.append(job)
        ocr_key: list[str] = []  # the OCR cache file's, once known (or a warm server's)

        def cache_key() -> str:
            if not ocr_key:
                made = jobs or (authority.sha256 if authority else "") in _LEXICONS
                ocr_key.append(ocrcache.key(build_fingerprint + (
                    _lexicon(authority).names_key if made else "")))
            return ocr_key[0]

        def prepare() -> None:  # what earlier runs worked out, for this process and its forks
            if not prepared:
                prepared.append(ready(authority, build_fingerprint, settings.model))
                ocr_key[:] = ocr_key or prepared

        def here(task: EncodeTask) -> tuple[bool, object]:
            prepare()
            return encode_task(task)

        prepared: list[str] = []  # its key; not at all when a warm server encodes (warm.py)
        own, task_here = None, encode_task
        if jobs and executor.kind == "local":
            if wanted(settings.model, len(jobs), executor):
                # Encoded in this process: the model loads beside it (names/helper.py),
                # in the caller's helper or in one started now.
                if helper is None:
                    helper = own = ModelHelper(settings.model, model_fingerprint(settings.model))
                name_model(settings.model).helper = helper
                task_here = helper.encoder(build_fingerprint, here, ocr_key)
            else:
                prepare()  # forked workers share it
        fresh: dict[str, dict] = {table: {} for table in ocrcache.TABLES}
        tasks = (EncodeTask(j.seed.resolve(), settings.encoding, settings.build_date,
                            authority.path if authority else None, settings.out_dir.resolve(),
                            overrides_file and overrides_file.resolve(), settings.model,
                            settings.gazetteer, rejected_file and rejected_file.resolve())
                 for j in jobs)

        def keep() -> None:
            """Add what the workers worked out to the cache files and forget it here: the
            memory of this process stays the same whatever the number of documents."""
            if settings.model:
                spancache.save(settings.model, fresh.pop("ner", {}))
            ocrcache.save(cache_key(), fresh)
            for table in list(fresh):
                fresh[table] = {}

        try:
            _encode_all(jobs, tasks, executor, settings, manifest,
                        (build_fingerprint, edits.sha), report, fresh, tick, keep, task_here)
        finally:
            if settings.model in layers.MODELS:
                layers.MODELS[settings.model].helper = None
            if own is not None:
                own.close()
        key = authority.sha256 if authority else ""
        if key in _LEXICONS:  # large seeds were checked here, in this process
            for table, new in ocrcache.take(_LEXICONS[key]).items():
                fresh[table].update(new)
        if settings.model in layers.MODELS:  # large seeds were tagged here
            fresh.setdefault("ner", {}).update(layers.MODELS[settings.model].take())
        keep()
        edits.save({e.authority for e in manifest.entries.values()})
    return report


def _encode_all(jobs: list[_Job], tasks: Iterable[EncodeTask], executor: ExecutorSettings,
                settings: BuildSettings, manifest: Manifest, built_with: tuple[str, str],
                report: BuildReport, fresh: dict[str, dict],
                tick: Callable[[Path], None], keep: Callable[[], None],
                task: Callable) -> None:
    """Encode every job on `executor` with `task`, writing each result as it comes, in
    order, and `keep` what the workers worked out every SAVE_EVERY documents."""
    results = run(task, tasks, executor, count=len(jobs))
    for n, (job, (ok, value)) in enumerate(zip(jobs, results), start=1):
        try:
            if not ok:
                raise PipelineError(value)
            *result, worked_out = value
            for table, new in worked_out.items():
                fresh.setdefault(table, {}).update(new)
            _finish(job, tuple(result), settings, manifest, built_with, report)
        except PipelineError as exc:
            report.failed.append((job.seed, str(exc)))
        tick(job.seed)
        if n % SAVE_EVERY == 0:
            manifest.save()  # an interrupted build keeps most of its bookkeeping
            keep()


def _authority(settings: BuildSettings) -> Authority | None:
    path = settings.authority or settings.out_dir / "authority.xml"
    if not path.exists():
        if settings.authority:
            raise PipelineError("no such authority file", str(path))
        return None
    return load_authority(path)


@dataclass(frozen=True)
class EncodeTask:
    """One seed to encode, as a worker (local or on a cluster) needs it: paths, no state."""

    seed: Path
    encoding: str
    build_date: str
    authority: Path | None
    tei_dir: Path
    overrides: Path | None
    model: str | None = None  # a spaCy model name, or None for no model
    gazetteer: bool = False
    rejected: Path | None = None  # tei/rejected-names.tsv, when there is one


def encode_task(task: EncodeTask) -> tuple[bool, object]:
    """Worker side: (True, (TEI bytes, seed sha256, warnings, words, (readings, signals)))
    or (False, error); the last are what the OCR checker newly worked out, for the main
    process to keep (pipeline/build/ocr/cache.py)."""
    from pipeline.build.words import count_words

    try:
        source = read_source(task.seed, task.encoding)
        authority = load_authority(task.authority) if task.authority else None
        data = encode(source, task.build_date, authority, task.tei_dir,
                      overrides_of(task.overrides), name_model(task.model),
                      place_layer(task.gazetteer), rejected.read(task.rejected))
        fresh = ocrcache.take(_lexicon(authority))
        if task.model:
            fresh["ner"] = name_model(task.model).take()
        return True, (data, source.sha256, source.warnings, count_words(source.text), fresh)
    except PipelineError as exc:
        return False, str(exc)


@dataclass
class _Job:
    seed: Path
    out: Path
    status: str
    entry: Entry | None


def _stage(seed: Path, settings: BuildSettings, manifest: Manifest, build_fingerprint: str,
           report: BuildReport, authority: Authority | None,
           overrides: Overrides, edits: AuthorityEdits) -> _Job | None:
    """Decide what to do with one seed: nothing (fresh, curated, a kept hand edit), a
    large seed encoded here part by part, or a job for the executor."""
    out = output_path(seed, settings.out_dir)
    if not seed.is_file():
        read_source(seed)  # raises the precise reason
    if is_curated(out) and not settings.force:
        report.curated.append(out)
        return None
    seed_sha = sha256_file(seed)
    status = manifest.status(out, seed_sha, build_fingerprint)
    entry = manifest.entries.get(out.name)
    if entry is not None and status in ("fresh", "edited") and entry.authority != edits.sha:
        if edits.reaches(entry.authority, seed, settings.encoding):
            status = "stale" if status == "fresh" else status
            entry = replace(entry, fingerprint="")  # an edit no longer stands
        else:  # nothing the authority edit changed can occur in this text
            entry = replace(entry, authority=edits.sha)
            manifest.record(out, entry)
            report.unreached += 1
    if status == "fresh" and not settings.force:
        report.skipped.append(out)
        return None
    if status == "edited" and entry is not None and not settings.force:
        if entry.source_sha256 == seed_sha and entry.fingerprint == build_fingerprint:
            report.kept.append(out)  # nothing upstream changed: the edit stands
            return None
        raise PipelineError(
            f"{out} was edited by hand after it was built, and its seed or the pipeline has "
            "changed since; not overwritten. Either correct upstream (seed, authority file, "
            "ocr-overrides.tsv) and rebuild with --force, which keeps a backup, or mark the "
            f"file final with `archive curate {out}`", str(seed))
    if seed.stat().st_size > LARGE_BYTES and settings.encoding == "utf-8":
        _build_large(seed, seed_sha, out, status, settings, manifest,
                     (build_fingerprint, edits.sha), report, authority, overrides)
        return None
    return _Job(seed, out, status, entry)


def _finish(job: _Job, value: tuple, settings: BuildSettings, manifest: Manifest,
            built_with: tuple[str, str], report: BuildReport) -> None:
    """Write what a worker encoded, unless it would replace somebody's work."""
    data, source_sha, warnings, words = value
    out, status = job.out, job.status
    report.warnings.extend(f"{job.seed}: {w}" for w in warnings)
    if status == "edited" and job.entry is None and out.read_bytes() != data \
            and not settings.force:
        # A file the manifest does not know (an interrupted build records nothing) that
        # differs from what we would write: someone's work, not ours to replace.
        raise PipelineError(f"{out} was not written by this pipeline (it is not in "
                            f"{MANIFEST}) and differs from what it would write; not "
                            "overwritten. Move it away, mark it with `archive curate`, or "
                            "rebuild with --force, which keeps a backup", str(job.seed))
    if status == "edited" and out.read_bytes() != data:
        _back_up(out, report)
    changed = write_if_changed(out, data)
    manifest.record(out, Entry(str(job.seed), source_sha, sha256_bytes(data), *built_with))
    (report.written if changed else report.unchanged).append(out)
    report.words += words


def _build_large(seed: Path, seed_sha: str, out: Path, status: str, settings: BuildSettings,
                 manifest: Manifest, built_with: tuple[str, str], report: BuildReport,
                 authority: Authority | None, overrides: Overrides) -> None:
    """A seed too large to hold: encoded part by part, straight into the output file."""
    if status == "edited":
        _back_up(out, report)
    before = sha256_file(out) if out.exists() else None
    from pipeline.build import large
    from pipeline.build.words import check_conservation

    digest, words = large.encode_to(seed, out, settings.build_date, authority,
                                    settings.out_dir, overrides, _lexicon(authority),
                                    check_conservation, name_model(settings.model),
                                    place_layer(settings.gazetteer),
                                    rejected.read(settings.rejected
                                                  or settings.out_dir / rejected.FILE))
    manifest.record(out, Entry(str(seed), seed_sha, digest, *built_with))
    (report.written if digest != before else report.unchanged).append(out)
    report.words += words


def _back_up(out: Path, report: BuildReport) -> None:
    """Keep a hand-edited file, timestamped, beside the output about to replace it."""
    backup = out.with_name(out.name + _dt.datetime.now().strftime(".%Y%m%dT%H%M%S.bak"))
    shutil.copy2(out, backup)
    report.warnings.append(f"{out}: hand-edited file overwritten; backup in {backup}")
