"""What every question is made of: the question and its evidence, the context a kind of
question looks at, and the helpers that word a question from its template and cut its
evidence to what a class can read.
"""

import hashlib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ...compare import Comparison
from ...compare.actors import StoryActor, tone_of
from ...knowledge import load_knowledge
from ...report import Report
from ...resources import load_toml
from ...sentiment import Assessment
from ...text import Span

TEMPLATES_FILE = "lesson.toml"
# Sentences of evidence shown per outlet and question: enough to judge, short enough to
# read aloud.
EVIDENCE_PER_OUTLET = 2
# Facts and sentences quoted in a question are cut to this many words: a choice must fit
# on a projected screen.
MAX_QUOTED_WORDS = 25


@dataclass(frozen=True)
class Evidence:
    """One sentence that backs an answer, with the words to highlight in it.

    `start`/`end` and `highlights` are offsets into the article text; `text` is the
    sentence itself, so a handout needs nothing else.
    """

    article: str
    outlet: str
    sentence: int
    start: int
    end: int
    text: str
    highlights: tuple[Span, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Question:
    """A question to predict, then reveal. `answers` is a subset of `choices`.

    `passage` is text shown with the question before the reveal (a sentence or a fact
    the question is about).
    """

    id: str
    kind: str
    prompt: str
    choices: tuple[str, ...]
    answers: tuple[str, ...]
    reveal: str
    evidence: tuple[Evidence, ...] = ()
    terms: tuple[str, ...] = ()
    passage: str = ""


@dataclass(frozen=True)
class Context:
    reports: tuple[Report, ...]
    labels: dict[str, str]
    comparison: Comparison | None
    actors: tuple[StoryActor, ...] = ()  # compare.actors.story_actors(reports)

    def label(self, report: Report) -> str:
        return self.labels[report.article.id]

    def report(self, article_id: str) -> Report:
        return next(r for r in self.reports if r.article.id == article_id)

    @property
    def compared(self) -> bool:
        """Is there a comparison across at least two outlets to ask about?"""
        return self.comparison is not None and not self.comparison.note

    def column_label(self, key: str) -> str:
        assert self.comparison is not None  # asked only when `compared`
        return next(c.label for c in self.comparison.columns if c.key == key)

    def column_labels(self) -> tuple[str, ...]:
        assert self.comparison is not None  # asked only when `compared`
        return tuple(column.label for column in self.comparison.columns)


@dataclass(frozen=True)
class Measure:
    """One outlet's value of a metric with its interval and the sentences behind it."""

    report: Report
    value: float
    ci: tuple[float, float]
    evidence: Callable[[bool], tuple[Evidence, ...]]


def make_question(
    question_id: str,
    template: dict[str, Any],
    values: Mapping[str, object],
    choices: Iterable[str],
    answers: Iterable[str],
    evidence: Iterable[Evidence],
    terms: Iterable[str] = (),
    passage: str = "",
    wording: tuple[str, str] = ("prompt", "reveal"),
) -> Question:
    """A question worded from its template: `values` fill the prompt and the reveal (an
    empty value leaves no double space); the template's glossary terms come before `terms`.
    The kind is the id up to its first colon."""
    prompt, reveal = wording
    return Question(
        question_id,
        question_id.split(":")[0],
        template[prompt].format(**values),
        tuple(choices),
        tuple(answers),
        template[reveal].format(**values).replace("  ", " "),
        tuple(evidence),
        (*template["terms"], *terms),
        passage,
    )


# --- comparing a metric across outlets -----------------------------------------------


def metric_question(
    context: Context, kind: str, template: dict[str, Any], measures: list[Measure], signed: bool
) -> list[Question]:
    """One outlet set apart from all others if the intervals allow; else the two ends."""
    if len(measures) < 2:
        return []
    if len(measures) >= 3 and (
        question := standout_question(context, kind, template, measures, signed)
    ):
        return [question]
    return [_pair_question(context, kind, template, measures, signed)]


def standout_question(
    context: Context,
    question_id: str,
    template: dict[str, Any],
    measures: list[Measure],
    signed: bool,
    sentences_of: Callable[[Report], int] | None = None,
    **fields: str,
) -> Question | None:
    """Which outlet is highest (or lowest), when its interval clears every other's."""
    ranked = sorted(measures, key=lambda m: m.value, reverse=True)
    top, bottom = ranked[0], ranked[-1]
    if top.ci[0] > max(m.ci[1] for m in ranked[1:]):
        winner, extreme, side, higher = top, template["higher"], "below", True
    elif bottom.ci[1] < min(m.ci[0] for m in ranked[:-1]):
        winner, extreme, side, higher = bottom, template["lower"], "above", False
    else:
        return None
    answer = context.label(winner.report)
    values = dict(
        fields,
        extreme=extreme,
        answer=answer,
        value=format_number(winner.value, signed),
        ci=_interval(winner.ci, signed),
        side=side,
    )
    if sentences_of:
        values["sentences"] = str(sentences_of(winner.report))
    return make_question(
        question_id,
        template,
        values,
        (context.label(m.report) for m in measures),
        (answer,),
        winner.evidence(higher),
    )


def _pair_question(
    context: Context, kind: str, template: dict[str, Any], measures: list[Measure], signed: bool
) -> Question:
    """The outlets at the two ends of the range: does the gap exceed the uncertainty?"""
    ranked = sorted(measures, key=lambda m: m.value, reverse=True)
    high, low = ranked[0], ranked[-1]
    first, second = sorted((high, low), key=lambda m: context.reports.index(m.report))
    cannot_tell = load_toml(TEMPLATES_FILE)["choices"]["cannot_tell"]
    separated = high.ci[0] > low.ci[1]
    values = {
        "higher": template["higher"],
        "first": context.label(first.report),
        "second": context.label(second.report),
        "first_value": format_number(first.value, signed),
        "first_ci": _interval(first.ci, signed),
        "second_value": format_number(second.value, signed),
        "second_ci": _interval(second.ci, signed),
        "answer": context.label(high.report) if separated else cannot_tell,
    }
    return make_question(
        f"{kind}:pair",
        template,
        values,
        (values["first"], values["second"], cannot_tell),
        (values["answer"],),
        first.evidence(True) + second.evidence(True),
        wording=("pair_prompt", "pair_reveal" if separated else "unclear_reveal"),
    )


def format_number(value: float, signed: bool) -> str:
    return f"{value:+.2f}" if signed else f"{value:.2f}"


def _interval(ci: tuple[float, float], signed: bool) -> str:
    return f"{format_number(ci[0], signed)} to {format_number(ci[1], signed)}"


# --- evidence ------------------------------------------------------------------------


def evidence_of(
    context: Context, report: Report, sentence: int, highlights: Sequence[Span], note: str = ""
) -> Evidence:
    return sentence_evidence(report, context.label(report), sentence, highlights, note)


def sentence_evidence(
    report: Report, label: str, sentence: int, highlights: Sequence[Span], note: str = ""
) -> Evidence:
    """Sentence `sentence` of `report` as evidence, highlights clipped to the sentence."""
    span = report.document.sentences[sentence]
    inside = {
        Span(max(h.start, span.start), min(h.end, span.end))
        for h in highlights
        if h.start < span.end and h.end > span.start
    }
    return Evidence(
        report.article.id,
        label,
        sentence,
        span.start,
        span.end,
        report.article.text[span.start : span.end],
        tuple(sorted(inside, key=lambda h: h.start)),
        note,
    )


def scoring_words(assessments: Sequence[Assessment], metric: str) -> list[str]:
    """The lexicon words that moved `metric` (TextBlob also lists words scoring zero)."""
    return [word for a in assessments if getattr(a, metric) for word in a.words]


def find_words(text: str, span: Span, words: Sequence[str]) -> list[Span]:
    """Where the lexicon words (lower-cased by TextBlob) occur inside `span`."""
    found: list[Span] = []
    for word in dict.fromkeys(words):
        pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
        found.extend(Span(m.start(), m.end()) for m in pattern.finditer(text, span.start, span.end))
    return found


def country_name(code: str) -> str:
    """A country's (or international body's) name by its code, "" for none."""
    return load_knowledge().country_name(code) if code else ""


def country_mentions(context: Context, code: str) -> int:
    return sum(1 for r in context.reports for m in r.mentions if m.country == code)


def shorten(text: str) -> str:
    words = text.split()
    if len(words) <= MAX_QUOTED_WORDS:
        return " ".join(words)
    return " ".join(words[:MAX_QUOTED_WORDS]) + " …"


def lower_first(label: str) -> str:
    """A label in the middle of a sentence: "Economic" -> "economic", "NATO" stays."""
    return label[0].lower() + label[1:] if label[1:2].islower() else label


def stable_position(seed: str, choices: int) -> int:
    """Where the right choice goes: fixed for the same text, not always first or last."""
    return int(hashlib.sha1(seed.encode("utf-8")).hexdigest(), 16) % choices


def join_names(items: Sequence[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# --- actors --------------------------------------------------------------------------


def sentences_mentioning(report: Report, actor: StoryActor) -> int:
    tone = tone_of(report, actor)
    return len(tone.sentences) if tone else 0
