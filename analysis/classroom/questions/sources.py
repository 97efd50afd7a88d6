"""Questions for classroom mode, generated from the analysis results of any articles.

Each kind of question is one function below: it looks at the reports (and the
comparison across outlets) and returns a question only when the results support one,
worded from the templates in data/lesson.toml. A difference in tone is asked about only
when the 90% intervals separate; otherwise the question is whether a difference can be
told at all. Every question carries the sentences that prove its answer.
"""

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from .actors import gazetteer
from .compare import Comparison, Fact, SharedQuote, direction
from .framing import FrameScore
from .glossary import glossary
from .report import Report
from .resources import load_toml
from .sentiment import Assessment, summarize
from .sources import Quote, Speaker
from .text import Span

TEMPLATES_FILE = "lesson.toml"
# Sentences of evidence shown per outlet and question: enough to judge, short enough to
# read aloud.
EVIDENCE_PER_OUTLET = 2
# An actor's tone is compared only in articles with at least this many sentences naming
# it: with fewer, one sentence decides the mean.
MIN_ACTOR_SENTENCES = 3
# Facts and sentences quoted in a question are cut to this many words: a choice must fit
# on a projected screen.
MAX_QUOTED_WORDS = 25
# At most this many facts reported by several outlets stand beside the one only one
# outlet reports.
SHARED_FACT_CHOICES = 3
# Entities that make a fact concrete, most telling first: a fact carrying one of these,
# named by one outlet only, is the one a class can check.
# Two quotations are one quotation cut differently when the words they share make up at
# least this share of the shorter: "all of our allies and partners" in two different
# statements is a shared phrase, not a trimmed quote.
MIN_TRIM_OVERLAP = 0.6
# Country choices in "whose voices are missing": enough for the story's main actors.
MAX_COUNTRY_CHOICES = 5
# Speakers named in a reveal before "and N more".
MAX_NAMES = 4
# "Which outlet quotes the most voices" is asked only when the leader quotes at least
# MIN_VOICES and VOICES_RATIO times as many as the next: a clear gap, not a near tie.
MIN_VOICES = 3
VOICES_RATIO = 2
TELLING_ENTITIES = ("money", "number", "law", "person", "acronym")


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
class _Context:
    reports: tuple[Report, ...]
    labels: dict[str, str]
    comparison: Comparison | None

    def label(self, report: Report) -> str:
        return self.labels[report.article.id]

    def report(self, article_id: str) -> Report:
        return next(r for r in self.reports if r.article.id == article_id)

    @property
    def compared(self) -> bool:
        """Is there a comparison across at least two outlets to ask about?"""
        return self.comparison is not None and not self.comparison.note

    def column_label(self, key: str) -> str:
        return next(c.label for c in self.comparison.columns if c.key == key)

    def column_labels(self) -> tuple[str, ...]:
        return tuple(column.label for column in self.comparison.columns)


@dataclass(frozen=True)
class _Measure:
    """One outlet's value of a metric with its interval and the sentences behind it."""

    report: Report
    value: float
    ci: tuple[float, float]
    evidence: Callable[[bool], tuple[Evidence, ...]]


