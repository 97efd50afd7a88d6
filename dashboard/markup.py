"""The dashboard's own HTML: article text with its evidence layers, and outlet cards.

User text is always escaped with `html.escape` first and only then wrapped in markup
whose tags, classes and styles come from this module (hover titles escaped too), so
nothing a user pastes can become markup.
"""

import html
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from analysis import Report

from .charts import SPEAKER_TYPE_COLOURS
from .evidence import Behind
from .tables import LENS_FIELD, Lens

# Layers a reader can switch on, as shown on the Read page.
LAYERS = {
    "quotes": "Quotes by speaker type",
    "frames": "Frame cues",
    "language": "Hedges, loaded words…",
    "mentions": "Actor mentions",
    "words": "Words TextBlob scored",
    "tone": "Sentence tone",
    "removed": "Removed boilerplate",
}
MARKDOWN_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")
# Where Streamlit's markdown would turn text into a link: `scheme://`, `www.`, `name@`.
AUTOLINK = re.compile(r"(?<=:)(?=//)|(?<=www)(?=\.)|(?=@)", re.IGNORECASE)
WORD_JOINER = "\u2060"
DEFAULT_LAYERS = ("quotes", "mentions", "tone", "removed")
TINT_ALPHA_MAX = 0.45  # strongest sentence shading, reached at |tone| >= TINT_FULL
TINT_FULL = 0.5
POSITIVE_RGB = "33, 102, 172"  # the blue and red ends of the charts' RdBu scale
NEGATIVE_RGB = "178, 24, 43"

STYLE = """
<style>
.article {font-family: Georgia, 'Times New Roman', serif; font-size: 1.02rem;
  line-height: 1.65; color: #1f1f1f; max-width: 46rem;}
.article p {margin: 0 0 0.9em 0;}
.article .s {border-radius: 3px; padding: 1px 0;}
.article .s.chosen {outline: 2px solid #222; outline-offset: 1px;}
.article .q {border-bottom: 2px solid var(--qc); background: var(--qb);}
.article .qi {border-bottom: 2px dashed var(--qc);}
.article .u {outline: 1px dashed #888; outline-offset: 1px;}
.article .f {box-shadow: inset 0 -4px 0 rgba(148, 103, 189, 0.75);}
.article .l {color: #a63603; font-style: italic;}
.article .m {font-weight: 700; border-bottom: 1px dotted #555;}
.article .w {text-decoration: underline wavy #009E73; text-underline-offset: 3px;}
.article .removed {color: #9a9a9a; background: #f4f4f4; font-family: sans-serif;
  font-size: 0.85rem; padding: 2px 6px; border-left: 3px solid #ccc;}
.article .removed .why {font-style: italic;}
.legend span {margin-right: 1.2em; font-size: 0.9rem;}
.legend {line-height: 2.2;}
.quote {border-left: 4px solid var(--qc); background: var(--qb); padding: 0.4rem 0.7rem;
  margin: 0 0 0.6rem 0; font-family: Georgia, serif; line-height: 1.5;}
.quote .how, .evidence .how {font-family: sans-serif; font-size: 0.8rem; color: #555;}
.evidence {border-left: 3px solid #ccc; padding: 0.2rem 0.7rem; margin: 0 0 0.6rem 0;}
.cards {display: grid; grid-template-columns: repeat(auto-fit, minmax(10.5rem, 1fr)); gap: 0.8rem;}
.card {border: 1px solid #e6e6e6; border-top: 6px solid var(--c); border-radius: 6px;
  padding: 0.6rem 0.8rem; font-family: 'Source Sans Pro', sans-serif; background: white;}
.card .outlet {font-weight: 700; font-size: 1.15rem;}
.card .title {font-size: 0.92rem; color: #333; margin: 0.2rem 0 0.35rem 0; line-height: 1.3;}
.card .meta {font-size: 0.82rem; color: #666;}
.card .num {font-size: 1.35rem; font-weight: 600; margin-top: 0.4rem;}
.card .ci {font-size: 0.8rem; color: #666;}
.card .row {font-size: 0.88rem; margin-top: 0.25rem;}
</style>
"""

