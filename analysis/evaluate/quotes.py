"""`python -m analysis evaluate [GOLD ...] [PATH ...]`: the analyzers measured against hand
annotation.

A gold file is TOML. Its `[[article]]` entries each name a `file` (relative to the
folder given by the top-level `base`, itself relative to the gold file) and hold one
section per analyzer: `[article.frames.<codebook>]` for frames, `[[article.quote]]` and
`[[article.unsourced]]` for quotes, speakers and unsourced claims (guideline:
docs/annotating-quotes.md), and whatever other sections an analyzer registers in
EVALUATORS. A file may hold any subset of sections; every registered section found is
scored and printed. Article files or folders given after the gold files (PATH) are used
instead of the `file` paths, matched by file name.

An evaluator is `fn(section, gold_articles) -> result`, where the result is a frozen
dataclass with a `to_text()` method (printed) that `as_json` can dump (`--format json`).
"""

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .corpus import Article, load
from .datafile import parse_toml
from .errors import AnalysisError, DataFileError
from .framing import Codebook, load_codebook
from .report import Report, analyze, as_json
from .sources import MARKED_KINDS, QUOTE_KINDS, Quote
from .text import Span

GOLD = Path(__file__).resolve().parent.parent / "tests" / "gold"
EXIT_OK, EXIT_USAGE = 0, 2
# A predicted quote matches a gold one when it covers at least this share of the gold
# span (the loose criterion of the quotation-extraction literature), and, reported too, a
# strict one that asks for nearly the whole span.
LOOSE_OVERLAP = 0.3
STRICT_OVERLAP = 0.8
THRESHOLDS = (LOOSE_OVERLAP, STRICT_OVERLAP)
# The groups of quote kinds that are scored together (the targets are set on these).
KIND_GROUPS: dict[str, tuple[str, ...]] = {
    "direct+partial": MARKED_KINDS,
    "indirect": ("indirect",),
    "all": QUOTE_KINDS,
    **{kind: (kind,) for kind in QUOTE_KINDS},
}
AGREEMENT_GROUPS = ("direct+partial", "indirect", "all")


@dataclass(frozen=True)
class GoldArticle:
    """One annotated article: the article itself and its gold sections as written."""

    article: Article
    sections: dict[str, Any]
    line: int


@dataclass(frozen=True)
class FrameCounts:
    """Agreement on one frame's presence over the gold articles."""

    frame: str
    label: str
    gold: int
    tool: int
    true_positive: int
    false_positive: int
    false_negative: int
    precision: float | None
    recall: float | None
    f1: float | None


@dataclass(frozen=True)
class ArticleDiff:
    """Where the tool and the annotator disagree on one article."""

    file: str
    missed: tuple[str, ...]
    extra: tuple[str, ...]
    dominant_gold: tuple[str, ...]
    dominant_tool: str | None


@dataclass(frozen=True)
class FrameEvaluation:
    """Per-frame precision and recall of `present`, micro-averaged, and dominant accuracy."""

    section: str
    codebook: str
    codebook_hash: str
    articles: int
    frames: tuple[FrameCounts, ...]
    micro: FrameCounts
    baseline_all_present: FrameCounts
    dominant_correct: int
    dominant_baseline: int
    differences: tuple[ArticleDiff, ...]

    def to_text(self) -> str:
        lines = [
            f"{self.section}: codebook {self.codebook} ({self.codebook_hash}), "
            f"{self.articles} articles",
            f"{'frame':26}{'gold':>5}{'tool':>5}{'tp':>4}{'fp':>4}{'fn':>4}"
            f"{'precision':>11}{'recall':>8}{'F1':>6}",
        ]
        for row in (*self.frames, self.micro, self.baseline_all_present):
            lines.append(
                f"{row.frame[:25]:26}{row.gold:>5}{row.tool:>5}{row.true_positive:>4}"
                f"{row.false_positive:>4}{row.false_negative:>4}{_fmt(row.precision):>11}"
                f"{_fmt(row.recall):>8}{_fmt(row.f1):>6}"
            )
        lines.append(
            f"dominant frame: {self.dominant_correct}/{self.articles} match the annotator "
            f"(baseline, always the annotator's most common one: {self.dominant_baseline})"
        )
        for diff in self.differences:
            parts = [f"missed {', '.join(diff.missed)}" if diff.missed else ""]
            parts.append(f"extra {', '.join(diff.extra)}" if diff.extra else "")
            if diff.dominant_tool not in diff.dominant_gold:
                parts.append(f"dominant {diff.dominant_tool} (gold {'/'.join(diff.dominant_gold)})")
            lines.append(f"  {diff.file}: {'; '.join(part for part in parts if part)}")
        return "\n".join(lines)


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def counts(frame: str, label: str, pairs: Sequence[tuple[bool, bool]]) -> FrameCounts:
    """Counts and scores from (gold, tool) presence pairs; undefined ratios are None."""
    tp = sum(1 for gold, tool in pairs if gold and tool)
    fp = sum(1 for gold, tool in pairs if tool and not gold)
    fn = sum(1 for gold, tool in pairs if gold and not tool)
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    f1 = (
        2 * precision * recall / (precision + recall)
        if precision is not None and recall is not None and precision + recall
        else (0.0 if precision is not None or recall is not None else None)
    )
    rounded = [None if v is None else round(v, 4) for v in (precision, recall, f1)]
    return FrameCounts(frame, label, tp + fn, tp + fp, tp, fp, fn, *rounded)


