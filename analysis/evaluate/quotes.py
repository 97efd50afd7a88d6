"""Quotes and speakers measured against hand annotation: detection (loose and strict span
overlap) per kind, and agreement on speaker, type, country and named.
"""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import DataFileError
from ..sources import MARKED_KINDS, QUOTE_KINDS, Quote, Speaker
from ..text import Span
from .gold import GoldArticle, analyzed_by_story, fmt, locate

# A predicted quote matches a gold one when it covers at least this share of the gold
# span (the loose criterion of the quotation-extraction literature), and, reported too, a
# strict one that asks for nearly the whole span.
LOOSE_OVERLAP = 0.3
STRICT_OVERLAP = 0.8
THRESHOLDS = (LOOSE_OVERLAP, STRICT_OVERLAP)
# The groups of quote kinds that are scored together (the targets are set on these).
KIND_GROUPS: dict[str, tuple[str, ...]] = {
    "direct+partial": MARKED_KINDS,
    "indirect": ("indirect",),
    "all": QUOTE_KINDS,
    **{kind: (kind,) for kind in QUOTE_KINDS},
}
AGREEMENT_GROUPS = ("direct+partial", "indirect", "all")


# --- quotes and speakers -----------------------------------------------------------------


@dataclass(frozen=True)
class Detection:
    """Precision, recall and F1 of finding the quotes of one group of kinds (or the
    unsourced claims) at one span overlap; undefined ratios are None."""

    group: str
    threshold: float
    gold: int
    found: int
    matched: int
    precision: float | None
    recall: float | None
    f1: float | None


def detection(group: str, threshold: float, gold: int, found: int, matched: int) -> Detection:
    precision = matched / found if found else None
    recall = matched / gold if gold else None
    f1 = (
        2 * precision * recall / (precision + recall)
        if precision and recall
        else (0.0 if recall is not None and (precision is not None or not matched) else None)
    )
    return Detection(group, threshold, gold, found, matched, precision, recall, f1)


@dataclass(frozen=True)
class Agreement:
    """How often an attribute of the matched quotes agrees with the gold one."""

    attribute: str
    group: str
    correct: int
    total: int
    accuracy: float | None


@dataclass(frozen=True)
class QuoteEvaluation:
    """Quote detection per kind group, attribute agreement on matched quotes, and every
    miss, extra quote and wrong speaker (to read, not to count)."""

    section: str
    articles: int
    detection: tuple[Detection, ...]
    agreement: tuple[Agreement, ...]
    errors: tuple[str, ...]

    def detection_of(self, group: str, threshold: float = LOOSE_OVERLAP) -> Detection:
        return next(d for d in self.detection if d.group == group and d.threshold == threshold)

    def agreement_of(self, attribute: str, group: str = "all") -> Agreement:
        return next(a for a in self.agreement if a.attribute == attribute and a.group == group)

    def to_text(self) -> str:
        loose, strict = f"overlap ≥{LOOSE_OVERLAP:.0%}", f"overlap ≥{STRICT_OVERLAP:.0%}"
        lines = [
            f"{self.section}: {self.articles} articles (precision, recall, F1 at two span "
            "overlaps)",
            f"{'kind':16}{'gold':>5}{'found':>6}  {loose:^20}  {strict:^20}",
            f"{'':27}{'P':>6}{'R':>7}{'F1':>7}  {'P':>6}{'R':>7}{'F1':>7}",
        ]
        for group in KIND_GROUPS:
            first = self.detection_of(group)
            second = self.detection_of(group, STRICT_OVERLAP)
            cells = [fmt(x) for d in (first, second) for x in (d.precision, d.recall, d.f1)]
            lines.append(
                f"{group:16}{first.gold:>5}{first.found:>6}  "
                + "".join(f"{c:>7}" for c in cells[:3])
                + "  "
                + "".join(f"{c:>7}" for c in cells[3:])
            )
        lines.append("")
        lines.append(f"On quotes matched at {loose}: accuracy (correct/total)")
        lines.append(f"{'kind':16}" + "".join(f"{a:>16}" for a in ATTRIBUTES))
        for group in AGREEMENT_GROUPS:
            agreements = [self.agreement_of(attribute, group) for attribute in ATTRIBUTES]
            lines.append(
                f"{group:16}"
                + "".join(
                    f"{fmt(a.accuracy) + f' ({a.correct}/{a.total})':>16}" for a in agreements
                )
            )
        return "\n".join(lines + [f"  {error}" for error in self.errors])


def _normalize_name(name: str) -> str:
    """Speakers compare without case, a leading article or surrounding punctuation."""
    name = re.sub(r"\s+", " ", name.strip(" ,.").lower())
    return re.sub(r"^(?:the|a|an) ", "", name)


def same_speaker(predicted: str, gold: str) -> bool:
    """The same speaker: the same name, or one personal name inside the other with the same
    last word (`Ruto`, `William Ruto`, `William Samoei Ruto`)."""
    a, b = _normalize_name(predicted), _normalize_name(gold)
    if a == b:
        return True
    first, second = a.split(), b.split()
    return (
        bool(first and second)
        and first[-1] == second[-1]
        and (set(first) <= set(second) or set(second) <= set(first))
    )


def _same_text(predicted: str, gold: str) -> bool:
    """Roles and organisations compare loosely: equal, or one inside the other
    (`minister` in `foreign minister`, `WHO` in `WHO Europe`)."""
    a, b = _normalize_name(predicted), _normalize_name(gold)
    return a == b or (bool(a and b) and (f" {a} " in f" {b} " or f" {b} " in f" {a} "))


