"""Frames: which angles an article takes (money, law, security...), how strongly, and where.

A codebook (a TOML file in data/codebooks/, or any file with the same layout) lists
frames, each with cue words and phrases. A sentence carries a frame when its matched
cues weigh at least SENTENCE_MIN_WEIGHT; an article's score for a frame is the share of
its sentences that carry it, with the density of cue weight per 1,000 words beside it.
The headline and first paragraph (the lede), the outlet's narration and the quoted text
are scored separately. Every score keeps the sentences and matched words behind it.
"""

import hashlib
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, cached_property
from operator import attrgetter
from pathlib import Path
from typing import Any

from .actors import Mention, gazetteer
from .cues import (
    CueMatch,
    CueSyntaxError,
    Entry,
    Hit,
    Matcher,
    Voice,
    as_evidence,
    compile_cue,
    sentence_tokens,
    tokenize,
    voice_at,
)
from .datafile import fail, line_of, parse_toml
from .errors import DataFileError
from .language import Language, analyze_language, layer_entries
from .resources import DATA
from .sentiment import voice_pieces
from .text import Document, Span, SpanSet

BUILT_IN = ("policy", "generic")
# A sentence carries a frame when its cue weights add up to this: one full cue, or two
# weak (0.5) cues. Weak cues are words that suggest a frame only with company ("deal").
SENTENCE_MIN_WEIGHT = 1.0
# A frame is present when it is carried by at least this share of the article's
# sentences AND by at least FRAME_PRESENT_MIN_SENTENCES sentences. One sentence is a
# passing mention, which the annotation guideline (docs/annotating-frames.md) does not
# count as a frame; the share keeps a long article from collecting frames by length.
FRAME_PRESENT_SHARE = 0.05
FRAME_PRESENT_MIN_SENTENCES = 2
# ...or when a single sentence is built around it: cues weighing this much in one
# sentence (two full cues), the tool's reading of the guideline's "main point of a sentence".
FRAME_STRONG_SENTENCE_WEIGHT = 2.0
DENSITY_WORDS = 1000
# A frame's optional `countries` weight is added to every sentence naming at least this
# many different countries (from data/actors.toml): relations between states in words.
MIN_COUNTRIES = 2
COUNTRIES_CUE = "[two or more countries]"
FRAME_KEYS = {"id", "label", "definition", "questions", "cues", "negative", "countries"}
CODEBOOK_KEYS = {"id", "name", "citation", "about"}
FRAME_ID = re.compile(r"[a-z][a-z0-9_]*")
NO_QUOTES = SpanSet()  # a headline's quotation marks do not make its words quoted


@dataclass(frozen=True, slots=True)
class Cue:
    text: str
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class Frame:
    """One frame of a codebook: what it means, the questions coders ask, and its cues."""

    id: str
    label: str
    definition: str
    questions: tuple[str, ...]
    cues: tuple[Cue, ...]
    negative: tuple[str, ...]
    countries: float = 0.0


@dataclass(frozen=True)
class Codebook:
    """A list of frames read from a TOML file; `hash` identifies the exact file content."""

    id: str
    name: str
    citation: str
    about: str
    source: str
    hash: str
    frames: tuple[Frame, ...]

    @cached_property
    def matcher(self) -> Matcher:
        """One matcher for the cues of all frames and the words of the language layers, so
        each sentence is scanned once; every frame and layer is a group of its own."""
        frames = [entry for frame in self.frames for entry in _entries(frame)]
        return Matcher(frames + list(layer_entries()))

    def frame(self, frame_id: str) -> Frame:
        return next(frame for frame in self.frames if frame.id == frame_id)


@dataclass(frozen=True, slots=True)
class FrameEvidence:
    """The cues of one frame matched in one sentence; `carries` if they reach the minimum."""

    sentence: int
    carries: bool
    cues: tuple[CueMatch, ...]