# Every page: on a screen narrower than 1100 px (a 1024×768 projector) the main column
# keeps its width for the content instead of Streamlit's wide side padding, and a screen
# 768 px tall its height.
SCREEN_STYLE = """
<style>
@media (max-width: 1099px) {
  [data-testid="stMainBlockContainer"] { padding-left: 1.5rem; padding-right: 1.5rem; }
}
@media (max-height: 800px) {  /* 768 px tall: the first screen shows the content */
  [data-testid="stMainBlockContainer"] { padding-top: 4rem; }
}
</style>
"""


def _rgba(colour: str, alpha: float) -> str:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red}, {green}, {blue}, {alpha})"


# Quote colours per speaker type, the same as the source-mix charts'.
STYLE = STYLE.replace(
    "</style>",
    "".join(
        f".t-{kind} {{--qc: {colour}; --qb: {_rgba(colour, 0.3)};}}\n"
        for kind, colour in {**SPEAKER_TYPE_COLOURS, "none": "#999999"}.items()
    )
    + "</style>",
)


@dataclass(frozen=True)
class Mark:
    """A stretch of text on one layer, with its CSS class and hover note."""

    start: int
    end: int
    css: str
    note: str


@dataclass(frozen=True)
class Shade:
    """A sentence with its background colour and hover note."""

    start: int
    end: int
    index: int
    colour: str
    note: str


def tint(tone: float | None) -> str:
    """Background for a sentence: blue for positive tone, red for negative, stronger
    with size; none for neutral."""
    if not tone:
        return "transparent"
    alpha = TINT_ALPHA_MAX * min(1.0, abs(tone) / TINT_FULL)
    return f"rgba({POSITIVE_RGB if tone > 0 else NEGATIVE_RGB}, {alpha:.2f})"


def _speaker_css(speaker_type: str | None) -> str:
    return f"t-{speaker_type}" if speaker_type in SPEAKER_TYPE_COLOURS else "t-none"


def quote_marks(report: Report) -> list[Mark]:
    """Quotes coloured by speaker type (reported speech dashed), and unsourced claims."""
    marks = []
    for quote in report.sources.quotes:
        css = "qi" if quote.kind == "indirect" else "q"
        who = quote.speaker or "speaker not found"
        kind = f"{quote.speaker_type or 'unknown'} · {quote.kind} quote"
        cue = f" · “{quote.cue}”" if quote.cue else ""
        marks.append(
            Mark(
                quote.start,
                quote.end,
                f"{css} {_speaker_css(quote.speaker_type)}",
                f"{who} ({kind}{cue})",
            )
        )
    marks += [
        Mark(u.start, u.end, "u", f"claim attributed to nobody in particular ({u.kind})")
        for u in report.sources.unsourced
    ]
    return marks


def frame_marks(report: Report, frame: str | None = None) -> list[Mark]:
    """Cue words of every frame (or of `frame` only), with the frame and whether the
    sentence carries it."""
    return [
        Mark(
            cue.start,
            cue.end,
            "f",
            f"{score.label} frame: “{cue.text}”"
            + (f" {cue.cue}" if cue.cue.startswith("[") else "")
            + ("" if evidence.carries else " (too weak alone to carry the sentence)"),
        )
        for score in report.framing.frames
        if frame in (None, score.frame)
        for evidence in score.evidence
        for cue in evidence.cues
    ]


def language_marks(report: Report) -> list[Mark]:
    """Hedges, loaded words, intensifiers and the other language layers."""
    return [
        Mark(cue.start, cue.end, "l", f"{layer.label}: “{cue.text}”")
        for layer in report.framing.language.layers
        for evidence in layer.evidence
        for cue in evidence.cues
    ]


def mention_marks(report: Report, actors: Collection[str] | None = None) -> list[Mark]:
    """Mentions of every actor (or of the actors with these ids only)."""
    return [
        Mark(m.start, m.end, "m", f"mentions {m.name}")
        for m in report.mentions
        if actors is None or m.actor in actors
    ]


