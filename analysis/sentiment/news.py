"""The news lens: TextBlob's lexicon scorer, with the words news tone is carried by.

TextBlob scores adjectives (`good`, `deadly`); news carries tone in nouns and verbs too
(`attack`, `flood`, `sanctions`, `praised`, `rescued`). The news lexicon
(data/news_tone.tsv, built from the CAMEO/Goldstein conflict–cooperation scale, EM-DAT
disaster types, ICCS offence categories and general news usage) adds them. A sentence's
score is built from both, read the way a reader weighs them:

- names carry no tone: words inside a name (`United Nations`, `Peace Corps`, `Liberty
  Unyielding`) are masked before scoring;
- a news word overrides TextBlob's reading of the words inside it (`sends a strong
  message` is a threat, not praise of strength);
- a negator within NEGATION_REACH words before a news word turns it (`no one was
  hurt`);
- contrast: words before `but`, `however`, `yet` weigh CONTRAST_BEFORE, after them
  CONTRAST_AFTER; a clause opened by `despite` or `although` weighs CONCESSION (the
  conceded part);
- the weighted sum is squashed to −1…+1 by s / sqrt(s² + SCALE), as VADER does, so more
  evidence moves the score further but never past ±1.
SCALE and the neutral band were chosen on the development set (docs/tone.md).
"""

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from ..framing.cues import Entry, Matcher, tokenize
from ..resources import load_tsv
from ..text import Span, SpanSet
from .lexicons import Assessment, textblob_sentiment

NEWS_LEXICON = "news_tone.tsv"
NEGATORS = frozenset(
    {
        "not",
        "no",
        "never",
        "without",
        "nor",
        "none",
        "nobody",
        "nothing",
        "neither",
        "hardly",
        "barely",
        "cannot",
        "n't",
        "didn",
        "doesn",
        "don",
        "isn",
        "wasn",
        "weren",
        "aren",
        "won",
        "wouldn",
        "couldn",
        "shouldn",
    }
)
NEGATION_REACH = 3  # words
NEGATION_SCALE = -0.5  # a negated word counts half, the other way (VADER: -0.74)
# Words that may stand between a negator and what it negates: `not a good`, `no room for`.
NEGATION_SKIPS = frozenset(
    {
        "a",
        "an",
        "the",
        "any",
        "very",
        "so",
        "too",
        "much",
        "be",
        "been",
        "being",
        "is",
        "was",
        "were",
        "are",
        "have",
        "has",
        "had",
        "room",
        "for",
        "more",
        "longer",
        "one",
    }
)
CONTRASTS = frozenset({"but", "however", "yet"})
CONCESSIONS = frozenset({"despite", "although", "though", "notwithstanding"})
CONTRAST_BEFORE, CONTRAST_AFTER, CONCESSION = 0.5, 1.5, 0.5  # VADER's but-rule weights
# TextBlob's lexicon gives small positive values to words that are mostly neutral in news
# (`new` 0.14, `first` 0.25, `high` 0.16): below this they are left out.
TEXTBLOB_MIN = 0.2
SCALE = 1.0
VADER_WEIGHT = 1.0  # how much VADER's general lexicon counts beside the news lexicon
# VADER rates many plain words mildly (`friends` +2.1, `agree` +1.5, `value` +1.4): only
# words rated at least this strongly (of 4) are read.
VADER_MIN = 1.0
# The neutral band is asymmetric: news is told in flat negative words more than flat
# positive ones, so a positive reading needs more evidence. Both ends, and SCALE, were
# chosen on the development sentences (benchmarks/tone_calibration.py, docs/tone.md).
NEWS_NEGATIVE, NEWS_POSITIVE = -0.1, 0.3


@dataclass(frozen=True)
class ToneWord(Span):
    """A word or phrase that moved the news lens, with the weight it counted for after
    negation and contrast, and where its weight came from."""

    text: str
    weight: float
    source: str  # "news lexicon" or "TextBlob"


@cache
def _matcher() -> Matcher:
    return Matcher(
        Entry(term, "news", float(weight)) for term, weight, *_ in load_tsv(NEWS_LEXICON)
    )


