"""The story finder's JSON (`{"stories": [{"id", "label", "articles": [{"file" or "id"}]}]}`)
as a map from article file name and id to story, and that map applied to summaries."""

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import InputError

MAX_STORIES_BYTES = 200_000_000  # a finder's output for millions of articles fits


def read_stories(path: str | Path) -> dict[str, str]:
    """Article file name or id -> story label (`label (id)` where two stories share a
    label). An article listed in two stories belongs to the first."""
    path = Path(path)
    where = str(path)
    if not path.is_file():
        raise InputError(where, "no such stories file")
    if path.stat().st_size > MAX_STORIES_BYTES:
        raise InputError(where, f"larger than {MAX_STORIES_BYTES:,} bytes; not a stories file")
    try:
        data = json.loads(path.read_text("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(where, "not UTF-8 text; expected the story finder's JSON") from None
    except json.JSONDecodeError as error:
        raise InputError(
            where, f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    except RecursionError:
        raise InputError(where, "nested too deeply to be a stories file") from None
    stories = data.get("stories") if isinstance(data, dict) else None
    if not isinstance(stories, list):
        raise InputError(where, 'expected {"stories": [...]} as the story finder writes it')
    labels = [_label(where, number, story) for number, story in enumerate(stories)]
    repeated = {label for label in labels if labels.count(label) > 1}
    mapping: dict[str, str] = {}
    for number, (story, label) in enumerate(zip(stories, labels, strict=True)):
        name = f"{label} ({story['id']})" if label in repeated else label
        for key in _article_keys(where, number, story):
            mapping.setdefault(key, name)
    return mapping


def _label(where: str, number: int, story: Any) -> str:
    if not isinstance(story, dict) or "id" not in story:
        raise InputError(where, f'stories[{number}]: expected an object with an "id"')
    label = story.get("label") or story["id"]
    return str(label).strip() or str(story["id"])


def _article_keys(where: str, number: int, story: dict[str, Any]) -> list[str]:
    articles = story.get("articles", [])
    if not isinstance(articles, list):
        raise InputError(where, f"stories[{number}].articles: expected a list")
    keys = []
    for place, article in enumerate(articles):
        key = article.get("file") or article.get("id") if isinstance(article, dict) else None
        if not isinstance(key, str) or not key.strip():
            raise InputError(
                where,
                f'stories[{number}].articles[{place}]: expected an object with "file" or "id"',
            )
        keys.append(Path(key.strip()).name if article.get("file") else key.strip())
    return keys


def assign_stories(summaries: pd.DataFrame, stories: Mapping[str, str]) -> pd.DataFrame:
    """The summaries with each article's story from the map, joined on file name, then
    id; an article the map does not list keeps the story its input gave (if any)."""
    if not stories:
        return summaries
    names = summaries["file"].map(lambda file: Path(file).name if file else "")
    found = names.map(stories).fillna(summaries["id"].map(stories))
    return summaries.assign(story=found.fillna(summaries["story"]).astype("string").fillna(""))
