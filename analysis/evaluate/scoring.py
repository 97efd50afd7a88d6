"""`evaluate(gold files)`: every section of every gold file, scored by its evaluator."""

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..datafile import parse_toml
from .actors import evaluate_actors
from .answers import evaluate_answer_keys
from .facts import evaluate_facts
from .frames import evaluate_frames
from .gold import GoldArticle, read_gold
from .quotes import evaluate_quotes
from .tone import evaluate_tone
from .unsourced import evaluate_unsourced

GOLD_SUFFIXES = (".toml", ".tsv")
# A gold section name -> how to score it. Frame sections are `frames.<codebook>`. Quotes
# are also scored as the Classroom's answer keys about sources.
EVALUATORS: dict[str, tuple[Callable[[str, Sequence[GoldArticle]], Any], ...]] = {
    "frames.policy": (evaluate_frames,),
    "frames.generic": (evaluate_frames,),
    "quote": (evaluate_quotes, evaluate_answer_keys),
    "unsourced": (evaluate_unsourced,),
}

# Sections annotated exhaustively: a gold file that has them lists every quote (every
# unsourced claim) of every article it names, so an article without one has none.
EVERY_ARTICLE = ("quote", "unsourced")


def with_section(item: GoldArticle, section: str) -> GoldArticle:
    return (
        item if section in item.sections else replace(item, sections={**item.sections, section: []})
    )


def evaluate(paths: Sequence[Path], folders: Sequence[Path] = ()) -> list[Any]:
    """Every section of every gold file, scored. With `folders`, the annotated articles are
    taken from there by file name (gold on real articles names its files only)."""
    results: list[Any] = []
    for path in paths:
        if path.suffix == ".tsv" and path.read_text("utf-8").find("file\tstart\tend\ttone") >= 0:
            results.append(evaluate_tone(path, folders))
        elif path.suffix == ".tsv":
            results.append(evaluate_facts(path, folders))
        elif "story" in parse_toml(path.read_text("utf-8"), str(path)):
            results.append(evaluate_actors(path, folders))
        else:
            gold = read_gold(path, folders)
            found = sorted({section for item in gold for section in item.sections})
            for section in found:
                if section in EVERY_ARTICLE:  # an article listed without any is annotated
                    annotated = [with_section(item, section) for item in gold]
                else:
                    annotated = [item for item in gold if section in item.sections]
                for evaluator in EVALUATORS.get(section, ()):
                    results.append(evaluator(section, annotated))
    return results
