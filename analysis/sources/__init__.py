"""Quoted sources: every quotation in an article, who said it, and the article's source mix.

A quote is `direct` (a statement in quotation marks with a cue: `“…,” X said`),
`continuation` (a quoted sentence with no cue of its own right after a direct quote),
`partial` (a quoted fragment inside the author's sentence: `what she called “…”`) or
`indirect` (reported speech without marks: `X said (that) …`, `…, officials said`,
`according to X, …`). Quoted terms with no speaker (`the “2+2” dialogue`) are scare
quotes and are not counted; `reportedly`, `critics say` and `it is understood` are
unsourced claims, recorded separately.

The parts, in the order `analyze_sources` runs them: `marked` (quotation marks),
`indirect` (reported speech), with the attribution rules in `attribution` and `subjects`
and the speaker phrases in `phrases` and `describe`; `resolve` (who each mention refers
to), `unsourced`, and `mix` (the source mix). The words the rules use are data files
(`lexicon`).
"""

from .extract import analyze_sources
from .model import (
    GENDERS,
    MARKED_KINDS,
    QUOTE_KINDS,
    SPEAKER_TYPES,
    Form,
    Gender,
    Quote,
    QuoteKind,
    SourceMix,
    Sources,
    Speaker,
    SpeakerType,
    Unsourced,
)

__all__ = [
    "GENDERS",
    "MARKED_KINDS",
    "QUOTE_KINDS",
    "SPEAKER_TYPES",
    "Form",
    "Gender",
    "Quote",
    "QuoteKind",
    "SourceMix",
    "Sources",
    "Speaker",
    "SpeakerType",
    "Unsourced",
    "analyze_sources",
]