def _question(
    question_id: str,
    template: dict,
    values: dict[str, object],
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


# --- question kinds ------------------------------------------------------------------


def narration_subjectivity(context: _Context, template: dict) -> list[Question]:
    measures = _narration_measures(context, "subjectivity")
    return _metric_question(context, "narration_subjectivity", template, measures, signed=False)


def narration_tone(context: _Context, template: dict) -> list[Question]:
    measures = _narration_measures(context, "polarity")
    return _metric_question(context, "narration_tone", template, measures, signed=True)


def _narration_measures(context: _Context, metric: str) -> list[_Measure]:
    """Each article's narration mean of `metric` with its interval and evidence."""
    return [
        _Measure(
            r,
            getattr(r.sentiment.narration, metric),
            getattr(r.sentiment.narration, f"{metric}_ci"),
            lambda higher, r=r: _narration_evidence(context, r, metric, higher),
        )
        for r in context.reports
        if r.sentiment.narration.n
    ]


def actor_tone(context: _Context, template: dict) -> list[Question]:
    """The first actor (most written about) whose tone sets one outlet clearly apart."""
    for actor_id in _actors_by_attention(context.reports):
        measures = []
        for report in context.reports:
            tone = next((t for t in report.sentiment.toward if t.actor == actor_id), None)
            if tone is None or len(tone.sentences) < MIN_ACTOR_SENTENCES:
                continue
            scores = [report.sentiment.sentences[i] for i in tone.sentences]
            summary = summarize([(s.polarity, s.subjectivity, s.vader) for s in scores])
            measures.append(
                _Measure(
                    report,
                    summary.polarity,
                    summary.polarity_ci,
                    lambda higher, r=report, a=actor_id: _actor_evidence(context, r, a, higher),
                )
            )
        if len(measures) < 3:
            continue
        question = _standout_question(
            context,
            f"actor_tone:{actor_id}",
            template,
            measures,
            signed=True,
            actor=gazetteer()[actor_id].name,
            sentences_of=lambda m, a=actor_id: _sentences_mentioning(m.report, a),
        )
        if question:
            return [question]
    return []


def only_one_mentions(context: _Context, template: dict) -> list[Question]:
    """The actor most written about among those only one article mentions."""
    if len(context.reports) < 2:
        return []
    by_actor: dict[str, list[Report]] = {}
    for report in context.reports:
        for actor_id in {mention.actor for mention in report.mentions}:
            by_actor.setdefault(actor_id, []).append(report)
    single = [(reports[0], actor) for actor, reports in by_actor.items() if len(reports) == 1]
    if not single:
        return []
    report, actor_id = max(
        single, key=lambda pair: (_mention_count(pair[0], pair[1]), -_actor_rank(pair[1]))
    )
    mentions = [m for m in report.mentions if m.actor == actor_id]
    words = ", ".join(dict.fromkeys(f"“{m.alias}”" for m in mentions))
    answer = context.label(report)
    actor = gazetteer()[actor_id].name
    sentences = sorted({report.document.sentence_at(m.start) for m in mentions})
    values = {"actor": actor, "answer": answer, "count": len(mentions), "words": words}
    return [
        _question(
            f"only_one_mentions:{actor_id}",
            template,
            values,
            context.labels.values(),
            (answer,),
            (
                _evidence(context, report, i, [Span(m.start, m.end) for m in mentions])
                for i in sentences[: EVIDENCE_PER_OUTLET + 1]
            ),
        )
    ]


def only_one_reports(context: _Context, template: dict) -> list[Question]:
    """A fact one outlet alone reports, among facts several outlets report."""
    if not context.compared:
        return []
    facts = context.comparison.coverage.facts
    shared = [f for f in facts if len(f.columns) > 1][:SHARED_FACT_CHOICES]
    single = [f for f in facts if len(f.columns) == 1]
    if not shared or not single:
        return []
    telling = _telling_sentences(context.comparison)
    fact = min(single, key=lambda f: _fact_interest(f, telling))
    answer = _shorten(fact.text)
    choices = [_shorten(f.text) for f in shared]
    choices.insert(_stable_position(fact.text, len(choices) + 1), answer)
    column = context.column_label(fact.columns[0])
    return [
        _question(
            f"only_one_reports:{fact.id}",
            template,
            {"answer": column, "fact": answer},
            choices,
            (answer,),
            _fact_evidence(context, fact, _single_entity_forms(context.comparison)),
        )
    ]


def left_out(context: _Context, template: dict) -> list[Question]:
    """The fact most outlets report that one (or a few) leave out."""
    if not context.compared:
        return []
    coverage = context.comparison.coverage
    omitted = {fact_id for entry in coverage.omitted for fact_id in entry.facts}
    # "Most outlets report it" needs at least two outlets reporting it.
    candidates = [fact for fact in coverage.facts if fact.id in omitted and len(fact.columns) > 1]
    if not candidates:
        return []
    fact = candidates[0]  # facts come sorted by how many outlets report them
    absent = tuple(
        context.column_label(entry.column) for entry in coverage.omitted if fact.id in entry.facts
    )
    reporters = [context.column_label(key) for key in fact.columns]
    return [
        _question(
            f"left_out:{fact.id}",
            template,
            {"answer": _join(absent), "reporters": _join(reporters)},
            context.column_labels(),
            absent,
            _fact_evidence(context, fact),
            passage=fact.text,
        )
    ]


def distinctive_word(context: _Context, template: dict) -> list[Question]:
    """The word that sets one outlet apart most clearly (the highest significant z)."""
    if not context.compared:
        return []
    terms = [
        (entry.column, term)
        for entry in context.comparison.distinctive
        for term in entry.more
        if term.significant
    ]
    if not terms:
        return []
    column, term = max(terms, key=lambda pair: (pair[1].z, pair[1].term))
    evidence = []
    for source in term.evidence:
        report = context.report(source.article)
        for index in source.sentences[:EVIDENCE_PER_OUTLET]:
            sentence = report.document.sentences[index]
            evidence.append(
                _evidence(
                    context, report, index, _find_term(report.article.text, sentence, term.term)
                )
            )
    shown = _surface_form(context, evidence) or term.term
    answer = context.column_label(column)
    values = {
        "term": shown,
        "answer": answer,
        "count": term.count,
        "others": term.others,
        "z": f"{term.z:.1f}",
    }
    return [
        _question(
            f"distinctive_word:{term.term}",
            template,
            values,
            context.column_labels(),
            (answer,),
            evidence[: EVIDENCE_PER_OUTLET + 1],
        )
    ]


def trimmed_quote(context: _Context, template: dict) -> list[Question]:
    """A quotation several outlets cut differently: who quotes the most of it?"""
    if not context.compared:
        return []
    trimmed = [quote for quote in context.comparison.quotes if _cut_differently(quote)]
    if not trimmed:
        return []
    quote = max(trimmed, key=lambda q: (len(q.columns), max(u.words for u in q.uses)))
    longest = max(use.words for use in quote.uses)
    winners = tuple(
        dict.fromkeys(context.column_label(u.column) for u in quote.uses if u.words == longest)
    )
    versions = "; ".join(
        f"{context.column_label(use.column)} {use.words}"
        for use in quote.uses
        if use.words < longest
    )
    values = {
        "count": len(quote.columns),
        "common": _shorten(min(quote.uses, key=lambda use: use.words).text.strip(" ,.")),
        "answer": _join(winners),
        "words": longest,
        "versions": versions,
    }
    evidence = tuple(
        _evidence(context, context.report(use.article), use.sentence, [Span(use.start, use.end)])
        for use in quote.uses
    )
    return [
        _question(
            f"trimmed_quote:{quote.uses[0].article}:{quote.uses[0].start}",
            template,
            values,
            (context.column_label(key) for key in quote.columns),
            winners,
            evidence,
        )
    ]


def analyzer_disagreement(context: _Context, template: dict) -> list[Question]:
    """The sentence the two tone dictionaries read most differently."""
    if not context.compared or not context.comparison.disagreement:
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
        "polarity": _number(case.polarity, True),
        "textblob": names[direction(case.polarity)].lower(),
        "answer": answer,
        "vader": _number(case.vader, True),
        "words": _join([f"“{word}”" for word in dict.fromkeys(case.words)]) or "none",
    }
    highlights = _find_words(report.article.text, sentence, case.words)
    return [
        _question(
            f"analyzer_disagreement:{case.article}:{case.sentence}",
            template,
            values,
            template["choices"],
            (answer,),
            (_evidence(context, report, case.sentence, highlights),),
            passage=case.text,
        )
    ]


