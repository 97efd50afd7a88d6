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
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ..framing.cues import Entry, Matcher, tokenize
from ..resources import load_tsv
from ..text import Span
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
CONTRASTS = frozenset({"but", "however", "yet"})
CONCESSIONS = frozenset({"despite", "although", "though", "notwithstanding"})
CONTRAST_BEFORE, CONTRAST_AFTER, CONCESSION = 0.5, 1.5, 0.5  # VADER's but-rule weights
# TextBlob's lexicon gives small positive values to words that are mostly neutral in news
# (`new` 0.14, `first` 0.25, `high` 0.16): below this they are left out.
TEXTBLOB_MIN = 0.2
SCALE = 1.0
NEWS_NEUTRAL = 0.1  # a score inside ±NEWS_NEUTRAL reads as neutral


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
    text: str, start: int, end: int, assessments: Sequence[Assessment], names: Sequence[Span]
) -> tuple[ToneWord, ...]:
    """The words of text[start:end] that carry tone for the news lens, weighted."""
    tokens = tokenize(text, start, end)
    words, matches = tokens.words, tokens.matches
    hits = [h for h in _matcher().find(tokens) if not _inside(h.start, h.end, names)]
    found = [
        ToneWord(h.start, h.end, text[h.start : h.end], h.entry.weight, "news lexicon")
        for h in hits
    ]
    textblob = _textblob_words(text, start, end, assessments, found, names)
    found = [word for word in found if word.weight] + textblob  # weight 0: no tone, no TextBlob
    turn = [i for i, w in enumerate(words) if w in CONTRASTS]
    concession = _concession(text, words, matches)
    weighted = []
    for word in sorted(found, key=lambda w: w.start):
        position = next((i for i, m in enumerate(matches) if m.start() >= word.start), len(words))
        weight = word.weight
        if word.source == "news lexicon" and NEGATORS & set(
            words[max(0, position - NEGATION_REACH) : position]
        ):
            weight *= NEGATION_SCALE
        if turn:
            weight *= CONTRAST_BEFORE if position < turn[-1] else CONTRAST_AFTER
        if concession and concession[0] <= word.start < concession[1]:
            weight *= CONCESSION
        weighted.append(ToneWord(word.start, word.end, word.text, round(weight, 4), word.source))
    return tuple(weighted)


def news_score(words: Sequence[ToneWord]) -> float:
    """The news lens's score of a sentence (or part) from its weighted words, −1…+1."""
    total = sum(word.weight for word in words)
    return round(float(total / (total * total + SCALE) ** 0.5), 4)


def _inside(start: int, end: int, spans: Sequence[Span]) -> bool:
    return any(span.start < end and start < span.end for span in spans)


def _textblob_words(
    text: str,
    start: int,
    end: int,
    assessments: Sequence[Assessment],
    news: Sequence[ToneWord],
    names: Sequence[Span],
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
        if _inside(match.start(), match.end(), names) or _inside(match.start(), match.end(), news):
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
