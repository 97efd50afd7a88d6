"""Frames measured against hand annotation: per frame, precision and recall of presence,
and the dominant frame against the constant guess.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import DataFileError
from ..framing import Codebook, load_codebook
from ..report import analyze
from .gold import GoldArticle, fmt


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
    absent: int  # clearly absent in the gold (frames judged unclear are left out)
    false_alarm: float | None  # share of the clearly absent ones marked present


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
            f"{'precision':>11}{'recall':>8}{'F1':>6}{'absent':>8}{'false alarm':>13}",
        ]
        for row in (*self.frames, self.micro, self.baseline_all_present):
            lines.append(
                f"{row.frame[:25]:26}{row.gold:>5}{row.tool:>5}{row.true_positive:>4}"
                f"{row.false_positive:>4}{row.false_negative:>4}{fmt(row.precision):>11}"
                f"{fmt(row.recall):>8}{fmt(row.f1):>6}{row.absent:>8}{fmt(row.false_alarm):>13}"
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
    absent = sum(1 for gold, _ in pairs if not gold)
    false_alarm = fp / absent if absent else None
    p, r, f, a = (None if v is None else round(v, 4) for v in (precision, recall, f1, false_alarm))
    return FrameCounts(frame, label, tp + fn, tp + fp, tp, fp, fn, p, r, f, absent, a)


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
        unclear = set(annotation.get("unclear", []))
        for frame_id in ids:
            if frame_id not in unclear:
                rows[frame_id].append((frame_id in present_gold, frame_id in present_tool))
        dominant_gold = tuple(annotation["dominant"])
        dominant_correct += (
            framing.dominant in dominant_gold if dominant_gold else framing.dominant is None
        )
        differences.append(
            ArticleDiff(
                item.article.file,
                tuple(f for f in ids if f in present_gold - present_tool),
                tuple(f for f in ids if f in present_tool - present_gold - unclear),
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


def _frames_section(item: GoldArticle, section: str, ids: Sequence[str]) -> dict[str, Any]:
    annotation: dict[str, Any] = item.sections[section]
    where = f"article at line {item.line}, [article.{section}]"
    for key in ("present", "dominant", *(("unclear",) if "unclear" in annotation else ())):
        values = annotation.get(key)
        if not isinstance(values, list) or not all(value in ids for value in values):
            raise DataFileError(
                f"{where}: `{key}` must be a list of frame ids of the codebook ({', '.join(ids)})"
            )
    return annotation
