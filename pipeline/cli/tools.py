"""Development commands: accuracy against gold (eval) and the bench corpus."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli.base import cli
from pipeline.core import console


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

    result = ev.evaluate_all(gold_dir, tei_dir)
    for line in result.lines() + (result.error_lines() if errors else []):
        console.out(line)
