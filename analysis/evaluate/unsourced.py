"""Unsourced claims measured against hand annotation."""

from collections.abc import Sequence
from dataclasses import dataclass

from ..text import Span
from .gold import GoldArticle, analyzed, fmt, locate
from .quotes import Detection, detection


@dataclass(frozen=True)
class UnsourcedEvaluation:
    section: str
    detection: Detection

    def to_text(self) -> str:
        d = self.detection
        return (
            f"{self.section}: unsourced claims, gold {d.gold}, found {d.found}: precision "
            f"{fmt(d.precision)}, recall {fmt(d.recall)}, F1 {fmt(d.f1)}"
        )


def evaluate_unsourced(section: str, items: Sequence[GoldArticle]) -> UnsourcedEvaluation:
    """Unsourced-claim cues: a found cue matches a gold one when their words overlap."""
    gold_total = found_total = matched = 0
    for item in items:
        gold = [
            locate(item, section, item.text_of(entry, "cue", section), entry.get("occurrence", 1))
            for entry in item.sections[section]
        ]
        found = [Span(u.start, u.end) for u in analyzed(item.article).sources.unsourced]
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
