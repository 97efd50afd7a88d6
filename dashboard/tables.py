"""Reports as tidy DataFrames, one row per outlet (or per sentence, actor, country).

Pure reshaping of what `analysis` computed, so charts and tables share one source and
can be tested without Streamlit. Nothing here scores text.
"""

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Literal

import pandas as pd

from analysis import Article, Report
from analysis.compare.actors import StoryActor, tone_of
from analysis.compare.suggest import Suggestion
from analysis.compare.voices import SpeakerAcross, country_name
from analysis.compare.voices import talked_about_and_heard as attention
from analysis.evaluate.figures import GoldSet
from analysis.framing import Codebook

Lens = Literal["News", "TextBlob", "VADER"]
LENSES: tuple[Lens, ...] = ("News", "TextBlob", "VADER")
# Field names of the tone scores each lens reads (Sentiment, ToneSummary, SentenceTone).
LENS_FIELD = {"News": "tone", "TextBlob": "polarity", "VADER": "vader"}
MAX_LABEL = 28
SENTENCE_COLUMNS = [
    "outlet",
    "article",
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


def article_labels(articles: Sequence[Article]) -> dict[str, str]:
    """A short unique name per article id: the outlet, told apart by date or number."""
    base = {a.id: (a.outlet or a.title or a.id)[:MAX_LABEL] for a in articles}
    counts = Counter(base.values())
    labels: dict[str, str] = {}
    taken: set[str] = set()  # the labels given so far (a set: 100,000 articles in linear time)
    for article in articles:
        label = base[article.id]
        if counts[label] > 1:
            label = f"{label} ({article.date or article.id[:6]})"
        while label in taken:
            label += "′"
        labels[article.id] = label
        taken.add(label)
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
                "article": article.id,
                "title": article.title,
                "date": article.date,
                "outlet_country": article.outlet_country,
                "words": report.words,
                "sentences": len(report.document.sentences),
                "quotations": len(report.document.quotations),
                "quotes": report.sources.source_mix.quotes,
                "voices": report.sources.source_mix.voices,
                "named_share": report.sources.source_mix.named_share,
                "speaker_types": _top(report.sources.source_mix.by_type),
                "dominant_frame": _frame_label(report, report.framing.dominant),
                "frames_present": [_frame_label(report, f) for f in report.framing.present],
                "tone": value,
                "tone_low": low,
                "tone_high": high,
                "subjectivity": tone.subjectivity,
                "subjectivity_low": _interval(tone.subjectivity_ci)[0],
                "subjectivity_high": _interval(tone.subjectivity_ci)[1],
            }
        )
    return pd.DataFrame(rows)


def _top(counts: Mapping[str, int], n: int = 2) -> list[str]:
    return [name for name, _ in sorted(counts.items(), key=lambda item: -item[1])[:n]]


def _frame_label(report: Report, frame: str | None) -> str:
    labels = {score.frame: score.label for score in report.framing.frames}
    return labels.get(frame, "") if frame else ""


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
                    "article": report.article.id,
                    "voice": voice,
                    "tone": value,
                    "low": low,
                    "high": high,
                    "n": summary.n,
                }
            )
    return pd.DataFrame(rows, columns=["outlet", "article", "voice", "tone", "low", "high", "n"])


def actor_tone_table(
    reports: Sequence[Report], actors: Sequence[StoryActor], labels: Mapping[str, str], lens: Lens
):
    """Tone of the sentences mentioning each of the story's central actors, per outlet, with
    the sentence count (and the actor's id in that article, to open its sentences)."""
    field = LENS_FIELD[lens]
    rows = [
        {
            "outlet": labels[report.article.id],
            "article": report.article.id,
            "actor": actor.name,
            "tone": getattr(tone, field),
            "sentences": len(tone.sentences),
            "id": tone.actor,
        }
        for actor in actors
        if actor.central
        for report in reports
        if (tone := tone_of(report, actor)) is not None
    ]
    return pd.DataFrame(rows, columns=["outlet", "article", "actor", "tone", "sentences", "id"])