def lede_frame(context: _Context, template: dict) -> list[Question]:
    """A frame only one outlet puts in its headline and first paragraph."""
    leads = _frames_by_article(context, lambda score: score.lede.present)
    if not leads:
        return []
    frame_id, report = leads[0]
    score = _frame_score(report, frame_id)
    cues = [cue for e in score.evidence if e.sentence in score.lede.sentences for cue in e.cues]
    words = [cue.text for cue in score.lede.headline] + [cue.text for cue in cues]
    values = {
        "frame": _lower_first(score.label),
        "definition": _frame_definition(frame_id),
        "answer": context.label(report),
        "words": _join([f"“{word}”" for word in dict.fromkeys(words)]),
    }
    headline = ", ".join(cue.text for cue in score.lede.headline)
    evidence = tuple(
        _evidence(
            context,
            report,
            index,
            [Span(c.start, c.end) for c in cues],
            f"headline: {headline}" if headline else "",
        )
        for index in score.lede.sentences
    )
    return [_frame_question(context, "lede_frame", frame_id, template, values, report, evidence)]


def frame_only_one(context: _Context, template: dict) -> list[Question]:
    """A frame present in one outlet's article and absent from all the others."""
    present = _frames_by_article(context, lambda score: score.present)
    if not present:
        return []
    frame_id, report = max(present, key=lambda pair: _frame_score(pair[1], pair[0]).share)
    score = _frame_score(report, frame_id)
    carrying = [e for e in score.evidence if e.carries]
    values = {
        "frame": _lower_first(score.label),
        "definition": _frame_definition(frame_id),
        "answer": context.label(report),
        "count": score.sentences,
        "share": f"{score.share:.0%}",
    }
    evidence = tuple(
        _evidence(context, report, e.sentence, [Span(c.start, c.end) for c in e.cues])
        for e in carrying[: EVIDENCE_PER_OUTLET + 1]
    )
    return [
        _frame_question(context, "frame_only_one", frame_id, template, values, report, evidence)
    ]