def evaluate_frames(section: str, gold: Sequence[GoldArticle]) -> FrameEvaluation:
    """Compare the tool's present/dominant frames with the gold ones for one codebook."""
    codebook: Codebook = load_codebook(section.split(".", 1)[1])
    ids = [frame.id for frame in codebook.frames]
    rows: dict[str, list[tuple[bool, bool]]] = {frame_id: [] for frame_id in ids}
    differences, dominant_correct = [], 0
    for item in gold:
        annotation = _frames_section(item, section, ids)
        framing = analyze(item.article, codebook).framing
        present_gold, present_tool = set(annotation["present"]), set(framing.present)
        for frame_id in ids:
            rows[frame_id].append((frame_id in present_gold, frame_id in present_tool))
        dominant_gold = tuple(annotation["dominant"])
        dominant_correct += framing.dominant in dominant_gold
        differences.append(
            ArticleDiff(
                item.article.file,
                tuple(f for f in ids if f in present_gold - present_tool),
                tuple(f for f in ids if f in present_tool - present_gold),
                dominant_gold,
                framing.dominant,
            )
        )
    labels = {frame.id: frame.label for frame in codebook.frames}
    all_pairs = [pair for pairs in rows.values() for pair in pairs]
    return FrameEvaluation(
        section=section,
        codebook=codebook.id,
        codebook_hash=codebook.hash,
        articles=len(gold),
        frames=tuple(counts(f, labels[f], rows[f]) for f in ids),
        micro=counts("micro-average", "all frames pooled", all_pairs),
        baseline_all_present=counts(
            "baseline: all present", "every frame marked present", [(g, True) for g, _ in all_pairs]
        ),
        dominant_correct=dominant_correct,
        dominant_baseline=_majority_baseline([diff.dominant_gold for diff in differences]),
        differences=tuple(
            diff
            for diff in differences
            if diff.missed or diff.extra or diff.dominant_tool not in diff.dominant_gold
        ),
    )


def _majority_baseline(gold_dominants: Sequence[tuple[str, ...]]) -> int:
    """Articles a tool would get right by always naming the most common gold dominant frame."""
    tally = Counter(frame for frames in gold_dominants for frame in frames)
    if not tally:
        return 0
    common = tally.most_common(1)[0][0]
    return sum(1 for frames in gold_dominants if common in frames)


def _frames_section(item: GoldArticle, section: str, ids: Sequence[str]) -> dict[str, list]:
    annotation = item.sections[section]
    where = f"article at line {item.line}, [article.{section}]"
    for key in ("present", "dominant"):
        values = annotation.get(key)
        if not isinstance(values, list) or not all(value in ids for value in values):
            raise DataFileError(
                f"{where}: `{key}` must be a list of frame ids of the codebook ({', '.join(ids)})"
            )
    return annotation


# --- quotes and speakers -----------------------------------------------------------------


@dataclass(frozen=True)
class Detection:
    """Precision, recall and F1 of finding the quotes of one group of kinds (or the
    unsourced claims) at one span overlap; undefined ratios are None."""

    group: str
    threshold: float
    gold: int
    found: int
    matched: int
    precision: float | None
    recall: float | None
    f1: float | None