def sentence_table(report: Report, lens: Lens, label: str = ""):
    """One row per sentence: position through the article, tone, voice and text."""
    field = LENS_FIELD[lens]
    count = max(1, len(report.document.sentences))
    rows = []
    for tone in report.sentiment.sentences:
        rows.append(
            {
                "outlet": label,
                "article": report.article.id,
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
    return pd.DataFrame(rows, columns=SENTENCE_COLUMNS)


def sentences_table(reports: Sequence[Report], labels: Mapping[str, str], lens: Lens):
    """`sentence_table` for several articles, stacked."""
    frames = [sentence_table(r, lens, labels[r.article.id]) for r in reports]
    return (
        pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=SENTENCE_COLUMNS)
    )


def talked_about_and_heard(reports: Sequence[Report], labels: Mapping[str, str]):
    """Per outlet and country: share of actor mentions naming it (talked about) and share
    of quotes from speakers of that country (heard), as `analysis` measured them."""
    rows = [
        {
            "outlet": labels[a.article],
            "article": a.article,
            "country": country_name(a.country),
            "code": a.country,
            "mentions": a.mentions,
            "talked": a.talked,
            "quotes": a.quotes,
            "heard": a.heard,
        }
        for report in reports
        for a in attention(report)
    ]
    columns = ["outlet", "article", "country", "code", "mentions", "talked", "quotes", "heard"]
    return pd.DataFrame(rows, columns=columns)


def frame_table(reports: Sequence[Report], labels: Mapping[str, str]):
    """Per outlet and frame: share of sentences carrying it, and whether it is present,
    dominant, and in the lede."""
    rows = [
        {
            "outlet": labels[report.article.id],
            "article": report.article.id,
            "frame": score.label,
            "frame_id": score.frame,
            "share": score.share,
            "sentences": score.sentences,
            "present": score.present,
            "dominant": score.dominant,
            "lede": score.lede.present,
        }
        for report in reports
        for score in report.framing.frames
    ]
    columns = [
        "outlet",
        "article",
        "frame",
        "frame_id",
        "share",
        "sentences",
        "present",
        "dominant",
        "lede",
    ]
    return pd.DataFrame(rows, columns=columns)


def source_mix_table(reports: Sequence[Report], labels: Mapping[str, str], by: str):
    """Per outlet, quotes by speaker type (`by="type"`) or by speaker country ("country")."""
    rows = []
    for report in reports:
        mix = report.sources.source_mix
        counts, shares = (
            (mix.by_type, mix.type_shares) if by == "type" else (mix.by_country, mix.country_shares)
        )
        for category, count in counts.items():
            rows.append(
                {
                    "outlet": labels[report.article.id],
                    "article": report.article.id,
                    "category": category if by == "type" else country_name(category),
                    "key": category,
                    "quotes": count,
                    "share": shares.get(category, 0.0),
                }
            )
    return pd.DataFrame(rows, columns=["outlet", "article", "category", "key", "quotes", "share"])


def gender_table(reports: Sequence[Report], labels: Mapping[str, str]):
    """Per outlet, the people it quotes by gender (institutions and groups left out)."""
    rows = [
        {
            "outlet": labels[report.article.id],
            **{gender: report.sources.source_mix.by_gender.get(gender, 0) for gender in GENDERS},
        }
        for report in reports
    ]
    return pd.DataFrame(rows, columns=["outlet", *GENDERS])


GENDERS = ("female", "male", "unknown")
SPEAKER_COLUMNS = [
    "name",
    "role",
    "organization",
    "type",
    "country",
    "gender",
    "gender shown by",
    "named",
    "quotes",
]


def speakers_across(groups: Sequence[SpeakerAcross], labels: Mapping[str, str]):
    """Every speaker once (`analysis.compare.voices.speakers_across`, which matches speakers
    across articles as the Differences page does), with the outlets that quote them."""
    seen: Counter[str] = Counter()
    rows = []
    for s in groups:  # two different speakers may share a description ("the official")
        seen[s.name] += 1
        rows.append(
            {
                "name": s.name if seen[s.name] == 1 else f"{s.name} ({seen[s.name]})",
                "role": s.role,
                "organization": s.organization,
                "type": s.speaker_type,
                "country": country_name(s.country) if s.country else "",
                "gender": s.gender,
                "gender shown by": s.gender_evidence,
                "named": s.named,
                "quotes": s.quotes,
                "outlets": ", ".join(labels[article] for article in s.articles),
            }
        )
    return pd.DataFrame(rows, columns=[*SPEAKER_COLUMNS, "outlets"])


def quotes_of(report: Report, speaker: int):
    """The quotes `report` attributes to its speaker number `speaker`, in reading order."""
    quotes = report.sources.quotes
    rows = [
        {"sentence": quote.sentence + 1, "kind": quote.kind, "verb": quote.cue, "quote": quote.text}
        for quote in (quotes[i] for i in report.sources.speakers[speaker].quotes)
    ]
    return pd.DataFrame(rows, columns=["sentence", "kind", "verb", "quote"])


def tone_words_table(report: Report, sentence: int):
    """The words behind the news lens's reading of one sentence, with the weight each
    counted for (after negation and contrast) and where that weight comes from."""
    tone = report.sentiment.sentences[sentence]
    return pd.DataFrame(
        [{"words": w.text, "weight": w.weight, "from": w.source} for w in tone.words],
        columns=["words", "weight", "from"],
    )


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
                "tone": p.tone,
                "polarity": p.polarity,
                "subjectivity": p.subjectivity,
                "vader": p.vader,
            }
            for p in tone.parts
        ],
        columns=["voice", "text", "tone", "polarity", "subjectivity", "vader"],
    )