def language_only_one(context: _Context, template: dict) -> list[Question]:
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
            "layer": _lower_first(layer.label),
            "answer": answer,
            "count": layer.narration,
            "words": _join([f"“{word}”" for word in dict.fromkeys(c.text for c in cues)]),
        }
        sentences = sorted({report.document.sentence_at(cue.start) for cue in cues})
        questions.append(
            _question(
                f"language_only_one:{layer_id}",
                template,
                values,
                context.labels.values(),
                (answer,),
                (
                    _evidence(context, report, i, [Span(c.start, c.end) for c in cues])
                    for i in sentences[: EVIDENCE_PER_OUTLET + 1]
                ),
                (f"cue.{layer_id}",),
            )
        )
    return questions


def unheard(context: _Context, template: dict) -> list[Question]:
    """Countries most articles talk about, and which of them anyone quotes."""
    if len(context.reports) < 2:
        return []
    mentioned: dict[str, int] = {}
    for report in context.reports:
        for code in report.sources.source_mix.countries_mentioned:
            mentioned[code] = mentioned.get(code, 0) + 1
    names = country_names()
    talked = [
        code
        for code in sorted(
            mentioned, key=lambda c: (-mentioned[c], -_country_mentions(context, c), c)
        )
        if code in names and 2 * mentioned[code] >= len(context.reports)
    ][:MAX_COUNTRY_CHOICES]
    quoted = {code for r in context.reports for code in r.sources.source_mix.countries_quoted}
    heard = [code for code in talked if code in quoted]
    silent = [code for code in talked if code not in quoted]
    if not silent:
        return []
    answers = tuple(names[code] for code in heard) or (template["none"],)
    values = {
        "heard": f"{_join([names[c] for c in heard])}: quoted"
        if heard
        else "None of them is quoted",
        "unheard": _join([names[c] for c in silent]),
    }
    evidence = [
        _quote_evidence(context, report, quote)
        for code in heard
        for report, quote in _quotes_from(context, code)[:EVIDENCE_PER_OUTLET]
    ]
    for report in context.reports[: EVIDENCE_PER_OUTLET + 1]:
        mentions = [m for m in report.mentions if _actor_country(m.actor) == silent[0]]
        if mentions:
            sentence = report.document.sentence_at(mentions[0].start)
            spans = [Span(m.start, m.end) for m in mentions]
            evidence.append(
                _evidence(context, report, sentence, spans, f"mentions {names[silent[0]]}")
            )
    return [
        _question(
            "unheard",
            template,
            values,
            (*(names[code] for code in talked), template["none"]),
            answers,
            evidence,
        )
    ]


def no_official(context: _Context, template: dict) -> list[Question]:
    """A country whose officials some outlets quote and others never do."""
    if len(context.reports) < 2:
        return []
    names = country_names()
    quoting: dict[str, list[Report]] = {}
    for report in context.reports:
        for code in {s.country for s in report.sources.speakers if s.speaker_type == "official"}:
            if code in names:
                quoting.setdefault(code, []).append(report)
    partial = [code for code, reports in quoting.items() if len(reports) < len(context.reports)]
    if not partial:
        return []
    code = max(partial, key=lambda c: (len(quoting[c]), -_country_rank(c)))
    without = tuple(context.label(r) for r in context.reports if r not in quoting[code])
    values = {
        "country": names[code],
        "answer": _join(without),
        "others": _join([context.label(r) for r in quoting[code]]),
    }
    evidence = tuple(
        _quote_evidence(context, report, quote)
        for report in quoting[code]
        for quote in [next(q for q in report.sources.quotes if _is_official_of(report, q, code))]
    )
    return [
        _question(
            f"no_official:{code}", template, values, context.labels.values(), without, evidence
        )
    ]


