"""The headline accuracy figures, per gold set, first run and current, in one file.

`scripts/measure.py` runs the evaluation on every gold set and writes
`analysis/data/accuracy.json`; the README and the dashboard's Method page quote it rather
than typing figures in. A gold set's first-run figures are kept from the run made before
any rule was written on it (the honest estimate for a new story); later runs only update
`current`.
"""

import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from .actors import ActorEvaluation
from .answers import AnswerKeyEvaluation
from .facts import FactEvaluation
from .frames import FrameEvaluation
from .quotes import LOOSE_OVERLAP, Agreement, Detection, QuoteEvaluation, detection
from .tone import ToneEvaluation
from .unsourced import UnsourcedEvaluation

ACCURACY_FILE = "accuracy.json"
Result = (
    QuoteEvaluation
    | UnsourcedEvaluation
    | FrameEvaluation
    | ToneEvaluation
    | ActorEvaluation
    | FactEvaluation
    | AnswerKeyEvaluation
)


@dataclass(frozen=True)
class Figure:
    """One measured figure of one gold set: what it measures, first run and now."""

    gold_set: str
    metric: str
    first_run: float | None
    current: float | None


FITTED = "rules were written on these: not evidence of accuracy on new stories"
WRITTEN = "written to show that constructions are handled: not evidence of accuracy on real news"


@dataclass(frozen=True)
class GoldSet:
    id: str
    title: str
    kind: str  # "held out", "development" or "written for the tests"
    about: str
    figures: tuple[Figure, ...]

    @property
    def caveat(self) -> str:
        """What the set's figures are not evidence of ("" for a held-out set)."""
        if self.kind == "development":
            first_run = any(f.first_run is not None for f in self.figures)
            return (
                f"{FITTED} (only the first run is: it came before the rules)"
                if first_run
                else FITTED
            )
        return WRITTEN if self.kind == "written for the tests" else ""


def headline(result: Result) -> dict[str, float | None]:
    """The figures of one evaluation result that the README and the Method page show."""
    if isinstance(result, QuoteEvaluation):
        figures = {
            "quotes in marks F1": result.detection_of("direct+partial", LOOSE_OVERLAP).f1,
            "reported speech F1": result.detection_of("indirect", LOOSE_OVERLAP).f1,
        }
        for attribute in ("speaker", "type", "country", "role", "organization", "gender"):
            figures[f"{attribute} right"] = result.agreement_of(attribute).accuracy
        return figures
    if isinstance(result, UnsourcedEvaluation):
        return {"unsourced claims F1": result.detection.f1}
    if isinstance(result, AnswerKeyEvaluation):
        return {"answer keys on sources right": result.accuracy}
    if isinstance(result, FrameEvaluation):
        book = result.codebook
        return {
            f"{book}: frames found (recall)": result.micro.recall,
            f"{book}: absent frames marked present": result.micro.false_alarm,
            f"{book}: precision": result.micro.precision,
            f"{book}: dominant frame right": result.dominant_correct / result.articles,
            f"{book}: dominant, constant guess": result.dominant_baseline / result.articles,
        }
    if isinstance(result, ToneEvaluation):
        return {
            f"tone {a.lens} {a.voice}: {name}": value
            for a in result.lenses
            for name, value in (("Spearman", a.spearman), ("macro-F1", a.macro_f1))
        }
    if isinstance(result, FactEvaluation):
        return {
            "same-fact pairs grouped: precision": result.precision,
            "same-fact pairs grouped: recall": result.recall,
        }
    return {
        "central actors shown": result.central_recall,
        "shown actors that are not actors": result.not_actor_share,
    }


def pooled(results: Sequence[Result]) -> list[Result]:
    """One result per kind: the quote, unsourced and answer-key results of a set's several
    gold files added up (counts summed, ratios taken again), so a set's figure is over all
    its articles, not the last file's."""
    quotes = [r for r in results if isinstance(r, QuoteEvaluation)]
    unsourced = [r for r in results if isinstance(r, UnsourcedEvaluation)]
    keys = [r for r in results if isinstance(r, AnswerKeyEvaluation)]
    rest: list[Result] = [r for r in results if r not in (*quotes, *unsourced, *keys)]
    if quotes:
        first = quotes[0]
        rest.append(
            QuoteEvaluation(
                first.section,
                sum(q.articles for q in quotes),
                tuple(
                    _summed(d, [q.detection_of(d.group, d.threshold) for q in quotes])
                    for d in first.detection
                ),
                tuple(
                    Agreement(
                        a.attribute,
                        a.group,
                        correct := sum(
                            q.agreement_of(a.attribute, a.group).correct for q in quotes
                        ),
                        total := sum(q.agreement_of(a.attribute, a.group).total for q in quotes),
                        correct / total if total else None,
                    )
                    for a in first.agreement
                ),
                tuple(e for q in quotes for e in q.errors),
            )
        )
    if unsourced:
        rest.append(
            UnsourcedEvaluation(
                unsourced[0].section,
                _summed(unsourced[0].detection, [u.detection for u in unsourced]),
            )
        )
    if keys:
        rest.append(
            AnswerKeyEvaluation(
                sum(k.stories for k in keys), tuple(c for k in keys for c in k.checks)
            )
        )
    return rest


def _summed(like: Detection, parts: Sequence[Detection]) -> Detection:
    return detection(
        like.group,
        like.threshold,
        sum(d.gold for d in parts),
        sum(d.found for d in parts),
        sum(d.matched for d in parts),
    )


def merged(
    earlier: dict[str, Any], gold_set: dict[str, str], results: list[Result], first_run: bool
) -> dict[str, Any]:
    """The file entry of one gold set: current figures from `results` (pooled over its
    gold files), first-run figures kept from `earlier`; a set measured for the first time
    records these as its first run when `first_run` (no rule was written on it yet), else
    none (they were not kept)."""
    current = {
        metric: _round(v) for result in pooled(results) for metric, v in headline(result).items()
    }
    first = earlier.get("first_run", current if first_run else {})
    return {**gold_set, "first_run": first, "current": current}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def gold_sets() -> tuple[GoldSet, ...]:
    """The measured gold sets, as `scripts/measure.py` last wrote them."""
    data = json.loads(files("analysis").joinpath("data", ACCURACY_FILE).read_text("utf-8"))
    return tuple(
        GoldSet(
            entry["id"],
            entry["title"],
            entry["kind"],
            entry["about"],
            tuple(
                Figure(entry["id"], metric, entry["first_run"].get(metric), value)
                for metric, value in entry["current"].items()
            ),
        )
        for entry in data["gold_sets"]
    )