@dataclass(frozen=True, slots=True)
class Lede:
    """The frame in what most readers see: the headline and the first paragraph."""

    present: bool
    headline: tuple[CueMatch, ...]
    sentences: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class FrameScore:
    frame: str
    label: str
    share: float
    density: float
    sentences: int
    present: bool
    dominant: bool
    lede: Lede
    narration_share: float | None
    quoted_share: float | None
    evidence: tuple[FrameEvidence, ...]


@dataclass(frozen=True, slots=True)
class CodebookInfo:
    id: str
    name: str
    hash: str


@dataclass(frozen=True, slots=True)
class Framing:
    """Frame scores for one article under one codebook, and its language cues."""

    codebook: CodebookInfo
    frames: tuple[FrameScore, ...]
    language: Language

    @property
    def dominant(self) -> str | None:
        return next((score.frame for score in self.frames if score.dominant), None)

    @property
    def present(self) -> tuple[str, ...]:
        return tuple(score.frame for score in self.frames if score.present)

    def by_sentence(self) -> dict[int, tuple[str, ...]]:
        """For each sentence index, the frames it carries (for reading an article line by line)."""
        carried: dict[int, list[str]] = {}
        for score in self.frames:
            for item in score.evidence:
                if item.carries:
                    carried.setdefault(item.sentence, []).append(score.frame)
        return {index: tuple(frames) for index, frames in sorted(carried.items())}

    def flat(self) -> dict[str, object]:
        """CSV columns: codebook, dominant and present frames, each frame's numbers, layers."""
        columns: dict[str, object] = {
            "codebook": self.codebook.id,
            "codebook_hash": self.codebook.hash,
            "dominant_frame": self.dominant or "",
            "frames_present": ";".join(self.present),
        }
        for score in self.frames:
            columns[f"frame_{score.frame}_share"] = score.share
            columns[f"frame_{score.frame}_density"] = score.density
            columns[f"frame_{score.frame}_present"] = score.present
            columns[f"frame_{score.frame}_lede"] = score.lede.present
        for layer in self.language.layers:
            columns[f"language_{layer.layer}"] = layer.count
        return columns


# --- codebooks ----------------------------------------------------------------------


def load_codebook(codebook: "str | Path | Codebook" = "policy") -> Codebook:
    """A built-in codebook by name ("policy", "generic"), a codebook file, or `codebook`."""
    if isinstance(codebook, Codebook):
        return codebook
    if isinstance(codebook, str) and codebook in BUILT_IN:
        return _built_in(codebook)
    path = Path(codebook)
    if not path.is_file():
        raise DataFileError(
            f"{codebook}: no such codebook; use {' or '.join(BUILT_IN)} or a path to a .toml file"
        )
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(f"{path}: cannot read codebook: {error}") from None
    return parse_codebook(text, str(path))


@cache
def _built_in(name: str) -> Codebook:
    source = f"codebooks/{name}.toml"
    return parse_codebook(DATA.joinpath(source).read_text("utf-8"), source)


def parse_codebook(text: str, source: str = "<codebook>") -> Codebook:
    """Build a Codebook from TOML text, checking every key; errors name line and key."""
    data = parse_toml(text, source)
    header = data.get("codebook")
    if not isinstance(header, dict):
        raise fail(source, 1, "[codebook]", "missing table; it needs at least `id` and `name`")
    unknown = sorted(set(header) - CODEBOOK_KEYS)
    if unknown:
        line = _key_line(text, unknown[0])
        raise fail(source, line, "[codebook]", _unknown_key(unknown[0], CODEBOOK_KEYS))
    for key in ("id", "name"):
        if not isinstance(header.get(key), str) or not header[key].strip():
            raise fail(source, _table_line(text, "codebook"), "[codebook]", f"`{key}` missing")
    raw_frames = data.get("frame")
    if not isinstance(raw_frames, list) or not raw_frames:
        raise fail(source, 1, "[[frame]]", "no frames; add at least one [[frame]] table")
    unknown = set(data) - {"codebook", "frame"}
    if unknown:
        key = sorted(unknown)[0]
        raise fail(source, _top_level_line(text, key), key, "unknown table or key")
    frames = tuple(_parse_frame(raw, n, text, source) for n, raw in enumerate(raw_frames))
    ids = [frame.id for frame in frames]
    for index, frame_id in enumerate(ids):
        if frame_id in ids[:index]:
            line = line_of(text, "frame", index, "id")
            raise fail(source, line, f"frame {frame_id!r}", "`id` used twice")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return Codebook(
        id=header["id"],
        name=header["name"],
        citation=str(header.get("citation", "")),
        about=str(header.get("about", "")),
        source=source,
        hash=digest,
        frames=frames,
    )


