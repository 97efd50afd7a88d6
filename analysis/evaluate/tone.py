"""Tone lenses measured against hand labels of sentences (docs/annotating-tone.md).

Two figures per lens, each with a 90% bootstrap interval over sentences: Spearman's rank
correlation between the lens's score and the −2…+2 label, and macro-F1 over negative /
neutral / positive (a score inside the lens's neutral band is neutral). Beside them, the
macro-F1 of always answering the most common class, the bar a lens has to clear. Quoted and
narrated sentences are measured apart as well as together.
"""

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import DataFileError
from ..sentiment import LENSES, Lens
from .gold import fmt, raw_text

TONE_COLUMNS = ("file", "start", "end", "tone", "quoted", "note")
LABELS = (-2, -1, 0, 1, 2)
BOOTSTRAP_SAMPLES = 1000
BOOTSTRAP_SEED = 20261204
Voice = str  # "all", "narration" or "quoted"


@dataclass(frozen=True)
class GoldSentence:
    file: str
    text: str
    tone: int
    quoted: bool


@dataclass(frozen=True)
class LensAgreement:
    """One lens against the labels of one group of sentences."""

    lens: str
    voice: Voice
    sentences: int
    spearman: float | None
    spearman_ci: tuple[float, float] | None
    macro_f1: float | None
    macro_f1_ci: tuple[float, float] | None
    majority_f1: float | None


@dataclass(frozen=True)
class ToneEvaluation:
    section: str
    gold: str
    sentences: int
    by_label: dict[str, int]
    lenses: tuple[LensAgreement, ...]

    def to_text(self) -> str:
        counts = ", ".join(f"{label}: {n}" for label, n in self.by_label.items())
        lines = [
            f"tone: {self.gold}, {self.sentences} sentences ({counts})",
            f"  {'lens':<10} {'voice':<10} {'n':>4}  {'Spearman':>8} {'90% interval':>14}"
            f"  {'macro-F1':>8} {'90% interval':>14}  {'majority':>8}",
        ]
        for a in self.lenses:
            lines.append(
                f"  {a.lens:<10} {a.voice:<10} {a.sentences:>4}  {fmt(a.spearman):>8} "
                f"{_interval(a.spearman_ci):>14}  {fmt(a.macro_f1):>8} "
                f"{_interval(a.macro_f1_ci):>14}  {fmt(a.majority_f1):>8}"
            )
        return "\n".join(lines)


def _interval(ci: tuple[float, float] | None) -> str:
    return "–" if ci is None else f"{ci[0]:.2f}…{ci[1]:.2f}"


def read_tone_gold(path: Path, folders: Sequence[Path]) -> list[GoldSentence]:
    """The labelled sentences of a tone gold file, their words read from the article files
    (found by name in `folders`)."""
    lines = path.read_text("utf-8").splitlines()
    rows = [(n, line) for n, line in enumerate(lines, 1) if line and not line.startswith("#")]
    if not rows or tuple(rows[0][1].split("\t")) != TONE_COLUMNS:
        raise DataFileError(f"{path}: the first line must be the header {' '.join(TONE_COLUMNS)}")
    result = []
    for number, line in rows[1:]:
        cells = next(csv.reader([line], delimiter="\t"))
        row = dict(zip(TONE_COLUMNS, cells + [""] * (len(TONE_COLUMNS) - len(cells)), strict=True))
        try:
            start, end, tone = int(row["start"]), int(row["end"]), int(row["tone"])
        except ValueError:
            raise DataFileError(
                f"{path}, line {number}: start, end and tone must be whole numbers"
            ) from None
        if tone not in LABELS or row["quoted"] not in ("yes", "no"):
            raise DataFileError(f"{path}, line {number}: tone is -2…2 and quoted is yes or no")
        text = raw_text(row["file"], folders, path)[start:end]
        result.append(
            GoldSentence(row["file"], " ".join(text.split()), tone, row["quoted"] == "yes")
        )
    return result


def evaluate_tone(path: Path, folders: Sequence[Path]) -> ToneEvaluation:
    """Every lens against the labels of a tone gold file."""
    gold = read_tone_gold(path, folders)
    by_label = {f"{label:+d}" if label else "0": 0 for label in LABELS}
    for sentence in gold:
        by_label[f"{sentence.tone:+d}" if sentence.tone else "0"] += 1
    groups: dict[Voice, list[GoldSentence]] = {
        "all": gold,
        "narration": [s for s in gold if not s.quoted],
        "quoted": [s for s in gold if s.quoted],
    }
    return ToneEvaluation(
        "tone",
        path.name,
        len(gold),
        by_label,
        tuple(
            agreement(name, lens, voice, sentences)
            for name, lens in LENSES.items()
            for voice, sentences in groups.items()
        ),
    )


def agreement(name: str, lens: Lens, voice: Voice, gold: Sequence[GoldSentence]) -> LensAgreement:
    if not gold:
        return LensAgreement(name, voice, 0, None, None, None, None, None)
    labels = np.array([s.tone for s in gold], dtype=float)
    scores = np.array([lens.score(s.text) for s in gold], dtype=float)
    predicted = np.array([lens.direction(score) for score in scores])
    classes = np.sign(labels).astype(int)
    majority = np.full_like(classes, np.bincount(classes + 1).argmax() - 1)
    rho, rho_ci = _with_interval(lambda i: spearman(scores[i], labels[i]), len(gold))
    f1, f1_ci = _with_interval(lambda i: macro_f1(classes[i], predicted[i]), len(gold))
    return LensAgreement(
        name, voice, len(gold), rho, rho_ci, f1, f1_ci, round(macro_f1(classes, majority), 4)
    )


def _with_interval(
    statistic: Callable[[np.ndarray], float | None], n: int
) -> tuple[float | None, tuple[float, float] | None]:
    """The statistic on all items, and its 90% percentile bootstrap interval."""
    value = statistic(np.arange(n))
    if value is None:
        return None, None
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    draws = [statistic(rng.integers(0, n, n)) for _ in range(BOOTSTRAP_SAMPLES)]
    kept = np.array([d for d in draws if d is not None])
    low, high = np.percentile(kept, [5, 95])
    return round(value, 4), (round(float(low), 4), round(float(high), 4))


def ranks(values: np.ndarray) -> np.ndarray:
    """Ranks from 1, ties sharing their mean rank (as Spearman's correlation needs)."""
    order = values.argsort(kind="stable")
    ranked = np.empty(len(values))
    ranked[order] = np.arange(1, len(values) + 1)
    for value in np.unique(values):
        tied = values == value
        ranked[tied] = ranked[tied].mean()
    return ranked


def spearman(scores: np.ndarray, labels: np.ndarray) -> float | None:
    """Spearman's rank correlation; None when either side does not vary."""
    a, b = ranks(scores), ranks(labels)
    if a.std() == 0 or b.std() == 0:
        return None
    return float(np.corrcoef(a, b)[0, 1])


def macro_f1(gold: np.ndarray, predicted: np.ndarray) -> float:
    """Mean F1 over negative, neutral and positive (a class never seen nor said scores 0)."""
    scores = []
    for cls in (-1, 0, 1):
        hits = int(np.sum((gold == cls) & (predicted == cls)))
        said, seen = int(np.sum(predicted == cls)), int(np.sum(gold == cls))
        scores.append(2 * hits / (said + seen) if said + seen else 0.0)
    return float(np.mean(scores))
