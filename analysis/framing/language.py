"""Word choice, layer by layer: hedges, factives, report verbs, loaded words, and how an
article names each actor.

Each layer is a word list in data/language.toml, counted separately with its evidence.
They are cues for discussion ("this outlet writes *claimed* where that one writes
*said*"), not verdicts, and they are never added up into one "bias score".
"""

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ..datafile import fail, line_of, parse_toml
from ..knowledge import Mention
from ..resources import DATA
from ..text import Document, Span, SpanSet, covers
from .cues import (
    CueMatch,
    CueSyntaxError,
    Entry,
    Hit,
    Matcher,
    as_evidence,
    compile_cue,
    sentence_tokens,
)

LEXICON = "language.toml"
LAYER_KEYS = {"id", "label", "about", "terms", "negative"}
PER_WORDS = 1000
GROUP_PREFIX = "language."  # before a layer id: a group in a matcher shared with frames


@dataclass(frozen=True, slots=True)
class Layer:
    id: str
    label: str
    about: str
    terms: tuple[str, ...]
    negative: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SentenceCues:
    sentence: int
    cues: tuple[CueMatch, ...]


@dataclass(frozen=True, slots=True)
class TermCount:
    term: str
    count: int


@dataclass(frozen=True, slots=True)
class LayerCount:
    """How often one layer's words occur: in all, in narration, in quotes, per 1,000 words."""

    layer: str
    label: str
    count: int
    narration: int
    quoted: int
    per_1000: float
    terms: tuple[TermCount, ...]
    evidence: tuple[SentenceCues, ...]


@dataclass(frozen=True, slots=True)
class LabelCount:
    """One way of naming an actor ("New Delhi", "the Modi government") and where it occurs."""

    label: str
    count: int
    narration: int
    quoted: int
    sentences: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class ActorLabels:
    actor: str
    name: str
    count: int
    labels: tuple[LabelCount, ...]


@dataclass(frozen=True, slots=True)
class Language:
    layers: tuple[LayerCount, ...]
    actor_labels: tuple[ActorLabels, ...]


@cache
def layers() -> tuple[Layer, ...]:
    """The word-list layers of data/language.toml, checked (errors name line and key)."""
    text = DATA.joinpath(LEXICON).read_text("utf-8")
    return parse_layers(text, LEXICON)


def parse_layers(text: str, source: str) -> tuple[Layer, ...]:
    raw_layers = parse_toml(text, source).get("layer")
    if not isinstance(raw_layers, list) or not raw_layers:
        raise fail(source, 1, "[[layer]]", "no layers")
    result = []
    for index, raw in enumerate(raw_layers):
        where = f"layer #{index + 1}"
        unknown = sorted(set(raw) - LAYER_KEYS)
        if unknown:
            raise fail(source, line_of(text, "layer", index, unknown[0]), where, "unknown key")
        for key in ("id", "label", "about"):
            if not isinstance(raw.get(key), str) or not raw[key].strip():
                raise fail(source, line_of(text, "layer", index, key), where, f"`{key}` missing")
        lists = {key: raw.get(key, []) for key in ("terms", "negative")}
        for key, terms in lists.items():
            if not isinstance(terms, list) or not all(isinstance(term, str) for term in terms):
                line = line_of(text, "layer", index, key)
                raise fail(source, line, where, f"`{key}` must be a list of strings")
            for term in terms:
                try:
                    compile_cue(term)
                except CueSyntaxError as error:
                    line = line_of(text, "layer", index, key, needle=term)
                    raise fail(source, line, f"layer {raw['id']!r}", str(error)) from None
        result.append(
            Layer(
                raw["id"],
                raw["label"],
                raw["about"].strip(),
                tuple(lists["terms"]),
                tuple(lists["negative"]),
            )
        )
    return tuple(result)


@cache
def layer_entries() -> tuple[Entry, ...]:
    """The words of all layers as matcher entries, each layer's words a group of its own.

    Framing matches them with a codebook's cues in one scan, so a layer's group is its id
    behind GROUP_PREFIX: frame ids have no `.`, and the two never mix.
    """
    return tuple(entry for layer in layers() for entry in _entries(layer))


def _entries(layer: Layer) -> list[Entry]:
    entries = [Entry(term, _group(layer)) for term in layer.terms]
    return entries + [Entry(term, _group(layer), negative=True) for term in layer.negative]


def _group(layer: Layer) -> str:
    return GROUP_PREFIX + layer.id


@cache
def _matcher() -> Matcher:
    return Matcher(layer_entries())


def analyze_language(
    doc: Document,
    quoted: Sequence[Span],
    mentions: Sequence[Mention] = (),
    hits: dict[str, dict[int, list[Hit]]] | None = None,
) -> Language:
    """Counts and evidence for every word-list layer, and the labels used for each actor.

    `hits` are the matches of `layer_entries()` in each sentence (`Matcher.find_each`) when the
    caller has them already.
    """
    if hits is None:
        hits = _matcher().find_each(sentence_tokens(doc))
    quoted = SpanSet(quoted)  # asked about every match: bisection, not a scan
    words = doc.word_count
    return Language(
        tuple(
            _count_layer(doc, layer, hits.get(_group(layer), {}), quoted, words)
            for layer in layers()
        ),
        actor_labels(doc, quoted, mentions),
    )


def _count_layer(
    doc: Document, layer: Layer, hits: dict[int, list[Hit]], quoted: SpanSet, words: int
) -> LayerCount:
    evidence = [
        SentenceCues(index, as_evidence(doc.text, found, quoted)) for index, found in hits.items()
    ]
    matches = [cue for item in evidence for cue in item.cues]
    terms = Counter(cue.cue for cue in matches)
    return LayerCount(
        layer=layer.id,
        label=layer.label,
        count=len(matches),
        narration=sum(1 for cue in matches if cue.voice == "narration"),
        quoted=sum(1 for cue in matches if cue.voice == "quoted"),
        per_1000=round(len(matches) / words * PER_WORDS, 2) if words else 0.0,
        terms=tuple(TermCount(term, n) for term, n in sorted(terms.items(), key=_by_count)),
        evidence=tuple(evidence),
    )


def actor_labels(
    doc: Document, quoted: Sequence[Span], mentions: Sequence[Mention]
) -> tuple[ActorLabels, ...]:
    """For each actor, every form the article uses to name it, counted, most used first."""
    by_actor: dict[str, dict[str, list[Mention]]] = defaultdict(lambda: defaultdict(list))
    for mention in mentions:
        by_actor[mention.actor][mention.alias].append(mention)
    result = []
    for actor_id, forms in by_actor.items():
        labels = tuple(
            sorted(
                (_label_count(doc, label, found, quoted) for label, found in forms.items()),
                key=lambda label: (-label.count, label.label),
            )
        )
        name = next(iter(forms.values()))[0].name
        result.append(ActorLabels(actor_id, name, sum(label.count for label in labels), labels))
    return tuple(sorted(result, key=lambda actor: (-actor.count, actor.actor)))


def _label_count(
    doc: Document, label: str, found: Sequence[Mention], quoted: Sequence[Span]
) -> LabelCount:
    in_quotes = sum(1 for m in found if covers(quoted, m.start))
    return LabelCount(
        label,
        len(found),
        len(found) - in_quotes,
        in_quotes,
        tuple(sorted({doc.sentence_at(m.start) for m in found})),
    )


def _by_count(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]
