"""Questions on tone: whose narration is more subjective or negative, how each outlet's
sentences about an actor read, and where the two tone lenses disagree.
"""

from functools import partial
from typing import Any

from ...compare.actors import StoryActor, mentions_of, tone_of
from ...compare.disagreement import direction
from ...report import Report
from ...sentiment import SentenceTone, summarize
from ...text import Span
from .base import (
    EVIDENCE_PER_OUTLET,
    Context,
    Evidence,
    Measure,
    Question,
    evidence_of,
    find_words,
    format_number,
    join_names,
    make_question,
    metric_question,
    scoring_words,
    sentences_mentioning,
    standout_question,
)

# An actor's tone is compared only in articles with at least this many sentences naming
# it: with fewer, one sentence decides the mean.
MIN_ACTOR_SENTENCES = 3


# --- question kinds ------------------------------------------------------------------


def narration_subjectivity(context: Context, template: dict[str, Any]) -> list[Question]:
    measures = _narration_measures(context, "subjectivity")
    return metric_question(context, "narration_subjectivity", template, measures, signed=False)


def narration_tone(context: Context, template: dict[str, Any]) -> list[Question]:
    measures = _narration_measures(context, "tone")
    return metric_question(context, "narration_tone", template, measures, signed=True)


def _narration_measures(context: Context, metric: str) -> list[Measure]:
    """Each article's narration mean of `metric` with its interval and evidence."""
    return [
        Measure(
            r,
            getattr(r.sentiment.narration, metric),
            getattr(r.sentiment.narration, f"{metric}_ci"),
            partial(_narration_evidence, context, r, metric),
        )
        for r in context.reports
        if r.sentiment.narration.n
    ]


def actor_tone(context: Context, template: dict[str, Any]) -> list[Question]:
    """The first actor (most written about) whose tone sets one outlet clearly apart."""
    for actor in context.actors:
        measures = []
        for report in context.reports:
            tone = tone_of(report, actor)
            if tone is None or len(tone.sentences) < MIN_ACTOR_SENTENCES:
                continue
            scores = [report.sentiment.sentences[i] for i in tone.sentences]
            summary = summarize([(s.tone, s.polarity, s.subjectivity, s.vader) for s in scores])
            assert summary.tone is not None and summary.tone_ci is not None  # 3+ scores
            measures.append(
                Measure(
                    report,
                    summary.tone,
                    summary.tone_ci,
                    partial(_actor_evidence, context, report, actor),
                )
            )
        if len(measures) < 3:
            continue
        question = standout_question(
            context,
            f"actor_tone:{actor.key}",
            template,
            measures,
            signed=True,
            actor=actor.name,
            sentences_of=partial(sentences_mentioning, actor=actor),
        )
        if question:
            return [question]
    return []


def analyzer_disagreement(context: Context, template: dict[str, Any]) -> list[Question]:
    """The sentence the two tone dictionaries read most differently."""
    if not context.compared:
        return []
    assert context.comparison is not None
    if not context.comparison.disagreement:
        return []
    case = max(
        context.comparison.disagreement,
        key=lambda d: (abs(d.polarity) + abs(d.vader), d.article, -d.sentence),
    )
    report = context.report(case.article)
    sentence = report.document.sentences[case.sentence]
    positive, negative, neutral = template["choices"]
    names = {"positive": positive, "negative": negative, "neutral": neutral}
    answer = names[direction(case.vader)]
    values = {
        "outlet": context.label(report),
        "polarity": format_number(case.polarity, True),
        "textblob": names[direction(case.polarity)].lower(),
        "answer": answer,
        "vader": format_number(case.vader, True),
        "words": join_names([f"“{word}”" for word in dict.fromkeys(case.words)]) or "none",
    }
    highlights = find_words(report.article.text, sentence, case.words)
    return [
        make_question(
            f"analyzer_disagreement:{case.article}:{case.sentence}",
            template,
            values,
            template["choices"],
            (answer,),
            (evidence_of(context, report, case.sentence, highlights),),
            passage=case.text,
        )
    ]


def _narration_evidence(
    context: Context, report: Report, metric: str, higher: bool
) -> tuple[Evidence, ...]:
    """The narration stretches scoring highest (or lowest), their lexicon words marked."""
    parts = [
        (tone, part)
        for tone in report.sentiment.sentences
        for part in tone.parts
        if part.voice == "narration"
    ]
    parts.sort(key=lambda pair: getattr(pair[1], metric), reverse=higher)
    evidence = []
    for tone, part in parts[:EVIDENCE_PER_OUTLET]:
        highlights = _tone_words(report, tone, part, metric)
        note = f"{metric} {format_number(getattr(part, metric), metric != 'subjectivity')}"
        evidence.append(evidence_of(context, report, tone.sentence, highlights, note))
    return tuple(sorted(evidence, key=lambda e: e.sentence))


def _actor_evidence(
    context: Context, report: Report, actor: StoryActor, higher: bool
) -> tuple[Evidence, ...]:
    """The sentences naming the actor with the most extreme tone, names and words marked."""
    tone = tone_of(report, actor)
    assert tone is not None  # asked only of reports with a tone row for the actor
    scores = sorted(
        (report.sentiment.sentences[i] for i in tone.sentences),
        key=lambda s: s.tone,
        reverse=higher,
    )
    mentions = [Span(m.start, m.end) for m in mentions_of(report, actor)]
    evidence = []
    for score in scores[:EVIDENCE_PER_OUTLET]:
        sentence = report.document.sentences[score.sentence]
        highlights = mentions + _tone_words(report, score, sentence, "tone")
        note = f"tone {format_number(score.tone, True)}"
        evidence.append(evidence_of(context, report, score.sentence, highlights, note))
    return tuple(sorted(evidence, key=lambda e: e.sentence))


def _tone_words(report: Report, tone: SentenceTone, span: Span, metric: str) -> list[Span]:
    """The words behind a score inside `span`: the news lens's own words for `tone`,
    TextBlob's assessed words (found again in the text) for its metrics."""
    if metric == "tone":
        return [Span(w.start, w.end) for w in tone.words if span.start <= w.start < span.end]
    return find_words(report.article.text, span, scoring_words(tone.assessments, metric))
