"""Gold files: hand annotations of real articles (docs/annotating-*.md), read with errors
that name the file and line.
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..corpus import Article, load
from ..datafile import parse_toml
from ..errors import DataFileError
from ..report import Report, analyze
from ..text import Span

GOLD = Path(__file__).resolve().parents[2] / "tests" / "gold"


@dataclass(frozen=True)
class GoldArticle:
    """One annotated article: the article itself and its gold sections as written."""

    article: Article
    sections: dict[str, Any]
    line: int


def fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


@cache
def analyzed(article: Article) -> Report:
    """One analysis per gold article, shared by the quote and unsourced sections."""
    return analyze(article)


def locate(item: GoldArticle, section: str, text: str, occurrence: int = 1) -> Span:
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
