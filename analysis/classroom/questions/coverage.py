"""Questions on what outlets report: the fact only one outlet reports or leaves out, the
actor only one names, an outlet's distinctive word, and a quote trimmed differently.
"""

import re
from collections.abc import Sequence
from typing import Any

from ...compare import Comparison, Fact, SharedQuote
from ...compare.actors import mentions_of
from ...text import Span
from .base import (
    EVIDENCE_PER_OUTLET,
    Context,
    Evidence,
    Question,
    evidence_of,
    join_names,
    make_question,
    shorten,
    stable_position,
)

# At most this many facts reported by several outlets stand beside the one only one
# outlet reports.
SHARED_FACT_CHOICES = 3
# Entities that make a fact concrete, most telling first: a fact carrying one of these,
# named by one outlet only, is the one a class can check.
# Two quotations are one quotation cut differently when the words they share make up at
# least this share of the shorter: "all of our allies and partners" in two different
# statements is a shared phrase, not a trimmed quote.
MIN_TRIM_OVERLAP = 0.6
TELLING_ENTITIES = ("money", "number", "law", "person", "acronym")


def only_one_mentions(context: Context, template: dict[str, Any]) -> list[Question]:
    """The actor most written about among those only one article mentions."""
    if len(context.reports) < 2:
        return []
    # the heaviest actor (context.actors is by weight) named by one article only
    single = next((a for a in context.actors if a.articles == 1), None)
    if single is None:
        return []
    report = context.report(single.ids[0][0])
    mentions = mentions_of(report, single)
    words = ", ".join(dict.fromkeys(f"“{m.alias}”" for m in mentions))
    answer = context.label(report)
    sentences = sorted({report.document.sentence_at(m.start) for m in mentions})
    values = {"actor": single.name, "answer": answer, "count": len(mentions), "words": words}
    return [
        make_question(
            f"only_one_mentions:{single.key}",
            template,
            values,
            context.labels.values(),
            (answer,),
            (
                evidence_of(context, report, i, [Span(m.start, m.end) for m in mentions])
                for i in sentences[: EVIDENCE_PER_OUTLET + 1]
            ),
        )
    ]


def only_one_reports(context: Context, template: dict[str, Any]) -> list[Question]:
    """A fact one outlet alone reports, among facts several outlets report."""
    if not context.compared:
        return []
    assert context.comparison is not None
    facts = context.comparison.coverage.facts
    shared = [f for f in facts if len(f.columns) > 1][:SHARED_FACT_CHOICES]
    single = [f for f in facts if len(f.columns) == 1]
    if not shared or not single:
        return []
    telling = _telling_sentences(context.comparison)
    fact = min(single, key=lambda f: _fact_interest(f, telling))
    answer = shorten(fact.text)
    choices = [shorten(f.text) for f in shared]
    choices.insert(stable_position(fact.text, len(choices) + 1), answer)
    column = context.column_label(fact.columns[0])
    return [
        make_question(
            f"only_one_reports:{fact.id}",
            template,
            {"answer": column, "fact": answer},
            choices,
            (answer,),
            _fact_evidence(context, fact, _single_entity_forms(context.comparison)),
        )
    ]


def left_out(context: Context, template: dict[str, Any]) -> list[Question]:
    """The fact most outlets report that one (or a few) leave out."""
    if not context.compared:
        return []
    assert context.comparison is not None
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
        make_question(
            f"left_out:{fact.id}",
            template,
            {"answer": join_names(absent), "reporters": join_names(reporters)},
            context.column_labels(),
            absent,
            _fact_evidence(context, fact),
            passage=fact.text,
        )
    ]


def distinctive_word(context: Context, template: dict[str, Any]) -> list[Question]:
    """The word that sets one outlet apart most clearly (the highest significant z)."""
    if not context.compared:
        return []
    assert context.comparison is not None
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
                evidence_of(
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
        make_question(
            f"distinctive_word:{term.term}",
            template,
            values,
            context.column_labels(),
            (answer,),
            evidence[: EVIDENCE_PER_OUTLET + 1],
        )
    ]


def trimmed_quote(context: Context, template: dict[str, Any]) -> list[Question]:
    """A quotation several outlets cut differently: who quotes the most of it?"""
    if not context.compared:
        return []
    assert context.comparison is not None
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
        "common": shorten(min(quote.uses, key=lambda use: use.words).text.strip(" ,.")),
        "answer": join_names(winners),
        "words": longest,
        "versions": versions,
    }
    evidence = tuple(
        evidence_of(context, context.report(use.article), use.sentence, [Span(use.start, use.end)])
        for use in quote.uses
    )
    return [
        make_question(
            f"trimmed_quote:{quote.uses[0].article}:{quote.uses[0].start}",
            template,
            values,
            (context.column_label(key) for key in quote.columns),
            winners,
            evidence,
        )
    ]


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


def _fact_interest(fact: Fact, telling: dict[tuple[str, int], int]) -> tuple[int, int, str]:
    """Sort key, most interesting first: a telling entity, then early in its article."""
    evidence = fact.cells[0].evidence[0]
    where = [(evidence.article, s) for s in evidence.sentences]
    rank = min(telling.get(key, len(TELLING_ENTITIES)) for key in where)
    return (rank, evidence.sentences[0], evidence.article)


def _fact_evidence(context: Context, fact: Fact, forms: Sequence[str] = ()) -> tuple[Evidence, ...]:
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
        evidence.append(evidence_of(context, report, sentence.index, marks))
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


def _surface_form(context: Context, evidence: Sequence[Evidence]) -> str:
    """How the articles actually write a term: its most frequent highlighted form."""
    forms = [
        context.report(e.article).article.text[h.start : h.end]
        for e in evidence
        for h in e.highlights
    ]
    return max(sorted(set(forms)), key=forms.count) if forms else ""
