"""`analyze(article) -> Report`: every layer of analysis for one article, and its JSON form."""

import dataclasses
import math
import types
import typing
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, cast

from .corpus import Article, InputWarning, make_article, with_language
from .framing import Codebook, Framing, analyze_framing, load_codebook
from .knowledge import Knowledge, Mention, find_mentions, load_knowledge
from .resources import package_digest
from .sentiment import Sentiment, analyze_sentiment
from .sources import Sources, analyze_sources
from .text import Document, segment

SCHEMA_VERSION = 1
# Identifies the analyzers' behaviour for cached reports: a hash of the package's code and
# data, so any change to an analyzer, lexicon or codebook invalidates the cache by itself.
ANALYZER_VERSION = f"{SCHEMA_VERSION}.{package_digest()}"


@dataclass(frozen=True)
class Report:
    """What the analyzers found in one article; every score points back into `article.text`."""

    article: Article
    document: Document
    mentions: tuple[Mention, ...]
    sources: Sources
    sentiment: Sentiment
    framing: Framing

    @property
    def words(self) -> int:
        return self.document.word_count

    @property
    def warnings(self) -> tuple[InputWarning, ...]:
        """What a reader must know before trusting the numbers (shown with the report)."""
        return self.article.warnings + unclosed_quote_warnings(self.document)

    def to_dict(self) -> dict[str, Any]:
        """The article's entry in the JSON report (see docs/schema.md)."""
        article = self.article
        return {
            "id": article.id,
            "file": article.file,
            "outlet": article.outlet,
            "title": article.title,
            "date": article.date,
            "url": article.url,
            "outlet_country": article.outlet_country,
            "text": article.text,
            "lang": article.lang,
            "warnings": as_json(self.warnings),
            "words": self.words,
            "paragraphs": [{"start": p.start, "end": p.end} for p in self.document.paragraphs],
            "sentences": [
                {"start": s.start, "end": s.end, "paragraph": s.paragraph}
                for s in self.document.sentences
            ],
            "removed": as_json(article.removed),
            "mentions": as_json(self.mentions),
            "quotes": as_json(self.sources.quotes),
            "speakers": as_json(self.sources.speakers),
            "unsourced": as_json(self.sources.unsourced),
            "source_mix": as_json(self.sources.source_mix),
            "sentiment": as_json(self.sentiment),
            "codebook": as_json(self.framing.codebook),
            "frames": as_json(self.framing.frames),
            "language": as_json(self.framing.language),
        }


def analyze(
    article: Article | str,
    codebook: str | Path | Codebook = "policy",
    knowledge: str | Path | Knowledge | None = None,
) -> Report:
    """Analyse one article (or a bare text) into a Report.

    `codebook` is "policy", "generic", a path to a codebook file, or a loaded Codebook;
    `knowledge` a knowledge pack folder (added to the built-in pack) or a loaded pack.
    """
    if isinstance(article, str):
        article = make_article(article)
    if not article.lang:  # built directly or read from the store
        article = with_language(article)
    document = segment(article.text)
    mentions = find_mentions(article.text, load_knowledge(knowledge))
    sources = analyze_sources(document, mentions, outlet_country=article.outlet_country)
    return Report(
        article=article,
        document=document,
        mentions=mentions,
        sources=sources,
        sentiment=analyze_sentiment(document, sources.quoted_spans, mentions),
        framing=analyze_framing(
            document,
            sources.quoted_spans,
            mentions,
            load_codebook(codebook),
            headline=article.title,
        ),
    )


def settings_key(codebook: Codebook, knowledge: Knowledge | None = None) -> str:
    """What besides the text decides a report: the codebook, and a knowledge pack other
    than the built-in one (the report cache's key, with ANALYZER_VERSION)."""
    if knowledge is None or knowledge.source == "built-in":
        return codebook.hash
    return f"{codebook.hash}+{knowledge.digest}"


def unclosed_quote_warnings(document: Document) -> tuple[InputWarning, ...]:
    """A warning when quotation marks are unbalanced: each unclosed quote was taken to run
    to the end of its paragraph, which may count narration as quoted."""
    unclosed = [q for q in document.quotations if not q.closed]
    if not unclosed:
        return ()
    where = ", ".join(str(document.sentence_at(q.start) + 1) for q in unclosed[:5])
    more = " …" if len(unclosed) > 5 else ""
    return (
        InputWarning(
            "quotes",
            f"{len(unclosed)} quotation mark(s) never closed (sentence {where}{more}); each such "
            "quote was taken to run to the end of its paragraph",
        ),
    )


def as_json(value: Any) -> Any:
    """Dataclasses, tuples and lists to plain JSON values, field names kept. A number that
    is not finite becomes null: the report is strict JSON, which has no NaN or Infinity."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, (list, tuple)):
        return [as_json(item) for item in value]
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    cls: type = type(value)  # as `type`: mypy takes a type[X] for unhashable (mypy#11470)
    names = _field_names(cls)
    if names is None:
        return value
    return {name: as_json(getattr(value, name)) for name in names}


def report_from_dict(article: Article, data: dict[str, Any]) -> Report:
    """The Report whose JSON form (`to_dict`) is `data`, for `article`: how a cached report
    is read back instead of analysing the text again. Sentences are found again (cheap)."""
    if not article.lang:
        article = with_language(article)
    return Report(
        article=article,
        document=segment(article.text),
        mentions=from_json(tuple[Mention, ...], data["mentions"]),
        sources=_from_fields(Sources, data),
        sentiment=from_json(Sentiment, data["sentiment"]),
        framing=_from_fields(Framing, data),
    )


def _from_fields(cls: type, data: dict[str, Any]) -> Any:
    """A layer whose fields are keys of the report's JSON form itself (sources, framing)."""
    return cls(**{name: from_json(hint, data[name]) for name, hint in _init_hints(cls).items()})


def from_json(hint: Any, value: Any) -> Any:
    """`as_json` undone: a JSON value as the type `hint` (dataclasses, tuples, unions of
    one type with None); anything else is taken as it is."""
    if value is None:
        return None
    if dataclasses.is_dataclass(hint):
        cls = cast(type, hint)  # a dataclass itself, never an instance: hints are types
        return cls(
            **{name: from_json(kind, value[name]) for name, kind in _init_hints(cls).items()}
        )
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is tuple and args[-1:] == (Ellipsis,):
        return tuple(from_json(args[0], item) for item in value)
    if origin is tuple:
        return tuple(from_json(kind, item) for kind, item in zip(args, value, strict=True))
    if origin in (typing.Union, types.UnionType):
        kinds = [kind for kind in args if kind is not type(None)]
        return from_json(kinds[0], value) if len(kinds) == 1 else value
    if origin is dict:
        return {key: from_json(args[1], item) for key, item in value.items()}
    return value


@cache
def _init_hints(cls: type) -> dict[str, Any]:
    """The resolved types of a dataclass's constructor arguments."""
    hints = typing.get_type_hints(cls)
    return {field.name: hints[field.name] for field in dataclasses.fields(cls) if field.init}


@cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    """A dataclass's field names, looked up once per class (reports hold thousands)."""
    if not dataclasses.is_dataclass(cls):
        return None
    return tuple(field.name for field in dataclasses.fields(cls))
