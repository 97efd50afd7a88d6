"""`evaluate(gold files)`: every section of every gold file, scored by its evaluator."""

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..corpus import load
from .frames import evaluate_frames
from .gold import GoldArticle, read_gold
from .quotes import evaluate_quotes
from .unsourced import evaluate_unsourced

# A gold section name -> how to score it. Frame sections are `frames.<codebook>`.
EVALUATORS: dict[str, Callable[[str, Sequence[GoldArticle]], Any]] = {
    "frames.policy": evaluate_frames,
    "frames.generic": evaluate_frames,
    "quote": evaluate_quotes,
    "unsourced": evaluate_unsourced,
}


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
