"""Source cards: the journalism teacher's checklist for every quoted speaker.

Five questions a class asks of each source (is it independent, are there other sources,
does it verify or only assert, is it authoritative or informed, is it named). Each is
answered from what the sources analysis found in the text, and left for students
(`answer == ""`) where the text does not tell: the card never guesses.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..report import Report
from ..resources import load_toml
from ..sources import Quote, Speaker
from ..text import Span
from .glossary import glossary
from .questions import TEMPLATES_FILE, Evidence, country_name, sentence_evidence

NAMED = "check.named"
QUOTES_PER_CARD = 2  # sentences of quotes shown on a card
# Speaker types that speak for an institution with a stake in the story.
SPEAKS_FOR_A_SIDE = ("official", "legislator")


@dataclass(frozen=True)
class Check:
    """One checklist question, answered from the text, or open (`answer == ""`) with
    `reason` saying what students should look for."""

    id: str
    question: str
    answer: str
    reason: str

    @property
    def filled(self) -> bool:
        return bool(self.answer)


@dataclass(frozen=True)
class SourceCard:
    """A quoted speaker in one article: who they are, what they said, and the checklist."""

    article: str
    outlet: str
    speaker: str
    role: str
    organization: str
    speaker_type: str
    country: str
    quotes: tuple[Evidence, ...]
    checks: tuple[Check, ...]


def source_cards(reports: Sequence[Report], labels: dict[str, str]) -> tuple[SourceCard, ...]:
    """A card for every speaker of every article, in article and reading order."""
    return tuple(
        _card(report, speaker, labels[report.article.id])
        for report in reports
        for speaker in report.sources.speakers
    )


def _card(report: Report, speaker: Speaker, outlet: str) -> SourceCard:
    quotes = _quote_sentences(report, outlet, [report.sources.quotes[i] for i in speaker.quotes])
    checks = (
        independent(report, speaker),
        multiple(report, speaker),
        verifies(report, speaker),
        authoritative(speaker),
        named(speaker),
    )
    return SourceCard(
        report.article.id,
        outlet,
        speaker.name,
        speaker.role,
        speaker.organization,
        speaker.speaker_type,
        _country_name(speaker.country),
        quotes,
        checks,
    )


def independent(report: Report, speaker: Speaker) -> Check:
    """Not independent when the speaker speaks for a country the article is about."""
    country = _country_name(speaker.country)
    mentioned = speaker.country in report.sources.source_mix.countries_mentioned
    if speaker.speaker_type in SPEAKS_FOR_A_SIDE and country and mentioned:
        return _check("check.independent", "No", f"speaks for {country}, a side in this story")
    return _open("check.independent", "who employs or funds them, and what do they gain?")


def multiple(report: Report, speaker: Speaker) -> Check:
    """Other voices in the article, and whether any is known to come from another country."""
    others = [s for s in report.sources.speakers if s.id != speaker.id]
    if not others:
        return _check("check.multiple", "No", "the only voice the article quotes")
    names = load_toml(TEMPLATES_FILE)["cards"]["types"]
    kinds = Counter(s.speaker_type for s in others)
    summary = ", ".join(f"{count} {names[kind][count > 1]}" for kind, count in kinds.most_common())
    voices = f"{len(others)} other voice{'s' if len(others) > 1 else ''} ({summary})"
    country = _country_name(speaker.country)
    known = [s for s in others if _country_name(s.country)]
    if not country or any(s.country != speaker.country for s in known):
        return _check("check.multiple", "Yes", voices)
    if len(known) == len(others):
        return _check("check.multiple", "Partly", f"{voices}, all from {country}")
    if known:
        return _check(
            "check.multiple",
            "Partly",
            f"{voices}; all whose country the text gives are from {country}",
        )
    return _check("check.multiple", "Yes", f"{voices}, countries not given")


def verifies(report: Report, speaker: Speaker) -> Check:
    """From the reporting verbs: `confirmed`/`cited` verify; doubt verbs (`claimed`) assert."""
    quotes = [report.sources.quotes[i] for i in speaker.quotes]
    verifying = set(load_toml(TEMPLATES_FILE)["cards"]["verifying_verbs"])
    if cue := next((q.cue for q in quotes if q.verb in verifying), ""):
        return _check("check.verifies", "Verifies", f"the article writes “{cue}”")
    if cue := next((q.cue for q in quotes if q.verb_category == "doubt"), ""):
        return _check(
            "check.verifies", "Asserts", f"the article writes “{cue}”: it does not vouch for it"
        )
    return _open("check.verifies", "does the quote give evidence, figures or a document?")


def authoritative(speaker: Speaker) -> Check:
    """Officials and legislators speak with authority; experts are informed."""
    post = ", ".join(part for part in (speaker.role, speaker.organization) if part)
    if speaker.speaker_type in SPEAKS_FOR_A_SIDE:
        return _check("check.authoritative", "Authoritative", post or f"speaks as {speaker.name}")
    if speaker.speaker_type == "expert":
        return _check("check.authoritative", "Informed", post or "described as an expert")
    if speaker.speaker_type == "media":
        return _open("check.authoritative", "an outlet passing on what it heard: who told it?")
    return _open("check.authoritative", "what puts this source in a position to know?")


def named(speaker: Speaker) -> Check:
    if speaker.named:
        return _check(NAMED, "Yes", speaker.name)
    if speaker.anonymous:
        return _check(
            NAMED, "No", f"described only as “{speaker.name}”; the article grants anonymity"
        )
    if speaker.form == "institution":
        return _check(NAMED, "No", f"an institution speaks (“{speaker.name}”), no person")
    return _check(NAMED, "No", f"described only as “{speaker.name}”")


def _check(check_id: str, answer: str, reason: str) -> Check:
    return Check(check_id, glossary()[check_id].term, answer, reason)


def _open(check_id: str, hint: str) -> Check:
    prompt = load_toml(TEMPLATES_FILE)["cards"]["open"]
    return Check(check_id, glossary()[check_id].term, "", f"{prompt} Ask: {hint}")


def _quote_sentences(report: Report, outlet: str, quotes: Sequence[Quote]) -> tuple[Evidence, ...]:
    """The first sentences holding the speaker's quotes, each quote in its sentence marked."""
    by_sentence: dict[int, list[Span]] = {}
    for quote in quotes:
        by_sentence.setdefault(quote.sentence, []).append(Span(quote.start, quote.end))
    return tuple(
        sentence_evidence(report, outlet, sentence, spans)
        for sentence, spans in list(by_sentence.items())[:QUOTES_PER_CARD]
    )


def _country_name(code: str) -> str:
    return country_name(code)
