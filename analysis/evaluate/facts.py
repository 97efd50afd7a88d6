"""Fact grouping (the coverage matrix) measured on hand-labelled sentence pairs: do two
sentences from different outlets report the same fact? A pair is predicted "same" when
both sentences land in one fact group; precision and recall are over pairs. Real articles
are compared story by story (a manifest note's text before ";"), as a user compares them.

Two gold formats: the seed pairs name each sentence by its first characters
(tests/gold/fact_pairs.tsv); pairs on real articles, whose text stays out of the
repository, by start and end offsets into the article file, with the set (`tune`,
`test`) each pair belongs to (tests/gold/real/fact_pairs_devsets.tsv).
"""

import csv
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..compare import compare
from ..corpus import SAMPLE, load
from ..errors import DataFileError
from ..report import Report, analyze
from .gold import fmt, raw_text

Sentence = tuple[str, int]  # article id, sentence index


@dataclass(frozen=True)
class FactEvaluation:
    section: str
    gold: str
    pairs: int
    same: int
    precision: float | None
    recall: float | None
    f1: float | None

    def to_text(self) -> str:
        return (
            f"facts: {self.gold}, {self.pairs} labelled pairs ({self.same} the same fact): "
            f"precision {fmt(self.precision)}, recall {fmt(self.recall)}, F1 {fmt(self.f1)}"
        )


@dataclass(frozen=True)
class FactPair:
    """Two labelled sentences; `part` is the gold's set (`tune`, `test`), "" when none."""

    first: Sentence
    second: Sentence
    same: bool
    part: str = ""


OFFSET_COLUMNS = ("file_a", "start_a", "end_a", "file_b", "start_b", "end_b", "same")


def fact_pairs(
    path: Path,
    reports: Sequence[Report],
    folders: Sequence[Path] = (),
    *,
    present_only: bool = False,
) -> list[FactPair]:
    """The labelled pairs of `path`: by sentence start (file, start, file, start, 0|1) or,
    when its header names `OFFSET_COLUMNS`, by offsets into the article files in
    `folders`. `present_only`: pairs on articles not among `reports` are left out instead
    of being an error (a development folder that is not on this machine)."""
    by_file = {report.article.file: report for report in reports}
    lines = _rows(path)
    if names_offsets(path):
        return [
            FactPair(
                _at_offsets(path, by_file, folders, row["file_a"], row["start_a"], row["end_a"]),
                _at_offsets(path, by_file, folders, row["file_b"], row["start_b"], row["end_b"]),
                _label(path, row["same"]),
                row.get("set") or "",
            )
            for row in csv.DictReader(lines, delimiter="\t")
            if not present_only or {row["file_a"], row["file_b"]} <= by_file.keys()
        ]
    rows = [row for row in csv.reader(lines, delimiter="\t") if row]
    if any(len(row) != 5 for row in rows):
        raise DataFileError(f"{path.name}: each pair needs file, start, file, start, same")
    return [
        FactPair(
            _starting(path, by_file, a, sa), _starting(path, by_file, b, sb), _label(path, same)
        )
        for a, sa, b, sb, same in rows
    ]


def _rows(path: Path) -> list[str]:
    return [line for line in path.read_text("utf-8").splitlines() if not line.startswith("#")]


def names_offsets(path: Path) -> bool:
    """Does the gold file name its sentences by offsets into real articles?"""
    lines = _rows(path)
    return bool(lines) and lines[0].split("\t")[: len(OFFSET_COLUMNS)] == list(OFFSET_COLUMNS)


def _label(path: Path, same: str) -> bool:
    if same not in ("0", "1"):
        raise DataFileError(f"{path.name}: `same` is 0 or 1, not {same!r}")
    return same == "1"


def _report(path: Path, by_file: dict[str, Report], file: str) -> Report:
    if file not in by_file:
        raise DataFileError(
            f"{path.name}: article {file} is not among the articles given; name the "
            "folders of its articles after the gold file"
        )
    return by_file[file]


def _starting(path: Path, by_file: dict[str, Report], file: str, start: str) -> Sentence:
    """The sentence of `file` whose text starts with `start`."""
    report = _report(path, by_file, file)
    for index in range(len(report.document.sentences)):
        if report.document.sentence_text(index).startswith(start):
            return report.article.id, index
    raise DataFileError(f"{path.name}: no sentence starting {start!r} in {file}")


def _at_offsets(
    path: Path,
    by_file: dict[str, Report],
    folders: Sequence[Path],
    file: str,
    start: str,
    end: str,
) -> Sentence:
    """The sentence of the cleaned article that holds the file's text at [start, end]
    (cleaning may change spaces, so words are matched across any run of spaces)."""
    report = _report(path, by_file, file)
    if not (start.isdigit() and end.isdigit() and int(start) < int(end)):
        raise DataFileError(f"{path.name}: {file}: offsets {start}, {end} are not a span")
    words = raw_text(file, folders, path)[int(start) : int(end)].split()
    found = re.search(r"\s+".join(map(re.escape, words)), report.article.text) if words else None
    if found is None:
        raise DataFileError(f"{path.name}: {file} [{start}, {end}] is not in the cleaned article")
    return report.article.id, report.document.sentence_at(found.start())


def stories(reports: Sequence[Report]) -> list[list[Report]]:
    """The reports by story: an article's manifest note's text before ";" (the real
    development sets' manifests name the story there)."""
    by_story: dict[str, list[Report]] = defaultdict(list)
    for report in reports:
        by_story[report.article.note.split(";")[0].strip()].append(report)
    return list(by_story.values())


def grouping_scores(
    story_reports: Sequence[Sequence[Report]], pairs: Iterable[FactPair], **options: Any
) -> tuple[float | None, float | None, float | None]:
    """Pairwise precision, recall and F1 of the fact groups `compare` makes, each story's
    reports compared on their own."""
    group = {}
    for number, members in enumerate(story_reports):
        comparison = compare(members, by="article", **options)
        for fact in comparison.coverage.facts:
            for cell in fact.cells:
                for evidence in cell.evidence:
                    for sentence in evidence.sentences:
                        group[evidence.article, sentence] = (number, fact.id)
    pairs = list(pairs)
    predicted = [group.get(p.first, 1) == group.get(p.second, 2) for p in pairs]
    hits = sum(said and p.same for said, p in zip(predicted, pairs, strict=True))
    said, real = sum(predicted), sum(p.same for p in pairs)
    precision = hits / said if said else None
    recall = hits / real if real else None
    f1 = 2 * hits / (said + real) if said + real else None
    return precision, recall, f1


def evaluate_facts(path: Path, folders: Sequence[Path]) -> FactEvaluation:
    reports = [analyze(article) for article in load(*(folders or [SAMPLE]))]
    pairs = fact_pairs(path, reports, folders)
    by_story = stories(reports) if names_offsets(path) else [reports]  # seeds: one story
    precision, recall, f1 = grouping_scores(by_story, pairs)
    return FactEvaluation(
        "facts", path.name, len(pairs), sum(p.same for p in pairs), precision, recall, f1
    )
