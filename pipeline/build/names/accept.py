"""The archivist's decisions on suggested names, read back from the edited list.

`archive entities suggest` writes a TSV; the archivist fills its `decision` column
with accept, reject or merge (and `into` for a merge), may correct `kind`, `surface`
and `geonames_id`, and add spellings in `variants` (separated by |). Every row is
checked before anything is written; then the authority file is rewritten once per
new entry or variant (atomically, keeping everything else as it was) and rejected
names are added to rejected-names.tsv beside it. Nothing is done behind the
archivist's back: every change is reported, and `make` rebuilds what it touches.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.build.names import rejected as rejected_names
from pipeline.build.names.authority import KINDS, key, load
from pipeline.build.names.review import add
from pipeline.core.errors import PipelineError

DECISIONS = ("accept", "reject", "merge")


@dataclass
class Outcome:
    accepted: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    undecided: int = 0

    def summary(self) -> str:
        return (f"entities accept: {len(self.accepted)} accepted, {len(self.merged)} merged, "
                f"{len(self.rejected)} rejected, {self.undecided} undecided"
                + ("; run make to rebuild the TEI and editions"
                   if self.accepted or self.merged or self.rejected else ""))


@dataclass
class Row:
    line: int
    decision: str
    surface: str
    kind: str
    into: str
    geonames_id: str
    variants: tuple[str, ...]


def read(path: Path) -> tuple[list[Row], int]:
    """The decided rows of an edited suggestion list, and how many were left blank."""
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            missing = {"surface", "kind", "decision"} - set(reader.fieldnames or ())
            if missing:
                raise PipelineError(f"no column {', '.join(sorted(missing))} in the header; "
                                    "start from `archive entities suggest`", str(path), 1)
            rows, blank = [], 0
            for n, rec in enumerate(reader, start=2):
                decision = (rec.get("decision") or "").strip().lower()
                if not decision:
                    blank += 1
                    continue
                rows.append(Row(n, decision, " ".join((rec.get("surface") or "").split()),
                                (rec.get("kind") or "").strip().lower(),
                                (rec.get("into") or "").strip(),
                                (rec.get("geonames_id") or "").strip(),
                                tuple(v for v in (rec.get("variants") or "").split("|")
                                      if v.strip())))
    except (OSError, UnicodeDecodeError) as exc:
        raise PipelineError(f"cannot read the decisions: {exc}", str(path)) from None
    return rows, blank


def check(rows: list[Row], path: Path, authority_path: Path) -> None:
    """Every problem of the decisions at once, as file:line: message."""
    authority = load(authority_path)
    problems = []
    seen: set = set()
    for row in rows:
        where = f"{path}:{row.line}"
        if row.decision not in DECISIONS:
            problems.append(f"{where}: decision {row.decision!r}: write accept, reject or merge")
        elif not key(row.surface):
            problems.append(f"{where}: {row.surface!r} is not a name")
        elif row.decision == "accept" and row.kind not in KINDS:
            problems.append(f"{where}: kind {row.kind!r}: an accepted name is a person, a "
                            "place or an org")
        elif row.decision == "accept" and (key(row.surface) in authority.index
                                           or key(row.surface) in seen):
            problems.append(f"{where}: {row.surface!r} is in the authority file already; "
                            "merge it into its entry instead")
        elif row.decision == "merge" and row.into not in authority.entries:
            problems.append(f"{where}: merge into {row.into!r}: no such entry in "
                            f"{authority_path.name}")
        elif row.geonames_id and not row.geonames_id.isdigit():
            problems.append(f"{where}: geonames_id {row.geonames_id!r} is not a GeoNames number")
        seen.add(key(row.surface))
    if problems:
        raise PipelineError("\n".join(problems))


def apply(path: Path, authority_path: Path, gazetteer=None) -> Outcome:
    """Carry out the decisions of the edited list at `path`."""
    rows, blank = read(path)
    check(rows, path, authority_path)
    outcome = Outcome(undecided=blank)
    rejected = []
    for row in rows:
        if row.decision == "reject":
            rejected.append((row.surface, row.kind, f"rejected from {path.name}"))
            outcome.rejected.append(row.surface)
        elif row.decision == "merge":
            kind = load(authority_path).entries[row.into].kind
            outcome.merged.append(add(authority_path, row.surface, kind, variant_of=row.into))
        else:
            place = None
            if row.kind == "place" and row.geonames_id and gazetteer is not None:
                place = gazetteer.place(int(row.geonames_id))
                if place is None:
                    raise PipelineError(f"geonames_id {row.geonames_id} is not in the "
                                        "gazetteer", f"{path}:{row.line}")
            outcome.accepted.append(add(authority_path, row.surface, row.kind,
                                        variants=row.variants, place=place))
    if rejected:
        rejected_names.append(authority_path.parent / rejected_names.FILE, rejected)
    return outcome