def word_marks(report: Report) -> list[Mark]:
    """TextBlob's scored words, found again in their sentence (TextBlob gives no offsets)."""
    marks = []
    for tone in report.sentiment.sentences:
        sentence = report.document.sentences[tone.sentence]
        for assessment in tone.assessments:
            word = assessment.words[-1]
            pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
            found = pattern.search(report.document.text, sentence.start, sentence.end)
            if found:
                note = (
                    f"{' '.join(assessment.words)}: polarity {assessment.polarity:+.2f}, "
                    f"subjectivity {assessment.subjectivity:.2f}"
                )
                marks.append(Mark(found.start(), found.end(), "w", note))
    return marks


MARKERS = {
    "quotes": quote_marks,
    "frames": frame_marks,
    "language": language_marks,
    "mentions": mention_marks,
    "words": word_marks,
}


def article_html(
    report: Report, layers: Iterable[str], lens: Lens = "News", chosen: int | None = None
) -> str:
    """The article's text as escaped HTML with the chosen layers drawn in."""
    layers = set(layers)
    field = LENS_FIELD[lens]
    shades = [
        Shade(
            s.start,
            s.end,
            s.index,
            tint(getattr(tone, field)) if "tone" in layers else "transparent",
            f"sentence {s.index + 1}: {lens} tone {getattr(tone, field):+.2f}",
        )
        for s, tone in zip(report.document.sentences, report.sentiment.sentences, strict=True)
    ]
    marks = [mark for layer in MARKERS if layer in layers for mark in MARKERS[layer](report)]
    removed = report.article.removed if "removed" in layers else ()
    return render(report.document.text, report.document.paragraphs, shades, marks, removed, chosen)


def render(text, paragraphs, shades: Sequence[Shade], marks: Sequence[Mark], removed, chosen):
    """Paragraphs of sentences of marked pieces; removed pieces where they stood. Each
    paragraph, sentence and mark is visited a bounded number of times: linear in the
    article's length, so a long article opens as fast as it was analysed."""
    out = ['<div class="article">']
    pending = sorted(removed, key=lambda r: r.at)
    shades = sorted(shades, key=lambda shade: shade.start)
    marks_of = _overlapping(shades, marks)
    first = 0  # the first shade that may reach into the current paragraph
    for paragraph in paragraphs:
        while pending and pending[0].at <= paragraph.start:
            out.append(_removed(pending.pop(0)))
        out.append("<p>")
        position = paragraph.start
        while first < len(shades) and shades[first].end <= paragraph.start:
            first += 1
        index = first
        while index < len(shades) and shades[index].start < paragraph.end:
            shade = shades[index]
            out.append(_escape(text[position : shade.start]))
            chosen_css = " chosen" if shade.index == chosen else ""
            out.append(
                f'<span class="s{chosen_css}" style="background:{shade.colour}" '
                f'title="{_attr(shade.note)}">'
            )
            out.append(_pieces(text, shade.start, shade.end, marks_of[index]))
            out.append("</span>")
            position = shade.end
            index += 1
        out.append(_escape(text[position : paragraph.end]))
        out.append("</p>")
    out += [_removed(piece) for piece in pending]
    out.append("</div>")
    return "".join(out)


def sentences_html(
    report: Report, indices: Iterable[int], marks: Sequence[Mark], lens: Lens = "News"
) -> str:
    """The sentences behind a number, each with its tone and the evidence `marks` drawn in."""
    field = LENS_FIELD[lens]
    text = report.document.text
    chosen = [report.document.sentences[index] for index in indices]
    in_order = sorted(range(len(chosen)), key=lambda i: chosen[i].start)
    marks_of = dict(zip(in_order, _overlapping([chosen[i] for i in in_order], marks), strict=True))
    items = []
    for position, sentence in enumerate(chosen):
        tone = getattr(report.sentiment.sentences[sentence.index], field)
        pieces = _pieces(text, sentence.start, sentence.end, marks_of[position])
        items.append(
            f'<div class="evidence"><div class="how">sentence {sentence.index + 1} · {lens} '
            f"tone {tone:+.2f}</div>{pieces}</div>"
        )
    return f'<div class="article">{"".join(items)}</div>'


