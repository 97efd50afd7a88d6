"""Which language an article is in, and which of its paragraphs are in another: the
analyzers are built for English, so anything else is said plainly.
"""

from collections import Counter
from dataclasses import replace
from functools import cache
from typing import Any

from ..resources import load_tsv
from ..text import WORD, count_words, find_paragraphs, stopwords
from .article import Article, InputWarning

# The language detector's probability above which a text is said to be in a language;
# below it (short or mixed texts) the language is "und", undetermined.
LANGUAGE_CONFIDENCE = 0.8
# A paragraph of an English article is checked for another language when it has at least
# FOREIGN_MIN_WORDS words, under FOREIGN_MAX_FUNCTION_WORDS of them English function
# words, and is flagged when the identifier is FOREIGN_CONFIDENCE sure.
FOREIGN_MIN_WORDS = 12
FOREIGN_MAX_FUNCTION_WORDS = 0.08
FOREIGN_CONFIDENCE = 0.95
ENGLISH = "en"
UNDETERMINED = "und"


# Language


def with_language(article: Article) -> Article:
    """The article with its detected language and, unless it is English, a warning that
    the analyzers are English-only (its scores are still computed and shown). An English
    article with whole paragraphs in another language is warned about too."""
    code = detect_language(article.text)
    if code not in (ENGLISH, UNDETERMINED) and _mostly_english(article.text):
        code = ENGLISH  # a long quote in another script can tip the guess on the whole text
    warnings = tuple(w for w in article.warnings if w.kind != "language")
    if code not in (ENGLISH, UNDETERMINED):
        warnings += (InputWarning("language", _language_message(code)),)
    elif foreign := foreign_paragraphs(article.text):
        warnings += (InputWarning("language", _mixed_message(foreign, count_words(article.text))),)
    return replace(article, lang=code, warnings=warnings)


def foreign_paragraphs(text: str) -> list[tuple[int, str, int]]:
    """(number from 1, language code, words) of each paragraph of `text` written in another
    language than English. Only a paragraph almost without English function words (English
    prose has 30-50%) is given to the language identifier, which must then be sure."""
    found = []
    for span in find_paragraphs(text):
        paragraph = text[span.start : span.end]
        words = WORD.findall(paragraph)
        if len(words) < FOREIGN_MIN_WORDS:
            continue
        english = sum(word.lower() in stopwords() for word in words) / len(words)
        if english >= FOREIGN_MAX_FUNCTION_WORDS:
            continue
        code, probability = _language_identifier().classify(paragraph)
        if code not in (ENGLISH, "zxx") and probability >= FOREIGN_CONFIDENCE:
            found.append((span.index + 1, code, len(words)))
    return found


def _mostly_english(text: str) -> bool:
    """Are most words in paragraphs identified as English?"""
    words: Counter[str] = Counter()
    for span in find_paragraphs(text):
        paragraph = text[span.start : span.end]
        count = count_words(paragraph)
        if count >= FOREIGN_MIN_WORDS:
            words[detect_language(paragraph)] += count
    return words[ENGLISH] > words.total() / 2


def _mixed_message(foreign: list[tuple[int, str, int]], total_words: int) -> str:
    numbers = ", ".join(str(number) for number, _, _ in foreign)
    languages = " and ".join(
        dict.fromkeys(f"{language_name(code)} ({code})" for _, code, _ in foreign)
    )
    words = sum(count for _, _, count in foreign)
    one = len(foreign) == 1
    return (
        f"paragraph{'' if one else 's'} {numbers} ({words} of {total_words} words) "
        f"look{'s' if one else ''} like {languages}, not English: the analyzers misread "
        "such text, so treat tone, quotes and frames found there as unreliable"
    )


def detect_language(text: str) -> str:
    """ISO 639 code of the language of `text`, or "und" when it cannot be told."""
    code, probability = _language_identifier().classify(text)
    return code if probability >= LANGUAGE_CONFIDENCE and code != "zxx" else UNDETERMINED


def language_name(code: str) -> str:
    """English name of a language code (the code itself when unknown)."""
    return {row_code: name for row_code, name in load_tsv("languages.tsv")}.get(code, code)


def _language_message(code: str) -> str:
    return (
        f"this text looks like {language_name(code)} ({code}), not English. The analyzers "
        "are built for English: their word lists for tone, quotes and frames miss or misread "
        "most of it, so treat its scores as unreliable"
    )


@cache
def _language_identifier() -> Any:
    """py3langid's bundled model (naive Bayes over byte n-grams, 1.6 s to load once)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
