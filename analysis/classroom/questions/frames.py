"""Questions on frames and word choice: the lede's frame, the frame or language layer
only one outlet uses.
"""

from collections.abc import Callable, Mapping
from typing import Any

from ...framing import FrameScore
from ...report import Report
from ...text import Span
from ..glossary import glossary
from .base import (
    EVIDENCE_PER_OUTLET,
    Context,
    Evidence,
    Question,
    evidence_of,
    join_names,
    lower_first,
    make_question,
)


def lede_frame(context: Context, template: dict[str, Any]) -> list[Question]:
    """A frame only one outlet puts in its headline and first paragraph."""
    leads = _frames_by_article(context, lambda score: score.lede.present)
    if not leads:
        return []
    frame_id, report = leads[0]
    score = _frame_score(report, frame_id)
    cues = [cue for e in score.evidence if e.sentence in score.lede.sentences for cue in e.cues]
    words = [cue.text for cue in score.lede.headline] + [cue.text for cue in cues]
    values = {
        "frame": lower_first(score.label),
        "definition": _frame_definition(frame_id),
        "answer": context.label(report),
        "words": join_names([f"“{word}”" for word in dict.fromkeys(words)]),
    }
    headline = ", ".join(cue.text for cue in score.lede.headline)
    evidence = tuple(
        evidence_of(
            context,
            report,
            index,
            [Span(c.start, c.end) for c in cues],
            f"headline: {headline}" if headline else "",
        )
        for index in score.lede.sentences
    )
    return [_frame_question(context, "lede_frame", frame_id, template, values, report, evidence)]


def frame_only_one(context: Context, template: dict[str, Any]) -> list[Question]:
    """A frame present in one outlet's article and absent from all the others."""
    present = _frames_by_article(context, lambda score: score.present)
    if not present:
        return []
    frame_id, report = max(present, key=lambda pair: _frame_score(pair[1], pair[0]).share)
    score = _frame_score(report, frame_id)
    carrying = [e for e in score.evidence if e.carries]
    values = {
        "frame": lower_first(score.label),
        "definition": _frame_definition(frame_id),
        "answer": context.label(report),
        "count": score.sentences,
        "share": f"{score.share:.0%}",
    }
    evidence = tuple(
        evidence_of(context, report, e.sentence, [Span(c.start, c.end) for c in e.cues])
        for e in carrying[: EVIDENCE_PER_OUTLET + 1]
    )
    return [
        _frame_question(context, "frame_only_one", frame_id, template, values, report, evidence)
    ]


def language_only_one(context: Context, template: dict[str, Any]) -> list[Question]:
    """Word-choice layers that exactly one outlet's own narration uses."""
    if len(context.reports) < 2:
        return []
    questions = []
    for layer_id in template["layers"]:
        users = [
            (report, layer)
            for report in context.reports
            for layer in report.framing.language.layers
            if layer.layer == layer_id and layer.narration
        ]
        if len(users) != 1:
            continue
        report, layer = users[0]
        cues = [cue for found in layer.evidence for cue in found.cues if cue.voice == "narration"]
        answer = context.label(report)
        values = {
            "layer": lower_first(layer.label),
            "answer": answer,
            "count": layer.narration,
            "words": join_names([f"“{word}”" for word in dict.fromkeys(c.text for c in cues)]),
        }
        sentences = sorted({report.document.sentence_at(cue.start) for cue in cues})
        questions.append(
            make_question(
                f"language_only_one:{layer_id}",
                template,
                values,
                context.labels.values(),
                (answer,),
                (
                    evidence_of(context, report, i, [Span(c.start, c.end) for c in cues])
                    for i in sentences[: EVIDENCE_PER_OUTLET + 1]
                ),
                (f"cue.{layer_id}",),
            )
        )
    return questions


# --- frames ----------------------------------------------------------------------------


def _frame_score(report: Report, frame_id: str) -> FrameScore:
    return next(score for score in report.framing.frames if score.frame == frame_id)


def _frames_by_article(
    context: Context, holds: Callable[[FrameScore], bool]
) -> list[tuple[str, Report]]:
    """(frame, report) for frames where `holds` is true of exactly one article, in
    codebook order; empty unless all articles were framed with one codebook."""
    if len(context.reports) < 2:
        return []
    codebooks = {report.framing.codebook.hash for report in context.reports}
    if len(codebooks) != 1:
        return []
    found = []
    for score in context.reports[0].framing.frames:
        having = [r for r in context.reports if holds(_frame_score(r, score.frame))]
        if len(having) == 1:
            found.append((score.frame, having[0]))
    return found


def _frame_definition(frame_id: str) -> str:
    """The glossary's sentence for a frame; a teacher's own codebook may have none."""
    term = glossary().get(f"frame.{frame_id}")
    return term.definition if term else ""


def _frame_question(
    context: Context,
    kind: str,
    frame_id: str,
    template: dict[str, Any],
    values: Mapping[str, object],
    report: Report,
    evidence: tuple[Evidence, ...],
) -> Question:
    term = f"frame.{frame_id}"
    return make_question(
        f"{kind}:{frame_id}",
        template,
        values,
        context.labels.values(),
        (context.label(report),),
        evidence,
        (term,) if term in glossary() else (),
    )