def speaker_type_only_one(context: _Context, template: dict) -> list[Question]:
    """The first kind of voice (in the template's order) that one outlet alone quotes."""
    if len(context.reports) < 2:
        return []
    for kind, plural in template["plural"].items():
        having = [
            r for r in context.reports if any(s.speaker_type == kind for s in r.sources.speakers)
        ]
        if len(having) != 1:
            continue
        report = having[0]
        speakers = [s for s in report.sources.speakers if s.speaker_type == kind]
        values = {
            "type": plural,
            "answer": context.label(report),
            "names": _join([_speaker_phrase(s) for s in speakers[:MAX_NAMES]])
            + (f" and {len(speakers) - MAX_NAMES} more" if len(speakers) > MAX_NAMES else ""),
            "definition": glossary()[f"speaker.{kind}"].definition,
        }
        evidence = tuple(
            _quote_evidence(context, report, report.sources.quotes[s.quotes[0]])
            for s in speakers[: EVIDENCE_PER_OUTLET + 1]
        )
        return [
            _question(
                f"speaker_type_only_one:{kind}",
                template,
                values,
                context.labels.values(),
                (context.label(report),),
                evidence,
                (f"speaker.{kind}",),
            )
        ]
    return []


def most_voices(context: _Context, template: dict) -> list[Question]:
    """The outlet quoting far more distinct voices than any other."""
    if len(context.reports) < 2:
        return []
    ranked = sorted(context.reports, key=lambda r: -r.sources.source_mix.voices)
    first, second = ranked[0], ranked[1]
    count, second_count = first.sources.source_mix.voices, second.sources.source_mix.voices
    if count < MIN_VOICES or count < VOICES_RATIO * second_count:
        return []
    values = {
        "answer": context.label(first),
        "count": count,
        "second": context.label(second),
        "second_count": second_count,
    }
    evidence = tuple(
        _quote_evidence(context, first, first.sources.quotes[s.quotes[0]])
        for s in first.sources.speakers[: EVIDENCE_PER_OUTLET + 1]
    )
    return [
        _question(
            "most_voices", template, values, context.labels.values(), (values["answer"],), evidence
        )
    ]


def anonymity(context: _Context, template: dict) -> list[Question]:
    """The one outlet that quotes a source it grants anonymity."""
    if len(context.reports) < 2:
        return []
    granting = [r for r in context.reports if any(s.anonymous for s in r.sources.speakers)]
    if len(granting) != 1:
        return []
    report = granting[0]
    speakers = [s for s in report.sources.speakers if s.anonymous]
    values = {
        "answer": context.label(report),
        "names": _join([f"“{s.name}”" for s in speakers]),
    }
    evidence = tuple(
        _quote_evidence(context, report, report.sources.quotes[s.quotes[0]]) for s in speakers
    )
    return [
        _question(
            "anonymity", template, values, context.labels.values(), (values["answer"],), evidence
        )
    ]


def second_hand(context: _Context, template: dict) -> list[Question]:
    """Outlets that pass on quotes taken from other outlets (when not all of them do)."""
    if len(context.reports) < 2:
        return []
    relayed = {r.article.id: [q for q in r.sources.quotes if q.chain] for r in context.reports}
    passing = [r for r in context.reports if relayed[r.article.id]]
    if not passing or len(passing) == len(context.reports):
        return []
    chains = [
        f"{context.label(r)} via {_join(list(dict.fromkeys(o for q in relayed[r.article.id] for o in q.chain)))}"
        for r in passing
    ]
    values = {"answer": _join([context.label(r) for r in passing]), "chains": "; ".join(chains)}
    evidence = tuple(_quote_evidence(context, r, relayed[r.article.id][0]) for r in passing)
    return [
        _question(
            "second_hand",
            template,
            values,
            context.labels.values(),
            (context.label(r) for r in passing),
            evidence,
        )
    ]


