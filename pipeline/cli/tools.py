"""Development commands: accuracy against gold (eval) and the bench corpus."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli.base import SILENT, cli
from pipeline.core import console
from pipeline.core.errors import PipelineError
from pipeline.core.settings import BuildSettings, default


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


@cli.command("eval")
@click.option("--gold", "gold_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("tests/gold"), show_default=True, help="Gold annotations.")
@click.option("--tei", "tei_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("tei"), show_default=True, help="Built TEI files to score.")
@click.option("--corpus", "corpora", multiple=True,
              type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="Score a corpus in the shared format instead: names (text/*.txt and "
                   "gold.json) or OCR (ocr/*.txt and gt/*.txt). Its texts are encoded "
                   "now, with --authority. Give it again for more corpora.")
@click.option("--authority", "authority_path", type=click.Path(dir_okay=False, exists=True,
                                                               path_type=Path),
              default=None, help="With --corpus: the authority file to encode with "
                                 "[default: none, as a new archive starts].")
@click.option("--model", default=default(BuildSettings, "model"), show_default=True,
              metavar="NAME",
              help="With --corpus: the spaCy name model, also scored alone.")
@click.option("--no-model", is_flag=True, help="With --corpus: encode without a model.")
@click.option("--gazetteer/--no-gazetteer", default=True, show_default=True,
              help="With --corpus: the GeoNames layer.")
@click.option("--errors", is_flag=True, help="Also list every missed and extra mention.")
@SILENT
def evaluate(gold_dir: Path, tei_dir: Path, corpora: tuple[Path, ...],
             authority_path: Path | None, model: str, no_model: bool, gazetteer: bool,
             errors: bool, silent: bool) -> None:
    """Print precision, recall and F1 of the markup against gold annotations.

    On the project's gold (tests/gold, scored against the built TEI in --tei): names
    per type (person, place, org), by span (surface and type) and by span plus
    authority id; dates by span, and by value accuracy (the share of found dates
    whose ISO value is exactly right). Documents listed in GOLD/TASK/held-out.txt were
    not looked at while the rules were written; their figures are shown apart.

    With --corpus: names of any corpus in the shared format, strict (same surface)
    and lenient (one surface inside the other), the pipeline next to the model alone.
    An OCR corpus (ocr/ beside its ground truth gt/, line by line): detection P and R,
    the share of words wrong in the OCR as it came and in the pipeline's reading text,
    and for each @cert how many readings were right (the reliability table).

    Examples:

        archive eval --gold tests/gold --tei tei --errors

        archive eval --corpus ../shared/corpora/names-conll2003-dev

        archive eval --corpus ../shared/corpora/ocr-bln600-dev --errors
    """
    if corpora:
        _evaluate_corpora(corpora, authority_path, None if no_model else model, gazetteer,
                          errors, silent)
        return
    from pipeline.tools import evaluate as ev

    result = ev.evaluate_all(gold_dir, tei_dir)
    for line in result.lines() + (result.error_lines() if errors else []):
        console.out(line)


def _evaluate_corpora(corpora: tuple[Path, ...], authority_path: Path | None,
                      model: str | None, gazetteer: bool, errors: bool, silent: bool) -> None:
    import tempfile

    from pipeline.build.names.authority import load
    from pipeline.build.source import decode_source
    from pipeline.build.names.layers import name_model, place_layer
    from pipeline.build.stage import encode
    from pipeline.core.settings import RELEASE_DATE
    from pipeline.tools import corpus_eval

    authority = load(authority_path) if authority_path else None
    names, places = name_model(model), place_layer(gazetteer)
    failed: list[str] = []
    with tempfile.TemporaryDirectory() as tei_dir:
        def encode_text(doc: str, text: str) -> bytes:
            source = decode_source(text.encode("utf-8"), Path(f"{doc}.txt"))
            try:
                return encode(source, RELEASE_DATE, authority, Path(tei_dir), None, names,
                              places)
            except PipelineError as exc:  # scored as finding nothing, and said
                failed.append(str(exc))
                return b"<TEI xmlns='http://www.tei-c.org/ns/1.0'><text/></TEI>"

        for folder in corpora:
            if (folder / "ocr").is_dir() and (folder / "gt").is_dir():
                _score_ocr(folder, encode_text, errors, silent)
                continue
            texts, gold = corpus_eval.read_corpus(folder)  # a bad folder: an error first
            encoded: dict[str, bytes] = {}

            def keep(doc: str, text: str) -> bytes:
                encoded[doc] = encode_text(doc, text)
                return encoded[doc]

            with console.bar(len(texts), f"Encoding {folder.name}", silent=silent) as tick:
                tallies = corpus_eval.evaluate_corpus(texts, gold, keep, model, tick)
            if any(gold.values()):
                for line in corpus_eval.format_corpus(folder, tallies):
                    console.out(line)
                if errors:
                    for line in tallies["pipeline"].errors:
                        console.out(f"  {line}")
            _score_dates(folder, texts, encoded, errors)
    for message in failed:
        console.warn(f"not encoded, scored as no names: {message}")


def _score_dates(folder: Path, texts: dict[str, str], encoded: dict[str, bytes],
                 errors: bool) -> None:
    """The corpus's gold dates, if it has any: the pipeline next to the tagger alone
    (pipeline/tools/date_eval.py); impossible calendar dates as warnings."""
    from pipeline.tools import date_eval

    gold = date_eval.read_gold(folder)
    if not gold:
        return
    tallies = {"pipeline": date_eval.DateTally(),
               "tagger alone (no reference)": date_eval.DateTally()}
    for doc, tei_bytes in encoded.items():
        tallies["pipeline"].add(doc, gold.get(doc, []), date_eval.predicted(tei_bytes))
        tallies["tagger alone (no reference)"].add(
            doc, gold.get(doc, []), date_eval.predicted(tei_bytes, baseline=True))
    for line in date_eval.format_dates(folder, tallies):
        console.out(line)
    if errors:
        for line in tallies["pipeline"].errors:
            console.out(f"  {line}")
    for doc, text in texts.items():
        for warning in date_eval.impossible(doc, text):
            console.warn(warning)


def _score_ocr(folder: Path, encode_text, errors: bool, silent: bool) -> None:
    """An OCR corpus (ocr/ and gt/): detection, words wrong before and after, and the
    reliability of each certainty (pipeline/tools/ocr_eval.py)."""
    from pipeline.tools import ocr_eval

    docs = ocr_eval.read_ocr_corpus(folder)
    tally = ocr_eval.OcrTally()
    with console.bar(len(docs), f"Encoding {folder.name}", silent=silent) as tick:
        for doc, (ocr, truth) in docs.items():
            tally.add(doc, ocr, truth, encode_text(doc, ocr))
            tick(doc)
    for line in ocr_eval.format_ocr_corpus(folder, tally):
        console.out(line)
    if errors:
        for line in tally.errors:
            console.out(f"  {line}")