Judge = Callable[[Quote, Speaker | None, dict[str, Any]], bool | None]
# Each attribute compared on the matched quotes; None leaves a quote out of that attribute
# (gender is only judged for people: the gold leaves it empty for institutions and groups).
ATTRIBUTES: dict[str, Judge] = {
    "speaker": lambda q, s, g: same_speaker(q.speaker, g["speaker"]),
    "type": lambda q, s, g: q.speaker_type == g["speaker_type"],
    "country": lambda q, s, g: q.country == g.get("country", ""),
    "named": lambda q, s, g: q.named == g.get("named", False),
    "kind": lambda q, s, g: q.kind == g["kind"],
    "role": lambda q, s, g: None if "role" not in g else _same_text(s.role if s else "", g["role"]),
    "organization": lambda q, s, g: (
        None
        if "organization" not in g
        else _same_text(s.organization if s else "", g["organization"])
    ),
    "gender": lambda q, s, g: (
        None if not g.get("gender") else (getattr(s, "gender", "") or "unknown") == g["gender"]
    ),
}


def _gold_quotes(item: GoldArticle, section: str) -> list[tuple[Span, dict[str, Any]]]:
    quotes = []
    where = f"article at line {item.line} ({item.article.file}), [article.{section}]"
    for entry in item.sections[section]:
        for key in ("kind", "speaker", "speaker_type"):
            if key not in entry:
                raise DataFileError(f"{where}: a quote needs `{key}`")
        if entry["kind"] not in QUOTE_KINDS:
            raise DataFileError(
                f"{where}: unknown kind {entry['kind']!r}; use one of {', '.join(QUOTE_KINDS)}"
            )
        text = item.text_of(entry, "text", section)
        entry = {**entry, "text": text}
        quotes.append((locate(item, section, text, entry.get("occurrence", 1)), entry))
    return quotes


def _match(
    predicted: Sequence[Quote], gold: Sequence[tuple[Span, dict[str, Any]]], threshold: float
) -> list[tuple[int, int]]:
    """One-to-one pairs (predicted index, gold index), best overlap first."""
    candidates = []
    for p, quote in enumerate(predicted):
        for g, (span, _) in enumerate(gold):
            covered = Span(quote.start, quote.end).overlap(span) / max(1, span.end - span.start)
            if covered >= threshold:
                candidates.append((covered, p, g))
    pairs, used_p, used_g = [], set(), set()
    for _, p, g in sorted(candidates, reverse=True):
        if p not in used_p and g not in used_g:
            pairs.append((p, g))
            used_p.add(p)
            used_g.add(g)
    return pairs


def evaluate_quotes(section: str, items: Sequence[GoldArticle]) -> QuoteEvaluation:
    """Quote detection per kind group at both overlaps; speaker, type, country, named and
    kind agreement on the quotes matched at the loose overlap; and a list of errors."""
    tallies = {(group, t): [0, 0, 0] for group in KIND_GROUPS for t in THRESHOLDS}
    agree = {(attribute, group): [0, 0] for attribute in ATTRIBUTES for group in AGREEMENT_GROUPS}
    errors: list[str] = []
    reports = analyzed_by_story(items)
    for item in items:
        name = item.article.file
        gold = _gold_quotes(item, section)
        predicted = reports[name].sources.quotes
        for (group, threshold), tally in tallies.items():
            kinds = KIND_GROUPS[group]
            group_gold = [(span, g) for span, g in gold if g["kind"] in kinds]
            group_predicted = [q for q in predicted if q.kind in kinds]
            tally[0] += len(group_gold)
            tally[1] += len(group_predicted)
            tally[2] += len(_match(group_predicted, group_gold, threshold))
        pairs = _match(predicted, gold, LOOSE_OVERLAP)
        speakers = reports[name].sources.speakers
        for p, g in pairs:
            quote, entry = predicted[p], gold[g][1]
            speaker = speakers[quote.speaker_id] if quote.speaker_id is not None else None
            for group in AGREEMENT_GROUPS:
                if entry["kind"] in KIND_GROUPS[group]:
                    for attribute, judge in ATTRIBUTES.items():
                        verdict = judge(quote, speaker, entry)
                        if verdict is not None:
                            agree[attribute, group][0] += verdict
                            agree[attribute, group][1] += 1
            if not same_speaker(quote.speaker, entry["speaker"]):
                errors.append(
                    f"{name}: speaker {quote.speaker!r}, gold {entry['speaker']!r}: "
                    f"{entry['text'][:60]!r}"
                )
        for g in sorted(set(range(len(gold))) - {g for _, g in pairs}):
            errors.append(f"{name}: missed {gold[g][1]['kind']} {gold[g][1]['text'][:70]!r}")
        for p in sorted(set(range(len(predicted))) - {p for p, _ in pairs}):
            errors.append(f"{name}: extra {predicted[p].kind} {predicted[p].text[:70]!r}")
    return QuoteEvaluation(
        section=section,
        articles=len(items),
        detection=tuple(detection(group, t, *tally) for (group, t), tally in tallies.items()),
        agreement=tuple(
            Agreement(a, group, correct, total, correct / total if total else None)
            for (a, group), (correct, total) in agree.items()
        ),
        errors=tuple(errors),
    )