def detection(group: str, threshold: float, gold: int, found: int, matched: int) -> Detection:
    precision = matched / found if found else None
    recall = matched / gold if gold else None
    f1 = (
        2 * precision * recall / (precision + recall)
        if precision and recall
        else (0.0 if precision is not None and recall is not None else None)
    )
    return Detection(group, threshold, gold, found, matched, precision, recall, f1)


@dataclass(frozen=True)
class Agreement:
    """How often an attribute of the matched quotes agrees with the gold one."""

    attribute: str
    group: str
    correct: int
    total: int
    accuracy: float | None


@dataclass(frozen=True)
class QuoteEvaluation:
    """Quote detection per kind group, attribute agreement on matched quotes, and every
    miss, extra quote and wrong speaker (to read, not to count)."""

    section: str
    articles: int
    detection: tuple[Detection, ...]
    agreement: tuple[Agreement, ...]
    errors: tuple[str, ...]

    def detection_of(self, group: str, threshold: float = LOOSE_OVERLAP) -> Detection:
        return next(d for d in self.detection if d.group == group and d.threshold == threshold)

    def agreement_of(self, attribute: str, group: str = "all") -> Agreement:
        return next(a for a in self.agreement if a.attribute == attribute and a.group == group)

    def to_text(self) -> str:
        loose, strict = f"overlap ≥{LOOSE_OVERLAP:.0%}", f"overlap ≥{STRICT_OVERLAP:.0%}"
        lines = [
            f"{self.section}: {self.articles} articles (precision, recall, F1 at two span "
            "overlaps)",
            f"{'kind':16}{'gold':>5}{'found':>6}  {loose:^20}  {strict:^20}",
            f"{'':27}{'P':>6}{'R':>7}{'F1':>7}  {'P':>6}{'R':>7}{'F1':>7}",
        ]
        for group in KIND_GROUPS:
            first = self.detection_of(group)
            second = self.detection_of(group, STRICT_OVERLAP)
            cells = [_fmt(x) for d in (first, second) for x in (d.precision, d.recall, d.f1)]
            lines.append(
                f"{group:16}{first.gold:>5}{first.found:>6}  "
                + "".join(f"{c:>7}" for c in cells[:3])
                + "  "
                + "".join(f"{c:>7}" for c in cells[3:])
            )
        lines.append("")
        lines.append(f"On quotes matched at {loose}: accuracy (correct/total)")
        lines.append(f"{'kind':16}" + "".join(f"{a:>16}" for a in ATTRIBUTES))
        for group in AGREEMENT_GROUPS:
            cells = [self.agreement_of(attribute, group) for attribute in ATTRIBUTES]
            lines.append(
                f"{group:16}"
                + "".join(f"{_fmt(a.accuracy) + f' ({a.correct}/{a.total})':>16}" for a in cells)
            )
        return "\n".join(lines + [f"  {error}" for error in self.errors])


def _normalize_name(name: str) -> str:
    """Speakers compare without case, a leading article or surrounding punctuation."""
    name = re.sub(r"\s+", " ", name.strip(" ,.").lower())
    return re.sub(r"^(?:the|a|an) ", "", name)


def _same_speaker(predicted: Quote, gold: dict[str, Any]) -> bool:
    return _normalize_name(predicted.speaker) == _normalize_name(gold["speaker"])


ATTRIBUTES: dict[str, Callable[[Quote, dict[str, Any]], bool]] = {
    "speaker": _same_speaker,
    "type": lambda q, g: q.speaker_type == g["speaker_type"],
    "country": lambda q, g: q.country == g.get("country", ""),
    "named": lambda q, g: q.named == g.get("named", False),
    "kind": lambda q, g: q.kind == g["kind"],
}


@cache
def _report(article: Article) -> Report:
    """One analysis per gold article, shared by the quote and unsourced sections."""
    return analyze(article)


def _where(item: GoldArticle, section: str, text: str, occurrence: int = 1) -> Span:
    """The span of the `occurrence`-th exact match of a gold `text` in the article."""
    start = -1
    for _ in range(occurrence):
        start = item.article.text.find(text, start + 1)
        if start < 0:
            raise DataFileError(
                f"article at line {item.line} ({item.article.file}), [article.{section}]: "
                f"text not found in the cleaned article: {text[:80]!r} (occurrence "
                f"{occurrence}); copy it exactly from the article"
            )
    return Span(start, start + len(text))


