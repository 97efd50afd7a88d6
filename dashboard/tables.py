"""Reports as tidy DataFrames, one row per outlet (or per sentence, actor, country).

Pure reshaping of what `analysis` computed, so charts and tables share one source and
can be tested without Streamlit. Nothing here scores text.
"""

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Literal

import pandas as pd

from analysis import Article, Report
from analysis.actors import gazetteer

Lens = Literal["TextBlob", "VADER"]
LENSES: tuple[Lens, ...] = ("TextBlob", "VADER")
# Field names of the tone scores each lens reads (Sentiment, ToneSummary, SentenceTone).
LENS_FIELD = {"TextBlob": "polarity", "VADER": "vader"}
MAX_LABEL = 28


def article_labels(articles: Sequence[Article]) -> dict[str, str]:
    """A short unique name per article id: the outlet, told apart by date or number."""
    base = {a.id: (a.outlet or a.title or a.id)[:MAX_LABEL] for a in articles}
    counts = Counter(base.values())
    labels: dict[str, str] = {}
    for article in articles:
        label = base[article.id]
        if counts[label] > 1:
            label = f"{label} ({article.date or article.id[:6]})"
        while label in labels.values():
            label += "′"
        labels[article.id] = label
    return labels


def _interval(ci: tuple[float, float] | None) -> tuple[float | None, float | None]:
    return ci if ci is not None else (None, None)


def _tone(summary, lens: Lens) -> tuple[float | None, float | None, float | None]:
    field = LENS_FIELD[lens]
    return (getattr(summary, field), *_interval(getattr(summary, f"{field}_ci")))


def headline_table(reports: Sequence[Report], labels: Mapping[str, str], lens: Lens):
    """One row per article: metadata and headline numbers."""
    rows = []
    for report in reports:
        article, tone = report.article, report.sentiment
        value, low, high = _tone(tone, lens)
        rows.append(
            {
                "outlet": labels[article.id],
                "title": article.title,
                "date": article.date,
                "outlet_country": article.outlet_country,
                "words": report.words,
                "sentences": len(report.document.sentences),
                "quotations": len(report.document.quotations),
                "tone": value,
                "tone_low": low,
                "tone_high": high,
                "subjectivity": tone.subjectivity,
                "subjectivity_low": _interval(tone.subjectivity_ci)[0],
                "subjectivity_high": _interval(tone.subjectivity_ci)[1],
            }
        )
    return pd.DataFrame(rows)


def voice_table(reports: Sequence[Report], labels: Mapping[str, str], lens: Lens):
    """Tone of narration and of quoted text per outlet, each with its interval and size."""
    rows = []
    for report in reports:
        for voice in ("narration", "quoted"):
            summary = getattr(report.sentiment, voice)
            value, low, high = _tone(summary, lens)
            rows.append(
                {
                    "outlet": labels[report.article.id],
                    "voice": voice,
                    "tone": value,
                    "low": low,
                    "high": high,
                    "n": summary.n,
                }
            )
    return pd.DataFrame(rows, columns=["outlet", "voice", "tone", "low", "high", "n"])


def actor_tone_table(reports: Sequence[Report], labels: Mapping[str, str], lens: Lens):
    """Tone of the sentences mentioning each actor, per outlet, with the sentence count."""
    field = LENS_FIELD[lens]
    rows = [
        {
            "outlet": labels[report.article.id],
            "actor": actor.name,
            "tone": getattr(actor, field),
            "sentences": len(actor.sentences),
        }
        for report in reports
        for actor in report.sentiment.toward
    ]
    return pd.DataFrame(rows, columns=["outlet", "actor", "tone", "sentences"])


def sentence_table(report: Report, lens: Lens, label: str = ""):
    """One row per sentence: position through the article, tone, voice and text."""
    field = LENS_FIELD[lens]
    count = max(1, len(report.document.sentences))
    rows = []
    for tone in report.sentiment.sentences:
        rows.append(
            {
                "outlet": label,
                "sentence": tone.sentence + 1,
                "position": round(100 * (tone.sentence + 0.5) / count, 2),
                "tone": getattr(tone, field),
                "polarity": tone.polarity,
                "subjectivity": tone.subjectivity,
                "vader": tone.vader,
                "quoted_share": tone.quoted_share,
                "voice": "quoted" if tone.quoted_share >= 0.5 else "narration",
                "text": report.document.sentence_text(tone.sentence),
            }
        )
    columns = [
        "outlet",
        "sentence",
        "position",
        "tone",
        "polarity",
        "subjectivity",
        "vader",
        "quoted_share",
        "voice",
        "text",
    ]
    return pd.DataFrame(rows, columns=columns)


def sentences_table(reports: Sequence[Report], labels: Mapping[str, str], lens: Lens):
    """`sentence_table` for several articles, stacked."""
    frames = [sentence_table(r, lens, labels[r.article.id]) for r in reports]
    return pd.concat(frames, ignore_index=True) if frames else sentence_table_empty()


def sentence_table_empty():
    return pd.DataFrame(columns=["outlet", "sentence", "position", "tone", "voice", "text"])


def country_name(code: str) -> str:
    """The gazetteer's name for a country code, or the code itself."""
    names = {a.country: a.name for a in gazetteer().values() if a.kind == "country"}
    return names.get(code, code)


def mentioned_countries(reports: Sequence[Report], labels: Mapping[str, str]):
    """Per outlet, how many actor mentions fall on each country (share of all mentions)."""
    actors = gazetteer()
    rows = []
    for report in reports:
        counts = Counter(
            country_name(actors[m.actor].country)
            if actors[m.actor].country
            else actors[m.actor].name
            for m in report.mentions
        )
        total = sum(counts.values())
        rows += [
            {
                "outlet": labels[report.article.id],
                "country": country,
                "mentions": count,
                "share": count / total,
            }
            for country, count in counts.items()
        ]
    return pd.DataFrame(rows, columns=["outlet", "country", "mentions", "share"])


def assessment_table(report: Report, sentence: int):
    """TextBlob's matched words for one sentence with the scores they carry."""
    tone = report.sentiment.sentences[sentence]
    return pd.DataFrame(
        [
            {"words": " ".join(a.words), "polarity": a.polarity, "subjectivity": a.subjectivity}
            for a in tone.assessments
        ],
        columns=["words", "polarity", "subjectivity"],
    )


def parts_table(report: Report, sentence: int):
    """The sentence's narration and quoted stretches, each scored on its own."""
    tone = report.sentiment.sentences[sentence]
    text = report.document.text
    return pd.DataFrame(
        [
            {
                "voice": p.voice,
                "text": text[p.start : p.end],
                "polarity": p.polarity,
                "subjectivity": p.subjectivity,
                "vader": p.vader,
            }
            for p in tone.parts
        ],
        columns=["voice", "text", "polarity", "subjectivity", "vader"],
    )