def news_words(
    text: str, start: int, end: int, assessments: Sequence[Assessment], names: SpanSet
) -> tuple[ToneWord, ...]:
    """The words of text[start:end] that carry tone for the news lens, weighted."""
    tokens = tokenize(text, start, end)
    words, matches = tokens.words, tokens.matches
    capitals = _capitalised_names(text, matches)

    def masked(begin: int, finish: int) -> bool:
        return names.touches(begin, finish) or _touches(capitals, begin, finish)

    hits = [h for h in _matcher().find(tokens) if not masked(h.start, h.end)]
    news = [
        ToneWord(h.start, h.end, text[h.start : h.end], h.entry.weight, "news lexicon")
        for h in hits
    ]
    textblob = _textblob_words(text, start, end, assessments, news, masked)
    covered = [*news, *textblob]
    vader = [
        ToneWord(m.start(), m.end(), m.group(), weight, "VADER lexicon")
        for word, m in zip(words, matches, strict=True)
        if (weight := general_valence(word))
        and not masked(m.start(), m.end())
        and not _touches(covered, m.start(), m.end())
    ]
    found = [w for w in news if w.weight] + textblob + vader  # weight 0: no tone, no TextBlob
    turn = [i for i, w in enumerate(words) if w in CONTRASTS]
    concession = _concession(text, words, matches)
    weighted = []
    starts = [m.start() for m in matches]
    for word in sorted(found, key=lambda w: w.start):
        position = bisect_left(starts, word.start)
        weight = word.weight
        if word.source != "TextBlob" and _negated(words, position):  # TextBlob negates its own
            weight *= NEGATION_SCALE
        if turn:
            weight *= CONTRAST_BEFORE if position < turn[-1] else CONTRAST_AFTER
        if concession and concession[0] <= word.start < concession[1]:
            weight *= CONCESSION
        weighted.append(ToneWord(word.start, word.end, word.text, round(weight, 4), word.source))
    return tuple(weighted)


def _negated(words: Sequence[str], position: int) -> bool:
    """A negator right before the word, or with only function words between (`not a
    good`, `no room for`), within NEGATION_REACH words."""
    for back in range(1, NEGATION_REACH + 1):
        if position - back < 0:
            return False
        word = words[position - back]
        if word in NEGATORS:
            return True
        if word not in NEGATION_SKIPS:
            return False
    return False


def _capitalised_names(text: str, matches: Sequence[re.Match[str]]) -> list[Span]:
    """Capitalised words inside a sentence, after its first word: names of things the pack
    does not know (`Emergency Use Listing`, `Liberty Unyielding`), which carry no tone."""
    return [
        Span(m.start(), m.end())
        for index, m in enumerate(matches)
        if index
        and m.group()[:1].isupper()
        and not m.group().isupper()
        and text[max(0, m.start() - 2) : m.start()].strip() not in (".", "“", '"', ":")
    ]


@cache
def _vader_lexicon() -> dict[str, float]:
    from .lexicons import vader_analyzer

    return dict(vader_analyzer().lexicon)


def general_valence(word: str) -> float:
    """A word's valence in VADER's crowd-rated general lexicon (Hutto & Gilbert 2014),
    −4…+4 scaled to −1…+1: for the nouns and verbs neither TextBlob nor the news
    lexicon knows (`vengeance`, `misleading`). Words that name a policy domain or an
    institution (`security`, `agreement`, `peace`, `justice`: news_tone.tsv's
    `domain` rows, weight 0) carry no tone in news and are not looked up."""
    valence = _vader_lexicon().get(word, 0.0)
    if word in _domain_words() or abs(valence) < VADER_MIN:
        return 0.0
    return round(valence / 4 * VADER_WEIGHT, 4)


@cache
def _domain_words() -> frozenset[str]:
    return frozenset(
        term for term, _, category, *_ in load_tsv(NEWS_LEXICON) if category == "domain"
    )


def news_score(words: Sequence[ToneWord]) -> float:
    """The news lens's score of a sentence (or part) from its weighted words, −1…+1."""
    total = sum(word.weight for word in words)
    return round(float(total / (total * total + SCALE) ** 0.5), 4)


def _textblob_words(
    text: str,
    start: int,
    end: int,
    assessments: Sequence[Assessment],
    news: Sequence[ToneWord],
    masked: Callable[[int, int], bool],
) -> list[ToneWord]:
    """TextBlob's assessments located in the text (TextBlob gives no offsets): its last
    word, searched from where the previous one was found; dropped inside a name or a news
    word, and below TEXTBLOB_MIN."""
    found, position = [], start
    lexicon = textblob_sentiment()
    for assessment in assessments:
        if abs(assessment.polarity) < TEXTBLOB_MIN or assessment.words[-1].endswith("ly"):
            continue  # weak, or an adverb whose head TextBlob did not know ("incredibly …")
        head = next((w for w in reversed(assessment.words) if w in lexicon), assessment.words[-1])
        match = re.compile(rf"(?<!\w){re.escape(head)}(?!\w)", re.IGNORECASE).search(
            text, position, end
        )
        if match is None:
            continue
        position = match.end()
        if masked(match.start(), match.end()) or _touches(news, match.start(), match.end()):
            continue
        found.append(
            ToneWord(
                match.start(),
                match.end(),
                " ".join(assessment.words),
                assessment.polarity,
                "TextBlob",
            )
        )
    return found


def _concession(
    text: str, words: Sequence[str], matches: Sequence[re.Match[str]]
) -> tuple[int, int] | None:
    """The clause a concession opens: from `despite` (`although`) to the next comma, or
    to the end of the sentence when it comes last."""
    for index, word in enumerate(words):
        if word in CONCESSIONS:
            begin = matches[index].start()
            comma = text.find(",", begin, matches[-1].end())
            return begin, comma if comma >= 0 else matches[-1].end()
    return None


def _touches(words: Sequence[Span], start: int, end: int) -> bool:
    return any(word.start < end and start < word.end for word in words)
