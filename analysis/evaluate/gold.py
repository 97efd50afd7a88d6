"""Gold files: hand annotations of real articles (docs/annotating-*.md), read with errors
that name the file and line.
"""

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..compare.descriptions import share_descriptions
from ..corpus import MANIFEST, Article, load, read_article, read_manifest
from ..datafile import parse_toml
from ..errors import DataFileError
from ..report import Report, analyze
from ..text import Span


@dataclass(frozen=True)
class GoldArticle:
    """One annotated article: the article itself, the file's text as stored (which gold
    offsets point into), and its gold sections as written."""

    article: Article
    raw: str
    sections: dict[str, Any]
    line: int

    def text_of(self, entry: dict[str, Any], key: str, section: str) -> str:
        """A gold passage's words: `entry[key]` as written, or the file's text at
        `entry["span"]` (gold on real articles keeps article text out of the repository)."""
        if key in entry:
            return str(entry[key])
        span = entry.get("span")
        if not (isinstance(span, list) and len(span) == 2 and 0 <= span[0] < span[1]):
            raise DataFileError(
                f"article at line {self.line} ({self.article.file}), [article.{section}]: "
                f"needs `{key}` or `span = [start, end]`"
            )
        return self.raw[span[0] : span[1]]


def fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


@cache
def analyzed(article: Article) -> Report:
    """One analysis per gold article, shared by the quote and unsourced sections."""
    return analyze(article)


def story_of(item: GoldArticle) -> str:
    """The story an article's manifest note names first; "" when it names none."""
    return item.article.note.split(";", 1)[0].strip()


def analyzed_by_story(items: Sequence[GoldArticle]) -> dict[str, Report]:
    """Each article's report read beside the other articles of its story, as a reader
    selects a story in the dashboard: a person described in one article is known in all
    (compare.share_descriptions). Keyed by article file; an article with no story is
    read alone."""
    stories: dict[str, list[Article]] = defaultdict(list)
    for item in items:
        stories[story_of(item) or f"file:{item.article.file}"].append(item.article)
    return {
        report.article.file: report
        for group in stories.values()
        for report in share_descriptions([analyzed(article) for article in group])
    }


def locate(item: GoldArticle, section: str, text: str, occurrence: int = 1) -> Span:
    """The span of the `occurrence`-th match of a gold `text` in the cleaned article; spaces
    may differ (cleaning joins hard-wrapped lines and turns odd spaces into plain ones)."""
    pattern = re.compile(r"\s+".join(re.escape(word) for word in text.split()))
    matches = list(pattern.finditer(item.article.text))
    if len(matches) < occurrence or not text.split():
        raise DataFileError(
            f"article at line {item.line} ({item.article.file}), [article.{section}]: "
            f"text not found in the cleaned article: {text[:80]!r} (occurrence "
            f"{occurrence}); copy it exactly from the article"
        )
    found = matches[occurrence - 1]
    return Span(found.start(), found.end())


def read_gold(path: Path, folders: Sequence[Path] = ()) -> list[GoldArticle]:
    """The annotated articles of a gold file: taken by file name from `folders` when given,
    else from the gold file's own `base` folder (with its manifest)."""
    text = path.read_text("utf-8")
    data = parse_toml(text, str(path))
    base = (path.parent / data.get("base", ".")).resolve()
    lines = [n + 1 for n, line in enumerate(text.splitlines()) if line.strip() == "[[article]]"]
    result = []
    for index, entry in enumerate(data.get("article", [])):
        line = lines[index] if index < len(lines) else 1
        if not isinstance(entry.get("file"), str):
            raise DataFileError(f"{path}, line {line}: [[article]] needs a `file`")
        if folders:
            name = Path(entry["file"]).name
            article, raw = gold_article(name, folders, path), raw_text(name, folders, path)
        else:
            article = load(base / entry["file"])[0]
            raw = (base / entry["file"]).read_text("utf-8")
        sections: dict[str, Any] = {}
        for kind, group in entry.items():
            if kind == "frames" and isinstance(group, dict):
                sections.update({f"frames.{name}": value for name, value in group.items()})
            elif kind != "file":
                sections[kind] = group
        result.append(GoldArticle(article, raw, sections, line))
    return result


def article_path(name: str, folders: Sequence[Path], gold: Path) -> Path:
    """The article file `name` in the first of `folders` that holds it."""
    for folder in folders:
        candidate = folder / name if folder.is_dir() else folder
        if candidate.name == name and candidate.is_file():
            return candidate
    where = ", ".join(map(str, folders)) or "no folder given"
    raise DataFileError(
        f"{gold}: article {name} not found ({where}); name the folder of its articles after "
        "the gold file"
    )


def raw_text(name: str, folders: Sequence[Path], gold: Path) -> str:
    """The article file's text as stored, which gold offsets point into."""
    return article_path(name, folders, gold).read_text("utf-8")


def gold_article(name: str, folders: Sequence[Path], gold: Path) -> Article:
    """The article file `name`, loaded (cleaned) as the tool reads it, with its folder
    manifest's metadata (outlet, title, date, outlet country)."""
    path = article_path(name, folders, gold)
    manifest = path.parent / MANIFEST
    metadata = read_manifest(manifest).get(name, {}) if manifest.is_file() else {}
    return read_article(path, **metadata)