def _overlapping(spans: Sequence[Any], marks: Sequence[Mark]) -> list[list[Mark]]:
    """For each span (sorted by start), the marks that overlap it, in the marks' order: one
    pass over both, keeping open only the marks that can still reach a later span."""
    ordered = sorted(range(len(marks)), key=lambda i: marks[i].start)
    result: list[list[Mark]] = []
    open_marks: list[int] = []
    next_mark = 0
    for span in spans:
        while next_mark < len(ordered) and marks[ordered[next_mark]].start < span.end:
            open_marks.append(ordered[next_mark])
            next_mark += 1
        open_marks = [i for i in open_marks if marks[i].end > span.start]
        result.append([marks[i] for i in sorted(open_marks) if marks[i].start < span.end])
    return result


def _pieces(text: str, start: int, end: int, marks: Sequence[Mark]) -> str:
    """The text from start to end, cut where marks begin and end, each piece wrapped in
    the marks over it (a sweep over the cuts: linear in the pieces and their marks)."""
    inside = [m for m in marks if m.start < end and m.end > start and m.start < m.end]
    opening: dict[int, list[int]] = {}
    closing: dict[int, list[int]] = {}
    for number, mark in enumerate(inside):
        opening.setdefault(max(mark.start, start), []).append(number)
        closing.setdefault(min(mark.end, end), []).append(number)
    cuts = sorted({start, end} | set(opening) | set(closing))
    active: set[int] = set()
    out = []
    for left, right in pairwise(cuts):
        active.difference_update(closing.get(left, ()))
        active.update(opening.get(left, ()))
        piece = _escape(text[left:right])
        if not active:
            out.append(piece)
            continue
        over = [inside[number] for number in sorted(active)]
        css = " ".join(sorted({m.css for m in over}))
        note = " · ".join(dict.fromkeys(m.note for m in over))
        out.append(f'<span class="{css}" title="{_attr(note)}">{piece}</span>')
    return "".join(out)


def _removed(piece) -> str:
    return (
        f'<p class="removed" title="removed before analysis">{_escape(piece.text)} '
        f'<span class="why">— removed: {_escape(piece.reason)}</span></p>'
    )


def md_escape(text: str) -> str:
    """User text for Streamlit markdown: every ASCII punctuation mark backslash-escaped,
    so no link, emphasis, :colour[...] or :icon: directive can form; and an invisible
    word joiner inside web and mail addresses, which Streamlit links even when escaped."""
    return MARKDOWN_PUNCTUATION.sub(r"\\\g<0>", AUTOLINK.sub(WORD_JOINER, text))


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def _attr(text: str) -> str:
    return html.escape(text, quote=True)


def legend(layers: Iterable[str]) -> str:
    """A one-line key to the layers that are switched on."""
    quotes = "".join(f'<span class="q t-{kind}">{kind}</span>' for kind in SPEAKER_TYPE_COLOURS)
    keys = {
        "quotes": (
            f'quoted: {quotes}<span class="q t-none">speaker not found</span>'
            '<span class="qi t-official">reported speech</span>'
            '<span class="u">unsourced claim</span>'
        ),
        "frames": '<span class="f">frame cue</span>',
        "language": '<span class="l">hedge, loaded word…</span>',
        "mentions": '<span class="m">actor mention</span>',
        "words": '<span class="w">word TextBlob scored</span>',
        "tone": (
            f'<span style="background:{tint(0.4)}">positive sentence</span>'
            f'<span style="background:{tint(-0.4)}">negative sentence</span>'
        ),
        "removed": '<span class="removed">removed boilerplate</span>',
    }
    chosen = [keys[layer] for layer in LAYERS if layer in set(layers)]
    return f'<div class="article legend">{"".join(chosen)}</div>' if chosen else ""


def _signed(value: float | None) -> str:
    return "–" if value is None or value != value else f"{value:+.2f}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _named(share: float | None) -> str:
    return "" if share is None or share != share else f" · {share:.0%} named"