def sentence_evidence(report: Report, sentence: int):
    """Everything the analyzers found in one sentence besides its tone: quotes and their
    speakers, unsourced claims, frame cues and language cues."""
    text = report.document.text
    rows = [
        {
            "layer": f"{quote.kind} quote",
            "words": quote.text,
            "found": f"{quote.speaker or 'speaker not found'} ({quote.speaker_type or '?'})"
            + (f", “{quote.cue}”" if quote.cue else ""),
        }
        for quote in report.sources.quotes
        if quote.sentence == sentence
    ]
    rows += [
        {"layer": "unsourced claim", "words": text[u.start : u.end], "found": u.kind}
        for u in report.sources.unsourced
        if u.sentence == sentence
    ]
    rows += [
        {
            "layer": "frame cue",
            "words": cue.text,
            "found": score.label + ("" if evidence.carries else " (too weak alone)"),
        }
        for score in report.framing.frames
        for evidence in score.evidence
        if evidence.sentence == sentence
        for cue in evidence.cues
    ]
    rows += [
        {"layer": "language cue", "words": cue.text, "found": layer.label}
        for layer in report.framing.language.layers
        for evidence in layer.evidence
        if evidence.sentence == sentence
        for cue in evidence.cues
    ]
    return pd.DataFrame(rows, columns=["layer", "words", "found"])


def cue_table(frame):
    """A codebook frame's cue words with their weights, and the look-alikes it ignores."""
    rows = [{"cue": cue.text, "weight": cue.weight, "kind": "cue"} for cue in frame.cues]
    rows += [{"cue": text, "weight": 0.0, "kind": "ignored look-alike"} for text in frame.negative]
    return pd.DataFrame(rows, columns=["cue", "weight", "kind"])


def suggestion_table(suggestions: Sequence[Suggestion], codebook: Codebook) -> pd.DataFrame:
    """Cue suggestions, one row each, with the frame's label."""
    labels = {frame.id: frame.label for frame in codebook.frames}
    rows = [
        {"frame": labels[s.frame], "word": s.term, "z": s.z, "sentences": s.count}
        for s in suggestions
    ]
    return pd.DataFrame(rows, columns=["frame", "word", "z", "sentences"])


def accuracy_table(gold_set: GoldSet) -> pd.DataFrame:
    """One gold set's figures, first run and now."""
    rows = [
        {"figure": f.metric, "first run": f.first_run, "now": f.current} for f in gold_set.figures
    ]
    return pd.DataFrame(rows, columns=["figure", "first run", "now"])