QUESTION_KINDS: dict[str, Callable[[_Context, dict], list[Question]]] = {
    "unheard": unheard,
    "no_official": no_official,
    "speaker_type_only_one": speaker_type_only_one,
    "most_voices": most_voices,
    "anonymity": anonymity,
    "second_hand": second_hand,
    "only_one_reports": only_one_reports,
    "left_out": left_out,
    "lede_frame": lede_frame,
    "frame_only_one": frame_only_one,
    "language_only_one": language_only_one,
    "narration_subjectivity": narration_subjectivity,
    "narration_tone": narration_tone,
    "actor_tone": actor_tone,
    "only_one_mentions": only_one_mentions,
    "distinctive_word": distinctive_word,
    "trimmed_quote": trimmed_quote,
    "analyzer_disagreement": analyzer_disagreement,
}


# --- comparing a metric across outlets -----------------------------------------------


def _metric_question(
    context: _Context, kind: str, template: dict, measures: list[_Measure], signed: bool
) -> list[Question]:
    """One outlet set apart from all others if the intervals allow; else the two ends."""
    if len(measures) < 2:
        return []
    if len(measures) >= 3 and (
        question := _standout_question(context, kind, template, measures, signed)
    ):
        return [question]
    return [_pair_question(context, kind, template, measures, signed)]


def _standout_question(
    context: _Context,
    question_id: str,
    template: dict,
    measures: list[_Measure],
    signed: bool,
    sentences_of: Callable[[_Measure], int] | None = None,
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
        value=_number(winner.value, signed),
        ci=_interval(winner.ci, signed),
        side=side,
    )
    if sentences_of:
        values["sentences"] = str(sentences_of(winner))
    return _question(
        question_id,
        template,
        values,
        (context.label(m.report) for m in measures),
        (answer,),
        winner.evidence(higher),
    )


def _pair_question(
    context: _Context, kind: str, template: dict, measures: list[_Measure], signed: bool
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
        "first_value": _number(first.value, signed),
        "first_ci": _interval(first.ci, signed),
        "second_value": _number(second.value, signed),
        "second_ci": _interval(second.ci, signed),
        "answer": context.label(high.report) if separated else cannot_tell,
    }
    return _question(
        f"{kind}:pair",
        template,
        values,
        (values["first"], values["second"], cannot_tell),
        (values["answer"],),
        first.evidence(True) + second.evidence(True),
        wording=("pair_prompt", "pair_reveal" if separated else "unclear_reveal"),
    )


def _number(value: float, signed: bool) -> str:
    return f"{value:+.2f}" if signed else f"{value:.2f}"


def _interval(ci: tuple[float, float], signed: bool) -> str:
    return f"{_number(ci[0], signed)} to {_number(ci[1], signed)}"


# --- evidence ------------------------------------------------------------------------


