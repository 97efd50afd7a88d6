"""`compare(reports) -> Comparison`: what outlets include, leave out, and how they word it.

One module per part of the comparison: `columns` (outlets or articles, and `Evidence`),
`profiles`, `coverage` (facts reported, only reported, left out; `grouping` groups the
sentences into facts), `entities` (key entities and numbers), `quotes` (shared quotes),
`voices`, `descriptions` (a speaker described in one article is known in all), `words` (distinctive words and actor labels) and `disagreement` (where the tone
lenses disagree); `comparison` puts them together.
"""

from .columns import By, Column, Evidence
from .comparison import Comparison, compare
from .coverage import Coverage, Fact
from .descriptions import share_descriptions
from .grouping import Vectors
from .quotes import SharedQuote
from .voices import Voices

__all__ = [
    "By",
    "Column",
    "Comparison",
    "Coverage",
    "Evidence",
    "Fact",
    "SharedQuote",
    "Vectors",
    "Voices",
    "compare",
    "share_descriptions",
]