def _parse_frame(raw: Any, index: int, text: str, source: str) -> Frame:
    if not isinstance(raw, dict):
        raise fail(source, line_of(text, "frame", index), f"frame #{index + 1}", "not a table")
    frame_id = raw.get("id")
    if not isinstance(frame_id, str) or not FRAME_ID.fullmatch(frame_id):
        raise fail(
            source,
            line_of(text, "frame", index, "id"),
            f"frame #{index + 1}",
            "`id` must be lower-case letters, digits and _ (like `security_defense`)",
        )
    where = f"frame {frame_id!r}"
    unknown = sorted(set(raw) - FRAME_KEYS)
    if unknown:
        line = line_of(text, "frame", index, unknown[0])
        raise fail(source, line, where, _unknown_key(unknown[0], FRAME_KEYS))
    for key in ("label", "definition"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            line = line_of(text, "frame", index, key)
            raise fail(source, line, where, f"`{key}` missing or empty")
    questions = raw.get("questions", [])
    if not isinstance(questions, list) or not all(isinstance(q, str) for q in questions):
        line = line_of(text, "frame", index, "questions")
        raise fail(source, line, where, "`questions` must be a list of strings")
    raw_cues = raw.get("cues", [])
    if not isinstance(raw_cues, list):
        line = line_of(text, "frame", index, "cues")
        raise fail(source, line, where, "`cues` must be a list (it may be empty: `cues = []`)")
    cues = tuple(_parse_cue(item, index, text, source, where) for item in raw_cues)
    negative = raw.get("negative", [])
    if not isinstance(negative, list) or not all(isinstance(item, str) for item in negative):
        line = line_of(text, "frame", index, "negative")
        raise fail(source, line, where, "`negative` must be a list of strings")
    for item in negative:
        _check_cue_syntax(item, index, text, source, where, "negative")
    countries = raw.get("countries", 0.0)
    if not isinstance(countries, int | float) or isinstance(countries, bool) or countries < 0:
        line = line_of(text, "frame", index, "countries")
        raise fail(source, line, where, "`countries` must be a weight of 0 or more")
    return Frame(
        frame_id,
        raw["label"],
        raw["definition"].strip(),
        tuple(questions),
        cues,
        tuple(negative),
        float(countries),
    )


def _parse_cue(item: Any, index: int, text: str, source: str, where: str) -> Cue:
    if isinstance(item, str):
        cue = Cue(item)
    elif isinstance(item, dict) and set(item) <= {"cue", "weight"} and "cue" in item:
        weight = item.get("weight", 1.0)
        if not isinstance(weight, int | float) or isinstance(weight, bool) or weight <= 0:
            line = line_of(text, "frame", index, "cues", needle=str(item["cue"]))
            raise fail(source, line, where, f"cue {item['cue']!r}: `weight` must be above 0")
        cue = Cue(str(item["cue"]), float(weight))
    else:
        line = line_of(text, "frame", index, "cues")
        raise fail(
            source,
            line,
            where,
            f"`cues` entries are strings or {{cue = ..., weight = ...}}: {item!r}",
        )
    _check_cue_syntax(cue.text, index, text, source, where, "cues")
    return cue


def _check_cue_syntax(cue: str, index: int, text: str, source: str, where: str, key: str) -> None:
    try:
        compile_cue(cue)
    except CueSyntaxError as error:
        line = line_of(text, "frame", index, key, needle=cue)
        raise fail(source, line, f"{where} `{key}`", str(error)) from None


def _unknown_key(key: str, allowed: set[str]) -> str:
    return f"unknown key `{key}` (allowed: {', '.join(sorted(allowed))})"


def _table_line(text: str, table: str) -> int:
    return _first_line(text, rf"^\s*\[\s*{re.escape(table)}\s*\]")


def _top_level_line(text: str, key: str) -> int:
    return _first_line(text, rf"^\s*\[*\s*{re.escape(key)}\b")


def _key_line(text: str, key: str) -> int:
    return _first_line(text, rf"^\s*{re.escape(key)}\s*=")


def _first_line(text: str, pattern: str) -> int:
    regex = re.compile(pattern)
    return next((n + 1 for n, line in enumerate(text.splitlines()) if regex.match(line)), 1)


def _entries(frame: Frame) -> list[Entry]:
    entries = [Entry(cue.text, frame.id, cue.weight) for cue in frame.cues]
    return entries + [Entry(cue, frame.id, negative=True) for cue in frame.negative]


# --- scoring ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Prepared:
    """One article cut up and matched once for scoring all frames of a codebook."""

    doc: Document
    quoted: SpanSet
    hits: dict[str, dict[int, list[Hit]]]  # per frame (and layer), per sentence with hits
    headline: dict[str, tuple[CueMatch, ...]]  # per frame, its cues in the headline
    voiced: Counter[str]  # how many sentences have words in each voice
    # the sentences naming MIN_COUNTRIES or more countries: the first mention of each, voiced
    international: dict[int, tuple[tuple[Mention, Voice], ...]]


def analyze_framing(
    doc: Document,
    quoted: Sequence[Span],
    mentions: Sequence[Mention] = (),
    codebook: "str | Path | Codebook" = "policy",
    headline: str = "",
) -> Framing:
    """Score every frame of `codebook` on the article, with language cues beside them."""
    book = load_codebook(codebook)
    quoted = SpanSet(quoted)  # asked about every cue: bisection, not a scan
    hits = book.matcher.find_each(sentence_tokens(doc))
    prepared = _Prepared(
        doc=doc,
        quoted=quoted,
        hits=hits,
        headline=_headline_cues(headline, book.matcher),
        voiced=Counter(
            voice for sentence in doc.sentences for voice in _voices(doc, sentence, quoted)
        ),
        international=_international(doc, mentions, quoted),
    )
    return Framing(
        CodebookInfo(book.id, book.name, book.hash),
        _mark_dominant([_score_frame(prepared, frame) for frame in book.frames]),
        analyze_language(doc, quoted, mentions, hits),
    )


def _voices(doc: Document, sentence: Span, quoted: SpanSet) -> set[str]:
    """Which voices ('narration', 'quoted') a sentence has words in."""
    # Most sentences touch no quotation: one bisection tells, without collecting the spans.
    first = bisect_right(quoted, sentence.start, key=attrgetter("end"))
    touches = first < len(quoted) and quoted[first].start < sentence.end
    inside = quoted.overlapping(sentence) if touches else ()
    return {voice for voice, _, _ in voice_pieces(doc.text, sentence, inside)}


def _international(
    doc: Document, mentions: Sequence[Mention], quoted: SpanSet
) -> dict[int, tuple[tuple[Mention, Voice], ...]]:
    """The sentences naming at least MIN_COUNTRIES countries, with the first mention of each
    and whether it is quoted."""
    actors = gazetteer()
    first: dict[int, dict[str, Mention]] = {}
    for mention in mentions:
        actor = actors.get(mention.actor)
        if doc.sentences and actor and actor.kind == "country":
            sentence = first.setdefault(doc.sentence_at(mention.start), {})
            sentence.setdefault(mention.actor, mention)
    return {
        index: tuple((mention, voice_at(quoted, mention.start)) for mention in found.values())
        for index, found in first.items()
        if len(found) >= MIN_COUNTRIES
    }


def _score_frame(article: _Prepared, frame: Frame) -> FrameScore:
    doc = article.doc
    hits = article.hits.get(frame.id, {})
    named = article.international if frame.countries else {}
    evidence, weights = [], []
    carried_in = dict.fromkeys(("narration", "quoted"), 0)  # sentences carried by one voice
    for index in sorted(hits.keys() | named.keys()):
        cues = as_evidence(doc.text, hits.get(index, ()), article.quoted)
        cues += _country_cues(frame, named.get(index, ()))
        weights.append(_weight(cues))
        evidence.append(FrameEvidence(index, weights[-1] >= SENTENCE_MIN_WEIGHT, cues))
        for voice in _carrying_voices(cues):
            carried_in[voice] += 1
    carried = [item for item in evidence if item.carries]
    share = len(carried) / len(doc.sentences) if doc.sentences else 0.0
    words = doc.word_count
    return FrameScore(
        frame=frame.id,
        label=frame.label,
        share=round(share, 4),
        density=round(sum(weights) / words * DENSITY_WORDS, 2) if words else 0.0,
        sentences=len(carried),
        present=_is_present(share, len(carried), max(weights, default=0.0)),
        dominant=False,
        lede=_lede(article, frame, carried),
        narration_share=_voice_share(carried_in, article.voiced, "narration"),
        quoted_share=_voice_share(carried_in, article.voiced, "quoted"),
        evidence=tuple(evidence),
    )


def _country_cues(frame: Frame, countries: Sequence[tuple[Mention, Voice]]) -> tuple[CueMatch, ...]:
    """A frame's `countries` weight, shared among the names when a sentence names 2+ countries."""
    if not countries:
        return ()
    weight = round(frame.countries / len(countries), 4)
    return tuple(
        [
            CueMatch(COUNTRIES_CUE, mention.alias, mention.start, mention.end, weight, voice)
            for mention, voice in countries
        ]
    )


def _is_present(share: float, carried: int, strongest: float) -> bool:
    """Carried by enough sentences, or the main point of one (see the constants)."""
    if share >= FRAME_PRESENT_SHARE and carried >= FRAME_PRESENT_MIN_SENTENCES:
        return True
    return strongest >= FRAME_STRONG_SENTENCE_WEIGHT


def _weight(cues: Sequence[CueMatch]) -> float:
    return sum(cue.weight for cue in cues)


def _carries(cues: Sequence[CueMatch]) -> bool:
    return _weight(cues) >= SENTENCE_MIN_WEIGHT


def _carrying_voices(cues: Sequence[CueMatch]) -> list[str]:
    """The voices whose cues in one sentence weigh enough to carry the frame on their own."""
    weights: dict[str, float] = {}
    for cue in cues:
        weights[cue.voice] = weights.get(cue.voice, 0) + cue.weight
    return [voice for voice, weight in weights.items() if weight >= SENTENCE_MIN_WEIGHT]


def _voice_share(carried: dict[str, int], voiced: Counter[str], voice: Voice) -> float | None:
    """Share of the sentences with words in `voice` whose cues in that voice carry the frame."""
    return round(carried[voice] / voiced[voice], 4) if voiced[voice] else None


def _headline_cues(headline: str, matcher: Matcher) -> dict[str, tuple[CueMatch, ...]]:
    """Per group, the cues matched in the headline, in the voice of the headline."""
    return {
        group: tuple(
            replace(cue, voice="headline") for cue in as_evidence(headline, hits[0], NO_QUOTES)
        )
        for group, hits in matcher.find_each([tokenize(headline)]).items()
    }


def _lede(article: _Prepared, frame: Frame, carried: Sequence[FrameEvidence]) -> Lede:
    doc = article.doc
    in_headline = article.headline.get(frame.id, ())
    first = doc.paragraphs[0].index if doc.paragraphs else None
    sentences = tuple(
        item.sentence for item in carried if doc.sentences[item.sentence].paragraph == first
    )
    return Lede(bool(sentences) or _carries(in_headline), in_headline, sentences)


def _mark_dominant(scores: Sequence[FrameScore]) -> tuple[FrameScore, ...]:
    """The present frame with the largest share leads (ties: density, then codebook order)."""
    present = [score for score in scores if score.present]
    if not present:
        return tuple(scores)
    leader = max(present, key=lambda score: (score.share, score.density))
    return tuple(replace(score, dominant=True) if score is leader else score for score in scores)