def _gold_quotes(item: GoldArticle, section: str) -> list[tuple[Span, dict[str, Any]]]:
    quotes = []
    where = f"article at line {item.line} ({item.article.file}), [article.{section}]"
    for entry in item.sections[section]:
        for key in ("kind", "text", "speaker", "speaker_type"):
            if key not in entry:
                raise DataFileError(f"{where}: a quote needs `{key}`")
        if entry["kind"] not in QUOTE_KINDS:
            raise DataFileError(
                f"{where}: unknown kind {entry['kind']!r}; use one of {', '.join(QUOTE_KINDS)}"
            )
        quotes.append((_where(item, section, entry["text"], entry.get("occurrence", 1)), entry))
    return quotes


def _match(
    predicted: Sequence[Quote], gold: Sequence[tuple[Span, dict[str, Any]]], threshold: float
) -> list[tuple[int, int]]:
    """One-to-one pairs (predicted index, gold index), best overlap first."""
    candidates = []
    for p, quote in enumerate(predicted):
        for g, (span, _) in enumerate(gold):
            covered = Span(quote.start, quote.end).overlap(span) / max(1, span.end - span.start)
            if covered >= threshold:
                candidates.append((covered, p, g))
    pairs, used_p, used_g = [], set(), set()
    for _, p, g in sorted(candidates, reverse=True):
        if p not in used_p and g not in used_g:
            pairs.append((p, g))
            used_p.add(p)
            used_g.add(g)
    return pairs


def evaluate_quotes(section: str, items: Sequence[GoldArticle]) -> QuoteEvaluation:
    """Quote detection per kind group at both overlaps; speaker, type, country, named and
    kind agreement on the quotes matched at the loose overlap; and a list of errors."""
    tallies = {(group, t): [0, 0, 0] for group in KIND_GROUPS for t in THRESHOLDS}
    agree = {(attribute, group): [0, 0] for attribute in ATTRIBUTES for group in AGREEMENT_GROUPS}
    errors: list[str] = []
    for item in items:
        name = item.article.file
        gold = _gold_quotes(item, section)
        predicted = _report(item.article).sources.quotes
        for (group, threshold), tally in tallies.items():
            kinds = KIND_GROUPS[group]
            group_gold = [(span, g) for span, g in gold if g["kind"] in kinds]
            group_predicted = [q for q in predicted if q.kind in kinds]
            tally[0] += len(group_gold)
            tally[1] += len(group_predicted)
            tally[2] += len(_match(group_predicted, group_gold, threshold))
        pairs = _match(predicted, gold, LOOSE_OVERLAP)
        for p, g in pairs:
            quote, entry = predicted[p], gold[g][1]
            for group in AGREEMENT_GROUPS:
                if entry["kind"] in KIND_GROUPS[group]:
                    for attribute, same in ATTRIBUTES.items():
                        agree[attribute, group][0] += same(quote, entry)
                        agree[attribute, group][1] += 1
            if not _same_speaker(quote, entry):
                errors.append(
                    f"{name}: speaker {quote.speaker!r}, gold {entry['speaker']!r}: "
                    f"{entry['text'][:60]!r}"
                )
        for g in sorted(set(range(len(gold))) - {g for _, g in pairs}):
            errors.append(f"{name}: missed {gold[g][1]['kind']} {gold[g][1]['text'][:70]!r}")
        for p in sorted(set(range(len(predicted))) - {p for p, _ in pairs}):
            errors.append(f"{name}: extra {predicted[p].kind} {predicted[p].text[:70]!r}")
    return QuoteEvaluation(
        section=section,
        articles=len(items),
        detection=tuple(detection(group, t, *tally) for (group, t), tally in tallies.items()),
        agreement=tuple(
            Agreement(a, group, *tally, tally[0] / tally[1] if tally[1] else None)
            for (a, group), tally in agree.items()
        ),
        errors=tuple(errors),
    )


# --- unsourced claims --------------------------------------------------------------------


