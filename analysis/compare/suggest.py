"""Cue suggestions for a codebook, from the user's own articles.

For each frame, the sentences that carry it are set against the sentences that do not:
a word (or two-word phrase) over-represented in the carrying sentences — weighted
log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), as for an
outlet's distinctive words — and not yet one of the frame's cues is a candidate cue. A
candidate is a suggestion to read, not a rule: the teacher decides whether the word names
the frame's angle or only the story's topic, then adds it to their codebook.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..framing import Codebook
from ..report import Report
from .coverage import sentence_terms
from .words import log_odds_z

MAX_SUGGESTIONS = 10
MIN_CARRYING_SENTENCES = 3  # fewer, and no word can stand out from chance
MIN_COUNT = 2  # a word in one carrying sentence only is an accident of wording
# One-sided 5%: only over-representation is asked about.
MIN_Z = 1.645


@dataclass(frozen=True)
class Suggestion:
    """A word the sentences carrying `frame` use more than the others, with its z-score,
    how many carrying sentences use it, and one of them (article id, sentence index)."""

    frame: str
    term: str
    z: float
    count: int
    example: tuple[str, int]


def suggest_cues(reports: Sequence[Report], codebook: Codebook) -> tuple[Suggestion, ...]:
    """Candidate cues for every frame of `codebook` that the reports' sentences support.
    The reports must have been analysed with this codebook."""
    terms = {}
    for report in reports:  # names are left out: they say what a story is about, not its angle
        names = [(m.start, m.end) for m in report.mentions]
        for index, sentence in enumerate(report.document.sentences):
            text = report.article.text
            key = (report.article.id, index)
            terms[key] = sentence_terms(text, sentence.start, sentence.end, names)
    prior = Counter(term for found in terms.values() for term in set(found))
    result = []
    for frame in codebook.frames:
        known = {word for cue in frame.cues for word in cue.text.lower().split()}
        carrying = {
            (r.article.id, e.sentence)
            for r in reports
            for score in r.framing.frames
            if score.frame == frame.id
            for e in score.evidence
            if e.carries
        }
        if len(carrying) < MIN_CARRYING_SENTENCES:
            continue
        own: Counter[str] = Counter()
        others: Counter[str] = Counter()
        example: dict[str, tuple[str, int]] = {}
        for key, found in terms.items():
            (own if key in carrying else others).update(set(found))
            if key in carrying:
                for term in found:
                    example.setdefault(term, key)
        scored = [
            Suggestion(frame.id, term, round(z, 2), own[term], example[term])
            for term, (_, z) in log_odds_z(own, others, prior).items()
            if z >= MIN_Z and own[term] >= MIN_COUNT and not set(term.split()) & known
        ]
        result += sorted(scored, key=lambda s: (-s.z, s.term))[:MAX_SUGGESTIONS]
    return tuple(result)
