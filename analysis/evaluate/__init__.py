"""The analyzers measured against hand annotation of real articles.

`gold` reads the gold files (docs/annotating-*.md says how they are made); one module per
layer scores it (`quotes`, `unsourced`, `frames`); `scoring.evaluate` runs every section of
every gold file.
"""

from .gold import GoldArticle, read_gold
from .scoring import evaluate

__all__ = ["GoldArticle", "evaluate", "read_gold"]