@dataclass(frozen=True)
class UnsourcedEvaluation:
    section: str
    detection: Detection

    def to_text(self) -> str:
        d = self.detection
        return (
            f"{self.section}: unsourced claims, gold {d.gold}, found {d.found}: precision "
            f"{_fmt(d.precision)}, recall {_fmt(d.recall)}, F1 {_fmt(d.f1)}"
        )


def evaluate_unsourced(section: str, items: Sequence[GoldArticle]) -> UnsourcedEvaluation:
    """Unsourced-claim cues: a found cue matches a gold one when their words overlap."""
    gold_total = found_total = matched = 0
    for item in items:
        gold = [
            _where(item, section, entry["cue"], entry.get("occurrence", 1))
            for entry in item.sections[section]
        ]
        found = [Span(u.start, u.end) for u in _report(item.article).sources.unsourced]
        gold_total += len(gold)
        found_total += len(found)
        used: set[int] = set()
        for span in gold:
            hit = next((i for i, f in enumerate(found) if i not in used and f.overlap(span)), None)
            if hit is not None:
                used.add(hit)
                matched += 1
    return UnsourcedEvaluation(
        section, detection("unsourced", 0.0, gold_total, found_total, matched)
    )


# A gold section name -> how to score it. Frame sections are `frames.<codebook>`.
EVALUATORS: dict[str, Callable[[str, Sequence[GoldArticle]], Any]] = {
    "frames.policy": evaluate_frames,
    "frames.generic": evaluate_frames,
    "quote": evaluate_quotes,
    "unsourced": evaluate_unsourced,
}


def read_gold(path: Path, articles: dict[str, Article] | None = None) -> list[GoldArticle]:
    """The annotated articles of a gold file, each loaded with its folder's manifest, or
    taken from `articles` (by file name) when given."""
    text = path.read_text("utf-8")
    data = parse_toml(text, str(path))
    base = (path.parent / data.get("base", ".")).resolve()
    lines = [n + 1 for n, line in enumerate(text.splitlines()) if line.strip() == "[[article]]"]
    result = []
    for index, entry in enumerate(data.get("article", [])):
        line = lines[index] if index < len(lines) else 1
        if not isinstance(entry.get("file"), str):
            raise DataFileError(f"{path}, line {line}: [[article]] needs a `file`")
        name = Path(entry["file"]).name
        if articles is None:
            article = load(base / entry["file"])[0]
        elif name in articles:
            article = articles[name]
        else:
            raise DataFileError(f"{path}, line {line}: {name} is not among the articles given")
        sections: dict[str, Any] = {}
        for kind, group in entry.items():
            if kind == "frames" and isinstance(group, dict):
                sections.update({f"frames.{name}": value for name, value in group.items()})
            elif kind != "file":
                sections[kind] = group
        result.append(GoldArticle(article, sections, line))
    return result


def evaluate(paths: Sequence[Path], articles: Sequence[Path] = ()) -> list[Any]:
    """Every registered section of every gold file, scored. With `articles` (files or
    folders), the gold articles are taken from there by file name."""
    by_name = {article.file: article for article in load(*articles)} if articles else None
    results = []
    for path in paths:
        gold = read_gold(path, by_name)
        found = sorted({section for item in gold for section in item.sections})
        for section in found:
            if section in EVALUATORS:
                annotated = [item for item in gold if section in item.sections]
                results.append(EVALUATORS[section](section, annotated))
    return results


def run_evaluate(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m analysis evaluate",
        description="Measure the analyzers against hand-annotated gold files.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help=f"gold .toml files (default: every one in {GOLD}), then article files or folders "
        "to take the annotated articles from (default: the gold files' own paths)",
    )
    parser.add_argument("--format", choices=["text", "json"], default="text")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return EXIT_USAGE if exit_.code else EXIT_OK
    gold = [path for path in args.paths if path.suffix == ".toml"]
    articles = [path for path in args.paths if path.suffix != ".toml"]
    paths = gold or sorted(GOLD.glob("*.toml"))
    missing = [str(path) for path in paths if not path.is_file()]
    missing += [str(path) for path in articles if not path.exists()]
    if missing:
        print(f"error: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    try:
        results = evaluate(paths, articles)
    except AnalysisError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    if args.format == "json":
        print(json.dumps(as_json(results), indent=1))
    else:
        print("\n\n".join(result.to_text() for result in results))
    return EXIT_OK