def headline_cards(rows: Iterable[dict], colours: dict[str, str], lens: str) -> str:
    """One card per outlet (rows from `tables.headline_table`): who, what, headline numbers."""
    cards = []
    for row in rows:
        meta = " · ".join(
            part for part in (row["date"], f"{row['words']:,} words", row["outlet_country"]) if part
        )
        interval = (
            f"90% interval {_signed(row['tone_low'])} … {_signed(row['tone_high'])}"
            if row["tone_low"] is not None and row["tone_low"] == row["tone_low"]
            else "no interval"
        )
        cards.append(
            f'<div class="card" style="--c:{colours[row["outlet"]]}">'
            f'<div class="outlet">{_escape(row["outlet"])}</div>'
            f'<div class="title">{_escape(row["title"] or "(no title)")}</div>'
            f'<div class="meta">{_escape(meta)}</div>'
            f'<div class="num" title="mean {lens} tone of its sentences">'
            f'{_signed(row["tone"])} <span class="ci">tone ({lens})</span></div>'
            f'<div class="ci">{interval}</div>'
            f'<div class="row">subjectivity {row["subjectivity"]:.2f} '
            f'<span class="ci">({_signed(row["subjectivity_low"])[1:]} … '
            f"{_signed(row['subjectivity_high'])[1:]})</span></div>"
            f'<div class="row">{_count(row["voices"], "voice")} · {_count(row["quotes"], "quote")}'
            f"{_named(row['named_share'])}</div>"
            f'<div class="row">{_escape(", ".join(row["speaker_types"]) or "nobody quoted")}'
            "</div>"
            f'<div class="row">frame: <b>{_escape(row["dominant_frame"] or "none dominant")}'
            "</b></div>"
            "</div>"
        )
    return f'<div class="cards">{"".join(cards)}</div>'


def quote_list(rows: Iterable[dict], speaker_type: str | None) -> str:
    """A speaker's quotes in one outlet (rows from `tables.quotes_of`), escaped."""
    css = _speaker_css(speaker_type)
    return "".join(
        f'<div class="quote {css}"><div class="how">sentence {row["sentence"]} · '
        f"{_escape(row['kind'])}{' · “' + _escape(row['verb']) + '”' if row['verb'] else ''}"
        f"</div>{_escape(row['quote'])}</div>"
        for row in rows
    )


def news_word_marks(report: Report) -> list[Mark]:
    """The words that moved the news lens, with the weight each counted for."""
    return [
        Mark(word.start, word.end, "w", f"{word.text}: {word.weight:+.2f} ({word.source})")
        for tone in report.sentiment.sentences
        for word in tone.words
    ]


def evidence_marks(behind: Behind, report: Report, lens: Lens = "News") -> list[Mark]:
    """The marks a clicked element's sentences are drawn with: the frame's cues, the
    actors' mentions, the words the lens scored or the quotes, as the Read page draws
    them."""
    if behind.layer == "frame":
        return frame_marks(report, behind.keys[0])
    if behind.layer == "mentions":
        return mention_marks(report, set(behind.keys))
    if behind.layer == "words":
        return news_word_marks(report) if lens == "News" else word_marks(report)
    if behind.layer == "quotes":
        return quote_marks(report)
    return []


def evidence_html(behind: Behind, report: Report, lens: Lens = "News") -> str:
    """The sentences behind a clicked element with their marks, or its quotes, each in
    its speaker type's colour; escaped like every other piece of text here."""
    if behind.quotes:
        quotes = [report.sources.quotes[i] for i in behind.quotes]
        return "".join(
            quote_list(
                [
                    {
                        "sentence": q.sentence + 1,
                        "kind": f"{q.kind} · {q.speaker or 'speaker not found'}",
                        "verb": q.cue,
                        "quote": q.text,
                    }
                ],
                q.speaker_type,
            )
            for q in quotes
        )
    return sentences_html(report, behind.sentences, evidence_marks(behind, report, lens), lens)