def _evidence(
    context: _Context, report: Report, sentence: int, highlights: Sequence[Span], note: str = ""
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


def _narration_evidence(
    context: _Context, report: Report, metric: str, higher: bool
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
        words = _scoring_words(tone.assessments, metric)
        highlights = _find_words(report.article.text, part, words)
        note = f"{metric} {_number(getattr(part, metric), metric == 'polarity')}"
        evidence.append(_evidence(context, report, tone.sentence, highlights, note))
    return tuple(sorted(evidence, key=lambda e: e.sentence))


def _actor_evidence(
    context: _Context, report: Report, actor_id: str, higher: bool
) -> tuple[Evidence, ...]:
    """The sentences naming the actor with the most extreme tone, names and words marked."""
    tone = next(t for t in report.sentiment.toward if t.actor == actor_id)
    scores = sorted(
        (report.sentiment.sentences[i] for i in tone.sentences),
        key=lambda s: s.polarity,
        reverse=higher,
    )
    mentions = [Span(m.start, m.end) for m in report.mentions if m.actor == actor_id]
    evidence = []
    for score in scores[:EVIDENCE_PER_OUTLET]:
        sentence = report.document.sentences[score.sentence]
        words = _scoring_words(score.assessments, "polarity")
        highlights = mentions + _find_words(report.article.text, sentence, words)
        note = f"polarity {_number(score.polarity, True)}"
        evidence.append(_evidence(context, report, score.sentence, highlights, note))
    return tuple(sorted(evidence, key=lambda e: e.sentence))


def _scoring_words(assessments: Sequence[Assessment], metric: str) -> list[str]:
    """The lexicon words that moved `metric` (TextBlob also lists words scoring zero)."""
    return [word for a in assessments if getattr(a, metric) for word in a.words]


def _find_words(text: str, span: Span, words: Sequence[str]) -> list[Span]:
    """Where the lexicon words (lower-cased by TextBlob) occur inside `span`."""
    found = []
    for word in dict.fromkeys(words):
        pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
        found.extend(Span(m.start(), m.end()) for m in pattern.finditer(text, span.start, span.end))
    return found


# --- sources ---------------------------------------------------------------------------


def _quote_evidence(context: _Context, report: Report, quote: Quote) -> Evidence:
    """The sentence of a quote with the quote marked, and who said it."""
    note = f"{quote.speaker}, {quote.kind} quote" if quote.speaker else f"{quote.kind} quote"
    return _evidence(context, report, quote.sentence, [Span(quote.start, quote.end)], note)


def _quotes_from(context: _Context, code: str) -> list[tuple[Report, Quote]]:
    """Quotes whose speaker belongs to country `code`, one per article first."""
    found = [
        (report, next(q for q in report.sources.quotes if q.country == code))
        for report in context.reports
        if any(q.country == code for q in report.sources.quotes)
    ]
    return found


def _is_official_of(report: Report, quote: Quote, code: str) -> bool:
    return quote.speaker_type == "official" and quote.country == code


def _speaker_phrase(speaker: Speaker) -> str:
    """ "Ana Pérez (scholar, Brookings Institution)" or the description as printed."""
    details = ", ".join(part for part in (speaker.role, speaker.organization) if part)
    if speaker.named and details:
        return f"{speaker.name} ({details})"
    return speaker.name


@cache
def country_names() -> dict[str, str]:
    """ISO country code -> name, from the actor gazetteer's countries."""
    return {a.country: a.name for a in gazetteer().values() if a.kind == "country" and a.country}


def _actor_country(actor_id: str) -> str:
    return gazetteer()[actor_id].country


def _country_mentions(context: _Context, code: str) -> int:
    return sum(1 for r in context.reports for m in r.mentions if _actor_country(m.actor) == code)


def _country_rank(code: str) -> int:
    return list(country_names()).index(code)


# --- frames ----------------------------------------------------------------------------


def _frame_score(report: Report, frame_id: str) -> FrameScore:
    return next(score for score in report.framing.frames if score.frame == frame_id)


def _frames_by_article(
    context: _Context, holds: Callable[[FrameScore], bool]
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
    context: _Context,
    kind: str,
    frame_id: str,
    template: dict,
    values: dict,
    report: Report,
    evidence: tuple[Evidence, ...],
) -> Question:
    term = f"frame.{frame_id}"
    return _question(
        f"{kind}:{frame_id}",
        template,
        values,
        context.labels.values(),
        (context.label(report),),
        evidence,
        (term,) if term in glossary() else (),
    )


# --- facts and words across outlets ----------------------------------------------------


def _cut_differently(quote: SharedQuote) -> bool:
    """Versions of one quotation, not two quotations that share a phrase."""
    shortest = min(use.words for use in quote.uses)
    return quote.trimmed and len(quote.common.split()) >= MIN_TRIM_OVERLAP * shortest


def _telling_sentences(comparison: Comparison) -> dict[tuple[str, int], int]:
    """(article, sentence) -> rank of the most telling entity one outlet alone names there."""
    ranks: dict[tuple[str, int], int] = {}
    for row in comparison.entities:
        if len(row.cells) != 1 or row.kind not in TELLING_ENTITIES:
            continue
        for evidence in row.cells[0].evidence:
            for sentence in evidence.sentences:
                key = (evidence.article, sentence)
                ranks[key] = min(
                    ranks.get(key, len(TELLING_ENTITIES)), TELLING_ENTITIES.index(row.kind)
                )
    return ranks


def _fact_interest(fact: Fact, telling: dict[tuple[str, int], int]) -> tuple:
    """Sort key, most interesting first: a telling entity, then early in its article."""
    evidence = fact.cells[0].evidence[0]
    where = [(evidence.article, s) for s in evidence.sentences]
    rank = min(telling.get(key, len(TELLING_ENTITIES)) for key in where)
    return (rank, evidence.sentences[0], evidence.article)


def _fact_evidence(
    context: _Context, fact: Fact, forms: Sequence[str] = ()
) -> tuple[Evidence, ...]:
    """The first sentence of the fact in each outlet that reports it, `forms` marked."""
    evidence = []
    for cell in fact.cells:
        report = context.report(cell.evidence[0].article)
        sentence = report.document.sentences[cell.evidence[0].sentences[0]]
        marks = [
            Span(m.start(), m.end())
            for form in forms
            for m in re.finditer(re.escape(form), report.article.text[: sentence.end])
            if m.start() >= sentence.start
        ]
        evidence.append(_evidence(context, report, sentence.index, marks))
    return tuple(evidence)


def _single_entity_forms(comparison: Comparison) -> list[str]:
    """How the text writes the telling entities (sums, laws, names) one outlet alone names."""
    return [
        form
        for row in comparison.entities
        if len(row.cells) == 1 and row.kind in TELLING_ENTITIES
        for form in (f.text for f in row.cells[0].forms)
    ]


def _find_term(text: str, span: Span, term: str) -> list[Span]:
    """A compare term (lower-cased words, possessives dropped) where it occurs in `span`."""
    words = r"[\s-]+".join(re.escape(word) for word in term.split())
    dot = r"\.?" if "." in term else ""
    pattern = re.compile(rf"(?<!\w){words}{dot}(?!\w)", re.IGNORECASE)
    return [Span(m.start(), m.end()) for m in pattern.finditer(text, span.start, span.end)]


def _surface_form(context: _Context, evidence: Sequence[Evidence]) -> str:
    """How the articles actually write a term: its most frequent highlighted form."""
    forms = [
        context.report(e.article).article.text[h.start : h.end]
        for e in evidence
        for h in e.highlights
    ]
    return max(sorted(set(forms)), key=forms.count) if forms else ""


def _shorten(text: str) -> str:
    words = text.split()
    if len(words) <= MAX_QUOTED_WORDS:
        return " ".join(words)
    return " ".join(words[:MAX_QUOTED_WORDS]) + " …"


def _lower_first(label: str) -> str:
    """A label in the middle of a sentence: "Economic" -> "economic", "NATO" stays."""
    return label[0].lower() + label[1:] if label[1:2].islower() else label


def _stable_position(seed: str, choices: int) -> int:
    """Where the right choice goes: fixed for the same text, not always first or last."""
    return int(hashlib.sha1(seed.encode("utf-8")).hexdigest(), 16) % choices


def _join(items: Sequence[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# --- actors --------------------------------------------------------------------------


def _mention_count(report: Report, actor_id: str) -> int:
    return sum(1 for mention in report.mentions if mention.actor == actor_id)


def _sentences_mentioning(report: Report, actor_id: str) -> int:
    tone = next(t for t in report.sentiment.toward if t.actor == actor_id)
    return len(tone.sentences)


def _actor_rank(actor_id: str) -> int:
    return list(gazetteer()).index(actor_id)


def _actors_by_attention(reports: Sequence[Report]) -> list[str]:
    """Actors by the number of sentences naming them across all articles, most first."""
    totals: dict[str, int] = {}
    for report in reports:
        for tone in report.sentiment.toward:
            totals[tone.actor] = totals.get(tone.actor, 0) + len(tone.sentences)
    return sorted(totals, key=lambda actor: (-totals[actor], _actor_rank(actor)))


def generate_questions(
    reports: Sequence[Report], labels: dict[str, str], comparison: Comparison | None
) -> tuple[Question, ...]:
    """Every question the results support, in the order of the templates file.

    `labels` name each article (by id) in choices; `comparison` is `compare(reports)`.
    """
    context = _Context(tuple(reports), labels, comparison)
    templates = load_toml(TEMPLATES_FILE)["question"]
    return tuple(
        question
        for kind, template in templates.items()
        for question in QUESTION_KINDS[kind](context, template)
    )
